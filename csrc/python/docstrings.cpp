// Docstrings of the C++-bound functions, classes and Tensor methods, attached after every binder ran.
//
// Why a separate table instead of a doc argument in each m.def(...): the texts are long (what the op
// does, Args, Shape, Example, as torch writes them) and would bury the bindings, which only convert
// arguments; they are prose that people edit without touching C++. So the texts live in a Python module,
// fastgrad/_docstrings/, and this file copies them onto the bound objects once, at module init:
//   - a pybind11 function keeps the signature line(s) pybind11 generated (help() and IDEs show them) and
//     gets the text after a blank line. Its PyMethodDef is pybind11's own heap copy whose ml_doc pybind11
//     allocated with strdup and frees with free(); we swap it the same way.
//   - a property or a class gets its __doc__ set (both are writable for pybind11's heap types).
// It registers as the binder with the highest order, so it runs after all the others without module.cpp
// knowing about it. A table name the module lacks (an op renamed or removed) is collected in _C._docstring_orphans, which
// tests/test_docstrings.py reports, rather than failing the import.
#include "python/module.h"

#include <cstdlib>
#include <cstring>
#include <string>

namespace py = pybind11;

namespace fg::python {
namespace {

// The pybind11 function behind a module function or an (instance) method; nullptr for anything else.
PyCFunctionObject* bound_function(PyObject* obj) {
  if (PyInstanceMethod_Check(obj)) obj = PyInstanceMethod_GET_FUNCTION(obj);
  if (PyMethod_Check(obj)) obj = PyMethod_GET_FUNCTION(obj);
  return PyCFunction_Check(obj) ? reinterpret_cast<PyCFunctionObject*>(obj) : nullptr;
}

void set_function_doc(PyCFunctionObject* fn, const std::string& text) {
  const char* old = fn->m_ml->ml_doc;
  std::string signature = old ? old : "";
  while (!signature.empty() && signature.back() == '\n') signature.pop_back();
  std::string doc = signature.empty() ? text : signature + "\n\n" + text;
  char* copy = static_cast<char*>(std::malloc(doc.size() + 1));
  if (copy == nullptr) throw std::bad_alloc();
  std::memcpy(copy, doc.c_str(), doc.size() + 1);
  fn->m_ml->ml_doc = copy;
  std::free(const_cast<char*>(old));
}

// Sets the doc of owner.<name>; returns false when owner has no such attribute.
bool set_doc(py::handle owner, const std::string& name, const std::string& text, bool is_class) {
  // A class's __dict__ holds the descriptor itself (property, instancemethod), not what getattr returns.
  py::object attr;
  if (is_class) {
    py::dict members = py::reinterpret_borrow<py::dict>(reinterpret_cast<PyTypeObject*>(owner.ptr())->tp_dict);
    if (!members.contains(name)) return false;
    attr = members[py::str(name)];
  } else {
    if (!py::hasattr(owner, name.c_str())) return false;
    attr = owner.attr(name.c_str());
  }
  if (PyCFunctionObject* fn = bound_function(attr.ptr())) {
    set_function_doc(fn, text);
  } else {
    attr.attr("__doc__") = py::str(text);
  }
  return true;
}

}  // namespace

// After every other binder (they use orders below 1000).
FG_BIND_ORDER(apply_docstrings, 1 << 30) {
  py::module_ table = py::module_::import("fastgrad._docstrings");
  py::list orphans;
  for (auto item : table.attr("FUNCTIONS").cast<py::dict>()) {
    auto name = item.first.cast<std::string>();
    if (!set_doc(m, name, item.second.cast<std::string>(), false)) orphans.append(name);
  }
  // CLASSES: {"Tensor": {"": class doc, "add": method doc, "shape": property doc, ...}, ...}
  for (auto cls : table.attr("CLASSES").cast<py::dict>()) {
    auto cls_name = cls.first.cast<std::string>();
    if (!py::hasattr(m, cls_name.c_str())) {
      orphans.append(cls_name);
      continue;
    }
    py::object type = m.attr(cls_name.c_str());
    for (auto member : cls.second.cast<py::dict>()) {
      auto name = member.first.cast<std::string>();
      auto text = member.second.cast<std::string>();
      if (name.empty()) {
        type.attr("__doc__") = py::str(text);
      } else if (!set_doc(type, name, text, true)) {
        orphans.append(cls_name + "." + name);
      }
    }
  }
  m.attr("_docstring_orphans") = orphans;
}

}  // namespace fg::python
