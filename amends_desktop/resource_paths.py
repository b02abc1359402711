"""One way to find bundled files (icons, styles) from a checkout, an installed wheel or a frozen app."""

from __future__ import annotations

import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # PyInstaller bundle: the spec copies resources/ next to the code
        candidate = Path(frozen_root) / "resources"
        if candidate.is_dir():
            return candidate
    try:  # installed wheel: pyproject maps resources/ to the package amends_desktop.resources
        installed = resources.files("amends_desktop.resources")
        path = Path(str(installed))
        if path.is_dir():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "resources"  # a source checkout


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
