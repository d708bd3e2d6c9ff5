// Tensor creation: zeros, ones, full, empty, arange, linspace, eye and the *_like forms.
// (Random sampling is bind_random.cpp.)
#include "autograd/grad_mode.h"
#include "python/module.h"
#include "python/tensor_methods.h"

namespace fg::python {

namespace {

DType scalar_dtype(py::handle v) {
  if (PyBool_Check(v.ptr())) return DType::Bool;
  if (PyLong_Check(v.ptr())) return DType::Int64;
  return default_dtype();
}

// layout=: only torch.strided (or None) names what fastgrad tensors are
void check_layout(py::handle layout, const char* name) {
  if (layout.is_none()) return;
  const std::string l = py::str(layout);
  FG_CHECK(l == "torch.strided", RuntimeError, name, "(): fastgrad creates strided tensors only, got layout=", l);
}

py::object kwarg(const py::kwargs& kw, const char* key) {
  return kw.contains(key) ? py::object(kw[key]) : py::object(py::none());
}

// Binds f(*size, dtype=None, layout=None, device=None, requires_grad=False, pin_memory=False) for a
// shape-taking creation function; any other keyword is refused, as torch refuses it, not ignored.
template <typename Make>
void def_sized(py::module_& m, const char* name, Make make) {
  m.def(name, [make, name](const py::args& args, const py::kwargs& kw) {
    for (auto item : kw) {
      const std::string k = py::str(item.first);
      FG_CHECK(k == "size" || k == "dtype" || k == "layout" || k == "device" || k == "requires_grad" ||
               k == "pin_memory", TypeError, name, "() got an unexpected keyword argument '", k, "'");
    }
    check_cpu_device(kwarg(kw, "device"), name);
    check_pin_memory(kwarg(kw, "pin_memory"));
    check_layout(kwarg(kw, "layout"), name);
    Dims shape = shape_from_args(args, name);
    if (kw.contains("size")) shape = shape_from_args(py::make_tuple(kw["size"]), name);
    DType dt = dtype_or(kwarg(kw, "dtype"), default_dtype());
    bool rg = kw.contains("requires_grad") && kw["requires_grad"].cast<bool>();
    return finish(make(shape, dt), rg);
  });
}

template <typename Make>
void def_like(py::module_& m, const char* name, Make make) {
  m.def(name, [make, name](const Tensor& t, py::object dtype, py::object device, bool requires_grad,
                           py::object pin_memory) {
    check_cpu_device(device, name);
    check_pin_memory(pin_memory);
    return finish(make(t->shape, dtype_or(dtype, t->dtype)), requires_grad);
  }, py::arg("input"), py::kw_only(), py::arg("dtype") = py::none(), py::arg("device") = py::none(),
     py::arg("requires_grad") = false, py::arg("pin_memory") = py::none());
}

}  // namespace

FG_BIND_ORDER(bind_creation, 20) {
  def_sized(m, "zeros", [](const Dims& s, DType dt) { return ops::zeros(s, dt); });
  def_sized(m, "ones", [](const Dims& s, DType dt) { return ops::ones(s, dt); });
  def_sized(m, "empty", [](const Dims& s, DType dt) { return empty(s, dt); });
  def_like(m, "zeros_like", [](const Dims& s, DType dt) { return ops::zeros(s, dt); });
  def_like(m, "ones_like", [](const Dims& s, DType dt) { return ops::ones(s, dt); });
  def_like(m, "empty_like", [](const Dims& s, DType dt) { return empty(s, dt); });

  m.def("full", [](py::object size, py::object value, py::object dtype, py::object device, bool requires_grad,
                   py::object pin_memory) {
    check_cpu_device(device, "full");
    check_pin_memory(pin_memory);
    Dims s = shape_from_args(py::make_tuple(size), "full");
    DType dt = dtype_or(dtype, scalar_dtype(value));
    return finish(ops::full(s, py::float_(value).cast<double>(), dt), requires_grad);
  }, py::arg("size"), py::arg("fill_value"), py::kw_only(), py::arg("dtype") = py::none(), py::arg("device") = py::none(),
     py::arg("requires_grad") = false, py::arg("pin_memory") = py::none());
  m.def("full_like", [](const Tensor& t, py::object value, py::object dtype, py::object device, bool requires_grad,
                        py::object pin_memory) {
    check_cpu_device(device, "full_like");
    check_pin_memory(pin_memory);
    return finish(ops::full(t->shape, py::float_(value).cast<double>(), dtype_or(dtype, t->dtype)), requires_grad);
  }, py::arg("input"), py::arg("fill_value"), py::kw_only(), py::arg("dtype") = py::none(), py::arg("device") = py::none(),
     py::arg("requires_grad") = false, py::arg("pin_memory") = py::none());

  m.def("arange", [](py::object start, py::object end, py::object step, py::object dtype, py::object device,
                     bool requires_grad, py::object pin_memory) {
    check_cpu_device(device, "arange");
    check_pin_memory(pin_memory);
    if (end.is_none()) {
      end = start;
      start = py::int_(0);
    }
    bool all_int = !PyFloat_Check(start.ptr()) && !PyFloat_Check(end.ptr()) && !PyFloat_Check(step.ptr());
    DType dt = dtype_or(dtype, all_int ? DType::Int64 : default_dtype());
    return finish(ops::arange(py::float_(start).cast<double>(), py::float_(end).cast<double>(),
                              py::float_(step).cast<double>(), dt), requires_grad);
  }, py::arg("start"), py::arg("end") = py::none(), py::arg("step") = 1, py::kw_only(), py::arg("dtype") = py::none(),
     py::arg("device") = py::none(), py::arg("requires_grad") = false, py::arg("pin_memory") = py::none());
  m.def("linspace", [](double start, double end, int64_t steps, py::object dtype, py::object device, bool requires_grad,
                       py::object pin_memory) {
    check_cpu_device(device, "linspace");
    check_pin_memory(pin_memory);
    return finish(ops::linspace(start, end, steps, dtype_or(dtype, default_dtype())), requires_grad);
  }, py::arg("start"), py::arg("end"), py::arg("steps"), py::kw_only(), py::arg("dtype") = py::none(),
     py::arg("device") = py::none(), py::arg("requires_grad") = false, py::arg("pin_memory") = py::none());
  m.def("eye", [](int64_t n, py::object mcols, py::object dtype, py::object device, bool requires_grad,
                  py::object pin_memory) {
    check_cpu_device(device, "eye");
    check_pin_memory(pin_memory);
    int64_t mm = mcols.is_none() ? n : mcols.cast<int64_t>();
    return finish(ops::eye(n, mm, dtype_or(dtype, default_dtype())), requires_grad);
  }, py::arg("n"), py::arg("m") = py::none(), py::kw_only(), py::arg("dtype") = py::none(), py::arg("device") = py::none(),
     py::arg("requires_grad") = false, py::arg("pin_memory") = py::none());

}

}  // namespace fg::python
