"""`backup --out FILE|FOLDER [--keep N]` and `restore FILE [--vault DIR] [--user U]`.

Refusals reach `cli.main` as exceptions and become its exit codes: a bad or foreign backup 1,
a wrong password 3, a vault in use 4.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from counselroom.cli.output import emit_json, respond
from counselroom.cli.secrets_input import SecretSource
from counselroom.services import backups
from counselroom.services.context import Context

EXIT_USAGE = 2


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    out = Path(args.out)
    keep = getattr(args, "keep", None)
    if out.is_dir():
        result = backups.backup_to_folder(ctx, out, keep)
    else:
        if keep is not None:
            message = "backup: --keep applies only when --out is a folder"
            if args.json:
                emit_json({"error": message, "exit_code": EXIT_USAGE})
            print(f"counselroom: {message}", file=sys.stderr)
            return EXIT_USAGE
        result = backups.backup_vault(ctx, out)
    lines = [f"Backed up the vault to {result.file} ({_size(result.size)})."]
    if result.deleted:
        lines.append(f"Deleted {len(result.deleted)} older backup(s) of this vault (keep {keep}):")
        lines += [f"    {name}" for name in result.deleted]
    respond(
        args.json,
        {
            "file": str(result.file),
            "size": result.size,
            "vault_id": result.vault_id,
            "created_at": result.created_at.isoformat(timespec="seconds") + "Z",
            "deleted": list(result.deleted),
        },
        "\n".join(lines),
    )
    return 0


def cmd_restore(args: argparse.Namespace, secrets: SecretSource) -> int:
    who = args.user or "an account of the backup"
    password = secrets.read(f"password for {who}", "COUNSELROOM_PASSWORD")
    result = backups.restore_backup(Path(args.file), Path(args.vault), password, args.user)
    made = result.backup_created_at.isoformat(timespec="seconds") + "Z"
    text = (
        f"Restored {args.file} (made {made}) into {result.vault_folder}; "
        f"opened as {result.username}."
    )
    if result.replaced_folder is not None:
        text += f"\nThe vault that was there is kept in {result.replaced_folder}."
    respond(
        args.json,
        {
            "vault": str(result.vault_folder),
            "replaced": str(result.replaced_folder) if result.replaced_folder else None,
            "user": result.username,
            "vault_id": result.vault_id,
            "backup_created_at": made,
            "schema_revision": result.schema_revision,
        },
        text,
    )
    return 0
