"""The editable wording of printed documents: keys, parts, placeholders, checking and filling.

A template is a few named parts ("title", "body", and for letters with a tear-off slip
"receipt") holding Chinese text with placeholders in braces, {学生姓名}; a literal brace is
written {{ or }}. Each key accepts a fixed list of placeholders (documents/placeholders.py), so
a school can reword a notice but cannot make it print what it must not — a parent notice has
no {分级名称}. A template is checked when saved and filled when printed; filling is one pass,
so a value that happens to contain braces is printed as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from counselroom.documents.placeholders import BY_KEY
from counselroom.documents.templates_default import DEFAULTS
from counselroom.domain.errors import ValidationError
from counselroom.domain.tiers import Tier

__all__ = [
    "DEFAULT_TEMPLATES",
    "PART_LABELS",
    "TEMPLATE_SPECS",
    "TemplateError",
    "TemplateSpec",
    "check_template",
    "fill",
    "placeholders_in",
    "sample_values",
    "template_key",
]


@dataclass(frozen=True)
class TemplateSpec:
    key: str
    title: str  # what the template editor calls it, e.g. "家长告知书（一般心理问题）"
    parts: tuple[str, ...]
    placeholders: tuple[str, ...]


# How the template editor names each part.
PART_LABELS = {"title": "标题", "body": "正文", "receipt": "回执"}

_LETTER = ("title", "body", "receipt")
_PLAIN = ("title", "body")


def _specs() -> dict[str, TemplateSpec]:
    named: list[tuple[str, str, tuple[str, ...]]] = []
    for tier in (1, 2, 3):
        named.append((f"parent-notice-{tier}", f"家长告知书（{Tier(tier).label_zh}）", _LETTER))
    for tier in (1, 2, 3):
        named.append((f"escalation-notice-{tier}", f"分级通报单（{Tier(tier).label_zh}）", _PLAIN))
    named += [
        ("district-report", "上报单（区县教育部门）", _PLAIN),
        ("referral-letter", "转介函", _LETTER),
        ("plan", "一生一策方案", _PLAIN),
        ("return-assessment", "复学评估表", _PLAIN),
        ("closure-report", "结案报告", _PLAIN),
        ("ledger", "重点关爱学生台账", _PLAIN),
        ("recovery-sheet", "恢复码单", _PLAIN),
        ("transfer-letter", "档案转接函", _PLAIN),
    ]
    return {key: TemplateSpec(key, title, parts, BY_KEY[key]) for key, title, parts in named}


# In the order the template editor lists them.
TEMPLATE_SPECS: dict[str, TemplateSpec] = _specs()
DEFAULT_TEMPLATES: dict[str, dict[str, str]] = DEFAULTS

# Kinds whose wording depends on the tier.
_TIERED = ("parent-notice", "escalation-notice")


class TemplateError(ValidationError):
    """A template that cannot be saved or filled. ``message`` is English and names the part,
    the line and the placeholder; the same facts are attributes so the window can say them in
    its own language."""

    def __init__(
        self,
        message: str,
        *,
        key: str = "",
        part: str = "",
        line: int = 0,
        placeholder: str = "",
        allowed: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message, field=part or None)
        self.key = key
        self.part = part
        self.line = line
        self.placeholder = placeholder
        self.allowed = allowed

    def __str__(self) -> str:
        # The message already names the part; ValidationError would prefix it again.
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.message, self.key, self.part, self.line, self.placeholder,
                           self.allowed))  # fmt: skip


def _rebuild(
    message: str, key: str, part: str, line: int, placeholder: str, allowed: tuple[str, ...]
) -> TemplateError:
    return TemplateError(
        message, key=key, part=part, line=line, placeholder=placeholder, allowed=allowed
    )


# {{ and }} are literal braces; {name} a placeholder (no braces or line break inside);
# any other brace is stray.
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    literal: str | None  # "{" / "}" for an escaped brace
    name: str | None  # a placeholder's name
    stray: str | None  # a lone brace


def _tokens(text: str) -> Iterator[_Token]:
    for match in _TOKEN.finditer(text):
        whole = match[0]
        if whole in ("{{", "}}"):
            yield _Token(match.start(), match.end(), whole[0], None, None)
        elif match[1] is not None and match[1] != "":
            yield _Token(match.start(), match.end(), None, match[1], None)
        else:
            yield _Token(match.start(), match.end(), None, None, whole)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _allowed_text(allowed: tuple[str, ...]) -> str:
    return "、".join(f"{{{name}}}" for name in allowed)


def placeholders_in(text: str) -> tuple[str, ...]:
    """The placeholder names ``text`` uses, in order of first appearance (stray braces and
    escaped braces ignored)."""
    seen: dict[str, None] = {}
    for token in _tokens(text):
        if token.name is not None:
            seen.setdefault(token.name, None)
    return tuple(seen)


def _check_part(key: str, part: str, text: str, allowed: tuple[str, ...]) -> None:
    for token in _tokens(text):
        line = _line_of(text, token.start)
        where = f"{part}, line {line}"
        if token.stray is not None:
            raise TemplateError(
                f"{where}: stray {token.stray!r} — a placeholder is written {{name}}, "
                "a literal brace {{ or }}",
                key=key,
                part=part,
                line=line,
                placeholder=token.stray,
                allowed=allowed,
            )
        if token.name is not None and token.name not in allowed:
            raise TemplateError(
                f"{where}: unknown placeholder {{{token.name}}} "
                f"(allowed: {_allowed_text(allowed)})",
                key=key,
                part=part,
                line=line,
                placeholder=token.name,
                allowed=allowed,
            )


def _normalise(text: str) -> str:
    # Windows line ends and trailing spaces are editor noise, not wording.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def check_template(key: str, parts: Mapping[str, str]) -> dict[str, str]:
    """The parts, normalised (line ends, trailing spaces, surrounding blank lines), or
    TemplateError naming the first problem: an unknown key, a missing or unknown part, an
    empty title, a stray brace or a placeholder the key does not accept."""
    spec = TEMPLATE_SPECS.get(key)
    if spec is None:
        raise TemplateError(f"unknown template {key!r}", key=key)
    unknown = [name for name in parts if name not in spec.parts]
    if unknown:
        raise TemplateError(
            f"{unknown[0]}: {key} has no part {unknown[0]!r} (parts: {', '.join(spec.parts)})",
            key=key,
            part=str(unknown[0]),
        )
    checked: dict[str, str] = {}
    for part in spec.parts:
        if part not in parts:
            raise TemplateError(f"{part}: the part is missing from {key}", key=key, part=part)
        text = parts[part]
        if not isinstance(text, str):
            raise TemplateError(f"{part}: must be text", key=key, part=part)
        checked[part] = _normalise(text)
        _check_part(key, part, checked[part], spec.placeholders)
    if not checked["title"].strip():
        raise TemplateError("title: the title is empty", key=key, part="title")
    return checked


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace each {name} by ``values[name]`` and {{ }} by single braces, in one pass.

    A placeholder without a value or a stray brace raises TemplateError: a document must not
    be printed with a hole in it.
    """
    out: list[str] = []
    last = 0
    for token in _tokens(text):
        out.append(text[last : token.start])
        last = token.end
        if token.literal is not None:
            out.append(token.literal)
            continue
        line = _line_of(text, token.start)
        if token.name is None:
            raise TemplateError(f"line {line}: stray {token.stray!r}", line=line)
        if token.name not in values:
            raise TemplateError(
                f"line {line}: no value for placeholder {{{token.name}}}",
                line=line,
                placeholder=token.name,
            )
        out.append(values[token.name])
    out.append(text[last:])
    return "".join(out)


def template_key(kind: str, tier: int | None = None) -> str:
    """The template a document kind prints with: parent notices and escalation notices have one
    per tier 1-3, the other kinds one each."""
    if kind in _TIERED:
        if tier is None or isinstance(tier, bool) or tier not in (1, 2, 3):
            raise ValidationError(f"{kind} needs a tier of 1-3, not {tier!r}", field="tier")
        return f"{kind}-{tier}"
    if kind not in TEMPLATE_SPECS:
        raise ValidationError(f"unknown document kind {kind!r}", field="kind")
    return kind


def sample_values(key: str) -> dict[str, str]:
    """Every placeholder of ``key`` filled from the fictional sample data the preview uses."""
    if key not in TEMPLATE_SPECS:
        raise TemplateError(f"unknown template {key!r}", key=key)
    # Imported here: the kinds fill templates, so they import this module.
    from counselroom.documents.kinds import template_values
    from counselroom.documents.kinds.samples import sample_data

    return template_values(sample_data(key))
