"""The command line: `counselroom SUBCOMMAND …` (DESIGN.md "CLI contract").

The CLI and the window are two faces over the same services; nothing here is business logic.
"""

from counselroom.cli.main import main

__all__ = ["main"]
