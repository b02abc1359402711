"""Search across everything with the FTS5 index inside the vault.

What a person types never reaches FTS5 as syntax. ``build_match`` splits the text into words and
"quoted phrases", quotes each one as an FTS5 string (doubling any ``"``), and adds ``*`` to the last
word while it is still being typed, so ``AND``, ``NEAR(``, ``-x``, ``col:``, ``^`` and stray quotes
are all searched as plain text. The tokenizer (unicode61, remove_diacritics 2) folds case and
accents. Two things it cannot see are handled here:

* emoji and other symbols are not tokens: a query with no word characters is answered by a
  substring scan of the indexed text; symbols next to words filter the word matches;
* scripts written without spaces (Chinese, Japanese, Thai...) form long tokens, so a word inside
  one is found by the same substring scan when the index finds too little.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import sqlcipher3

from amends_desktop.domain.enums import EntryKind
from amends_desktop.storage.repositories import Repositories
from amends_desktop.storage.search_codes import SOURCES, decode

HIT_START = "\x02"
HIT_END = "\x03"
ELLIPSIS = "…"
DEFAULT_LIMIT = 50
SPARE_ROWS = 10
MIN_QUERY_CHARS = 2
RANK_ALL_UP_TO = 2000
SNIPPET_TOKENS = 14

# Where each table's rows are opened.
PEOPLE_TABLES = ("people", "harms")
PLAN_CHILD_TABLES = ("expected_responses", "permission_requests", "contact_attempts", "commitments",
                     "indirect_actions", "outcomes")

FIELD_LABELS: dict[tuple[str, str], str] = {
    ("people", "name"): "Name",
    ("people", "notes"): "Notes about them",
    ("harms", "what_happened"): "Harm",
    ("harms", "root_cause"): "Root cause",
    ("harms", "notes"): "Harm notes",
    ("harms", "when_text"): "When",
    ("plans", "script"): "Script",
    ("plans", "when_where"): "When and where",
    ("plans", "first_contact"): "First contact",
    ("plans", "circumstances"): "Their circumstances",
    ("plans", "commitments_text"): "Commitments",
    ("plans", "exit_plan"): "Exit plan",
    ("plans", "notes"): "Plan notes",
    ("plans", "hold_reason"): "Why on hold",
    ("plans", "safety_review_decision"): "Safety review",
    ("expected_responses", "response"): "Expected response",
    ("expected_responses", "my_answer"): "My answer",
    ("permission_requests", "note"): "Asking permission",
    ("contact_attempts", "note"): "Contact attempt",
    ("payments", "note"): "Payment note",
    ("commitments", "description"): "Commitment",
    ("check_ins", "note"): "Check-in note",
    ("indirect_actions", "letter_text"): "Letter",
    ("indirect_actions", "notes"): "Indirect amends",
    ("outcomes", "heard"): "What I heard",
    ("outcomes", "promised"): "What I promised",
    ("outcomes", "next_step"): "Next step",
    ("entries", "body"): "Journal",
}

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_PHRASE_OR_WORD = re.compile(r'"([^"]*)"|(\S+)')
# Letters without spaces between words: a word inside a run is not its own token.
_NO_SPACE_SCRIPTS = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]"
)


def _is_token_char(ch: str) -> bool:
    """A letter or number: what unicode61 builds words from (a mark alone, such as the variation
    selector after an emoji, does not make a word)."""
    return unicodedata.category(ch)[0] in "LN"


def has_word(text: str) -> bool:
    return any(_is_token_char(ch) for ch in text)


def _symbols(text: str) -> list[str]:
    """Runs of non-space characters with no word character at all (emoji, ♥, ☀️), in order."""
    return [run for run in text.split() if not has_word(run) and any(_is_symbol(ch) for ch in run)]


def _is_symbol(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat.startswith("S") or (cat == "Cn" and ord(ch) > 0x2000) or ch in "\u200d\ufe0f"


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@dataclass(frozen=True)
class ParsedQuery:
    match: str | None  # the FTS5 MATCH expression, None when there are no words
    symbols: tuple[str, ...]  # emoji and the like, matched as substrings
    needles: tuple[str, ...]  # the words and phrases as typed (for the substring fallback)


def parse_query(text: str) -> ParsedQuery:
    """Turn what was typed into a safe FTS5 expression (see the module docstring)."""
    # Lone surrogates (from a broken paste) can't be encoded for SQLite: they become U+FFFD.
    text = _LONE_SURROGATE.sub("\ufffd", text or "")
    text = unicodedata.normalize("NFC", text)
    # Control characters (a NUL ends an SQL string early) are spaces for searching.
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    if text.count('"') % 2:
        # An unbalanced quote is just a character: drop it rather than guess where the phrase ends.
        idx = text.rfind('"')
        text = text[:idx] + " " + text[idx + 1:]
    parts: list[str] = []
    needles: list[str] = []
    symbols: list[str] = []
    last_is_word = False
    for m in _PHRASE_OR_WORD.finditer(text):
        phrase, word = m.group(1), m.group(2)
        chunk = phrase if phrase is not None else word
        if not chunk or not chunk.strip():
            continue
        if not has_word(chunk):
            symbols.extend(_symbols(chunk))
            last_is_word = False
            continue
        parts.append(_quote(" ".join(chunk.split())))
        needles.append(" ".join(chunk.split()))
        last_is_word = phrase is None
        for run in chunk.split():
            if not has_word(run):
                symbols.extend(_symbols(run))
    if not parts:
        return ParsedQuery(None, tuple(symbols), ())
    if last_is_word and text and not text[-1].isspace():
        parts[-1] += "*"  # still typing this word: match it as a prefix
    return ParsedQuery(" ".join(parts), tuple(symbols), tuple(needles))


def build_match(text: str) -> str | None:
    return parse_query(text).match


def snippet_html(snippet: str) -> str:
    """A snippet with its hit markers as <b>…</b>, everything else escaped for a rich-text view."""
    escaped = html.escape(snippet, quote=False)
    return escaped.replace(HIT_START, "<b>").replace(HIT_END, "</b>")


def _plain_snippet(body: str, needle: str, width: int = 60) -> str:
    """A snippet around the first case-insensitive occurrence of ``needle`` (for substring hits)."""
    at = body.casefold().find(needle.casefold())
    if at < 0:
        at = body.find(needle)
    if at < 0:
        return " ".join(body[: width * 2].split())
    start = max(0, at - width)
    end = min(len(body), at + len(needle) + width)
    text = (ELLIPSIS if start else "") + body[start:at] + HIT_START + body[at:at + len(needle)] + HIT_END
    text += body[at + len(needle):end] + (ELLIPSIS if end < len(body) else "")
    return text.replace("\n", " ")


@dataclass(frozen=True)
class SearchResult:
    table: str
    row_id: int
    field: str
    title: str  # e.g. the person's name or the entry's date and kind
    where: str  # the field in words: "Script", "Journal", ...
    snippet: str  # with HIT_START/HIT_END around the hits; use snippet_html for display
    rank: float
    # Where to open it: "entry", "person" (person_id + harm_id), or "plan" (plan_id).
    target: str
    target_id: int
    person_id: int = 0
    harm_id: int = 0


class SearchService:
    def __init__(self, repos: Repositories) -> None:
        self.repos = repos
        self.conn = repos.conn

    def search(self, text: str, limit: int = DEFAULT_LIMIT) -> list[SearchResult]:
        """Ranked results for what was typed; never raises for odd input, [] for nothing to search."""
        query = parse_query(text)
        hits: list[tuple[int, str, float]] = []  # (index rowid, snippet, rank)
        if query.match is not None:
            if not self._long_enough(query) and not _NO_SPACE_SCRIPTS.search(text):
                return []
            try:
                hits = self._ranked(query, limit)
            except sqlcipher3.OperationalError:  # pragma: no cover - parse_query should make this impossible
                hits = self._scan(query.needles + query.symbols, limit)
            needs_scan = bool(_NO_SPACE_SCRIPTS.search(text)) and len(hits) < limit
            if needs_scan:
                seen = {h[0] for h in hits}
                hits += [h for h in self._scan(query.needles + query.symbols, limit) if h[0] not in seen]
        elif query.symbols:
            hits = self._scan(query.symbols, limit)
        return self._resolve(hits, limit)

    @staticmethod
    def _long_enough(query: ParsedQuery) -> bool:
        """A single letter typed so far is not searched yet: it would match almost everything."""
        return sum(len(n) for n in query.needles) >= MIN_QUERY_CHARS

    def _ranked(self, query: ParsedQuery, limit: int) -> list[tuple[int, str, float]]:
        """Best matches first. bm25 needs every match's length, which is slow when a word is in
        tens of thousands of entries; past ``RANK_ALL_UP_TO`` matches, journal entries come newest
        first instead, and everything else (people, harms, plans...) is still ranked by bm25.

        ``bm25()`` is called as a function rather than through FTS5's ``rank`` column: ordering by
        ``rank`` makes FTS5 score every match before the rowid filter applies."""
        extra = ""
        params: list[object] = [query.match]
        for sym in query.symbols:
            extra += " AND instr(body, ?) > 0"
            params.append(sym)
        fetch = limit + SPARE_ROWS  # room for rows a soft-deleted parent hides
        snippet = f"snippet(search_index, 0, '{HIT_START}', '{HIT_END}', '{ELLIPSIS}', {SNIPPET_TOKENS})"
        count = int(self.conn.execute(
            f"SELECT count(*) FROM search_index WHERE search_index MATCH ?{extra}", params).fetchone()[0])
        if count <= RANK_ALL_UP_TO:
            sql = (f"SELECT rowid, {snippet}, bm25(search_index) AS score FROM search_index "
                   f"WHERE search_index MATCH ?{extra} ORDER BY score LIMIT ?")
            return [(int(r[0]), str(r[1]), float(r[2])) for r in self.conn.execute(sql, [*params, fetch])]
        entries_no = SOURCES["entries"][0] << 4
        others = self.conn.execute(
            f"SELECT rowid, {snippet}, bm25(search_index) AS score FROM search_index WHERE search_index MATCH ?{extra} "
            f"AND (rowid & 240) <> {entries_no} ORDER BY score LIMIT ?", [*params, fetch]).fetchall()
        newest = self.conn.execute(
            f"SELECT rowid, {snippet}, 0.0 FROM search_index WHERE search_index MATCH ?{extra} "
            f"AND (rowid & 240) = {entries_no} ORDER BY rowid DESC LIMIT ?", [*params, fetch]).fetchall()
        return [(int(r[0]), str(r[1]), float(r[2])) for r in [*others, *newest]]

    def _scan(self, needles: Iterable[str], limit: int) -> list[tuple[int, str, float]]:
        """Substring search over the indexed text, for what the tokenizer can't see."""
        needles = [n for n in needles if n]
        if not needles:
            return []
        where = " AND ".join("instr(lower(body), lower(?)) > 0" for _ in needles)
        rows = self.conn.execute(f"SELECT rowid, body FROM search_index WHERE {where} LIMIT ?", (*needles, limit * 2))
        return [(int(r[0]), _plain_snippet(str(r[1]), needles[0]), 0.0) for r in rows]

    # -- turning index rowids into places ---------------------------------------------------------
    def _resolve(self, hits: list[tuple[int, str, float]], limit: int) -> list[SearchResult]:
        decoded = []
        by_table: dict[str, set[int]] = {}
        for rowid, snip, rank in hits:
            try:
                table, row_id, field = decode(rowid)
            except (KeyError, IndexError):
                continue
            decoded.append((table, row_id, field, snip, rank))
            by_table.setdefault(table, set()).add(row_id)
        info = {table: self._describe(table, ids) for table, ids in by_table.items()}
        results: list[SearchResult] = []
        for table, row_id, field, snip, rank in decoded:
            place = info[table].get(row_id)
            if place is None:  # the row, or what it belongs to, is deleted
                continue
            title, target, target_id, person_id, harm_id = place
            results.append(SearchResult(table, row_id, field, title, FIELD_LABELS.get((table, field), field),
                                        snip, rank, target, target_id, person_id, harm_id))
            if len(results) >= limit:
                break
        return results

    def _describe(self, table: str, ids: set[int]) -> dict[int, tuple[str, str, int, int, int]]:
        """row id -> (title, target, target id, person id, harm id) for live rows only."""
        marks = ",".join("?" for _ in ids)
        params = list(ids)
        out: dict[int, tuple[str, str, int, int, int]] = {}
        if table == "entries":
            for rid, written_on, kind in self.conn.execute(
                f"SELECT id, written_on, kind FROM entries WHERE deleted_at IS NULL AND id IN ({marks})", params
            ):
                out[rid] = (f"{_day_text(written_on)} · {_kind_label(kind)}", "entry", rid, 0, 0)
        elif table == "people":
            for rid, name in self.conn.execute(
                f"SELECT id, name FROM people WHERE deleted_at IS NULL AND id IN ({marks})", params
            ):
                out[rid] = (str(name), "person", rid, rid, 0)
        elif table == "harms":
            for rid, pid, name in self.conn.execute(
                "SELECT h.id, p.id, p.name FROM harms h JOIN people p ON p.id = h.person_id "
                f"WHERE h.deleted_at IS NULL AND p.deleted_at IS NULL AND h.id IN ({marks})", params
            ):
                out[rid] = (str(name), "person", pid, pid, rid)
        else:
            plan_sql = {
                "plans": "SELECT x.id, x.id FROM plans x",
                "payments": "SELECT x.id, l.plan_id FROM payments x JOIN ledgers l ON l.id = x.ledger_id",
                "check_ins": "SELECT x.id, c.plan_id FROM check_ins x JOIN commitments c ON c.id = x.commitment_id",
            }.get(table, f"SELECT x.id, x.plan_id FROM {table} x")
            if table not in SOURCES:
                return out
            rows = self._plan_rows(plan_sql, marks, params)
            for rid, plan_id, name, person_id in rows:
                out[rid] = (f"Plan for {name}", "plan", plan_id, person_id, 0)
        return out

    def _plan_rows(self, plan_sql: str, marks: str, params: list[int]) -> list[tuple[int, int, str, int]]:
        sql = (f"WITH q(id, plan_id) AS ({plan_sql} WHERE x.id IN ({marks})) "
               "SELECT q.id, q.plan_id, p.name, p.id FROM q JOIN plans pl ON pl.id = q.plan_id "
               "JOIN people p ON p.id = pl.person_id WHERE pl.deleted_at IS NULL AND p.deleted_at IS NULL")
        return [(int(r[0]), int(r[1]), str(r[2]), int(r[3])) for r in self.conn.execute(sql, params)]


def _day_text(iso: str) -> str:
    try:
        d = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso)
    return f"{d.day} {d.strftime('%b %Y')}"


def _kind_label(value: str) -> str:
    try:
        return EntryKind(value).label
    except ValueError:
        return str(value)
