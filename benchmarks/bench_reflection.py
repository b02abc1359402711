"""Reflection figures at 100,000 journal entries: search (encrypted and side by side with an
unencrypted copy), saving an entry, and opening the tab.

All text here is generated from a fixed word list; nothing is user data. The unencrypted copy
lives in a temporary folder and is deleted at the end.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import statistics
from datetime import date, timedelta
from importlib import resources

from common import Row, fmt_ms, median_ms, memory_vault, temp_folder, verdict

from amends_desktop.domain import models as m
from amends_desktop.services.reflection import ReflectionService
from amends_desktop.services.search import SearchService
from amends_desktop.storage.repositories import Repositories
from amends_desktop.storage.repository import transaction

N_ENTRIES = 100_000
SEARCH_TARGET_MS = 10.0
SAVE_TARGET_MS = 5.0

COMMON = ("today", "felt", "meeting", "walk", "called", "sponsor", "tired", "slept", "work", "mum", "brother",
          "grateful", "craving", "evening", "morning", "quiet", "busy", "steady", "angry", "lonely", "hungry",
          "coffee", "river", "dinner", "sunday", "rain", "sun", "friend", "group", "prayer", "breathing",
          "café", "naïve", "über", "déjà", "vu", "straße", "привет", "день", "καλημέρα", "שלום")
QUERIES = ("walk", "sponsor meeting", '"called sponsor"', "caf", "gratef", "zebra", "привет", "NEAR(walk")


def _words(rng: random.Random) -> list[str]:
    # A fixed vocabulary: common words, and many rarer made-up ones so the index has a long tail.
    syllables = ["ka", "lo", "mi", "re", "su", "ta", "ve", "no", "pi", "da", "el", "or", "an", "is"]
    rare = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(6000)}
    return list(COMMON) * 40 + sorted(rare)


def _fake_entries(n: int, seed: int = 11) -> list[tuple[object, ...]]:
    rng = random.Random(seed)
    words = _words(rng)
    start = date.today() - timedelta(days=3650)
    rows = []
    for _ in range(n):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(15, 80)))
        day = (start + timedelta(days=rng.randrange(3651))).isoformat()
        rows.append((day, "check_in", body, rng.randint(1, 10), rng.randint(0, 10), int(rng.random() < 0.5),
                     int(rng.random() < 0.8)))
    return rows


INSERT = ("INSERT INTO entries(written_on, kind, body, mood, craving, sc_meeting, sc_ate) "
          "VALUES (?, ?, ?, ?, ?, ?, ?)")


def _schema_sql() -> str:
    pkg = resources.files("amends_desktop.storage.migrations")
    return pkg.joinpath("m001_schema.sql").read_text(encoding="utf-8") + pkg.joinpath("m002_seed.sql").read_text(encoding="utf-8")


def _search_medians(service: SearchService, reps: int) -> dict[str, float]:
    out = {}
    for q in QUERIES:
        med, _ = median_ms(lambda q=q: service.search(q), reps, warmup=2)
        out[q] = med
    return out


def _typing_median(service: SearchService, word: str = "sponsor", reps: int = 3) -> float:
    """Search as you type: one search per keystroke of ``word``."""
    samples = []
    for _ in range(reps):
        for i in range(1, len(word) + 1):
            t, _ = median_ms(lambda i=i: service.search(word[:i]), 1, warmup=0)
            samples.append(t)
    return statistics.median(samples)


def run(quick: bool) -> list[Row]:
    rows: list[Row] = []
    reps = 9 if quick else 31
    rows_data = _fake_entries(N_ENTRIES)

    manager, vault, _store = memory_vault()
    import time

    started = time.perf_counter()
    with transaction(vault.conn):
        vault.conn.executemany(INSERT, rows_data)
    fill_s = time.perf_counter() - started
    rows.append(Row("reflection: insert 100k entries + FTS", f"{fill_s:.1f} s", "", "one transaction, encrypted"))

    search = SearchService(vault.repos)
    enc = _search_medians(search, reps)
    enc_all = statistics.median(enc.values())
    enc_worst_q = max(enc, key=lambda q: enc[q])
    rows.append(Row("search 100k entries (encrypted)", fmt_ms(enc_all), verdict(enc_all, SEARCH_TARGET_MS),
                    f"median over {len(QUERIES)} queries x {reps}; slowest {enc_worst_q!r} {fmt_ms(enc[enc_worst_q])}"))
    typing = _typing_median(search)
    rows.append(Row("search as you type, per keystroke", fmt_ms(typing), verdict(typing, SEARCH_TARGET_MS),
                    "'s', 'sp', ... 'sponsor'"))
    emoji, _ = median_ms(lambda: search.search("🙏"), max(3, reps // 3))
    rows.append(Row("emoji-only search (substring scan)", fmt_ms(emoji), "", "no index for symbols: full scan"))

    # The same data, unencrypted, for comparison. Generated fake text only (not user data);
    # the folder is removed below.
    plain_dir = temp_folder("plain")
    try:
        conn = sqlite3.connect(str(plain_dir / "plain.db"), isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.executescript(_schema_sql())
        conn.execute("BEGIN")
        conn.executemany(INSERT, rows_data)
        conn.execute("COMMIT")
        plain = _search_medians(SearchService(Repositories(conn)), reps)
        plain_all = statistics.median(plain.values())
        rows.append(Row("search 100k entries (unencrypted copy)", fmt_ms(plain_all), "",
                        f"same queries; encrypted/plain = {enc_all / plain_all:.2f}x"))
        for q in QUERIES:
            rows.append(Row(f"  query {q!r}", f"{fmt_ms(enc[q])} vs {fmt_ms(plain[q])}", "", "encrypted vs plain"))
        conn.close()
    finally:
        shutil.rmtree(plain_dir, ignore_errors=True)

    service = ReflectionService(vault.repos)
    entry = service.save_entry(m.Entry(written_on=date.today().isoformat(), body="A short entry to edit"))
    counter = iter(range(10**9))

    def save() -> None:
        entry.body = f"A short entry to edit, change {next(counter)}, with a few more words"
        service.save_entry(entry)

    med, _ = median_ms(save, reps * 2, warmup=3)
    rows.append(Row("save an entry (autosave), 100k vault", fmt_ms(med), verdict(med, SAVE_TARGET_MS),
                    "update + FTS triggers + commit, synchronous=FULL"))

    ids, _ = median_ms(lambda: service.entry_ids(), max(3, reps // 3))
    rows.append(Row("journal ids in date order (100k)", fmt_ms(ids), "", "what the list reads on open"))

    rows.extend(_open_tab(manager, vault, max(3, reps // 3)))
    vault.close()
    shutil.rmtree(manager.paths.folder.parent, ignore_errors=True)
    return rows


def _open_tab(manager, vault, reps: int) -> list[Row]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from amends_desktop.services.session import Session
    from amends_desktop.ui.app import make_app
    from amends_desktop.ui.navigation import Navigator
    from amends_desktop.ui.reflection.tab import ReflectionTab

    app = make_app()
    session = Session(manager, vault)
    nav = Navigator()
    tabs: list[ReflectionTab] = []

    def open_tab() -> None:
        tab = ReflectionTab(session, nav)
        tab.resize(1280, 760)
        tab.show()
        tab.table.selectRow(0)
        QApplication.processEvents()
        tabs.append(tab)

    med, _ = median_ms(open_tab, reps)
    for tab in tabs:
        tab.close()
        tab.deleteLater()
    QApplication.processEvents()
    del app
    return [Row("open the Reflection tab at 100k entries", fmt_ms(med), "",
                "construct, show, first row opened, first paint")]
