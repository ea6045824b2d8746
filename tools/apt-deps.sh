#!/usr/bin/env bash
# Install the Debian packages named (the GUI and its tests, or the benchmark's peers), only those missing.
# Skipped quietly where apt-get is absent or we are not root (a user's own machine).
set -u
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
  echo "note: missing system packages (install them yourself): ${missing[*]}" >&2
  exit 0
fi
echo "installing system packages: ${missing[*]}"
apt-get update -qq >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || echo "warning: apt-get could not install: ${missing[*]}" >&2
exit 0
