#!/usr/bin/env bash
# Incremental developer build: compiles fastgrad._C into build/dev and links it into python/fastgrad,
# so `PYTHONPATH=python python ...` uses the fresh extension without a pip install.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python}
if [[ ! -f build/dev/build.ninja ]]; then
  cmake -S . -B build/dev -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DPython_EXECUTABLE="$(command -v "$PY")" -Dpybind11_DIR="$("$PY" -m pybind11 --cmakedir)" "$@" >/dev/null
fi
cmake --build build/dev -j2
ln -sf "$(ls "$PWD"/build/dev/_C*.so | head -n1)" python/fastgrad/
