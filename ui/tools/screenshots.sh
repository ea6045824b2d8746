#!/usr/bin/env bash
# Reproduce docs/screenshots/*.png: the real app under Xvfb, one run per shot.
# Usage: ui/tools/screenshots.sh   (needs xvfb-run, imagemagick's import, xdotool, fonts-noto-cjk)
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
OUT=docs/screenshots
mkdir -p "$OUT"

shot() {  # name, seconds to wait, ui language, demo query, index dir ("" = bundled), extra xdotool keys
  local name=$1 wait=$2 lang=$3 query=$4 index=$5 keys=${6:-}
  local tmp; tmp=$(mktemp -d)
  mkdir -p "$tmp/config"
  printf '{"ui_language": "%s", "agent_name": "Tom"}' "$lang" > "$tmp/config/settings.json"
  KBASSIST_DATA_DIR="$tmp/data" KBASSIST_CONFIG_DIR="$tmp/config" KBASSIST_DEMO_QUERY="$query" \
  xvfb-run -a -s "-screen 0 1400x900x24" bash -c "
    $PY -c 'import sys; from ui.app import main; sys.exit(main(None, sys.argv[1] or None))' '$index' &
    app=\$!
    sleep $wait
    if [ -n '$keys' ]; then xdotool search --name kbassist windowfocus --sync key $keys; sleep 1; fi
    import -window root '$OUT/$name.png'
    kill \$app"
  rm -rf "$tmp"
}

[ "${1:-}" = "" ] || { shot "$@"; exit; }  # one shot: ui/tools/screenshots.sh name wait lang query index keys
shot main-en 9 en "My Reader 5 shows E21 and won't charge" ""
shot main-zh 9 zh_CN "支付宝退款多久到账" ""
shot escalation 9 en "This is ridiculous!!! Refund me NOW or I will sue you, worst service ever" ""
shot compact 9 en "I was charged twice" "" "ctrl+shift+m"
shot review 9 en "" "" "ctrl+shift+r Tab Down Down Down"
shot first-build 1.6 en "" "$(mktemp -d)/fresh-index"
