"""Search across everything: safe queries, ranking, snippets, and the places results open."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from amends_desktop.domain import models as m
from amends_desktop.domain.enums import EntryKind, OutcomeKind
from amends_desktop.services.search import (
    HIT_END,
    HIT_START,
    SearchService,
    build_match,
    parse_query,
    snippet_html,
)
from amends_desktop.storage.repositories import Repositories
from amends_desktop.storage.repository import transaction
from amends_desktop.storage.vault import VaultManager


@pytest.fixture
def repos(manager: VaultManager) -> Iterator[Repositories]:
    vault = manager.create(manager.prepare())
    yield vault.repos
    vault.close()


@pytest.fixture
def search(repos: Repositories) -> SearchService:
    return SearchService(repos)


def add_entry(repos: Repositories, body: str, day: str = "2024-03-01", **kw: object) -> m.Entry:
    with transaction(repos.conn):
        return repos.entries.add(m.Entry(written_on=day, body=body, **kw))  # type: ignore[arg-type]


def add_harm(repos: Repositories, name: str, what: str) -> tuple[m.Person, m.Harm]:
    with transaction(repos.conn):
        p = repos.people.add(m.Person(name=name))
        h = repos.harms.add(m.Harm(person_id=int(p.id or 0), what_happened=what))
    return p, h


def bodies(results: list) -> list[int]:  # type: ignore[type-arg]
    return [r.row_id for r in results]


def test_prefix_while_typing_and_whole_word_after_a_space(repos: Repositories, search: SearchService) -> None:
    e1 = add_entry(repos, "Went to the meeting tonight")
    e2 = add_entry(repos, "Meetings help me")
    assert set(bodies(search.search("meet"))) == {e1.id, e2.id}
    assert bodies(search.search("meeting ")) == [e1.id]
    assert search.search("") == [] and search.search("   ") == []


def test_phrase_in_quotes(repos: Repositories, search: SearchService) -> None:
    a = add_entry(repos, "I said sorry to Tom today")
    add_entry(repos, "Tom said he was sorry too")
    assert bodies(search.search('"sorry to tom"')) == [a.id]
    assert len(search.search("sorry tom")) == 2


def test_accents_and_case_fold(repos: Repositories, search: SearchService) -> None:
    a = add_entry(repos, "Coffee at the Café Crème with Zoë")
    for q in ("cafe", "CAFÉ", "creme", "zoe", "ZOË", "café crème"):
        assert bodies(search.search(q)) == [a.id], q


def test_words_in_several_languages(repos: Repositories, search: SearchService) -> None:
    texts = {
        "Heute war ein schwieriger Tag, aber ich bin zur Gruppe gegangen": "schwieriger",
        "Aujourd'hui j'ai appelé mon parrain": "parrain",
        "Сегодня я позвонил маме": "позвонил",
        "Σήμερα ένιωσα ευγνωμοσύνη": "ένιωσα",
        "היום התקשרתי לאמא שלי": "התקשרתי",
        "اليوم اتصلت بأمي": "اتصلت",
        "今日は母に電話した": "電話",
        "我今天给妈妈打了电话": "妈妈",
        "Bugün annemi aradım": "annemi",
    }
    ids = {word: add_entry(repos, text).id for text, word in texts.items()}
    for word, entry_id in ids.items():
        assert entry_id in bodies(search.search(word)), word
    assert ids["parrain"] in bodies(search.search("APPELE"))  # accents folded in French too
    assert ids["позвонил"] in bodies(search.search("ПОЗВОН"))  # Cyrillic case and prefix


def test_emoji_only_query_uses_a_substring_scan(repos: Repositories, search: SearchService) -> None:
    a = add_entry(repos, "Grateful 🙏 for the walk")
    b = add_entry(repos, "Sunny day ☀️ and a call with Mum")
    add_entry(repos, "Nothing special")
    results = search.search("🙏")
    assert bodies(results) == [a.id]
    assert HIT_START + "🙏" + HIT_END in results[0].snippet
    assert bodies(search.search("☀️")) == [b.id]
    # Words and an emoji together: the emoji filters the word matches.
    add_entry(repos, "Grateful for soup")
    assert bodies(search.search("grateful 🙏")) == [a.id]


OPERATOR_INPUTS = [
    "AND", "OR", "NOT", "NEAR", "NEAR(a b)", "NEAR(a b, 2)", "a AND", "OR b", "NOT NOT", "a OR OR b",
    '"', '""', '"""', '"a', 'a"', '"a" "', "*", "a*", "*a", "**", "(", ")", "()", "(a OR b", "a)",
    "-", "-a", "+", "+a", "^", "^a", "a:b", "body:a", ":", "{a b}", "{", "}", "a:", "[a]", "a NEAR/3 b",
    "a|b", "a&b", "a;b", "a'b", "a\\b", "%", "_", "a\x00b", "\t\n", "'; DROP TABLE entries; --", "NEAR(",
    "AND OR NOT NEAR", "-NOT +AND ^OR", "col:NEAR(\"x\" *)", "🙂 AND 🙃", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u200f\u202e",
]


@pytest.mark.parametrize("text", OPERATOR_INPUTS)
def test_every_fts5_operator_typed_as_plain_text_never_errors(repos: Repositories, search: SearchService,
                                                             text: str) -> None:
    add_entry(repos, "a b some text with AND OR NOT NEAR words body col")
    search.search(text)  # no exception
    match = build_match(text)
    if match is not None:
        repos.conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH ?", (match,)).fetchone()


def test_operators_are_searched_as_words(repos: Repositories, search: SearchService) -> None:
    a = add_entry(repos, "I need to stop saying NOT now")
    add_entry(repos, "now is a good time")
    assert bodies(search.search("not now")) == [a.id]
    b = add_entry(repos, "He lives NEAR the station")
    assert bodies(search.search("NEAR")) == [b.id]
    assert bodies(search.search("near(station")) == []  # "near station" as a phrase: not adjacent
    assert bodies(search.search("near the station")) == [b.id]


def test_parse_query_quotes_everything() -> None:
    q = parse_query('say "sorry but" AND te')
    assert q.match == '"say" "sorry but" "AND" "te"*'
    assert parse_query('he said "hi').match == '"he" "said" "hi"*'
    assert parse_query('a"b').match is not None and '""' not in (parse_query('x').match or "")
    assert parse_query('(').match is None


def test_ranked_best_first(repos: Repositories, search: SearchService) -> None:
    weak = add_entry(repos, "craving " + "filler words here " * 30)
    strong = add_entry(repos, "craving craving craving, a strong craving")
    assert bodies(search.search("craving"))[:2] == [strong.id, weak.id]


def test_snippet_html_escapes_and_bolds() -> None:
    raw = f"<script>x</script> & {HIT_START}mum{HIT_END}"
    assert snippet_html(raw) == "&lt;script&gt;x&lt;/script&gt; &amp; <b>mum</b>"


def test_results_say_where_they_came_from_and_how_to_open_them(repos: Repositories, search: SearchService) -> None:
    person, harm = add_harm(repos, "Tom", "Pawned his guitar and said it was stolen")
    with transaction(repos.conn):
        plan = repos.plans.add(m.Plan(person_id=int(person.id or 0), script="Tom, I pawned your guitarra"))
        repos.outcomes.add(m.Outcome(plan_id=int(plan.id or 0), kind=OutcomeKind.ANGRY, heard="guitar again"))
        ledger = repos.ledgers.add(m.Ledger(plan_id=int(plan.id or 0)))
        repos.payments.add(m.Payment(ledger_id=int(ledger.id or 0), paid_on="2024-01-01", amount_minor=100,
                                     note="for the guitar"))
    entry = add_entry(repos, "Thinking about the guitar", day="2024-05-02", kind=EntryKind.FREE)
    results = {(r.table, r.field): r for r in search.search("guitar")}
    h = results[("harms", "what_happened")]
    assert (h.target, h.target_id, h.person_id, h.harm_id, h.title, h.where) == (
        "person", person.id, person.id, harm.id, "Tom", "Harm")
    assert HIT_START + "guitar" + HIT_END in h.snippet
    assert results[("plans", "script")].target == "plan" and results[("plans", "script")].target_id == plan.id
    assert results[("plans", "script")].title == "Plan for Tom"
    assert results[("outcomes", "heard")].target_id == plan.id
    assert results[("payments", "note")].target_id == plan.id
    e = results[("entries", "body")]
    assert (e.target, e.target_id, e.title) == ("entry", entry.id, "2 May 2024 · Free writing")


def test_soft_deleted_rows_and_their_children_are_hidden(repos: Repositories, search: SearchService) -> None:
    person, _harm = add_harm(repos, "Jo", "Broke the window")
    with transaction(repos.conn):
        plan = repos.plans.add(m.Plan(person_id=int(person.id or 0)))
        repos.outcomes.add(m.Outcome(plan_id=int(plan.id or 0), kind=OutcomeKind.ACCEPTED, heard="the window"))
    entry = add_entry(repos, "window cleaning day")
    assert len(search.search("window")) == 3
    with transaction(repos.conn):
        repos.entries.delete(int(entry.id or 0))
        repos.plans.delete(int(plan.id or 0))
    assert [r.table for r in search.search("window")] == ["harms"]
    with transaction(repos.conn):
        repos.people.delete(int(person.id or 0))
    assert search.search("window") == []
    with transaction(repos.conn):
        repos.entries.undelete(int(entry.id or 0))
    assert bodies(search.search("window")) == [entry.id]


def test_limit(repos: Repositories, search: SearchService) -> None:
    with transaction(repos.conn):
        for i in range(30):
            repos.entries.add(m.Entry(written_on="2024-01-01", body=f"walk number {i}"))
    assert len(search.search("walk", limit=10)) == 10


def test_any_text_at_all_never_raises(repos: Repositories, search: SearchService) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    add_entry(repos, "some words to find")

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.text(alphabet=st.sampled_from(list('ab "*()-+^:{}NEARORTD,\\\'🙂é\x00\t')) | st.characters(), max_size=30))
    def check(text: str) -> None:
        search.search(text)
        match = build_match(text)
        if match is not None:
            repos.conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH ?", (match,)).fetchone()

    check()


def test_one_letter_waits_for_more_except_in_scripts_without_spaces(repos: Repositories, search: SearchService) -> None:
    add_entry(repos, "a walk")
    b = add_entry(repos, "我今天很感激")
    assert search.search("w") == []
    assert len(search.search("wa")) == 1
    assert bodies(search.search("感")) == [b.id]


def test_very_common_words_list_people_and_harms_first_then_newest_entries(
        repos: Repositories, search: SearchService, monkeypatch: pytest.MonkeyPatch) -> None:
    import amends_desktop.services.search as search_module

    monkeypatch.setattr(search_module, "RANK_ALL_UP_TO", 5)
    with transaction(repos.conn):
        for i in range(20):
            repos.entries.add(m.Entry(written_on="2024-01-01", body=f"today was day {i}"))
    _person, harm = add_harm(repos, "Ana", "Said today would be different, again")
    results = search.search("today", limit=8)
    assert len(results) == 8
    assert (results[0].table, results[0].row_id) == ("harms", harm.id)
    entry_ids = [r.row_id for r in results[1:]]
    assert entry_ids == sorted(entry_ids, reverse=True) and entry_ids[0] == 20
