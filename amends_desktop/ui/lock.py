"""The lock screen: after some idle minutes (Settings) or Ctrl+L, nothing of the vault is shown.

In passphrase mode the passphrase (or recovery code) opens it again; in keyring mode the key is read
from the keyring again, which needs the person's session to be unlocked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from amends_desktop.security.errors import VaultError, WrongSecretError


class LockScreen(QWidget):
    unlocked = Signal()

    def __init__(self, confirm: Callable[[str | None], None], needs_secret: Callable[[], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._confirm = confirm
        self._needs_secret = needs_secret
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        title = QLabel("Locked")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        self.message = QLabel("Your vault is locked, so nothing in it is on the screen.")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText("passphrase or recovery code")
        self.secret.setAccessibleName("Passphrase or recovery code")
        self.secret.setMaximumWidth(360)
        self.secret.returnPressed.connect(self.try_unlock)
        layout.addWidget(self.secret, alignment=Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton("&Open")
        self.button.setAccessibleName("Open the vault again")
        self.button.clicked.connect(self.try_unlock)
        layout.addWidget(self.button, alignment=Qt.AlignmentFlag.AlignCenter)
        self.error = QLabel()
        self.error.setObjectName("inlineError")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        layout.addStretch(3)

    def prepare(self) -> None:
        needs = self._needs_secret()
        if needs:
            self.message.setText("Your vault is locked, so nothing in it is on the screen.")
        else:
            # Honest about keyring mode: the keyring opens it for anyone at this signed-in session.
            self.message.setText("Nothing from your vault is on the screen. Press Open to come back.\n"
                                 "For a lock that needs a passphrase, choose one in Settings.")
        self.secret.clear()
        self.secret.setVisible(needs)
        self.error.clear()
        (self.secret if needs else self.button).setFocus()

    def try_unlock(self) -> None:
        secret = self.secret.text() if self.secret.isVisible() else None
        try:
            self._confirm(secret or None)
        except WrongSecretError:
            self.error.setText("That doesn't match. Take your time and try again.")
            self.secret.selectAll()
            return
        except VaultError as exc:
            self.error.setText(str(exc))
            if not self.secret.isVisible():
                self.secret.setVisible(True)  # the keyring failed: the passphrase or recovery code still works
            return
        self.secret.clear()
        self.unlocked.emit()


class IdleWatcher(QObject):
    """Calls ``on_idle`` after ``minutes`` without keyboard or mouse input anywhere in the app."""

    INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}

    def __init__(self, on_idle: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(on_idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        if minutes <= 0:
            self.timer.stop()
            self.timer.setInterval(0)
        else:
            self.timer.setInterval(minutes * 60_000)
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.INPUT and self.timer.interval() > 0:
            self.timer.start()
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
