#include "python/module.h"

#include "tensor/errors.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace fg::python {

static std::vector<std::pair<int, Binder>>& binders() {
  static std::vector<std::pair<int, Binder>> list;  // function-local: safe across static-init order
  return list;
}

int register_binder(Binder binder, int order) {
  binders().emplace_back(order, binder);
  return 0;
}

}  // namespace fg::python

PYBIND11_MODULE(_C, m) {
  m.doc() = "fastgrad C++ core: tensors, autograd, kernels";
  pybind11::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const fg::TypeError& e) {
      PyErr_SetString(PyExc_TypeError, e.what());
    } catch (const fg::NotImplementedError& e) {
      PyErr_SetString(PyExc_NotImplementedError, e.what());
    }
  });
  auto list = fg::python::binders();
  std::stable_sort(list.begin(), list.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [order, binder] : list) binder(m);
}
