"""恢复码单: the vault's recovery code, printed once at creation to be locked away.

The code is printed in its groups, four to a line, in bold, so it is read and typed group by
group; it is never a placeholder (a template could otherwise put it anywhere, or twice). When
the school's transfer identity exists its card follows, with a QR code another school can scan.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from counselroom.documents.data import RecoverySheetData, SchoolCardInfo
from counselroom.documents.kinds import common
from counselroom.documents.model import (
    Block,
    Document,
    Fields,
    PageBreak,
    Para,
    QRCode,
    SectionTitle,
    Table,
)

KIND = "recovery-sheet"
GROUPS_PER_LINE = 4
USE_LOG_ROWS = 3


def key(data: RecoverySheetData) -> str:
    return KIND


def code_groups(code: str) -> tuple[str, ...]:
    """The code's groups as typed (dashes, spaces and line breaks separate them)."""
    return tuple(group for group in re.split(r"[\s\-—－]+", code.strip()) if group)


def code_lines(code: str) -> str:
    groups = code_groups(code)
    lines = [
        "  ".join(groups[i : i + GROUPS_PER_LINE]) for i in range(0, len(groups), GROUPS_PER_LINE)
    ]
    return "\n".join(lines)


def values(data: RecoverySheetData) -> dict[str, str]:
    return {
        "学校名称": data.school.name,
        "日期": common.date_zh(data.issue.on),
        "文书编号": data.issue.number,
        "管理员": data.admin,
        "保险库编号": data.vault_id,
    }


def _card(card: SchoolCardInfo) -> tuple[Block, ...]:
    rows = (
        ("学校名称", card.name),
        ("学校代码", common.or_missing(card.code)),
        ("所属区县", common.or_missing(card.district)),
        ("名片指纹", card.fingerprint),
        ("接收公钥（age）", card.age_recipient),
        ("签名公钥", card.signing_public_hex),
    )
    return (
        # Its own page: the card may be handed to other schools, the code above must not.
        PageBreak(),
        SectionTitle("三、本校学校名片"),
        Para(
            "其他学校向本校转接学生档案时需要本校的学校名片。对方导入名片后，"
            "请双方通过电话逐组核对名片指纹。本页可以单独复印交给其他学校；"
            "前一页的恢复码不得外传。"
        ),
        Fields(rows, columns=1),
        QRCode(card.qr_payload, caption=f"{card.name} 学校名片"),
    )


def build(
    data: RecoverySheetData, parts: Mapping[str, str], template_version: int | None
) -> Document:
    filled = values(data)
    title = common.heading(parts, filled)
    facts = Fields(
        (
            ("学校", data.school.name),
            ("保险库编号", data.vault_id),
            ("系统管理员", data.admin),
            ("打印日期", filled["日期"]),
        ),
        columns=1,
    )
    use_log = Table(
        ("使用日期", "使用人", "原因"),
        tuple(("\n\n", "", "") for _ in range(USE_LOG_ROWS)),  # room to write
        widths=(1.5, 1.5, 4.0),
    )
    blocks: list[Block] = [
        title,
        *common.paragraphs(common.filled(parts, "body", filled)),
        facts,
        SectionTitle("一、恢复码"),
        Para(code_lines(data.recovery_code), indent=False, align="center", bold=True),
        SectionTitle("二、使用记录"),
        use_log,
        common.signature(data.school, data.issue),
    ]
    if data.card is not None:
        blocks += _card(data.card)
    head = common.running_head(data.school, data.issue, title.text)
    return common.document(KIND, head, tuple(blocks), template_version)
