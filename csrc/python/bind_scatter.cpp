// The index-write family as Tensor methods and fastgrad functions: scatter (tensor or number, reduce=),
// scatter_add, scatter_reduce, index_add, index_copy, index_fill, index_put, masked_scatter and their
// in-place `_` forms. Arguments are converted here; the ops live in csrc/ops/scatter*.cpp.
#include "ops/scatter.h"
#include "python/module.h"
#include "python/tensor_methods.h"

namespace fg::python {

namespace {

std::optional<std::string> opt_str(py::handle h) {
  if (h.is_none()) return std::nullopt;
  return h.cast<std::string>();
}

// torch warns once per call site that scatter(..., src, reduce=) is on its way out
void warn_reduce_with_src() {
  if (PyErr_WarnEx(PyExc_UserWarning,
                   "The reduce argument of torch.scatter with Tensor src is deprecated and will be removed in a future "
                   "PyTorch release. Use torch.scatter_reduce instead for more reduction options.", 1) != 0)
    throw py::error_already_set();
}

// scatter's fourth argument: `src` (a tensor) or `value` (a number), positionally or by keyword.
py::object scatter_source(py::handle src, py::handle value, const char* op) {
  FG_CHECK(src.is_none() || value.is_none(), TypeError, op, "() received both src and value: pass one");
  py::handle s = src.is_none() ? value : src;
  FG_CHECK(!s.is_none(), TypeError, op, "() missing 1 required argument: 'src' or 'value'");
  FG_CHECK(!(is_tensor(s) && !value.is_none()), TypeError, op, "(): value must be a number, got a Tensor (pass it as src)");
  return py::reinterpret_borrow<py::object>(s);
}

double number_of(py::handle h, const char* op) {
  FG_CHECK(PyFloat_Check(h.ptr()) || PyLong_Check(h.ptr()) || py::hasattr(h, "__float__"), TypeError, op,
           "(): expected a Tensor or a number as the value, got ", Py_TYPE(h.ptr())->tp_name);
  return py::float_(py::reinterpret_borrow<py::object>(h)).cast<double>();
}

Tensor scatter_any(const Tensor& x, int64_t dim, const Tensor& index, py::handle src, py::handle value, py::handle reduce) {
  py::object s = scatter_source(src, value, "scatter");
  if (is_tensor(s)) {
    if (!reduce.is_none()) warn_reduce_with_src();
    return ops::scatter(x, dim, index, s.cast<Tensor>(), opt_str(reduce));
  }
  return ops::scatter(x, dim, index, number_of(s, "scatter"), opt_str(reduce));
}

Tensor scatter_inplace(Tensor& x, int64_t dim, const Tensor& index, py::handle src, py::handle value, py::handle reduce) {
  py::object s = scatter_source(src, value, "scatter_");
  if (is_tensor(s)) {
    if (!reduce.is_none()) warn_reduce_with_src();
    return ops::scatter_(x, dim, index, s.cast<Tensor>(), opt_str(reduce));
  }
  return ops::scatter_(x, dim, index, number_of(s, "scatter_"), opt_str(reduce));
}

// index_put's indices: a tuple or list of tensors (torch refuses None there, as here)
TensorList index_list(py::handle indices) {
  FG_CHECK(py::isinstance<py::tuple>(indices) || py::isinstance<py::list>(indices), TypeError,
           "index_put(): argument 'indices' must be tuple of Tensors, not ", Py_TYPE(indices.ptr())->tp_name);
  TensorList out;
  int64_t k = 0;
  for (auto h : indices) {
    FG_CHECK(is_tensor(h), TypeError, "expected Tensor as element ", k, " in argument 0, but got ",
             Py_TYPE(h.ptr())->tp_name);
    out.push_back(h.cast<Tensor>());
    ++k;
  }
  return out;
}

Tensor value_tensor(py::handle value, const Tensor& like) {
  return is_tensor(value) ? value.cast<Tensor>() : ops::result_like_scalar(number_of(value, "index_fill"), like);
}

}  // namespace

FG_BIND_ORDER(bind_scatter, 22) {
  auto cls = py::reinterpret_borrow<TensorClass>(m.attr("Tensor"));
  def_both(cls, m, "scatter", &scatter_any, py::arg("dim"), py::arg("index"), py::arg("src") = py::none(),
           py::arg("value") = py::none(), py::kw_only(), py::arg("reduce") = py::none());
  cls.def("scatter_", &scatter_inplace, py::arg("dim"), py::arg("index"), py::arg("src") = py::none(),
          py::arg("value") = py::none(), py::kw_only(), py::arg("reduce") = py::none());
  def_both(cls, m, "scatter_add", [](const Tensor& x, int64_t dim, const Tensor& index, const Tensor& src) {
    return ops::scatter_add(x, dim, index, src);
  }, py::arg("dim"), py::arg("index"), py::arg("src"));
  cls.def("scatter_add_", [](Tensor& x, int64_t dim, const Tensor& index, const Tensor& src) {
    return ops::scatter_add_(x, dim, index, src);
  }, py::arg("dim"), py::arg("index"), py::arg("src"));
  def_both(cls, m, "scatter_reduce", [](const Tensor& x, int64_t dim, const Tensor& index, const Tensor& src,
                                        const std::string& reduce, bool include_self) {
    return ops::scatter_reduce(x, dim, index, src, reduce, include_self);
  }, py::arg("dim"), py::arg("index"), py::arg("src"), py::arg("reduce"), py::kw_only(), py::arg("include_self") = true);
  cls.def("scatter_reduce_", [](Tensor& x, int64_t dim, const Tensor& index, const Tensor& src, const std::string& reduce,
                                bool include_self) {
    return ops::scatter_reduce_(x, dim, index, src, reduce, include_self);
  }, py::arg("dim"), py::arg("index"), py::arg("src"), py::arg("reduce"), py::kw_only(), py::arg("include_self") = true);

  def_both(cls, m, "index_add", [](const Tensor& x, int64_t dim, const Tensor& index, const Tensor& source, double alpha) {
    return ops::index_add(x, dim, index, source, alpha);
  }, py::arg("dim"), py::arg("index"), py::arg("source"), py::kw_only(), py::arg("alpha") = 1.0);
  cls.def("index_add_", [](Tensor& x, int64_t dim, const Tensor& index, const Tensor& source, double alpha) {
    return ops::index_add_(x, dim, index, source, alpha);
  }, py::arg("dim"), py::arg("index"), py::arg("source"), py::kw_only(), py::arg("alpha") = 1.0);
  def_both(cls, m, "index_copy", [](const Tensor& x, int64_t dim, const Tensor& index, const Tensor& source) {
    return ops::index_copy(x, dim, index, source);
  }, py::arg("dim"), py::arg("index"), py::arg("source"));
  cls.def("index_copy_", [](Tensor& x, int64_t dim, const Tensor& index, const Tensor& source) {
    return ops::index_copy_(x, dim, index, source);
  }, py::arg("dim"), py::arg("index"), py::arg("source"));
  def_both(cls, m, "index_fill", [](const Tensor& x, int64_t dim, const Tensor& index, py::handle value) {
    return ops::index_fill(x, dim, index, value_tensor(value, x));
  }, py::arg("dim"), py::arg("index"), py::arg("value"));
  cls.def("index_fill_", [](Tensor& x, int64_t dim, const Tensor& index, py::handle value) {
    return ops::index_fill_(x, dim, index, value_tensor(value, x));
  }, py::arg("dim"), py::arg("index"), py::arg("value"));

  def_both(cls, m, "index_put", [](const Tensor& x, py::handle indices, const Tensor& values, bool accumulate) {
    return ops::index_put(x, index_list(indices), values, accumulate);
  }, py::arg("indices"), py::arg("values"), py::arg("accumulate") = false);
  cls.def("index_put_", [](Tensor& x, py::handle indices, const Tensor& values, bool accumulate) {
    return ops::index_put_(x, index_list(indices), values, accumulate);
  }, py::arg("indices"), py::arg("values"), py::arg("accumulate") = false);
  def_both(cls, m, "masked_scatter", [](const Tensor& x, const Tensor& mask, const Tensor& source) {
    return ops::masked_scatter(x, mask, source);
  }, py::arg("mask"), py::arg("source"));
  cls.def("masked_scatter_", [](Tensor& x, const Tensor& mask, const Tensor& source) {
    return ops::masked_scatter_(x, mask, source);
  }, py::arg("mask"), py::arg("source"));
}

}  // namespace fg::python
