"""Chinese synonyms and colloquial forms: a customer's words meet the folder's."""
from __future__ import annotations

from kbassist.index import synonyms
from kbassist.index.analysis import mixed_analyzer, query_terms, warm_up


def test_colloquial_forms_become_standard_words_in_chinese_text_only():
    table = synonyms.load()
    assert table.normalise("xyk咋销户") == "信用卡怎么销户"
    assert table.normalise("my refund is late") == "my refund is late"  # English keeps its English
    assert "wlan" in table.normalise("wlan连不上")  # a Latin key only as a whole word


def test_a_synonym_in_the_question_matches_its_group_word_in_the_article():
    warm_up()
    analyzer = mixed_analyzer()
    indexed = {t.text for t in analyzer("借记卡怎么办理")}
    asked = query_terms(analyzer, "储蓄卡怎么办理")
    assert "借记卡" in indexed and "借记卡" in asked and "储蓄卡" not in asked
    assert {t.text for t in analyzer("储蓄卡怎么办理")} >= {"储蓄卡", "借记卡"}  # the article keeps its own word too


def test_a_chinese_question_in_other_words_finds_the_article(tmp_path, use_embedder):
    from kbassist import Assistant

    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "close.md").write_text("# 借记卡怎么注销\n\n带身份证到任意网点办理注销。\n", encoding="utf-8")
    (folder / "open.md").write_text("# 借记卡怎么办理\n\n带身份证到网点开户。\n", encoding="utf-8")
    with Assistant(folder, tmp_path / "index", embedder=use_embedder) as assistant:
        assistant.update()
        assert assistant.search("储蓄卡咋销户", mode="keyword").hits[0].id == "close"
