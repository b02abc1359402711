"""Errors about the key, each with a plain message and a way forward."""

from __future__ import annotations


class VaultError(Exception):
    """Something in the environment stopped the vault from opening or saving.

    ``kind`` is a stable identifier (used by ``--self-check`` and the UI); ``message`` says what
    happened and ``way_forward`` what the person can do about it. Neither ever holds entry text.
    """

    kind = "error"
    message = "Something went wrong with the vault."
    way_forward = ""

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or self.message)
        self.detail = detail

    def __str__(self) -> str:
        text = self.message
        if self.way_forward:
            text += " " + self.way_forward
        return text


class NoKeyringError(VaultError):
    kind = "no_keyring"
    message = "This computer has no secure keyring that the app can use."
    way_forward = (
        "You can protect the vault with a passphrase instead, or sign in to a desktop session "
        "that has a keyring (such as GNOME Keyring or KWallet) and try again."
    )


class KeyringLockedError(VaultError):
    kind = "keyring_locked"
    message = "The keyring is locked, so the vault key can't be read."
    way_forward = "Unlock your keyring (usually by signing in) and try again, or use your recovery code."


class KeyMissingError(VaultError):
    kind = "key_missing"
    message = "The vault is here, but its key is no longer in the keyring."
    way_forward = "Your recovery code (or passphrase) will let you back in and put the key back."


class KeyringChangedError(VaultError):
    kind = "keyring_changed"
    message = "The keyring on this computer is not the one this vault was set up with."
    way_forward = "Your recovery code (or passphrase) will let you in and store the key in this keyring."


class WrongKeyError(VaultError):
    kind = "wrong_key"
    message = "The key found does not fit this vault."
    way_forward = "Your recovery code (or passphrase) will let you back in. Nothing has been changed."


class WrongSecretError(VaultError):
    kind = "wrong_secret"
    message = "That code or passphrase doesn't match."
    way_forward = "Check it for typing slips and try again. Capitals and dashes don't matter in a recovery code."


class DamagedVaultError(VaultError):
    kind = "damaged"
    message = "The vault file looks damaged and can't be read."
    way_forward = (
        "Nothing has been changed or deleted. You can restore the latest automatic snapshot or an "
        "export from the Backup menu, or keep the file aside and ask for help."
    )


class NewerVersionError(VaultError):
    kind = "newer_version"
    message = "This vault was saved by a newer version of the app."
    way_forward = "Please install the newer version to open it. The file has not been changed."


class NotWritableError(VaultError):
    kind = "not_writable"
    message = "The app can't write to its data folder."
    way_forward = "Check that the folder exists and belongs to you, or choose another with --data-dir."


class DiskFullError(VaultError):
    kind = "disk_full"
    message = "The disk is full, so your last change could not be saved."
    way_forward = "Free some space and try again. What was saved before is safe."


class AlreadyExistsError(VaultError):
    kind = "already_exists"
    message = "A vault already exists in this folder."
    way_forward = "It has been left exactly as it was. Open it, or choose another folder."


class VaultNotFoundError(VaultError):
    kind = "none"
    message = "There is no vault in this folder yet."


class AlreadyRunningError(VaultError):
    kind = "already_running"
    message = "amends-desktop is already open."
    way_forward = "Switch to the open window. Only one copy can use the vault at a time."


class NeedsPassphraseError(VaultError):
    kind = "needs_passphrase"
    message = "This vault is protected by a passphrase."
    way_forward = "Enter your passphrase to open it."
