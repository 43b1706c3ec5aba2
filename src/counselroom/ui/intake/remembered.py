"""Saving the column choices this PC remembers for each kind of import (preferences.json).

Read when a file is opened (preferences.remembered_choices), written after a successful
import only; header words are not personal data (docs/decisions.md 46). A failure to write is
reported, never fatal: the import itself is already done.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from counselroom.intake.columns import mapping_to_remember
from counselroom.preferences import Preferences, remember_choices

log = logging.getLogger(__name__)

__all__ = ["remember_mapping"]


def remember_mapping(
    preferences: Preferences, kind_key: str, headers: Sequence[str], mapping: Mapping[str, int]
) -> OSError | None:
    """Merge this file's choices into the kind's and save; the OSError if saving failed."""
    remember_choices(preferences, kind_key, mapping_to_remember(headers, mapping))
    try:
        preferences.save()
    except OSError as exc:
        log.warning("cannot save the import column choices: %s", exc)
        return exc
    return None
