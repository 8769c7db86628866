#!/usr/bin/env bash
# Records where a `dossier build` spends its time, as a flame graph.
#
#   bench/profile.sh DOSSIER_DIR [OUT.svg]
#
# Needs perf (Debian: apt-get install -y linux-perf) and inferno (cargo install inferno). The
# release binary keeps line tables (Cargo.toml: debug = "line-tables-only"), so perf unwinds
# with DWARF. Writes OUT.svg (default bench/flamegraph.svg) and prints the functions with the
# largest inclusive share. The build goes to a new temporary folder, removed at the end.
set -euo pipefail
dossier_dir=${1:?usage: bench/profile.sh DOSSIER_DIR [OUT.svg]}
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-$repo/bench/flamegraph.svg}
command -v perf >/dev/null || { echo "profile: perf is needed (apt-get install -y linux-perf)" >&2; exit 2; }
command -v inferno-flamegraph >/dev/null || { echo "profile: inferno is needed (cargo install inferno)" >&2; exit 2; }
(cd "$repo" && cargo build --release --quiet)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
perf record -F 99 --call-graph dwarf,32768 -o "$work/perf.data" \
  "$repo/target/release/dossier" --root "$dossier_dir" build --output "$work/site" >/dev/null 2>"$work/build.log"
perf script -i "$work/perf.data" 2>/dev/null | inferno-collapse-perf >"$work/stacks.folded"
# Frames narrower than 0.2% of the samples are left out: a graph of a few hundred KB.
inferno-flamegraph --minwidth 0.2 --title "dossier build of $(basename "$dossier_dir")" \
  <"$work/stacks.folded" >"$out"
echo "flame graph: $out"
python3 - "$work/stacks.folded" <<'EOF'
import collections, re, sys
total = 0
inclusive = collections.Counter()
for line in open(sys.argv[1]):
    stack, n = line.rsplit(" ", 1)
    n = int(n)
    total += n
    seen = set()
    for frame in stack.split(";"):
        frame = re.sub(r"::h[0-9a-f]{16}$", "", frame)
        if frame not in seen:
            seen.add(frame)
            inclusive[frame] += n
print("inclusive share of the samples, dossier's own functions and the libraries it calls:")
for frame, n in inclusive.most_common(2000):
    short = frame if len(frame) < 110 else frame[:107] + "..."
    if re.match(r"(dossier|tera|pulldown_cmark|serde_json|std::fs|mi_|_int_|malloc|free)", frame):
        print(f"{100 * n / total:5.1f}%  {short}")
EOF
