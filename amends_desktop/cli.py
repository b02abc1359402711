"""Command line: parse arguments, wire the layers together, start the window or a command."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from amends_desktop import __version__
from amends_desktop.storage.paths import ENV_DATA_DIR, default_data_dir


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="amends-desktop",
        description="A private, offline workbook for Steps 8 and 9. Everything stays in one encrypted file.",
    )
    parser.add_argument("--data-dir", type=Path, help=f"folder for the vault (default: ${ENV_DATA_DIR} or the OS data folder)")
    parser.add_argument("--demo", action="store_true", help="open a throwaway vault with sample data; removed on exit")
    parser.add_argument("--init", action="store_true", help="create a vault without a window (keyring mode) and print the recovery code")
    parser.add_argument("--self-check", action="store_true", help="print a health report as JSON; exit 0 only when healthy")
    parser.add_argument("--version", action="version", version=f"amends-desktop {__version__}")
    return parser


def data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir).expanduser() if args.data_dir else default_data_dir()


def cmd_self_check(folder: Path) -> int:
    from amends_desktop.services.self_check import run_self_check

    report, healthy = run_self_check(folder)
    report["healthy"] = healthy
    print(json.dumps(report, sort_keys=True))
    return 0 if healthy else 1


def cmd_init(folder: Path) -> int:
    from amends_desktop.security.errors import VaultError
    from amends_desktop.security.keystore import OsKeyStore
    from amends_desktop.storage.instance_lock import InstanceLock
    from amends_desktop.storage.vault import VaultManager

    manager = VaultManager(folder, OsKeyStore)
    try:
        with InstanceLock(folder):
            new = manager.prepare()
            vault = manager.create(new)
            vault.close()
    except VaultError as exc:
        print(f"amends-desktop: {exc}", file=sys.stderr)
        return 2
    print(f"Vault created in {folder}")
    print("Your recovery code (shown only this once; write it down and keep it somewhere safe):")
    print(new.recovery_code)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    folder = data_dir(args)
    if args.self_check:
        return cmd_self_check(folder)
    if args.init:
        return cmd_init(folder)
    from amends_desktop.ui.app import run_gui  # Qt is imported only when a window is wanted

    return run_gui(folder, demo=args.demo)


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    sys.exit(main())
