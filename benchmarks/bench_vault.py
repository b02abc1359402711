"""Foundation figures: opening the vault, first run, passphrase unlock, importing keyring."""

from __future__ import annotations

import shutil
import subprocess
import sys

from common import Row, fmt_ms, median_ms, memory_vault, temp_folder

from amends_desktop.security.keystore import MemoryKeyStore
from amends_desktop.services.demo import fill_demo
from amends_desktop.storage.connection import open_database
from amends_desktop.storage.vault import VaultManager


def run(quick: bool) -> list[Row]:
    rows: list[Row] = []
    reps = 7 if quick else 25

    manager, vault, _store = memory_vault()
    fill_demo(vault.repos)
    key, path = vault.key, vault.paths.database
    vault.close()

    def open_raw() -> None:
        conn = open_database(path, key)
        conn.execute("SELECT count(*) FROM people").fetchone()
        conn.close()

    med, _ = median_ms(open_raw, reps)
    rows.append(Row("open vault with raw key", fmt_ms(med), "fast (no KDF)", f"median of {reps}, demo data"))
    med, _ = median_ms(lambda: manager.open().close(), reps)
    rows.append(Row("open vault via key store + checks", fmt_ms(med), "", f"median of {reps}, incl. key check"))

    def first_run() -> None:
        folder = temp_folder("create")
        store = MemoryKeyStore()
        m = VaultManager(folder / "data", lambda: store)
        m.create(m.prepare()).close()
        shutil.rmtree(folder)

    med, _ = median_ms(first_run, max(3, reps // 3))
    rows.append(Row("first-run creation (keyring mode)", fmt_ms(med), "", "key, recovery wrap, schema, seed"))

    folder = temp_folder("pass")
    pm = VaultManager(folder / "data", lambda: MemoryKeyStore())
    pm.create(pm.prepare(), passphrase="benchmark passphrase").close()
    med, _ = median_ms(lambda: pm.open_with_passphrase("benchmark passphrase").close(), max(3, reps // 3))
    rows.append(Row("passphrase unlock (scrypt n=2^17)", fmt_ms(med), "", "memory-hard KDF + open"))
    shutil.rmtree(folder)

    def import_cost(code: str) -> float:
        med, _ = median_ms(lambda: subprocess.run([sys.executable, "-c", code], check=True), max(3, reps // 2))
        return med

    base = import_cost("pass")
    with_keyring = import_cost("import keyring")
    with_backends = import_cost("import keyring.backend; keyring.backend.get_all_keyring()")
    rows.append(Row("start-up cost: import keyring", fmt_ms(with_keyring - base), "",
                    f"process {fmt_ms(with_keyring)} vs bare {fmt_ms(base)}"))
    rows.append(Row("start-up cost: keyring backend discovery", fmt_ms(with_backends - base), "",
                    "import + get_all_keyring()"))
    shutil.rmtree(manager.paths.folder.parent, ignore_errors=True)
    return rows
