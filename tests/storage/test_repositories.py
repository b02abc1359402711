"""Repositories: every model matches its table, and strange or huge text is stored as written."""

from __future__ import annotations

import pytest

from amends_desktop.domain import models as m
from amends_desktop.storage.repository import transaction
from amends_desktop.storage.vault import VaultManager


def test_every_model_matches_its_table(manager: VaultManager) -> None:
    vault = manager.create(manager.prepare())
    for repo in vault.repos.all():
        assert repo.check_columns() == set(), f"{repo.table}: fields without a column"
    vault.close()


@pytest.mark.parametrize("text", [
    "emoji 🌱🫶🏽 and a family 👨‍👩‍👧",
    "مرحبا، آسف على ما فعلت",  # right to left
    "עברית ועוד",
    "x" * 2_000_000,  # two million characters
    "NUL\x00inside",
    "quote ' and \" and ; DROP TABLE people; --",
])
def test_strange_and_huge_text_round_trips(manager: VaultManager, text: str) -> None:
    vault = manager.create(manager.prepare())
    with transaction(vault.conn):
        entry = vault.repos.entries.add(m.Entry(written_on="2026-01-01", body=text))
    vault.close()
    again = manager.open()
    assert again.repos.entries.get(int(entry.id or 0)).body == text  # type: ignore[union-attr]
    again.close()


def test_lone_surrogate_is_replaced_not_an_error(manager: VaultManager) -> None:
    vault = manager.create(manager.prepare())
    with transaction(vault.conn):
        person = vault.repos.people.add(m.Person(name="Broken \ud800 paste"))
    assert person.name == "Broken \ufffd paste"
    vault.close()


def test_search_index_follows_edits_and_deletes(manager: VaultManager) -> None:
    vault = manager.create(manager.prepare())
    repos = vault.repos

    def hits(word: str) -> int:
        return int(vault.conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH ?",
                                      (word,)).fetchone()[0])

    with transaction(vault.conn):
        entry = repos.entries.add(m.Entry(written_on="2026-01-01", body="lantern by the window"))
    assert hits("lantern") == 1
    with transaction(vault.conn):
        repos.entries.update_fields(int(entry.id or 0), body="candle by the window")
    assert hits("lantern") == 0 and hits("candle") == 1
    with transaction(vault.conn):
        repos.entries.delete(int(entry.id or 0))
    assert hits("candle") == 0, "a deleted entry is not found"
    with transaction(vault.conn):
        repos.entries.undelete(int(entry.id or 0))
    assert hits("candle") == 1, "undo brings it back to search"
    with transaction(vault.conn):
        repos.entries.delete(int(entry.id or 0))
        assert repos.purge_deleted() == 1
    assert vault.conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 0
    vault.close()
