"""The window layer: the only package (with app.py) that imports Qt.

Widgets call services through `worker.BackgroundJob` and show their DTOs; nothing here talks to
the database (a test in tests/unit/test_layering.py keeps it so).
"""
