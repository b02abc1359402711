"""What the window works with once a vault is open: the vault, how it was opened, and clean-up."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from amends_desktop.storage.repositories import Repositories
from amends_desktop.storage.repository import transaction
from amends_desktop.storage.vault import Vault, VaultManager


@dataclass
class Session:
    manager: VaultManager
    vault: Vault
    demo: bool = False
    demo_folder: Path | None = None
    on_close: list[Callable[[], None]] = field(default_factory=list)

    @property
    def repos(self) -> Repositories:
        return self.vault.repos

    def start(self) -> None:
        """Housekeeping on open: rows deleted in an earlier session are gone for good now."""
        with transaction(self.vault.conn):
            self.repos.purge_deleted()

    def close(self) -> None:
        for callback in list(self.on_close):
            with contextlib.suppress(Exception):
                callback()
        self.vault.close()
        if self.demo and self.demo_folder is not None:
            shutil.rmtree(self.demo_folder, ignore_errors=True)
