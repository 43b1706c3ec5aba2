"""`card`, `export` and `import`: the CLI face of the transfer services (docs/transfer.md).

Passphrases come from a file (`--passphrase-file`, its first line) so they never appear in the
process list or the shell history.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from counselroom.cli.output import respond, table
from counselroom.cli.secrets_input import SecretSource
from counselroom.domain.errors import CounselRoomError
from counselroom.services.context import Context
from counselroom.services.document_numbers import pdf_path, save_document
from counselroom.services.documents import student_id_for
from counselroom.services.school_cards import (
    read_card_file,
    remove_card,
    trust_card,
    trusted_cards,
)
from counselroom.services.school_identity import CardInfo, export_card
from counselroom.services.transfer_export import (
    ExportRequest,
    all_students,
    export_students,
    grade_students,
)
from counselroom.services.transfer_import import import_archive, needs_passphrase
from counselroom.services.transfer_letter import render_transfer_letter


def cmd_transfer(ctx: Context, args: argparse.Namespace, secrets: SecretSource) -> int:
    del secrets  # passphrases come from files; the account's password was read already
    if args.command == "card":
        return _card(ctx, args)
    if args.command == "export":
        return _export(ctx, args)
    return _import(ctx, args)


def _card_json(card: CardInfo) -> dict[str, Any]:
    return {
        "name": card.name,
        "code": card.code,
        "district": card.district,
        "fingerprint": card.fingerprint,
        "fingerprint_spoken": card.spoken_fingerprint,
    }


def _card(ctx: Context, args: argparse.Namespace) -> int:
    if args.card_command == "export":
        card = export_card(ctx, args.out)
        text = f"saved {args.out}\n{card.name}: fingerprint {card.spoken_fingerprint}"
        respond(args.json, {"path": str(args.out), **_card_json(card)}, text)
    elif args.card_command == "trust":
        trusted = trust_card(ctx, read_card_file(args.file))
        text = f"trusted {trusted.card.name} (card {trusted.id}): {trusted.card.spoken_fingerprint}"
        respond(args.json, {"id": trusted.id, **_card_json(trusted.card)}, text)
    elif args.card_command == "list":
        cards = trusted_cards(ctx)
        rows = [[str(c.id), c.card.name, c.card.spoken_fingerprint] for c in cards]
        respond(
            args.json,
            {"cards": [{"id": c.id, **_card_json(c.card)} for c in cards]},
            table(rows, ["id", "school", "fingerprint"]) if rows else "no trusted school cards",
        )
    else:
        remove_card(ctx, args.id)
        respond(args.json, {"removed": args.id}, f"removed card {args.id} from the trust list")
    return 0


def _passphrase(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        with path.open(encoding="utf-8-sig") as handle:
            line = handle.readline().rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise CounselRoomError(f"{path}: cannot read the passphrase ({exc})") from None
    if not line:
        raise CounselRoomError(f"{path}: the first line (the passphrase) is empty")
    return line


def _export(ctx: Context, args: argparse.Namespace) -> int:
    if args.student:
        ids = tuple(dict.fromkeys(student_id_for(ctx, sid) for sid in args.student))
    elif args.grade:
        ids = grade_students(ctx, args.grade)
    else:
        ids = all_students(ctx)
    if not ids:
        raise CounselRoomError("no student to export")
    request = ExportRequest(
        student_ids=ids,
        purpose=args.purpose,
        consent_ref=args.consent,
        card=read_card_file(args.to) if args.to else None,
        passphrase=_passphrase(args.passphrase_file),
        recipient_name=args.to_school or "",
    )
    letter = pdf_path(args.letter) if args.letter else None  # checked before anything is done
    result = export_students(ctx, request, args.out)
    to = result.recipient or "a passphrase"
    text = (
        f"saved {result.path}: {len(result.students)} students for {to}\n"
        f"sha256 {result.sha256}\nthe students are marked 转出 (transferred)"
    )
    data = {
        "path": str(result.path),
        "transfer_id": result.transfer_id,
        "sha256": result.sha256,
        "method": result.method,
        "recipient": result.recipient,
        "recipient_fingerprint": result.recipient_fingerprint,
        "students": [
            {"id": s.id, "student_no": s.student_no, "name": s.name} for s in result.students
        ],
    }
    if letter is not None:
        rendered = render_transfer_letter(ctx, result.transfer_id)
        save_document(ctx, rendered, letter)
        data["letter"] = {"path": str(letter), "number": rendered.numbers[0]}
        text += f"\ncover letter {rendered.numbers[0]}: {letter}"
    respond(args.json, data, text)
    return 0


def _import(ctx: Context, args: argparse.Namespace) -> int:
    passphrase = _passphrase(args.passphrase_file)
    if passphrase is None and needs_passphrase(args.file):
        raise CounselRoomError(
            f"{args.file}: the archive is protected by a passphrase: give it with "
            "--passphrase-file F (first line of F)"
        )
    result = import_archive(
        ctx, args.file, passphrase, trust_sender=args.trust_sender, dry_run=args.dry_run
    )
    preview = result.preview
    rows = [[s.student_no or "", s.name, s.outcome, "; ".join(s.notes)] for s in preview.students]
    head = (
        f"from {preview.sender.name} (fingerprint {preview.sender.spoken_fingerprint}), "
        f"{preview.purpose}; consent {preview.consent_ref}"
    )
    if args.dry_run:
        tail = "dry run: nothing was changed"
    elif result.transfer_id is None:
        tail = "nothing new: this archive was imported before"
    else:
        tail = f"imported as transfer {result.transfer_id}"
    text = "\n".join((head, table(rows, ["学籍号", "name", "outcome", "notes"]), tail))
    respond(args.json, {**result.to_json(), "dry_run": args.dry_run}, text)
    return 0
