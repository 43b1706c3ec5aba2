"""Argument parsing, dispatch, and the mapping from errors to exit codes.

`counselroom` without a subcommand starts the window, so this module imports the commands (and
the services, SQLAlchemy and the vault behind them) only when one of them runs: the window's
start-up does not wait for them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from counselroom import __version__
from counselroom.cli.secrets_input import SecretSource
from counselroom.domain.errors import CounselRoomError
from counselroom.paths import default_vault_dir

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_AUTH, EXIT_IN_USE = 0, 1, 2, 3, 4
# services.document_options.STUDENT_KINDS, written out so parsing imports no service
DOCUMENT_KINDS = (
    "parent-notice",
    "escalation-notice",
    "district-report",
    "referral-letter",
    "plan",
    "return-assessment",
    "closure-report",
)


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error under `--json` still prints one JSON object (exit 2).

    Subparsers are made by argparse itself, so the flag is a class attribute set by `main`.
    """

    json_requested = False

    def error(self, message: str) -> NoReturn:
        if Parser.json_requested:
            from counselroom.cli.output import emit_json

            emit_json({"error": f"{self.prog}: {message}", "exit_code": EXIT_USAGE})
        super().error(message)


def build_parser() -> argparse.ArgumentParser:
    common = Parser(add_help=False)
    # SUPPRESS: a subcommand without --vault must not erase `counselroom --vault X cmd`
    common.add_argument(
        "--vault",
        type=Path,
        default=argparse.SUPPRESS,
        help="vault folder (default: the per-user data folder)",
    )
    common.add_argument("--json", action="store_true", help="print one JSON object")
    signed_in = Parser(add_help=False, parents=[common])
    signed_in.add_argument("--user", required=True, help="account to sign in as")

    parser = Parser(prog="counselroom", description="CounselRoom (心理辅导室)")
    parser.add_argument("--version", action="version", version=f"counselroom {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="start the window on a throwaway demo vault"
    )
    parser.add_argument("--vault", type=Path, default=None, help="vault folder for the window")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)

    p = sub.add_parser("gui", parents=[common], help="start the window")
    p.add_argument("--demo", action="store_true", help="on a throwaway demo vault")

    p = sub.add_parser("init", parents=[common], help="create a vault")
    p.add_argument("--school", required=True)
    p.add_argument(
        "--school-type", default="complete", choices=["primary", "junior", "senior", "complete"]
    )
    p.add_argument("--admin", required=True)

    p = sub.add_parser("demo", parents=[common], help="create a vault with a synthetic school")
    p.add_argument("--students", type=int, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--admin", default="admin")
    p.add_argument(
        "--profile",
        default="school",
        choices=["school", "benchmark"],
        help="school: a realistic case load; benchmark: DESIGN.md's sizes (30%% open files)",
    )

    sub.add_parser("verify", parents=[signed_in], help="check integrity (exit 1 with findings)")
    p = sub.add_parser("recover", parents=[common], help="reset a password with the recovery code")
    p.add_argument("--user", required=True)

    p = sub.add_parser("user", help="accounts and roles")
    user_sub = p.add_subparsers(dest="user_command", required=True)
    user_sub.add_parser("list", parents=[signed_in])
    q = user_sub.add_parser("add", parents=[signed_in])
    q.add_argument("name")
    q.add_argument("--role", required=True, choices=["admin", "counsellor", "viewer"])
    q.add_argument("--display-name")
    q = user_sub.add_parser("passwd", parents=[signed_in])
    q.add_argument("name", nargs="?", help="whose password (default: your own)")
    q = user_sub.add_parser("disable", parents=[signed_in])
    q.add_argument("name")
    q.add_argument(
        "--keep-key", action="store_true", help="do not rotate the data key (not recommended)"
    )

    p = sub.add_parser("student", help="list students or show one file")
    student_sub = p.add_subparsers(dest="student_command", required=True)
    q = student_sub.add_parser("list", parents=[signed_in])
    q.add_argument("--grade")
    q.add_argument("--tier", type=int, choices=[0, 1, 2, 3])
    q.add_argument("--status", choices=["enrolled", "on_leave", "transferred", "graduated"])
    q.add_argument("--search")
    q = student_sub.add_parser("show", parents=[signed_in])
    q.add_argument("sid", help="学籍号 or internal id")

    p = sub.add_parser("roster", help="import or export the student roster (花名册)")
    roster_sub = p.add_subparsers(dest="roster_command", required=True)
    q = roster_sub.add_parser("import", parents=[signed_in], help="import a roster .xlsx/.csv")
    q.add_argument("file", type=Path)
    q.add_argument("--dry-run", action="store_true", help="list what would change; change nothing")
    _add_map_option(q, "student_no=学生编号 or name=C")
    q = roster_sub.add_parser("export", parents=[signed_in], help="save the roster as .xlsx/.csv")
    q.add_argument("--out", type=Path, required=True)

    p = sub.add_parser("screening", help="screening batches and results")
    screening_sub = p.add_subparsers(dest="screening_command", required=True)
    q = screening_sub.add_parser(
        "import", parents=[signed_in], help="import a results .xlsx/.csv into a batch"
    )
    q.add_argument("file", type=Path)
    q.add_argument("--instrument", required=True, choices=["phq9", "gad7", "mht"])
    q.add_argument("--dry-run", action="store_true", help="score and list; change nothing")
    q.add_argument("--batch", type=int, help="add to this existing batch (default: a new one)")
    q.add_argument("--date", help="the new batch's date, YYYY-MM-DD (default: today)")
    q.add_argument("--term", help="the new batch's term, e.g. 2026-2027学年第一学期")
    q.add_argument("--grades", help="the new batch's grades, e.g. 7,8,9 (default: the file's)")
    q.add_argument("--consent", help="consent reference (告知书/知情同意 number or title)")
    _add_map_option(q, "student_no=学号 or item1=D")
    q = screening_sub.add_parser("list", parents=[signed_in], help="the screening batches")

    p = sub.add_parser(
        "document",
        parents=[signed_in],
        help="print one document of a student's file to a PDF (recorded in the file)",
    )
    p.add_argument("--kind", required=True, choices=DOCUMENT_KINDS)
    p.add_argument("--student", required=True, metavar="SID", help="学籍号 or internal id")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="the PDF to write")
    p.add_argument(
        "--recipient",
        metavar="ROLE",
        help="escalation-notice: head_teacher, subject_teachers, moral_education, safety_office, "
        "vice_principal or principal (default: one notice per role the tier's list names)",
    )
    p.add_argument(
        "--referral",
        type=int,
        metavar="ID",
        help="referral-letter: which referral (default: latest)",
    )
    p.add_argument(
        "--note", help="the counsellor's addition (parent, escalation, district, referral)"
    )
    _add_transfer_parsers(sub, common, signed_in)
    return parser


def _add_transfer_parsers(
    sub: argparse._SubParsersAction[Parser], common: Parser, signed_in: Parser
) -> None:
    """card, export, import, backup, restore (issue 8; docs/transfer.md)."""
    p = sub.add_parser("card", help="this school's card (what another school needs to send to it)")
    card_sub = p.add_subparsers(dest="card_command", required=True)
    q = card_sub.add_parser("export", parents=[signed_in], help="save this school's card")
    q.add_argument("--out", type=Path, required=True, metavar="FILE")
    q = card_sub.add_parser(
        "trust", parents=[signed_in], help="add another school's card to the trust list"
    )
    q.add_argument("file", type=Path, help="the card file (compare its fingerprint first)")
    card_sub.add_parser("list", parents=[signed_in], help="the trusted schools")
    q = card_sub.add_parser("remove", parents=[signed_in], help="take a card off the list")
    q.add_argument("id", type=int)

    p = sub.add_parser(
        "export", parents=[signed_in], help="export students to a transfer archive (档案转接)"
    )
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--student", action="append", metavar="SID", help="学籍号 or id; repeatable")
    who.add_argument("--grade", help="every student of a grade, e.g. 9 or 初三")
    who.add_argument(
        "--all", action="store_true", help="every student of the vault (a school merged away)"
    )
    to = p.add_mutually_exclusive_group(required=True)
    to.add_argument("--to", type=Path, metavar="CARD", help="the receiving school's card file")
    to.add_argument(
        "--passphrase-file", type=Path, metavar="F", help="first line: the archive's passphrase"
    )
    p.add_argument(
        "--to-school", metavar="NAME", help="with a passphrase: the receiving school's name"
    )
    p.add_argument("--purpose", required=True, help="why the files are handed over (PIPL art. 23)")
    p.add_argument("--consent", required=True, help="the family's consent reference")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument(
        "--letter", type=Path, metavar="FILE.pdf", help="also save the cover letter (档案转接函)"
    )

    p = sub.add_parser("import", parents=[signed_in], help="import a transfer archive")
    p.add_argument("file", type=Path)
    p.add_argument("--passphrase-file", type=Path, metavar="F")
    p.add_argument(
        "--trust-sender",
        action="store_true",
        help="add the sender's card to the trust list (compare its fingerprint first)",
    )
    p.add_argument("--dry-run", action="store_true", help="check and list; change nothing")

    p = sub.add_parser("backup", parents=[signed_in], help="back the vault up to one file")
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE",
        help="the backup file, or a folder (a dated file is made there)",
    )
    p.add_argument(
        "--keep", type=int, metavar="N", help="with a folder: keep the newest N backups there"
    )
    p = sub.add_parser("restore", parents=[common], help="replace the vault by a backup")
    p.add_argument("file", type=Path)
    p.add_argument(
        "--user", help="an account of the backup (default: the password is tried on each)"
    )


def _add_map_option(parser: argparse.ArgumentParser, example: str) -> None:
    """--map FIELD=COLUMN, repeatable: the CLI's form of the window's column mapping step."""
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help=f"map a field to a column header or letter (e.g. {example})",
    )


def dispatch(args: argparse.Namespace, secrets: SecretSource) -> int:
    if args.command is None or args.command == "gui":
        return start_gui(args)
    from counselroom.cli import roster, screening, students, vaultcmds
    from counselroom.services import auth

    args.vault = getattr(args, "vault", None) or default_vault_dir()
    simple = {
        "init": vaultcmds.cmd_init,
        "demo": vaultcmds.cmd_demo,
        "verify": vaultcmds.cmd_verify,
        "recover": vaultcmds.cmd_recover,
    }
    if args.command == "restore":
        from counselroom.cli import backups

        return backups.cmd_restore(args, secrets)
    if args.command in simple:
        return simple[args.command](args, secrets)
    ctx = auth.login(args.vault, args.user, secrets.password(args.user))
    try:
        if args.command == "user":
            return vaultcmds.cmd_user(ctx, args, secrets)
        if args.command == "roster":
            return roster.cmd_roster(ctx, args)
        if args.command == "screening":
            return screening.cmd_screening(ctx, args)
        if args.command == "document":
            from counselroom.cli import documents  # reportlab: only for this command

            return documents.cmd_document(ctx, args)
        if args.command in ("card", "export", "import"):
            from counselroom.cli import transfer

            return transfer.cmd_transfer(ctx, args, secrets)
        if args.command == "backup":
            from counselroom.cli import backups

            return backups.cmd_backup(ctx, args)
        if args.student_command == "list":
            return students.cmd_list(ctx, args)
        return students.cmd_show(ctx, args)
    finally:
        ctx.close()


def start_gui(args: argparse.Namespace) -> int:
    from counselroom.app import run_demo_gui, run_gui  # Qt is imported only for the window

    if args.demo:
        return run_demo_gui()
    return run_gui(getattr(args, "vault", None) or default_vault_dir())


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    Parser.json_requested = "--json" in (sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    try:
        return dispatch(args, SecretSource())
    except CounselRoomError as exc:
        code = getattr(exc, "exit_code", EXIT_FAILED)
        print(f"counselroom: {exc}", file=sys.stderr)
        if getattr(args, "json", False):
            from counselroom.cli.output import emit_json

            emit_json({"error": str(exc), "exit_code": code})
        return code
    except KeyboardInterrupt:
        print("counselroom: interrupted", file=sys.stderr)
        return 130
