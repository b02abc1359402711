"""Entry point for the frozen app (PyInstaller): the same as ``python -m amends_desktop``."""

import os
import sys

from amends_desktop.cli import main

if __name__ == "__main__":
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    sys.exit(main())
