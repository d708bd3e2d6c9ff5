#include "python/args.h"

#include "python/module.h"

namespace fg::python {

// Plain handles holding deliberately leaked references: a static py::object would be released by a
// C++ static destructor after the interpreter has finalized, and that dealloc aborts the process at exit.
static py::handle g_tensor_type;
static py::handle g_dtypes[kNumDTypes];
static py::handle g_size_type;

py::handle tensor_type() { return g_tensor_type; }
void set_tensor_type(py::handle t) { g_tensor_type = t; }

bool is_tensor(py::handle h) { return PyObject_IsInstance(h.ptr(), g_tensor_type.ptr()) == 1; }

Tensor to_tensor_arg(py::handle h, const char* op) {
  if (is_tensor(h)) return h.cast<Tensor>();
  if (PyBool_Check(h.ptr())) {
    Tensor t = scalar_tensor(h.ptr() == Py_True ? 1.0 : 0.0, DType::Bool);
    t->wrapped_number = true;
    return t;
  }
  if (PyLong_Check(h.ptr())) {
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(h.ptr(), &overflow);
    FG_CHECK(!overflow, RuntimeError, "Overflow when unpacking long");
    Tensor t = empty(Dims{}, DType::Int64);
    *t->data<int64_t>() = v;
    t->wrapped_number = true;
    return t;
  }
  if (PyFloat_Check(h.ptr())) {
    Tensor t = scalar_tensor(PyFloat_AS_DOUBLE(h.ptr()), DType::Float64);
    t->wrapped_number = true;
    return t;
  }
  // numpy scalars and other numbers
  if (py::hasattr(h, "__index__") && !py::hasattr(h, "shape")) return to_tensor_arg(py::int_(py::reinterpret_borrow<py::object>(h)), op);
  if (py::hasattr(h, "__float__") && !py::hasattr(h, "__len__")) {
    py::object kind = py::getattr(h, "dtype", py::none());
    return to_tensor_arg(py::float_(py::reinterpret_borrow<py::object>(h)), op);
  }
  throw TypeError(str(op, "(): argument 'other' must be Tensor or Number, not ", Py_TYPE(h.ptr())->tp_name));
}

ops::RoundingMode rounding_mode_from(py::handle h) {
  if (h.is_none()) return ops::RoundingMode::None;
  FG_CHECK(py::isinstance<py::str>(h), TypeError, "div(): argument 'rounding_mode' must be str or None, not ",
           Py_TYPE(h.ptr())->tp_name);
  const std::string s = h.cast<std::string>();
  if (s == "trunc") return ops::RoundingMode::Trunc;
  if (s == "floor") return ops::RoundingMode::Floor;
  throw RuntimeError(str("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '", s, "'"));
}

Tensor optional_tensor(py::handle h) {
  if (h.is_none()) return nullptr;
  FG_CHECK(is_tensor(h), TypeError, "expected Tensor or None, got ", Py_TYPE(h.ptr())->tp_name);
  return h.cast<Tensor>();
}

static int64_t as_int(py::handle h, const char* op) {
  FG_CHECK(PyLong_Check(h.ptr()) || (py::hasattr(h, "__index__") && !PyFloat_Check(h.ptr())), TypeError, op,
           "(): expected an int, but got ", Py_TYPE(h.ptr())->tp_name);
  return py::cast<int64_t>(py::int_(py::reinterpret_borrow<py::object>(h)));
}

Dims shape_from_args(const py::args& args, const char* op) {
  Dims shape;
  if (args.size() == 1 && !PyLong_Check(args[0].ptr()) && py::isinstance<py::sequence>(args[0])) {
    for (auto item : args[0]) shape.push_back(as_int(item, op));
  } else {
    for (auto item : args) shape.push_back(as_int(item, op));
  }
  for (int64_t s : shape)
    FG_CHECK(s >= 0, RuntimeError, "Trying to create tensor with negative dimension ", s, ": ", shape_str(shape));
  return shape;
}

Dims dims_from(py::handle h, const char* op) {
  Dims dims;
  if (PyLong_Check(h.ptr())) {
    dims.push_back(as_int(h, op));
  } else {
    for (auto item : h) dims.push_back(as_int(item, op));
  }
  return dims;
}

std::optional<Dims> optional_dims(py::handle h, const char* op) {
  if (h.is_none()) return std::nullopt;
  return dims_from(h, op);
}

void register_dtype_objects(const py::sequence& objs) {
  FG_CHECK(py::len(objs) == kNumDTypes, ValueError, "_register_dtypes: expected ", kNumDTypes, " dtypes in enum order");
  for (int i = 0; i < kNumDTypes; ++i) {
    py::handle o = objs[i];
    o.inc_ref();
    g_dtypes[i].dec_ref();  // a re-registration releases the previous object (no-op on a null handle)
    g_dtypes[i] = o;
  }
}

DType dtype_from(py::handle h) {
  for (int i = 0; i < kNumDTypes; ++i)
    if (g_dtypes[i] && h.is(g_dtypes[i])) return static_cast<DType>(i);
  // python builtins, as torch accepts them (float is float64, as numpy's float)
  if (h.ptr() == reinterpret_cast<PyObject*>(&PyFloat_Type)) return DType::Float64;
  if (h.ptr() == reinterpret_cast<PyObject*>(&PyLong_Type)) return DType::Int64;
  if (h.ptr() == reinterpret_cast<PyObject*>(&PyBool_Type)) return DType::Bool;
  throw TypeError(str("unsupported dtype ", py::str(h).cast<std::string>(),
                      "; fastgrad supports bool, uint8, int8, int16, int32, int64, float16, bfloat16, float32 and "
                      "float64 (no complex, uint16/32/64 or float8 dtypes)"));
}

std::optional<DType> optional_dtype(py::handle h) {
  if (h.is_none()) return std::nullopt;
  return dtype_from(h);
}

py::object dtype_object(DType t) { return py::reinterpret_borrow<py::object>(g_dtypes[static_cast<int>(t)]); }

py::object make_size(const Dims& shape) {
  if (!g_size_type) g_size_type = py::object(py::module_::import("fastgrad._types").attr("Size")).release();
  py::tuple t(shape.size());
  for (size_t i = 0; i < shape.size(); ++i) t[i] = py::int_(shape[i]);
  return g_size_type(t);
}

// The checks live in fastgrad/_types.py so Python-level constructors (tensor(), legacy types) and the
// bound ones give one message; the object is looked up once and its reference deliberately kept.
static py::handle types_attr(const char* name) {
  static py::handle types = py::module_::import("fastgrad._types").release();
  return py::object(types.attr(name)).release();
}

void check_cpu_device(py::handle device, const char* op) {
  if (device.is_none()) return;
  static py::handle check = types_attr("check_cpu_device");
  check(device, str(op, "()"));
}

void check_pin_memory(py::handle pin_memory) {
  if (pin_memory.is_none()) return;
  static py::handle check = types_attr("check_pin_memory");
  check(py::bool_(pin_memory.cast<bool>()));
}

bool is_device_arg(py::handle h) {
  static py::handle device_type = types_attr("device");
  return py::isinstance<py::str>(h) || PyObject_IsInstance(h.ptr(), device_type.ptr()) == 1;
}

py::object unique_result(const Tensor& values, const Tensor& inverse, const Tensor& counts, bool return_inverse,
                         bool return_counts) {
  if (!return_inverse && !return_counts) return py::cast(values);
  py::list out;
  out.append(values);
  if (return_inverse) out.append(inverse);
  if (return_counts) out.append(counts);
  return py::tuple(out);
}

py::object named_pair(const char* type_name, const Tensor& values, const Tensor& indices) {
  static py::handle types = py::module_::import("fastgrad._types").release();
  return types.attr(type_name)(values, indices);
}

bool keepdim_of(bool keepdim, py::handle keepdims, const char* op) {
  if (keepdims.is_none()) return keepdim;
  FG_CHECK(!keepdim, TypeError, op, "() got multiple values for argument 'keepdim' (as keepdim and keepdims)");
  return keepdims.cast<bool>();
}

FG_BIND_ORDER(bind_dtype_registry, 1) {
  m.def("_register_dtypes", &register_dtype_objects);
  m.def("get_default_dtype", [] { return dtype_object(default_dtype()); });
  m.def("set_default_dtype", [](py::handle d) { set_default_dtype(dtype_from(d)); }, py::arg("d"));
  m.def("result_type", [](py::handle a, py::handle b) {
    return dtype_object(ops::result_type(to_tensor_arg(a, "result_type"), to_tensor_arg(b, "result_type")));
  }, py::arg("tensor1"), py::arg("tensor2"));
  m.def("promote_types", [](py::handle a, py::handle b) { return dtype_object(promote(dtype_from(a), dtype_from(b))); },
        py::arg("type1"), py::arg("type2"));
}

DType dtype_or(py::handle dt, DType fallback) { return dt.is_none() ? fallback : dtype_from(dt); }

Tensor finish(Tensor t, bool requires_grad) {
  if (requires_grad) {
    FG_CHECK(is_floating(t->dtype), RuntimeError, "Only Tensors of floating point dtype can require gradients");
    t->autograd().requires_grad = true;
  }
  return t;
}

}  // namespace fg::python
