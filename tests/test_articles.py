"""Parsing articles: front matter, sections, replies, links, and bad input that must not stop the folder."""
from __future__ import annotations

import datetime as dt
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from kbassist.knowledge.articles import parse_article
from kbassist.knowledge.chunks import chunk_article
from kbassist.knowledge.folder import scan_folder
from kbassist.knowledge.reading import decode_bytes, read_raw
from tests.kbfixtures import ARTICLES


def test_front_matter_fields_are_typed():
    article, problems = parse_article(ARTICLES["refunds/refund-time.md"], "refunds/refund-time.md")
    assert problems == []
    assert article.id == "refunds/refund-time"
    assert article.reviewed == dt.date(2026, 10, 1)
    assert article.review_every_days == 90
    assert article.tags == ("refunds", "payments")
    assert article.questions[0] == "where is my refund"


def test_plain_note_gets_defaults_from_path_and_heading():
    article, problems = parse_article("# Shipping to islands\n\nTwo extra days.\n", "notes/islands.md")
    assert problems == []
    assert (article.id, article.title, article.lang, article.status) == (
        "notes/islands", "Shipping to islands", "en", "published")


def test_sections_record_heading_path_and_line():
    article, _ = parse_article(ARTICLES["devices/charging-error.md"], "devices/charging-error.md")
    sections = {s.heading: s for s in article.sections}
    assert sections["What E21 means"].line == 13
    assert sections["What E21 means"].path == ("Reader shows error E21", "What E21 means")


def test_reply_blocks_list_placeholders_with_defaults_in_order():
    article, _ = parse_article(ARTICLES["refunds/refund-time.md"], "refunds/refund-time.md")
    (reply,) = article.replies
    assert reply.title == "Refund on its way"
    assert [(p.name, p.default) for p in reply.placeholders] == [
        ("customer_name", "there"), ("order_id", None), ("days", "3-10")]
    assert "{{" not in article.sections[-1].text  # replies are not part of the section prose


def test_wiki_and_relative_markdown_links_resolve_to_ids():
    text = "# A\n\nSee [[billing/refunds|refunds]] and [terms](../legal/terms.md#top).\n"
    article, _ = parse_article(text, "help/a.md")
    assert [link.target for link in article.links] == ["billing/refunds", "legal/terms"]
    assert article.links[0].line == 3


def test_chinese_text_is_detected_as_chinese():
    article, _ = parse_article("# 忘记密码\n\n在登录页点忘记密码，输入手机号。\n", "a.md")
    assert article.lang == "zh"


def test_invalid_yaml_keeps_the_article_and_names_the_line():
    text = "---\ntitle: Broken\ntags: [a, b\nowner: x\n---\n# Broken article\n\nBody text here.\n"
    article, problems = parse_article(text, "bad.md")
    assert article.title == "Broken article"
    assert "Body text here." in article.sections[0].text
    assert problems and problems[0].file == "bad.md" and problems[0].line >= 3
    assert "front matter" in problems[0].message


def test_invalid_date_warns_and_is_ignored():
    article, problems = parse_article("---\nreviewed: 2026-13-45\n---\n# T\n", "d.md")
    assert article.reviewed is None
    assert problems[0].line == 2 and "reviewed" in problems[0].message


def test_gb18030_is_decoded_with_a_warning():
    text, problems = decode_bytes("# 退款多久到账\n".encode("gb18030"), "gbk.md")
    assert text == "# 退款多久到账\n"
    assert "GB18030" in problems[0].message


def test_binary_and_oversized_files_are_skipped_with_a_reason(tmp_path):
    text, problems = decode_bytes(b"\x89PNG\x00\x00binary", "image.md")
    assert text is None and "binary" in problems[0].message
    (tmp_path / "huge.md").write_text("x" * 100)
    raw, _, problem = read_raw(tmp_path, "huge.md", max_bytes=10)
    assert raw is None and "limit" in problem.message


def test_scan_ignores_hidden_folders_and_editor_temp_files_and_survives_symlink_loops(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text("# hidden")
    (tmp_path / ".obsidian").mkdir()
    (tmp_path / "a.md").write_text("# a")
    (tmp_path / ".a.md.swp").write_text("swap")
    (tmp_path / "a.md~").write_text("backup")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# b")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    files, problems = scan_folder(tmp_path)
    assert files == ["a.md", "sub/b.md"]
    assert any("symlink loop" in p.message for p in problems)


def test_chunks_start_with_title_and_heading_and_have_stable_keys():
    article, _ = parse_article(ARTICLES["devices/charging-error.md"], "devices/charging-error.md")
    chunks = chunk_article(article)
    assert chunks[0].kind == "head" and "my reader will not charge" in chunks[0].text
    section = next(c for c in chunks if c.heading == "Still failing")
    assert section.text.startswith("Reader shows error E21 and will not charge › Still failing")
    again = chunk_article(parse_article(ARTICLES["devices/charging-error.md"], "devices/charging-error.md")[0])
    assert [c.key for c in chunks] == [c.key for c in again]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_parser_never_raises_on_any_text(text):
    article, problems = parse_article(text, "fuzz.md")
    assert article.id == "fuzz"
    chunk_article(article)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["# H1", "## H2", "### H3", "text line", "", "```", "```reply", "- item"]),
                max_size=30))
def test_every_body_line_belongs_to_one_section_at_most(lines):
    article, _ = parse_article("\n".join(lines), "s.md")
    spans = [(s.line, s.end_line) for s in article.sections]
    for (a_start, a_end), (b_start, _) in zip(spans, spans[1:]):
        assert a_start <= a_end < b_start
