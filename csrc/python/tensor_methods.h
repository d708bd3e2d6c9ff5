#pragma once
// The Tensor class is bound in parts (properties, math, shape, in-place); an op that torch offers
// both as `x.op(...)` and `torch.op(x, ...)` is bound once for both with def_both.
#include "python/args.h"

namespace fg::python {

using TensorClass = py::class_<TensorImpl, Tensor>;

// What register_hook returns: remove() switches the hook off.
struct HookHandle {
  std::shared_ptr<bool> active;
};

template <typename F, typename... Extra>
void def_both(TensorClass& cls, py::module_& m, const char* name, F&& f, const Extra&... extra) {
  cls.def(name, f, extra...);
  m.def(name, f, py::arg("input"), extra...);
}

// def_both for a binder that runs after the Tensor class is bound (FG_BIND_ORDER above 0): the class is
// taken from the module.
template <typename F, typename... Extra>
void def_both(py::module_& m, const char* name, F&& f, const Extra&... extra) {
  py::object cls = m.attr("Tensor");
  cls.attr(name) = py::cpp_function(f, py::name(name), py::is_method(cls), extra...);
  m.def(name, f, py::arg("input"), extra...);
}

void bind_tensor_properties(TensorClass& cls);
void bind_tensor_math(TensorClass& cls, py::module_& m);
void bind_tensor_shape(TensorClass& cls, py::module_& m);
void bind_tensor_inplace(TensorClass& cls);

py::object grad_fn_object(const Tensor& t);
Tensor index_tensor(const Tensor& self, py::handle index);       // __getitem__
void index_assign(Tensor& self, py::handle index, py::handle value);  // __setitem__

}  // namespace fg::python
