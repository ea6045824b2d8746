"""Spelling correction of query words with the real wordfreq dictionary (searches: test_search.py)."""
from __future__ import annotations

from kbassist.search.spelling import Speller

FOLDER_WORDS = {"lock", "order", "northwind", "login"}


def speller() -> Speller:
    return Speller(FOLDER_WORDS.__contains__)


def test_misspelt_words_become_the_common_word_one_edit_away():
    assert speller().correct("can i cancle my ordr") == "can i cancel my order"
    assert speller().correct("verfication code not comming") == "verification code not coming"


def test_a_word_the_folder_has_is_preferred_among_equally_close_ones():
    assert speller().correct("cant loggin") == "cant login"  # not "logging"


def test_words_the_folder_has_names_and_correct_words_are_left_alone():
    text = "Northwind lock NW-L3 shipped to chengdu and hangzhou yesterday, thanks"
    assert speller().correct(text) == text


def test_chinese_and_numbers_pass_through():
    assert speller().correct("退款 E21 3.0 refnd") == "退款 E21 3.0 refund"
