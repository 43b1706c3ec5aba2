"""Per-PC preferences: a typed registry of options with defaults (Picard's `Option`).

What belongs here is how this PC shows the program (language, text size, window geometry) and
where it looks for things (last vault folder, backup folder, last account name), and which
column of an imported file holds what (the import dialog's choices). School policy
— including the idle-lock time, a security control — lives in the vault and is audited
(`services.policy`). Nothing personal is stored here: account names are staff names that
`vault.keys` already shows on the login screen (docs/decisions.md 3), never a student's.

The file is read forgivingly: a bad value falls back to its default and is reported in
`problems`; a broken file gives every default. A settings file must never stop the program from
starting.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from counselroom.paths import config_dir
from counselroom.vault.atomic import atomic_write, make_private_dir

log = logging.getLogger(__name__)

T = TypeVar("T", str, int)

FILE_NAME = "preferences.json"
FORMAT = 1


@dataclass(frozen=True)
class Option(Generic[T]):
    """One preference: its key in the file, type, default and, optionally, allowed values."""

    key: str
    default: T
    choices: tuple[T, ...] = ()
    minimum: int | None = None  # for int options: the smallest and largest allowed
    maximum: int | None = None

    @property
    def kind(self) -> type:
        return type(self.default)

    def check(self, value: object) -> T:
        """Return `value` if it is valid for this option, else raise ValueError saying why."""
        # bool is an int in Python; True is not a text size.
        if isinstance(value, bool) or not isinstance(value, self.kind):
            raise ValueError(
                f"{self.key}: expected {self.kind.__name__}, got {type(value).__name__}"
            )
        if self.choices and value not in self.choices:
            allowed = ", ".join(map(str, self.choices))
            raise ValueError(f"{self.key}: {value!r} is not one of {allowed}")
        if isinstance(value, int) and (
            (self.minimum is not None and value < self.minimum)
            or (self.maximum is not None and value > self.maximum)
        ):
            raise ValueError(
                f"{self.key}: {value} is not between {self.minimum} and {self.maximum}"
            )
        return cast(T, value)


LANGUAGE: Option[str] = Option("language", "zh_CN", ("zh_CN", "en"))
TEXT_SCALE: Option[int] = Option("text_scale", 100, (100, 115, 130, 150))  # percent
BACKUP_FOLDER: Option[str] = Option("backup_folder", "")
WINDOW_GEOMETRY: Option[str] = Option("window_geometry", "")  # base64 of saveGeometry()
LAST_VAULT: Option[str] = Option("last_vault", "")
LAST_USER: Option[str] = Option("last_user", "")
# The import dialog's column choices, JSON {kind: {header key: field key or ""}}. Header texts
# such as "学籍号" or "成员1姓名" say how a file is laid out, never who is in it.
IMPORT_MAPPINGS: Option[str] = Option("import_mappings", "")
# The font file printed documents use on this PC ("" = the best Chinese font found): fonts
# differ from PC to PC, so this is a preference, not school policy.
FONT_FILE: Option[str] = Option("documents.font_file", "")
# Scheduled backups (services.backups): how many of this PC's vault backups the folder keeps,
# and the last backup of each vault, JSON {vault id: {"at": UTC ISO, "file": name, "error":
# text or ""}} — file names are dated and name no student or school.
BACKUP_KEEP: Option[int] = Option("backup.keep", 10, minimum=1, maximum=365)
LAST_BACKUPS: Option[str] = Option("backup.last", "")

OPTIONS: tuple[Option[Any], ...] = (
    LANGUAGE,
    TEXT_SCALE,
    BACKUP_FOLDER,
    WINDOW_GEOMETRY,
    LAST_VAULT,
    LAST_USER,
    IMPORT_MAPPINGS,
    FONT_FILE,
    BACKUP_KEEP,
    LAST_BACKUPS,
)
_BY_KEY = {option.key: option for option in OPTIONS}


def default_path() -> Path:
    return config_dir() / FILE_NAME


class Preferences:
    """The values of every option for this PC; `get`/`set` are typed by the option."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._values: dict[str, Any] = {o.key: o.default for o in OPTIONS}
        self.problems: list[str] = []

    @classmethod
    def load(cls, path: Path | None = None) -> Preferences:
        prefs = cls(path)
        prefs.reload()
        return prefs

    def reload(self) -> None:
        """Read the file again; anything unusable becomes its default and a problem."""
        self._values = {o.key: o.default for o in OPTIONS}
        self.problems = []
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            self._problem(f"{self.path}: cannot be read ({exc.strerror or exc}); using defaults")
            return
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            self._problem(f"{self.path}: not valid JSON ({exc}); using defaults")
            return
        if not isinstance(data, dict):
            self._problem(f"{self.path}: expected a JSON object; using defaults")
            return
        values = data.get("values", {})
        if not isinstance(values, dict):
            self._problem(f"{self.path}: 'values' is not an object; using defaults")
            return
        for key, value in values.items():
            option = _BY_KEY.get(key)
            if option is None:
                continue  # written by a newer version, or an option since removed
            try:
                self._values[key] = option.check(value)
            except ValueError as exc:
                self._problem(f"{exc}; using the default {option.default!r}")

    def _problem(self, text: str) -> None:
        log.warning("preferences: %s", text)
        self.problems.append(text)

    def get(self, option: Option[T]) -> T:
        return cast(T, self._values[option.key])

    def set(self, option: Option[T], value: T) -> None:
        """Change a value in memory (ValueError if invalid); `save()` writes the file."""
        if _BY_KEY.get(option.key) is not option:
            raise KeyError(option.key)
        self._values[option.key] = option.check(value)

    def reset(self, option: Option[T]) -> None:
        self._values[option.key] = option.default

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        return iter(self._values.items())

    def save(self) -> None:
        """Write atomically (owner-only); raises OSError for the caller to report."""
        make_private_dir(self.path.parent)
        document = {"format": FORMAT, "values": self._values}
        text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        atomic_write(self.path, text.encode("utf-8"))


def remembered_choices(prefs: Preferences, kind: str) -> dict[str, str]:
    """The column choices remembered for `kind` ({} when none or unreadable: never an error)."""
    try:
        every = json.loads(prefs.get(IMPORT_MAPPINGS) or "{}")
    except json.JSONDecodeError:
        log.warning("preferences: %s is not valid JSON; forgetting it", IMPORT_MAPPINGS.key)
        return {}
    chosen = every.get(kind) if isinstance(every, dict) else None
    if not isinstance(chosen, dict):
        return {}
    return {k: v for k, v in chosen.items() if isinstance(k, str) and isinstance(v, str)}


def remember_choices(prefs: Preferences, kind: str, choices: Mapping[str, str]) -> None:
    """Merge `choices` into what is remembered for `kind` (in memory; `save()` writes it).

    Merged, not replaced: a school that receives files from two systems keeps the choices
    made for both layouts.
    """
    try:
        every = json.loads(prefs.get(IMPORT_MAPPINGS) or "{}")
    except json.JSONDecodeError:
        every = {}
    if not isinstance(every, dict):
        every = {}
    every[kind] = {**remembered_choices(prefs, kind), **choices}
    prefs.set(IMPORT_MAPPINGS, json.dumps(every, ensure_ascii=False, sort_keys=True))


@dataclass(frozen=True)
class BackupRecord:
    """The last scheduled or manual backup of one vault on this PC, or its failure."""

    at: datetime  # naive UTC
    file: str  # the file name ("" when it failed)
    error: str  # "" when it succeeded


def _backup_records(prefs: Preferences) -> dict[str, Any]:
    try:
        every = json.loads(prefs.get(LAST_BACKUPS) or "{}")
    except json.JSONDecodeError:
        log.warning("preferences: %s is not valid JSON; forgetting it", LAST_BACKUPS.key)
        return {}
    return every if isinstance(every, dict) else {}


def last_backup(prefs: Preferences, vault_id: str, *, failed: bool = False) -> BackupRecord | None:
    """The last successful backup of `vault_id` (with `failed`: the last failure, if it came
    after the last success). None when there is none or the record is unreadable."""
    entry = _backup_records(prefs).get(vault_id)
    key = "failed" if failed else "done"
    item = entry.get(key) if isinstance(entry, dict) else None
    if not isinstance(item, dict):
        return None
    try:
        at = datetime.fromisoformat(str(item.get("at")))
    except ValueError:
        return None
    if at.tzinfo is not None:
        return None
    return BackupRecord(at, str(item.get("file", "")), str(item.get("error", "")))


def remember_backup(prefs: Preferences, vault_id: str, record: BackupRecord) -> None:
    """Record a success (clears an earlier failure) or a failure (in memory; `save()` writes)."""
    every = _backup_records(prefs)
    entry = every.get(vault_id)
    entry = dict(entry) if isinstance(entry, dict) else {}
    item = {"at": record.at.isoformat(timespec="seconds"), "file": record.file}
    if record.error:
        entry["failed"] = {**item, "error": record.error}
    else:
        entry["done"] = item
        entry.pop("failed", None)
    every[vault_id] = entry
    prefs.set(LAST_BACKUPS, json.dumps(every, ensure_ascii=False, sort_keys=True))
