"""The command line as a script or an installer would use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from amends_desktop.security.keystore import OsKeyStore, find_accepted_backend
from amends_desktop.storage.vault import VaultManager

REQUIRED = {"version", "cipher_version", "keyring_backend", "keyring_accepted", "vault", "integrity"}


def run_cli(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "amends_desktop", *args], capture_output=True, text=True,
                          timeout=120, env=env)


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("amends-desktop ")


def test_self_check_never_creates_a_vault(tmp_path: Path) -> None:
    folder = tmp_path / "nothing-here"
    result = run_cli("--self-check", "--data-dir", str(folder))
    report = json.loads(result.stdout)
    assert set(report) >= REQUIRED
    assert report["vault"] == "none"
    assert report["cipher_version"]
    assert not folder.exists()
    assert result.returncode == (0 if report["keyring_accepted"] else 1)


def test_self_check_honours_the_environment_variable(tmp_path: Path) -> None:
    folder = tmp_path / "from-env"
    report = json.loads(run_cli("--self-check", env_extra={"AMENDS_DESKTOP_DATA_DIR": str(folder)}).stdout)
    assert report["data_dir"] == str(folder)


def test_self_check_reports_a_damaged_vault(tmp_path: Path) -> None:
    manager = VaultManager(tmp_path / "v", OsKeyStore)
    manager.create(manager.prepare(), passphrase="a passphrase for this").close()
    locked = run_cli("--self-check", "--data-dir", str(tmp_path / "v"))
    assert json.loads(locked.stdout)["vault"] == "locked" and locked.returncode == 0
    (tmp_path / "v" / "vault.json").write_text("{ not json")
    result = run_cli("--self-check", "--data-dir", str(tmp_path / "v"))
    report = json.loads(result.stdout)
    assert report["vault"] == "damaged" and result.returncode == 1
    assert report["message"]


@pytest.mark.real_keyring
def test_init_then_self_check_then_refuse_second_init(tmp_path: Path) -> None:
    if find_accepted_backend() is None:
        pytest.skip("no accepted OS keyring here (start a D-Bus session with gnome-keyring, as .ci/run does)")
    folder = tmp_path / "scripted"
    created = run_cli("--init", "--data-dir", str(folder))
    assert created.returncode == 0, created.stderr
    code = created.stdout.strip().splitlines()[-1]
    assert len(code.split("-")) == 6
    check = run_cli("--self-check", "--data-dir", str(folder))
    report = json.loads(check.stdout)
    assert check.returncode == 0, report
    assert report["vault"] == "ok" and report["integrity"] == "ok" and report["keyring_accepted"] is True
    before = (folder / "vault.db").read_bytes()
    again = run_cli("--init", "--data-dir", str(folder))
    assert again.returncode == 2 and "already exists" in again.stderr
    assert (folder / "vault.db").read_bytes() == before
    # Clean the test's key out of the real keyring.
    manager = VaultManager(folder, OsKeyStore)
    OsKeyStore().delete(manager.meta().vault_id)
