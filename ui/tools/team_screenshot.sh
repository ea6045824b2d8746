#!/usr/bin/env bash
# Screenshots of the team's Insights (docs/screenshots/team-*.png): a local team server, three agents who
# shared their (generated) logs, and the app opened on it. Needs the server extra, xvfb-run and imagemagick.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
demo=$(mktemp -d)
chmod 755 "$demo"
$PY -m kbassist.cli server-dev "$demo/pg" > "$demo/url" 2>"$demo/server.log" &
server=$!
trap 'kill $server; wait $server 2>/dev/null; rm -rf "$demo"' EXIT
until [ -s "$demo/url" ]; do sleep 0.5; done
url=$(head -1 "$demo/url")
$PY -m kbassist.cli index knowledge --server "$url" >/dev/null
events=(420 260 180)
for i in 0 1 2; do
  agent=(Ana Ben Chen); agent=${agent[$i]}
  mkdir -p "$demo/$agent/config"
  printf '{"agent_name": "%s", "server": "%s", "share_metrics": true}' "$agent" "$url" > "$demo/$agent/config/settings.json"
  KBASSIST_DATA_DIR="$demo/$agent" KBASSIST_CONFIG_DIR="$demo/$agent/config" \
    $PY -m bench.insights_log "$demo/$agent" --events "${events[$i]}" --days 28 >/dev/null
  KBASSIST_DATA_DIR="$demo/$agent" KBASSIST_CONFIG_DIR="$demo/$agent/config" \
    $PY -m kbassist.cli insights --share
done
for lang in en zh_CN; do
  mkdir -p "$demo/lead/config"
  printf '{"agent_name": "Lead", "server": "%s", "ui_language": "%s"}' "$url" "$lang" > "$demo/lead/config/settings.json"
  KBASSIST_DATA_DIR="$demo/lead" KBASSIST_CONFIG_DIR="$demo/lead/config" \
    xvfb-run -a -s "-screen 0 1400x900x24" $PY ui/tools/team_screenshot.py "$lang"
done
