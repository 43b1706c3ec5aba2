"""What an import would do and did: the preview of an archive, student by student, and the
result the CLI prints as JSON (services/transfer_import.py makes them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counselroom.services.school_identity import CardInfo

IMPORTED, MERGED, UNCHANGED, REFUSED = "imported", "merged", "unchanged", "refused"


@dataclass(frozen=True)
class IncomingStudent:
    member: str
    student_no: str | None
    name: str
    grade_level: int | None
    class_label: str
    outcome: str  # IMPORTED, MERGED, UNCHANGED or REFUSED
    student_id: int | None  # here: the local student (after an import, the new one)
    notes: tuple[str, ...]  # conflicts kept local, or why the student was refused


@dataclass(frozen=True)
class ImportPreview:
    sender: CardInfo
    standing: str  # school_cards.TRUSTED, UNKNOWN, KEY_CHANGED or OWN
    resembles: str  # KEY_CHANGED: the trusted school whose name this card carries
    method: str
    created_at: datetime
    purpose: str
    consent_ref: str
    sha256: str
    students: tuple[IncomingStudent, ...]

    def count(self, outcome: str) -> int:
        return sum(1 for s in self.students if s.outcome == outcome)


@dataclass(frozen=True)
class ImportResult:
    preview: ImportPreview
    transfer_id: int | None  # None: nothing was written (a dry run, or nothing new)
    trusted_now: bool  # the sender's card was added to the trust list by this import

    def to_json(self) -> dict[str, object]:
        """The CLI's `import --json` object (DESIGN.md: imported, merged, refused, students)."""
        p = self.preview
        return {
            "imported": p.count(IMPORTED),
            "merged": p.count(MERGED),
            "unchanged": p.count(UNCHANGED),
            "refused": p.count(REFUSED),
            "transfer_id": self.transfer_id,
            "sender": {"name": p.sender.name, "fingerprint": p.sender.fingerprint},
            "sender_trusted_now": self.trusted_now,
            "sha256": p.sha256,
            "students": [
                {
                    "student_no": s.student_no,
                    "name": s.name,
                    "outcome": s.outcome,
                    "id": s.student_id,
                    "notes": list(s.notes),
                }
                for s in p.students
            ],
        }
