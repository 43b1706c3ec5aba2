"""The strip at the top of a student file: who he is, where he sits, how he is doing.

Name large; then the facts a counsellor checks before a conversation (学籍号, class, 班主任,
status, next follow-up) on one line; tier badge with words; care groups as small chips.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from counselroom.services.student_file import FileHeader
from counselroom.ui.i18n import fill
from counselroom.ui.labels import status_label
from counselroom.ui.named import named
from counselroom.ui.student_file import labels
from counselroom.ui.tier_badge import TierBadge

STYLE = """
QLabel#studentName { font-size: 18pt; font-weight: 600; }
QLabel#headerFacts { color: #37474F; }
QLabel#statusChip, QLabel#fileStateChip {
    border: 1px solid #90A4AE; border-radius: 10px; padding: 1px 10px; color: #37474F; }
QLabel#groupChip {
    background: #E3F2FD; color: #0D47A1; border: 1px solid #90CAF9; border-radius: 9px;
    padding: 1px 8px; }
QLabel#groupsCaption { color: #546E7A; }
"""


class FileHeaderView(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileHeader")
        self.name_label = named(QLabel(), "studentName")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tier_badge = TierBadge()
        self.status_chip = named(QLabel(), "statusChip")
        self.file_state_chip = named(QLabel(), "fileStateChip")
        self.facts_label = named(QLabel(), "headerFacts")
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.groups_caption = named(QLabel(self.tr("Care groups:")), "groupsCaption")
        self.chips: list[QLabel] = []
        self._chip_row = QHBoxLayout()
        self._chip_row.setSpacing(6)

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.name_label)
        top.addWidget(self.tier_badge)
        top.addWidget(self.status_chip)
        top.addWidget(self.file_state_chip)
        top.addStretch(1)
        groups = QHBoxLayout()
        groups.setSpacing(6)
        groups.addWidget(self.groups_caption)
        groups.addLayout(self._chip_row)
        groups.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.facts_label)
        layout.addLayout(groups)
        self.setStyleSheet(STYLE)

    def set_header(self, header: FileHeader) -> None:
        self.name_label.setText(header.name)
        self.tier_badge.set_tier(header.tier)
        self.tier_badge.show()
        self.status_chip.setText(status_label(header.status))
        self.status_chip.show()
        self.file_state_chip.setText(labels.file_state(header.file_state))
        self.file_state_chip.show()
        nothing = self.tr("—")
        klass = " ".join(part for part in (header.grade, header.class_label) if part)
        if header.class_label.startswith(header.grade):
            klass = header.class_label  # "初二(3)班" already names the grade
        facts = [
            fill(self.tr("Student no.: %1"), header.student_no or nothing),
            fill(self.tr("Class: %1"), klass or nothing),
            fill(self.tr("Head teacher: %1"), header.head_teacher or nothing),
            fill(
                self.tr("Next follow-up: %1"),
                labels.day(header.next_follow_up) or self.tr("none planned"),
            ),
        ]
        moved = header.transfer
        if moved is not None:
            school = moved.school or self.tr("a school without a card")
            text = (
                self.tr("Transferred out: %1 to %2")
                if moved.direction == "export"
                else self.tr("File came from %2 on %1")
            )
            facts.append(fill(text, labels.day(moved.on), school))
        self.facts_label.setText("　　".join(facts))
        self._set_groups(header.groups)

    def _set_groups(self, codes: tuple[str, ...]) -> None:
        for chip in self.chips:
            self._chip_row.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        if not codes:
            chip = named(QLabel(self.tr("none")), "groupsCaption")
            self.chips.append(chip)
            self._chip_row.addWidget(chip)
            return
        for code in codes:
            chip = named(QLabel(labels.group_label(code)), "groupChip")
            self.chips.append(chip)
            self._chip_row.addWidget(chip)

    def group_texts(self) -> list[str]:
        return [chip.text() for chip in self.chips if chip.objectName() == "groupChip"]

    def clear(self) -> None:
        self.name_label.clear()
        self.facts_label.clear()
        self.tier_badge.hide()
        self.status_chip.hide()
        self.file_state_chip.hide()
        self._set_groups(())
