"""The hotlines every vault starts with (issue 6: "12355 and other hotlines preset").

They are ordinary directory entries once inserted: an administrator may edit or delete them.
A vault is matched to them by phone number (:func:`phone_key`), so a school that already typed
12355 under another name does not get it twice. Migration 0003 keeps its own frozen copy of
this list, as a migration must not change when the program's defaults do.
"""

from __future__ import annotations

__all__ = ["PRESET_INSTITUTIONS", "phone_key"]

# (kind, name, department, phone, hours)
PRESET_INSTITUTIONS: tuple[tuple[str, str, str, str, str], ...] = (
    ("hotline", "12355 青少年服务台", "心理咨询", "12355", "全天"),
    ("hotline", "12356 心理援助热线", "", "12356", "全天"),
    ("hotline", "希望24热线（心理危机干预）", "", "400-161-9995", "全天"),
)


def phone_key(phone: str) -> str:
    """The digits of a phone number: "400-161-9995" and "4001619995" are one number."""
    return "".join(ch for ch in phone if ch.isdigit())
