"""First run: explain the privacy model, choose how the key is kept, show the recovery code once,
and ask for it back before anything is written."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from amends_desktop.security import wrapping
from amends_desktop.security.errors import NoKeyringError, VaultError
from amends_desktop.storage.vault import NewVault, Vault
from amends_desktop.ui.dialogs.messages import show_vault_error

CreateVault = Callable[[NewVault, "str | None"], Vault]

WELCOME = (
    "<p>This is a private workbook for Steps 8 and 9: the people you harmed, the amends you plan, "
    "and how it goes for you along the way.</p>"
    "<p><b>What you write stays on this computer.</b> It is kept in one encrypted file in your "
    "own folder. The app has no internet connection at all: nothing is sent anywhere, ever.</p>"
    "<p>The file is locked with a long random key. You choose where that key lives: in this "
    "computer's keyring (it opens when you sign in), or behind a passphrase you type each time.</p>"
    "<p>You'll also get a <b>recovery code</b>. If the key is ever lost, that code is the only way "
    "back in, so please keep it somewhere safe, away from this laptop.</p>"
)

KEYRING_NOTE = (
    "The keyring protects the vault from other people who use this computer and from someone who "
    "takes the disk. It does not protect against programs running under your own account. If that "
    "worries you, choose a passphrase."
)


def _wrap_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class WelcomePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Welcome")
        layout = QVBoxLayout(self)
        layout.addWidget(_wrap_label(WELCOME))


class ProtectionPage(QWizardPage):
    def __init__(self, keyring_available: bool, keyring_name: str) -> None:
        super().__init__()
        self.setTitle("How should the vault be unlocked?")
        layout = QVBoxLayout(self)
        self.keyring_choice = QRadioButton("Keep the key in this computer's keyring (recommended)")
        self.keyring_choice.setAccessibleName("Keep the key in the keyring")
        self.passphrase_choice = QRadioButton("Ask me for a passphrase every time I open the app")
        self.passphrase_choice.setAccessibleName("Use a passphrase")
        group = QButtonGroup(self)
        group.addButton(self.keyring_choice)
        group.addButton(self.passphrase_choice)
        layout.addWidget(self.keyring_choice)
        note = _wrap_label(KEYRING_NOTE if keyring_available else
                           "No secure keyring was found on this computer, so a passphrase is the way to go.")
        note.setIndent(24)
        layout.addWidget(note)
        layout.addWidget(self.passphrase_choice)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        self.passphrase.setPlaceholderText("at least 8 characters; a few words work well")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName("Passphrase again")
        form.addRow("&Passphrase:", self.passphrase)
        form.addRow("&Again:", self.repeat)
        self.form_host = QWidget()
        self.form_host.setLayout(form)
        layout.addWidget(self.form_host)
        self.error = QLabel()
        self.error.setObjectName("inlineError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.keyring_choice.setEnabled(keyring_available)
        (self.keyring_choice if keyring_available else self.passphrase_choice).setChecked(True)
        self.keyring_choice.toggled.connect(self._update)
        self._update()
        self.keyring_name = keyring_name

    def _update(self) -> None:
        self.form_host.setVisible(self.passphrase_choice.isChecked())
        self.error.clear()

    def chosen_passphrase(self) -> str | None:
        return self.passphrase.text() if self.passphrase_choice.isChecked() else None

    def validatePage(self) -> bool:
        if self.passphrase_choice.isChecked():
            if len(self.passphrase.text()) < 8:
                self.error.setText("Please use at least 8 characters.")
                self.passphrase.setFocus()
                return False
            if self.passphrase.text() != self.repeat.text():
                self.error.setText("The two passphrases don't match yet.")
                self.repeat.setFocus()
                return False
        self.error.clear()
        return True


class RecoveryCodePage(QWizardPage):
    def __init__(self, code: str) -> None:
        super().__init__()
        self.setTitle("Your recovery code")
        layout = QVBoxLayout(self)
        layout.addWidget(_wrap_label(
            "<p>Write this code down on paper, or print it, and keep it somewhere safe. "
            "It is shown only now. With it you can always get back into your vault, on this "
            "computer or a new one.</p>"))
        self.code_label = QLabel(code)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.DemiBold)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAccessibleName("Recovery code")
        self.code_label.setAccessibleDescription(" ".join(code))
        self.code_label.setMargin(16)
        layout.addWidget(self.code_label)
        row = QHBoxLayout()
        self.print_button = QPushButton("&Print the code…")
        self.print_button.setAccessibleName("Print the recovery code")
        self.print_button.clicked.connect(lambda: print_recovery_code(self, code))
        row.addStretch(1)
        row.addWidget(self.print_button)
        layout.addLayout(row)
        layout.addWidget(_wrap_label(
            "<p>Keep it away from this laptop: if the laptop is lost, the code shouldn't be lost with it.</p>"))
        layout.addStretch(1)


class ConfirmCodePage(QWizardPage):
    def __init__(self, code: str) -> None:
        super().__init__()
        self.setTitle("Type the code back")
        self._code = wrapping.normalise_recovery_code(code)
        layout = QVBoxLayout(self)
        layout.addWidget(_wrap_label(
            "<p>Just to be sure it was written down right, please type the code here. "
            "Capitals, spaces and dashes don't matter.</p>"))
        self.entry = QLineEdit()
        self.entry.setAccessibleName("Recovery code, typed back")
        self.entry.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        layout.addWidget(self.entry)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.entry.textChanged.connect(self._changed)

    def _changed(self) -> None:
        typed = wrapping.normalise_recovery_code(self.entry.text())
        if typed == self._code:
            self.status.setText("That matches. Thank you.")
        elif len(typed.replace("-", "")) >= 24:
            self.status.setText("Not quite the same yet. Check each group of four.")
        else:
            self.status.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return wrapping.normalise_recovery_code(self.entry.text()) == self._code


def print_recovery_code(parent: QWidget, code: str) -> None:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        parent, "Print the recovery code",
        "Paper isn't encrypted: anyone who finds this page can open your vault. "
        "Keep the printout somewhere private. Print now?")
    if answer != QMessageBox.StandardButton.Yes:
        return
    printer = QPrinter()
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    doc = QTextDocument()
    doc.setHtml(f"<h2>amends-desktop recovery code</h2><p style='font-size:20pt;font-family:monospace'>{code}</p>"
                "<p>Keep this page private and safe.</p>")
    doc.print_(printer)


class FirstRunWizard(QWizard):
    """Creates the vault only at Finish, after the code was typed back."""

    def __init__(
        self,
        new: NewVault,
        create: Callable[[NewVault, str | None], Vault],
        *,
        keyring_available: bool,
        keyring_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Setting up amends-desktop")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setMinimumSize(620, 460)
        self._new = new
        self._create = create
        self.vault: Vault | None = None
        self.welcome = WelcomePage()
        self.protection = ProtectionPage(keyring_available, keyring_name)
        self.code_page = RecoveryCodePage(new.recovery_code)
        self.confirm = ConfirmCodePage(new.recovery_code)
        for page in (self.welcome, self.protection, self.code_page, self.confirm):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Create my vault")

    def accept(self) -> None:
        try:
            self.vault = self._create(self._new, self.protection.chosen_passphrase())
        except NoKeyringError as exc:
            show_vault_error(self, exc)
            self.protection.keyring_choice.setEnabled(False)
            self.protection.passphrase_choice.setChecked(True)
            self.restart()
            self.next()
            return
        except VaultError as exc:
            show_vault_error(self, exc)
            return
        super().accept()
