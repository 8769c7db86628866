#!/usr/bin/env bash
# Soak test of `dossier serve` under load and edits:
#
#   scripts/soak.sh [SECONDS]        (default 30)
#
# Copies the sample dossier to a temporary folder, starts `dossier serve --port 0` on
# 127.0.0.1, and for SECONDS at once
#   - saves files every 200 ms, valid and invalid by turns (an article's text changes, in place
#     or by rename as editors do; then an event's front matter is broken),
#   - runs wrk (Debian: apt-get install -y wrk) against every page of the site, 127.0.0.1 only,
#   - fetches pages one after the other and parses each whole (tags balanced, ends in </html>),
# then reports the requests, the failures (any status but 2xx, 3xx and the expected 404s;
# no 5xx allowed), torn pages, the p99 latency, the server's memory (RSS) before and after,
# and checks that the watcher still follows a final valid edit. Exit 0 when all is well.
#
# DOSSIER_BIN picks the binary (default: target/release/dossier, built when missing).
set -euo pipefail
seconds=${1:-30}
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${DOSSIER_BIN:-$repo/target/release/dossier}
if [ ! -x "$bin" ]; then
  (cd "$repo" && cargo build --release --quiet)
fi
command -v wrk >/dev/null || { echo "soak: wrk is needed (apt-get install -y wrk)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "soak: python3 is needed" >&2; exit 2; }

work=$(mktemp -d)
server=""
editor=""
cleanup() {
  [ -n "$editor" ] && kill "$editor" 2>/dev/null || true
  if [ -n "$server" ]; then
    kill -INT "$server" 2>/dev/null || true
    sleep 0.5
    kill "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The sample dossier.
site=$work/dossier
mkdir -p "$site"
cp -r "$repo/site.toml" "$repo/content" "$repo/themes" "$site/"
for dir in templates static; do
  [ -d "$repo/$dir" ] && cp -r "$repo/$dir" "$site/"
done
article=content/articles/reuters-talks-fail.md
event=content/events/london-talks.md
cp "$site/$article" "$work/article.orig"
cp "$site/$event" "$work/event.orig"

# The server, on a port of its choosing; its first line says where.
"$bin" --root "$site" serve --port 0 >"$work/serve.out" 2>"$work/serve.err" &
server=$!
for _ in $(seq 1 600); do
  grep -q "http://" "$work/serve.out" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { echo "soak: serve exited:"; cat "$work/serve.err"; exit 1; }
  sleep 0.1
done
base=$(grep -o 'http://[0-9.:]*/' "$work/serve.out" | head -1)
case "$base" in
  http://127.0.0.1:*) ;;
  *) echo "soak: not a loopback address: '$base'" >&2; exit 1 ;;
esac
rss() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$server/status"; }

# Every page of the site, from its sitemap, plus the feed, data, a stylesheet and a 404.
base_url=$(python3 -c "import tomllib,sys; print(tomllib.load(open(sys.argv[1],'rb')).get('base_url','/'))" "$site/site.toml")
curl -sf "${base}sitemap.xml" >"$work/sitemap.xml"
python3 - "$work/sitemap.xml" "$base_url" >"$work/paths.txt" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
base = sys.argv[2]
for loc in re.findall(r"<loc>([^<]*)</loc>", text):
    print("/" + loc[len(base):] if loc.startswith(base) else "/")
for extra in ["/atom.xml", "/dossier.json", "/style.css", "/no-such-page/", "/articles/no-such-article/"]:
    print(extra)
EOF
pages=$(wc -l <"$work/paths.txt")

# Warm up, then the memory before.
for path in $(head -20 "$work/paths.txt"); do curl -s -o /dev/null "${base}${path#/}"; done
rss_before=$(rss VmRSS)

# The load: wrk with every path in turn, counting statuses and torn HTML per thread.
{
  echo "paths = {"
  sed 's/.*/  "&",/' "$work/paths.txt"
  echo "}"
  cat <<'EOF'
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  i = math.random(#paths)
  ok, redirects, missing, server_errors, other, torn, html = 0, 0, 0, 0, 0, 0, 0
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1
  elseif status == 404 then missing = missing + 1
  elseif status >= 300 and status < 400 then redirects = redirects + 1
  elseif status >= 200 and status < 300 then ok = ok + 1
  else other = other + 1 end
  local kind = headers["Content-Type"] or headers["content-type"] or ""
  if status == 200 and kind:find("text/html", 1, true) then
    html = html + 1
    if not body:find("</html>%s*$") then torn = torn + 1 end
  end
end
function done(summary, latency, requests)
  local t = { ok = 0, redirects = 0, missing = 0, server_errors = 0, other = 0, torn = 0, html = 0 }
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + thread:get(k) end
  end
  io.write(string.format("WRK requests=%d ok=%d redirects=%d missing=%d server_errors=%d other=%d html=%d torn=%d socket_errors=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, t.ok, t.redirects, t.missing, t.server_errors, t.other, t.html, t.torn,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
EOF
} >"$work/soak.lua"

# The editor: a save every 200 ms, valid and invalid by turns.
(
  n=0
  end=$((SECONDS + seconds))
  while [ "$SECONDS" -lt "$end" ]; do
    n=$((n + 1))
    case $((n % 4)) in
      1) # valid, written in place
        cp "$work/event.orig" "$site/$event"
        { cat "$work/article.orig"; printf '\nSoak edit %d, saved in place.\n' "$n"; } >"$site/$article" ;;
      2) # invalid: the event's front matter broken
        printf -- '---\ntitle: [unclosed\ndate: 2014-03-14\n---\nBroken by the soak test.\n' >"$site/$event" ;;
      3) # valid, written to a temporary file and renamed over the old one
        cp "$work/event.orig" "$site/$event"
        { cat "$work/article.orig"; printf '\nSoak edit %d, saved by rename.\n' "$n"; } >"$site/$article.tmp~"
        mv "$site/$article.tmp~" "$site/$article" ;;
      0) # invalid: a dangling reference in the article
        sed 's/^source: .*/source: no-such-source/' "$work/article.orig" >"$site/$article" ;;
    esac
    sleep 0.2
  done
  echo "$n" >"$work/saves"
) &
editor=$!

# Pages fetched one at a time and parsed whole while the edits go on.
python3 - "$base" "$work/paths.txt" "$seconds" >"$work/parse.txt" <<'EOF' &
import sys, time, urllib.request, urllib.error
from html.parser import HTMLParser
base, paths, seconds = sys.argv[1], [p.strip() for p in open(sys.argv[2])], float(sys.argv[3])
VOID = {"area","base","br","col","embed","hr","img","input","link","meta","source","track","wbr"}
class Balance(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problem, self.seen_html_end = [], None, False
    def handle_starttag(self, tag, attrs):
        if tag not in VOID: self.stack.append(tag)
    def handle_startendtag(self, tag, attrs): pass
    def handle_endtag(self, tag):
        if tag in VOID: return
        if tag == "p" and (not self.stack or self.stack[-1] != "p"):
            return  # an optional end tag
        if not self.stack or self.stack[-1] != tag:
            self.problem = self.problem or f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag: pass
        else:
            self.stack.pop()
        if tag == "html": self.seen_html_end = True
checked = torn = errors = 0
examples = []
end = time.time() + seconds
i = 0
while time.time() < end:
    path = paths[i % len(paths)]; i += 1
    try:
        with urllib.request.urlopen(base + path.lstrip("/"), timeout=10) as r:
            kind, body = r.headers.get("Content-Type", ""), r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        if e.code >= 500:
            errors += 1; examples.append(f"{path}: {e.code}")
        continue
    except Exception as e:
        errors += 1; examples.append(f"{path}: {e}")
        continue
    if "text/html" not in kind:
        continue
    checked += 1
    p = Balance(); p.feed(body); p.close()
    problem = p.problem
    if not body.rstrip().endswith("</html>"): problem = "does not end with </html>"
    elif p.stack: problem = problem or f"unclosed {p.stack[-3:]}"
    if problem:
        torn += 1
        if len(examples) < 5: examples.append(f"{path}: {problem}")
print(f"PARSE checked={checked} torn={torn} errors={errors}")
for e in examples: print("  " + e)
EOF
parser=$!

wrk -t2 -c16 -d"${seconds}s" --timeout 10s --latency -s "$work/soak.lua" "$base" >"$work/wrk.txt" 2>&1 || true
wait "$editor" || true
editor=""
wait "$parser" || true

# The last save was maybe invalid: a final valid edit must show up.
sleep 1
cp "$work/event.orig" "$site/$event"
marker="soak-final-$RANDOM$RANDOM"
{ cat "$work/article.orig"; printf '\nThe final edit %s.\n' "$marker"; } >"$site/$article"
slug=$(basename "$article" .md)
follows=no
for _ in $(seq 1 200); do
  if curl -s "${base}articles/$slug/" | grep -q "$marker"; then follows=yes; break; fi
  sleep 0.1
done
alive=yes
kill -0 "$server" 2>/dev/null || alive=no
rss_after=$( [ "$alive" = yes ] && rss VmRSS || echo 0)
hwm=$( [ "$alive" = yes ] && rss VmHWM || echo 0)

stats=$(grep '^WRK ' "$work/wrk.txt" || true)
if [ -z "$stats" ]; then
  echo "soak: wrk reported nothing:"; cat "$work/wrk.txt"; exit 1
fi
get() { echo "$stats" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }'; }
read -r parse_line <"$work/parse.txt" || parse_line="PARSE checked=0 torn=0 errors=0"
pget() { echo "$parse_line" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }'; }
saves=$(cat "$work/saves" 2>/dev/null || echo "?")
good=$(grep -c "pages re-rendered in" "$work/serve.out" || true)
bad=$(grep -c "still serving the last good build" "$work/serve.err" || true)

echo "soak: ${seconds} s against $base ($pages paths, $saves saves, valid and invalid by turns)"
echo "  requests:        $(get requests) ($(awk -v r="$(get requests)" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')/s)"
echo "  statuses:        $(get ok) 2xx, $(get redirects) 3xx, $(get missing) 404 (expected: 2 of the paths are missing pages)"
echo "  failures:        $(get server_errors) 5xx, $(get other) other, $(get socket_errors) socket errors"
echo "  torn pages:      $(get torn) of $(get html) HTML responses (wrk: must end in </html>); $(pget torn) of $(pget checked) parsed whole ($(pget errors) fetch errors)"
echo "  latency:         p50 $(get p50_ms) ms, p99 $(get p99_ms) ms, max $(get max_ms) ms"
echo "  server memory:   RSS $((rss_before / 1024)) MiB before, $((rss_after / 1024)) MiB after (peak $((hwm / 1024)) MiB)"
echo "  rebuilds:        $good good, $bad failed (the last good build kept)"
echo "  server alive:    $alive"
echo "  watcher follows: $follows (a final valid edit shows up)"
sed -n '2,$p' "$work/parse.txt"

failed=0
[ "$(get server_errors)" = 0 ] || failed=1
[ "$(get other)" = 0 ] || failed=1
[ "$(get torn)" = 0 ] || failed=1
[ "$(pget torn)" = 0 ] || failed=1
[ "$(pget errors)" = 0 ] || failed=1
[ "$alive" = yes ] || failed=1
[ "$follows" = yes ] || failed=1
if [ "$failed" = 0 ]; then echo "soak: OK"; else echo "soak: FAILED"; fi
exit "$failed"
