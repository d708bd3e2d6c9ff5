#!/usr/bin/env bash
# Regenerates python/fastgrad/_C.pyi (type stubs of the C++ module) from the built extension.
# Run after changing bindings: tools/dev-build.sh && tools/gen-stubs.sh  (needs: pip install pybind11-stubgen)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
PYTHONPATH=python python -m pybind11_stubgen fastgrad._C -o "$out" --ignore-all-errors >/dev/null
cp "$out/fastgrad/_C.pyi" python/fastgrad/_C.pyi
rm -rf "$out"
echo "wrote python/fastgrad/_C.pyi"
