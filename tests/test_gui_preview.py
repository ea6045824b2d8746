"""The article preview: links open the linked article, code wraps, the title stays in view."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from conftest_gui import ask, kb, open_window, private_dirs  # noqa: E402,F401 - fixtures

from ui.qt import Qt  # noqa: E402


def show(window, article_id: str, heading: str = ""):
    agent = window.agent
    agent._show_article(agent.assistant.article(article_id), heading)


def test_clicking_a_wiki_link_in_the_preview_opens_the_linked_article(qtbot, open_window):
    window = open_window(semantic=False)
    show(window, "delivery/delivery-times")
    preview = window.agent.preview
    assert "[[" not in preview.toPlainText()
    cursor = preview.document().find("orders/track-order")
    assert not cursor.isNull() and cursor.charFormat().isAnchor()
    preview.setTextCursor(cursor)
    preview.ensureCursorVisible()
    where = preview.cursorRect(cursor).center()
    where.setX(where.x() - 5)
    qtbot.mouseClick(preview.viewport(), Qt.LeftButton, pos=where)
    qtbot.waitUntil(lambda: preview.article_id == "orders/track-order", timeout=3000)
    assert window.agent.article_title.text() == window.agent.assistant.article("orders/track-order").title


def test_reply_blocks_wrap_and_the_title_stays_above_a_scrolled_section(qtbot, open_window):
    window = open_window(semantic=False)
    window.agent.splitter.setSizes([300, 260, 300])
    result = ask(qtbot, window, "How long does delivery take to Xinjiang?")
    top = result.suggestions[0]
    preview = window.agent.preview
    qtbot.waitUntil(lambda: preview.article_id == top.article_id, timeout=3000)
    assert preview.horizontalScrollBar().maximum() == 0
    assert window.agent.article_title.text() == top.title and window.agent.article_title.isVisible()
