"""Spelling correction of query words: real wordfreq dictionary, real index on the search side."""
from __future__ import annotations

import pytest

from kbassist import Assistant
from kbassist.spelling import Speller
from tests.kbfixtures import write_folder

FOLDER_WORDS = {"lock", "order", "northwind", "login", "nw-l3"}


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


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, use_embedder):
    base = tmp_path_factory.mktemp("spelling")
    a = Assistant(write_folder(base / "kb"), base / "index", embedder=use_embedder)
    a.update()
    yield a
    a.close()


def test_a_misspelt_question_finds_its_answer_by_meaning_and_says_what_was_searched(assistant):
    result = assistant.search("how lnog does a refnd to my credt card tkae", mode="semantic")
    assert result.hits[0].id == "refunds/refund-time"
    assert not result.no_answer
    assert result.query == "how lnog does a refnd to my credt card tkae"
    assert result.corrected == "how long does a refund to my credit card take"


def test_a_correctly_spelt_query_reports_no_correction(assistant):
    assert assistant.search("how long does a refund take").corrected == ""
