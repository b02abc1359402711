"""The Inventory service: people, harms, tags, delete and undo, patterns."""

from __future__ import annotations

import pytest

from amends_desktop.domain import models as m
from amends_desktop.domain.enums import FormalAmends, HarmCategory, PlanType, Relationship, Stage, Willingness
from amends_desktop.domain.restitution import MoneyError
from amends_desktop.services.demo import fill_demo
from amends_desktop.services.inventory import InventoryError, InventoryService, fill_large
from amends_desktop.storage.repository import transaction
from amends_desktop.storage.vault import Vault, VaultManager


@pytest.fixture
def vault(manager: VaultManager):  # type: ignore[no-untyped-def]
    v = manager.create(manager.prepare())
    yield v
    v.close()


@pytest.fixture
def svc(vault: Vault) -> InventoryService:
    return InventoryService(vault.repos)


def names(svc: InventoryService) -> list[str]:
    return [r.name for r in svc.people_rows()]


def test_new_vault_lists_only_myself(svc: InventoryService) -> None:
    rows = svc.people_rows()
    assert [r.name for r in rows] == ["Myself"]
    assert rows[0].is_self and rows[0].harm_count == 0 and rows[0].plan_stage is None
    assert rows[0].stage_text == "No plan yet"


def test_add_person_trims_and_refuses_empty_names(svc: InventoryService) -> None:
    p = svc.add_person("  Maria   (Mum) ", Relationship.PARENT)
    assert p.name == "Maria (Mum)" and p.relationship == Relationship.PARENT
    for bad in ("", "   ", "\n\t"):
        with pytest.raises(InventoryError, match="name"):
            svc.add_person(bad)
    with pytest.raises(InventoryError):
        svc.add_person("x" * 500)
    with pytest.raises(InventoryError):
        svc.add_person("Me again", Relationship.SELF)
    assert names(svc) == ["Myself", "Maria (Mum)"]


def test_emoji_rtl_and_long_text_round_trip(svc: InventoryService) -> None:
    p = svc.add_person("سارا 🌱")
    long_text = "I was not there. " * 2000
    h = svc.add_harm(int(p.id or 0), long_text, when_text="ربيع 2019", notes="💔 " * 100)
    again = svc.harm_row(h.id)
    assert again is not None and again.harm.what_happened == long_text and again.harm.notes == "💔 " * 100
    assert svc.person_row(int(p.id or 0)).name == "سارا 🌱"  # type: ignore[union-attr]


def test_update_person_fields_and_revisit_date(svc: InventoryService) -> None:
    p = svc.add_person("Tom")
    pid = int(p.id or 0)
    updated = svc.update_person(pid, willingness=Willingness.NOT_YET, revisit_on="2030-01-05", notes="later")
    assert updated.willingness == Willingness.NOT_YET and updated.revisit_on == "2030-01-05"
    updated = svc.update_person(pid, willingness=Willingness.WILLING)
    assert updated.revisit_on is None, "a revisit date only belongs to 'not yet'"
    with pytest.raises(InventoryError):
        svc.update_person(pid, name=" ")
    assert svc.person(pid).name == "Tom"  # type: ignore[union-attr]
    with pytest.raises(InventoryError):
        svc.update_person(int(svc.myself().id or 0), relationship=Relationship.FRIEND)
    with pytest.raises(KeyError):
        svc.update_person(pid, is_self=True)


def test_people_rows_aggregate_counts_money_per_currency_and_stage(vault: Vault, svc: InventoryService) -> None:
    p = svc.add_person("Tom")
    pid = int(p.id or 0)
    svc.add_harm(pid, "Guitar", category=HarmCategory.PROPERTY, amount_minor=35000, currency="EUR")
    svc.add_harm(pid, "Loan", category=HarmCategory.FINANCIAL, amount_minor=1000, currency="EUR")
    svc.add_harm(pid, "Dollars", category=HarmCategory.FINANCIAL, amount_minor=500, currency="USD")
    gone = svc.add_harm(pid, "Deleted one", amount_minor=99900, currency="EUR")
    svc.delete_harm(gone.id)
    with transaction(vault.conn):
        vault.repos.plans.add(m.Plan(person_id=pid, type=PlanType.DIRECT, stage=Stage.PREPARING))
    row = svc.person_row(pid)
    assert row is not None
    assert row.harm_count == 3
    assert row.money == (("EUR", 36000), ("USD", 500))
    assert row.money_text == "360.00 EUR, 5.00 USD"
    assert row.plan_stage == Stage.PREPARING and row.stage_text == "Preparing"
    assert row.categories == {"property", "financial"}
    assert "guitar" in row.search_text and "deleted one" not in row.search_text


def test_harm_crud_tags_and_money(svc: InventoryService) -> None:
    pid = int(svc.add_person("Mum").id or 0)
    tags = {t.tag.name: int(t.tag.id or 0) for t in svc.tags()}
    h = svc.add_harm(pid, "Took money", category=HarmCategory.FINANCIAL, tag_ids=[tags["dishonesty"]])
    assert h.tags_text == "dishonesty"
    h = svc.update_harm(h.id, when_text="summer 2019", formal_amends=FormalAmends.YES,
                        tag_ids=[tags["fear"], tags["dishonesty"]], reviewed_on="2024-03-01")
    assert h.harm.when_text == "summer 2019" and h.harm.formal_amends == FormalAmends.YES
    assert h.tags_text == "dishonesty, fear" and h.harm.reviewed_on == "2024-03-01"
    h = svc.set_money(h.id, "1,234.50", "eur")
    assert h.harm.amount_minor == 123450 and h.harm.currency == "EUR" and h.money_text == "1,234.50 EUR"
    with pytest.raises(MoneyError, match="negative"):
        svc.set_money(h.id, "-5", "EUR")
    with pytest.raises(MoneyError):
        svc.set_money(h.id, "twelve", "EUR")
    with pytest.raises(InventoryError):
        svc.set_money(h.id, "5", "€€€€€€")
    with pytest.raises(InventoryError):
        svc.update_harm(h.id, amount_minor=-1)
    assert svc.harm_row(h.id).harm.amount_minor == 123450  # type: ignore[union-attr]
    h = svc.set_money(h.id, "", "EUR")
    assert h.harm.amount_minor is None and h.harm.currency == ""
    assert [r.harm.what_happened for r in svc.harm_rows(pid)] == ["Took money"]


def test_delete_person_takes_harms_and_plans_and_undo_brings_them_back(vault: Vault, svc: InventoryService) -> None:
    pid = int(svc.add_person("Sam").id or 0)
    earlier = svc.add_harm(pid, "Deleted earlier")
    earlier_token = svc.delete_harm(earlier.id)
    svc.add_harm(pid, "One")
    svc.add_harm(pid, "Two")
    with transaction(vault.conn):
        vault.repos.plans.add(m.Plan(person_id=pid))
    token = svc.delete_person(pid)
    assert names(svc) == ["Myself"]
    assert vault.repos.plans.count("person_id = ?", (pid,)) == 0
    svc.undo(token)
    row = svc.person_row(pid)
    assert row is not None and row.harm_count == 2, "only what this delete removed comes back"
    assert vault.repos.plans.count("person_id = ?", (pid,)) == 1
    svc.undo(earlier_token)
    assert svc.person_row(pid).harm_count == 3  # type: ignore[union-attr]


def test_myself_cannot_be_deleted(svc: InventoryService) -> None:
    with pytest.raises(InventoryError, match="Myself"):
        svc.delete_person(int(svc.myself().id or 0))


def test_undo_harm_whose_person_was_deleted_brings_the_person_back(svc: InventoryService) -> None:
    pid = int(svc.add_person("Jon").id or 0)
    h = svc.add_harm(pid, "Borrowed")
    t1 = svc.delete_harm(h.id)
    svc.delete_person(pid)
    svc.undo(t1)
    assert svc.person_row(pid) is not None


def test_tags_add_rename_merge(svc: InventoryService) -> None:
    pid = int(svc.add_person("Dee").id or 0)
    mine = svc.add_tag("  people-pleasing ")
    assert mine.name == "people-pleasing" and not mine.builtin
    assert svc.add_tag("PEOPLE-pleasing").id == mine.id, "same name in another case is the same tag"
    with pytest.raises(InventoryError):
        svc.add_tag("  ")
    fear = next(t.tag for t in svc.tags() if t.tag.name == "fear")
    h1 = svc.add_harm(pid, "a", tag_ids=[int(mine.id or 0)])
    h2 = svc.add_harm(pid, "b", tag_ids=[int(mine.id or 0), int(fear.id or 0)])
    renamed = svc.rename_tag(int(mine.id or 0), "pleasing others")
    assert renamed.name == "pleasing others"
    with pytest.raises(InventoryError, match="merge"):
        svc.rename_tag(int(mine.id or 0), "Fear")
    svc.merge_tags([int(mine.id or 0)], int(fear.id or 0))
    assert "pleasing others" not in [t.tag.name for t in svc.tags()]
    assert svc.harm_row(h1.id).tags_text == "fear"  # type: ignore[union-attr]
    assert svc.harm_row(h2.id).tags_text == "fear"  # type: ignore[union-attr]
    uses = {t.tag.name: t.harm_count for t in svc.tags()}
    assert uses["fear"] == 2


def test_patterns_count_by_category_and_defect(vault: Vault, svc: InventoryService) -> None:
    fill_demo(vault.repos)
    pat = svc.patterns()
    by_cat = dict(pat.by_category)
    assert set(by_cat) == set(HarmCategory), "every category shows, zeros included"
    assert by_cat[HarmCategory.FINANCIAL] == 3 and by_cat[HarmCategory.LEGAL] == 0
    by_tag = {t.name: n for t, n in pat.by_tag}
    assert by_tag["dishonesty"] == 5
    assert pat.total_harms == sum(by_cat.values())
    tom = next(r for r in svc.people_rows() if r.name == "Tom")
    svc.delete_person(tom.id)
    assert svc.patterns().total_harms == pat.total_harms - 2, "a deleted person's harms leave the patterns"


def test_demo_people_rows_show_plans(vault: Vault, svc: InventoryService) -> None:
    fill_demo(vault.repos)
    rows = {r.name: r for r in svc.people_rows()}
    assert rows["Maria (Mum)"].harm_count == 3 and rows["Maria (Mum)"].money == (("EUR", 40000),)
    assert rows["Maria (Mum)"].plan_stage == Stage.MADE
    assert rows["Jon"].stage_text == "Listed (deferred)"
    assert svc.people_rows()[0].is_self


def test_large_inventory_reads_in_one_query(vault: Vault, svc: InventoryService) -> None:
    fill_large(vault.repos, people=50, harms_per_person=4)
    rows = svc.people_rows()
    assert len(rows) == 51 and sum(r.harm_count for r in rows) == 200
