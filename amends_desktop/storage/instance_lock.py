"""One running copy per data folder: a second instance is told so and leaves the vault alone."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from amends_desktop.security.errors import AlreadyRunningError


class InstanceLock:
    """An OS file lock on ``<data dir>/.lock``, released by the OS if the process dies."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / ".lock"
        self._fh: IO[bytes] | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = self.path.open("a+b")
        try:
            if os.name == "nt":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            raise AlreadyRunningError() from None
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
