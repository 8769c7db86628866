#!/usr/bin/env bash
# Times `dossier build` against Hugo on generated dossiers of several sizes.
#
#   bench/run.sh [--large] [--runs N] [--sizes "1000 10000"] [--seed S] [--keep] [--no-hugo]
#
# Environment: BENCH_SIZES (default "1000 10000"; --large adds 50000), BENCH_RUNS (default 5),
# BENCH_SEED (default 1), BENCH_DIR (work folder; default a new /tmp/bench-XXXX).
#
# For each size it generates the dossier and the equivalent Hugo site (examples/gendossier.rs),
# then runs `dossier build` and `hugo` in alternation, each run into a new output folder (this
# file system slows file creation for about a minute after large deletes, so nothing is deleted
# until every series is done). It prints a Markdown table of medians, peak RSS, files written
# and the I/O floor (copying the input and the output once with `cp -r`). It is a measurement,
# not a test: it never fails on a number.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TARGET_DIR=${CARGO_TARGET_DIR:-$REPO/target}
DOSSIER=
GENERATOR=
TIME=/usr/bin/time

SIZES=${BENCH_SIZES:-"1000 10000"}
RUNS=${BENCH_RUNS:-5}
SEED=${BENCH_SEED:-1}
WORK=${BENCH_DIR:-}
KEEP=0
USE_HUGO=1
MAX_LOAD=0
NOTES=()

usage() {
    sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
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
            --seed) SEED=$2; shift ;;
            --keep) KEEP=1 ;;
            --no-hugo) USE_HUGO=0 ;;
            -h | --help) usage; exit 0 ;;
            *) log "unknown argument: $1"; usage >&2; exit 2 ;;
        esac
        shift
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
    [ "$USE_HUGO" -eq 1 ] || return 0
    NOTES+=("Hugo: $(hugo version 2>/dev/null | cut -d' ' -f1-2).")
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
    tr ' ' '\n' | grep -v '^$' | sort -g | awk -v fmt="${1:-%.2f}" '
        { v[NR] = $1 }
        END {
            if (NR == 0) { print "n/a"; exit }
            m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf fmt "\n", m
        }'
}

range_of() {
    tr ' ' '\n' | grep -v '^$' | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { if (NR) print lo "–" hi; else print "n/a" }'
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

size_mb() {
    if [ -d "$1" ]; then du -sm "$1" | cut -f1; else echo 0; fi
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

generate() {
    local size=$1 dir=$2 hugo_args=()
    [ "$USE_HUGO" -eq 0 ] || hugo_args=(--hugo "$dir/hugo")
    log "generating $size articles into $dir"
    "$GENERATOR" --articles "$size" --seed "$SEED" --out "$dir/dossier" "${hugo_args[@]}"
}

# bench_size SIZE: one series; appends a row to ROWS.
bench_size() {
    local size=$1
    local input=$WORK/input-$size runs=$WORK/runs-$size
    local d_walls="" h_walls="" d_rss="" h_rss="" i
    mkdir -p "$runs"
    generate "$size" "$input"
    for i in $(seq 1 "$RUNS"); do
        measure "$runs/dossier-$i" "$DOSSIER" --root "$input/dossier" build --output "$runs/dossier-$i"
        log "  $size articles, run $i: dossier ${WALL} s, ${RSS} MB"
        if [ "$WALL" = fail ]; then
            NOTES+=("dossier build failed at $size articles, run $i: see $runs/dossier-$i.out")
        else
            d_walls+=" $WALL"
        fi
        d_rss+=" $RSS"
        if [ "$USE_HUGO" -eq 1 ]; then
            measure "$runs/hugo-$i" hugo --source "$input/hugo" --destination "$runs/hugo-$i" --quiet
            log "  $size articles, run $i: hugo    ${WALL} s, ${RSS} MB"
            if [ "$WALL" = fail ]; then
                NOTES+=("hugo failed at $size articles, run $i: see $runs/hugo-$i.out")
            else
                h_walls+=" $WALL"
            fi
            h_rss+=" $RSS"
        fi
    done

    local d_med h_med ratio="n/a" h_rss_med="n/a" h_files="n/a" h_mb="n/a" h_floor="n/a"
    d_med=$(median <<<"$d_walls")
    mkdir -p "$WORK/io-$size/dossier" "$WORK/io-$size/hugo"
    local d_floor
    d_floor=$(io_floor "$input/dossier" "$runs/dossier-1" "$WORK/io-$size/dossier")
    if [ "$USE_HUGO" -eq 1 ]; then
        h_med=$(median <<<"$h_walls")
        h_rss_med=$(median %.0f <<<"$h_rss")
        h_files=$(count_files "$runs/hugo-1")
        h_mb=$(size_mb "$runs/hugo-1")
        h_floor=$(io_floor "$input/hugo" "$runs/hugo-1" "$WORK/io-$size/hugo")
        ratio=$(awk -v h="$h_med" -v d="$d_med" 'BEGIN { if (d + 0 > 0 && h + 0 > 0) printf "%.2f", h / d; else print "n/a" }')
    else
        h_med="n/a"
    fi
    ROWS+=("| $size | $d_med ($(range_of <<<"$d_walls")) | $h_med ($(range_of <<<"$h_walls")) | $ratio | $(median %.0f <<<"$d_rss") | $h_rss_med | $(count_files "$runs/dossier-1") / $(size_mb "$runs/dossier-1") MB | $h_files / $h_mb MB | $d_floor | $h_floor |")
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
    echo "## dossier build vs Hugo ($RUNS runs each, in alternation; seed $SEED)"
    echo
    echo "Machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM; dossier $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?') (working tree)."
    echo
    echo "| articles | dossier median s (min–max) | hugo median s (min–max) | hugo/dossier | dossier peak RSS MB | hugo peak RSS MB | dossier files / size | hugo files / size | I/O floor dossier s | I/O floor hugo s |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "hugo/dossier > 1 means dossier is faster. Peak RSS is the median of the runs' maximum resident set size."
    echo "I/O floor: \`cp -r\` of the input folder and then of one output folder: the cost of only reading and writing those bytes."
    echo "- Highest 1-minute load average seen before a run: $MAX_LOAD on $(nproc) CPUs (other work on the machine makes timings noisy)."
    local note
    for note in "${NOTES[@]}"; do
        echo "- $note"
    done
}

main() {
    parse_args "$@"
    ensure_tools
    if [ -z "$WORK" ]; then
        WORK=$(mktemp -d /tmp/bench-XXXX)
    fi
    mkdir -p "$WORK"
    trap cleanup EXIT
    build_binaries
    ROWS=()
    local size
    for size in $SIZES; do
        bench_size "$size"
    done
    print_report
}

main "$@"
