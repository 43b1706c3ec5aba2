"""Render the main screens at 1366×768 (a common school PC) into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/render.py [zh_CN|en]

Builds a throwaway demo vault (1,000 students, benchmark case load, dated today), signs in as
the demo administrator through the real window flow and saves `QWidget.grab()` of each screen.
Synthetic data only: no real person appears in any picture.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="counselroom-shots-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["COUNSELROOM_CONFIG_DIR"] = str(WORK / "config")
os.environ["COUNSELROOM_DATA_DIR"] = str(WORK / "data")

from PySide6.QtWidgets import QWidget  # noqa: E402

from counselroom.app import AppFlow, CounselRoomApp  # noqa: E402
from counselroom.services.demo import DEMO_PASSWORD, create_demo_vault  # noqa: E402
from counselroom.services.students import show_student  # noqa: E402
from counselroom.ui.main_window import MainWindow  # noqa: E402
from counselroom.ui.student_file.records import RecordsPage  # noqa: E402
from counselroom.ui.student_file.window import (  # noqa: E402
    LEAVE,
    OVERVIEW,
    PLAN,
    REFERRALS,
    SCREENING,
    SESSIONS,
    TIMELINE,
)
from counselroom.ui.wizard import FirstRunWizard  # noqa: E402
from counselroom.vault.kdf import INSECURE_TEST_PARAMS  # noqa: E402

OUT = Path(__file__).parent
SIZE = (1366, 768)
LANGUAGE = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
app = CounselRoomApp([], language=LANGUAGE)


def settle(until: Callable[[], bool] | None = None, timeout: float = 30.0) -> None:
    end = time.monotonic() + (timeout if until else 0.4)
    while time.monotonic() < end:
        app.processEvents()
        if until is not None and until():
            break
        time.sleep(0.02)
    for _ in range(15):  # let layouts and repaints finish
        app.processEvents()
        time.sleep(0.02)


def shot(widget: QWidget, name: str) -> None:
    settle()
    suffix = "" if LANGUAGE == "zh_CN" else f"-{LANGUAGE}"
    widget.grab().save(str(OUT / f"{name}{suffix}.png"))
    print("saved", name)


def main() -> None:
    wizard = FirstRunWizard(WORK / "new-vault", calibrate=lambda: INSECURE_TEST_PARAMS)
    wizard.resize(820, 620)
    wizard.show()
    shot(wizard, "wizard")
    wizard.close()

    folder = WORK / "vault"
    ctx, _code, _summary = create_demo_vault(
        folder, 1000, seed=3, kdf=INSECURE_TEST_PARAMS, profile="benchmark"
    )
    ctx.close()
    flow = AppFlow(folder, demo_credentials=("admin", DEMO_PASSWORD), remember=False)
    login = flow.start()
    shot(login, "login")
    login.password_edit.setText(DEMO_PASSWORD)
    login.login_button.click()
    settle(lambda: flow.main_window is not None)
    main_window: MainWindow | None = flow.main_window
    assert main_window is not None
    main_window.resize(*SIZE)
    settle(lambda: main_window.current_key() == "dashboard")
    shot(main_window, "dashboard")

    main_window.show_page("students")
    panel = main_window.students
    settle(lambda: panel.model.rowCount() == 1000)
    panel.filters.tier_combo.setCurrentIndex(panel.filters.tier_combo.count() - 1)  # tier 3
    shot(main_window, "students")
    roster_import(main_window, panel.model.row_at(0).student_no or "")
    pages = (
        "screening",
        "referrals",
        "calendar",
        "ledgers",
        "activities",
        "statistics",
        "settings",
        "audit",
    )
    for key in pages:
        main_window.show_page(key)
        settle(timeout=3)
        shot(main_window, key)

    tiered = [panel.model.row_at(r) for r in range(panel.model.rowCount())]
    tiered = [row for row in tiered if row.tier >= 2 and row.file_state == "open"]
    largest = max(tiered, key=lambda row: show_student(main_window.ctx, str(row.id)).sessions or 0)
    assert flow.file_windows is not None
    window = flow.file_windows.open(largest.id)
    window.resize(*SIZE)
    settle(lambda: window.file is not None)
    for key, name in (
        (OVERVIEW, "file-overview"),
        (SESSIONS, "file-sessions"),
        (TIMELINE, "file-timeline"),
        (SCREENING, "file-screening"),
    ):
        window.tabs.setCurrentIndex(window.tab_index(key))
        shot(window, name)
    window.tabs.setCurrentIndex(window.tab_index(PLAN))
    form = window.casework.plan.write_plan()  # the plan review form, filled from the file
    if form is not None:
        form.resize(1080, 660)
        settle(timeout=1)
        shot(form, "plan-review")
        form.hide()

    referral_and_leave_tabs(main_window, flow, [r.id for r in tiered])

    main_window.lock()
    shot(main_window, "locked")
    main_window.sign_out()


def referral_and_leave_tabs(main_window: MainWindow, flow: AppFlow, ids: list[int]) -> None:
    """The 转介 tab of a student whose referral came back; the 休复学 tab of one who returned."""
    assert flow.file_windows is not None and main_window.ctx is not None
    wanted = {"referral": REFERRALS, "leave": LEAVE}
    for student_id in ids:
        if not wanted:
            return
        detail = show_student(main_window.ctx, str(student_id))
        found = {
            "referral": any(r.feedback_at is not None for r in detail.referrals or ()),
            "leave": detail.leave is not None and detail.leave.state == "returned",
        }
        for kind in [k for k in wanted if found[k]]:
            window = flow.file_windows.open(student_id)
            window.resize(*SIZE)
            settle(lambda w=window: w.file is not None)  # type: ignore[misc]
            window.tabs.setCurrentIndex(window.tab_index(wanted.pop(kind)))
            page, f = window.tabs.currentWidget(), window.file
            if isinstance(page, RecordsPage) and f is not None:
                records = f.referrals if kind == "referral" else f.leaves
                if records:  # the detail of the latest record under the list
                    page.select((kind, max(r.id for r in records)))
            settle(timeout=1)
            shot(window, "file-referrals" if kind == "referral" else "file-leave")


def roster_import(main_window: MainWindow, known_no: str) -> None:
    """The import dialog on a roster as schools send it: a merged title row, columns in the
    system's order, class names written three ways, and four rows with problems."""
    from datetime import date

    from openpyxl import Workbook

    from counselroom.domain.idnumbers import make_id_number, make_student_no
    from counselroom.ui.students_page import StudentsPage

    def pupil(seq: int, born: date) -> tuple[str, str]:
        number = make_id_number("500103", born, seq)
        return number, make_student_no(number)

    rows: list[list[object]] = []
    classes = ("初二(3)班", "八年级3班", "初二（3）班", "高一.5", "七年级（2）班", "2024级3班")
    names = ("陈思远", "林雨桐", "周子涵", "吴浩然", "郑欣怡", "孙嘉豪", "马若曦", "胡一鸣")
    for n, name in enumerate(names):
        number, student_no = pupil(101 + 2 * n + n % 2, date(2012, 3, 1 + n))  # odd: male
        rows.append(
            [
                n + 1, name, "男" if n % 2 == 0 else "女", f"2012-03-{1 + n:02d}", "汉族",
                "居民身份证", number, student_no, "", classes[n % len(classes)], "",
                f"1390000{n:04d}", "是" if n == 2 else "否", name[0] + "建国", "父亲",
            ]
        )  # fmt: skip
    rows[3][7] = rows[3][7][:-1] + ("1" if rows[3][7][-1] != "1" else "2")  # check character
    rows[5][3] = "2012-02-30"  # no such day
    rows[6][7] = rows[1][7]  # the same 学籍号 twice
    rows[7][7] = known_no  # a student already in the vault, another name
    book = Workbook()
    sheet = book.active
    header = [
        "序号", "姓名", "性别", "出生日期", "民族", "身份证件类型", "身份证件号", "全国学籍号",
        "年级", "班级", "班主任", "联系电话", "是否留守儿童", "成员1姓名", "成员1关系",
    ]  # fmt: skip
    sheet.append(["某某市第一中学学生基础信息（学籍系统导出）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(header)
    for values in rows:
        sheet.append(values)
    path = WORK / "花名册.xlsx"
    book.save(path)

    main_window.show_page("students")
    page = main_window.page("students")
    assert isinstance(page, StudentsPage)
    dialog = page.open_import()
    assert dialog is not None
    dialog.resize(1180, 700)
    dialog.load_file(path)
    settle(lambda: dialog.loaded is not None and not dialog.busy)
    shot(dialog, "roster-mapping")
    dialog.check()
    settle(lambda: not dialog.busy and dialog.import_button.isEnabled())
    shot(dialog, "roster-check")
    dialog.close()


if __name__ == "__main__":
    main()
