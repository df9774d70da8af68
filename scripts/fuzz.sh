#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) in build-fuzz/ with clang, ASan and UBSan, and runs each
# for SECONDS (default 60) on its committed corpus and dictionary. Fails on any crash, leak of
# the parser, timeout or failed property. Prints executions and coverage per target.
#   scripts/fuzz.sh [SECONDS] [TARGET...]    e.g. scripts/fuzz.sh 600 fuzz_dnsreply
# New inputs are kept in build-fuzz/corpus/<target>/, never in the committed seeds; a crash
# leaves build-fuzz/artifacts/<target>/crash-* (rerun: build-fuzz/fuzz/<target> <file>).
# Sends no packets: the targets call parsers only.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
cxx=${CXX_FUZZ:-$(command -v clang++ || command -v clang++-14)}
lock=/tmp/portolan-build.lock
build=build-fuzz

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
        -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
        -DPORTOLAN_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
fi
flock "$lock" nice cmake --build "$build" --target fuzz_all

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for exe in "$build"/fuzz/fuzz_*; do
        [ -f "$exe" ] && [ -x "$exe" ] && targets+=("$(basename "$exe")")
    done
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
summary=()
for target in "${targets[@]}"; do
    name=${target#fuzz_}
    corpus="$build/corpus/$target"
    artifacts="$build/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
          -artifact_prefix="$artifacts/")
    [ -f "fuzz/dict/$name.dict" ] && args+=(-dict="fuzz/dict/$name.dict")
    log="$build/$target.log"
    echo "== $target: ${seconds}s"
    if nice -n 10 "$build/fuzz/$target" "${args[@]}" "$corpus" "fuzz/corpus/$name" >"$log" 2>&1; then
        result=ok
    else
        result=FAILED
        status=1
        grep -E "ERROR|runtime error|property failed|SUMMARY|Test unit written" "$log" | head -20 || true
    fi
    line=$(grep -E "^#[0-9]+" "$log" | tail -1)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(sed -n 's/.* cov: \([0-9]*\) ft: \([0-9]*\).*/cov: \1 ft: \2/p' <<<"$line")
    summary+=("$(printf '%-22s %-6s execs: %-10s %s' "$target" "$result" "${execs:-?}" "$cov")")
done
echo "== summary (${seconds}s each)"
printf '%s\n' "${summary[@]}"
exit $status
