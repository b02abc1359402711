"""``--self-check``: a health report as one JSON object, without a window and without creating anything."""

from __future__ import annotations

import platform
from pathlib import Path
from typing import Any

from amends_desktop import __version__
from amends_desktop.security.errors import VaultError, VaultNotFoundError
from amends_desktop.security.keystore import OsKeyStore, describe_backend
from amends_desktop.storage import migrations
from amends_desktop.storage.connection import cipher_version, integrity
from amends_desktop.storage.vault import VaultManager
from amends_desktop.storage.vault_file import MODE_PASSPHRASE


def run_self_check(folder: Path) -> tuple[dict[str, Any], bool]:
    report: dict[str, Any] = {
        "version": __version__,
        "python": platform.python_version(),
        "data_dir": str(folder),
        "cipher_version": "",
        "keyring_backend": "",
        "keyring_accepted": False,
        "vault": "none",
        "vault_mode": None,
        "schema_version": None,
        "schema_latest": migrations.LATEST,
        "integrity": "not checked",
    }
    try:
        report["cipher_version"] = cipher_version()
    except Exception as exc:  # the report must always print
        report["cipher_version"] = ""
        report["cipher_error"] = type(exc).__name__
    try:
        report["keyring_backend"], report["keyring_accepted"] = describe_backend()
    except Exception as exc:
        report["keyring_error"] = type(exc).__name__
    manager = VaultManager(folder, OsKeyStore)
    healthy = bool(report["cipher_version"])
    try:
        meta = manager.meta()
        report["vault_mode"] = meta.mode
        if meta.mode == MODE_PASSPHRASE:
            report["vault"] = "locked"  # healthy: opening needs the passphrase, which we don't ask here
        else:
            vault = manager.open(migrate=False)
            try:
                report["schema_version"] = migrations.user_version(vault.conn)
                report["integrity"] = integrity(vault.conn)
                report["vault"] = "ok"
                healthy = healthy and report["integrity"] == "ok"
            finally:
                vault.close()
    except VaultNotFoundError:
        report["vault"] = "none"
        healthy = healthy and bool(report["keyring_accepted"])
    except VaultError as exc:
        report["vault"] = exc.kind
        report["message"] = str(exc)
        healthy = False
    return report, healthy
