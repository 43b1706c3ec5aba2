"""Who may consent for a student (PIPL art. 31) and how old he is on a given day.

The personal data of a child under 14 is sensitive data, and processing it needs the consent of
a parent or other guardian (PIPL art. 28, 31); from 14 the student may consent himself. A birth
date the school does not know counts as under 14: the program cannot show the student was old
enough, so it asks for the guardian, the answer that is never unlawful.
"""

from __future__ import annotations

from datetime import date

__all__ = ["GUARDIAN_CONSENT_BELOW", "age_on", "needs_guardian"]

GUARDIAN_CONSENT_BELOW = 14  # PIPL art. 31: 不满十四周岁 → the guardian consents


def age_on(birth_date: date, day: date) -> int:
    """Completed years (周岁) on ``day``: a year is added on the birthday itself.

    Someone born on 29 February has his birthday on 1 March in other years (28 February is
    still before it), so he never turns 14 early.
    """
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def needs_guardian(birth_date: date | None, on: date) -> bool:
    """True when only a guardian may consent on ``on`` (under 14, or the age is unknown)."""
    if birth_date is None:
        return True
    return age_on(birth_date, on) < GUARDIAN_CONSENT_BELOW
