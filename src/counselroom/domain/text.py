"""Text normalisation for values typed with Chinese input methods."""

from __future__ import annotations

# Full-width forms U+FF01..U+FF5E sit exactly 0xFEE0 above their ASCII counterparts.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH[0x3000] = 0x20  # ideographic space


def normalise_ascii(s: str) -> str:
    """Turn full-width ASCII forms (０-９, Ｘ, ｇ, －, ideographic space) into ASCII.

    Narrower than NFKC on purpose: NFKC also rewrites characters such as ㈠ or ①, which in a
    name or an address must stay as typed.
    """
    return s.translate(_FULL_WIDTH)


def squeeze(s: str) -> str:
    """normalise_ascii and drop all whitespace: for codes, never for names."""
    return "".join(normalise_ascii(s).split())
