"""The first minutes of a real person: first run, the main window, unlock and recovery, a second copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWizard

from amends_desktop.security import wrapping
from amends_desktop.security.errors import KeyMissingError, NeedsPassphraseError
from amends_desktop.security.keystore import OsKeyStore
from amends_desktop.services.session import Session
from amends_desktop.storage.instance_lock import InstanceLock
from amends_desktop.storage.vault import VaultManager
from amends_desktop.ui import app as app_module
from amends_desktop.ui.dialogs.first_run import FirstRunWizard
from amends_desktop.ui.dialogs.unlock import SecretDialog
from amends_desktop.ui.main_window import MainWindow


def click_next(qtbot, wizard: QWizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def test_first_run_wizard_walked_as_a_user_reaches_three_tabs(qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    manager = VaultManager(data_dir, OsKeyStore)
    new = manager.prepare()
    wizard = FirstRunWizard(new, lambda n, p: manager.create(n, passphrase=p), keyring_available=True)
    qtbot.addWidget(wizard)
    wizard.show()
    assert "encrypted" in wizard.welcome.findChildren(type(wizard.welcome.layout().itemAt(0).widget()))[0].text()
    click_next(qtbot, wizard)
    assert wizard.protection.keyring_choice.isChecked()
    click_next(qtbot, wizard)
    assert wizard.code_page.code_label.text() == new.recovery_code
    click_next(qtbot, wizard)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    assert not manager.exists(), "nothing is written before the code is typed back"
    qtbot.keyClicks(wizard.confirm.entry, new.recovery_code[:10])
    assert not finish.isEnabled()
    wizard.confirm.entry.clear()
    qtbot.keyClicks(wizard.confirm.entry, new.recovery_code.lower().replace("-", " "))
    assert finish.isEnabled()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert wizard.vault is not None and manager.exists()
    session = Session(manager, wizard.vault)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    tabs = window.findChild(QTabWidget)
    assert [tabs.tabText(i).replace("&", "") for i in range(tabs.count())] == ["Inventory", "Planner", "Reflection"]
    window.close()
    session.close()
    manager.open().close()  # the key went to the keyring


def test_first_run_with_passphrase_checks_both_fields(qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    manager = VaultManager(data_dir, OsKeyStore)
    new = manager.prepare()
    wizard = FirstRunWizard(new, lambda n, p: manager.create(n, passphrase=p), keyring_available=False)
    qtbot.addWidget(wizard)
    wizard.show()
    click_next(qtbot, wizard)
    page = wizard.protection
    assert not page.keyring_choice.isEnabled() and page.passphrase_choice.isChecked()
    qtbot.keyClicks(page.passphrase, "short")
    click_next(qtbot, wizard)
    assert wizard.currentPage() is page and "8 characters" in page.error.text()
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, "quiet morning tea")
    qtbot.keyClicks(page.repeat, "quiet morning te")
    click_next(qtbot, wizard)
    assert "match" in page.error.text()
    qtbot.keyClicks(page.repeat, "a")
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    qtbot.keyClicks(wizard.confirm.entry, new.recovery_code)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.vault is not None
    wizard.vault.close()
    with pytest.raises(NeedsPassphraseError):
        manager.open()
    manager.open_with_passphrase("quiet morning tea").close()


def test_unlock_dialog_keeps_asking_kindly(qtbot, manager: VaultManager) -> None:  # type: ignore[no-untyped-def]
    new = manager.prepare()
    manager.create(new, passphrase="evening walk home").close()
    dialog = SecretDialog("Unlock", "Enter your passphrase.",
                          lambda slot, s: manager.open_with_passphrase(s) if slot == "passphrase" else manager.recover(s),
                          offer_recovery=True, offer_passphrase=True)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.secret, "evening walk")
    dialog.buttons.accepted.emit()
    assert dialog.vault is None and "doesn't match" in dialog.error.text()
    dialog.secret.clear()
    qtbot.keyClicks(dialog.secret, "evening walk home")
    dialog.buttons.accepted.emit()
    assert dialog.vault is not None
    dialog.vault.close()


def test_recovery_flow_after_key_lost(qtbot, manager: VaultManager, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    new = manager.prepare()
    manager.create(new).close()
    OsKeyStore().delete(new.vault_id)
    shown: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "information", lambda *a, **k: shown.append(a[2]))

    def fake_exec(dialog: SecretDialog) -> int:
        assert "no longer in the keyring" in dialog.intro.text()
        dialog.secret.setText(new.recovery_code)
        dialog._try()
        return 1

    monkeypatch.setattr(SecretDialog, "exec", fake_exec)
    vault = app_module.open_vault(manager, OsKeyStore)
    assert vault is not None
    assert shown and "back in your keyring" in shown[0]
    vault.close()
    manager.open().close()


def test_second_instance_is_told_and_leaves_vault_alone(qtbot, data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(app_module, "show_vault_error", lambda parent, exc: shown.append(exc.kind))
    with InstanceLock(data_dir):
        assert app_module.run_gui(data_dir) == 1
    assert shown == ["already_running"]
    assert sorted(p.name for p in data_dir.iterdir()) == [".lock"], "no vault was created"


def test_demo_session_has_sample_data_and_is_removed(qtbot) -> None:  # type: ignore[no-untyped-def]
    session = app_module.create_demo_session()
    folder = session.demo_folder
    assert folder is not None and folder.exists()
    assert session.repos.people.count() >= 5
    assert session.repos.entries.count() >= 30
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert "demo" in window.windowTitle()
    window.close()
    session.close()
    assert not folder.exists()


def test_missing_key_is_an_error_not_a_new_vault(manager: VaultManager) -> None:
    new = manager.prepare()
    manager.create(new).close()
    OsKeyStore().delete(new.vault_id)
    with pytest.raises(KeyMissingError):
        manager.open()
    assert wrapping.key_matches(new.key, manager.meta().key_check)


def test_damaged_vault_offers_the_newest_snapshot(qtbot, manager: VaultManager, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from amends_desktop.domain import models as m
    from amends_desktop.storage.repository import transaction

    vault = manager.create(manager.prepare())
    with transaction(vault.conn):
        vault.repos.people.add(m.Person(name="Still here"))
    vault.snapshot()
    vault.close()
    data = bytearray(manager.paths.database.read_bytes())
    for i in range(100, 4000):
        data[i] ^= 0xFF
    manager.paths.database.write_bytes(bytes(data))
    asked: list[str] = []

    def yes(parent, title, text, *a, **k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return app_module.QMessageBox.StandardButton.Yes

    monkeypatch.setattr(app_module.QMessageBox, "question", yes)
    restored = app_module.open_vault(manager, OsKeyStore)
    assert restored is not None and asked and "kept beside it" in asked[0]
    assert "Still here" in {p.name for p in restored.repos.people.list()}
    restored.close()


def test_slow_work_runs_off_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    import threading
    import time

    from PySide6.QtCore import QTimer

    from amends_desktop.ui.worker import run_with_progress

    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)

    def work(progress):  # type: ignore[no-untyped-def]
        progress(1, 2)
        time.sleep(0.3)
        return threading.current_thread() is threading.main_thread()

    assert run_with_progress(None, "Test", "Working…", work) is False
    timer.stop()
    assert len(ticks) >= 5, "the GUI kept handling events while the work ran"
    with pytest.raises(ValueError):
        run_with_progress(None, "Test", "Working…", lambda progress: (_ for _ in ()).throw(ValueError("boom")))


def test_a_killed_demo_leaves_nothing_behind_for_long(qtbot) -> None:  # type: ignore[no-untyped-def]
    import tempfile

    stale = Path(tempfile.mkdtemp(prefix="amends-demo-"))
    (stale / "vault.db").write_bytes(b"\x00" * 64)  # what a killed demo would leave (encrypted, keyless)
    running = app_module.create_demo_session()
    second = app_module.create_demo_session()  # must not remove the first, still-running demo
    assert not stale.exists()
    assert running.demo_folder is not None and running.demo_folder.exists()
    second.close()
    running.close()
