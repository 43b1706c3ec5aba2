"""Render the 转接 page and its dialogs at 1366×768 into docs/screenshots/transfers-*.png.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=src python docs/screenshots/transfers.py [zh_CN|en]

Two throwaway demo schools: 第一中学 (this window) trusts 乙中学's card and has sent and received
archives; the dialogs show an export being prepared, an archive from an unknown school in the
preview, and a card that carries a trusted school's name with other keys. Synthetic data only.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="counselroom-transfer-shots-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["COUNSELROOM_CONFIG_DIR"] = str(WORK / "config")
os.environ["COUNSELROOM_DATA_DIR"] = str(WORK / "data")

from PySide6.QtWidgets import QWidget  # noqa: E402

from counselroom.app import CounselRoomApp  # noqa: E402
from counselroom.services.context import Context  # noqa: E402
from counselroom.services.demo import create_demo_vault  # noqa: E402
from counselroom.services.school_cards import read_card_file, trust_card  # noqa: E402
from counselroom.services.school_identity import export_card  # noqa: E402
from counselroom.services.setup import SchoolDetails, init_vault  # noqa: E402
from counselroom.services.students import list_students  # noqa: E402
from counselroom.services.transfer_export import ExportRequest, export_students  # noqa: E402
from counselroom.services.transfer_import import import_archive  # noqa: E402
from counselroom.storage.models import SchoolProfile  # noqa: E402
from counselroom.ui import dialogs  # noqa: E402
from counselroom.ui.main_window import MainWindow  # noqa: E402
from counselroom.ui.session import SessionHandle  # noqa: E402
from counselroom.ui.transfers.page import TransfersPage  # noqa: E402
from counselroom.vault.kdf import INSECURE_TEST_PARAMS  # noqa: E402

OUT = Path(__file__).parent
SIZE = (1366, 768)
LANGUAGE = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
TODAY = date(2026, 11, 20)
app = CounselRoomApp([], language=LANGUAGE)


def settle(until: Callable[[], bool] | None = None, timeout: float = 30.0) -> None:
    end = time.monotonic() + (timeout if until else 0.4)
    while time.monotonic() < end:
        app.processEvents()
        if until is not None and until():
            break
        time.sleep(0.02)
    for _ in range(15):
        app.processEvents()
        time.sleep(0.02)


def shot(widget: QWidget, name: str) -> None:
    settle()
    suffix = "" if LANGUAGE == "zh_CN" else f"-{LANGUAGE}"
    widget.grab().save(str(OUT / f"transfers-{name}{suffix}.png"))
    print("saved", f"transfers-{name}{suffix}.png")


def school(folder: str, name: str, students: int, seed: int) -> Context:
    if students:
        ctx, _code, _summary = create_demo_vault(
            WORK / folder, students, seed=seed, kdf=INSECURE_TEST_PARAMS, today=TODAY
        )
        return ctx
    ctx, _code = init_vault(
        WORK / folder,
        SchoolDetails(name, code="5001030002", district="渝中区"),
        "admin",
        "correct-horse-1",
        kdf=INSECURE_TEST_PARAMS,
    )
    return ctx


def rename(ctx: Context, name: str, code: str, district: str) -> None:
    """Demo vaults all carry the demo school's name; the other school needs its own."""
    with ctx.vault.write() as session:
        profile = session.get(SchoolProfile, 1)
        assert profile is not None
        profile.name, profile.code, profile.district = name, code, district


def card(ctx: Context, name: str) -> Path:
    path = WORK / f"{name}.crcard"
    export_card(ctx, path)
    return path


def main() -> None:
    here = school("here", "", 120, 3)
    other = school("other", "乙中学", 40, 8)
    impostor = school("impostor", "重庆市乙中学", 0, 0)
    rename(other, "重庆市乙中学", "5001030002", "渝中区")
    trust_card(here, read_card_file(card(other, "other")))
    trust_card(other, read_card_file(card(here, "here")))
    mine = [r for r in list_students(here) if r.student_no]
    theirs = [r for r in list_students(other) if r.student_no]
    sent = WORK / "sent.crx"
    export_students(
        here,
        ExportRequest(tuple(r.id for r in mine[:3]), "转学", "转学知情同意书 2026-031", card_id=1),
        sent,
    )
    received = WORK / "received.crx"
    export_students(
        other,
        ExportRequest(tuple(r.id for r in theirs[:4]), "初升高", "知情同意书 2026-118", card_id=1),
        received,
    )
    import_archive(here, received)
    unknown = school("unknown", "丙中学", 12, 11)
    rename(unknown, "重庆市丙小学", "5001050017", "江北区")
    from_unknown = WORK / "unknown.crx"
    trust_card(unknown, read_card_file(card(here, "here2")))
    export_students(
        unknown,
        ExportRequest(
            tuple(r.id for r in list_students(unknown)[:5]), "小升初", "同意书 2026-09", card_id=1
        ),
        from_unknown,
    )
    impostor_card = card(impostor, "impostor")
    for ctx in (other, impostor, unknown):
        ctx.close()

    window = MainWindow(SessionHandle(here))
    window.resize(*SIZE)
    window.show()
    window.show_page("transfers")
    page = window.page("transfers")
    assert isinstance(page, TransfersPage)
    settle(lambda: page.shown is not None)
    shot(window, "page")

    with dialogs.replaced(dialogs.ScriptedPrompter()):
        export = page.open_export()
        settle(lambda: export.chooser.list.count() > 0)
        export.chooser.tick([r.id for r in mine[5:7]])
        export.consent.setText("转学知情同意书 2026-047")
        export.path_edit.setText(str(WORK / "转接档案-重庆市乙中学-2026-11-20.crx"))
        shot(export, "export")
        export.reject()

        incoming = page.open_import()
        incoming.open_file(from_unknown)
        settle(lambda: incoming.preview is not None)
        shot(incoming, "import")
        incoming.reject()

        page.trust_list.add(impostor_card)
        settle(lambda: page.trust_list.dialog is not None)
        dialog = page.trust_list.dialog
        assert dialog is not None
        shot(dialog, "card-warning")
        dialog.reject()
    window.close()


if __name__ == "__main__":
    main()
