"""`init`, `demo`, `verify`, `recover` and `user …`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from counselroom.cli.output import emit_json, respond, table
from counselroom.cli.secrets_input import SecretSource
from counselroom.domain.errors import CounselRoomError
from counselroom.services import auth, users
from counselroom.services.context import Context
from counselroom.services.roles import Permission, parse_role
from counselroom.services.setup import SchoolDetails, init_vault
from counselroom.vault.errors import VaultFormatError
from counselroom.vault.kdf import INSECURE_TEST_PARAMS, KdfParams
from counselroom.vault.verify import verify_vault

INSECURE_KDF_ENV = "COUNSELROOM_INSECURE_TEST_KDF"


def kdf_choice() -> KdfParams | None:
    """Production (calibrated) unless a test explicitly asks for cheap parameters."""
    if os.environ.get(INSECURE_KDF_ENV) == "1":
        print(
            f"warning: {INSECURE_KDF_ENV}=1 — weak key derivation, for tests only", file=sys.stderr
        )
        return INSECURE_TEST_PARAMS
    return None


def recovery_code_text(code: str) -> str:
    return (
        "Recovery code (shown once — write it down and keep it locked away):\n"
        f"    {code}\n"
        "It lets an administrator reset a password. Anyone holding it and the vault folder\n"
        "can open every file."
    )


def cmd_init(args: argparse.Namespace, secrets: SecretSource) -> int:
    password = secrets.new_password(args.admin, signed_in=False)
    school = SchoolDetails(name=args.school, school_type=args.school_type)
    ctx, code = init_vault(Path(args.vault), school, args.admin, password, kdf=kdf_choice())
    vault_id = ctx.vault.vault_id
    ctx.close()
    respond(
        args.json,
        {"vault": str(args.vault), "vault_id": vault_id, "recovery_code": code},
        f"Created vault {args.vault} for {args.school}; administrator {args.admin}.\n"
        + recovery_code_text(code),
    )
    return 0


def cmd_demo(args: argparse.Namespace, secrets: SecretSource) -> int:
    from counselroom.services.demo import create_demo_vault

    password = secrets.new_password(args.admin, signed_in=False)
    ctx, code, summary = create_demo_vault(
        Path(args.vault),
        args.students,
        seed=args.seed,
        admin=args.admin,
        password=password,
        kdf=kdf_choice(),
        profile=args.profile,
    )
    ctx.close()
    respond(
        args.json,
        {"vault": str(args.vault), "recovery_code": code, "summary": summary},
        f"Created demo vault {args.vault}: {summary}\n" + recovery_code_text(code),
    )
    return 0


def cmd_verify(args: argparse.Namespace, secrets: SecretSource) -> int:
    try:
        ctx = auth.login(Path(args.vault), args.user, secrets.password(args.user), record=False)
    except VaultFormatError as exc:
        findings = [str(exc)]
    else:
        try:
            ctx.require(Permission.VERIFY)
            findings = verify_vault(ctx.vault)
            if not findings:
                with ctx.vault.write() as session:
                    ctx.audit(
                        session,
                        "vault.verify",
                        detail="ok",
                    )
        finally:
            ctx.close()
    if args.json:
        emit_json({"ok": not findings, "findings": findings})
    else:
        for finding in findings:
            print(finding)
        print("vault is whole" if not findings else f"{len(findings)} problem(s) found")
    return 0 if not findings else 1


def cmd_recover(args: argparse.Namespace, secrets: SecretSource) -> int:
    code = secrets.recovery_code()
    password = secrets.new_password(args.user, signed_in=False)
    new_code = auth.recover(Path(args.vault), code, args.user, password, kdf=kdf_choice())
    respond(
        args.json,
        {"user": args.user, "recovery_code": new_code},
        f"Password of {args.user} reset. The old recovery code no longer works.\n"
        + recovery_code_text(new_code),
    )
    return 0


def cmd_user(ctx: Context, args: argparse.Namespace, secrets: SecretSource) -> int:
    if args.user_command == "list":
        infos = users.list_users(ctx)
        if args.json:
            emit_json({"users": infos})
        else:
            rows = [
                [u.username, u.display_name, u.role, "disabled" if u.disabled_at else "active"]
                for u in infos
            ]
            print(table(rows, ["user", "name", "role", "state"]))
        return 0
    if args.user_command == "add":
        password = secrets.new_password(args.name)
        user_id = users.add_user(
            ctx,
            args.name,
            password,
            parse_role(args.role),
            display_name=args.display_name,
            kdf=kdf_choice(),
        )
        result = {"user": args.name, "id": user_id, "role": args.role}
    elif args.user_command == "passwd":
        target = args.name or ctx.actor.username
        users.change_password(ctx, target, secrets.new_password(target), kdf=kdf_choice())
        result = {"user": target, "password_changed": True}
    elif args.user_command == "disable":
        users.disable_user(ctx, args.name, rotate_key=not args.keep_key)
        result = {"user": args.name, "disabled": True, "key_rotated": not args.keep_key}
    else:  # pragma: no cover - argparse restricts the choices
        raise CounselRoomError(f"unknown user command {args.user_command}")
    respond(args.json, result, ", ".join(f"{k}: {v}" for k, v in result.items()))
    return 0
