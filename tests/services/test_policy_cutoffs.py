"""Changing the screening cut-offs and MHT item key: admin only, versioned, audited by key."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from counselroom.domain.cutoffs import (
    Band,
    Gad7Cutoffs,
    MhtCutoffs,
    Phq9Cutoffs,
    ScreeningCutoffs,
    Severity,
)
from counselroom.domain.errors import ValidationError
from counselroom.domain.policy import Policy
from counselroom.domain.scoring import score_sheet
from counselroom.domain.screening_flags import MHT_ATTENTION, PHQ9_FLAG
from counselroom.services import policy as policy_service
from counselroom.services.context import Context
from counselroom.services.roles import PermissionDenied, Role
from counselroom.storage.models import AuditEntry, PolicySetting, Student
from counselroom.vault.verify import verify_vault
from vault_fixtures import account, make_vault

STUDENT = "韩梅梅"


@dataclass
class Vault:
    admin: Context
    counsellor: Context
    viewer: Context


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    admin, _code = make_vault(tmp_path / "v")
    with admin.vault.write() as session:  # a student, so the audit check has one to leak
        session.add(Student(name=STUDENT, gender="F", grade_level=8))
    yield Vault(
        admin,
        account(admin, "lin", Role.COUNSELLOR, "林老师"),
        account(admin, "ban", Role.VIEWER, "王班主任"),
    )
    admin.close()


def snapshot(ctx: Context) -> tuple[Any, ...]:
    with ctx.vault.read() as session:
        versions = session.execute(
            select(PolicySetting.version, PolicySetting.data_json, PolicySetting.note).order_by(
                PolicySetting.version
            )
        ).all()
        audits = session.scalars(select(AuditEntry.seq).order_by(AuditEntry.seq)).all()
        return tuple(versions), tuple(audits)


def policy_updates(ctx: Context) -> list[tuple[str | None, str | None, str | None]]:
    with ctx.vault.read() as session:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "policy.update").order_by(AuditEntry.seq)
        )
        return [(r.username, r.target, r.detail) for r in rows]


def stored_versions(ctx: Context) -> list[tuple[int, int | None, str]]:
    with ctx.vault.read() as session:
        rows = session.scalars(select(PolicySetting).order_by(PolicySetting.version))
        return [(r.version, r.created_by_id, r.note) for r in rows]


def in_force(ctx: Context) -> Policy:
    with ctx.vault.read() as session:
        return policy_service.policy_in(session)


def with_key(changes: dict[int, str]) -> str:
    """The default item key with the given 1-based items set."""
    key = list(MhtCutoffs().item_key)
    for item, value in changes.items():
        key[item - 1] = value
    return "".join(key)


@pytest.mark.parametrize("who", ["counsellor", "viewer"])
def test_only_an_administrator_may_change_the_cut_offs(vault: Vault, who: str) -> None:
    before = snapshot(vault.admin)
    other: Context = getattr(vault, who)
    with pytest.raises(PermissionDenied):
        policy_service.set_screening_cutoffs(other, ScreeningCutoffs(phq9=Phq9Cutoffs(flag_at=9)))
    assert snapshot(vault.admin) == before
    assert policy_service.current_policy(other).screening == ScreeningCutoffs()  # may read


def test_a_change_is_a_new_version_audited_by_changed_keys(vault: Vault) -> None:
    ctx = vault.admin
    wanted = ScreeningCutoffs(
        phq9=Phq9Cutoffs(flag_at=10),
        gad7=Gad7Cutoffs(
            bands=(
                Band(0, Severity.NONE),
                Band(5, Severity.MILD),
                Band(11, Severity.MODERATE),
                Band(15, Severity.SEVERE),
            )
        ),
        mht=MhtCutoffs(item_key=with_key({3: "0", 17: "0"})),
    )
    changed = policy_service.set_screening_cutoffs(ctx, wanted)
    assert changed.screening == wanted
    assert changed == dataclasses.replace(Policy.default(), screening=wanted)  # nothing else
    assert policy_service.current_policy(ctx) == changed
    admin = ctx.actor.user_id
    assert stored_versions(ctx) == [(1, admin, "defaults"), (2, admin, "screening")]
    assert policy_updates(ctx) == [
        (
            "admin",
            "policy:2",
            "screening.phq9.flag_at 11→10; screening.gad7.bands[2].lower 10→11; "
            "screening.mht.item_key 1→0: 3,17",
        )
    ]
    # The stored JSON reads back to the same cut-offs, and version 1 is kept as it was.
    with ctx.vault.read() as session:
        rows = dict(session.execute(select(PolicySetting.version, PolicySetting.data_json)).all())
    assert Policy.from_dict(json.loads(rows[2])).screening == wanted
    assert Policy.from_dict(json.loads(rows[1])).screening == ScreeningCutoffs()
    assert verify_vault(ctx.vault) == []


def test_the_audit_names_keys_and_values_never_a_student(vault: Vault) -> None:
    ctx = vault.admin
    policy_service.set_screening_cutoffs(ctx, ScreeningCutoffs(mht=MhtCutoffs(lie_invalid_at=6)))
    with ctx.vault.read() as session:
        student_id = session.scalars(select(Student.id)).one()
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "policy.update")
        ).one()
    assert (entry.target, entry.detail) == ("policy:2", "screening.mht.lie_invalid_at 7→6")
    assert entry.detail is not None
    assert STUDENT not in entry.detail and f"student:{student_id}" not in entry.detail


def test_restoring_the_defaults_lists_what_went_back(vault: Vault) -> None:
    ctx = vault.admin
    policy_service.set_screening_cutoffs(
        ctx,
        ScreeningCutoffs(
            phq9=Phq9Cutoffs(item9_alert_above=1), mht=MhtCutoffs(item_key=with_key({42: "0"}))
        ),
    )
    restored = policy_service.set_screening_cutoffs(ctx, ScreeningCutoffs())
    assert restored == Policy.default()
    assert [detail for _, _, detail in policy_updates(ctx)] == [
        "screening.phq9.item9_alert_above 0→1; screening.mht.item_key 1→0: 42",
        "screening.phq9.item9_alert_above 1→0; screening.mht.item_key 0→1: 42",
    ]
    assert [v for v, _, _ in stored_versions(ctx)] == [1, 2, 3]


def test_the_same_cut_offs_write_nothing(vault: Vault) -> None:
    before = snapshot(vault.admin)
    assert policy_service.set_screening_cutoffs(vault.admin, ScreeningCutoffs()) == Policy()
    assert snapshot(vault.admin) == before


def test_other_policy_settings_are_kept(vault: Vault) -> None:
    ctx = vault.admin
    policy_service.set_idle_lock(ctx, 9)
    changed = policy_service.set_screening_cutoffs(
        ctx, ScreeningCutoffs(gad7=Gad7Cutoffs(flag_at=8))
    )
    assert changed.idle_lock == policy_service.current_policy(ctx).idle_lock
    assert policy_service.idle_lock_minutes(ctx) == 9


def test_what_is_saved_is_what_screening_scores_with_next(vault: Vault) -> None:
    phq9_total_10 = [2, 2, 2, 2, 1, 1, 0, 0, 0]
    mht_all_yes = [1] * 100
    assert (
        PHQ9_FLAG not in score_sheet("phq9", phq9_total_10, in_force(vault.admin).screening).flags
    )
    policy_service.set_screening_cutoffs(
        vault.admin, ScreeningCutoffs(phq9=Phq9Cutoffs(flag_at=10))
    )
    cutoffs = in_force(vault.admin).screening
    assert PHQ9_FLAG in score_sheet("phq9", phq9_total_10, cutoffs).flags
    # The item key too: with every content item keyed 否, an all-是 sheet scores 0 content.
    assert score_sheet("mht", mht_all_yes, cutoffs).total == 90
    content_no = "0" * 81 + "".join("1" if n % 2 == 0 else "0" for n in range(82, 101))
    assert len(content_no) == 100
    policy_service.set_screening_cutoffs(
        vault.admin, dataclasses.replace(cutoffs, mht=MhtCutoffs(item_key=content_no))
    )
    scored = score_sheet("mht", mht_all_yes, in_force(vault.admin).screening)
    assert scored.total == 0 and MHT_ATTENTION not in scored.flags
    assert scored.lie == 10  # the lie items (82, 84, … 100) still score 是


def rising() -> Phq9Cutoffs:
    bands = list(Phq9Cutoffs().bands)
    bands[2] = Band(5, Severity.MODERATE)  # moderate from 5, the same as mild
    return Phq9Cutoffs(bands=tuple(bands))


def flag_28() -> Phq9Cutoffs:
    return Phq9Cutoffs(flag_at=28)


def key_99() -> MhtCutoffs:
    return MhtCutoffs(item_key="1" * 99)


def key_with_2() -> MhtCutoffs:
    return MhtCutoffs(item_key=with_key({50: "2"}))


@pytest.mark.parametrize(
    ("build", "field", "words"),
    [
        (rising, "screening.phq9.bands[2]", "rising"),
        (flag_28, "screening.phq9.flag_at", "at most 27"),
        (key_99, "screening.mht.item_key", "got 99"),
        (key_with_2, "screening.mht.item_key", "item 50"),
    ],
)
def test_invalid_cut_offs_are_refused_with_their_key_path(
    build: Callable[[], object], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as info:
        build()
    assert info.value.field == field and words in info.value.message


@pytest.mark.parametrize(
    ("part", "attribute", "value", "field"),
    [
        ("phq9", "flag_at", 28, "screening.phq9.flag_at"),
        ("phq9", "item9_alert_above", 3, "screening.phq9.item9_alert_above"),
        (
            "gad7",
            "bands",
            (Band(0, Severity.NONE), Band(10, Severity.MILD), Band(10, Severity.SEVERE)),
            "screening.gad7.bands[2]",
        ),
        ("mht", "item_key", "1" * 99, "screening.mht.item_key"),
        ("mht", "item_key", with_key({7: "2"}), "screening.mht.item_key"),
        ("mht", "scale_high_at", 0, "screening.mht.scale_high_at"),
        ("gad7", "bands", (0, 5, 10), "screening"),  # not bands at all
    ],
    ids=["flag", "item9", "bands", "key-99", "key-2", "scale", "not-bands"],
)
def test_the_service_checks_again_what_was_altered_after_building(
    vault: Vault, part: str, attribute: str, value: object, field: str
) -> None:
    """A frozen dataclass can be changed with object.__setattr__; nothing of that is stored."""
    cutoffs = ScreeningCutoffs()
    altered = dataclasses.replace(getattr(cutoffs, part))
    object.__setattr__(altered, attribute, value)
    tampered = dataclasses.replace(cutoffs, **{part: altered})
    before = snapshot(vault.admin)
    with pytest.raises(ValidationError) as info:
        policy_service.set_screening_cutoffs(vault.admin, tampered)
    assert info.value.field == field
    assert snapshot(vault.admin) == before


def test_parts_of_the_wrong_kind_are_refused(vault: Vault) -> None:
    before = snapshot(vault.admin)
    wrong = ScreeningCutoffs(phq9=Gad7Cutoffs())  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as info:
        policy_service.set_screening_cutoffs(vault.admin, wrong)
    assert info.value.field == "screening.phq9.item9_alert_above"
    with pytest.raises(ValidationError) as info:
        policy_service.set_screening_cutoffs(vault.admin, Policy())  # type: ignore[arg-type]
    assert info.value.field == "screening"
    assert snapshot(vault.admin) == before


def test_a_band_added_in_code_is_audited_as_new_keys(vault: Vault) -> None:
    five = (
        Band(0, Severity.NONE),
        Band(5, Severity.MILD),
        Band(10, Severity.MODERATE),
        Band(13, Severity.MODERATELY_SEVERE),
        Band(15, Severity.SEVERE),
    )
    policy_service.set_screening_cutoffs(
        vault.admin, ScreeningCutoffs(gad7=Gad7Cutoffs(bands=five))
    )
    assert policy_updates(vault.admin)[0][2] == (
        "screening.gad7.bands[3].lower 15→13; "
        "screening.gad7.bands[3].severity severe→moderately_severe; "
        "screening.gad7.bands[4].lower (none)→15; screening.gad7.bands[4].severity (none)→severe"
    )
    assert in_force(vault.admin).screening.gad7.severity(14) is Severity.MODERATELY_SEVERE
