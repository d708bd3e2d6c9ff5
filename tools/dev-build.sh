#!/usr/bin/env bash
# Incremental developer build: compiles fastgrad._C into build/dev and installs it into
# python/fastgrad, so `PYTHONPATH=python python ...` uses the fresh extension without a pip install.
# Several people may build at once: a lock serialises ninja, and the module is replaced by an
# atomic rename so a process starting meanwhile never loads a half-written file.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python}
mkdir -p build/dev
exec 9>build/dev/.lock
flock 9
if [[ ! -f build/dev/build.ninja ]]; then
  cmake -S . -B build/dev -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DPython_EXECUTABLE="$(command -v "$PY")" -Dpybind11_DIR="$("$PY" -m pybind11 --cmakedir)" "$@" >/dev/null
fi
cmake --build build/dev -j2
so=$(ls "$PWD"/build/dev/_C*.so | head -n1)
dest=python/fastgrad/$(basename "$so")
rm -f "$dest.tmp" && cp "$so" "$dest.tmp" && mv -f "$dest.tmp" "$dest"
