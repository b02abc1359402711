"""Settings kept in the vault (DOMAIN.md), and how the key is kept."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from amends_desktop.domain import models as m
from amends_desktop.security.errors import VaultError
from amends_desktop.services.session import Session
from amends_desktop.storage.repository import transaction
from amends_desktop.storage.vault_file import MODE_KEYRING, MODE_PASSPHRASE
from amends_desktop.ui.dialogs.messages import show_vault_error


class ContactFields(QGroupBox):
    def __init__(self, title: str, contact: m.Contact) -> None:
        super().__init__(title)
        form = QFormLayout(self)
        self.name = QLineEdit(contact.name)
        self.phone = QLineEdit(contact.phone)
        self.note = QLineEdit(contact.note)
        for widget, label in ((self.name, "Name"), (self.phone, "Phone"), (self.note, "Note")):
            widget.setAccessibleName(f"{title}: {label}")
            form.addRow(f"{label}:", widget)

    def value(self) -> m.Contact:
        return m.Contact(self.name.text().strip(), self.phone.text().strip(), self.note.text().strip())


def parse_sensitive_dates(text: str) -> tuple[list[m.SensitiveDate], list[str]]:
    """Lines of ``YYYY-MM-DD label``; returns the dates and the lines that could not be read."""
    dates: list[m.SensitiveDate] = []
    bad: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        first, _, label = line.partition(" ")
        try:
            date.fromisoformat(first)
        except ValueError:
            bad.append(line)
            continue
        dates.append(m.SensitiveDate(on_date=first, label=label.strip()))
    return dates, bad


class SettingsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Settings")
        self.setMinimumWidth(560)
        settings = session.repos.settings.load()
        self.settings = settings
        tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)

        # Recovery and support.
        support = QWidget()
        form = QFormLayout(support)
        self.has_clean_date = QCheckBox("I have a clean date")
        self.clean_date = QDateEdit()
        self.clean_date.setCalendarPopup(True)
        self.clean_date.setDisplayFormat("yyyy-MM-dd")
        self.clean_date.setAccessibleName("Clean date")
        if settings.clean_date:
            self.has_clean_date.setChecked(True)
            self.clean_date.setDate(QDate.fromString(settings.clean_date, "yyyy-MM-dd"))
        else:
            self.clean_date.setDate(QDate.currentDate())
        self.clean_date.setEnabled(self.has_clean_date.isChecked())
        self.has_clean_date.toggled.connect(self.clean_date.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.has_clean_date)
        row.addWidget(self.clean_date)
        form.addRow("Clean date:", row)
        self.min_days = QSpinBox()
        self.min_days.setRange(0, 3650)
        self.min_days.setValue(settings.min_clean_days)
        self.min_days.setSuffix(" days")
        self.min_days.setAccessibleName("Clean days before direct amends")
        form.addRow("Clean days before direct amends:", self.min_days)
        self.threshold = QSpinBox()
        self.threshold.setRange(1, 10)
        self.threshold.setValue(settings.craving_threshold)
        self.threshold.setAccessibleName("Craving level that offers support")
        form.addRow("Offer support from craving level:", self.threshold)
        self.sponsor = ContactFields("Sponsor", settings.sponsor)
        self.counselor = ContactFields("Counselor", settings.counselor)
        self.crisis = ContactFields("Crisis line", settings.crisis_line)
        form.addRow(self.sponsor)
        form.addRow(self.counselor)
        form.addRow(self.crisis)
        tabs.addTab(support, "&Support")

        # Privacy and dates.
        privacy = QWidget()
        pform = QFormLayout(privacy)
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(0, 240)
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.auto_lock.setSuffix(" minutes")
        self.auto_lock.setSpecialValueText("never")
        self.auto_lock.setAccessibleName("Lock after minutes idle")
        pform.addRow("Lock when idle for:", self.auto_lock)
        self.neutral = QCheckBox("Show a plain title (\u201cNotes\u201d) on the window and taskbar")
        self.neutral.setChecked(settings.neutral_title)
        pform.addRow(self.neutral)
        self.currency = QLineEdit(settings.default_currency)
        self.currency.setMaxLength(3)
        self.currency.setAccessibleName("Default currency")
        pform.addRow("Default currency:", self.currency)
        self.sensitive = QPlainTextEdit()
        self.sensitive.setAccessibleName("Sensitive dates, one per line")
        self.sensitive.setPlaceholderText("2026-12-25 Christmas\n2027-03-14 Dad's birthday")
        self.sensitive.setPlainText("\n".join(
            f"{d.on_date} {d.label}".strip() for d in session.repos.sensitive_dates.list(order="on_date")))
        pform.addRow(QLabel("Dates that are hard for me (one per line, YYYY-MM-DD and a note):"))
        pform.addRow(self.sensitive)
        tabs.addTab(privacy, "&Privacy and dates")

        # How the key is kept.
        keys = QWidget()
        klayout = QVBoxLayout(keys)
        self.mode_label = QLabel()
        self.mode_label.setWordWrap(True)
        klayout.addWidget(self.mode_label)
        self.passphrase_button = QPushButton()
        self.passphrase_button.clicked.connect(self.change_passphrase)
        self.keyring_button = QPushButton("Keep the key in the keyring instead")
        self.keyring_button.clicked.connect(self.use_keyring)
        self.recovery_button = QPushButton("Make a new recovery code…")
        self.recovery_button.clicked.connect(self.new_recovery_code)
        for b in (self.passphrase_button, self.keyring_button, self.recovery_button):
            klayout.addWidget(b)
        klayout.addStretch(1)
        tabs.addTab(keys, "&Key and recovery")
        self._refresh_mode()
        if session.demo:
            keys.setEnabled(False)

        self.error = QLabel()
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _refresh_mode(self) -> None:
        mode = self.session.vault.meta.mode
        if mode == MODE_PASSPHRASE:
            self.mode_label.setText("The vault opens with your passphrase. The key is not stored in the keyring.")
            self.passphrase_button.setText("Change the passphrase…")
            self.keyring_button.setVisible(True)
        else:
            self.mode_label.setText("The vault opens with the key kept in this computer's keyring. "
                                    "You can switch to a passphrase you type each time.")
            self.passphrase_button.setText("Use a passphrase instead…")
            self.keyring_button.setVisible(False)

    def _ask(self, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, "Passphrase", label, QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def change_passphrase(self) -> None:
        if self.session.vault.meta.mode == MODE_KEYRING:
            answer = QMessageBox.question(
                self, "Use a passphrase",
                "From now on the app will ask for this passphrase each time it opens, and the key will be "
                "taken out of the keyring. Your recovery code keeps working. Go ahead?")
            if answer != QMessageBox.StandardButton.Yes:
                return
        first = self._ask("New passphrase (at least 8 characters):")
        if first is None:
            return
        if self._ask("The same passphrase again:") != first:
            QMessageBox.information(self, "Passphrase", "They didn't match, so nothing changed.")
            return
        try:
            self.session.manager.set_passphrase(self.session.vault, first)
        except ValueError as exc:
            QMessageBox.information(self, "Passphrase", str(exc))
            return
        except (VaultError, OSError) as exc:
            show_vault_error(self, exc if isinstance(exc, VaultError) else VaultError(str(exc)))
            return
        self._refresh_mode()
        QMessageBox.information(self, "Passphrase", "Done. Next time, the app will ask for this passphrase.")

    def use_keyring(self) -> None:
        try:
            self.session.manager.use_keyring(self.session.vault)
        except VaultError as exc:
            show_vault_error(self, exc)
            return
        self._refresh_mode()

    def new_recovery_code(self) -> None:
        answer = QMessageBox.question(self, "New recovery code",
                                      "The old code will stop working. Make a new one now?")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            code = self.session.manager.new_recovery_code(self.session.vault)
        except (VaultError, OSError) as exc:
            show_vault_error(self, exc if isinstance(exc, VaultError) else VaultError(str(exc)))
            return
        box = QMessageBox(self)
        box.setWindowTitle("Your new recovery code")
        box.setText(f"<p>Write this down and keep it somewhere safe. It is shown only now.</p>"
                    f"<p style='font-size:16pt; font-family:monospace'>{code}</p>")
        box.exec()

    def save(self) -> None:
        dates, bad = parse_sensitive_dates(self.sensitive.toPlainText())
        if bad:
            self.error.setText("These lines need a date like 2026-12-25 at the start: " + "; ".join(bad[:3]))
            return
        currency = self.currency.text().strip().upper()
        if len(currency) != 3 or not currency.isalpha():
            self.error.setText("The currency needs a three-letter code, such as EUR or USD.")
            return
        settings = dataclasses.replace(
            self.settings,
            clean_date=self.clean_date.date().toString("yyyy-MM-dd") if self.has_clean_date.isChecked() else None,
            min_clean_days=self.min_days.value(),
            craving_threshold=self.threshold.value(),
            sponsor=self.sponsor.value(),
            counselor=self.counselor.value(),
            crisis_line=self.crisis.value(),
            auto_lock_minutes=self.auto_lock.value(),
            neutral_title=self.neutral.isChecked(),
            default_currency=currency,
        )
        repos = self.session.repos
        try:
            with transaction(repos.conn):
                repos.settings.save(settings)
                repos.conn.execute("DELETE FROM sensitive_dates")
                for d in dates:
                    repos.sensitive_dates.add(d)
        except VaultError as exc:
            show_vault_error(self, exc)
            return
        self.accept()


__all__ = ["MODE_KEYRING", "SettingsDialog"]
