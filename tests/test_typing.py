"""The package ships type information: py.typed and a stub for the C++ module that matches it."""
import ast
import pathlib

import fastgrad

PKG = pathlib.Path(fastgrad.__file__).parent


def test_py_typed_and_stub_ship():
    assert (PKG / "py.typed").exists()
    stub = (PKG / "_C.pyi").read_text()
    ast.parse(stub)


def test_stub_names_the_public_bindings():
    tree = ast.parse((PKG / "_C.pyi").read_text())
    names = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    for name in ("Tensor", "Generator", "add", "matmul", "softmax", "from_numpy", "zeros", "manual_seed"):
        assert name in names, name
    tensor = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Tensor")
    methods = {n.name for n in tensor.body if isinstance(n, ast.FunctionDef)}
    for name in ("backward", "view", "sum", "__add__", "numpy", "__dlpack__"):
        assert name in methods, name
