"""The window side of intake (issue 5): one import dialog for every kind of tabular file.

`import_dialog.ImportDialog` reads a file, lets the user check the column mapping on a preview,
runs a dry run and then the import; what differs between a roster and a screening file is an
`import_kind.ImportKind` (`roster_kind.RosterKind`, `screening_kind.ScreeningKind`).
"""
