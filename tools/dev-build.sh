#!/usr/bin/env bash
# Incremental developer build: compiles fastgrad._C into build/dev and installs it into
# python/fastgrad, so `PYTHONPATH=python python ...` uses the fresh extension without a pip install.
# Several people may build at once: a lock serialises ninja, and the module is replaced by an
# atomic rename so a process starting meanwhile never loads a half-written file.
# LTO is off here (the release build keeps it): with it, a one-file edit re-linked the whole module
# with whole-program optimisation (292 s). ccache, where installed, is used, with the base dir set
# so that git worktrees of the project share one cache.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python}
mkdir -p build/dev
exec 9>build/dev/.lock
flock 9
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(dirname "$PWD")}" CCACHE_NOHASHDIR=1
fi
if [[ ! -f build/dev/build.ninja ]]; then
  cmake -S . -B build/dev -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INTERPROCEDURAL_OPTIMIZATION=OFF "${launcher[@]}" \
    -DPython_EXECUTABLE="$(command -v "$PY")" -Dpybind11_DIR="$("$PY" -m pybind11 --cmakedir)" "$@" >/dev/null
fi
cmake --build build/dev -j2
so=$(ls "$PWD"/build/dev/_C*.so | head -n1)
dest=python/fastgrad/$(basename "$so")
rm -f "$dest.tmp" && cp "$so" "$dest.tmp" && mv -f "$dest.tmp" "$dest"
