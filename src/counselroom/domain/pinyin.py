"""Pinyin search keys for names: type "zs" or "zhangsan" to find 张三.

A key is the full pinyin without tones and the initials, lower case, separated by one space:
张三 → "zhangsan zs". A search box matches either half as a prefix or substring.

Surnames: pypinyin (0.55) has no surname mode, so a polyphonic surname gets its everyday
reading (单 dan, 曾 ceng). :data:`SURNAME_READINGS` holds the few surnames whose reading as a
surname differs; it is kept small on purpose: only characters that are almost always read this
way when they open a name. The given name is converted on its own, so a phrase reading never
spans the surname and the given name.

Characters with no pinyin (𠮷, Latin letters, digits) pass through lower-cased; whitespace and
the middle dots of transliterated names (阿卜杜·热合曼) are dropped, as nobody types them.
"""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin

from counselroom.domain.text import normalise_ascii

__all__ = ["COMPOUND_SURNAMES", "SURNAME_READINGS", "search_key", "split_name"]

SURNAME_READINGS: dict[str, str] = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "朴": "piao",
    "查": "zha",
    "缪": "miao",
    "翟": "zhai",
}

# Two-character surnames (复姓) found on rosters; pypinyin reads all of them correctly.
COMPOUND_SURNAMES = frozenset(
    {
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "令狐",
        "夏侯",
        "司徒",
        "宇文",
        "独孤",
        "端木",
        "南宫",
        "西门",
        "百里",
        "呼延",
    }
)

_MARK = "\x00"  # tags a run that pypinyin could not convert (see _convert)
_DROPPED = frozenset(" \t\r\n\u3000·•・‧.")


def split_name(name: str) -> tuple[str, str]:
    """(surname, given name): a listed two-character surname, else the first character."""
    if name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def search_key(name: str) -> str:
    """Full pinyin and initials of ``name``, e.g. 欧阳娜娜 → "ouyangnana oynn"."""
    cleaned = "".join(ch for ch in normalise_ascii(name) if ch not in _DROPPED)
    if not cleaned:
        return ""
    surname, given = split_name(cleaned)
    full: list[str] = []
    initials: list[str] = []
    if surname in SURNAME_READINGS:
        reading = SURNAME_READINGS[surname]
        full.append(reading)
        initials.append(reading[0])
    else:
        _convert(surname, full, initials)
    _convert(given, full, initials)
    return "".join(full).lower() + " " + "".join(initials).lower()


def _convert(text: str, full: list[str], initials: list[str]) -> None:
    """One pypinyin call: a reading's initial is its first letter (zh → z, as FIRST_LETTER
    gives); a run of characters without pinyin comes back marked and is kept whole."""
    for chunk in lazy_pinyin(text, style=Style.NORMAL, errors=_mark):
        if chunk.startswith(_MARK):
            full.append(chunk[1:])
            initials.append(chunk[1:])
        else:
            full.append(chunk)
            initials.append(chunk[:1])


def _mark(chars: str) -> str:
    return _MARK + chars
