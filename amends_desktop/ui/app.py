"""Starting the window: one instance per data folder, first run, unlock or recovery, then the tabs."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from amends_desktop import APP_ID, APP_NAME, __version__
from amends_desktop.resource_paths import resource
from amends_desktop.security.errors import (
    AlreadyRunningError,
    DamagedVaultError,
    KeyMissingError,
    KeyringChangedError,
    KeyringLockedError,
    NeedsPassphraseError,
    NoKeyringError,
    VaultError,
    WrongKeyError,
)
from amends_desktop.security.keystore import KeyStore, MemoryKeyStore, OsKeyStore
from amends_desktop.services.session import Session
from amends_desktop.storage.instance_lock import InstanceLock
from amends_desktop.storage.vault import Vault, VaultManager
from amends_desktop.ui.dialogs.messages import show_vault_error
from amends_desktop.ui.worker import run_with_progress

STYLE = """
QLabel#inlineError { color: #c0392b; }
"""

RECOVERABLE = (KeyMissingError, KeyringChangedError, WrongKeyError, KeyringLockedError, NoKeyringError)


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    # No applicationDisplayName: Qt would append it to every window title, defeating the neutral title.
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)  # groups the window with its launcher
    icon_path = resource("icons", "amends-desktop.svg")
    if icon_path.exists():
        app.setWindowIcon(QIcon(str(icon_path)))
    app.setStyleSheet(STYLE)
    return app


def create_demo_session() -> Session:
    """A throwaway vault in a temporary folder, its key only in memory, filled with sample data."""
    # Demo folders left by a killed process can never be opened again (their key was in memory): tidy them.
    import shutil

    from amends_desktop.services.demo import fill_demo

    for stale in Path(tempfile.gettempdir()).glob("amends-demo-*"):
        probe = InstanceLock(stale)
        try:
            probe.acquire()  # a running demo holds its lock: only dead ones are removed
        except (AlreadyRunningError, OSError):
            continue
        probe.release()
        shutil.rmtree(stale, ignore_errors=True)
    folder = Path(tempfile.mkdtemp(prefix="amends-demo-"))
    lock = InstanceLock(folder)
    lock.acquire()
    store = MemoryKeyStore("memory (demo)")
    manager = VaultManager(folder, lambda: store)
    vault = manager.create(manager.prepare(), memory_keystore=store)
    fill_demo(vault.repos)
    session = Session(manager, vault, demo=True, demo_folder=folder)
    session.on_close.append(lock.release)
    return session


def _keyring_available(factory: Callable[[], KeyStore]) -> tuple[bool, str]:
    try:
        store = factory()
    except VaultError:
        return False, ""
    return True, store.backend_name


def first_run(manager: VaultManager, factory: Callable[[], KeyStore], parent: QWidget | None = None) -> Vault | None:
    from amends_desktop.ui.dialogs.first_run import FirstRunWizard

    available, name = _keyring_available(factory)

    def create(new: object, passphrase: str | None) -> Vault:
        return run_with_progress(parent, "Creating", "Creating your encrypted vault…",
                                 lambda progress: manager.create(new, passphrase=passphrase))  # type: ignore[arg-type]

    wizard = FirstRunWizard(manager.prepare(), create, keyring_available=available, keyring_name=name, parent=parent)
    if wizard.exec() and wizard.vault is not None:
        return wizard.vault
    return None


def unlock_or_recover(manager: VaultManager, error: VaultError, parent: QWidget | None = None) -> Vault | None:
    from amends_desktop.ui.dialogs.unlock import SecretDialog

    meta = manager.meta()
    has_passphrase = "passphrase" in meta.wrapped

    def attempt(slot: str, secret: str) -> Vault:
        if slot == "passphrase" and isinstance(error, NeedsPassphraseError):
            return run_with_progress(parent, "Opening", "Opening your vault…",
                                     lambda progress: manager.open_with_passphrase(secret, progress=progress))
        return run_with_progress(parent, "Opening", "Opening your vault…",
                                 lambda progress: manager.recover(secret, slot=slot, progress=progress))

    if isinstance(error, NeedsPassphraseError):
        dialog = SecretDialog("Unlock", "Welcome back. Please enter your passphrase to open your vault.",
                              attempt, offer_recovery=True, offer_passphrase=True, parent=parent)
    else:
        intro = f"{error.message}\n\n{error.way_forward}"
        dialog = SecretDialog("Recover access", intro, attempt, offer_recovery=True,
                              offer_passphrase=has_passphrase, parent=parent)
        dialog.use_recovery.setChecked(True)
    if not dialog.exec() or dialog.vault is None:
        return None
    vault = dialog.vault
    if not isinstance(error, NeedsPassphraseError) and dialog.slot() == "recovery" and meta.mode == "keyring":
        if vault.key_restored_to_keyring:
            QMessageBox.information(parent, "Welcome back", "You're in, and the key is back in your keyring. "
                                    "Everything is as you left it.")
        else:
            QMessageBox.information(parent, "Welcome back",
                                    "You're in. The keyring still isn't available, so you'll need your recovery "
                                    "code again next time, or you can set a passphrase in Settings.")
    return vault


def offer_snapshot_repair(manager: VaultManager, error: VaultError, parent: QWidget | None = None) -> Vault | None:
    """A damaged database: offer the newest good snapshot; the damaged file is kept aside."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    if not manager.paths.meta.exists():
        show_vault_error(parent, error)
        return None
    try:
        key = manager.key_for_repair()
    except VaultError:
        text, ok = QInputDialog.getText(
            parent, "The vault can't be read",
            "The vault file looks damaged. To look for a good snapshot, please enter your recovery code "
            "(or passphrase):", QLineEdit.EchoMode.Password)
        if not ok or not text:
            return None
        try:
            key = manager.key_for_repair(text)
        except VaultError as exc:
            show_vault_error(parent, exc)
            return None
    snapshots = manager.usable_snapshots(key)
    if not snapshots:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("The vault can't be read")
        box.setText("The vault file looks damaged, and there is no snapshot that can replace it.")
        box.setInformativeText("Nothing has been changed or deleted. If you have an encrypted export, you can "
                               "set up the app in a new folder (--data-dir) and restore it there.")
        box.exec()
        return None
    newest = snapshots[0]
    stamp = newest.name.removeprefix("snapshot-")[:15]
    when = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[9:11]}:{stamp[11:13]}"
    answer = QMessageBox.question(
        parent, "The vault can't be read",
        f"The vault file looks damaged. The newest good snapshot is from {when}.\n\n"
        "Restore it? Anything written after that time can't be brought back, and the damaged file is "
        "kept beside it, unchanged, in case someone can help with it later.")
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        return run_with_progress(parent, "Restoring", "Restoring the snapshot…",
                                 lambda progress: manager.restore_snapshot(newest, key))
    except VaultError as exc:
        show_vault_error(parent, exc)
        return None


def install_crash_handler() -> None:
    """A bug gets a plain crash message (type and where it happened; never the data involved)."""
    import traceback

    def hook(exc_type: type[BaseException], exc: BaseException, tb: object) -> None:
        frames = traceback.extract_tb(tb)  # type: ignore[arg-type]
        where = "\n".join(f"{Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames[-8:])
        report = f"amends-desktop {__version__}\n{exc_type.__name__}\n{where}"
        print(report, file=sys.stderr)
        if QApplication.instance() is not None:
            box = QMessageBox()
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle("Something went wrong")
            box.setText("Something went wrong inside the app. What you saved before is safe in the vault.")
            box.setInformativeText("If it happens again, this report helps us find it. "
                                   "It says where in the code it happened, and nothing of what you wrote.")
            box.setDetailedText(report)
            box.exec()

    sys.excepthook = hook


def open_vault(manager: VaultManager, factory: Callable[[], KeyStore], parent: QWidget | None = None) -> Vault | None:
    if not manager.exists():
        return first_run(manager, factory, parent)
    try:
        return run_with_progress(parent, "Opening", "Opening your vault…",
                                 lambda progress: manager.open(progress=progress))
    except (NeedsPassphraseError, *RECOVERABLE) as exc:
        return unlock_or_recover(manager, exc, parent)
    except DamagedVaultError as exc:
        return offer_snapshot_repair(manager, exc, parent)
    except VaultError as exc:
        show_vault_error(parent, exc)
        return None


def run_gui(folder: Path, *, demo: bool = False, keystore_factory: Callable[[], KeyStore] = OsKeyStore) -> int:
    app = make_app()
    install_crash_handler()
    lock: InstanceLock | None = None
    if demo:
        session = create_demo_session()
    else:
        lock = InstanceLock(folder)
        try:
            lock.acquire()
        except AlreadyRunningError as exc:
            print(f"amends-desktop: {exc}", file=sys.stderr)
            show_vault_error(None, exc)
            return 1
        except OSError as exc:
            from amends_desktop.storage.connection import translate

            show_vault_error(None, translate(exc))
            return 2
        manager = VaultManager(folder, keystore_factory)
        vault = open_vault(manager, keystore_factory)
        if vault is None:
            lock.release()
            return 0 if not manager.exists() else 1
        session = Session(manager, vault)
    # Ctrl+C or a polite kill closes the window properly (saving, and removing a demo vault).
    import signal

    from PySide6.QtCore import QTimer

    from amends_desktop.ui.main_window import MainWindow

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: app.closeAllWindows())
    wake = QTimer()
    wake.start(300)  # lets Python run its signal handlers while Qt's loop waits
    wake.timeout.connect(lambda: None)
    try:
        session.start()
        window = MainWindow(session)
        window.show()
        window.auto_snapshot_in_background()
        return int(app.exec())
    finally:
        session.close()
        if lock is not None:
            lock.release()
