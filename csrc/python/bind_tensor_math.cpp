// Math on tensors, bound as both Tensor methods and fastgrad functions, plus Python operators.
#include "ops/misc.h"
#include "ops/search.h"
#include "python/tensor_methods.h"

namespace fg::python {

namespace {

// The in-place form of an op taking extra arguments: op(input, args...) written into input, with the
// autograd of every in-place op (ops::binary_).
template <typename... A>
auto inplace_form(Tensor (*op)(const Tensor&, A...)) {
  return [op](Tensor& input, A... args) -> Tensor {
    return ops::binary_(input, nullptr, [&](const Tensor& x, const Tensor&) { return op(x, args...); });
  };
}

using ops::CmpOp;

Tensor arg(py::handle h, const char* op) { return to_tensor_arg(h, op); }

// A Python operator (a + b, a @ b, a == b, ...): an operand fastgrad does not take gives NotImplemented, as
// torch's operators do, so Python tries the other operand's reflected method (a sparse tensor's __radd__)
// or raises its own "unsupported operand type(s)" TypeError.
template <typename Op>
auto binary_operator(const char* name, Op op) {
  return [name, op](const Tensor& a, py::object b) -> py::object {
    Tensor other;
    try {
      other = to_tensor_arg(b, name);
    } catch (const TypeError&) {
      return py::reinterpret_borrow<py::object>(Py_NotImplemented);
    }
    return py::cast(op(a, other));
  };
}

Dims dims_or_all(py::handle dim) { return dim.is_none() ? Dims{} : dims_from(dim, "reduction"); }

double correction_of(py::handle unbiased, py::handle correction) {
  if (!correction.is_none()) return correction.cast<double>();
  if (!unbiased.is_none()) return unbiased.cast<bool>() ? 1.0 : 0.0;
  return 1.0;
}

std::optional<double> opt_double(py::handle h) {
  if (h.is_none()) return std::nullopt;
  return h.cast<double>();
}

// clamp(x, min, max): both bounds numbers (or None), or both tensors (or None), as torch's two overloads.
Tensor clamp_any(const Tensor& x, py::handle lo, py::handle hi) {
  if (!is_tensor(lo) && !is_tensor(hi)) return ops::clamp(x, opt_double(lo), opt_double(hi));
  FG_CHECK((lo.is_none() || is_tensor(lo)) && (hi.is_none() || is_tensor(hi)), TypeError,
           "clamp() received an invalid combination of arguments: min and max must both be Tensors or both be Numbers");
  return ops::clamp(x, optional_tensor(lo), optional_tensor(hi));
}

Tensor pow_any(py::handle base, py::handle exponent) {
  return ops::pow(arg(base, "pow"), arg(exponent, "pow"));
}

// torch.remainder(input, other): either may be a number (torch.remainder(2, x) is remainder.Scalar_Tensor)
Tensor remainder_any(py::handle input, py::handle other) {
  FG_CHECK(is_tensor(input) || is_tensor(other), TypeError,
           "remainder(): expected at least one Tensor argument, got ", Py_TYPE(input.ptr())->tp_name, " and ",
           Py_TYPE(other.ptr())->tp_name);
  return ops::remainder(arg(input, "remainder"), arg(other, "remainder"));
}

// a &= b, |=, ^=: the bitwise op written back into a (bool &= int64 is refused as torch refuses it)
Tensor bitwise_inplace(Tensor& a, py::handle b, ops::BitOp op, const char* name) {
  return ops::binary_(a, arg(b, name), [op](const Tensor& x, const Tensor& y) { return ops::bitwise(x, y, op); });
}

}  // namespace

void bind_tensor_math(TensorClass& cls, py::module_& m) {
  // arithmetic: method/function forms take tensors or numbers
  def_both(cls, m, "add", [](const Tensor& a, py::object b, double alpha) { return ops::add(a, arg(b, "add"), alpha); },
           py::arg("other"), py::kw_only(), py::arg("alpha") = 1.0);
  def_both(cls, m, "sub", [](const Tensor& a, py::object b, double alpha) { return ops::sub(a, arg(b, "sub"), alpha); },
           py::arg("other"), py::kw_only(), py::arg("alpha") = 1.0);
  def_both(cls, m, "mul", [](const Tensor& a, py::object b) { return ops::mul(a, arg(b, "mul")); }, py::arg("other"));
  def_both(cls, m, "div", [](const Tensor& a, py::object b, py::object mode) {
    return ops::div(a, arg(b, "div"), rounding_mode_from(mode));
  }, py::arg("other"), py::kw_only(), py::arg("rounding_mode") = py::none());
  def_both(cls, m, "true_divide", [](const Tensor& a, py::object b) { return ops::div(a, arg(b, "div")); }, py::arg("other"));
  cls.def("pow", [](const Tensor& a, py::object b) { return ops::pow(a, arg(b, "pow")); }, py::arg("exponent"));
  m.def("pow", &pow_any, py::arg("input"), py::arg("exponent"));
  def_both(cls, m, "floor_divide", [](const Tensor& a, py::object b) { return ops::floor_divide(a, arg(b, "floor_divide")); },
           py::arg("other"));
  def_both(cls, m, "fmod", [](const Tensor& a, py::object b) { return ops::fmod(a, arg(b, "fmod")); }, py::arg("other"));
  cls.def("remainder", [](const Tensor& a, py::object b) { return ops::remainder(a, arg(b, "remainder")); }, py::arg("other"));
  m.def("remainder", &remainder_any, py::arg("input"), py::arg("other"));
  def_both(cls, m, "maximum", [](const Tensor& a, const Tensor& b) { return ops::maximum(a, b); }, py::arg("other"));
  def_both(cls, m, "minimum", [](const Tensor& a, const Tensor& b) { return ops::minimum(a, b); }, py::arg("other"));
  def_both(cls, m, "eq", [](const Tensor& a, py::object b) { return ops::compare(a, arg(b, "eq"), CmpOp::Eq); }, py::arg("other"));
  def_both(cls, m, "ne", [](const Tensor& a, py::object b) { return ops::compare(a, arg(b, "ne"), CmpOp::Ne); }, py::arg("other"));
  def_both(cls, m, "lt", [](const Tensor& a, py::object b) { return ops::compare(a, arg(b, "lt"), CmpOp::Lt); }, py::arg("other"));
  def_both(cls, m, "le", [](const Tensor& a, py::object b) { return ops::compare(a, arg(b, "le"), CmpOp::Le); }, py::arg("other"));
  def_both(cls, m, "gt", [](const Tensor& a, py::object b) { return ops::compare(a, arg(b, "gt"), CmpOp::Gt); }, py::arg("other"));
  def_both(cls, m, "ge", [](const Tensor& a, py::object b) { return ops::compare(a, arg(b, "ge"), CmpOp::Ge); }, py::arg("other"));

  // Python operators
  cls.def("__add__", binary_operator("add", [](const Tensor& a, const Tensor& b) { return ops::add(a, b); }), py::is_operator())
      .def("__radd__", binary_operator("add", [](const Tensor& a, const Tensor& b) { return ops::add(b, a); }), py::is_operator())
      .def("__sub__", binary_operator("sub", [](const Tensor& a, const Tensor& b) { return ops::sub(a, b); }), py::is_operator())
      .def("__rsub__", binary_operator("sub", [](const Tensor& a, const Tensor& b) { return ops::sub(b, a); }), py::is_operator())
      .def("__mul__", binary_operator("mul", [](const Tensor& a, const Tensor& b) { return ops::mul(a, b); }), py::is_operator())
      .def("__rmul__", binary_operator("mul", [](const Tensor& a, const Tensor& b) { return ops::mul(b, a); }), py::is_operator())
      .def("__truediv__", binary_operator("div", [](const Tensor& a, const Tensor& b) { return ops::div(a, b); }), py::is_operator())
      .def("__rtruediv__", binary_operator("div", [](const Tensor& a, const Tensor& b) { return ops::div(b, a); }), py::is_operator())
      .def("__floordiv__", binary_operator("floor_divide", [](const Tensor& a, const Tensor& b) { return ops::floor_divide(a, b); }), py::is_operator())
      .def("__rfloordiv__", binary_operator("floor_divide", [](const Tensor& a, const Tensor& b) { return ops::floor_divide(b, a); }), py::is_operator())
      .def("__mod__", binary_operator("remainder", [](const Tensor& a, const Tensor& b) { return ops::remainder(a, b); }), py::is_operator())
      .def("__rmod__", binary_operator("remainder", [](const Tensor& a, const Tensor& b) { return ops::remainder(b, a); }), py::is_operator())
      .def("__pow__", binary_operator("pow", [](const Tensor& a, const Tensor& b) { return ops::pow(a, b); }), py::is_operator())
      .def("__rpow__", binary_operator("pow", [](const Tensor& a, const Tensor& b) { return ops::pow(b, a); }), py::is_operator())
      .def("__matmul__", [](const Tensor& a, const Tensor& b) { return ops::matmul(a, b); }, py::is_operator())
      .def("__rmatmul__", [](const Tensor& a, const Tensor& b) { return ops::matmul(b, a); }, py::is_operator())
      .def("__neg__", [](const Tensor& a) { return ops::neg(a); })
      .def("__pos__", [](const Tensor& a) { return a; })
      .def("__abs__", [](const Tensor& a) { return ops::abs(a); })
      .def("__eq__", binary_operator("eq", [](const Tensor& a, const Tensor& b) { return ops::compare(a, b, CmpOp::Eq); }), py::is_operator())
      .def("__ne__", binary_operator("ne", [](const Tensor& a, const Tensor& b) { return ops::compare(a, b, CmpOp::Ne); }), py::is_operator())
      .def("__lt__", binary_operator("lt", [](const Tensor& a, const Tensor& b) { return ops::compare(a, b, CmpOp::Lt); }), py::is_operator())
      .def("__le__", binary_operator("le", [](const Tensor& a, const Tensor& b) { return ops::compare(a, b, CmpOp::Le); }), py::is_operator())
      .def("__gt__", binary_operator("gt", [](const Tensor& a, const Tensor& b) { return ops::compare(a, b, CmpOp::Gt); }), py::is_operator())
      .def("__ge__", binary_operator("ge", [](const Tensor& a, const Tensor& b) { return ops::compare(a, b, CmpOp::Ge); }), py::is_operator());

  // predicates and logic (bool results, no gradient)
  using ops::BitOp;
  def_both(cls, m, "isnan", &ops::isnan);
  def_both(cls, m, "isinf", &ops::isinf);
  def_both(cls, m, "isfinite", &ops::isfinite);
  def_both(cls, m, "isposinf", &ops::isposinf);
  def_both(cls, m, "isneginf", &ops::isneginf);
  def_both(cls, m, "logical_not", &ops::logical_not);
  def_both(cls, m, "logical_and", [](const Tensor& a, const Tensor& b) { return ops::logical(a, b, BitOp::And); }, py::arg("other"));
  def_both(cls, m, "logical_or", [](const Tensor& a, const Tensor& b) { return ops::logical(a, b, BitOp::Or); }, py::arg("other"));
  def_both(cls, m, "logical_xor", [](const Tensor& a, const Tensor& b) { return ops::logical(a, b, BitOp::Xor); }, py::arg("other"));
  def_both(cls, m, "bitwise_and", [](const Tensor& a, py::object b) { return ops::bitwise(a, arg(b, "bitwise_and"), BitOp::And); },
           py::arg("other"));
  def_both(cls, m, "bitwise_or", [](const Tensor& a, py::object b) { return ops::bitwise(a, arg(b, "bitwise_or"), BitOp::Or); },
           py::arg("other"));
  def_both(cls, m, "bitwise_xor", [](const Tensor& a, py::object b) { return ops::bitwise(a, arg(b, "bitwise_xor"), BitOp::Xor); },
           py::arg("other"));
  def_both(cls, m, "bitwise_not", &ops::bitwise_not);
  def_both(cls, m, "all", [](const Tensor& x, py::object dim, bool keepdim, py::object keepdims) {
    return ops::all(x, dims_or_all(dim), keepdim_of(keepdim, keepdims, "all"));
  }, py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(), py::arg("keepdims") = py::none());
  def_both(cls, m, "any", [](const Tensor& x, py::object dim, bool keepdim, py::object keepdims) {
    return ops::any(x, dims_or_all(dim), keepdim_of(keepdim, keepdims, "any"));
  }, py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(), py::arg("keepdims") = py::none());
  cls.def("__and__", binary_operator("bitwise_and", [](const Tensor& a, const Tensor& b) { return ops::bitwise(a, b, BitOp::And); }), py::is_operator())
      .def("__rand__", binary_operator("bitwise_and", [](const Tensor& a, const Tensor& b) { return ops::bitwise(b, a, BitOp::And); }), py::is_operator())
      .def("__or__", binary_operator("bitwise_or", [](const Tensor& a, const Tensor& b) { return ops::bitwise(a, b, BitOp::Or); }), py::is_operator())
      .def("__ror__", binary_operator("bitwise_or", [](const Tensor& a, const Tensor& b) { return ops::bitwise(b, a, BitOp::Or); }), py::is_operator())
      .def("__xor__", binary_operator("bitwise_xor", [](const Tensor& a, const Tensor& b) { return ops::bitwise(a, b, BitOp::Xor); }), py::is_operator())
      .def("__rxor__", binary_operator("bitwise_xor", [](const Tensor& a, const Tensor& b) { return ops::bitwise(b, a, BitOp::Xor); }), py::is_operator())
      .def("__iand__", [](Tensor& a, py::object b) { return bitwise_inplace(a, b, BitOp::And, "bitwise_and_"); }, py::is_operator())
      .def("__ior__", [](Tensor& a, py::object b) { return bitwise_inplace(a, b, BitOp::Or, "bitwise_or_"); }, py::is_operator())
      .def("__ixor__", [](Tensor& a, py::object b) { return bitwise_inplace(a, b, BitOp::Xor, "bitwise_xor_"); }, py::is_operator())
      .def("__invert__", &ops::invert);

  // unary math and activations
  def_both(cls, m, "neg", &ops::neg);
  def_both(cls, m, "negative", &ops::neg);
#define FG_UNARY(NAME, ...) def_both(cls, m, #NAME, &ops::NAME);
#include "ops/unary_ops.def"
#undef FG_UNARY
  def_both(cls, m, "floor", &ops::floor);
  def_both(cls, m, "ceil", &ops::ceil);
  def_both(cls, m, "trunc", &ops::trunc);
  def_both(cls, m, "round", [](const Tensor& x, int64_t decimals) { return ops::round(x, decimals); }, py::kw_only(),
           py::arg("decimals") = 0);
  def_both(cls, m, "relu", &ops::relu);
  def_both(cls, m, "sigmoid", &ops::sigmoid);
  def_both(cls, m, "tanh", &ops::tanh);
  def_both(cls, m, "square", [](const Tensor& x) { return ops::mul(x, x); });
  def_both(cls, m, "clamp", [](const Tensor& x, py::object lo, py::object hi) { return clamp_any(x, lo, hi); },
           py::arg("min") = py::none(), py::arg("max") = py::none());
  def_both(cls, m, "clip", [](const Tensor& x, py::object lo, py::object hi) { return clamp_any(x, lo, hi); },
           py::arg("min") = py::none(), py::arg("max") = py::none());
  def_both(cls, m, "clamp_min", [](const Tensor& x, double lo) { return ops::clamp(x, lo, std::nullopt); }, py::arg("min"));
  def_both(cls, m, "clamp_max", [](const Tensor& x, double hi) { return ops::clamp(x, std::nullopt, hi); }, py::arg("max"));
  m.def("leaky_relu", &ops::leaky_relu, py::arg("input"), py::arg("negative_slope") = 0.01);
  m.def("gelu", [](const Tensor& x, const std::string& approximate) {
    FG_CHECK(approximate == "none" || approximate == "tanh", ValueError, "approximate argument must be either none or tanh.");
    return ops::gelu(x, approximate == "tanh");
  }, py::arg("input"), py::arg("approximate") = "none");
  m.def("softplus", &ops::softplus, py::arg("input"), py::arg("beta") = 1.0, py::arg("threshold") = 20.0);
  m.def("elu", &ops::elu, py::arg("input"), py::arg("alpha") = 1.0);
  m.def("celu", &ops::celu, py::arg("input"), py::arg("alpha") = 1.0);
  m.def("hardtanh", &ops::hardtanh, py::arg("input"), py::arg("min_val") = -1.0, py::arg("max_val") = 1.0);
  m.def("softshrink", &ops::softshrink, py::arg("input"), py::arg("lambd") = 0.5);
  def_both(cls, m, "hardshrink", &ops::hardshrink, py::arg("lambd") = 0.5);
  m.def("threshold", &ops::threshold, py::arg("input"), py::arg("threshold"), py::arg("value"));
  m.def("glu", &ops::glu, py::arg("input"), py::arg("dim") = -1);
  // the in-place forms torch has as functions (F.elu_, torch.celu_, ...): the op written into its input
  m.def("elu_", inplace_form(&ops::elu), py::arg("input"), py::arg("alpha") = 1.0);
  m.def("celu_", inplace_form(&ops::celu), py::arg("input"), py::arg("alpha") = 1.0);
  m.def("leaky_relu_", inplace_form(&ops::leaky_relu), py::arg("input"), py::arg("negative_slope") = 0.01);
  m.def("hardtanh_", inplace_form(&ops::hardtanh), py::arg("input"), py::arg("min_val") = -1.0,
        py::arg("max_val") = 1.0);
  m.def("threshold_", inplace_form(&ops::threshold), py::arg("input"), py::arg("threshold"), py::arg("value"));
  m.def("relu_", inplace_form(&ops::relu), py::arg("input"));
  m.def("selu_", inplace_form(&ops::selu), py::arg("input"));
  def_both(cls, m, "prelu", &ops::prelu, py::arg("weight"));
  m.def("where", [](const Tensor& c, py::object a, py::object b) { return ops::where(c, arg(a, "where"), arg(b, "where")); },
        py::arg("condition"), py::arg("input"), py::arg("other"));
  cls.def("where", [](const Tensor& self, const Tensor& c, py::object other) { return ops::where(c, self, arg(other, "where")); },
          py::arg("condition"), py::arg("other"));
  def_both(cls, m, "masked_fill", [](const Tensor& x, const Tensor& mask, py::object value) {
    return ops::masked_fill(x, mask, arg(value, "masked_fill"));
  }, py::arg("mask"), py::arg("value"));
  def_both(cls, m, "lerp", [](const Tensor& a, const Tensor& end, py::object weight) {
    // a Python number weight keeps its double value (to_tensor_arg would round it to float32 first)
    return ops::lerp(a, end, is_tensor(weight) ? weight.cast<Tensor>() : ops::result_like_scalar(weight.cast<double>(), a));
  }, py::arg("end"), py::arg("weight"));

  // reductions
  def_both(cls, m, "sum", [](const Tensor& x, py::object dim, bool keepdim, py::object dtype, py::object keepdims) {
    return ops::sum(x, dims_or_all(dim), keepdim_of(keepdim, keepdims, "sum"), optional_dtype(dtype));
  }, py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(), py::arg("dtype") = py::none(), py::arg("keepdims") = py::none());
  def_both(cls, m, "mean", [](const Tensor& x, py::object dim, bool keepdim, py::object dtype, py::object keepdims) {
    return ops::mean(x, dims_or_all(dim), keepdim_of(keepdim, keepdims, "mean"), optional_dtype(dtype));
  }, py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(), py::arg("dtype") = py::none(), py::arg("keepdims") = py::none());
  def_both(cls, m, "var", [](const Tensor& x, py::object dim, py::object unbiased, bool keepdim, py::object correction,
                             py::object keepdims) {
    return ops::var(x, dims_or_all(dim), correction_of(unbiased, correction), keepdim_of(keepdim, keepdims, "var"));
  }, py::arg("dim") = py::none(), py::arg("unbiased") = py::none(), py::arg("keepdim") = false, py::kw_only(),
     py::arg("correction") = py::none(), py::arg("keepdims") = py::none());
  def_both(cls, m, "std", [](const Tensor& x, py::object dim, py::object unbiased, bool keepdim, py::object correction,
                             py::object keepdims) {
    return ops::std(x, dims_or_all(dim), correction_of(unbiased, correction), keepdim_of(keepdim, keepdims, "std"));
  }, py::arg("dim") = py::none(), py::arg("unbiased") = py::none(), py::arg("keepdim") = false, py::kw_only(),
     py::arg("correction") = py::none(), py::arg("keepdims") = py::none());
  def_both(cls, m, "amax", [](const Tensor& x, py::object dim, bool keepdim, py::object keepdims) {
    return ops::amax(x, dims_or_all(dim), keepdim_of(keepdim, keepdims, "amax"));
  }, py::arg("dim") = py::tuple(), py::arg("keepdim") = false, py::kw_only(), py::arg("keepdims") = py::none());
  def_both(cls, m, "amin", [](const Tensor& x, py::object dim, bool keepdim, py::object keepdims) {
    return ops::amin(x, dims_or_all(dim), keepdim_of(keepdim, keepdims, "amin"));
  }, py::arg("dim") = py::tuple(), py::arg("keepdim") = false, py::kw_only(), py::arg("keepdims") = py::none());
  def_both(cls, m, "argmax", [](const Tensor& x, py::object dim, bool keepdim, py::object keepdims) {
    return ops::argmax(x, dim.is_none() ? std::nullopt : std::optional<int64_t>(dim.cast<int64_t>()),
                       keepdim_of(keepdim, keepdims, "argmax"));
  }, py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(), py::arg("keepdims") = py::none());
  def_both(cls, m, "argmin", [](const Tensor& x, py::object dim, bool keepdim, py::object keepdims) {
    return ops::argmin(x, dim.is_none() ? std::nullopt : std::optional<int64_t>(dim.cast<int64_t>()),
                       keepdim_of(keepdim, keepdims, "argmin"));
  }, py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(), py::arg("keepdims") = py::none());
  def_both(cls, m, "prod", [](const Tensor& x, py::object dim, bool keepdim_arg, py::object dtype, py::object keepdims) {
    bool keepdim = keepdim_of(keepdim_arg, keepdims, "prod");
    FG_CHECK(dim.is_none() || PyLong_Check(dim.ptr()) || py::hasattr(dim, "__index__"), TypeError,
             "prod(): argument 'dim' must be int, not ", Py_TYPE(dim.ptr())->tp_name);
    return ops::prod(x, dim.is_none() ? std::nullopt : std::optional<int64_t>(py::int_(dim).cast<int64_t>()), keepdim,
                     optional_dtype(dtype));
  }, py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(), py::arg("dtype") = py::none(), py::arg("keepdims") = py::none());
  def_both(cls, m, "cumsum", [](const Tensor& x, int64_t dim, py::object dtype) {
    return ops::cumsum(x, dim, optional_dtype(dtype));
  }, py::arg("dim"), py::kw_only(), py::arg("dtype") = py::none());
  def_both(cls, m, "cumprod", [](const Tensor& x, int64_t dim, py::object dtype) {
    return ops::cumprod(x, dim, optional_dtype(dtype));
  }, py::arg("dim"), py::kw_only(), py::arg("dtype") = py::none());
  def_both(cls, m, "logsumexp", [](const Tensor& x, py::object dim, bool keepdim, py::object keepdims) {
    return ops::logsumexp(x, dims_from(dim, "logsumexp"), keepdim_of(keepdim, keepdims, "logsumexp"));
  }, py::arg("dim"), py::arg("keepdim") = false, py::kw_only(), py::arg("keepdims") = py::none());
  def_both(cls, m, "softmax", [](const Tensor& x, int64_t dim, py::object dtype) {
    return ops::softmax(x, dim, optional_dtype(dtype));
  }, py::arg("dim"), py::arg("dtype") = py::none());
  def_both(cls, m, "log_softmax", [](const Tensor& x, int64_t dim, py::object dtype) {
    return ops::log_softmax(x, dim, optional_dtype(dtype));
  }, py::arg("dim"), py::arg("dtype") = py::none());

  // products
  def_both(cls, m, "matmul", &ops::matmul, py::arg("other"));
  def_both(cls, m, "mm", &ops::mm, py::arg("mat2"));
  m.def("linear", [](const Tensor& x, const Tensor& w, py::object b) { return ops::linear(x, w, optional_tensor(b)); },
        py::arg("input"), py::arg("weight"), py::arg("bias") = py::none());
  def_both(cls, m, "dot", &ops::dot, py::arg("other"));
  def_both(cls, m, "bmm", &ops::bmm, py::arg("mat2"));
  def_both(cls, m, "baddbmm", &ops::baddbmm, py::arg("batch1"), py::arg("batch2"), py::kw_only(), py::arg("beta") = 1.0,
           py::arg("alpha") = 1.0);
  def_both(cls, m, "addmm", &ops::addmm, py::arg("mat1"), py::arg("mat2"), py::kw_only(), py::arg("beta") = 1.0,
           py::arg("alpha") = 1.0);
  def_both(cls, m, "mv", &ops::mv, py::arg("vec"));
  def_both(cls, m, "addmv", &ops::addmv, py::arg("mat"), py::arg("vec"), py::kw_only(), py::arg("beta") = 1.0,
           py::arg("alpha") = 1.0);
  def_both(cls, m, "outer", &ops::outer, py::arg("vec2"));
  def_both(cls, m, "ger", &ops::outer, py::arg("vec2"));
  def_both(cls, m, "diagonal", &ops::diagonal, py::arg("offset") = 0, py::arg("dim1") = 0, py::arg("dim2") = 1);
  def_both(cls, m, "diag", &ops::diag, py::arg("diagonal") = 0);
  def_both(cls, m, "trace", &ops::trace);
  // einsum("ij,jk", a, b) or einsum("ij,jk", [a, b]), as torch
  m.def("einsum", [](const std::string& equation, const py::args& args) {
    TensorList operands;
    py::handle src = args.size() == 1 && !is_tensor(args[0]) ? args[0] : py::handle(args);
    for (auto h : src) {
      FG_CHECK(is_tensor(h), TypeError, "einsum(): operands must be tensors, got ", Py_TYPE(h.ptr())->tp_name);
      operands.push_back(h.cast<Tensor>());
    }
    return ops::einsum(equation, operands);
  }, py::arg("equation"));
  m.def("cdist", [](const Tensor& x1, const Tensor& x2, double p, py::object compute_mode) {
    // every mode computes the differences directly: torch's matrix-product shortcut for p=2 only changes rounding
    if (!compute_mode.is_none()) {
      const std::string mode = py::str(compute_mode);
      FG_CHECK(mode == "use_mm_for_euclid_dist_if_necessary" || mode == "use_mm_for_euclid_dist" ||
               mode == "donot_use_mm_for_euclid_dist", ValueError, mode, " is not a valid value for compute_mode");
    }
    return ops::cdist(x1, x2, p);
  }, py::arg("x1"), py::arg("x2"), py::arg("p") = 2.0, py::arg("compute_mode") = py::none());
  // sorting and selection
  def_both(cls, m, "sort", [](const Tensor& x, int64_t dim, bool descending, bool stable) {
    (void)stable;  // fastgrad's sort is always stable, which stable=False also allows
    auto [v, i] = ops::sort(x, dim, descending);
    return named_pair("sort", v, i);
  }, py::arg("dim") = -1, py::arg("descending") = false, py::kw_only(), py::arg("stable") = false);
  def_both(cls, m, "argsort", [](const Tensor& x, int64_t dim, bool descending, bool stable) {
    (void)stable;  // always stable, as above
    return std::get<1>(ops::sort(x, dim, descending));
  }, py::arg("dim") = -1, py::arg("descending") = false, py::kw_only(), py::arg("stable") = false);
  def_both(cls, m, "topk", [](const Tensor& x, int64_t k, int64_t dim, bool largest, bool sorted) {
    (void)sorted;  // always sorted, which sorted=False also allows
    auto [v, i] = ops::topk(x, k, dim, largest);
    return named_pair("topk", v, i);
  }, py::arg("k"), py::arg("dim") = -1, py::arg("largest") = true, py::arg("sorted") = true);
  def_both(cls, m, "kthvalue", [](const Tensor& x, int64_t k, int64_t dim, bool keepdim) {
    auto [v, i] = ops::kthvalue(x, k, dim, keepdim);
    return named_pair("kthvalue", v, i);
  }, py::arg("k"), py::arg("dim") = -1, py::arg("keepdim") = false);
  def_both(cls, m, "median", [](const Tensor& x, py::object dim, bool keepdim) -> py::object {
    if (dim.is_none()) return py::cast(ops::median(x));
    auto [v, i] = ops::median_dim(x, dim.cast<int64_t>(), keepdim);
    return named_pair("median", v, i);
  }, py::arg("dim") = py::none(), py::arg("keepdim") = false);
  def_both(cls, m, "cummax", [](const Tensor& x, int64_t dim) {
    auto [v, i] = ops::cum_extreme(x, dim, true);
    return named_pair("cummax", v, i);
  }, py::arg("dim"));
  def_both(cls, m, "cummin", [](const Tensor& x, int64_t dim) {
    auto [v, i] = ops::cum_extreme(x, dim, false);
    return named_pair("cummin", v, i);
  }, py::arg("dim"));
  def_both(cls, m, "unique", [](const Tensor& x, bool sorted, bool return_inverse, bool return_counts,
                                py::object dim) -> py::object {
    (void)sorted;  // torch's CPU unique sorts either way
    auto [v, inv, counts] = ops::unique(x, dim.is_none() ? std::nullopt : std::optional<int64_t>(dim.cast<int64_t>()));
    return unique_result(v, inv, counts, return_inverse, return_counts);
  }, py::arg("sorted") = true, py::arg("return_inverse") = false, py::arg("return_counts") = false,
     py::arg("dim") = py::none());
  // comparisons and everyday helpers (ops/misc.h)
  def_both(cls, m, "isclose", &ops::isclose, py::arg("other"), py::arg("rtol") = 1e-5, py::arg("atol") = 1e-8,
           py::arg("equal_nan") = false);
  def_both(cls, m, "allclose", &ops::allclose, py::arg("other"), py::arg("rtol") = 1e-5, py::arg("atol") = 1e-8,
           py::arg("equal_nan") = false);
  def_both(cls, m, "equal", &ops::equal, py::arg("other"));
  def_both(cls, m, "nan_to_num", [](const Tensor& x, double nan, py::object posinf, py::object neginf) {
    return ops::nan_to_num(x, nan, opt_double(posinf), opt_double(neginf));
  }, py::arg("nan") = 0.0, py::arg("posinf") = py::none(), py::arg("neginf") = py::none());
  def_both(cls, m, "addcmul", &ops::addcmul, py::arg("tensor1"), py::arg("tensor2"), py::kw_only(), py::arg("value") = 1.0);
  def_both(cls, m, "addcdiv", &ops::addcdiv, py::arg("tensor1"), py::arg("tensor2"), py::kw_only(), py::arg("value") = 1.0);
  cls.def("repeat", [](const Tensor& x, const py::args& sizes) { return ops::repeat(x, shape_from_args(sizes, "repeat")); });
  def_both(cls, m, "tile", [](const Tensor& x, py::object dims) { return ops::tile(x, dims_from(dims, "tile")); },
           py::arg("dims"));
  def_both(cls, m, "repeat_interleave", [](const Tensor& x, py::object repeats, py::object dim) {
    Tensor reps = is_tensor(repeats) ? repeats.cast<Tensor>() : to_tensor_arg(py::int_(repeats), "repeat_interleave");
    return ops::repeat_interleave(x, reps, dim.is_none() ? std::nullopt : std::optional<int64_t>(dim.cast<int64_t>()));
  }, py::arg("repeats"), py::arg("dim") = py::none());
  def_both(cls, m, "roll", [](const Tensor& x, py::object shifts, py::object dims) {
    return ops::roll(x, dims_from(shifts, "roll"), dims.is_none() ? Dims{} : dims_from(dims, "roll"));
  }, py::arg("shifts"), py::arg("dims") = py::none());
  m.def("meshgrid", [](const py::args& args, const std::string& indexing) {
    TensorList ts;
    py::handle src = args.size() == 1 && !is_tensor(args[0]) ? args[0] : py::handle(args);
    for (auto h : src) ts.push_back(h.cast<Tensor>());
    py::list out;
    for (const Tensor& t : ops::meshgrid(ts, indexing)) out.append(t);
    return py::tuple(out);
  }, py::kw_only(), py::arg("indexing") = "ij");
  def_both(cls, m, "nonzero", [](const Tensor& x, bool as_tuple) -> py::object {
    Tensor nz = ops::nonzero(x);
    if (!as_tuple) return py::cast(nz);
    // one index tensor per dim (a 0-d input counts as 1-d, as torch)
    py::list cols;
    if (x->dim() == 0) cols.append(ops::reshape(ops::nonzero(ops::reshape(x, {1})), {-1}));
    for (int64_t d = 0; d < x->dim(); ++d) cols.append(ops::contiguous(ops::select(nz, 1, d)));
    return py::tuple(cols);
  }, py::kw_only(), py::arg("as_tuple") = false);
  def_both(cls, m, "masked_select", &ops::masked_select, py::arg("mask"));
  def_both(cls, m, "take_along_dim", [](const Tensor& x, const Tensor& indices, py::object dim) {
    return ops::take_along_dim(x, indices, dim.is_none() ? std::nullopt : std::optional<int64_t>(dim.cast<int64_t>()));
  }, py::arg("indices"), py::arg("dim") = py::none());
  def_both(cls, m, "count_nonzero", [](const Tensor& x, py::object dim) {
    return ops::count_nonzero(x, dims_or_all(dim));
  }, py::arg("dim") = py::none());
  m.def("std_mean", [](const Tensor& x, py::object dim, py::object unbiased, bool keepdim, py::object correction) {
    auto [s, mu] = ops::std_mean(x, dims_or_all(dim), correction_of(unbiased, correction), keepdim);
    return py::make_tuple(s, mu);
  }, py::arg("input"), py::arg("dim") = py::none(), py::arg("unbiased") = py::none(), py::arg("keepdim") = false,
     py::kw_only(), py::arg("correction") = py::none());
  m.def("var_mean", [](const Tensor& x, py::object dim, py::object unbiased, bool keepdim, py::object correction) {
    auto [v, mu] = ops::var_mean(x, dims_or_all(dim), correction_of(unbiased, correction), keepdim);
    return py::make_tuple(v, mu);
  }, py::arg("input"), py::arg("dim") = py::none(), py::arg("unbiased") = py::none(), py::arg("keepdim") = false,
     py::kw_only(), py::arg("correction") = py::none());
  m.def("_linalg_vector_norm", [](const Tensor& x, double ord, py::object dim, bool keepdim, py::object dtype) {
    return ops::vector_norm(x, ord, dims_or_all(dim), keepdim, optional_dtype(dtype));
  }, py::arg("x"), py::arg("ord") = 2.0, py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(),
     py::arg("dtype") = py::none());

  // indexing ops
  def_both(cls, m, "gather", [](const Tensor& x, int64_t dim, const Tensor& index) { return ops::gather(x, dim, index); },
           py::arg("dim"), py::arg("index"));
  def_both(cls, m, "index_select", [](const Tensor& x, int64_t dim, const Tensor& index) { return ops::index_select(x, dim, index); },
           py::arg("dim"), py::arg("index"));
  // scatter_add, index_add and the rest of the index-write family: bind_scatter.cpp
}

}  // namespace fg::python
