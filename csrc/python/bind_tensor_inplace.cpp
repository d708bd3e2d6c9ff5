// In-place methods (the trailing underscore) and their Python operators (+=, -=, *=, /=).
#include "autograd/function.h"
#include "python/tensor_methods.h"

namespace fg::python {

namespace {

std::optional<double> opt_double(py::handle h) {
  if (h.is_none()) return std::nullopt;
  return h.cast<double>();
}

// x.op_() for a unary op: the out-of-place op written back into x.
// Ops whose backward reads their input get a copy of the old values in autograd mode (torch saves
// original_self likewise); otherwise the overwrite would trip the saved tensor's version check.
template <Tensor (*Op)(const Tensor&)>
Tensor unary_inplace(Tensor& t) {
  return ops::assign_inplace(t, Op(autograd::needs_grad(t) ? ops::clone(t) : t), "in-place op");
}

}  // namespace

void bind_tensor_inplace(TensorClass& cls) {
  cls.def("add_", [](Tensor& t, py::object o, double alpha) { return ops::add_(t, to_tensor_arg(o, "add_"), alpha); },
          py::arg("other"), py::kw_only(), py::arg("alpha") = 1.0)
      .def("sub_", [](Tensor& t, py::object o, double alpha) { return ops::sub_(t, to_tensor_arg(o, "sub_"), alpha); },
           py::arg("other"), py::kw_only(), py::arg("alpha") = 1.0)
      .def("mul_", [](Tensor& t, py::object o) { return ops::mul_(t, to_tensor_arg(o, "mul_")); }, py::arg("other"))
      .def("div_", [](Tensor& t, py::object o) { return ops::div_(t, to_tensor_arg(o, "div_")); }, py::arg("other"))
      .def("pow_", [](Tensor& t, py::object o) { return ops::assign_inplace(t, ops::pow(autograd::needs_grad(t) ? ops::clone(t) : t, to_tensor_arg(o, "pow_")), "pow_"); },
           py::arg("exponent"))
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
        // torch: self + weight * (end - self)
        Tensor wt = to_tensor_arg(w, "lerp_");
        return ops::add_(t, ops::mul(wt, ops::sub(end, t)));
      }, py::arg("end"), py::arg("weight"))
      .def("masked_fill_", [](Tensor& t, const Tensor& mask, py::object value) {
        FG_CHECK(mask->dtype == DType::Bool, RuntimeError, "masked_fill_ only supports boolean masks, but got mask with dtype ",
                 dtype_name(mask->dtype));
        Tensor v = ops::to_dtype(to_tensor_arg(value, "masked_fill_"), t->dtype);
        return ops::assign_inplace(t, ops::where(mask, v, t), "masked_fill_");
      }, py::arg("mask"), py::arg("value"))
      .def("relu_", &unary_inplace<ops::relu>)
      .def("sigmoid_", &unary_inplace<ops::sigmoid>)
      .def("tanh_", &unary_inplace<ops::tanh>)
      .def("exp_", &unary_inplace<ops::exp>)
      .def("log_", &unary_inplace<ops::log>)
      .def("sqrt_", &unary_inplace<ops::sqrt>)
      .def("abs_", &unary_inplace<ops::abs>)
      .def("neg_", &unary_inplace<ops::neg>);
}

}  // namespace fg::python
