"""School identity and cards, transfer archives, backups: formats and cryptography, no vault.

The services (services/transfer_*.py, services/backups.py) hold the permissions, transactions
and audit entries; this package only builds and checks bytes, so an archive can be tested, and
read by another program, without a vault.
"""
