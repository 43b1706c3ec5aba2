"""Printed documents: reportlab builders, fonts, official-document styles, editable wording.

No Qt and no vault here: services gather the data (documents/data.py) and record what was
printed; the window previews and prints the PDF bytes.
"""
