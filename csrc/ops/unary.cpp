// Unary elementwise math: the rows of unary_ops.def, plus neg and clamp, whose checks and arguments
// are their own. Backward formulas as in PyTorch's derivatives.yaml.
#include <cmath>

#include "autograd/function.h"
#include "ops/unary_kernel.h"

namespace fg::ops {

using detail::unary_floating;
using detail::unary_numeric;

static Tensor scalar_like(double v, const Tensor& t) { return result_like_scalar(v, t); }

Tensor neg(const Tensor& x) {
  FG_CHECK(x->dtype != DType::Bool, RuntimeError,
           "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, "
           "use the `~` or `logical_not()` operator instead.");
  Tensor out = unary_numeric("neg", x, [](auto v) { return -v; });
  if (autograd::needs_grad(x))
    autograd::record("NegBackward0", {x}, {out}, [](const TensorList& g, Node&) { return TensorList{neg(g[0])}; }, /*has_saved=*/false);
  return out;
}

// The table's ops: see unary_ops.def for what a row holds.
#define FG_UNARY(NAME, KIND, NODE, SAVE_X, SAVE_RESULT, FORWARD, BACKWARD, VEC_KERNEL)                          \
  Tensor NAME(const Tensor& input) {                                                                             \
    Tensor out = detail::unary_##KIND(#NAME, input, [](auto v) {                                                  \
      using T [[maybe_unused]] = decltype(v);                                                                     \
      return FORWARD;                                                                                             \
    }, kernels::VecUnary{kernels::vec::k_##NAME});                                                                \
    if (autograd::needs_grad(input)) {                                                                           \
      SavedTensor saved_x = SAVE_X ? SavedTensor(input, false) : SavedTensor();                                   \
      SavedTensor saved_result = SAVE_RESULT ? SavedTensor(out, true) : SavedTensor();                            \
      autograd::record(NODE, {input}, {out}, [saved_x, saved_result](const TensorList& grads, Node& self) {      \
        const Tensor& g = grads[0];                                                                               \
        [[maybe_unused]] const Tensor x = saved_x.defined() ? saved_x.unpack(self) : Tensor();                    \
        [[maybe_unused]] const Tensor result = saved_result.defined() ? saved_result.unpack(self) : Tensor();     \
        [[maybe_unused]] auto c = [&g](double k) { return result_like_scalar(k, g); };                           \
        return TensorList{BACKWARD};                                                                              \
      }, SAVE_X || SAVE_RESULT);                                                                                  \
    }                                                                                                             \
    return out;                                                                                                   \
  }
#include "ops/unary_ops.def"
#undef FG_UNARY

Tensor clamp(const Tensor& x, std::optional<double> lo, std::optional<double> hi) {
  FG_CHECK(lo || hi, RuntimeError, "torch.clamp: At least one of 'min' or 'max' must not be None");
  // torch casts the bounds to x's dtype first: a uint8 clamp by -2 uses 254, an int8 one by 300 uses 44
  auto through = [&](double b) {
    if (!is_narrow(x->dtype) || is_floating(x->dtype)) return b;
    return static_cast<double>(*widened(scalar_tensor(b, x->dtype))->data<int64_t>());
  };
  const double l = lo ? through(*lo) : -INFINITY, h = hi ? through(*hi) : INFINITY;
  Tensor out = unary_numeric("clamp", x, [l, h](auto v) {
    using T = decltype(v);
    if constexpr (std::is_floating_point_v<T>) {
      if (v != v) return v;  // NaN stays NaN
      return std::min(std::max(v, T(l)), T(h));
    } else {
      // integer clamp against float bounds: compare in double, then cast back
      double d = static_cast<double>(v);
      return static_cast<T>(std::min(std::max(d, l), h));
    }
  });
  if (autograd::needs_grad(x)) {
    SavedTensor sx(x, false);
    autograd::record("ClampBackward1", {x}, {out}, [sx, lo, hi](const TensorList& g, Node& self) {
      Tensor xv = sx.unpack(self);
      Tensor mask;
      if (lo) mask = compare(xv, scalar_like(*lo, xv), CmpOp::Ge);
      if (hi) {
        Tensor m2 = compare(xv, scalar_like(*hi, xv), CmpOp::Le);
        mask = mask ? mul(mask, m2) : m2;
      }
      return TensorList{where(mask, g[0], zeros_like(g[0]))};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor clamp(const Tensor& x, const Tensor& lo, const Tensor& hi) {
  FG_CHECK(lo || hi, RuntimeError, "torch.clamp: At least one of 'min' or 'max' must not be None");
  Tensor r = x;
  if (lo) r = maximum(r, lo);
  if (hi) r = minimum(r, hi);
  return r;
}

}  // namespace fg::ops
