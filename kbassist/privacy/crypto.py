"""Authenticated encryption of each stored text (AES-256-GCM), so a copied file reveals nothing.

Each record is sealed on its own with a fresh 96-bit nonce: rows can be
deleted and vacuumed one by one, and a flipped bit or a record moved to
another column (`context` is bound as associated data) fails to open
instead of decrypting to garbage. A record is `version byte + nonce +
ciphertext and tag`. The key's id (an HMAC of a fixed label, so it says
nothing about the key) is stored beside the data to tell "this file was
written with another key" from corruption.
"""
from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..errors import KbError

KEY_BYTES = 32
_VERSION = b"\x01"
_NONCE_BYTES = 12


class CannotDecrypt(KbError):
    """A record that this key did not seal, or that was changed since."""


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


def key_id(key: bytes) -> str:
    return hmac.new(key, b"kbassist data key id", hashlib.sha256).hexdigest()[:16]


class Cipher:
    """Seals and opens text records with one key."""

    def __init__(self, key: bytes):
        self._aead = AESGCM(key)
        self.key_id = key_id(key)

    def seal(self, text: str, context: bytes) -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        return _VERSION + nonce + self._aead.encrypt(nonce, text.encode("utf-8"), context)

    def open(self, record: bytes, context: bytes) -> str:
        if not record or record[:1] != _VERSION:
            raise CannotDecrypt("not a sealed record")
        nonce, sealed = record[1:1 + _NONCE_BYTES], record[1 + _NONCE_BYTES:]
        try:
            return self._aead.decrypt(nonce, sealed, context).decode("utf-8")
        except InvalidTag as exc:
            raise CannotDecrypt("the record does not open with this key") from exc
