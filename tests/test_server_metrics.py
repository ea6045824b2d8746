"""Shared metrics on a real server (#22): each agent's consent, the team's numbers, no text leaves a laptop."""
from __future__ import annotations

import json

import pytest

psycopg = pytest.importorskip("psycopg", reason="team mode needs the server extra (psycopg)")
from click.testing import CliRunner

from kbassist import Assistant
from kbassist.cli import cli
from kbassist.settings import Settings, save_settings
from tests.kbfixtures import write_folder
from tests.pgfixtures import pg_server, pg_url  # noqa: F401 - fixtures

UNIQUE = "zorblaxic"  # a word only the customer wrote


@pytest.fixture
def team(tmp_path, pg_url):
    kb = write_folder(tmp_path / "kb")
    with Assistant(kb, server=pg_url, embedder="hash-64") as indexer:
        indexer.update()
    return kb, pg_url


def agent(kb, url, monkeypatch, home, name, consent=True) -> Assistant:
    """An agent's app on their own laptop: their own private log (data folder)."""
    monkeypatch.setenv("KBASSIST_DATA_DIR", str(home / name))
    return Assistant(kb, server=url, settings=Settings(agent_name=name, share_metrics=consent))


def work(assistant: Assistant) -> None:
    """One answered message (copied, resolved) and one nothing answers (its text kept in the log)."""
    answered = assistant.suggest("E21 on the screen and it will not charge")
    best = answered.suggestions[0]
    assistant.insights.reply_copied(answered.event_id, best.article_id, best.title,
                                    suggested="x", sent="x")
    assistant.insights.outcome(answered.event_id, "resolved")
    unanswered = assistant.suggest(f"my {UNIQUE} frobnicator hums at night")
    assert unanswered.no_answer and assistant.history.no_answer_messages()  # kept here, masked and sealed


def rows(url: str, where: str = "true") -> int:
    with psycopg.connect(url) as connection:
        return connection.execute(f"SELECT count(*) FROM kb_events WHERE {where}").fetchone()[0]


def test_only_agents_who_agreed_share_and_the_lead_sees_the_team(team, monkeypatch, tmp_path):
    kb, url = team
    with agent(kb, url, monkeypatch, tmp_path, "ana") as ana:
        work(ana)
        assert ana.insights.share() == 4  # shown twice, copied, resolved
        assert ana.insights.share() == 0  # nothing new: nothing sent
    with agent(kb, url, monkeypatch, tmp_path, "ben", consent=False) as ben:
        work(ben)
        assert ben.insights.share() == 0
    assert rows(url) == 4 and rows(url, "agent = 'ben'") == 0
    assert rows(url, f"data::text ILIKE '%{UNIQUE}%'") == 0  # the kept message never leaves the laptop

    with agent(kb, url, monkeypatch, tmp_path, "ana") as ana:  # a later run sends the last days again
        ana.insights.outcome(1, "follow_up")  # a later word on the first suggestion replaces the earlier
        ana.insights.share()
        team_numbers = ana.insights.team()
    assert rows(url) == 4
    assert team_numbers.report.total.messages == 2 and team_numbers.report.total.copy_rate == 0.5
    assert team_numbers.report.total.resolved_rate == 0.0
    assert [(line.agent, line.total.messages) for line in team_numbers.agents] == [("ana", 2)]


def test_the_lead_reads_the_team_from_the_command_line(team, monkeypatch, tmp_path):
    kb, url = team
    for name in ("ana", "carl"):
        with agent(kb, url, monkeypatch, tmp_path, name) as someone:
            work(someone)
            someone.insights.share()
    shown = CliRunner().invoke(cli, ["insights", "--server", url, "--json"])
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.output)
    assert data["messages"] == 4 and data["copy_rate"] == 0.5
    assert sorted((a["agent"], a["messages"]) for a in data["agents"]) == [("ana", 2), ("carl", 2)]
    table = CliRunner().invoke(cli, ["insights", "--server", url])
    assert table.exit_code == 0 and "carl" in table.output and "copy rate" in table.output


def test_sharing_from_the_command_line_needs_consent(team, monkeypatch, tmp_path):
    kb, url = team
    with agent(kb, url, monkeypatch, tmp_path, "dora", consent=False) as dora:
        work(dora)
    refused = CliRunner().invoke(cli, ["insights", "--share", "--server", url])
    assert refused.exit_code == 2 and "sharing is off" in refused.output
    save_settings(Settings(agent_name="dora", share_metrics=True))
    sent = CliRunner().invoke(cli, ["insights", "--share", "--server", url])
    assert sent.exit_code == 0, sent.output
    assert "sent 4 events" in sent.output and url.split("@")[0].rsplit(":", 1)[1] not in sent.output
    assert rows(url, "agent = 'dora'") == 4


def test_a_laptop_without_a_server_shares_nothing(tmp_path):
    kb = write_folder(tmp_path / "kb")
    with Assistant(kb, tmp_path / "index", embedder="hash-64", settings=Settings(share_metrics=True)) as local:
        local.update()
        work(local)
        assert local.insights.share() == 0
        with pytest.raises(Exception, match="team server"):
            local.insights.team()
