"""档案转接函: the paper that travels with a transfer archive to the receiving school.

It lists the students, the purpose and the family's consent, and prints the archive's SHA-256
in groups of four for the two schools to compare by phone. How the archive is locked is stated;
a passphrase is never printed — the data holds none, and it is told separately.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from counselroom.documents.data import TransferLetterData
from counselroom.documents.kinds import common
from counselroom.documents.model import Block, Document, Fields, SectionTitle, SignLines, Table
from counselroom.documents.printed_words import TRANSFER_METHOD_ZH, word
from counselroom.domain.errors import ValidationError

KIND = "transfer-letter"
GROUP = 4
GROUPS_PER_LINE = 8
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def key(data: TransferLetterData) -> str:
    return KIND


def fingerprint_groups(sha256_hex: str) -> str:
    """64 hex digits as 16 groups of 4, eight to a line, for reading aloud."""
    digits = sha256_hex.strip().lower()
    if not _SHA256.match(digits):
        raise ValidationError(
            f"archive fingerprint must be 64 hex digits (SHA-256), got {sha256_hex!r}",
            field="archive_sha256",
        )
    groups = [digits[i : i + GROUP] for i in range(0, len(digits), GROUP)]
    lines = [
        " ".join(groups[i : i + GROUPS_PER_LINE]) for i in range(0, len(groups), GROUPS_PER_LINE)
    ]
    return "\n".join(lines)


def values(data: TransferLetterData) -> dict[str, str]:
    return {
        **common.issue_values(data.school, data.issue),
        "接收学校": data.to_school,
        "学生人数": str(len(data.students)),
        "转接目的": common.or_missing(data.purpose),
        "同意依据": common.or_missing(data.consent_ref),
        "传输方式": word(TRANSFER_METHOD_ZH, data.method),
    }


def build(
    data: TransferLetterData, parts: Mapping[str, str], template_version: int | None
) -> Document:
    filled = values(data)
    title = common.heading(parts, filled)
    students = Table(
        ("序号", "姓名", "学籍号", "原班级"),
        tuple(
            (str(n), s.name, common.or_missing(s.student_no), common.or_missing(s.class_label))
            for n, s in enumerate(data.students, start=1)
        ),
        widths=(0.6, 1.5, 3.0, 2.0),
    )
    rows = [
        ("转出学校", data.school.name),
        ("接收学校", data.to_school),
        ("学生人数", f"{len(data.students)}名"),
        ("转接目的", filled["转接目的"]),
        ("知情同意依据", filled["同意依据"]),
        ("加密方式", filled["传输方式"]),
        ("档案指纹（SHA-256）", fingerprint_groups(data.archive_sha256)),
    ]
    if data.recipient_fingerprint.strip():
        rows.append(("接收学校名片指纹", data.recipient_fingerprint.strip()))
    rows.append(("联系人", f"{filled['辅导老师']}（{filled['联系电话']}）"))
    blocks: list[Block] = [
        title,
        common.addressee(data.to_school),
        *common.paragraphs(common.filled(parts, "body", filled)),
        SectionTitle("一、转接学生名单"),
        students,
        SectionTitle("二、档案信息"),
        Fields(tuple(rows), columns=1),
        SignLines(("经办人签名", "校长签名")),
        common.signature(data.school, data.issue, "（盖章）"),
    ]
    head = common.running_head(data.school, data.issue, title.text)
    return common.document(KIND, head, tuple(blocks), template_version)
