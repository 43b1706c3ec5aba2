"""`roster import|export`: the `--json` shape is a contract (keys may be added, never renamed).

An import that ran exits 0 even when rows were skipped: the report lists them, by row and
column, and the good rows are in. A file refused as a whole (unreadable, no header, a required
column missing) raises ValidationError naming the file, which main() turns into exit 1.
"""

from __future__ import annotations

import argparse
from typing import Any

from counselroom.cli.output import emit_json
from counselroom.intake.columns import find_header, parse_map_options
from counselroom.intake.problems import Problem
from counselroom.intake.roster_fields import CHANGE_LABELS_ZH, ROSTER_FIELDS
from counselroom.intake.sheets import read_table
from counselroom.services.context import Context
from counselroom.services.roster_export import export_roster
from counselroom.services.roster_import import RosterLine, RosterReport, import_roster

_ACTIONS_SHOWN = ("add", "update")


def cmd_roster(ctx: Context, args: argparse.Namespace) -> int:
    if args.roster_command == "export":
        return _export(ctx, args)
    return _import(ctx, args)


def _import(ctx: Context, args: argparse.Namespace) -> int:
    table = read_table(args.file)
    guess = find_header(table, ROSTER_FIELDS)
    mapping = dict(guess.mapping)
    chosen = parse_map_options(args.map, guess.headers, ROSTER_FIELDS)
    for field, column in chosen.items():
        # A column holds one field: --map moves it away from what auto-mapping gave it.
        for other in [f for f, c in mapping.items() if c == column and f != field]:
            del mapping[other]
        mapping[field] = column
    report = import_roster(ctx, table, guess.row_index, mapping, dry_run=args.dry_run)
    if args.json:
        emit_json(report_json(report))
    else:
        print(report_text(report))
    return 0


def _export(ctx: Context, args: argparse.Namespace) -> int:
    count = export_roster(ctx, args.out)
    if args.json:
        emit_json({"students": count, "file": str(args.out)})
    else:
        print(f"{count} students written to {args.out}")
    return 0


def _shown(line: RosterLine) -> bool:
    return line.action in _ACTIONS_SHOWN or bool(line.notes)


def report_json(report: RosterReport) -> dict[str, Any]:
    return {
        "file": report.file,
        "dry_run": report.dry_run,
        "rows": report.rows,
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "skipped": report.skipped,
        "problems": [p.to_json() for p in report.problems],
        "changes": [
            {
                "row": line.row,
                "action": line.action,
                "student_id": line.student_id,
                "student_no": line.student_no,
                "name": line.name,
                "class": line.class_label,
                "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in line.changes],
                "notes": list(line.notes),
            }
            for line in report.lines
            if _shown(line)
        ],
    }


def problem_text(problem: Problem) -> str:
    """ "row 12, 身份证件号: …" — the header as the file has it, so it can be found in Excel."""
    where = [part for part in (_row(problem.row), problem.column) if part]
    return f"{', '.join(where)}: {problem.reason}" if where else problem.reason


def _row(row: int | None) -> str:
    return f"row {row}" if row is not None else ""


def report_text(report: RosterReport) -> str:
    lines = [
        f"{report.file}: {report.rows} rows: {report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged, {report.skipped} skipped"
        + (" (dry run: nothing was written)" if report.dry_run else "")
    ]
    if report.problems:
        lines.append("problems (these rows were skipped):" if not report.dry_run else "problems:")
        lines += [f"  {problem_text(p)}" for p in report.problems]
    shown = [line for line in report.lines if _shown(line)]
    if shown:
        lines.append("changes:")
    for line in shown:
        who = f"{line.student_no} {line.name} {line.class_label}".strip()
        lines.append(f"  row {line.row} {line.action} {who}")
        if line.action == "update":
            lines += [
                f"    {CHANGE_LABELS_ZH.get(c.field, c.field)}: {c.old or '-'} → {c.new or '-'}"
                for c in line.changes
            ]
        lines += [f"    note: {note}" for note in line.notes]
    return "\n".join(lines)
