"""Change a student's tier (分类分层): the new tier, from when, why, on what evidence.

Raising a tier makes the program create the notification tasks of the new tier's policy list;
the form says beforehand that it will, and afterwards how many it made. Lowering needs a
review record (研判): its field appears only then, because asking for it on a raise would
make the counsellor write something the rule does not want.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox, QGridLayout, QWidget

from counselroom.domain.tiers import Tier
from counselroom.services.casework import EVIDENCE_KINDS, TierChangeResult, change_tier
from counselroom.services.context import Context
from counselroom.ui import dialogs
from counselroom.ui.i18n import fill
from counselroom.ui.labels import tier_full
from counselroom.ui.student_file import labels
from counselroom.ui.student_file.form_fields import combo_of, date_edit, read_date, text_area, today
from counselroom.ui.student_file.form_kit import FileHost, FormDialog

translate = QCoreApplication.translate


def tier_icon(tier: int) -> QIcon:
    """A square of the tier's policy colour; the item's text always says the tier too."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(Tier.from_code(tier).colour_hex))
    return QIcon(pixmap)


def tier_combo(current: int) -> QComboBox:
    box = QComboBox()
    for tier in Tier:
        box.addItem(tier_icon(tier.value), f"{tier.value}  {tier_full(tier.value)}", tier.value)
    # The usual change is one step up; at the top the only way is down.
    box.setCurrentIndex(current + 1 if current < Tier.CRISIS.value else current - 1)
    return box


class TierDialog(FormDialog):
    def __init__(self, host: FileHost, current: int, parent: QWidget | None = None) -> None:
        super().__init__(host, translate("CaseForm", "Change the tier"), parent)
        self.setObjectName("tierDialog")
        self.current = current
        self.now_label = self.intro(
            fill(
                translate("CaseForm", "Current tier: %1"),
                f"{current}  {tier_full(current)}",
            )
        )
        self.to_tier = tier_combo(current)
        self.effective_on = date_edit(today())
        self.evidence_kind = combo_of(EVIDENCE_KINDS, labels.evidence_kind, "interview")
        self.reason = text_area(lines=3)
        self.evidence = text_area(lines=3)
        self.review_note = text_area(lines=3)
        self.consequence = self.intro("")
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        grid.addWidget(self.now_label, 0, 0, 1, 3)
        grid.addWidget(self.field("to_tier", translate("CaseForm", "New tier"), self.to_tier), 1, 0)
        grid.addWidget(
            self.field("effective_on", translate("CaseForm", "Effective from"), self.effective_on),
            1,
            1,
        )
        grid.addWidget(
            self.field("evidence_kind", translate("CaseForm", "Based on"), self.evidence_kind),
            1,
            2,
        )
        grid.addWidget(self.consequence, 2, 0, 1, 3)
        grid.addWidget(
            self.field("reason", translate("CaseForm", "Reason"), self.reason), 3, 0, 1, 3
        )
        grid.addWidget(
            self.field(
                "evidence",
                translate("CaseForm", "Evidence"),
                self.evidence,
                translate(
                    "CaseForm",
                    "What the decision rests on: the interview, the scores, the report.",
                ),
            ),
            4,
            0,
            1,
            3,
        )
        grid.addWidget(
            self.field(
                "review_note",
                translate("CaseForm", "Review before lowering (研判) *"),
                self.review_note,
                translate(
                    "CaseForm", "Required when lowering: who reviewed the case, and the finding."
                ),
            ),
            5,
            0,
            1,
            3,
        )
        grid.setColumnStretch(0, 1)
        self.body.addLayout(grid)
        self.to_tier.currentIndexChanged.connect(self._direction)
        self._direction()
        self.resize(680, 560)
        self.ready()

    def lowering(self) -> bool:
        return int(self.to_tier.currentData()) < self.current

    def _direction(self) -> None:
        lowering = self.lowering()
        self.fields["review_note"].box.setVisible(lowering)
        if lowering:
            text = translate(
                "CaseForm", "Lowering a tier notifies nobody; it needs the review record below."
            )
        elif int(self.to_tier.currentData()) == self.current:
            text = translate("CaseForm", "The student is already at this tier.")
        else:
            text = translate(
                "CaseForm",
                "Raising the tier creates the notification tasks of the new tier's list "
                "(who must be told, and by when).",
            )
        self.consequence.setText(text)
        self.consequence.setAlignment(Qt.AlignmentFlag.AlignLeft)

    def call(self, ctx: Context) -> Callable[[], object]:
        student_id = self.host.student_id
        to_tier = int(self.to_tier.currentData())
        effective_on = read_date(self.effective_on)
        reason = self.reason.toPlainText()
        kind = self.evidence_kind.currentData()
        evidence = self.evidence.toPlainText()
        review = self.review_note.toPlainText() if self.lowering() else None
        return lambda: change_tier(
            ctx,
            student_id,
            to_tier=to_tier,
            effective_on=effective_on,
            reason=reason,
            evidence_kind=kind,
            evidence=evidence,
            review_note=review,
        )

    def succeeded(self, result: object) -> None:
        assert isinstance(result, TierChangeResult)
        count = len(result.tasks)
        if count:
            text = fill(
                translate(
                    "CaseForm",
                    "The tier was changed. %1 notification task(s) were created: they are "
                    "listed under “Notifications” on this tab, each with whom to tell and by "
                    "when.",
                ),
                count,
            )
        else:
            text = translate("CaseForm", "The tier was changed. No notification task was created.")
        dialogs.inform(self.parentWidget(), translate("CaseForm", "Tier changed"), text)
