"""Slow work (backup, restore, migration, opening) off the GUI thread, behind a progress dialog.

The work function gets a ``progress(done, total)`` callback that is safe to call from its thread;
results come back to the GUI thread through a queued signal. Widgets are never touched from the
worker.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[int, int], None]


class _Relay(QObject):
    progressed = Signal(int, int)
    finished = Signal(object, object)  # result, exception


def run_with_progress(
    parent: QWidget | None,
    title: str,
    label: str,
    work: Callable[[Progress], Any],
    *,
    show_after_ms: int = 250,
) -> Any:
    """Run ``work`` in a thread while the GUI stays responsive; return its result or raise its error."""
    relay = _Relay()
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)  # type: ignore[arg-type]
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(show_after_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def on_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(done)

    def on_finished(result: Any, error: Any) -> None:
        outcome["result"], outcome["error"] = result, error
        loop.quit()

    relay.progressed.connect(on_progress)
    relay.finished.connect(on_finished)

    def target() -> None:
        try:
            result = work(relay.progressed.emit)
        except BaseException as exc:  # handed to the GUI thread, re-raised there
            relay.finished.emit(None, exc)
        else:
            relay.finished.emit(result, None)

    thread = threading.Thread(target=target, name=f"amends-{title}", daemon=True)
    thread.start()
    if "error" not in outcome:
        loop.exec()
    thread.join()
    dialog.close()
    dialog.deleteLater()
    if outcome.get("error") is not None:
        raise outcome["error"]
    return outcome.get("result")
