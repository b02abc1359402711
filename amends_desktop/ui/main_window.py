"""The main window: three tabs over one open vault, with backup and settings in the menus."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from amends_desktop import APP_NAME, __version__
from amends_desktop.security.errors import VaultError
from amends_desktop.services.session import Session
from amends_desktop.ui.dialogs.messages import show_vault_error
from amends_desktop.ui.inventory.tab import InventoryTab
from amends_desktop.ui.lock import IdleWatcher, LockScreen
from amends_desktop.ui.navigation import Navigator
from amends_desktop.ui.planner.tab import PlannerTab
from amends_desktop.ui.reflection.tab import ReflectionTab
from amends_desktop.ui.worker import run_with_progress

FULL_TITLE = "amends-desktop"
NEUTRAL_TITLE = "Notes"


class MainWindow(QMainWindow):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("mainWindow")
        self.resize(1280, 800)
        self.setMinimumSize(900, 600)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Sections")
        self.navigator = Navigator(self)
        self._create_tabs()
        self.lock_screen = LockScreen(self._confirm_unlock, self._unlock_needs_secret)
        self.lock_screen.unlocked.connect(self.unlock)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.stack)
        self.idle = IdleWatcher(self.lock, self)
        self.idle.set_minutes(0 if session.demo else int(session.repos.settings.get_raw("auto_lock_minutes", 10)))
        self._build_menus()
        self._wire_navigation()
        self.apply_title()
        if session.demo:
            self.statusBar().showMessage("Demo vault with made-up sample data. It disappears when you close the app.")
        self._snapshot_thread: threading.Thread | None = None

    # -- menus -----------------------------------------------------------------------------------
    def _action(self, text: str, slot: object, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)  # type: ignore[arg-type]
        return action

    def _create_tabs(self) -> None:
        self.inventory = InventoryTab(self.session, self.navigator)
        self.planner = PlannerTab(self.session, self.navigator)
        self.reflection = ReflectionTab(self.session, self.navigator)
        self.tabs.addTab(self.inventory, "&Inventory")
        self.tabs.addTab(self.planner, "&Planner")
        self.tabs.addTab(self.reflection, "&Reflection")

    def rebuild_tabs(self) -> None:
        """After a restore the vault has a new connection: build the tabs afresh over it."""
        current = self.tabs.currentIndex()
        old = [self.inventory, self.planner, self.reflection]
        while self.tabs.count():
            self.tabs.removeTab(0)
        for tab in old:
            tab.setParent(None)
            tab.deleteLater()
        self._create_tabs()
        self.tabs.setCurrentIndex(max(current, 0))

    def _wire_navigation(self) -> None:
        nav = self.navigator
        # Looked up at call time: the tab objects are replaced after a restore.
        nav.tabRequested.connect(lambda name: self.tabs.setCurrentWidget(getattr(self, name)))
        nav.planForPersonRequested.connect(lambda _pid: self.tabs.setCurrentWidget(self.planner))
        nav.planRequested.connect(lambda _pid: self.tabs.setCurrentWidget(self.planner))
        nav.personRequested.connect(lambda _pid, _hid: self.tabs.setCurrentWidget(self.inventory))
        nav.entryRequested.connect(lambda _eid: self.tabs.setCurrentWidget(self.reflection))
        nav.strugglingRequested.connect(lambda: self.tabs.setCurrentWidget(self.reflection))
        nav.findRequested.connect(lambda _text: self.tabs.setCurrentWidget(self.reflection))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        vault_menu = bar.addMenu("&Vault")
        vault_menu.addAction(self._action("&Settings…", self.open_settings, QKeySequence.StandardKey.Preferences))
        vault_menu.addSeparator()
        vault_menu.addAction(self._action("Take a &snapshot now", self.snapshot_now))
        vault_menu.addAction(self._action("&Export an encrypted copy…", self.export_copy))
        vault_menu.addAction(self._action("&Restore from an export…", self.restore_copy))
        vault_menu.addSeparator()
        self.lock_action = self._action("&Lock now", self.lock, "Ctrl+L")
        vault_menu.addAction(self.lock_action)
        vault_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))
        go_menu = bar.addMenu("&Go")
        self.struggling_action = self._action("I'm &struggling", self.navigator.strugglingRequested.emit, "Ctrl+Shift+H")
        self.struggling_action.setToolTip("Support contacts, grounding steps, and pausing amends work (Ctrl+Shift+H)")
        go_menu.addAction(self.struggling_action)
        self.find_action = self._action("&Find everywhere…", lambda: self.navigator.findRequested.emit(""), "Ctrl+Shift+F")
        go_menu.addAction(self.find_action)
        go_menu.addSeparator()
        for index, (name, key) in enumerate((("Inventory", "Alt+1"), ("Planner", "Alt+2"), ("Reflection", "Alt+3"))):
            go_menu.addAction(self._action(name, lambda _=False, i=index: self.tabs.setCurrentIndex(i), key))
        # "I'm struggling" is always one click away, at the right end of the tab bar.
        from PySide6.QtWidgets import QToolButton

        button = QToolButton()
        button.setDefaultAction(self.struggling_action)
        button.setAccessibleName("I'm struggling")
        button.setAutoRaise(False)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.tabs.setCornerWidget(button, Qt.Corner.TopRightCorner)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&About and privacy", self.about))

    def apply_title(self) -> None:
        neutral = bool(self.session.repos.settings.get_raw("neutral_title", False))
        title = NEUTRAL_TITLE if neutral else FULL_TITLE
        if self.session.demo:
            title += " (demo)"
        self.setWindowTitle(title)

    # -- locking ---------------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.stack.currentWidget() is self.lock_screen

    def lock(self) -> None:
        """Save what is typed, then hide everything until access is confirmed again."""
        if self.locked:
            return
        try:
            self.flush_all()
        except VaultError as exc:
            self.statusBar().showMessage(str(exc))
        self.stack.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        self.lock_screen.prepare()

    def unlock(self) -> None:
        self.stack.setCurrentWidget(self.tabs)
        self.menuBar().setEnabled(True)
        self.idle.set_minutes(0 if self.session.demo else int(self.session.repos.settings.get_raw("auto_lock_minutes", 10)))

    def _unlock_needs_secret(self) -> bool:
        return self.session.vault.meta.mode == "passphrase"

    def _confirm_unlock(self, secret: str | None) -> None:
        self.session.manager.confirm_access(self.session.vault, secret)

    # -- vault actions ---------------------------------------------------------------------------
    def flush_all(self) -> None:
        for tab in (self.inventory, self.planner, self.reflection):
            tab.flush()

    def reload_all(self) -> None:
        for tab in (self.inventory, self.planner, self.reflection):
            tab.reload()

    def auto_snapshot_in_background(self) -> None:
        """The daily snapshot, off the GUI thread; a failure is shown in the status bar only."""
        if self.session.demo:
            return
        vault = self.session.vault

        def work() -> None:
            try:
                vault.snapshot_if_due()
            except VaultError:
                pass  # retried next start; the status bar would only worry people here

        self._snapshot_thread = threading.Thread(target=work, name="amends-snapshot", daemon=True)
        self._snapshot_thread.start()

    def snapshot_now(self) -> None:
        self.flush_all()
        try:
            path = run_with_progress(self, "Snapshot", "Taking an encrypted snapshot…",
                                     lambda progress: self.session.vault.snapshot(reason="manual"))
        except VaultError as exc:
            show_vault_error(self, exc)
            return
        self.statusBar().showMessage(f"Snapshot saved: {Path(path).name}", 8000)

    def _ask_passphrase(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def export_copy(self) -> None:
        answer = QMessageBox.question(
            self, "Export an encrypted copy",
            "The copy is encrypted with a passphrase you choose now. Anyone with the file and the "
            "passphrase can read everything in it, so pick one you don't use elsewhere.\n\nContinue?")
        if answer != QMessageBox.StandardButton.Yes:
            return
        dest, _ = QFileDialog.getSaveFileName(self, "Save the encrypted copy", "amends-export.amends",
                                              "amends-desktop export (*.amends)")
        if not dest:
            return
        first = self._ask_passphrase("Export passphrase", "Passphrase for the copy (at least 8 characters):")
        if first is None:
            return
        second = self._ask_passphrase("Export passphrase", "The same passphrase again:")
        if second != first:
            QMessageBox.information(self, "Export", "The two passphrases didn't match, so nothing was saved.")
            return
        self.flush_all()
        try:
            run_with_progress(self, "Export", "Writing the encrypted copy…",
                              lambda progress: self.session.vault.export(Path(dest), first))
        except ValueError as exc:
            QMessageBox.information(self, "Export", str(exc))
            return
        except VaultError as exc:
            show_vault_error(self, exc)
            return
        self.statusBar().showMessage("Encrypted copy saved.", 8000)

    def restore_copy(self) -> None:
        source, _ = QFileDialog.getOpenFileName(self, "Choose an export to restore", "",
                                                "amends-desktop export (*.amends);;All files (*)")
        if not source:
            return
        answer = QMessageBox.question(
            self, "Restore",
            "Restoring replaces what is in the vault now with the contents of the export. "
            "A snapshot of the current vault is taken first, so you can go back.\n\nContinue?")
        if answer != QMessageBox.StandardButton.Yes:
            return
        passphrase = self._ask_passphrase("Restore", "The export's passphrase:")
        if passphrase is None:
            return
        self.flush_all()
        self.idle.timer.stop()  # no lock (and no flush) while the connection is being swapped
        self.tabs.setEnabled(False)  # and no edits from the tabs' timers meanwhile
        try:
            run_with_progress(self, "Restore", "Restoring…",
                              lambda progress: self.session.vault.restore(Path(source), passphrase, progress))
        except VaultError as exc:
            show_vault_error(self, exc)
            if self.session.vault.conn is not None:
                self.rebuild_tabs()
            return
        finally:
            self.tabs.setEnabled(True)
            if self.session.vault.conn is not None:
                self.unlock()  # restarts the idle timer
        self.rebuild_tabs()
        self.statusBar().showMessage("Restored. The earlier state is kept as a snapshot.", 8000)

    def open_settings(self) -> None:
        from amends_desktop.ui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self.session, self)
        if dialog.exec():
            self.apply_title()
            self.idle.set_minutes(0 if self.session.demo else self.session.repos.settings.load().auto_lock_minutes)

    def about(self) -> None:
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"<p><b>amends-desktop {__version__}</b></p>"
            "<p>A private workbook for Steps 8 and 9. Everything you write is kept in one encrypted "
            "file on this computer. The app never connects to the internet.</p>"
            f"<p>Your vault: {self.session.vault.paths.folder}</p>")

    # -- closing ---------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            self.flush_all()
        except VaultError as exc:
            show_vault_error(self, exc)
            if QMessageBox.question(self, "Close anyway?",
                                    "Your last change could not be saved. Close anyway?") != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if self._snapshot_thread is not None:
            self._snapshot_thread.join(timeout=30)
        self.idle.stop()
        event.accept()

