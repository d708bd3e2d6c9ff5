// Shape and view methods, dtype conversion, joining.
#include "python/tensor_methods.h"

namespace fg::python {

namespace {

// view(2, 3), view((2, 3)), view([2, 3]); also reshape/expand/permute/repeat-style varargs
Dims varargs_dims(const py::args& args, const char* op) {
  Dims out;
  if (args.size() == 1 && !PyLong_Check(args[0].ptr()) && !py::isinstance<py::str>(args[0]) &&
      py::isinstance<py::sequence>(args[0])) {
    for (auto h : args[0]) {
      FG_CHECK(PyLong_Check(h.ptr()) || py::hasattr(h, "__index__"), TypeError, op,
               "(): argument 'size' must be tuple of ints, but found element of type ", Py_TYPE(h.ptr())->tp_name);
      out.push_back(py::cast<int64_t>(py::int_(py::reinterpret_borrow<py::object>(h))));
    }
  } else {
    for (auto h : args) {
      FG_CHECK(PyLong_Check(h.ptr()) || py::hasattr(h, "__index__"), TypeError, op,
               "(): argument 'size' must be tuple of ints, but found element of type ", Py_TYPE(h.ptr())->tp_name);
      out.push_back(py::cast<int64_t>(py::int_(py::reinterpret_borrow<py::object>(h))));
    }
  }
  return out;
}

// .to(dtype) / .to(tensor) / .to("cpu") / .to("cpu", dtype), with torch's keywords dtype, device,
// non_blocking (a CPU-to-CPU move is synchronous anyway), copy and memory_format (only the preserving one).
Tensor to_call(const Tensor& t, const py::args& args, const py::kwargs& kwargs) {
  std::optional<DType> dt;
  auto consider = [&](py::handle h) {
    if (h.is_none()) return;
    if (is_tensor(h)) dt = h.cast<Tensor>()->dtype;
    else if (is_device_arg(h)) check_cpu_device(h, "to");
    else dt = dtype_from(h);
  };
  for (auto a : args) consider(a);
  for (auto item : kwargs) {
    const std::string key = py::str(item.first);
    if (key == "dtype" || key == "device") {
      consider(item.second);
    } else if (key == "memory_format") {
      if (item.second.is_none()) continue;
      const std::string f = py::str(item.second);
      FG_CHECK(f == "torch.preserve_format" || f == "torch.contiguous_format", RuntimeError,
               "to(): fastgrad tensors are strided row-major; memory_format=", f, " is not supported");
    } else {
      FG_CHECK(key == "non_blocking" || key == "copy", TypeError, "to() got an unexpected keyword argument '", key, "'");
    }
  }
  bool copy = kwargs.contains("copy") && kwargs["copy"].cast<bool>();
  Tensor r = dt ? ops::to_dtype(t, *dt) : t;
  if (copy && r == t) r = ops::clone(t);
  return r;
}

py::tuple as_tuple(const TensorList& ts) {
  py::tuple out(ts.size());
  for (size_t i = 0; i < ts.size(); ++i) out[i] = py::cast(ts[i]);
  return out;
}

// split(int) or split([sizes]), as torch's Tensor.split
py::tuple split_call(const Tensor& t, py::handle split_size_or_sections, int64_t dim) {
  if (PyLong_Check(split_size_or_sections.ptr()))
    return as_tuple(ops::split(t, split_size_or_sections.cast<int64_t>(), dim));
  return as_tuple(ops::split_with_sizes(t, dims_from(split_size_or_sections, "split"), dim));
}

}  // namespace

void bind_tensor_shape(TensorClass& cls, py::module_& m) {
  cls.def("view", [](const Tensor& t, const py::args& a) {
        static py::handle dtype_type = py::object(py::module_::import("fastgrad._types").attr("dtype")).release();
        if (a.size() == 1 && py::isinstance(a[0], dtype_type)) return ops::view_dtype(t, dtype_from(a[0]));
        return ops::view(t, varargs_dims(a, "view"));
      })
      .def("reshape", [](const Tensor& t, const py::args& a) { return ops::reshape(t, varargs_dims(a, "reshape")); })
      .def("expand", [](const Tensor& t, const py::args& a) { return ops::expand(t, varargs_dims(a, "expand")); })
      .def("permute", [](const Tensor& t, const py::args& a) { return ops::permute(t, varargs_dims(a, "permute")); })
      .def("view_as", [](const Tensor& t, const Tensor& o) { return ops::view(t, o->shape); })
      .def("reshape_as", [](const Tensor& t, const Tensor& o) { return ops::reshape(t, o->shape); })
      .def("expand_as", [](const Tensor& t, const Tensor& o) { return ops::expand(t, o->shape); })
      .def("t", [](const Tensor& t) {
        FG_CHECK(t->dim() <= 2, RuntimeError, "t() expects a tensor with <= 2 dimensions, but self is ", t->dim(), "D");
        return t->dim() < 2 ? t : ops::transpose(t, 0, 1);
      })
      .def_property_readonly("T", [](const Tensor& t) {
        Dims rev;
        for (int64_t i = t->dim() - 1; i >= 0; --i) rev.push_back(i);
        return ops::permute(t, rev);
      })
      .def_property_readonly("mT", [](const Tensor& t) { return ops::transpose(t, -2, -1); })
      .def("contiguous", &ops::contiguous)
      .def("clone", [](const Tensor& t) { return ops::clone(t); })
      .def("to", &to_call)
      .def("type_as", [](const Tensor& t, const Tensor& o) { return ops::to_dtype(t, o->dtype); })
      .def("float", [](const Tensor& t) { return ops::to_dtype(t, DType::Float32); })
      .def("double", [](const Tensor& t) { return ops::to_dtype(t, DType::Float64); })
      .def("long", [](const Tensor& t) { return ops::to_dtype(t, DType::Int64); })
      .def("bool", [](const Tensor& t) { return ops::to_dtype(t, DType::Bool); })
      .def("int", [](const Tensor& t) { return ops::to_dtype(t, DType::Int32); })
      .def("short", [](const Tensor& t) { return ops::to_dtype(t, DType::Int16); })
      .def("char", [](const Tensor& t) { return ops::to_dtype(t, DType::Int8); })
      .def("byte", [](const Tensor& t) { return ops::to_dtype(t, DType::UInt8); })
      .def("half", [](const Tensor& t) { return ops::to_dtype(t, DType::Float16); })
      .def("bfloat16", [](const Tensor& t) { return ops::to_dtype(t, DType::BFloat16); })
      .def("cpu", [](const Tensor& t) { return t; })
      .def("__getitem__", &index_tensor)
      .def("__setitem__", [](Tensor& t, py::handle idx, py::handle v) { index_assign(t, idx, v); });

  def_both(cls, m, "transpose", &ops::transpose, py::arg("dim0"), py::arg("dim1"));
  def_both(cls, m, "swapaxes", &ops::transpose, py::arg("axis0"), py::arg("axis1"));
  def_both(cls, m, "squeeze", [](const Tensor& t, py::object dim) { return ops::squeeze(t, optional_dims(dim, "squeeze")); },
           py::arg("dim") = py::none());
  def_both(cls, m, "unsqueeze", &ops::unsqueeze, py::arg("dim"));
  def_both(cls, m, "flatten", &ops::flatten, py::arg("start_dim") = 0, py::arg("end_dim") = -1);
  def_both(cls, m, "narrow", [](const Tensor& t, int64_t dim, int64_t start, int64_t length) {
    // torch's checks: a slice would silently clamp a window that runs past the end
    FG_CHECK(t->dim() > 0, RuntimeError, "narrow() cannot be applied to a 0-dim tensor.");
    const int64_t d = wrap_dim(dim, t->dim()), size = t->shape[d];
    FG_CHECK(length >= 0, RuntimeError, "narrow(): length must be non-negative.");
    FG_CHECK(start >= -size && start <= size, IndexError, "start out of range (expected to be in range of [", -size,
             ", ", size, "], but got ", start, ")");
    if (start < 0) start += size;
    FG_CHECK(start <= size - length, RuntimeError, "start (", start, ") + length (", length,
             ") exceeds dimension size (", size, ").");
    return ops::slice(t, d, start, start + length, 1);
  }, py::arg("dim"), py::arg("start"), py::arg("length"));
  def_both(cls, m, "select", &ops::select, py::arg("dim"), py::arg("index"));
  def_both(cls, m, "split", &split_call, py::arg("split_size_or_sections"), py::arg("dim") = 0);
  def_both(cls, m, "unbind", [](const Tensor& t, int64_t dim) { return as_tuple(ops::unbind(t, dim)); }, py::arg("dim") = 0);
  for (const char* name : {"movedim", "moveaxis"})
    def_both(cls, m, name, [](const Tensor& t, py::object source, py::object destination) {
      return ops::movedim(t, dims_from(source, "movedim"), dims_from(destination, "movedim"));
    }, py::arg("source"), py::arg("destination"));
  def_both(cls, m, "chunk", [](const Tensor& t, int64_t chunks, int64_t dim) { return as_tuple(ops::chunk(t, chunks, dim)); },
           py::arg("chunks"), py::arg("dim") = 0);
  cls.def("flip", [](const Tensor& t, const py::args& a) { return ops::flip(t, varargs_dims(a, "flip")); });
  m.def("flip", [](const Tensor& t, py::object dims) { return ops::flip(t, dims_from(dims, "flip")); },
        py::arg("input"), py::arg("dims"));
  def_both(cls, m, "tril", &ops::tril, py::arg("diagonal") = 0);
  def_both(cls, m, "triu", &ops::triu, py::arg("diagonal") = 0);
  m.def("reshape", [](const Tensor& t, py::object shape) { return ops::reshape(t, dims_from(shape, "reshape")); },
        py::arg("input"), py::arg("shape"));
  m.def("permute", [](const Tensor& t, py::object dims) { return ops::permute(t, dims_from(dims, "permute")); },
        py::arg("input"), py::arg("dims"));
  m.def("t", [](const Tensor& t) { return t->dim() < 2 ? t : ops::transpose(t, 0, 1); }, py::arg("input"));
  m.def("clone", [](const Tensor& t) { return ops::clone(t); }, py::arg("input"));
  m.def("cat", [](const TensorList& ts, int64_t dim) { return ops::cat(ts, dim); }, py::arg("tensors"), py::arg("dim") = 0);
  m.def("concat", [](const TensorList& ts, int64_t dim) { return ops::cat(ts, dim); }, py::arg("tensors"), py::arg("dim") = 0);
  m.def("stack", [](const TensorList& ts, int64_t dim) { return ops::stack(ts, dim); }, py::arg("tensors"), py::arg("dim") = 0);
  m.def("_to_dtype", [](const Tensor& t, py::handle dt) { return ops::to_dtype(t, dtype_from(dt)); });
}

}  // namespace fg::python
