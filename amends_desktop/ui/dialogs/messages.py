"""Showing a VaultError kindly: what happened, and what the person can do."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from amends_desktop.security.errors import VaultError


def show_vault_error(parent: QWidget | None, error: VaultError, title: str = "amends-desktop") -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(error.message)
    if error.way_forward:
        box.setInformativeText(error.way_forward)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setObjectName(f"vault-error-{error.kind}")
    box.exec()
