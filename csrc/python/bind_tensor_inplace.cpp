// In-place methods (the trailing underscore) and their Python operators (+=, -=, *=, /=).
#include "autograd/function.h"
#include "python/tensor_methods.h"

namespace fg::python {

namespace {

std::optional<double> opt_double(py::handle h) {
  if (h.is_none()) return std::nullopt;
  return h.cast<double>();
}

template <Tensor (*Op)(const Tensor&)>
Tensor unary_inplace(Tensor& t) {
  return ops::unary_(t, Op);
}

template <typename Op>
Tensor binary_inplace(Tensor& t, py::handle o, const char* name, Op op) {
  return ops::binary_(t, to_tensor_arg(o, name), op);
}

Tensor floor_divide_(Tensor& t, py::object o) { return binary_inplace(t, o, "floor_divide_", &ops::floor_divide); }
Tensor remainder_(Tensor& t, py::object o) { return binary_inplace(t, o, "remainder_", &ops::remainder); }
Tensor fmod_(Tensor& t, py::object o) { return binary_inplace(t, o, "fmod_", &ops::fmod); }

}  // namespace

void bind_tensor_inplace(TensorClass& cls) {
  cls.def("add_", [](Tensor& t, py::object o, double alpha) { return ops::add_(t, to_tensor_arg(o, "add_"), alpha); },
          py::arg("other"), py::kw_only(), py::arg("alpha") = 1.0)
      .def("sub_", [](Tensor& t, py::object o, double alpha) { return ops::sub_(t, to_tensor_arg(o, "sub_"), alpha); },
           py::arg("other"), py::kw_only(), py::arg("alpha") = 1.0)
      .def("mul_", [](Tensor& t, py::object o) { return ops::mul_(t, to_tensor_arg(o, "mul_")); }, py::arg("other"))
      .def("div_", [](Tensor& t, py::object o, py::object mode) {
        if (mode.is_none()) return ops::div_(t, to_tensor_arg(o, "div_"));
        const ops::RoundingMode rm = rounding_mode_from(mode);
        return binary_inplace(t, o, "div_", [rm](const Tensor& a, const Tensor& b) { return ops::div(a, b, rm); });
      }, py::arg("other"), py::kw_only(), py::arg("rounding_mode") = py::none())
      .def("floor_divide_", &floor_divide_, py::arg("other"))
      .def("remainder_", &remainder_, py::arg("other"))
      .def("fmod_", &fmod_, py::arg("other"))
      .def("__ifloordiv__", &floor_divide_, py::is_operator())
      .def("__imod__", &remainder_, py::is_operator())
      .def("pow_", [](Tensor& t, py::object o) { return binary_inplace(t, o, "pow_", &ops::pow); }, py::arg("exponent"))
      .def("__iadd__", [](Tensor& t, py::object o) { return ops::add_(t, to_tensor_arg(o, "add_")); }, py::is_operator())
      .def("__isub__", [](Tensor& t, py::object o) { return ops::sub_(t, to_tensor_arg(o, "sub_")); }, py::is_operator())
      .def("__imul__", [](Tensor& t, py::object o) { return ops::mul_(t, to_tensor_arg(o, "mul_")); }, py::is_operator())
      .def("__itruediv__", [](Tensor& t, py::object o) { return ops::div_(t, to_tensor_arg(o, "div_")); }, py::is_operator())
      .def("copy_", [](Tensor& t, const Tensor& src) { return ops::copy_(t, src); }, py::arg("src"))
      .def("fill_", [](Tensor& t, py::object v) { return ops::fill_(t, py::float_(v).cast<double>()); },
           py::arg("value"))
      .def("zero_", [](Tensor& t) { return ops::zero_(t); })
      .def("clamp_", [](Tensor& t, py::object lo, py::object hi) { return ops::clamp_(t, opt_double(lo), opt_double(hi)); },
           py::arg("min") = py::none(), py::arg("max") = py::none())
      .def("clamp_min_", [](Tensor& t, double lo) { return ops::clamp_(t, lo, std::nullopt); }, py::arg("min"))
      .def("clamp_max_", [](Tensor& t, double hi) { return ops::clamp_(t, std::nullopt, hi); }, py::arg("max"))
      .def("addcmul_", [](Tensor& t, const Tensor& a, const Tensor& b, double v) { return ops::addcmul_(t, a, b, v); },
           py::arg("tensor1"), py::arg("tensor2"), py::kw_only(), py::arg("value") = 1.0)
      .def("addcdiv_", [](Tensor& t, const Tensor& a, const Tensor& b, double v) { return ops::addcdiv_(t, a, b, v); },
           py::arg("tensor1"), py::arg("tensor2"), py::kw_only(), py::arg("value") = 1.0)
      .def("lerp_", [](Tensor& t, const Tensor& end, py::object w) {
        return ops::lerp_(t, end, is_tensor(w) ? w.cast<Tensor>() : ops::result_like_scalar(w.cast<double>(), t));
      },
           py::arg("end"), py::arg("weight"))
      .def("masked_fill_", [](Tensor& t, const Tensor& mask, py::object value) {
        return ops::masked_fill_(t, mask, to_tensor_arg(value, "masked_fill_"));
      }, py::arg("mask"), py::arg("value"))
      .def("relu_", &unary_inplace<ops::relu>)
      .def("sigmoid_", &unary_inplace<ops::sigmoid>)
      .def("tanh_", &unary_inplace<ops::tanh>)
      .def("neg_", &unary_inplace<ops::neg>)
      .def("floor_", &unary_inplace<ops::floor>)
      .def("ceil_", &unary_inplace<ops::ceil>)
      .def("trunc_", &unary_inplace<ops::trunc>)
      .def("round_", [](Tensor& t, int64_t decimals) {
        return ops::assign_inplace(t, ops::round(t, decimals));
      }, py::kw_only(), py::arg("decimals") = 0)
      .def("tril_", [](Tensor& t, int64_t diagonal) {
        return ops::binary_(t, nullptr, [diagonal](const Tensor& x, const Tensor&) { return ops::tril(x, diagonal); });
      }, py::arg("diagonal") = 0)
      .def("triu_", [](Tensor& t, int64_t diagonal) {
        return ops::binary_(t, nullptr, [diagonal](const Tensor& x, const Tensor&) { return ops::triu(x, diagonal); });
      }, py::arg("diagonal") = 0);
#define FG_UNARY(NAME, ...) cls.def(#NAME "_", &unary_inplace<ops::NAME>);
#include "ops/unary_ops.def"
#undef FG_UNARY
}

}  // namespace fg::python
