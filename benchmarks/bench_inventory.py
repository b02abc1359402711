"""Inventory figures: filtering 10,000 harms over 1,000 people per keystroke, and opening the tab.

What is filtered: the people list. Each person's row carries the text of all their harms (what
happened, when, defects) besides name, relationship and notes, read once by the one aggregate query;
typing narrows the list in memory through ``PeopleProxy.set_text_filter`` (a QSortFilterProxyModel
over PeopleModel, sorted by name). A keystroke is measured as the proxy re-filtering, including the
view-facing signals, with no vault access. Typing "took a bir" narrows step by step; the figure is
the median over those keystrokes. Erasing (widening the filter again) and clearing are reported too.
"""

from __future__ import annotations

import os
import shutil
import statistics
import time

from common import Row, fmt_ms, median_ms, memory_vault, verdict

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PEOPLE = 1000
HARMS_PER_PERSON = 10
WORD = "took a bir"


def _time(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def run(quick: bool) -> list[Row]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from amends_desktop.services.inventory import InventoryService, fill_large
    from amends_desktop.services.session import Session
    from amends_desktop.ui.inventory.models import PeopleModel, PeopleProxy

    app = QApplication.instance() or QApplication([])
    rows: list[Row] = []
    reps = 5 if quick else 15

    manager, vault, _store = memory_vault()
    fill_large(vault.repos, people=PEOPLE, harms_per_person=HARMS_PER_PERSON)
    service = InventoryService(vault.repos)
    detail = f"{PEOPLE} people, {PEOPLE * HARMS_PER_PERSON} harms"

    med, _ = median_ms(service.people_rows, reps)
    rows.append(Row("inventory: people list aggregate query", fmt_ms(med), "", f"one query, {detail}"))

    person = service.people_rows()[500]
    harm = service.harm_rows(person.id)[0]

    def autosave() -> None:
        service.update_harm(harm.id, what_happened="Took a guitar and said it was stolen", tag_ids=list(harm.tag_ids))
        service.person_row(person.id)

    med, _ = median_ms(autosave, reps * 2)
    rows.append(Row("inventory: autosave one harm + refresh its row", fmt_ms(med), "",
                    f"one transaction + one scoped aggregate, {detail}"))

    model = PeopleModel()
    proxy = PeopleProxy()
    proxy.setSourceModel(model)
    proxy.sort(PeopleModel.NAME, Qt.SortOrder.AscendingOrder)
    model.set_rows(service.people_rows())

    typing: list[float] = []
    erasing: list[float] = []
    clearing: list[float] = []
    for _ in range(reps):
        proxy.set_text_filter("")
        for i in range(1, len(WORD) + 1):
            typing.append(_time(lambda i=i: proxy.set_text_filter(WORD[:i])))
        for i in range(len(WORD) - 1, 0, -1):
            erasing.append(_time(lambda i=i: proxy.set_text_filter(WORD[:i])))
        clearing.append(_time(lambda: proxy.set_text_filter("")))
    shown = proxy.rowCount()
    typed = statistics.median(typing)
    rows.append(Row("inventory: filter per keystroke (typing)", fmt_ms(typed), verdict(typed, 16),
                    f"median of {len(typing)} keystrokes typing '{WORD}', {detail}; max {fmt_ms(max(typing))}"))
    erased = statistics.median(erasing)
    rows.append(Row("inventory: filter per keystroke (erasing)", fmt_ms(erased), verdict(erased, 16),
                    f"median of {len(erasing)} backspaces (list widens, rows re-sorted in); max {fmt_ms(max(erasing))}"))
    cleared = statistics.median(clearing)
    rows.append(Row("inventory: clear the filter", fmt_ms(cleared), "", f"back to all {shown} people"))

    # Opening the tab with that data: construct it (aggregate query, models, first person's harms,
    # editors) and show it once.
    session = Session(manager, vault)

    def open_tab() -> None:
        from amends_desktop.ui.inventory.tab import InventoryTab
        from amends_desktop.ui.navigation import Navigator

        tab = InventoryTab(session, Navigator())
        tab.resize(1280, 760)
        tab.show()
        app.processEvents()
        tab.close()
        tab.deleteLater()
        app.processEvents()

    med, _ = median_ms(open_tab, max(3, reps // 3))
    rows.append(Row("inventory: open the tab", fmt_ms(med), "", f"build + show + first paint, {detail}"))

    vault.close()
    shutil.rmtree(manager.paths.folder.parent, ignore_errors=True)
    return rows


if __name__ == "__main__":
    for row in run(quick=True):
        print(f"{row.name:45} {row.figure:>10}  {row.target:22} {row.detail}")
