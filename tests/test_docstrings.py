"""Every public name has a docstring, and every docstring example runs and prints what it shows.

Public names: a module's ``__all__``, or its dir() without private names, submodules and names imported
from other packages. Functions and
classes need a docstring; plain values (dtypes such as ``fastgrad.float32``, ``default_generator``) are
documented by their class. A pybind11 function's generated signature line does not count as a docstring.
The failure messages list exactly the names that lack one, so a new public name fails here until it is
documented (C++-bound names in python/fastgrad/_docstrings/, Python names in place).
"""
import doctest
import importlib
import inspect
import re

import numpy as np
import pytest

import fastgrad

MODULES = [
    "fastgrad", "fastgrad.nn", "fastgrad.nn.functional", "fastgrad.nn.init", "fastgrad.nn.utils",
    "fastgrad.optim", "fastgrad.optim.lr_scheduler", "fastgrad.utils.data", "fastgrad.autograd",
    "fastgrad.distributed", "fastgrad.datasets",
]


def public_names(module):
    names = getattr(module, "__all__", None)
    if names is None:  # dir() also lists what the module imported (math, Counter ...): keep fastgrad's own
        names = [n for n in dir(module) if not n.startswith("_")
                 and (getattr(getattr(module, n), "__module__", None) or "fastgrad").startswith("fastgrad")]
    return [n for n in names if not inspect.ismodule(getattr(module, n))]


def documented_text(obj, name):
    """The docstring without pybind11's generated signature lines ('' when that is all there is)."""
    doc = inspect.getdoc(obj) if inspect.isclass(obj) else (obj.__doc__ or "")
    if inspect.isclass(obj) and "__doc__" not in vars(obj):
        return ""  # a class inheriting its base's docstring is not documented
    signature = re.compile(rf"^\s*(\d+\.\s+)?{re.escape(name)}\(.*\)( -> .*)?$")
    body = [ln for ln in (doc or "").splitlines()
            if not signature.match(ln) and ln.strip() != "Overloaded function."]
    return "\n".join(body).strip()


def needs_doc(obj):
    return inspect.isclass(obj) or callable(obj)


def test_every_public_name_has_a_docstring():
    missing = []
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in public_names(module):
            obj = getattr(module, name)
            if needs_doc(obj) and not documented_text(obj, name):
                missing.append(f"{module_name}.{name}")
    assert not missing, f"{len(missing)} public name(s) without a docstring: {', '.join(missing)}"


def test_every_tensor_method_and_property_has_a_docstring():
    missing = []
    for name, member in vars(fastgrad.Tensor).items():
        if name.startswith("_") or not (callable(member) or isinstance(member, property)):
            continue
        target = getattr(fastgrad.Tensor, name) if callable(member) else member
        if not documented_text(target, name):
            missing.append(f"Tensor.{name}")
    assert not missing, f"{len(missing)} Tensor member(s) without a docstring: {', '.join(missing)}"


def test_docstring_table_names_exist():
    # A name in python/fastgrad/_docstrings/ that the C++ module does not define (renamed or removed op).
    assert fastgrad._C._docstring_orphans == [], (
        f"docstrings for names the C++ module lacks: {', '.join(fastgrad._C._docstring_orphans)}")


def test_bound_functions_keep_their_signature_line():
    doc = fastgrad.add.__doc__
    assert doc.splitlines()[0].startswith("add(input: ")
    assert "Examples:" in doc and ">>> " in doc


def _documented_objects():
    seen, out = set(), []
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in public_names(module):
            obj = getattr(module, name)
            if needs_doc(obj) and id(obj) not in seen:
                seen.add(id(obj))
                out.append((f"{module_name}.{name}", obj))
    for name, member in vars(fastgrad.Tensor).items():
        if not name.startswith("_"):
            out.append((f"Tensor.{name}", member if isinstance(member, property) else getattr(fastgrad.Tensor, name)))
    return out


def test_docstring_examples_run(tmp_path, monkeypatch):
    """The examples are doctests: run each with fastgrad, nn, F and np in scope and a fixed seed, in an empty
    working directory (examples that save a file write it there)."""
    monkeypatch.chdir(tmp_path)
    import fastgrad.nn as nn
    import fastgrad.nn.functional as F

    parser = doctest.DocTestParser()
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    failures, examples = [], 0
    for qualname, obj in _documented_objects():
        doc = obj.__doc__ if not inspect.isclass(obj) else vars(obj).get("__doc__")
        if not doc or ">>>" not in doc:
            continue
        fastgrad.manual_seed(0)
        threads = fastgrad.get_num_threads()
        test = parser.get_doctest(doc, {"fastgrad": fastgrad, "nn": nn, "F": F, "np": np}, qualname, None, 0)
        report = []
        runner = doctest.DocTestRunner(optionflags=flags)
        runner.run(test, out=report.append)
        fastgrad.set_num_threads(threads)
        examples += len(test.examples)
        if runner.failures:
            failures.append("".join(report))
    assert not failures, f"{len(failures)} docstring example(s) fail:\n" + "\n".join(failures)
    assert examples > 300  # the tables' examples were found too
