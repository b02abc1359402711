"""Architecture rules a reviewer would otherwise have to check by eye."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "amends_desktop"
NON_UI = ("domain", "security", "storage", "services")


def test_core_layers_import_with_pyside6_blocked() -> None:
    code = (
        "import sys, pkgutil, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'PySide6' or name.startswith('PySide6.'):\n"
        "            raise ImportError('PySide6 is blocked in this test')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import amends_desktop\n"
        f"for layer in {NON_UI!r}:\n"
        "    pkg = importlib.import_module('amends_desktop.' + layer)\n"
        "    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "import amends_desktop.cli\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_imports_point_down_only() -> None:
    order = ["domain", "security", "storage", "services", "ui"]
    for layer_index, layer in enumerate(order):
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in _imports(path):
                if name.startswith("PySide6"):
                    assert layer == "ui", f"{path}: Qt outside ui/"
                for higher in order[layer_index + 1:]:
                    assert not name.startswith(f"amends_desktop.{higher}"), f"{path} imports {name} (upward)"


def test_no_network_code_in_the_app() -> None:
    banned = ("socket", "urllib", "http", "PySide6.QtNetwork", "requests", "ssl", "ftplib", "smtplib")
    for path in PACKAGE.rglob("*.py"):
        for name in _imports(path):
            assert not any(name == b or name.startswith(b + ".") for b in banned), f"{path} imports {name}"
        assert "QtNetwork" not in path.read_text(encoding="utf-8"), path
