"""Writing one round of prepared works: one multi-row INSERT per table for all students.

An import of a whole school is tens of thousands of rows. Built as ORM objects and flushed
student by student, most of the time went to the unit of work, not to SQLite. Here each table is
written once for the whole round with one Core ``executemany`` (ids given here, see _insert_rows),
in the order of SECTIONS, so that every record a later one names (the screening result of a
concern, the consent of a referral, a parent row of its children) already has its local id.
The rules (which records are new, origins, authors, plan versions, guardian ordinals) are the
work's (student_import_work.py) and the row's (student_import_rows.py); only the writing is here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from counselroom.services.student_import_present import institutions
from counselroom.services.student_import_rows import Item, column_values, origin_text
from counselroom.services.student_import_work import Work
from counselroom.storage.base import Base, utcnow
from counselroom.storage.models import Leave, Student
from counselroom.transfer.student_fields import OBJECT, Record
from counselroom.transfer.student_records import BATCH, SECTIONS, STUDENT
from counselroom.transfer.student_records_care import INSTITUTION, RETURN

# One row waiting for its table's INSERT: (index of its work, its record, its column values).
_Entry = tuple[int, Item, dict[str, object]]


def write_round(session: Session, works: Sequence[Work], user_id: int) -> list[int]:
    """Write ``works`` (prepared together, one per student) and return each one's student id."""
    return _Round(session, works, user_id).write()


class _Round:
    def __init__(self, session: Session, works: Sequence[Work], user_id: int) -> None:
        self.session = session
        self.works = works
        self.user_id = user_id
        # Per work: section → sender id → local id, for REF fields; the file's own first.
        self.refs: list[dict[str, dict[int, int]]] = [
            {name: dict(work.present.ids.get(record.table, {})) for name, record in SECTIONS}
            for work in works
        ]
        self.student_ids: list[int] = []
        # One dict for the round (prepare_all shares it): a batch made for one student's
        # result is the batch of the next student's result from the same sender batch.
        self.batches: dict[int, int] = works[0].batches if works else {}
        self.institutions: dict[tuple[str, str], int] = {}
        self.extra: dict[str, list[_Entry]] = {}  # child table → rows of no parent row here

    def write(self) -> list[int]:
        self.student_ids = self._students()
        writing = [index for index, work in enumerate(self.works) if work.added]
        self._batches(writing)
        self._institutions(writing)
        self.extra[RETURN.table] = self._returns(writing)
        for name, record in SECTIONS:
            entries = [
                (index, item, self._values(record, index, item, ordinal))
                for index in writing
                for ordinal, item in enumerate(self.works[index].new[name], start=1)
            ]
            for (index, item, _), local in zip(entries, self._insert(record, entries), strict=True):
                self.refs[index][name][item["id"]] = local
        self.session.flush()  # the file states and leave states set on ORM rows
        return self.student_ids

    def _students(self) -> list[int]:
        """New students are inserted; a student here with no case work takes the sender's."""
        rows = []
        for work in self.works:
            if work.student is None:
                rows.append(_new_student(work.doc["student"], work.sender, self.user_id))
            elif work.take_file_state:
                _take_file_state(work.student, work.doc["student"], self.user_id)
        new = iter(_insert_rows(self.session, _table(STUDENT.table), rows))
        return [next(new) if work.student is None else work.student.id for work in self.works]

    def _values(self, record: Record, index: int, item: Item, ordinal: int) -> dict[str, object]:
        work = self.works[index]
        values = column_values(record, item, self.user_id, self.refs[index])
        if "student_id" in _table(record.table).c:
            values["student_id"] = self.student_ids[index]
        if record.has_origin:
            values["origin"] = origin_text(record, item, work.sender)
        for field in record.fields:
            if field.kind == OBJECT:
                values[field.source] = self._object(field.name, item[field.name])
        if record.table == "guardians" and work.present.max_ordinal:
            values["ordinal"] = work.present.max_ordinal + ordinal  # after the local ones
        if record.table == "plans" and item["id"] in work.plan_versions:
            values["version"] = work.plan_versions[item["id"]]
        return values

    def _insert(self, record: Record, entries: list[_Entry]) -> list[int]:
        """Insert ``entries`` into ``record.table``, then their children; the new ids in order."""
        table = _table(record.table)
        ids = _insert_rows(self.session, table, [values for _, _, values in entries])
        for field in record.children:
            child = field.record
            assert child is not None
            key = _parent_key(table, _table(child.table))
            children = [
                (index, item, {**self._values(child, index, item, 0), key: parent})
                for (index, parent_item, _), parent in zip(entries, ids, strict=True)
                for item in parent_item[field.name]
            ]
            self._insert(child, children + self.extra.pop(child.table, []))
        return ids

    def _returns(self, writing: list[int]) -> list[_Entry]:
        """Returns recorded at the sender after their leave was imported here."""
        entries: list[_Entry] = []
        for index in writing:
            for leave_id, leave, item in self.works[index].new_returns:
                values = {**self._values(RETURN, index, item, 0), "leave_id": leave_id}
                entries.append((index, item, values))
                local = self.session.get(Leave, leave_id)
                if local is not None:
                    local.state = leave["state"]  # the sender's leave it is: now returned
        return entries

    def _batches(self, writing: list[int]) -> None:
        """A local batch for each sender batch first met here (one per sender batch, shared)."""
        needed: dict[int, Item] = {}
        for index in writing:
            for result in self.works[index].new["screening_results"]:
                batch = result["batch"]
                if batch["id"] not in self.batches:
                    needed.setdefault(batch["id"], batch)
        sender = self.works[writing[0]].sender if writing else ""
        rows = [
            {
                **column_values(BATCH, item, self.user_id, {}),
                "origin": origin_text(BATCH, item, sender),
            }
            for item in needed.values()
        ]
        made = _insert_rows(self.session, _table(BATCH.table), rows)
        self.batches.update(zip(needed, made, strict=True))

    def _institutions(self, writing: list[int]) -> None:
        """A local institution of that kind and name, else one kept only for the record
        (deleted, so it is not offered in this school's lists)."""
        referrals = [item for index in writing for item in self.works[index].new["referrals"]]
        names = {item["institution"]["name"] for item in referrals}
        self.institutions = institutions(self.session, names)
        needed: dict[tuple[str, str], Item] = {}
        for referral in referrals:
            item = referral["institution"]
            key = (item["kind"], item["name"])
            if key not in self.institutions:
                needed.setdefault(key, item)
        rows = [
            {**column_values(INSTITUTION, item, self.user_id, {}), "deleted_at": utcnow()}
            for item in needed.values()
        ]
        made = _insert_rows(self.session, _table(INSTITUTION.table), rows)
        self.institutions.update(zip(needed, made, strict=True))

    def _object(self, name: str, item: Item) -> int:
        if name == "batch":
            return self.batches[item["id"]]
        if name == "institution":
            return self.institutions[(item["kind"], item["name"])]
        raise AssertionError(f"no local record for a sender's {name}")


def _new_student(profile: Item, sender: str, user_id: int) -> dict[str, object]:
    values = column_values(STUDENT, profile, user_id, {})
    values["class_label_original"] = values.pop("class_label")
    values["keeper_id"] = user_id if profile["file_state"] != "none" else None
    values["status"] = "enrolled"
    values["origin"] = origin_text(STUDENT, profile, sender)
    return values


def _take_file_state(student: Student, profile: Item, user_id: int) -> None:
    """A student with no case work here takes the sender's file as it stands."""
    values = column_values(STUDENT, profile, user_id, {})
    for name in ("file_state", "tier", "next_follow_up", "file_opened_at"):
        setattr(student, name, values[name])
    if student.keeper_id is None:
        student.keeper_id = user_id


def _insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, object]]) -> list[int]:
    """Insert ``rows`` (all with the same keys) and return their new ids, in their order.

    The ids are given here, following the largest id in the table, which is what SQLite itself
    gives a row inserted without one (no table has AUTOINCREMENT). ``INSERT … RETURNING`` cannot
    be used for this: SQLite does not promise the order of a multi-row RETURNING, so SQLAlchemy
    falls back to one statement per row (``sort_by_parameter_order``), five times slower than
    one ``executemany``. Safe inside the write transaction: another writer's row between the
    max() and the INSERT would make the INSERT fail (SQLITE_BUSY_SNAPSHOT, or the unique id),
    never take an id silently.
    """
    if not rows:
        return []
    start = int(session.scalar(select(func.max(table.c.id))) or 0) + 1
    ids = list(range(start, start + len(rows)))
    session.execute(insert(table), [{**row, "id": new} for row, new in zip(rows, ids, strict=True)])
    return ids


def _parent_key(parent: Table, child: Table) -> str:
    """The column of ``child`` that holds its parent's id (e.g. session_id)."""
    for foreign_key in child.foreign_keys:
        if foreign_key.column.table is parent:
            return str(foreign_key.parent.name)
    raise AssertionError(f"{child.name} has no key to {parent.name}")


def _table(name: str) -> Table:
    return Base.metadata.tables[name]
