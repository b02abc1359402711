"""Runs every ``bench_*.py`` beside this file and prints one table of figures.

Each module has ``run(quick: bool) -> list[Row]``. ``--quick`` uses fewer repetitions (CI);
the data sizes stay as the issues ask, since the point is to measure at those sizes.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import Row  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("only", nargs="*", help="names of bench modules to run (default: all)")
    args = parser.parse_args()
    rows: list[Row] = []
    failed = False
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if args.only and name not in args.only:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        started = time.perf_counter()
        try:
            rows.extend(module.run(args.quick))
        except Exception as exc:  # a broken benchmark is reported, the others still run
            failed = True
            rows.append(Row(name, f"FAILED: {type(exc).__name__}: {exc}", "", ""))
        print(f"[{name}: {time.perf_counter() - started:.1f} s]", file=sys.stderr)
    widths = [max(len(getattr(r, f)) for r in [*rows, Row.header()]) for f in Row.FIELDS]
    for i, row in enumerate([Row.header(), *rows]):
        print(" | ".join(getattr(row, f).ljust(w) for f, w in zip(Row.FIELDS, widths, strict=True)))
        if i == 0:
            print("-+-".join("-" * w for w in widths))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
