"""How the tabs ask for each other without importing each other.

The main window owns one Navigator, hands it to every tab, and switches tabs when asked. A tab
emits a request; the tab that can answer it connects to the signal.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Navigator(QObject):
    # Inventory -> Planner: open the plan for this person (creating one if they have none).
    planForPersonRequested = Signal(int)  # noqa: N815
    # Anyone -> Planner: show this plan.
    planRequested = Signal(int)  # noqa: N815
    # Anyone -> Inventory: show this person (and optionally this harm; 0 for none).
    personRequested = Signal(int, int)  # noqa: N815
    # Planner -> Reflection: offer a debrief entry for this plan after an outcome (plan id, outcome kind value).
    debriefRequested = Signal(int, str)  # noqa: N815
    # Anyone -> Reflection: open this journal entry.
    entryRequested = Signal(int)  # noqa: N815
    # Global actions (menu and shortcuts in the main window).
    strugglingRequested = Signal()  # noqa: N815
    findRequested = Signal(str)  # noqa: N815
    # Search result -> the place it came from: (table name, row id), see storage/search_codes.py.
    sourceRequested = Signal(str, int)  # noqa: N815
    # Which tab to bring forward: "inventory", "planner" or "reflection".
    tabRequested = Signal(str)  # noqa: N815
    # The data changed in a way other tabs should re-read (e.g. a plan paused from Reflection).
    dataChanged = Signal(str)  # noqa: N815
