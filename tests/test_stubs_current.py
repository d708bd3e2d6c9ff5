"""The type stub of the C++ module (python/fastgrad/_C.pyi) is current: it names exactly the functions
and Tensor methods the built module binds. After adding an op, `tools/gen-stubs.sh` regenerates it."""
import ast
import pathlib

import fastgrad
from fastgrad import _C

STUB = pathlib.Path(fastgrad.__file__).parent / "_C.pyi"
HINT = "the stub is out of date: run tools/gen-stubs.sh after building"


def _stub_tree():
    return ast.parse(STUB.read_text())


def _is_bound(obj):
    # pybind11 functions are builtins; methods sit in the class dict as instancemethod wrappers
    return type(obj).__name__ in ("builtin_function_or_method", "instancemethod")


def test_stub_lists_every_bound_function():
    stub = {n.name for n in _stub_tree().body if isinstance(n, ast.FunctionDef)}
    bound = {name for name, obj in vars(_C).items() if _is_bound(obj)}
    assert bound - stub == set(), f"{HINT}; missing: {sorted(bound - stub)}"
    assert stub - bound == set(), f"{HINT}; no longer bound: {sorted(stub - bound)}"


def test_stub_lists_every_tensor_method():
    # The stub also holds properties and the methods fastgrad/_tensor.py attaches: those need only exist.
    tensor = next(n for n in _stub_tree().body if isinstance(n, ast.ClassDef) and n.name == "Tensor")
    stub = {n.name for n in tensor.body if isinstance(n, ast.FunctionDef)}
    # pybind11's own cross-module hook is not part of the API (stubgen leaves it out)
    bound = {name for name, obj in vars(_C.Tensor).items() if _is_bound(obj)} - {"_pybind11_conduit_v1_"}
    assert bound - stub == set(), f"{HINT}; missing: {sorted(bound - stub)}"
    gone = {name for name in stub - bound if not hasattr(_C.Tensor, name)}
    assert gone == set(), f"{HINT}; no longer bound: {sorted(gone)}"
