"""Where the data key lives: the OS keyring when one works, else a private key file; never a hang."""
from __future__ import annotations

import stat
import threading

import keyring
import pytest
from conftest import MemoryKeyring
from keyring.backends import fail, null

from kbassist.privacy.crypto import CannotDecrypt, Cipher
from kbassist.privacy.files import private_dir, private_file
from kbassist.privacy.keys import ACCOUNT, KEY_FILE, SERVICE, load_key


class HangingKeyring(MemoryKeyring):
    """A Secret Service waiting on an unlock prompt nobody sees."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service, username):
        self.release.wait(30)
        return None


class BrokenKeyring(MemoryKeyring):
    def get_password(self, service, username):
        raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")


def test_the_key_is_created_in_the_keyring_on_first_use_and_kept_there(tmp_path, memory_keyring):
    first = load_key(tmp_path)
    assert first.where == "keyring" and not first.warning
    assert memory_keyring.get_password(SERVICE, ACCOUNT)
    assert load_key(tmp_path).key == first.key
    assert not (tmp_path / KEY_FILE).exists()


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), BrokenKeyring()], ids=["fail", "null", "raises"])
def test_without_a_working_keyring_the_key_goes_to_a_private_file_with_a_warning(tmp_path, backend):
    keyring.set_keyring(backend)
    config = tmp_path / "config"
    first = load_key(config)
    assert first.where == str(config / KEY_FILE)
    assert "no working OS keyring" in first.warning and "\n" not in first.warning
    assert stat.S_IMODE((config / KEY_FILE).stat().st_mode) == 0o600
    assert stat.S_IMODE(config.stat().st_mode) == 0o700
    again = load_key(config)
    assert again.key == first.key and not again.warning


def test_a_keyring_that_does_not_answer_is_given_up_on_and_its_late_answer_stores_nothing(tmp_path):
    backend = HangingKeyring()
    keyring.set_keyring(backend)
    try:
        found = load_key(tmp_path, timeout_s=0.2)
    finally:
        backend.release.set()
    assert "did not answer within 0.2 s" in found.warning
    assert (tmp_path / KEY_FILE).exists()
    for late in [t for t in threading.enumerate() if t.name == "keyring"]:
        late.join(5)
    assert backend.secrets == {}


def test_an_existing_key_file_wins_over_a_keyring_that_appears_later(tmp_path, memory_keyring):
    keyring.set_keyring(fail.Keyring())
    from_file = load_key(tmp_path)
    keyring.set_keyring(memory_keyring)
    assert load_key(tmp_path).key == from_file.key
    assert memory_keyring.secrets == {}


def test_an_unreadable_key_file_is_replaced(tmp_path):
    keyring.set_keyring(fail.Keyring())
    (tmp_path / KEY_FILE).write_text("not a key")
    key = load_key(tmp_path)
    assert len(key.key) == 32 and (tmp_path / KEY_FILE).read_text().strip() != "not a key"


def test_a_sealed_record_opens_only_with_its_key_and_in_its_context():
    cipher = Cipher(bytes(32))
    record = cipher.seal("客户的问题", b"events.message")
    assert "客户的问题".encode() not in record
    assert cipher.open(record, b"events.message") == "客户的问题"
    assert cipher.seal("x", b"c") != cipher.seal("x", b"c")  # a fresh nonce each time
    with pytest.raises(CannotDecrypt):
        cipher.open(record, b"copies.title")
    with pytest.raises(CannotDecrypt):
        Cipher(bytes(31) + b"\x01").open(record, b"events.message")
    assert Cipher(bytes(32)).key_id == cipher.key_id != Cipher(bytes(31) + b"\x01").key_id


def test_private_dir_creates_0700_folders_and_tightens_the_chain_below_top(tmp_path):
    top = tmp_path / "data"
    top.mkdir(mode=0o755)
    top.chmod(0o755)
    above = tmp_path.stat().st_mode
    made = private_dir(top / "review" / "abc", top=top)
    for folder in (top, top / "review", made):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert tmp_path.stat().st_mode == above  # not ours: left alone
    loose = made / "f"
    loose.write_text("x")
    loose.chmod(0o644)
    assert stat.S_IMODE(private_file(loose).stat().st_mode) == 0o600 and loose.read_text() == "x"
