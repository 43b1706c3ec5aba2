"""`screening import|list`: the `--json` shapes are a contract (DESIGN.md); keys are never renamed.

`import` reads the file, finds its header row, maps the columns (automatically, overridden by
`--map FIELD=COLUMN`) and runs services.screening_import — the same service the window's import
dialog runs, so both refuse and report alike. A file refused as a whole exits 1 with a message
naming the file; an import that ran exits 0 even when rows were unmatched or skipped (the
report lists each with its row and column).
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from typing import Any

from counselroom.cli.output import emit_json, table
from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.domain.grades import grade_level
from counselroom.domain.screening_flags import ITEM9
from counselroom.domain.terms import term_of
from counselroom.intake.columns import HeaderGuess, parse_map_options
from counselroom.intake.problems import Problem
from counselroom.intake.screening_fields import (
    INSTRUMENT_NAMES,
    detect_mht_mode,
    guess_header,
    screening_fields,
)
from counselroom.intake.sheets import Table, read_table
from counselroom.services.areas import screening_batches
from counselroom.services.context import Context
from counselroom.services.localtime import local_today
from counselroom.services.screening_batches import MIN_GRADE, BatchInput
from counselroom.services.screening_import import (
    ScreeningReport,
    import_screening,
    matched_grades,
)

EXIT_USAGE = 2
_GRADE_SEPARATORS = re.compile(r"[,，、;；\s]+")


class UsageError(CounselRoomError):
    """Options that contradict each other or cannot be read (exit 2)."""

    exit_code = EXIT_USAGE


def cmd_screening(ctx: Context, args: argparse.Namespace) -> int:
    if args.screening_command == "list":
        return _list(ctx, args)
    return _import(ctx, args)


# -- import ---------------------------------------------------------------------------------


def _mapping(tbl: Table, instrument: str, options: list[str]) -> tuple[int, dict[str, int]]:
    """(header row index, field -> column): found automatically, then ``--map`` options win
    (a column they take is taken from the field it was guessed for)."""
    try:
        guess, scales = guess_header(tbl, instrument)
    except ValidationError:
        if not options:
            raise
        # Headers nobody recognises, mapped by hand: the first row is the header.
        headers = tbl.rows[0].cells
        scales = instrument == "mht" and detect_mht_mode(headers)
        guess = HeaderGuess(0, headers, {})
    fields = screening_fields(instrument, scales=scales)
    try:
        chosen = parse_map_options(options, guess.headers, fields)
    except ValidationError as error:
        raise error.located(record="--map") from None
    mapping = {
        key: column
        for key, column in guess.mapping.items()
        if key not in chosen and column not in chosen.values()
    }
    mapping.update(chosen)
    return guess.row_index, mapping


def _day(text: str | None) -> date:
    if not text:
        return local_today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"--date: {text!r} is not a date like 2026-10-15") from None


def _grades(text: str) -> tuple[int, ...]:
    """ "7,8,9", "7-9" or "初一,初二" → levels."""
    levels: set[int] = set()
    for part in filter(None, _GRADE_SEPARATORS.split(text.strip())):
        low, dash, high = part.partition("-")
        try:
            if dash:
                levels.update(range(int(low), int(high) + 1))
            else:
                levels.add(int(part) if part.isdigit() else grade_level(part))
        except (ValueError, ValidationError):
            raise UsageError(f"--grades: cannot read {part!r} (write e.g. 7,8,9 or 7-9)") from None
    if not levels:
        raise UsageError("--grades: no grade given (write e.g. 7,8,9)")
    return tuple(sorted(levels))


def _batch(
    ctx: Context, args: argparse.Namespace, tbl: Table, header_row: int, mapping: dict[str, int]
) -> int | BatchInput:
    if args.batch is not None:
        return int(args.batch)
    on = _day(args.date)
    grades = _grades(args.grades) if args.grades else ()
    if not grades:
        grades = matched_grades(ctx, tbl, header_row, mapping, args.instrument)
    if not grades:
        if not args.dry_run:
            raise ValidationError(
                "no row matches a student still at school, so the batch's grades cannot be"
                " taken from the file; check it with --dry-run, or give --grades",
                record=tbl.name,
            )
        grades = tuple(range(MIN_GRADE[args.instrument], 13))
    return BatchInput(
        instrument=args.instrument,
        on=on,
        term=args.term or term_of(on).label_zh,
        grades=grades,
        consent_ref=args.consent,
        note=None,
    )


def _check_batch_instrument(ctx: Context, batch_id: int, instrument: str) -> None:
    """Before the file is read: --map options are checked against the instrument's fields, so
    a wrong --instrument would otherwise be reported as an unknown field."""
    for row in screening_batches(ctx):
        if row.id == batch_id:
            if row.instrument != instrument:
                raise ValidationError(
                    f"batch {batch_id} holds {INSTRUMENT_NAMES[row.instrument]} results, not "
                    f"{INSTRUMENT_NAMES[instrument]}; check --instrument",
                    field="--batch",
                )
            return
    raise ValidationError(f"no screening batch with id {batch_id}", field="--batch")


def _import(ctx: Context, args: argparse.Namespace) -> int:
    if args.batch is not None:
        if any((args.date, args.term, args.grades, args.consent)):
            raise UsageError(
                "--date, --term, --grades and --consent describe a new batch; "
                "leave them out with --batch"
            )
        _check_batch_instrument(ctx, args.batch, args.instrument)
    tbl = read_table(args.file)
    header_row, mapping = _mapping(tbl, args.instrument, args.map)
    batch = _batch(ctx, args, tbl, header_row, mapping)
    report = import_screening(
        ctx,
        batch,
        tbl,
        header_row,
        mapping,
        dry_run=args.dry_run,
        instrument=args.instrument,
    )
    if args.json:
        emit_json(report_json(report))
    else:
        print(report_text(report, args.instrument))
    return 0


def report_json(report: ScreeningReport) -> dict[str, Any]:
    return {
        "file": report.file,
        "scored": report.scored,
        "flagged": report.flagged,
        "item9_alerts": report.item9_alerts,
        "invalid": report.invalid,
        "unmatched": report.unmatched,
        "skipped": report.skipped,
        "rows": report.rows,
        "dry_run": report.dry_run,
        "batch_id": report.batch_id,
        "problems": [p.to_json() for p in report.problems],
        "lines": [
            {
                "row": line.row,
                "status": line.status,
                "student_id": line.student_id,
                "name": line.name,
                "class": line.class_label,
                "total": line.total,
                "flags": list(line.flags),
                "item9": line.item9,
            }
            for line in report.lines
        ],
    }


def problem_text(problem: Problem, file: str) -> str:
    """ "row 14, 第3题: …" — the row and the column's header as the file has them."""
    if problem.row is None:
        where = file if problem.column is None else f"{file}, {problem.column}"
    else:
        where = f"row {problem.row}"
        if problem.column is not None:
            where += f", {problem.column}"
    return f"{where}: {problem.reason}"


def report_text(report: ScreeningReport, instrument: str) -> str:
    name = INSTRUMENT_NAMES[instrument]
    out = []
    alerts = [line for line in report.lines if ITEM9 in line.flags]
    if alerts:
        out.append("PHQ-9 ITEM 9 ALERTS — same-day risk assessment (筛查提示，非诊断):")
        for line in alerts:
            who = f"{line.name} {line.class_label}".strip() or "(unknown student)"
            if line.status in ("scored", "invalid"):
                task = (
                    "risk task for the counsellor, due today"
                    if not report.dry_run
                    else "a risk task will be created"
                )
            else:
                task = "NOT IMPORTED — find the student today (see the problems below)"
            out.append(f"  row {line.row}: {who}, item 9 = {line.item9}: {task}")
    head = "dry run, nothing written" if report.dry_run else f"batch {report.batch_id}"
    out.append(
        f"{report.file} ({name}, {head}): {report.rows} rows — scored {report.scored}, "
        f"invalid {report.invalid}, unmatched {report.unmatched}, skipped {report.skipped}; "
        f"flagged for interview {report.flagged}, item-9 alerts {report.item9_alerts}"
    )
    if report.problems:
        out.append(f"problems ({len(report.problems)}):")
        out.extend(f"  {problem_text(p, report.file)}" for p in report.problems)
    return "\n".join(out)


# -- list -----------------------------------------------------------------------------------


def _list(ctx: Context, args: argparse.Namespace) -> int:
    rows = screening_batches(ctx)
    if args.json:
        emit_json(
            {
                "batches": [
                    {
                        "id": r.id,
                        "instrument": r.instrument,
                        "date": r.on,
                        "term": r.term,
                        "grades": [int(g) for g in r.grades.split(",") if g.strip()],
                        "results": r.results,
                        "flagged": r.flagged,
                        "item9_alerts": r.item9_alerts,
                        "invalid": r.invalid,
                    }
                    for r in rows
                ]
            }
        )
        return 0
    body = [
        [
            str(r.id),
            INSTRUMENT_NAMES.get(r.instrument, r.instrument),
            r.on.isoformat(),
            r.term,
            r.grades,
            str(r.results),
            str(r.flagged),
            str(r.item9_alerts),
            str(r.invalid),
        ]
        for r in rows
    ]
    headers = ["编号", "量表", "日期", "学期", "年级", "人数", "提示", "第9题", "无效"]
    print(table(body, headers))
    print(f"{len(rows)} batches")
    return 0
