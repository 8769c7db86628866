#!/usr/bin/env bash
# Checks that a change of code changes no output: builds the sample dossier and a generated
# dossier with the binary of revision REV and with the working tree's, and compares the two
# output folders byte for byte.
#
#   scripts/same-output.sh REV [--size N] [--seed S] [--keep]
#
# REV is any git revision (`main`, `HEAD~3`, a commit). The generated dossier (1,000 articles
# by default) is written once, by the working tree's `gendossier`, and built by both binaries,
# each with the theme copied into that dossier. Both binaries are release builds; REV's is
# built in a temporary git worktree with its own target folder under target/same-output/, kept
# between runs so that a second check is quick. Exit status: 0 when every file is identical,
# 1 when any differs (the differing files are listed), 2 on a usage or build error.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIZE=1000
SEED=3
KEEP=0
REV=

log() {
    printf '%s\n' "$*" >&2
}

usage() {
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [ $# -gt 0 ]; do
    case $1 in
        --size) SIZE=$2; shift ;;
        --seed) SEED=$2; shift ;;
        --keep) KEEP=1 ;;
        -h | --help) usage; exit 0 ;;
        -*) log "unknown option: $1"; usage >&2; exit 2 ;;
        *) [ -z "$REV" ] || { usage >&2; exit 2; }; REV=$1 ;;
    esac
    shift
done
[ -n "$REV" ] || { usage >&2; exit 2; }
COMMIT=$(git -C "$REPO" rev-parse --verify --quiet "$REV^{commit}") || {
    log "error: $REV is not a revision of $REPO"
    exit 2
}

WORK=$(mktemp -d /tmp/same-output-XXXXXX)
OLD_TREE=$WORK/old-tree
cleanup() {
    git -C "$REPO" worktree remove --force "$OLD_TREE" >/dev/null 2>&1 || true
    if [ "$KEEP" -eq 0 ]; then rm -rf "$WORK"; else log "kept $WORK"; fi
}
trap cleanup EXIT

log "building $REV (${COMMIT:0:10}) and the working tree"
git -C "$REPO" worktree add --detach --quiet "$OLD_TREE" "$COMMIT"
OLD_TARGET=$REPO/target/same-output
(cd "$OLD_TREE" && CARGO_TARGET_DIR=$OLD_TARGET cargo build --release --quiet) || exit 2
(cd "$REPO" && cargo build --release --quiet && cargo build --release --quiet --example gendossier) || exit 2
mkdir -p "$WORK/bin"
cp "$OLD_TARGET/release/dossier" "$WORK/bin/dossier-old"
cp "${CARGO_TARGET_DIR:-$REPO/target}/release/dossier" "$WORK/bin/dossier-new"
cp "${CARGO_TARGET_DIR:-$REPO/target}/release/examples/gendossier" "$WORK/bin/gendossier"

log "generating a dossier of $SIZE articles (seed $SEED)"
"$WORK/bin/gendossier" --articles "$SIZE" --seed "$SEED" --out "$WORK/generated" >/dev/null

# build NAME ROOT OUT: one build, its messages kept beside the output.
build() {
    local name=$1 root=$2 out=$3
    if ! "$WORK/bin/dossier-$name" build --root "$root" --output "$out" >"$out.log" 2>&1; then
        log "error: the $name binary failed to build $root:"
        cat "$out.log" >&2
        exit 2
    fi
}

status=0
for dossier in sample generated; do
    case $dossier in
        sample) root=$REPO ;;
        generated) root=$WORK/generated ;;
    esac
    build old "$root" "$WORK/$dossier-old"
    build new "$root" "$WORK/$dossier-new"
    files=$(find "$WORK/$dossier-new" -type f | wc -l)
    if diff -r -q "$WORK/$dossier-old" "$WORK/$dossier-new" >"$WORK/$dossier.diff"; then
        log "$dossier: identical ($files files)"
    else
        log "$dossier: $(wc -l <"$WORK/$dossier.diff") files differ:"
        head -20 "$WORK/$dossier.diff" >&2
        status=1
    fi
done
exit $status
