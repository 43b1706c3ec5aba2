"""Printed documents in the window: the PDF view, the preview with print and save, the
文书 tab's print menu and batch printing of parent notices."""
