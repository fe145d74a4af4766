#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS (default 20) each, over a copy of its seed corpus, so
# the repository is never written to. Builds nothing: configure and build the fuzz tree first
# (see tests/fuzz/CMakeLists.txt). Fails if any target finds a crash, a leak or a hang.
# Environment: FUZZ_BUILD_DIR (default build-fuzz), FUZZ_ARTIFACTS (where crashing inputs go,
# default $FUZZ_BUILD_DIR/fuzz-artifacts), FUZZ_TARGETS (default: every fuzz_* the build made; build
# them with the `fuzzers` target so none is missing).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-20}
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
artifacts=${FUZZ_ARTIFACTS:-$build/fuzz-artifacts}
targets=(${FUZZ_TARGETS:-$(find "$build/tests/fuzz" -maxdepth 1 -type f -executable -name 'fuzz_*' -printf '%f\n' 2>/dev/null | sort)})
if [ ${#targets[@]} -eq 0 ]; then
    echo "no fuzz targets in $build/tests/fuzz: build the fuzzers target first" >&2
    exit 1
fi

declare -A dictionary=([fuzz_flowloader]=flow.dict [fuzz_requestparsing]=api.dict
                       [fuzz_apihandlers]=api.dict [fuzz_sseparsing]=api.dict
                       [fuzz_ingest]=ingest.dict)
# The agents' QJSEngines keep their heaps in pages LeakSanitizer does not scan, so a job that ran
# a Script routine reads as a leak; the other targets are checked for leaks.
declare -A leaks=([fuzz_flowloader]=1 [fuzz_requestparsing]=1 [fuzz_apihandlers]=0
                   [fuzz_sseparsing]=1 [fuzz_ingest]=1)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export QT_QPA_PLATFORM=offscreen

failed=()
for target in "${targets[@]}"; do
    binary=$build/tests/fuzz/$target
    if [ ! -x "$binary" ]; then
        echo "$target: not built ($binary)" >&2
        failed+=("$target")
        continue
    fi
    corpus=$work/$target
    mkdir -p "$corpus" "$artifacts/$target"
    # A target without seeds starts from an empty corpus.
    cp "$here/corpus/$target/"* "$corpus/" 2>/dev/null || true
    dict=()
    [ -n "${dictionary[$target]:-}" ] && dict=(-dict="$here/${dictionary[$target]}")
    log=$work/$target.log
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=${leaks[$target]:-1}} \
        "$binary" "$corpus" "${dict[@]}" -detect_leaks="${leaks[$target]:-1}" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
        -print_final_stats=1 -artifact_prefix="$artifacts/$target/" >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    if [ $rc -ne 0 ]; then
        echo "$target: FAILED (exit $rc) after ${runs:-?} executions; last lines:" >&2
        tail -n 40 "$log" >&2
        echo "$target: inputs that failed are in $artifacts/$target/" >&2
        failed+=("$target")
    else
        echo "$target: ${runs:-?} executions in ${seconds}s (${rate:-?}/s), corpus $(ls "$corpus" | wc -l) inputs"
    fi
done

if [ ${#failed[@]} -ne 0 ]; then
    echo "fuzzing failed: ${failed[*]}" >&2
    exit 1
fi
