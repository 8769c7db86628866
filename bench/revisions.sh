#!/usr/bin/env bash
# Times `dossier build` of revision REV against the working tree's, on the same generated
# dossiers, in one run: the check that a change of code made nothing slower.
#
#   bench/revisions.sh REV [--sizes "1000 10000"] [--runs N] [--seed S] [--search]
#
# Both binaries are release builds (REV's in a temporary git worktree with its own target
# folder, target/same-output/, shared with scripts/same-output.sh). Each dossier is generated
# once by the working tree's gendossier (search off, as bench/run.sh has it; --search turns it
# on) and built by the two binaries in alternation, every run into a new output folder (this
# file system slows file creation for a minute after large deletes; outputs are deleted after
# the series). Prints a Markdown table: median wall seconds and peak RSS of each, and the
# ratio REV / working tree (above 1: the working tree is faster). A measurement, not a test.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIZES="1000 10000"
RUNS=3
SEED=7
SEARCH=false
REV=

log() {
    printf '%s\n' "$*" >&2
}

while [ $# -gt 0 ]; do
    case $1 in
        --sizes) SIZES=$2; shift ;;
        --runs) RUNS=$2; shift ;;
        --seed) SEED=$2; shift ;;
        --search) SEARCH=true ;;
        -h | --help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) log "unknown option: $1"; exit 2 ;;
        *) REV=$1 ;;
    esac
    shift
done
[ -n "$REV" ] || { log "usage: bench/revisions.sh REV [--sizes ...] [--runs N]"; exit 2; }
COMMIT=$(git -C "$REPO" rev-parse --verify --quiet "$REV^{commit}") || {
    log "error: $REV is not a revision"
    exit 2
}

WORK=$(mktemp -d /tmp/revisions-XXXXXX)
trap 'git -C "$REPO" worktree remove --force "$WORK/old-tree" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
git -C "$REPO" worktree add --detach --quiet "$WORK/old-tree" "$COMMIT"
(cd "$WORK/old-tree" && CARGO_TARGET_DIR=$REPO/target/same-output cargo build --release --quiet)
(cd "$REPO" && cargo build --release --quiet && cargo build --release --quiet --example gendossier)
TARGET=${CARGO_TARGET_DIR:-$REPO/target}
mkdir -p "$WORK/bin"
cp "$REPO/target/same-output/release/dossier" "$WORK/bin/old"
cp "$TARGET/release/dossier" "$WORK/bin/new"
cp "$TARGET/release/examples/gendossier" "$WORK/bin/gendossier"

median() {
    tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "n/a"; exit }
        printf "%.2f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "| articles | ${REV} s | working tree s | ratio | ${REV} peak MB | working tree peak MB |"
echo "|---|---|---|---|---|---|"
for size in $SIZES; do
    dossier=$WORK/d$size
    "$WORK/bin/gendossier" --articles "$size" --seed "$SEED" --out "$dossier" >/dev/null
    sed -i "s/^search = .*/search = $SEARCH/" "$dossier/site.toml"
    declare -A wall=([old]="" [new]="") rss=([old]="" [new]="")
    for run in $(seq "$RUNS"); do
        for which in old new; do
            out=$WORK/out-$size-$which-$run
            start=$(date +%s%N)
            /usr/bin/time -f "%M" -o "$out.rss" "$WORK/bin/$which" build --root "$dossier" --output "$out" >/dev/null 2>"$out.log" || {
                log "error: $which failed on $size articles:"; cat "$out.log" >&2; exit 1; }
            end=$(date +%s%N)
            wall[$which]+=" $(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')"
            rss[$which]+=" $(awk '{ printf "%.0f", $1 / 1024 }' "$out.rss")"
        done
    done
    old=$(echo "${wall[old]}" | median)
    new=$(echo "${wall[new]}" | median)
    ratio=$(awk -v a="$old" -v b="$new" 'BEGIN { printf "%.2f", a / b }')
    echo "| $size | $old | $new | $ratio | $(echo "${rss[old]}" | median) | $(echo "${rss[new]}" | median) |"
    log "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
