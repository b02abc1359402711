"""Where the vault lives: ``--data-dir``, else ``AMENDS_DESKTOP_DATA_DIR``, else the OS data folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_DATA_DIR = "AMENDS_DESKTOP_DATA_DIR"


def default_data_dir() -> Path:
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("amends-desktop", appauthor=False, roaming=False))


@dataclass(frozen=True)
class VaultPaths:
    folder: Path

    @property
    def database(self) -> Path:
        return self.folder / "vault.db"

    @property
    def meta(self) -> Path:
        return self.folder / "vault.json"

    @property
    def backups(self) -> Path:
        return self.folder / "backups"

    def exists(self) -> bool:
        """True when anything of a vault is here: then nothing may create a new one."""
        return self.database.exists() or self.meta.exists()
