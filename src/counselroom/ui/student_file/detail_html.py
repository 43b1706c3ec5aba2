"""Rich text for the reading pane: one record as a title, a grid of short facts and long notes.

Every value is escaped here, once: notes are typed by people and may hold `<`, `&` or a pasted
web page, and the pane must show them as text. Line breaks in notes are kept; long lines wrap.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

# Qt's rich text understands a subset of CSS 2; these are all within it.
STYLE = """
h2 { font-size: 13pt; font-weight: 600; margin: 0 0 6px 0; }
h3 { font-size: 11pt; font-weight: 600; margin: 14px 0 4px 0; color: #37474F; }
table.facts td { padding: 2px 14px 2px 0; vertical-align: top; }
td.key { color: #546E7A; white-space: nowrap; }
p.note { margin: 2px 0 8px 0; line-height: 150%; }
p.empty { color: #78909C; }
p.sub { margin: 8px 0 2px 0; color: #37474F; font-weight: 600; }
table.grid { border-collapse: collapse; margin: 4px 0 8px 0; }
table.grid th { background: #ECEFF1; padding: 4px 10px; text-align: left; font-weight: 600; }
table.grid td { padding: 4px 10px; border-bottom: 1px solid #CFD8DC; vertical-align: top; }
span.alert { color: #B71C1C; font-weight: 600; }
"""


def text_block(text: str) -> str:
    """A note as HTML: escaped, paragraphs and line breaks kept."""
    return escape(text.strip()).replace("\n", "<br>")


def _cell(value: object) -> str:
    return "" if value is None else str(value)  # 0 is an answer, not a blank


class Detail:
    """Builds one record's HTML; every `add_*` escapes what it is given."""

    def __init__(self, title: str) -> None:
        self._parts = [f"<h2>{escape(title)}</h2>"]
        self._facts: list[tuple[str, str]] = []

    def fact(self, label: str, value: object, *, alert: bool = False) -> Detail:
        """A short labelled value; empty values are left out rather than shown blank."""
        text = "" if value is None else str(value)
        if text:
            shown = escape(text)
            self._facts.append(
                (escape(label), f'<span class="alert">{shown}</span>' if alert else shown)
            )
        return self

    def _flush_facts(self) -> None:
        if self._facts:
            rows = "".join(f'<tr><td class="key">{k}</td><td>{v}</td></tr>' for k, v in self._facts)
            self._parts.append(f'<table class="facts">{rows}</table>')
            self._facts = []

    def section(self, heading: str) -> Detail:
        self._flush_facts()
        self._parts.append(f"<h3>{escape(heading)}</h3>")
        return self

    def note(self, heading: str, text: str | None, *, empty: str = "") -> Detail:
        """A long text under its own heading; with no text, `empty` (or nothing) is shown."""
        self._flush_facts()
        if text and text.strip():
            self._parts.append(f"<h3>{escape(heading)}</h3><p class='note'>{text_block(text)}</p>")
        elif empty:
            self._parts.append(f"<h3>{escape(heading)}</h3><p class='empty'>{escape(empty)}</p>")
        return self

    def sub(self, heading: str, text: str | None = None) -> Detail:
        """A smaller heading inside a section (one amendment, one referral step)."""
        self._flush_facts()
        self._parts.append(f"<p class='sub'>{escape(heading)}</p>")
        if text and text.strip():
            self._parts.append(f"<p class='note'>{text_block(text)}</p>")
        return self

    def grid(self, headers: Iterable[str], rows: Iterable[Iterable[object]]) -> Detail:
        self._flush_facts()
        head = "".join(f"<th>{escape(h)}</th>" for h in headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{text_block(_cell(c))}</td>" for c in row) + "</tr>"
            for row in rows
        )
        self._parts.append(f'<table class="grid"><tr>{head}</tr>{body}</table>')
        return self

    def html(self) -> str:
        self._flush_facts()
        return "".join(self._parts)
