"""The 28 ways of writing personal data that issue #18 probed `kbassist suggest` with, and what
"survives masking" means. Shared by tests/test_pii_forms.py and bench/privacy.py, so the test
and the reported figure check the same list."""
from __future__ import annotations

import re
import unicodedata

NBSP, ZWSP = "\u00a0", "\u200b"
VARIANTS = (
    # phones
    "13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678",
    "１３８１２３４５６７８",  # full-width, from a Chinese IME
    "订单号13812345678",  # introduced as an order number, still a phone
    "555.123.4567", "(555) 123-4567", "555-123-4567", "+1 415 555 2671",
    "020 7946 0958", "+44 20 7946 0958", "+49 30 12345678",
    # payment cards
    "4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "#4111111111111111",
    f"4111{NBSP}1111{NBSP}1111{NBSP}1111", f"4111{ZWSP}1111{ZWSP}1111{ZWSP}1111", "5500 0000 0000 0004",
    # resident ID numbers
    "11010519491231002X", "11010519491231002x",
    "110105194912310021",  # wrong check digit: a typo is still someone's ID
    # e-mail addresses
    "li.ming@example.com", "zhang.wei+support@mail.example.co.uk", "张伟@例子.公司",
    # IBANs
    "GB82 WEST 1234 5698 7654 32", "DE89370400440532013000",
)
CONTEXTS = ("您好，我的联系方式是{}，请尽快处理", "hi, you can reach me at {} thanks")


def _plain(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch) != "Cf")


def survives(value: str, masked: str) -> bool:
    """Whether `value` can still be read in `masked`: an address's local part, an IBAN's
    characters, or a number's digits (with any spacing) still there."""
    value, masked = _plain(value), _plain(masked)
    if "@" in value:
        return value.partition("@")[0] in masked
    compact = re.sub(r"[^0-9A-Za-z]", "", value).upper()
    if re.match(r"[A-Z]{2}\d\d", compact):
        return compact in re.sub(r"[^0-9A-Za-z]", "", masked).upper()
    return re.sub(r"\D", "", compact) in re.sub(r"\D", "", masked)
