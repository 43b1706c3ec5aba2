"""One problem found while importing a file, located the way the counsellor will look it up.

A dry run lists every problem at once, so they are values collected in a report rather than
exceptions; the row is the number Excel or WPS shows and the column is the header as written
in the file, so the counsellor can find the cell without knowing our field names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from counselroom.intake.sheets import column_letter


@dataclass(frozen=True)
class Problem:
    """What is wrong, and where: a cell, a whole row (column None) or the file (row None)."""

    row: int | None  # spreadsheet row number (SheetRow.number); None = the whole file
    column: str | None  # the header text as in the file (its letter if empty); None = whole row
    reason: str  # English, says what is wrong and, where useful, what to do

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
