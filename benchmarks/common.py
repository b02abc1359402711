"""Shared helpers for the benchmarks: timing, and vaults made in temporary folders."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar


@dataclass
class Row:
    name: str
    figure: str
    target: str
    detail: str

    FIELDS: ClassVar[tuple[str, ...]] = ("name", "figure", "target", "detail")

    @classmethod
    def header(cls) -> Row:
        return cls("benchmark", "figure", "target", "detail")


def median_ms(fn: Callable[[], object], repeat: int, warmup: int = 1) -> tuple[float, list[float]]:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), samples


def fmt_ms(value: float) -> str:
    return f"{value:.2f} ms" if value < 100 else f"{value:.0f} ms"


def verdict(value: float, target: float) -> str:
    return f"<= {target:g} ms ({'met' if value <= target else 'MISSED'})"


def temp_folder(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"amends-bench-{prefix}-"))


def memory_vault(folder: Path | None = None):  # type: ignore[no-untyped-def]
    """A fresh vault with its key in memory; returns (manager, vault, store)."""
    from amends_desktop.security.keystore import MemoryKeyStore
    from amends_desktop.storage.vault import VaultManager

    folder = folder or temp_folder("vault") / "data"
    store = MemoryKeyStore()
    manager = VaultManager(folder, lambda: store)
    vault = manager.create(manager.prepare())
    return manager, vault, store
