#!/usr/bin/env bash
# Render an HTML report in headless Chromium; fail on a console error or an empty page.
# Usage: bash scripts/browser_check.sh FILE.html [SCREENSHOT.png]
set -euo pipefail
page="$(realpath "$1")"
shot="${2:-}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "browser_check: chromium is not installed" >&2
  exit 1
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile" --enable-logging=stderr --v=0)
log="$profile/console.log"
dom="$("$browser" "${flags[@]}" --dump-dom "file://$page" 2>"$log" || true)"
if grep -E "CONSOLE|Uncaught|ERROR:.*(console|javascript)" "$log" | grep -viE "dbus|gpu|sandbox|fontconfig|crashpad|policy|ssl|certificate|gcm|sync|update" ; then
  echo "browser_check: console errors in $1" >&2
  exit 1
fi
if ! grep -q "<table" <<<"$dom" || ! grep -q "<svg" <<<"$dom"; then
  echo "browser_check: the rendered page has no table or no graph" >&2
  exit 1
fi
rows=$(grep -o "<tr>" <<<"$dom" | wc -l)
echo "browser_check: $1 rendered, $rows table rows, no console error"
if [ -n "$shot" ]; then
  "$browser" "${flags[@]}" --window-size=1280,1600 --screenshot="$(realpath -m "$shot")" "file://$page" 2>/dev/null || true
fi
