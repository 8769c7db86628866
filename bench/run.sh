#!/usr/bin/env bash
# Times `dossier build` against Hugo and Hugo + Pagefind on generated dossiers.
#
#   bench/run.sh [--large] [--runs N] [--sizes "1000 10000"] [--corpus "default templated"]
#                [--seed S] [--keep] [--no-hugo] [--no-pagefind]
#
# Environment: BENCH_SIZES (default "1000 10000"; --large adds 50000), BENCH_RUNS (default 5),
# BENCH_CORPORA (default "default templated"), BENCH_SEED (default 1), BENCH_DIR (work folder;
# default a new /tmp/bench-XXXX), BENCH_PAGEFIND (npm version of Pagefind, default 1.6.0).
#
# For each corpus and size it generates the dossier and the equivalent Hugo site
# (examples/gendossier.rs; the templated corpus with --templated), then runs in alternation,
# each into a new output folder (this file system slows file creation for about a minute after
# large deletes, so nothing is deleted until every series is done): dossier with its default
# search index, dossier with `search = false`, Hugo, and the Pagefind CLI on Hugo's output. It
# prints a Markdown table of medians, peak RSS, HTML and output bytes. A measurement, not a
# test: it never fails on a number.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TARGET_DIR=${CARGO_TARGET_DIR:-$REPO/target}
DOSSIER=
GENERATOR=
PAGEFIND=
TIME=/usr/bin/time

SIZES=${BENCH_SIZES:-"1000 10000"}
RUNS=${BENCH_RUNS:-5}
CORPORA=${BENCH_CORPORA:-"default templated"}
SEED=${BENCH_SEED:-1}
WORK=${BENCH_DIR:-}
PAGEFIND_VERSION=${BENCH_PAGEFIND:-1.6.0}
KEEP=0
USE_HUGO=1
USE_PAGEFIND=1
MAX_LOAD=0
NOTES=()

usage() {
    sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

log() {
    printf '%s\n' "$*" >&2
}

parse_args() {
    while [ $# -gt 0 ]; do
        case $1 in
            --large) [[ " $SIZES " == *" 50000 "* ]] || SIZES="$SIZES 50000" ;;
            --runs) RUNS=$2; shift ;;
            --sizes) SIZES=$2; shift ;;
            --corpus) CORPORA=$2; shift ;;
            --seed) SEED=$2; shift ;;
            --keep) KEEP=1 ;;
            --no-hugo) USE_HUGO=0 ;;
            --no-pagefind) USE_PAGEFIND=0 ;;
            -h | --help) usage; exit 0 ;;
            *) log "unknown argument: $1"; usage >&2; exit 2 ;;
        esac
        shift
    done
    local corpus
    for corpus in $CORPORA; do
        case $corpus in
            default | templated) ;;
            *) log "unknown corpus: $corpus (default, templated)"; exit 2 ;;
        esac
    done
}

# Installs a Debian package when we are root; returns non-zero when that is not possible.
apt_install() {
    [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null || return 1
    log "installing $1 with apt-get"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null 2>&1; then
        apt-get update -qq >/dev/null 2>&1 || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null 2>&1
    fi
}

# Installs the npm package `pagefind` (pinned) into the work folder and sets PAGEFIND to its
# native binary; says so and returns non-zero when it cannot.
install_pagefind() {
    if ! command -v npm >/dev/null && ! apt_install npm; then
        NOTES+=("npm is missing and could not be installed: the Pagefind rows were skipped.")
        return 1
    fi
    log "installing pagefind@$PAGEFIND_VERSION with npm into $WORK/npm"
    if ! npm install --prefix "$WORK/npm" --no-audit --no-fund --silent "pagefind@$PAGEFIND_VERSION" >"$WORK/npm.log" 2>&1; then
        NOTES+=("npm could not install pagefind@$PAGEFIND_VERSION (see $WORK/npm.log): the Pagefind rows were skipped.")
        return 1
    fi
    # The package's launcher is a Node script that starts the native binary of a platform
    # package; the binary itself is timed, when it can be found.
    PAGEFIND=$(find "$WORK/npm/node_modules/@pagefind" -type f -name 'pagefind*' -perm -u+x 2>/dev/null | grep -v '\.js$' | head -n 1 || true)
    [ -n "$PAGEFIND" ] || PAGEFIND=$WORK/npm/node_modules/.bin/pagefind
    if ! "$PAGEFIND" --version >/dev/null 2>&1; then
        NOTES+=("pagefind@$PAGEFIND_VERSION was installed but does not run here (see $WORK/npm.log): the Pagefind rows were skipped.")
        return 1
    fi
    NOTES+=("Pagefind: $("$PAGEFIND" --version 2>/dev/null | head -n 1) (npm package pagefind@$PAGEFIND_VERSION), \`pagefind --site DIR\` on Hugo's output.")
}

ensure_tools() {
    if [ ! -x "$TIME" ]; then
        apt_install time || { log "error: $TIME is missing and cannot be installed"; exit 1; }
    fi
    if [ "$USE_HUGO" -eq 1 ] && ! command -v hugo >/dev/null; then
        if ! apt_install hugo || ! command -v hugo >/dev/null; then
            USE_HUGO=0
            NOTES+=("Hugo is not installed and could not be installed: Hugo was skipped.")
        fi
    fi
    if [ "$USE_HUGO" -eq 0 ]; then
        USE_PAGEFIND=0
    else
        NOTES+=("Hugo: $(hugo version 2>/dev/null | cut -d' ' -f1-2).")
    fi
    if [ "$USE_PAGEFIND" -eq 1 ] && ! install_pagefind; then
        USE_PAGEFIND=0
    fi
}

# cargo build --release, retried: others may be editing src/ at the same moment. The binaries
# are copied into the work folder so that a rebuild during the series cannot change them.
build_binaries() {
    local attempt
    for attempt in 1 2 3 4 5; do
        if (cd "$REPO" && cargo build --release --quiet && cargo build --release --quiet --example gendossier); then
            mkdir -p "$WORK/bin"
            cp "$TARGET_DIR/release/dossier" "$TARGET_DIR/release/examples/gendossier" "$WORK/bin/"
            DOSSIER=$WORK/bin/dossier
            GENERATOR=$WORK/bin/gendossier
            return 0
        fi
        log "cargo build --release failed (attempt $attempt of 5); retrying in 60 s"
        sleep 60
    done
    log "error: cannot build the dossier binary"
    exit 1
}

now_ns() {
    date +%s%N
}

# seconds with two decimals from nanoseconds
seconds() {
    awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e9 }'
}

# median [FORMAT] < values: the median of whitespace-separated numbers ("n/a" for none).
median() {
    # `|| true`: no values (a tool skipped) is "n/a", not a failed pipeline under pipefail.
    tr ' ' '\n' | { grep -v '^$' || true; } | sort -g | awk -v fmt="${1:-%.2f}" '
        { v[NR] = $1 }
        END {
            if (NR == 0) { print "n/a"; exit }
            m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf fmt "\n", m
        }'
}

range_of() {
    tr ' ' '\n' | { grep -v '^$' || true; } | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { if (NR) print lo "–" hi; else print "n/a" }'
}

# measure LOG CMD...: runs CMD under /usr/bin/time -v; sets WALL (s) and RSS (MB), or
# WALL=fail when the command failed.
measure() {
    local log=$1 start end load
    shift
    load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
    MAX_LOAD=$(awk -v a="$MAX_LOAD" -v b="$load" 'BEGIN { print (b > a) ? b : a }')
    start=$(now_ns)
    if "$TIME" -v -o "$log.time" "$@" >"$log.out" 2>&1; then
        end=$(now_ns)
        WALL=$(seconds $((end - start)))
    else
        WALL=fail
    fi
    RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log.time")
}

count_files() {
    if [ -d "$1" ]; then find "$1" -type f | wc -l | tr -d ' '; else echo 0; fi
}

# bytes_mb DIR [find tests...]: the apparent size of the files of DIR (those the tests
# select), in MB with one decimal.
bytes_mb() {
    local dir=$1
    shift
    if [ -d "$dir" ]; then
        find "$dir" "$@" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }'
    else
        echo "n/a"
    fi
}

# io_floor IN OUT DEST: time to copy IN and then OUT once with cp -r, in seconds.
io_floor() {
    local start end
    [ -d "$2" ] || { echo "n/a"; return; }
    start=$(now_ns)
    cp -r "$1" "$3/in"
    cp -r "$2" "$3/out"
    end=$(now_ns)
    seconds $((end - start))
}

# generate CORPUS SIZE DIR: the dossier (DIR/dossier, with `search = false`), the same with
# the default search (DIR/dossier-search: hard links but for site.toml) and the Hugo site.
generate() {
    local corpus=$1 size=$2 dir=$3 args=()
    [ "$USE_HUGO" -eq 0 ] || args+=(--hugo "$dir/hugo")
    [ "$corpus" = default ] || args+=(--templated)
    log "generating $size articles ($corpus corpus) into $dir"
    "$GENERATOR" --articles "$size" --seed "$SEED" --out "$dir/dossier" "${args[@]}"
    cp -al "$dir/dossier" "$dir/dossier-search"
    rm "$dir/dossier-search/site.toml"
    sed 's/^search = false$/search = true/' "$dir/dossier/site.toml" >"$dir/dossier-search/site.toml"
    grep -q '^search = true$' "$dir/dossier-search/site.toml" || {
        log "error: cannot switch search on in $dir/dossier-search/site.toml"
        exit 1
    }
}

# timed NAME LOG CMD...: measure, log the run, and append WALL and RSS to the lists of NAME
# (WALLS_<NAME>, RSS_<NAME>); a failure is noted and leaves WALL=fail.
timed() {
    local name=$1 log=$2
    shift 2
    measure "$log" "$@"
    log "  $LABEL, run $RUN: $name ${WALL} s, ${RSS} MB"
    if [ "$WALL" = fail ]; then
        NOTES+=("$name failed ($LABEL, run $RUN): see $log.out")
    else
        printf -v "WALLS_$name" '%s %s' "$(eval echo "\${WALLS_$name:-}")" "$WALL"
    fi
    printf -v "RSS_$name" '%s %s' "$(eval echo "\${RSS_$name:-}")" "$RSS"
}

# row LABEL WALLS RSS HTML_MB TOTAL_MB FILES RATIO FLOOR: one line of the table.
row() {
    local walls=$2 wall="n/a"
    if [ -n "${walls// /}" ]; then
        wall="$(median <<<"$walls") ($(range_of <<<"$walls"))"
    fi
    ROWS+=("| $CORPUS | $SIZE | $1 | $wall | $7 | $(median %.0f <<<"$3") | $4 | $5 ($6 files) | $8 |")
}

# ratio A B: A / B with two decimals ("n/a" unless both are numbers).
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else print "n/a" }'
}

# bench_series CORPUS SIZE: one series; appends rows to ROWS.
bench_series() {
    CORPUS=$1 SIZE=$2
    LABEL="$SIZE articles, $CORPUS"
    local input=$WORK/input-$CORPUS-$SIZE runs=$WORK/runs-$CORPUS-$SIZE
    WALLS_search="" RSS_search="" WALLS_nosearch="" RSS_nosearch=""
    WALLS_hugo="" RSS_hugo="" WALLS_pagefind="" RSS_pagefind=""
    local both_walls="" both_rss="" h p
    mkdir -p "$runs"
    generate "$CORPUS" "$SIZE" "$input"
    for RUN in $(seq 1 "$RUNS"); do
        timed search "$runs/search-$RUN" "$DOSSIER" --root "$input/dossier-search" build --output "$runs/search-$RUN"
        timed nosearch "$runs/nosearch-$RUN" "$DOSSIER" --root "$input/dossier" build --output "$runs/nosearch-$RUN"
        [ "$USE_HUGO" -eq 1 ] || continue
        timed hugo "$runs/hugo-$RUN" hugo --source "$input/hugo" --destination "$runs/hugo-$RUN" --quiet
        h=$WALL
        [ "$USE_PAGEFIND" -eq 1 ] && [ "$h" != fail ] || continue
        timed pagefind "$runs/pagefind-$RUN" "$PAGEFIND" --site "$runs/hugo-$RUN"
        p=$WALL
        if [ "$p" != fail ]; then
            both_walls+=" $(awk -v a="$h" -v b="$p" 'BEGIN { printf "%.2f", a + b }')"
        fi
    done

    local d_med s_med h_med b_med="n/a"
    s_med=$(median <<<"$WALLS_search")
    d_med=$(median <<<"$WALLS_nosearch")
    h_med=$(median <<<"$WALLS_hugo")
    [ -z "${both_walls// /}" ] || b_med=$(median <<<"$both_walls")
    # Hugo + Pagefind runs one after the other: its peak is the larger of the two.
    both_rss=$(awk -v a="$(median %.0f <<<"$RSS_hugo")" -v b="$(median %.0f <<<"$RSS_pagefind")" 'BEGIN { print (a + 0 > b + 0) ? a : b }')
    mkdir -p "$WORK/io-$CORPUS-$SIZE/dossier" "$WORK/io-$CORPUS-$SIZE/hugo"
    local d_floor h_floor="n/a" d_html h_html="n/a"
    d_floor=$(io_floor "$input/dossier" "$runs/nosearch-1" "$WORK/io-$CORPUS-$SIZE/dossier")
    d_html=$(bytes_mb "$runs/nosearch-1" -name '*.html')
    row "dossier, \`search = false\`" "$WALLS_nosearch" "$RSS_nosearch" "$d_html" \
        "$(bytes_mb "$runs/nosearch-1")" "$(count_files "$runs/nosearch-1")" \
        "$(ratio "$h_med" "$d_med") vs Hugo" "$d_floor"
    row "**dossier, default (search on)**" "$WALLS_search" "$RSS_search" \
        "$(bytes_mb "$runs/search-1" -name '*.html')" "$(bytes_mb "$runs/search-1")" \
        "$(count_files "$runs/search-1")" "$(ratio "$b_med" "$s_med") vs Hugo + Pagefind" ""
    [ "$USE_HUGO" -eq 1 ] || return 0
    h_floor=$(io_floor "$input/hugo" "$runs/hugo-1" "$WORK/io-$CORPUS-$SIZE/hugo")
    h_html=$(bytes_mb "$runs/hugo-1" -path "$runs/hugo-1/pagefind" -prune -o -name '*.html')
    row "Hugo" "$WALLS_hugo" "$RSS_hugo" "$h_html" \
        "$(bytes_mb "$runs/hugo-1" -path "$runs/hugo-1/pagefind" -prune -o)" \
        "$(find "$runs/hugo-1" -path "$runs/hugo-1/pagefind" -prune -o -type f -print | wc -l | tr -d ' ')" \
        "" "$h_floor"
    [ "$USE_PAGEFIND" -eq 1 ] || return 0
    row "Pagefind CLI on Hugo's output" "$WALLS_pagefind" "$RSS_pagefind" "" \
        "$(bytes_mb "$runs/hugo-1/pagefind")" "$(count_files "$runs/hugo-1/pagefind")" "" ""
    row "**Hugo + Pagefind**" "$both_walls" "$both_rss" "$h_html" "$(bytes_mb "$runs/hugo-1")" \
        "$(count_files "$runs/hugo-1")" "" ""
    SUMMARY+=("| $CORPUS | $SIZE | $(ratio "$h_med" "$d_med") | $(ratio "$b_med" "$s_med") | $(ratio "$d_html" "$h_html") |")
}

cleanup() {
    if [ "$KEEP" -eq 1 ]; then
        log "kept $WORK"
    else
        log "deleting $WORK"
        rm -rf "$WORK"
    fi
}

print_report() {
    echo
    echo "## dossier vs Hugo and Hugo + Pagefind ($RUNS runs each, in alternation; seed $SEED)"
    echo
    echo "Machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM; dossier $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?') (working tree)."
    echo
    echo "| corpus | articles | build | wall s, median (min–max) | speed-up | peak RSS MB | HTML MB | output MB (files) | I/O floor s |"
    echo "|---|---:|---|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${ROWS[@]}"
    if [ "${#SUMMARY[@]}" -gt 0 ]; then
        echo
        echo "| corpus | articles | Hugo / dossier without search (goal ≥ 3) | Hugo + Pagefind / dossier default (goal ≥ 2) | dossier HTML / Hugo HTML (goal ≤ 3) |"
        echo "|---|---:|---:|---:|---:|"
        printf '%s\n' "${SUMMARY[@]}"
    fi
    echo
    echo "Speed-up: the other tool's median over dossier's (above 1: dossier is faster); Hugo + Pagefind is the sum of the two in each run (its peak RSS the larger). Peak RSS is the median of the runs' maximum resident set size. HTML MB: the \`.html\` files (Hugo's without Pagefind's); output MB: every file written (Pagefind's index included where it is built)."
    echo "I/O floor: \`cp -r\` of the input folder and then of one output folder: the cost of only reading and writing those bytes."
    echo "- Highest 1-minute load average seen before a run: $MAX_LOAD on $(nproc) CPUs (other work on the machine makes timings noisy)."
    local note
    for note in "${NOTES[@]}"; do
        echo "- $note"
    done
}

main() {
    parse_args "$@"
    if [ -z "$WORK" ]; then
        WORK=$(mktemp -d /tmp/bench-XXXX)
    fi
    mkdir -p "$WORK"
    trap cleanup EXIT
    ensure_tools
    build_binaries
    ROWS=()
    SUMMARY=()
    local corpus size
    for size in $SIZES; do
        for corpus in $CORPORA; do
            bench_series "$corpus" "$size"
        done
    done
    print_report
}

main "$@"
