// torch.mm / torch.matmul (and the Tensor methods) with a sparse COO operand. The sparse tensor type lives
// in Python (fastgrad/sparse/_coo.py); these overloads are added after the dense ones, so pybind11 tries
// them only when an argument is not a dense Tensor: the dense path pays nothing for them.
#include <cstring>

#include "python/args.h"
#include "python/module.h"

namespace fg::python {

namespace {

py::object sparse_mm(py::handle a, py::handle b) {
  static py::handle dispatch = py::object(py::module_::import("fastgrad.sparse._coo").attr("mm_any")).release();
  return dispatch(a, b);
}

}  // namespace

FG_BIND_ORDER(bind_sparse_dispatch, 23) {
  py::object cls = m.attr("Tensor");
  for (const char* name : {"mm", "matmul"}) {
    m.def(name, [](py::object input, py::object other) { return sparse_mm(input, other); }, py::arg("input"),
          py::arg(std::strcmp(name, "mm") == 0 ? "mat2" : "other"));
    cls.attr(name) = py::cpp_function([](py::object self, py::object other) { return sparse_mm(self, other); },
                                      py::name(name), py::is_method(cls), py::sibling(cls.attr(name)),
                                      py::arg(std::strcmp(name, "mm") == 0 ? "mat2" : "other"));
  }
}

}  // namespace fg::python
