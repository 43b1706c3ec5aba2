"""The directory of institutions: administrators edit it, everyone reads it, deleting is soft,
and every vault — new or upgraded — lists the preset hotlines exactly once."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from referral_support import Vault, ago, audits, make, snapshot

from counselroom.domain.errors import ValidationError
from counselroom.domain.hotlines import PRESET_INSTITUTIONS, phone_key
from counselroom.services import auth
from counselroom.services.context import Context
from counselroom.services.institutions import (
    InstitutionEntry,
    InstitutionInput,
    add_institution,
    delete_institution,
    list_institutions,
    restore_institution,
    update_institution,
)
from counselroom.services.referrals import propose_referral
from counselroom.services.roles import PermissionDenied

SAVED = Path(__file__).parents[1] / "data" / "vaults"
HOTLINE = InstitutionInput(
    kind="hotline", name="区心理援助热线", phone="023-6000 7000", hours="8:00-22:00"
)


@pytest.fixture
def v(tmp_path: Path) -> Iterator[Vault]:
    yield from make(tmp_path)


def _presets_once(entries: list[InstitutionEntry]) -> None:
    keys = [phone_key(e.phone) for e in entries]
    for kind, name, _dept, phone, _hours in PRESET_INSTITUTIONS:
        assert keys.count(phone_key(phone)) == 1, name
        (entry,) = (e for e in entries if phone_key(e.phone) == phone_key(phone))
        assert entry.kind == kind and not entry.deleted


def _refused(v: Vault, call: Callable[[], object], field: str | None) -> ValidationError:
    shot = snapshot(v)
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.field == field, caught.value
    assert snapshot(v) == shot
    return caught.value


def test_a_new_vault_lists_the_preset_hotlines_once(v: Vault) -> None:
    entries = list_institutions(v.viewer)
    _presets_once(entries)
    names = {(e.name, e.department) for e in entries}
    assert ("12355 青少年服务台", "心理咨询") in names
    # by kind (hospital, hotline, service), then name
    assert [e.kind for e in entries] == ["hospital", "hotline", "hotline", "hotline"]


@pytest.mark.parametrize("revision", ["rev0001", "rev0002"])
def test_an_upgraded_vault_gains_the_presets_it_lacks_once(revision: str, tmp_path: Path) -> None:
    saved = SAVED / revision
    expected = json.loads((saved / "expected.json").read_text(encoding="utf-8"))
    folder = tmp_path / "vault"
    shutil.copytree(saved, folder)
    ctx = auth.login(folder, expected["user"], expected["password"], record=False)
    try:
        entries = list_institutions(ctx)
        _presets_once(entries)
        # the demo's own 12355 entry was kept under its own name, not duplicated
        assert "青少年服务台心理援助热线" in {e.name for e in entries}
        assert len(entries) == expected["counts"]["institutions"] + 2
    finally:
        ctx.close()


def test_an_administrator_edits_the_directory_and_every_change_is_audited(v: Vault) -> None:
    iid = add_institution(v.admin, HOTLINE)
    (entry,) = (e for e in list_institutions(v.counsellor) if e.id == iid)
    assert (entry.name, entry.phone, entry.hours, entry.referrals) == (
        "区心理援助热线",
        "023-6000 7000",
        "8:00-22:00",
        0,
    )
    update_institution(v.admin, iid, replace(HOTLINE, contact="值班员", hours="全天"))
    update_institution(v.admin, iid, replace(HOTLINE, contact="值班员", hours="全天"))  # same
    delete_institution(v.admin, iid)
    assert iid not in {e.id for e in list_institutions(v.admin)}
    (gone,) = (e for e in list_institutions(v.admin, include_deleted=True) if e.id == iid)
    assert gone.deleted and gone.contact == "值班员"
    restore_institution(v.admin, iid)
    assert iid in {e.id for e in list_institutions(v.admin)}
    target = f"institution:{iid}"
    assert [a for a in audits(v, "institution.") if a[1] == target] == [
        ("institution.add", target, "kind=hotline"),
        ("institution.update", target, "fields=contact,hours"),
        ("institution.delete", target, None),
        ("institution.restore", target, None),
    ]


def test_editing_the_directory_is_for_administrators_only(v: Vault) -> None:
    """The window hides the buttons; the service refuses whoever calls it."""
    actions: list[Callable[[Context], object]] = [
        lambda ctx: add_institution(ctx, HOTLINE),
        lambda ctx: update_institution(ctx, v.hospital_id, HOTLINE),
        lambda ctx: delete_institution(ctx, v.hospital_id),
        lambda ctx: restore_institution(ctx, v.hospital_id),
    ]
    shot = snapshot(v)
    for ctx in (v.counsellor, v.viewer):
        for action in actions:
            with pytest.raises(PermissionDenied):
                action(ctx)
    assert snapshot(v) == shot
    assert list_institutions(v.viewer) == list_institutions(v.admin)


def test_two_live_entries_may_not_share_name_and_department(v: Vault) -> None:
    iid = add_institution(v.admin, HOTLINE)
    error = _refused(v, lambda: add_institution(v.admin, replace(HOTLINE, phone="1")), "name")
    assert "区心理援助热线" in error.message
    other = add_institution(v.admin, replace(HOTLINE, department="夜间"))
    _refused(v, lambda: update_institution(v.admin, other, HOTLINE), "name")
    # a deleted entry frees its name, and then cannot come back beside the new one
    delete_institution(v.admin, iid)
    add_institution(v.admin, HOTLINE)
    _refused(v, lambda: restore_institution(v.admin, iid), "name")


def test_a_deleted_entry_is_not_edited_deleted_again_or_restored_twice(v: Vault) -> None:
    iid = add_institution(v.admin, HOTLINE)
    _refused(v, lambda: restore_institution(v.admin, iid), None)
    delete_institution(v.admin, iid)
    error = _refused(v, lambda: update_institution(v.admin, iid, HOTLINE), None)
    assert error.record == f"institution {iid}" and "restore" in error.message
    _refused(v, lambda: delete_institution(v.admin, iid), None)
    error = _refused(v, lambda: delete_institution(v.admin, 9999), None)
    assert error.record == "institution 9999"


@pytest.mark.parametrize(
    ("field", "data"),
    [
        ("kind", replace(HOTLINE, kind="pharmacy")),
        ("name", replace(HOTLINE, name="  ")),
        ("phone", replace(HOTLINE, phone="1\x002")),
    ],
)
def test_bad_entries_are_named(v: Vault, field: str, data: InstitutionInput) -> None:
    _refused(v, lambda: add_institution(v.admin, data), field)


def test_a_deleted_institution_takes_no_new_referral_and_keeps_its_old_ones(v: Vault) -> None:
    propose_referral(
        v.counsellor,
        v.student_id,
        institution_id=v.hospital_id,
        urgency="urgent",
        reason="持续失眠",
        on=ago(3),
    )
    delete_institution(v.admin, v.hospital_id)
    error = _refused(
        v,
        lambda: propose_referral(
            v.counsellor,
            v.student_id,
            institution_id=v.hospital_id,
            urgency="urgent",
            reason="持续失眠",
            on=ago(1),
        ),
        "institution_id",
    )
    assert error.message.startswith("市精神卫生中心 儿童青少年心理科 was deleted")
    (entry,) = (
        e for e in list_institutions(v.admin, include_deleted=True) if e.id == v.hospital_id
    )
    assert entry.deleted and entry.referrals == 1
