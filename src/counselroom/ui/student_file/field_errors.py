"""What a wrong field says under it, in the user's language.

The services' messages are English sentences with the values in them ("check character is 5,
expected 3"); here each known sentence is matched and retold through the translator with the
same values, so a Chinese counsellor reads Chinese. A sentence not known here is shown as it
is: a message in English is better than none.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from counselroom.domain.errors import ValidationError
from counselroom.ui.i18n import fill
from counselroom.ui.problem_text import message_text

translate = QCoreApplication.translate

# The services put the field's name in front of a low-level message; the label is next to it.
_PREFIX = re.compile(r"^(?:ID number|学籍号|student number)\s*:\s*")


def _gender(code: str) -> str:
    return {
        "male": translate("FieldError", "male"),
        "female": translate("FieldError", "female"),
    }.get(code, code)


_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"check character is (\S+), expected (\S+)"),
        lambda m: fill(
            translate(
                "FieldError",
                "The last character (the check character) is %1 but should be %2 for the "
                "17 before it: a character is probably mistyped.",
            ),
            m[1],
            m[2],
        ),
    ),
    (
        re.compile(r"ID number must be (\d+) characters \(got (\d+)\)"),
        lambda m: fill(
            translate("FieldError", "An ID number has %1 characters; this one has %2."),
            m[1],
            m[2],
        ),
    ),
    (
        re.compile(r"character (\d+) must be a digit \(got '(.*)'\)"),
        lambda m: fill(
            translate("FieldError", "Character %1 must be a digit, not “%2”."), m[1], m[2]
        ),
    ),
    (
        re.compile(r"check character must be a digit or X \(got '(.*)'\)"),
        lambda m: fill(
            translate("FieldError", "The last character must be a digit or X, not “%1”."), m[1]
        ),
    ),
    (
        re.compile(r"region code (\S*) is invalid"),
        lambda m: fill(
            translate("FieldError", "The first six digits (%1) are not a valid region code."),
            m[1],
        ),
    ),
    (
        re.compile(r"student number must start with G"),
        lambda m: translate("FieldError", "A student no. starts with G."),
    ),
    (
        re.compile(r"student number must be (\d+) characters.*\(got (\d+)\)"),
        lambda m: fill(
            translate(
                "FieldError",
                "A student no. has %1 characters (G and the 18-character ID number); "
                "this one has %2.",
            ),
            m[1],
            m[2],
        ),
    ),
    (
        re.compile(r"学籍号 (\S+) belongs to another student"),
        lambda m: fill(
            translate("FieldError", "Another student in this vault has the student no. %1."),
            m[1],
        ),
    ),
    (
        re.compile(r"birth date (\S+) is in the future"),
        lambda m: fill(translate("FieldError", "The birth date %1 is in the future."), m[1]),
    ),
    (
        re.compile(r"birth date (\S+) is not a real date"),
        lambda m: fill(translate("FieldError", "The birth date %1 does not exist."), m[1]),
    ),
    (
        re.compile(r"birth date (\S+) is before (\d+)"),
        lambda m: fill(
            translate("FieldError", "The birth date %1 is before %2: please check it."),
            m[1],
            m[2],
        ),
    ),
    (
        re.compile(r"ID number says born (\S+), birth date field says (\S+)"),
        lambda m: fill(
            translate(
                "FieldError",
                "The ID number says born %1, but the birth date field says %2.",
            ),
            m[1],
            m[2],
        ),
    ),
    (
        re.compile(r"ID number says (\w+), gender field says (\w+)"),
        lambda m: fill(
            translate("FieldError", "The ID number says %1, but the gender field says %2."),
            _gender(m[1]),
            _gender(m[2]),
        ),
    ),
    (
        re.compile(r"the name is required"),
        lambda m: translate("FieldError", "The name is required."),
    ),
    (
        re.compile(r"a name may have at most (\d+) characters"),
        lambda m: fill(translate("FieldError", "A name may have at most %1 characters."), m[1]),
    ),
    (
        re.compile(r"a phone number may hold only digits"),
        lambda m: translate(
            "FieldError", "A phone number may hold only digits, spaces, “-” and “+”."
        ),
    ),
    (
        re.compile(r"a phone number has (\d+)-(\d+) characters"),
        lambda m: fill(
            translate("FieldError", "A phone number has %1 to %2 characters."), m[1], m[2]
        ),
    ),
    (
        re.compile(r"a phone number has at least (\d+) digits"),
        lambda m: fill(translate("FieldError", "A phone number has at least %1 digits."), m[1]),
    ),
    (
        re.compile(r"^at most (\d+) characters"),
        lambda m: fill(translate("FieldError", "At most %1 characters."), m[1]),
    ),
    (
        re.compile(r"without control characters|may not hold control characters"),
        lambda m: translate(
            "FieldError", "Only one line of ordinary text, please (no control characters)."
        ),
    ),
    (
        re.compile(r"at most (\d+) family members"),
        lambda m: fill(translate("FieldError", "At most %1 family members."), m[1]),
    ),
    (
        re.compile(r"no class with id"),
        lambda m: translate("FieldError", "That class no longer exists; choose another."),
    ),
    (
        re.compile(r"unknown care group '?([^']*)'?"),
        lambda m: fill(translate("FieldError", "Unknown care group “%1”."), m[1]),
    ),
    (
        re.compile(r"unknown gender"),
        lambda m: translate("FieldError", "Choose male, female or not given."),
    ),
]


# The case-work services (casework, counselling, plans, closure, break_glass, home_school).
_RULES += [
    (
        re.compile(r"^is required$"),
        lambda m: translate("FieldError", "This is required."),
    ),
    (
        re.compile(r"^is required: the student was at tier 3"),
        lambda m: translate(
            "FieldError",
            "Required: the student was at tier 3, so the district's closure evaluation "
            "must be recorded.",
        ),
    ),
    (
        re.compile(r"(\d{4}-\d\d-\d\d) is in the future \(today is (\S+)\)"),
        lambda m: fill(translate("FieldError", "%1 is in the future (today is %2)."), m[1], m[2]),
    ),
    (
        re.compile(r"^is in the future$"),
        lambda m: translate("FieldError", "This time is in the future."),
    ),
    (
        re.compile(r"(\d{4}-\d\d-\d\d) is in the past \(today is (\S+)\)"),
        lambda m: fill(translate("FieldError", "%1 is in the past (today is %2)."), m[1], m[2]),
    ),
    (
        re.compile(r"(\d{4}-\d\d-\d\d) is more than (\d+) days ahead"),
        lambda m: fill(translate("FieldError", "%1 is more than %2 days ahead."), m[1], m[2]),
    ),
    (
        re.compile(r"(\d{4}-\d\d-\d\d) is before the student's enrolment \((\S+)\)"),
        lambda m: fill(
            translate("FieldError", "%1 is before the student's enrolment (%2)."), m[1], m[2]
        ),
    ),
    (
        re.compile(r"(\d{4}-\d\d-\d\d) is before the student's birth date \((\S+)\)"),
        lambda m: fill(
            translate("FieldError", "%1 is before the student's birth date (%2)."), m[1], m[2]
        ),
    ),
    (
        re.compile(r"(\d{4}-\d\d-\d\d) is before the file was (opened|reopened) \((\S+)\)"),
        lambda m: fill(
            translate("FieldError", "%1 is before the file was opened or reopened (%2)."),
            m[1],
            m[3],
        ),
    ),
    (
        re.compile(r"is (\d+) characters long \(at most (\d+)\)"),
        lambda m: fill(
            translate("FieldError", "This is %1 characters long; at most %2."), m[1], m[2]
        ),
    ),
    (
        re.compile(r"the student is already at tier (\d)"),
        lambda m: fill(translate("FieldError", "The student is already at tier %1."), m[1]),
    ),
    (
        re.compile(r"lowering a tier needs a review record"),
        lambda m: translate(
            "FieldError", "Lowering a tier needs the review record (研判): who reviewed, and what."
        ),
    ),
    (
        re.compile(r"(\d+) minutes is outside 1-(\d+)"),
        lambda m: fill(
            translate("FieldError", "%1 minutes is not possible: 1 to %2 minutes."), m[1], m[2]
        ),
    ),
    (
        re.compile(r"must be after the session started"),
        lambda m: translate("FieldError", "The next appointment must be after this session."),
    ),
    (
        re.compile(r"is before the session started"),
        lambda m: translate(
            "FieldError", "This is before the session started: give the time the person was told."
        ),
    ),
    (
        re.compile(r"record when 班主任 or the guardian was told"),
        lambda m: translate(
            "FieldError", "Tick who was told (the head teacher, the guardian or both) and when."
        ),
    ),
    (
        re.compile(r"a plan needs at least one measure"),
        lambda m: translate(
            "FieldError", "A plan needs at least one measure: who does what, how often."
        ),
    ),
    (
        re.compile(r"a plan review must say what changed and why"),
        lambda m: translate("FieldError", "A plan review must say what changed and why."),
    ),
    (
        re.compile(r"the file is closed \(结案\); reopen it"),
        lambda m: translate(
            "FieldError", "The file is closed (结案): reopen it with a reason first."
        ),
    ),
]

# The enrolment day on 概况 (services/profile.py). "in the future" and "before the student's birth
# date" are told by the case-work rules above.
_RULES += [
    (
        re.compile(r"enrolment day (\S+) is before (\d+)$"),
        lambda m: fill(
            translate("FieldError", "The enrolment day %1 is before %2: please check it."),
            m[1],
            m[2],
        ),
    ),
    (
        re.compile(
            r"enrolment day (\S+) is after (\d+) counselling session\(s\) and (\d+) parent "
            r"contact\(s\) already recorded, the earliest on (\S+)"
        ),
        lambda m: fill(
            translate(
                "FieldError",
                "%2 counselling session(s) and %3 parent contact(s) are dated before %1, the "
                "earliest on %4: the enrolment day cannot be later than they are.",
            ),
            m[1],
            m[2],
            m[3],
            m[4],
        ),
    ),
]


def describe(message: str) -> str:
    """The message for the label under a field."""
    text = _PREFIX.sub("", message.strip())
    for pattern, say in _RULES:
        match = pattern.search(text)
        if match:
            return say(match)
    return text


def describe_error(error: ValidationError) -> str:
    """A refusal under its field: a templated message (decision 54) is translated as it is;
    an older English sentence is matched by the rules above."""
    if error.template:
        return message_text(error.template, error.args, error.message)
    return describe(error.message)


def bad_date_text() -> str:
    return translate(
        "FieldError", "Not a date. Write it as year-month-day, for example 2012-09-01."
    )
