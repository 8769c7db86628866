#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 60) each, one after the other, and prints the
# executions and crashes per target. Needs cargo-fuzz (`cargo install cargo-fuzz`); on stable
# Rust it sets RUSTC_BOOTSTRAP=1 for the nightly-only sanitizer flags.
#
#   fuzz/run.sh 600                  # ten minutes per target
#   fuzz/run.sh 60 markdown date     # only these targets
#   SANITIZER=address fuzz/run.sh 60 # with AddressSanitizer (slower)
#
# The seeds in fuzz/corpus/TARGET are read; inputs found while running go to fuzz/work/TARGET
# (ignored by git), crashes to fuzz/artifacts/TARGET. Logs: fuzz/work/TARGET.log.
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(RUSTC_BOOTSTRAP=1 cargo fuzz list)
fi
export RUSTC_BOOTSTRAP=1
# Safe Rust: a panic is the finding, and without AddressSanitizer a target runs 4-6 times
# as fast. SANITIZER=address also checks the unsafe code of dependencies.
sanitizer=(--sanitizer "${SANITIZER:-none}")
cargo fuzz build -O "${sanitizer[@]}" >/dev/null || exit 2
mkdir -p work
printf '%-12s %12s %10s %8s  %s\n' target executions exec/s crashes result
failed=0
for target in "${targets[@]}"; do
  mkdir -p "work/$target" "corpus/$target" "artifacts/$target"
  before=$(ls "artifacts/$target" | wc -l)
  log="work/$target.log"
  # -rss_limit_mb: a run that needs more memory than this is a finding, not a machine to fill.
  cargo fuzz run -O "${sanitizer[@]}" "$target" "work/$target" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=30 -print_final_stats=1 \
    >"$log" 2>&1
  status=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  if [ -z "$runs" ]; then
    # A crash stops libFuzzer before its final statistics: take the last progress line.
    runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  fi
  after=$(ls "artifacts/$target" | wc -l)
  crashes=$((after - before))
  if [ "$status" -eq 0 ]; then result=ok; else result="FAILED (exit $status; see fuzz/$log)"; failed=1; fi
  printf '%-12s %12s %10s %8s  %s\n' "$target" "${runs:-?}" "${speed:-?}" "$crashes" "$result"
done
exit $failed
