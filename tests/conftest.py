"""Shared fixtures: every folder points into tmp_path, and the OS keyring is swapped for memory.

Tests marked ``real_keyring`` keep the real OS keyring (they skip where none exists).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from keyring.backend import KeyringBackend

from amends_desktop.security import keystore
from amends_desktop.security.keystore import MemoryKeyStore, OsKeyStore
from amends_desktop.storage.vault import VaultManager


class InMemoryOsBackend(KeyringBackend):
    """Stands in for the OS keyring in tests: a dict, with switches for locked and unavailable."""

    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}
        self.locked = False

    def _check(self) -> None:
        if self.locked:
            from keyring.errors import KeyringLocked

            raise KeyringLocked("locked for the test")

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        self.store.pop((service, username), None)


TEST_BACKEND_NAME = f"{InMemoryOsBackend.__module__}.{InMemoryOsBackend.__qualname__}"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    tmp = tmp_path / "tmp"
    for d in (home, tmp):
        d.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setenv("AMENDS_DESKTOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    return tmp_path


@pytest.fixture(autouse=True)
def os_keyring(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[InMemoryOsBackend | None]:
    if request.node.get_closest_marker("real_keyring"):
        yield None
        return
    backend = InMemoryOsBackend()
    monkeypatch.setattr(keystore, "ACCEPTED_BACKENDS", keystore.ACCEPTED_BACKENDS | {TEST_BACKEND_NAME})
    monkeypatch.setattr(keystore, "find_accepted_backend", lambda: backend)
    yield backend


@pytest.fixture
def data_dir(isolated_dirs: Path) -> Path:
    return isolated_dirs / "data"


@pytest.fixture
def manager(data_dir: Path) -> VaultManager:
    return VaultManager(data_dir, OsKeyStore)


@pytest.fixture
def memory_store() -> MemoryKeyStore:
    return MemoryKeyStore()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "real_keyring: uses the real OS keyring instead of the in-memory one")
