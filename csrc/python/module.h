#pragma once
// Each bind_*.cpp registers the bindings it owns with FG_BIND; the module init runs them in order.
// This keeps the op families independent: adding a family never edits a central list.
#include <pybind11/pybind11.h>

namespace fg::python {

using Binder = void (*)(pybind11::module_&);
// Lower order runs first: the Tensor class (order 0) must exist before functions that take it.
int register_binder(Binder binder, int order);

}  // namespace fg::python

#define FG_BIND_ORDER(fn_name, order)                                                        \
  static void fn_name(pybind11::module_& m);                                                 \
  [[maybe_unused]] static const int fn_name##_registered = fg::python::register_binder(fn_name, order); \
  static void fn_name(pybind11::module_& m)

#define FG_BIND(fn_name) FG_BIND_ORDER(fn_name, 100)
