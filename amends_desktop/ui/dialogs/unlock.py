"""Opening a vault: the passphrase (passphrase mode) or the recovery code (when the key is lost)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from amends_desktop.security.errors import VaultError, WrongSecretError
from amends_desktop.storage.vault import Vault
from amends_desktop.ui.dialogs.messages import show_vault_error


class SecretDialog(QDialog):
    """Asks for a secret and tries it; stays open with a gentle message when it doesn't fit."""

    def __init__(
        self,
        title: str,
        intro: str,
        attempt: Callable[[str, str], Vault],
        *,
        offer_recovery: bool,
        offer_passphrase: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self._attempt = attempt
        self.vault: Vault | None = None
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.use_passphrase = QRadioButton("My &passphrase")
        self.use_recovery = QRadioButton("My &recovery code")
        self.use_passphrase.setVisible(offer_passphrase and offer_recovery)
        self.use_recovery.setVisible(offer_passphrase and offer_recovery)
        layout.addWidget(self.use_passphrase)
        layout.addWidget(self.use_recovery)
        (self.use_passphrase if offer_passphrase else self.use_recovery).setChecked(True)
        self.secret = QLineEdit()
        self.secret.setAccessibleName("Passphrase or recovery code")
        layout.addWidget(self.secret)
        self.error = QLabel()
        self.error.setObjectName("inlineError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.use_passphrase.toggled.connect(self._mode_changed)
        self._mode_changed()

    def _mode_changed(self) -> None:
        passphrase = self.use_passphrase.isChecked()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password if passphrase else QLineEdit.EchoMode.Normal)
        self.secret.setPlaceholderText("passphrase" if passphrase else "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.error.clear()

    def slot(self) -> str:
        return "passphrase" if self.use_passphrase.isChecked() else "recovery"

    def _try(self) -> None:
        text = self.secret.text()
        if not text.strip():
            self.error.setText("Please type it in first.")
            return
        try:
            self.vault = self._attempt(self.slot(), text)
        except WrongSecretError as exc:
            self.error.setText(str(exc))
            self.secret.selectAll()
            self.secret.setFocus()
            return
        except VaultError as exc:
            show_vault_error(self, exc)
            return
        self.accept()
