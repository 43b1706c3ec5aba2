"""reportlab loads when the first document is made, never with the window or the CLI parser.

The main window's modules are imported during sign-in (app.py), so everything they pull in is
paid before the dashboard shows; reportlab and its fonts are paid only by someone printing.
A subprocess, because this test session has imported reportlab long ago.
"""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_window_and_the_cli_parser_do_not_import_reportlab() -> None:
    code = (
        "import sys\n"
        "import counselroom.ui.main_window, counselroom.ui.file_windows, counselroom.cli.main\n"
        "import counselroom.services.documents\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'reportlab'))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "[]"
