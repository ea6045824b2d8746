"""Markdown as a person reads it where it cannot be rendered: snippets without table rules or link brackets."""
from __future__ import annotations

from kbassist.knowledge.articles import parse_article
from kbassist.review.links import LinkTargets
from kbassist.search.hybrid import snippet
from kbassist.textutil import readable_markdown

TABLE = """| Plan | Price |
|---|:---:|
| Basic | ¥99 |
| Pro | ¥199 |

Compare with [[plans/enterprise|the enterprise plan]] and [[billing/refunds]]."""


def test_a_snippet_shows_table_cells_and_link_labels_not_markup():
    text = snippet("Prices\n" + TABLE, {"pro"})
    assert "---" not in text and "|" not in text and "[[" not in text
    assert "Pro · ¥199" in readable_markdown(TABLE).replace("**", "")
    assert "the enterprise plan" in text and "billing/refunds" in text


def test_a_link_target_is_found_by_id_path_file_name_or_relative_md_link():
    articles = [parse_article("# Track\n", "orders/track-order.md")[0],
                parse_article("---\nid: refunds\n---\n# Refunds\n", "returns/refund-time.md")[0]]
    targets = LinkTargets(articles)
    assert targets.find("orders/track-order") == "orders/track-order"
    assert targets.find("track-order") == "orders/track-order"
    assert targets.find("returns/refund-time") == "refunds"
    assert targets.find("../orders/track-order.md", "delivery/delivery-times.md") == "orders/track-order"
    assert targets.find("nowhere") is None
