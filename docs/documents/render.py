"""Render the first page of every kind of printed document to PNG, so the layout can be looked at.

    PYTHONPATH=src python docs/documents/render.py [--all-pages] [--builtin]

Each document is built from the fictional sample data of documents/kinds/samples.py with the
school's default wording, rendered with the fonts this PC would use (``--builtin``: reportlab's
STSong-Light, the fallback when no Chinese TrueType font is installed), and turned into PNG with
pdftoppm (Debian package poppler-utils). The PNGs land next to this script.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from counselroom.documents.fonts import resolve_fonts
from counselroom.documents.kinds import sample_document
from counselroom.documents.render import render
from counselroom.documents.templates import DEFAULT_TEMPLATES, TEMPLATE_SPECS

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all-pages", action="store_true", help="every page, not only the first")
    parser.add_argument("--builtin", action="store_true", help="use the STSong-Light fallback")
    parser.add_argument("--out", type=Path, default=HERE, help="folder for the PNG files")
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: apt-get install poppler-utils", file=sys.stderr)
        return 1
    fonts = resolve_fonts(search=[]) if args.builtin else resolve_fonts()
    print(f"fonts: {fonts.primary.label}" + (" (built-in, not embedded)" if fonts.builtin else ""))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for key in TEMPLATE_SPECS:
            document = sample_document(key, DEFAULT_TEMPLATES[key])
            result = render(document, fonts)
            pdf = Path(tmp) / f"{key}.pdf"
            pdf.write_bytes(result.pdf)
            pages = ["-f", "1", "-l", "1", "-singlefile"] if not args.all_pages else []
            suffix = "-builtin" if args.builtin else ""
            target = args.out / f"{key}{suffix}"
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", *pages, str(pdf), str(target)], check=True
            )
            print(f"{key}: {result.pages} page(s) -> {target.name}*.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
