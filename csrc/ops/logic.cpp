// Predicates and logic: isnan, isinf, isfinite, isposinf, isneginf; logical_and/or/xor; bitwise
// and/or/xor/not (bool and int64, as torch); all and any. Every result is bool (bitwise on int64 is
// int64) and none is differentiable, as in torch.
#include <cmath>

#include "autograd/grad_mode.h"
#include "ops/binary_kernel.h"
#include "ops/reduce_plan.h"

namespace fg::ops {

using detail::binary_forward;

namespace {

// A bool tensor of f(x) for each element; f sees the element in its own type.
template <typename F>
Tensor predicate(const char* name, const Tensor& x, F f) {
  if (is_narrow(x->dtype)) return predicate(name, widened(x), f);
  Tensor out = empty(x->shape, DType::Bool);
  if (out->numel() == 0) return out;
  FG_DISPATCH_ALL(x->dtype, name, [&] { kernels::unary_kernel<bool, scalar_t>(out, x, [f](scalar_t v) { return f(v); }); });
  return out;
}

template <typename T> bool is_nan(T v) {
  if constexpr (std::is_floating_point_v<T>) return v != v;
  else return false;
}
template <typename T> bool is_inf(T v) {
  if constexpr (std::is_floating_point_v<T>) return std::isinf(v);
  else return false;
}

// torch's kernels name the dtype they refuse this way ("bitwise_and_cpu" not implemented for 'Float')
const char* bit_name(BitOp op) {
  switch (op) {
    case BitOp::And: return "bitwise_and";
    case BitOp::Or: return "bitwise_or";
    case BitOp::Xor: return "bitwise_xor";
  }
  return "bitwise";
}

}  // namespace

Tensor isnan(const Tensor& x) { return predicate("isnan", x, [](auto v) { return is_nan(v); }); }
Tensor isinf(const Tensor& x) { return predicate("isinf", x, [](auto v) { return is_inf(v); }); }
Tensor isfinite(const Tensor& x) {
  return predicate("isfinite", x, [](auto v) { return !is_nan(v) && !is_inf(v); });
}
Tensor isposinf(const Tensor& x) {
  return predicate("isposinf", x, [](auto v) {
    if constexpr (std::is_floating_point_v<decltype(v)>) return v == INFINITY;
    else return false;
  });
}
Tensor isneginf(const Tensor& x) {
  return predicate("isneginf", x, [](auto v) {
    if constexpr (std::is_floating_point_v<decltype(v)>) return v == -INFINITY;
    else return false;
  });
}

// Each operand is taken as a truth value (nonzero, NaN included), as torch.
Tensor logical(const Tensor& a, const Tensor& b, BitOp op) {
  const DType rt = result_type(a, b);
  switch (op) {
    case BitOp::And:
      return binary_forward("logical_and", a, b, rt, DType::Bool, [](auto x, auto y) { return x != 0 && y != 0; });
    case BitOp::Or:
      return binary_forward("logical_or", a, b, rt, DType::Bool, [](auto x, auto y) { return x != 0 || y != 0; });
    case BitOp::Xor:
      return binary_forward("logical_xor", a, b, rt, DType::Bool, [](auto x, auto y) { return (x != 0) != (y != 0); });
  }
  throw RuntimeError("logical: bad op");
}

Tensor bitwise(const Tensor& a, const Tensor& b, BitOp op) {
  const DType rt = result_type(a, b);
  FG_CHECK(!is_floating(rt), RuntimeError, "\"", bit_name(op), "\" not implemented for '", dtype_short_name(rt),
           "': bitwise ops take bool or integer tensors (operands ", dtype_name(a->dtype), " and ", dtype_name(b->dtype),
           ")");
  auto fn = [op](auto x, auto y) {
    using T = decltype(x);
    if constexpr (std::is_floating_point_v<T>) {
      return x;  // never run: refused above
    } else if constexpr (std::is_same_v<T, bool>) {
      return op == BitOp::And ? (x && y) : op == BitOp::Or ? (x || y) : (x != y);
    } else {
      return T(op == BitOp::And ? (x & y) : op == BitOp::Or ? (x | y) : (x ^ y));
    }
  };
  return binary_forward(bit_name(op), a, b, rt, rt, fn);
}

Tensor bitwise_not(const Tensor& x) {
  FG_CHECK(!is_floating(x->dtype), RuntimeError, "\"bitwise_not\" not implemented for '", dtype_short_name(x->dtype),
           "': bitwise_not takes bool or integer tensors");
  if (x->dtype == DType::Bool) return logical_not(x);
  Tensor out = empty(x->shape, x->dtype);
  if (out->numel() > 0) kernels::unary_kernel<int64_t, int64_t>(out, x, [](int64_t v) { return ~v; });
  return out;
}

Tensor invert(const Tensor& x) {
  FG_CHECK(!is_floating(x->dtype), TypeError,
           "~ (operator.invert) is only implemented on integer and Boolean-type tensors, got ", dtype_name(x->dtype));
  return bitwise_not(x);
}

// all / any over `dims` (all dims when empty): the elements' truth values reduced along rows or columns
// of the reduction plan. An empty reduction gives true (all) or false (any), as torch.
static Tensor reduce_truth(const Tensor& x, const Dims& dims, bool keepdim, bool is_all) {
  NoGradGuard ng;
  Tensor b = x->dtype == DType::Bool ? x : predicate(is_all ? "all" : "any", x, [](auto v) { return v != 0; });
  detail::ReducePlan p = detail::plan_reduce(b, dims, keepdim);
  Tensor out = empty(p.out_shape, DType::Bool);
  bool* o = out->data<bool>();
  const bool* in = p.input->data<bool>();
  const int64_t outer = p.outer, inner = p.inner;
  for (int64_t j = 0; j < outer; ++j) o[j] = is_all;
  if (!p.columns) {
    for (int64_t j = 0; j < outer; ++j) {
      const bool* row = in + j * inner;
      for (int64_t i = 0; i < inner; ++i)
        if (row[i] != is_all) {
          o[j] = !is_all;
          break;
        }
    }
  } else {
    for (int64_t i = 0; i < inner; ++i) {
      const bool* row = in + i * outer;
      if (is_all)
        for (int64_t j = 0; j < outer; ++j) o[j] = o[j] && row[j];
      else
        for (int64_t j = 0; j < outer; ++j) o[j] = o[j] || row[j];
    }
  }
  return out;
}

// torch keeps uint8 for all/any of a uint8 tensor (a legacy of byte masks); every other dtype gives bool
Tensor all(const Tensor& x, const Dims& dims, bool keepdim) {
  Tensor r = reduce_truth(x, dims, keepdim, true);
  return x->dtype == DType::UInt8 ? to_dtype(r, DType::UInt8) : r;
}
Tensor any(const Tensor& x, const Dims& dims, bool keepdim) {
  Tensor r = reduce_truth(x, dims, keepdim, false);
  return x->dtype == DType::UInt8 ? to_dtype(r, DType::UInt8) : r;
}

}  // namespace fg::ops
