"""Locking the screen, and the settings a person keeps in the vault."""

from __future__ import annotations

from PySide6.QtCore import Qt

from amends_desktop.security.keystore import OsKeyStore
from amends_desktop.services.session import Session
from amends_desktop.storage.vault import VaultManager
from amends_desktop.ui.dialogs.settings import SettingsDialog, parse_sensitive_dates
from amends_desktop.ui.main_window import MainWindow


def test_lock_hides_everything_and_passphrase_opens_again(qtbot, manager: VaultManager) -> None:  # type: ignore[no-untyped-def]
    new = manager.prepare()
    vault = manager.create(new, passphrase="sunday dinner at six")
    session = Session(manager, vault)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    # Offscreen windows never become active, so Qt won't route the shortcut; check it, then use it.
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    window.lock_action.trigger()
    assert window.locked and not window.tabs.isVisible()
    assert not window.menuBar().isEnabled()
    screen = window.lock_screen
    qtbot.keyClicks(screen.secret, "sunday dinner")
    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    assert window.locked and "doesn't match" in screen.error.text()
    screen.secret.clear()
    qtbot.keyClicks(screen.secret, "sunday dinner at six")
    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    assert not window.locked and window.tabs.isVisible()
    # The recovery code opens it too.
    window.lock()
    qtbot.keyClicks(screen.secret, new.recovery_code)
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    assert not window.locked
    window.close()
    session.close()


def test_keyring_mode_unlocks_with_the_keyring_key(qtbot, data_dir) -> None:  # type: ignore[no-untyped-def]
    manager = VaultManager(data_dir, OsKeyStore)
    vault = manager.create(manager.prepare())
    session = Session(manager, vault)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.lock()
    assert not window.lock_screen.secret.isVisibleTo(window.lock_screen)
    OsKeyStore().delete(vault.meta.vault_id)
    window.lock_screen.try_unlock()
    assert window.locked, "without the key in the keyring the screen stays locked"
    assert window.lock_screen.secret.isVisibleTo(window.lock_screen), "the recovery code is offered instead"
    OsKeyStore().put(vault.meta.vault_id, vault.key)
    window.lock_screen.secret.clear()
    window.lock_screen.try_unlock()
    assert not window.locked
    window.close()
    session.close()


def test_idle_timer_locks(qtbot, manager: VaultManager) -> None:  # type: ignore[no-untyped-def]
    vault = manager.create(manager.prepare())
    session = Session(manager, vault)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.idle.timer.setInterval(50)
    window.idle.timer.start()
    qtbot.waitUntil(lambda: window.locked, timeout=2000)
    window.close()
    session.close()


def test_settings_are_kept_in_the_vault(qtbot, manager: VaultManager) -> None:  # type: ignore[no-untyped-def]
    vault = manager.create(manager.prepare())
    session = Session(manager, vault)
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)
    dialog.has_clean_date.setChecked(True)
    dialog.min_days.setValue(120)
    dialog.threshold.setValue(6)
    qtbot.keyClicks(dialog.sponsor.name, "Ray")
    qtbot.keyClicks(dialog.sponsor.phone, "555-0142")
    qtbot.keyClicks(dialog.crisis.phone, "555-0100")
    dialog.neutral.setChecked(True)
    dialog.sensitive.setPlainText("not a date line")
    dialog.save()
    assert "date like" in dialog.error.text() and not dialog.result()
    dialog.sensitive.setPlainText("2026-12-25 Christmas\n2027-03-14 Dad's birthday 🎂")
    dialog.save()
    assert dialog.result()
    vault.close()
    again = manager.open()
    settings = again.repos.settings.load()
    assert settings.min_clean_days == 120 and settings.craving_threshold == 6
    assert settings.sponsor.name == "Ray" and settings.crisis_line.phone == "555-0100"
    assert settings.neutral_title and settings.clean_date
    assert [d.label for d in again.repos.sensitive_dates.list(order="on_date")] == ["Christmas", "Dad's birthday 🎂"]
    session2 = Session(manager, again)
    window = MainWindow(session2)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Notes"
    window.close()
    session2.close()


def test_sensitive_dates_parsing() -> None:
    dates, bad = parse_sensitive_dates("2026-01-01 New year\n\n2026-13-01 nope\nfoo")
    assert [d.on_date for d in dates] == ["2026-01-01"] and bad == ["2026-13-01 nope", "foo"]


def test_restore_through_the_window_keeps_the_tabs_working(qtbot, manager: VaultManager, isolated_dirs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from amends_desktop.domain import models as m
    from amends_desktop.storage.repository import transaction
    from amends_desktop.ui import main_window as mw

    vault = manager.create(manager.prepare())
    with transaction(vault.conn):
        vault.repos.people.add(m.Person(name="In the export"))
    export = isolated_dirs / "home" / "copy.amends"
    vault.export(export, "restore pass 123")
    session = Session(manager, vault)
    window = MainWindow(session)
    qtbot.addWidget(window)
    monkeypatch.setattr(mw.QMessageBox, "question", lambda *a, **k: mw.QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(mw.QFileDialog, "getOpenFileName", lambda *a, **k: (str(export), ""))
    monkeypatch.setattr(mw.QInputDialog, "getText", lambda *a, **k: ("restore pass 123", True))
    window.restore_copy()
    assert window.tabs.count() == 3
    # The rebuilt tabs work over the restored vault: a new person is saved and found after reopening.
    window.inventory.service.add_person("Added after restore")
    window.flush_all()
    window.close()
    session.close()
    again = manager.open()
    assert {"In the export", "Added after restore"} <= {p.name for p in again.repos.people.list()}
    again.close()
