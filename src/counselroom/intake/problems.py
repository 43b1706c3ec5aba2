"""One problem found while importing a file, located the way the counsellor will look it up.

A dry run lists every problem at once, so they are values collected in a report rather than
exceptions; the row is the number Excel or WPS shows and the column is the header as written
in the file, so the counsellor can find the cell without knowing our field names.

``reason`` is English, for the CLI and its ``--json``; ``template`` and ``args`` say the same
for the window, which translates the template (context "problems") and fills in the data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from counselroom.domain.errors import ValidationError, fill
from counselroom.intake.sheets import column_letter


@dataclass(frozen=True)
class Problem:
    """What is wrong, and where: a cell, a whole row (column None) or the file (row None)."""

    row: int | None  # spreadsheet row number (SheetRow.number); None = the whole file
    column: str | None  # the header text as in the file (its letter if empty); None = whole row
    reason: str  # English, says what is wrong and, where useful, what to do
    template: str = ""  # the reason before the data is filled in; "" when there is none
    args: tuple[str, ...] = ()  # the data for %1, %2, … of the template

    @classmethod
    def of(cls, row: int | None, column: str | None, template: str, *args: object) -> Problem:
        """The problem whose reason is ``template`` (marked QT_TRANSLATE_NOOP) filled in."""
        texts = tuple(str(arg) for arg in args)
        return cls(row, column, fill(template, *texts), template, texts)

    @classmethod
    def of_error(cls, row: int | None, column: str | None, error: ValidationError) -> Problem:
        """The problem a refused value makes, keeping the error's template for the window."""
        return cls(row, column, error.message, error.template or "", error.args)

    def to_json(self) -> dict[str, object]:
        """The shape of the CLI's ``--json`` output: {"row", "column", "reason"}."""
        return {"row": self.row, "column": self.column, "reason": self.reason}

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.reason}" if where else self.reason


def column_name(headers: Sequence[str], index: int) -> str:
    """How a problem names column ``index``: its header as written, else its letter ("C")."""
    header = headers[index] if index < len(headers) else ""
    return header or column_letter(index)
