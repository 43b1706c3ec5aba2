"""Where the Chinese fonts of a PC are, and whether reportlab can use a font file at all.

Discovery looks for known file names rather than asking the operating system's font service:
fontconfig does not exist on Windows, and DirectWrite/CoreText would need Qt or ctypes in a layer
that must not depend on either. The names below are the fonts school PCs actually carry (Windows
with or without Office, the common Linux packages, macOS), so a name is enough to rank a file;
its header is then read to keep only TrueType outlines, the only kind reportlab can embed.

Ranking follows the official-document layout (DOMAIN.md): 仿宋/宋体 for body text first, then 黑体
(titles, bold), then any other face that draws Chinese.
"""

from __future__ import annotations

import os
import struct
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Role = Literal["song", "hei", "other"]
Outlines = Literal["truetype", "postscript"]


@dataclass(frozen=True)
class KnownFont:
    """A font file name (lower case), what it is for, and whether it draws characters beyond GBK
    that the common faces lack (CJK Extension B and later: rare characters in students' names)."""

    file: str
    role: Role
    extends: bool = False


KNOWN_FONTS: tuple[KnownFont, ...] = (
    # 仿宋 / 宋体: official body text (GB/T 9704 uses 仿宋).
    KnownFont("simfang.ttf", "song"),  # Windows 仿宋
    KnownFont("stfangso.ttf", "song"),  # 华文仿宋 (Office)
    KnownFont("simsun.ttc", "song"),  # Windows 宋体 / 新宋体
    KnownFont("stsong.ttf", "song"),  # 华文宋体 (Office)
    KnownFont("stzhongs.ttf", "song"),  # 华文中宋 (Office)
    KnownFont("songti.ttc", "song"),  # macOS 宋体
    KnownFont("notoserifsc-regular.ttf", "song"),  # Noto Serif SC, static TrueType build
    KnownFont("notoserifcjk-regular.ttc", "song"),  # fonts-noto-cjk: kept only if TrueType
    KnownFont("uming.ttc", "song"),  # AR PL UMing (明体 is the 宋体 style)
    # 黑体: titles and bold text.
    KnownFont("simhei.ttf", "hei"),  # Windows 黑体
    KnownFont("msyh.ttc", "hei"),  # 微软雅黑 (Windows 8 and later)
    KnownFont("msyh.ttf", "hei"),  # 微软雅黑 (Windows 7)
    KnownFont("stxihei.ttf", "hei"),  # 华文细黑 (Office)
    KnownFont("stheiti light.ttc", "hei"),  # macOS 华文黑体
    KnownFont("stheiti medium.ttc", "hei"),
    KnownFont("hiragino sans gb.ttc", "hei"),  # macOS; PostScript outlines on most versions
    KnownFont("wqy-zenhei.ttc", "hei"),  # WenQuanYi Zen Hei (fonts-wqy-zenhei)
    KnownFont("wqy-microhei.ttc", "hei"),  # WenQuanYi Micro Hei
    KnownFont("notosanssc-regular.ttf", "hei"),  # Noto Sans SC, static TrueType build
    KnownFont("notosanscjk-regular.ttc", "hei"),  # fonts-noto-cjk: kept only if TrueType
    # Anything else that draws Chinese: 楷体 and the wide-coverage fallbacks.
    KnownFont("simkai.ttf", "other"),  # Windows 楷体
    KnownFont("stkaiti.ttf", "other"),  # 华文楷体 (Office)
    KnownFont("kaiti.ttc", "other"),  # macOS 楷体
    KnownFont("ukai.ttc", "other"),  # AR PL UKai
    KnownFont("simsunb.ttf", "other", extends=True),  # SimSun-ExtB (Windows 10+)
    KnownFont("simsunextg.ttf", "other", extends=True),  # SimSun-ExtG (Windows 11)
    KnownFont("mingliub.ttc", "other", extends=True),  # MingLiU-ExtB
    KnownFont("droidsansfallbackfull.ttf", "other", extends=True),  # fonts-droid-fallback
    KnownFont("droidsansfallback.ttf", "other"),
    KnownFont("arial unicode.ttf", "other", extends=True),  # macOS / Office
)
_RANK = {font.file: index for index, font in enumerate(KNOWN_FONTS)}
_BY_FILE = {font.file: font for font in KNOWN_FONTS}


def known_font(path: Path) -> KnownFont | None:
    """The table entry for a file, matched on its name without regard to case (Windows ships
    ``STFANGSO.TTF`` in capitals, Linux packages use lower case)."""
    return _BY_FILE.get(path.name.lower())


def is_hei(path: Path | None, label: str) -> bool:
    """Whether a face is 黑体 style (titles, bold), by its file name in the table or by its
    family name ("SimHei", "Microsoft YaHei", "WenQuanYi Zen Hei", "STHeiti", 黑体)."""
    known = known_font(path) if path is not None else None
    return (known is not None and known.role == "hei") or "hei" in label.lower() or "黑" in label


def font_dirs(platform: str = sys.platform) -> list[Path]:
    """Folders that hold installed fonts on ``platform``, the user's own folders first (a font a
    teacher installed on purpose wins over a system copy of the same file)."""
    home = Path.home()
    if platform == "win32":
        windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows"
        dirs = []
        local = os.environ.get("LOCALAPPDATA")
        if local:  # fonts installed "for me only" (Windows 10 1809 and later)
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return [*dirs, Path(windir) / "Fonts"]
    if platform == "darwin":
        return [
            home / "Library" / "Fonts",
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts"),  # Supplemental/ (Songti, Kaiti) is walked below it
        ]
    data_home = os.environ.get("XDG_DATA_HOME") or str(home / ".local" / "share")
    data_dirs = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    return [
        Path(data_home) / "fonts",
        home / ".fonts",
        *(Path(folder) / "fonts" for folder in data_dirs.split(":") if folder),
    ]


def system_font_files(platform: str = sys.platform) -> list[Path]:
    """Chinese TrueType font files installed on this PC, best first for official text.

    Only files that exist and have TrueType outlines are returned; a name found in several
    folders is kept once (the first folder's copy).
    """
    found: dict[str, Path] = {}
    for folder in font_dirs(platform):
        for path in _walk(folder):
            name = path.name.lower()
            if name in _RANK and name not in found and _is_truetype(path):
                found[name] = path
    return [found[name] for name in sorted(found, key=_RANK.__getitem__)]


def fallback_order(paths: Iterable[Path]) -> list[Path]:
    """``paths`` with the faces known to extend coverage first, otherwise in the given order:
    fallbacks exist for the characters the main faces lack."""
    return sorted(paths, key=lambda path: not _extends(path))


def _extends(path: Path) -> bool:
    known = known_font(path)
    return known is not None and known.extends


def _walk(folder: Path) -> Iterable[Path]:
    """Every file below ``folder``, following linked folders once each (distributions link font
    folders into /usr/share/fonts); an unreadable or missing folder gives nothing."""
    seen: set[str] = set()
    for root, dirs, files in os.walk(folder, onerror=lambda _error: None, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs.clear()
            continue
        seen.add(real)
        for name in files:
            yield Path(root) / name


def _is_truetype(path: Path) -> bool:
    try:
        return outline_format(path) == "truetype"
    except (OSError, ValueError):
        return False


_SFNT_VERSIONS = {b"\x00\x01\x00\x00": "truetype", b"true": "truetype", b"OTTO": "postscript"}


def outline_format(path: Path, subfont: int = 0) -> Outlines:
    """Whether the font at ``path`` (face ``subfont`` of a collection) has TrueType (``glyf``) or
    PostScript (``CFF``) outlines, read from the table directory without loading the file.

    Raises ValueError with the reason when the file is not a TrueType/OpenType font or the
    collection has no such face; OSError when it cannot be read.
    """
    with path.open("rb") as file:
        header = file.read(12)
        offset = 0
        if header[:4] == b"ttcf":
            if len(header) < 12:
                raise ValueError("the font collection is truncated")
            (count,) = struct.unpack(">I", header[8:12])
            if not 0 <= subfont < count:
                raise ValueError(f"the collection has {count} faces, there is no face {subfont}")
            file.seek(12 + 4 * subfont)
            entry = file.read(4)
            if len(entry) < 4:
                raise ValueError("the font collection is truncated")
            (offset,) = struct.unpack(">I", entry)
            file.seek(offset)
            header = file.read(12)
        elif subfont != 0:
            raise ValueError(f"the file holds one face, there is no face {subfont}")
        kind = _SFNT_VERSIONS.get(header[:4])
        if kind is None or len(header) < 12:
            raise ValueError("it is not a TrueType or OpenType font file")
        (tables,) = struct.unpack(">H", header[4:6])
        directory = file.read(16 * tables)
    tags = {directory[index : index + 4] for index in range(0, len(directory), 16)}
    if b"glyf" in tags:
        return "truetype"
    if kind == "postscript" or tags & {b"CFF ", b"CFF2"}:
        return "postscript"
    raise ValueError("the font has no outlines reportlab can read")
