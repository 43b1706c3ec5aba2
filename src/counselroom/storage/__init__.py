"""SQLAlchemy models, the SQLCipher engine and Alembic migrations."""
