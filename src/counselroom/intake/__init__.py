"""Reading the spreadsheets schools hand us: rosters and screening score files.

A file from the student-status system or a screening platform arrives as .xlsx or .csv in
whatever encoding, layout and header wording its exporter chose. This package turns it into
plain rows of text (``sheets``), finds the header row and maps its columns to the fields an
importer wants (``columns``), and describes what was wrong with a row (``problems``).

It stands apart from ``domain/`` because it reads files and uses openpyxl and ``csv``, while
the domain stays free of I/O; and apart from ``services/`` because it needs no vault, context
or permission: the CLI, the import window (its preview runs before any service is called) and
the import services all share it, and it is tested on files alone. It may import ``domain/``;
it never imports ``services/``, ``storage/`` or ``ui/``.
"""
