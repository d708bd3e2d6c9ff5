#!/usr/bin/env bash
# AddressSanitizer + UndefinedBehaviorSanitizer run of the test suite.
#
# Usage (from the repository root, dev venv active):
#
#   tools/sanitize.sh                      # build build/asan, run the whole of tests/
#   tools/sanitize.sh tests/test_core_ops.py -k relu    # any pytest arguments
#   SANITIZE_BUILD_ONLY=1 tools/sanitize.sh             # just build
#
# What it does, i.e. the exact command it runs:
#
#   cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFASTGRAD_SANITIZE=ON ...
#   cmake --build build/asan -j2
#   (copy build/asan/_C*.so into build/asan/pkg/fastgrad/, next to a copy of python/fastgrad/*.py)
#   LD_PRELOAD="$(gcc -print-file-name=libasan.so) $(gcc -print-file-name=libubsan.so)" \
#   ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:halt_on_error=1:allocator_may_return_null=1 \
#   UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
#   PYTHONPATH=build/asan/pkg FASTGRAD_SANITIZED=1 python -m pytest -x -q -p no:cacheprovider tests
#
# Notes:
# - The instrumented module lives in its own build dir and its own package copy (build/asan/pkg), so
#   it never replaces the dev module in python/fastgrad that other people are using.
# - CPython is not instrumented, so libasan must be preloaded (it has to be the first DSO loaded).
# - detect_leaks=0: CPython deliberately never frees some objects at exit (interned strings,
#   static types, our leaked py::object caches), which LeakSanitizer would report.
# - halt_on_error=1 makes any UBSan finding fatal, so a "clean" run really means no report.
# - torch is also loaded by the comparison tests; it is not instrumented, which is fine.
# - Benchmarks and timing-heavy tests are skipped (FASTGRAD_SANITIZED=1 lets tests opt out); the
#   instrumented build is ~3-5x slower.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python}
B=build/asan
mkdir -p "$B"
exec 9>"$B/.lock"
flock 9
if [[ ! -f "$B/build.ninja" ]]; then
  cmake -S . -B "$B" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFASTGRAD_SANITIZE=ON \
    -DPython_EXECUTABLE="$(command -v "$PY")" -Dpybind11_DIR="$("$PY" -m pybind11 --cmakedir)" >/dev/null
fi
cmake --build "$B" -j"${JOBS:-2}"
rm -rf "$B/pkg" && mkdir -p "$B/pkg"
# package copy: the Python sources with the instrumented extension in place of the dev one
(cd python && tar --exclude='_C*.so' --exclude='__pycache__' -cf - fastgrad) | (cd "$B/pkg" && tar -xf -)
if [[ -d python/fastgrad/datasets/data ]]; then
  rm -rf "$B/pkg/fastgrad/datasets/data" && ln -s "$PWD/python/fastgrad/datasets/data" "$B/pkg/fastgrad/datasets/data"
fi
cp "$(ls "$B"/_C*.so | head -n1)" "$B/pkg/fastgrad/"
exec 9>&-
[[ -n "${SANITIZE_BUILD_ONLY:-}" ]] && exit 0

export LD_PRELOAD="$(gcc -print-file-name=libasan.so) $(gcc -print-file-name=libubsan.so)"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:halt_on_error=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export PYTHONPATH="$PWD/$B/pkg"
export FASTGRAD_SANITIZED=1
if [[ $# -eq 0 ]]; then
  set -- tests
fi
exec "$PY" -m pytest -q -p no:cacheprovider "$@"
