"""What the generic import dialog needs to know about one kind of file, and the file as read.

The dialog knows nothing of rosters or screenings: a kind names its fields, translates them,
and runs its service, turning the service's report into an `ImportOutcome` the dialog can
show. `run` is called on a worker thread, so it touches no widget; translating there is fine
(`QCoreApplication.translate` is thread-safe). `read_for_import` (also on a worker) reads a
file for a kind: the header row found, the columns proposed, the rows to preview.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.intake.columns import FieldSpec, HeaderGuess, data_rows, find_header
from counselroom.intake.columns import remembered_mapping as apply_remembered
from counselroom.intake.problems import Problem
from counselroom.intake.sheets import SheetRow, Table, read_table
from counselroom.services.context import Context

PREVIEW_ROWS = 20  # enough to recognise each column; the dry run checks every row
MAX_COLUMNS = 256  # a combo box per column; MHT item files have about 105 columns


@dataclass(frozen=True)
class ImportOutcome:
    """One run of a kind (dry or real), in the words the dialog shows."""

    summary: str  # translated one-paragraph summary of the counts
    problems: tuple[Problem, ...]
    lines: tuple[tuple[str, str, str, str], ...]  # (row, student, action/status, details)
    can_import: bool  # False when nothing would be written
    report: object  # the service's report (RosterReport / ScreeningReport)
    # rows whose result must not be missed (a PHQ-9 item-9 alert): drawn red like a problem
    alert_rows: frozenset[int] = frozenset()


class ImportKind(Protocol):
    """One kind of file the import dialog can take."""

    def title(self) -> str:
        """The translated window title."""
        ...

    def remember_key(self) -> str:
        """Where this kind's column choices are remembered: "roster", "screening.phq9", …"""
        ...

    def fields(self, headers: Sequence[str]) -> tuple[FieldSpec, ...]:
        """The fields a column can hold; may depend on the headers (MHT scale exports)."""
        ...

    def field_label(self, key: str) -> str:
        """The translated label of a field, for the mapping combo boxes."""
        ...

    def run(
        self,
        ctx: Context,
        table: Table,
        header_row: int,
        mapping: Mapping[str, int],
        dry_run: bool,
    ) -> ImportOutcome:
        """Run the service (on a worker thread); ValidationError refuses the file as a whole."""
        ...


@dataclass(frozen=True)
class LoadedFile:
    """A file read for import, with the header found and the starting column choices."""

    path: Path
    table: Table
    guess: HeaderGuess
    fields: tuple[FieldSpec, ...]
    width: int  # columns holding any text
    mapping: dict[str, int]  # automatic, overridden by what was remembered for the kind
    preview: tuple[SheetRow, ...]  # the first data rows
    data_count: int

    @property
    def header(self) -> SheetRow:
        return self.table.rows[self.guess.row_index]


def used_width(table: Table) -> int:
    """Columns up to the last one with text: formatted but empty columns are not offered."""
    width = 0
    for row in table.rows:
        for index in range(len(row.cells) - 1, width - 1, -1):
            if row.cells[index]:
                width = index + 1
                break
    return width


def read_for_import(path: Path, kind: ImportKind, remembered: Mapping[str, str]) -> LoadedFile:
    """Read `path`, find its header and choose columns (worker thread; ValidationError)."""
    table = read_table(path)
    general = kind.fields(())
    guess = find_header(table, general)
    fields = kind.fields(guess.headers)
    if fields != general:  # the headers chose another layout (MHT scale scores)
        guess = find_header(table, fields)
    width = used_width(table)
    if width > MAX_COLUMNS:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems",
                "has %1 columns; at most %2 can be imported: delete the columns that are not "
                "needed and import again",
            ),
            width,
            MAX_COLUMNS,
            record=table.name,
        )
    if remembered:
        mapping = apply_remembered(guess.headers, remembered, fields)
    else:
        mapping = dict(guess.mapping)
    known = {spec.key for spec in fields}
    mapping = {key: col for key, col in mapping.items() if key in known and 0 <= col < width}
    data = data_rows(table, guess.row_index)
    return LoadedFile(
        path, table, guess, fields, width, mapping, tuple(data[:PREVIEW_ROWS]), len(data)
    )
