#!/usr/bin/env bash
# Takes the screenshots shown in the README (docs/screenshots/*.png): builds the sample
# dossier into a subfolder, serves it with a plain static server, and has headless Chromium
# photograph five pages at a laptop width (1366 px) and a phone width (390 px).
#
#   scripts/screenshots.sh     # needs cargo, python3 and Chromium (apt-get install -y chromium)
#
# The pictures are capped in height (2200 px on a laptop, 2400 px on a phone): long pages are
# cut, short ones end in the page background.
set -euo pipefail
cd "$(dirname "$0")/.."

chrome=""
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then chrome=$(command -v "$name"); break; fi
done
if [ -z "$chrome" ]; then
  echo "screenshots.sh: Chromium is needed (apt-get install -y chromium)" >&2
  exit 1
fi

out=docs/screenshots
tmp=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

mkdir -p "$out" "$tmp/site"
if ! cargo run --quiet -- build --output "$tmp/site/crimea" >"$tmp/build.log" 2>&1; then
  cat "$tmp/build.log" >&2
  exit 1
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 "$port" --directory "$tmp/site" >/dev/null 2>&1 &
server=$!
python3 - "$port" <<'PY'
import socket, sys, time
for _ in range(200):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit("the static server did not start")
PY

# name  path below /crimea/
pages=(
  "front        "
  "article      articles/reuters-talks-fail/"
  "actor        actors/sergei-lavrov/"
  "comparison   compare/london-talks/"
  "chronology   chronology/"
  "coverage     coverage/"
)
# device  width,height
sizes=("laptop 1366,2200" "phone 390,2400")

for entry in "${pages[@]}"; do
  read -r name path <<<"$entry"
  for size in "${sizes[@]}"; do
    read -r device window <<<"$size"
    file="$out/$name-$device.png"
    "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$tmp/profile" --hide-scrollbars --force-device-scale-factor=1 \
      --window-size="$window" --virtual-time-budget=3000 \
      --screenshot="$PWD/$file" "http://127.0.0.1:$port/crimea/${path:-}" >/dev/null 2>&1
    echo "$file"
  done
done

# Smaller files, same pixels, when optipng is there (apt-get install -y optipng).
if command -v optipng >/dev/null 2>&1; then
  optipng -quiet -o2 "$out"/*.png
fi
