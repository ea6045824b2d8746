"""The Insights tab's Team view on a real team server (docs/screenshots/team-insights-LANG.png).

    ui/tools/team_screenshot.sh        # starts a server, seeds three agents' shared logs, then runs this

Run by the script with KBASSIST_CONFIG_DIR holding settings that name the
server (`server`, `share_metrics`); opens the bundled knowledge/ on it and
shoots the team's numbers once they are drawn.
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from insights_screenshots import open_app, shoot, wait  # noqa: E402


def main(language: str) -> None:
    window = open_app(language, None)
    tab = window.insights
    window.tabs.setCurrentWidget(tab)
    tab.scope.setCurrentIndex(1)
    wait(until=lambda: tab.report is not None and len(tab.chart_titles()) == 6)
    shoot(f"team-insights-{'zh' if language.startswith('zh') else 'en'}")
    tab.views.setCurrentIndex(tab.views.indexOf(tab.agents.tree))
    shoot(f"team-agents-{'zh' if language.startswith('zh') else 'en'}")
    window.close()
    window.ops.wait_for_done(10000)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
