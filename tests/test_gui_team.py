"""An agent's app on a team server (#22), in the real window: it reads the team's index, never writes it,
shares the agent's numbers when they agreed, and shows the team's numbers in Insights."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")
psycopg = pytest.importorskip("psycopg", reason="team mode needs the server extra (psycopg)")

from conftest_gui import ask, private_dirs  # noqa: E402,F401 - fixtures

from kbassist.assistant import Assistant  # noqa: E402
from kbassist.settings import Settings, save_settings  # noqa: E402
from tests.kbfixtures import write_folder  # noqa: E402
from tests.pgfixtures import pg_server, pg_url  # noqa: E402,F401 - fixtures


def files_on(url: str) -> int:
    with psycopg.connect(url) as connection:
        return connection.execute("SELECT count(*) FROM kb_files").fetchone()[0]


def test_an_agents_app_reads_the_team_index_shares_and_shows_the_team(qtbot, pg_url, tmp_path):
    from ui.app import build_window

    folder = write_folder(tmp_path / "kb")
    with Assistant(folder, server=pg_url, embedder="hash-64") as indexer:
        indexer.update()
    indexed = files_on(pg_url)
    (folder / "notes" / "draft.md").write_text("# A draft the indexer has not read yet\n\nText.\n", encoding="utf-8")
    save_settings(Settings(server=pg_url, share_metrics=True, agent_name="ana"))

    window = build_window(str(folder), None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.agent.assistant is not None, timeout=15000)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=30000)
    result = ask(qtbot, window, "E21 on the screen and it will not charge")
    assert result.suggestions[0].article_id == "devices/charging-error"
    assert files_on(pg_url) == indexed and window.session._watcher is None  # the app only reads

    with qtbot.waitSignal(window.team_sharing.did_share, timeout=10000) as shared:
        window.team_sharing.share_now()
    assert shared.args == [1]
    tab = window.insights
    window.tabs.setCurrentWidget(tab)
    assert tab.scope.isVisible() and tab.views.isTabVisible(tab.views.indexOf(tab.gaps.tree))
    with qtbot.waitSignal(tab.report_did_arrive, timeout=10000):
        tab.scope.setCurrentIndex(1)
    assert tab.agents.tree.topLevelItem(0).text(0) == "ana" and tab.agents.tree.topLevelItem(0).text(1) == "1"
    assert tab.views.isTabVisible(tab.views.indexOf(tab.agents.tree))
    assert not tab.views.isTabVisible(tab.views.indexOf(tab.gaps.tree))  # no text is shared: no team gaps
    window.close()
