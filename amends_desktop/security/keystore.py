"""Where the vault key lives between sessions: a real OS keyring, or (for demo and tests) memory.

Only stores that keep secrets encrypted by the operating system are accepted. The fail, null and
chainer backends, and any plaintext-file store (such as ``keyrings.alt``), count as "no keyring".
The backend is chosen in code, so an outside keyringrc or ``PYTHON_KEYRING_BACKEND`` can't redirect
the key to a weaker store.
"""

from __future__ import annotations

from typing import Protocol

from amends_desktop.security.errors import KeyringLockedError, NoKeyringError, VaultError

SERVICE = "amends-desktop"

# Fully qualified class names of the OS stores we trust.
ACCEPTED_BACKENDS: frozenset[str] = frozenset(
    {
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
        "keyring.backends.kwallet.DBusKeyringKWallet4",
        "keyring.backends.macOS.Keyring",
        "keyring.backends.Windows.WinVaultKeyring",
    }
)


def user_name(vault_id: str) -> str:
    return f"vault-{vault_id}"


class KeyStore(Protocol):
    """A place for the raw vault key. Every method may raise a VaultError subclass."""

    @property
    def backend_name(self) -> str: ...

    def get(self, vault_id: str) -> bytes | None: ...

    def put(self, vault_id: str, key: bytes) -> None: ...

    def delete(self, vault_id: str) -> None: ...


def _qualified(obj: object) -> str:
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def find_accepted_backend() -> object | None:
    """The highest-priority viable OS keyring, or None when there is none we trust."""
    import keyring.backend  # deferred: importing keyring scans entry points (~tens of ms)

    best: object | None = None
    best_priority = 0.0
    for candidate in keyring.backend.get_all_keyring():
        if _qualified(candidate) not in ACCEPTED_BACKENDS:
            continue
        priority = float(getattr(candidate, "priority", 0))
        if priority > best_priority:
            best, best_priority = candidate, priority
    return best


def describe_backend() -> tuple[str, bool]:
    """The name of the keyring we would use and whether it is accepted (for --self-check)."""
    backend = find_accepted_backend()
    if backend is not None:
        return _qualified(backend), True
    import keyring

    return _qualified(keyring.get_keyring()), False


class OsKeyStore:
    """The key in the OS keyring as 64 hex characters: service ``amends-desktop``, user ``vault-<id>``."""

    def __init__(self, backend: object | None = None) -> None:
        chosen = backend if backend is not None else find_accepted_backend()
        if chosen is None or _qualified(chosen) not in ACCEPTED_BACKENDS:
            raise NoKeyringError()
        self._backend = chosen

    @property
    def backend_name(self) -> str:
        return _qualified(self._backend)

    def _call(self, method: str, *args: str) -> object:
        from keyring.errors import KeyringError, KeyringLocked, PasswordDeleteError

        try:
            return getattr(self._backend, method)(*args)
        except KeyringLocked as exc:
            raise KeyringLockedError(type(exc).__name__) from None
        except PasswordDeleteError:
            return None
        except KeyringError as exc:
            # Includes a backend that became unavailable (daemon gone, D-Bus closed).
            raise NoKeyringError(type(exc).__name__) from None

    def get(self, vault_id: str) -> bytes | None:
        value = self._call("get_password", SERVICE, user_name(vault_id))
        if not isinstance(value, str) or not value:
            return None
        try:
            key = bytes.fromhex(value)
        except ValueError:
            return b""  # present but not a key of ours: reported as a wrong key by the caller
        return key

    def put(self, vault_id: str, key: bytes) -> None:
        self._call("set_password", SERVICE, user_name(vault_id), key.hex())

    def delete(self, vault_id: str) -> None:
        self._call("delete_password", SERVICE, user_name(vault_id))


class MemoryKeyStore:
    """A key store that never leaves the process: used by ``--demo`` and the tests."""

    def __init__(self, backend_name: str = "memory") -> None:
        self._keys: dict[str, bytes] = {}
        self._name = backend_name
        self.locked = False

    @property
    def backend_name(self) -> str:
        return self._name

    def _check(self) -> None:
        if self.locked:
            raise KeyringLockedError("memory store locked")

    def get(self, vault_id: str) -> bytes | None:
        self._check()
        return self._keys.get(vault_id)

    def put(self, vault_id: str, key: bytes) -> None:
        self._check()
        self._keys[vault_id] = key

    def delete(self, vault_id: str) -> None:
        self._check()
        self._keys.pop(vault_id, None)


def open_os_keystore() -> KeyStore:
    """The OS keyring, or NoKeyringError. A separate function so callers can catch one error."""
    try:
        return OsKeyStore()
    except VaultError:
        raise
