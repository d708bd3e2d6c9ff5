// Bindings of the everyday functions of ops/everyday.h, as fastgrad functions and (where torch has them)
// Tensor methods.
#include "ops/everyday.h"
#include "python/args.h"
#include "python/module.h"

namespace fg::python {

namespace {

TensorList tensors_from(const py::args& args, const char* op) {
  // f(a, b, c) or f([a, b, c]), as torch's varargs tensor functions
  py::handle src = args.size() == 1 && !is_tensor(args[0]) ? args[0] : py::handle(args);
  TensorList out;
  for (auto h : src) {
    FG_CHECK(is_tensor(h), TypeError, op, "(): expected Tensors, got ", Py_TYPE(h.ptr())->tp_name);
    out.push_back(h.cast<Tensor>());
  }
  return out;
}

std::optional<int64_t> optional_int(py::handle h) {
  if (h.is_none()) return std::nullopt;
  return h.cast<int64_t>();
}

Tensor triangle_indices(bool lower, int64_t row, int64_t col, int64_t offset, py::handle dtype, py::handle device,
                        py::handle layout) {
  const char* name = lower ? "tril_indices" : "triu_indices";
  check_cpu_device(device, name);
  FG_CHECK(layout.is_none() || std::string(py::str(layout)) == "torch.strided", NotImplementedError, name,
           "(layout=", std::string(py::str(layout)), "): fastgrad makes strided tensors only");
  Tensor idx = lower ? ops::tril_indices(row, col, offset) : ops::triu_indices(row, col, offset);
  const DType dt = dtype_or(dtype, DType::Int64);
  return dt == DType::Int64 ? idx : ops::to_dtype(idx, dt);
}

}  // namespace

FG_BIND_ORDER(bind_everyday, 24) {
  py::object cls = m.attr("Tensor");
  auto both = [&](const char* name, auto fn, auto... extra) {
    cls.attr(name) = py::cpp_function(fn, py::name(name), py::is_method(cls), extra...);
    m.def(name, fn, py::arg("input"), extra...);
  };
  both("frac", &ops::frac);
  both("logit", [](const Tensor& x, py::handle eps) {
    return ops::logit(x, eps.is_none() ? std::nullopt : std::optional<double>(eps.cast<double>()));
  }, py::arg("eps") = py::none());
  cls.attr("xlogy") = py::cpp_function([](const Tensor& x, py::handle other) {
    return ops::xlogy(x, to_tensor_arg(other, "xlogy"));
  }, py::name("xlogy"), py::is_method(cls), py::arg("other"));
  m.def("xlogy", [](py::handle input, py::handle other) {
    FG_CHECK(is_tensor(input) || is_tensor(other), TypeError, "xlogy(): expected at least one Tensor argument");
    return ops::xlogy(to_tensor_arg(input, "xlogy"), to_tensor_arg(other, "xlogy"));
  }, py::arg("input"), py::arg("other"));
  both("aminmax", [](const Tensor& x, py::handle dim, bool keepdim) {
    auto [lo, hi] = ops::aminmax(x, optional_int(dim), keepdim);
    return named_pair("aminmax", lo, hi);
  }, py::kw_only(), py::arg("dim") = py::none(), py::arg("keepdim") = false);
  both("cross", [](const Tensor& a, const Tensor& b, py::handle dim) { return ops::cross(a, b, optional_int(dim)); },
       py::arg("other"), py::arg("dim") = py::none());
  both("renorm", &ops::renorm, py::arg("p"), py::arg("dim"), py::arg("maxnorm"));
  both("logcumsumexp", &ops::logcumsumexp, py::arg("dim"));
  both("diff", [](const Tensor& x, int64_t n, int64_t dim, py::handle prepend, py::handle append) {
    return ops::diff(x, n, dim, optional_tensor(prepend), optional_tensor(append));
  }, py::arg("n") = 1, py::arg("dim") = -1, py::arg("prepend") = py::none(), py::arg("append") = py::none());
  both("fliplr", &ops::fliplr);
  both("flipud", &ops::flipud);
  both("rot90", [](const Tensor& x, int64_t k, py::handle dims) { return ops::rot90(x, k, dims_from(dims, "rot90")); },
       py::arg("k") = 1, py::arg("dims") = py::make_tuple(0, 1));
  m.def("tril_indices", [](int64_t row, int64_t col, int64_t offset, py::handle dtype, py::handle device,
                           py::handle layout) {
    return triangle_indices(true, row, col, offset, dtype, device, layout);
  }, py::arg("row"), py::arg("col"), py::arg("offset") = 0, py::kw_only(), py::arg("dtype") = py::none(),
     py::arg("device") = py::none(), py::arg("layout") = py::none());
  m.def("triu_indices", [](int64_t row, int64_t col, int64_t offset, py::handle dtype, py::handle device,
                           py::handle layout) {
    return triangle_indices(false, row, col, offset, dtype, device, layout);
  }, py::arg("row"), py::arg("col"), py::arg("offset") = 0, py::kw_only(), py::arg("dtype") = py::none(),
     py::arg("device") = py::none(), py::arg("layout") = py::none());
  m.def("block_diag", [](const py::args& args) { return ops::block_diag(tensors_from(args, "block_diag")); });
  m.def("cartesian_prod", [](const py::args& args) { return ops::cartesian_prod(tensors_from(args, "cartesian_prod")); });
  m.def("combinations", &ops::combinations, py::arg("input"), py::arg("r") = 2, py::arg("with_replacement") = false);
  m.def("vander", [](const Tensor& x, py::handle n, bool increasing) { return ops::vander(x, optional_int(n), increasing); },
        py::arg("x"), py::arg("N") = py::none(), py::arg("increasing") = false);
}

}  // namespace fg::python
