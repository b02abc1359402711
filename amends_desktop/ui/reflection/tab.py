"""The Reflection tab (placeholder until its own issue lands)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from amends_desktop.services.session import Session
from amends_desktop.ui.navigation import Navigator


class ReflectionTab(QWidget):
    def __init__(self, session: Session, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.navigator = navigator
        layout = QVBoxLayout(self)
        label = QLabel("This part of the app is still being built.")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)

    def flush(self) -> None:
        """Save anything typed but not yet saved (called before close, lock and restore)."""

    def reload(self) -> None:
        """Read everything again from the vault (after a restore)."""
