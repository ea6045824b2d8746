"""Problems, review reasons and warnings are codes with parameters, worded per language at the edge."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner
from test_review_rules import kb_article

from kbassist.assist.presend import check_reply
from kbassist.cli import cli
from kbassist.errors import Problem
from kbassist.knowledge.articles import parse_article
from kbassist.review.freshness import freshness
from kbassist.wording import describe, language

OLD = dt.date(2026, 4, 20)


def test_a_review_reason_carries_its_facts_and_reads_in_english_and_chinese():
    article, _ = parse_article(f"---\nreviewed: {OLD}\nreview_every: 180d\n---\n# Refunds\n", "refunds.md")
    (reason,) = freshness(article, (), dt.date(2026, 12, 1))
    assert reason.code == "review_overdue"
    assert reason.params.as_dict() == {"reviewed": "2026-04-20", "every": 180, "due": "2026-10-17"}
    assert reason.detail == reason.text("en") == "reviewed 2026-04-20, every 180 days: due 2026-10-17"
    assert reason.text("zh_CN") == "上次复审 2026-04-20，每 180 天复审一次：2026-10-17 到期"


def test_a_problem_with_a_bad_date_is_a_code_with_the_field_and_value():
    _, (problem,) = parse_article("---\nreviewed: 2026-13-45\n---\n# T\n", "t.md")
    assert (problem.code, problem.params.as_dict()) == ("field_not_date", {"key": "reviewed", "value": "2026-13-45"})
    assert problem.message == "reviewed: '2026-13-45' is not a date (YYYY-MM-DD, years 1900 to 9000); ignored"
    assert "不是日期" in problem.text("zh")


def test_an_unknown_code_or_a_missing_parameter_falls_back_to_the_engine_text():
    assert Problem("f.md", 0, "from elsewhere").text("zh") == "from elsewhere"
    assert describe("review_overdue", (), "zh", fallback="kept") == "kept"
    assert describe("no_such_code", (("n", 1),)) == "no_such_code (n=1)"
    assert language("zh-Hans") == "zh" and language("de_DE") == "en"


def test_article_warnings_keep_the_review_reason_facts_for_the_app_to_word():
    article, _ = parse_article(f"---\nreviewed: {OLD}\nreview_every: 180d\n---\n# Refunds\n", "refunds.md")
    reasons = freshness(article, (), dt.date(2026, 12, 1))
    (warning,) = check_reply("", freshness=[(r.code, r.detail, r.params) for r in reasons])
    assert warning.code == "article_overdue"
    assert "2026-10-17 到期" in warning.text("zh")
    (contact,) = check_reply("call 13812345678", customer_message="hi")
    assert contact.text("zh").startswith("电话号码 ***5678")


def test_the_cli_words_reasons_in_english_by_default_and_chinese_with_lang(tmp_path):
    folder = tmp_path / "kb"
    kb_article(folder, "old.md", title="Old", owner="ana", lang="en", reviewed=dt.date(2025, 1, 1))
    base = ["review", str(folder), "--as-of", "2026-03-02", "--embedder", "none", "--state-dir", str(tmp_path / "s")]
    english = CliRunner().invoke(cli, base)
    chinese = CliRunner().invoke(cli, [*base, "--lang", "zh"])
    assert english.exit_code == chinese.exit_code == 0, english.output + chinese.output
    assert "reviewed 2025-01-01, every 90 days" in english.output
    assert "上次复审 2025-01-01，每 90 天复审一次" in chinese.output
    data = json.loads(CliRunner().invoke(cli, [*base, "--json"]).output)
    assert data["articles"][0]["reasons"][0]["params"] == {"reviewed": "2025-01-01", "every": 90, "due": "2025-04-01"}


def test_problems_keep_their_codes_in_the_index_and_the_cli_words_them(tmp_path):
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "bad.md").write_text("---\nstatus: maybe\n---\n# Bad\n", encoding="utf-8")
    args = ["index", str(folder), "--index-dir", str(tmp_path / "ix"), "--embedder", "hash"]
    result = CliRunner().invoke(cli, [*args, "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert "未知状态“maybe”，按已发布处理" in result.output
    data = json.loads(CliRunner().invoke(cli, [*args, "--json"]).output)
    assert data["problems"][0]["code"] == "unknown_status"
    assert data["problems"][0]["params"] == {"status": "maybe"}


def test_fit_warnings_are_worded_in_chinese_too():
    from kbassist.assist.presend import check_fit

    warnings = {w.code: w for w in check_fit("我的订单还没发货", "zh", "Your order was delivered.", "en", [""],
                                             confident=False)}
    assert warnings["fit_language"].detail == "the customer wrote in Chinese; this reply is in English"
    assert warnings["fit_language"].text("zh") == "客户用中文写的消息；这条回复是英文"
    assert warnings["fit_order_state"].text("zh") == "回复把订单当作已签收；客户说订单未发货"
    assert warnings["fit_weak_match"].text("zh").startswith("知识库中没有")


def test_a_parameter_may_share_a_name_with_the_record_fields():
    problem = Problem.of("data.key", 0, "data_key_in_file", warning="no keyring", file="data.key")
    assert problem.message == "no keyring" and "data.key" in problem.text("zh")


def test_no_code_is_written_twice_in_a_catalog():
    """A dict literal keeps the last of two equal keys silently: one code would lose its words."""
    import ast

    import kbassist.wording.en as en_module
    import kbassist.wording.zh as zh_module

    for module in (en_module, zh_module):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        keys = [k.value for node in ast.walk(tree) if isinstance(node, ast.Dict)
                for k in node.keys if isinstance(k, ast.Constant)]
        assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
