"""A screening file (PHQ-9, GAD-7, MHT) as a kind of import for the generic import dialog.

The dialog (`ui.intake.import_dialog.ImportDialog`) reads the file, lets the user map its
columns and runs the import twice, dry then real; this class tells it which columns a
screening file of one instrument has and turns the service's report into the dialog's lines.
The column list depends on the file for MHT: a platform export carries the 8 scale scores, the
lie score and the total instead of 100 answers, and its headers say which one it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from counselroom.domain.screening_flags import ITEM9
from counselroom.intake.columns import FieldSpec
from counselroom.intake.screening_fields import detect_mht_mode, screening_fields
from counselroom.intake.sheets import Table
from counselroom.services.context import Context
from counselroom.services.screening_batches import BatchInput
from counselroom.services.screening_import import ScreeningReport, import_screening
from counselroom.services.screening_rows import ScreeningLine
from counselroom.ui.areas.codes import (
    instrument_label,
    mht_scale_label,
    screening_flags_text,
    screening_line_label,
)
from counselroom.ui.i18n import fill
from counselroom.ui.intake.import_kind import ImportOutcome

translate = QCoreApplication.translate

_ITEM = re.compile(r"^item(\d+)$")


class ScreeningKind:
    """Results of one instrument into one batch: an existing one (its id) or a new one.

    With a new batch (`BatchInput`) the batch is created by the first real import; a second
    real import from the same dialog then goes into that batch rather than a new one.
    """

    def __init__(self, batch: int | BatchInput, instrument: str) -> None:
        self.batch: int | BatchInput = batch
        self.instrument = instrument

    def title(self) -> str:
        return fill(
            translate("ScreeningKind", "Import %1 screening results"),
            instrument_label(self.instrument),
        )

    def remember_key(self) -> str:
        return f"screening.{self.instrument}"

    def fields(self, headers: Sequence[str]) -> tuple[FieldSpec, ...]:
        scales = self.instrument == "mht" and detect_mht_mode(headers)
        return screening_fields(self.instrument, scales=scales)

    def field_label(self, key: str) -> str:
        item = _ITEM.match(key)
        if item is not None:
            return fill(translate("ScreeningKind", "Item %1"), item[1])
        names = {
            "student_no": translate("ScreeningKind", "Student number (学籍号)"),
            "name": translate("ScreeningKind", "Name"),
            "class": translate("ScreeningKind", "Class"),
            "grade": translate("ScreeningKind", "Grade"),
            "total": translate("ScreeningKind", "Total"),
        }
        return names.get(key) or mht_scale_label(key)

    def run(
        self,
        ctx: Context,
        table: Table,
        header_row: int,
        mapping: Mapping[str, int],
        dry_run: bool,
    ) -> ImportOutcome:
        """Worker thread: the service call and plain strings, no widget."""
        report = import_screening(ctx, self.batch, table, header_row, mapping, dry_run=dry_run)
        if not dry_run and report.batch_id is not None:
            self.batch = report.batch_id
        return ImportOutcome(
            summary=summary_text(report),
            problems=report.problems,
            lines=tuple(line_cells(line) for line in report.lines),
            can_import=report.scored + report.invalid > 0,
            report=report,
            alert_rows=frozenset(line.row for line in report.lines if ITEM9 in line.flags),
        )


def summary_text(report: ScreeningReport) -> str:
    """The counts in one paragraph; a dry run says that nothing was stored yet."""
    counts = fill(
        translate(
            "ScreeningKind",
            "%1 rows: %2 sheets scored, %3 flagged for an interview (%4 PHQ-9 item 9 alerts), "
            "%5 stored but not valid (retest), %6 without a matching student, %7 skipped.",
        ),
        report.rows,
        report.scored,
        report.flagged,
        report.item9_alerts,
        report.invalid,
        report.unmatched,
        report.skipped,
    )
    if report.dry_run:
        return translate("ScreeningKind", "Check only, nothing stored yet.") + " " + counts
    return counts


def line_cells(line: ScreeningLine) -> tuple[str, str, str, str]:
    """(row, student, what happened, total and flags) for the dialog's result table."""
    student = " ".join(part for part in (line.name, line.class_label) if part)
    details = (
        [] if line.total is None else [fill(translate("ScreeningKind", "total %1"), line.total)]
    )
    if line.flags:
        details.append(screening_flags_text(line.flags))
    return (str(line.row), student, screening_line_label(line.status), "；".join(details))
