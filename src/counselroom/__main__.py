"""Entry points: `counselroom` (CLI; no subcommand starts the window) and `counselroom-gui`."""

from __future__ import annotations

import sys

from counselroom.cli import main as cli_main


def main() -> None:
    sys.exit(cli_main())


def gui_main() -> None:
    sys.exit(cli_main(["gui", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
