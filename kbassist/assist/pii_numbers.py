"""Numbers that identify a person: phones, payment cards, ID-card numbers, IBANs.

Each finder runs on the normalised view (`pii_view`) and yields
`(kind, start, end, strong)` in view offsets. `strong` says the number is
personal data whatever words come before it: a card that passes Luhn, an ID
number of the right shape, an IBAN that passes mod 97, a mobile or
internationally written phone. A weak candidate (a fixed-line number
written without a country code) gives way to an order id that claims the
same digits, because order numbers of that length are common in support
chat and a fixed line rarely follows the words "order number".

Phones go through `phonenumbers` (Google's libphonenumber data) rather than
hand-written patterns: numbers valid for any of `REGIONS`, plus numbers that
are only possible but written the way people write local numbers
(`555.123.4567`, `020 7946 0958`, `138 1234 5678`). Cards and ID numbers are
found among runs of digit groups, so no word, `#` or order id in front of
them hides them. ID numbers are matched by shape (province, birth date),
not checksum: a mistyped check digit is still someone's ID.
"""
from __future__ import annotations

import re
from typing import Iterator

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType

REGIONS = ("CN", "US", "GB", "DE")
_LOCAL_FORM = re.compile(
    r"\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}"  # North America: (555) 123-4567, 555.123.4567
    r"|\(?0\d{1,4}\)?[ .-]?\d{3,4}[ .-]?\d{3,4}"  # a trunk 0: 020 7946 0958, 010-12345678
    r"|1[3-9]\d[ .-]?\d{4}[ .-]?\d{4}"  # a Chinese mobile: 138 1234 5678
)
# A date then an hour ("2026-05-12 10点") parses as a valid number in some regions; it is not one.
_DATE_FIRST = re.compile(r"(?:19|20)\d\d(?:[-./](?:0?[1-9]|1[0-2])[-./]|0[1-9]|1[0-2])(?:0?[1-9]|[12]\d|3[01])\s")
_STRONG_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.PAGER, PhoneNumberType.PERSONAL_NUMBER})
# Shaped like a Chinese mobile: masked even glued to letters (`tel13812345678`) or in an unallocated range.
_CN_MOBILE_SHAPE = re.compile(r"1[3-9]\d{9}")
_RUN = re.compile(r"\d+(?:[ .-]\d+)*")
_PROVINCES = frozenset("11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65"
                       " 71 81 82 83 91".split())
_ID_SHAPE = re.compile(r"\d{6}(?:18|19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]")
_IBAN_START = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?=[ A-Za-z0-9])")

Candidate = tuple[str, int, int, bool]


def luhn_valid(number: str) -> bool:
    """Luhn checksum, which every payment card number satisfies (separators ignored)."""
    nums = [int(ch) for ch in number if ch in "0123456789"]
    total = 0
    for i, n in enumerate(reversed(nums)):
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return bool(nums) and total % 10 == 0


def id_card_valid(number: str) -> bool:
    """GB 11643 checksum of an 18-character resident ID number."""
    if not re.fullmatch(r"\d{17}[\dXx]", number):
        return False
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(number[:17], weights))
    return "10X98765432"[total % 11] == number[17].upper()


def id_card_shaped(number: str) -> bool:
    """An 18-character resident ID by its checksum, or by its parts (a province code, a real-looking
    birth date) when the check digit is wrong."""
    number = number.upper()
    return id_card_valid(number) or (number[:2] in _PROVINCES and _ID_SHAPE.fullmatch(number) is not None)


def iban_valid(compact: str) -> bool:
    """ISO 13616: letters as numbers, the first four characters moved to the end, mod 97 == 1."""
    if not 15 <= len(compact) <= 34 or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def phones(text: str) -> Iterator[Candidate]:
    """Phone numbers in `text` (a normalised view), through libphonenumber."""
    if sum(ch.isdigit() for ch in text) < 7:
        return
    for region in REGIONS:
        for match in PhoneNumberMatcher(text, region, Leniency.VALID, min_candidate_length=7):
            if not _DATE_FIRST.match(match.raw_string):
                yield "phone", match.start, match.end, _strong(match)
    if not _LOCAL_FORM.search(text):
        return
    for region in ("US", "GB"):
        for match in PhoneNumberMatcher(text, region, Leniency.POSSIBLE, min_candidate_length=10):
            if _LOCAL_FORM.fullmatch(match.raw_string):
                yield "phone", match.start, match.end, _strong(match)


def _strong(match) -> bool:
    written_international = match.raw_string.startswith(("+", "00"))
    return written_international or phonenumbers.number_type(match.number) in _STRONG_TYPES


def digit_runs(text: str) -> Iterator[Candidate]:
    """Cards (Luhn), ID numbers (shape) and Chinese mobiles among runs of digit groups.

    A candidate is one or more whole groups of a run (`4111 1111 1111 1111`,
    `110105-19491231-002X`); groups joined by separators must have at least
    three digits each, so a list of small numbers never adds up to a card.
    """
    for run in _RUN.finditer(text):
        groups = [(m.start() + run.start(), m.end() + run.start()) for m in re.finditer(r"\d+", run.group())]
        taken_until = -1
        for i, (start, _) in enumerate(groups):
            if start < taken_until:
                continue
            found = _longest_at(text, groups[i:])
            if found:
                yield found
                taken_until = found[2]


def _longest_at(text: str, groups: list[tuple[int, int]]) -> Candidate | None:
    start = groups[0][0]
    best: Candidate | None = None
    number = ""
    for j, (g_start, g_end) in enumerate(groups):
        if j and (g_end - g_start < 3 or groups[0][1] - start < 3):
            break
        number += text[g_start:g_end]
        if len(number) > 19:
            break
        end = g_end
        if len(number) == 17 and text[end:end + 1] in ("X", "x") and id_card_shaped(number + "X"):
            best = ("id_card", start, end + 1, True)
        elif len(number) == 18 and id_card_shaped(number):
            best = ("id_card", start, end, True)
        elif 13 <= len(number) <= 19 and number[0] != "0" and luhn_valid(number):
            best = ("bank_card", start, end, True)
        elif len(number) == 11 and _CN_MOBILE_SHAPE.fullmatch(number):
            best = ("phone", start, end, _chinese_mobile(number))
    return best


def _chinese_mobile(number: str) -> bool:
    """A number in a range that is allocated to mobiles (not just shaped like one)."""
    return phonenumbers.number_type(phonenumbers.parse(number, "CN")) in _STRONG_TYPES


def ibans(text: str) -> Iterator[Candidate]:
    """IBANs, compact or in groups of four, any letter case, checked by mod 97."""
    for start_match in _IBAN_START.finditer(text):
        start = start_match.start()
        ends = []  # (view end, compact text so far) after each character
        compact = ""
        pos = start
        while pos < len(text) and len(compact) < 34:
            ch = text[pos]
            if ch.isascii() and ch.isalnum():
                compact += ch.upper()
                ends.append((pos + 1, compact))
            elif not (ch == " " and pos + 1 < len(text) and text[pos + 1].isascii() and text[pos + 1].isalnum()):
                break
            pos += 1
        for end, prefix in reversed(ends):
            nxt = text[end:end + 1]
            if not (nxt.isascii() and nxt.isalnum()) and iban_valid(prefix):
                yield "iban", start, end, True
                break
