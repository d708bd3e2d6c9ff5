// Unary elementwise math: neg, exp, log, log1p, sqrt, rsqrt, abs, sign, sin, cos, erf, reciprocal,
// clamp. Backward formulas as in PyTorch's derivatives.yaml.
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
    autograd::record("NegBackward0", {x}, {out}, [](const TensorList& g, Node&) { return TensorList{neg(g[0])}; });
  return out;
}

Tensor exp(const Tensor& x) {
  Tensor out = unary_floating("exp", x, [](auto v) { return std::exp(v); }, kernels::VecUnary{kernels::vec::kExp});
  if (autograd::needs_grad(x)) {
    SavedTensor so(out, true);
    autograd::record("ExpBackward0", {x}, {out}, [so](const TensorList& g, Node& self) {
      return TensorList{mul(g[0], so.unpack(self))};
    });
  }
  return out;
}

Tensor log(const Tensor& x) {
  Tensor out = unary_floating("log", x, [](auto v) { return std::log(v); }, kernels::VecUnary{kernels::vec::kLog});
  if (autograd::needs_grad(x)) {
    SavedTensor sx(x, false);
    autograd::record("LogBackward0", {x}, {out}, [sx](const TensorList& g, Node& self) {
      return TensorList{div(g[0], sx.unpack(self))};
    });
  }
  return out;
}

Tensor log1p(const Tensor& x) {
  Tensor out = unary_floating("log1p", x, [](auto v) { return std::log1p(v); });
  if (autograd::needs_grad(x)) {
    SavedTensor sx(x, false);
    autograd::record("Log1PBackward0", {x}, {out}, [sx](const TensorList& g, Node& self) {
      Tensor xv = sx.unpack(self);
      return TensorList{div(g[0], add(xv, scalar_like(1.0, xv)))};
    });
  }
  return out;
}

Tensor sqrt(const Tensor& x) {
  Tensor out = unary_floating("sqrt", x, [](auto v) { return std::sqrt(v); });
  if (autograd::needs_grad(x)) {
    SavedTensor so(out, true);
    autograd::record("SqrtBackward0", {x}, {out}, [so](const TensorList& g, Node& self) {
      Tensor r = so.unpack(self);
      return TensorList{div(g[0], mul(r, scalar_like(2.0, r)))};
    });
  }
  return out;
}

Tensor rsqrt(const Tensor& x) {
  Tensor out = unary_floating("rsqrt", x, [](auto v) { return decltype(v)(1) / std::sqrt(v); });
  if (autograd::needs_grad(x)) {
    SavedTensor so(out, true);
    autograd::record("RsqrtBackward0", {x}, {out}, [so](const TensorList& g, Node& self) {
      Tensor r = so.unpack(self);
      return TensorList{mul(mul(g[0], scalar_like(-0.5, r)), mul(r, mul(r, r)))};
    });
  }
  return out;
}

Tensor abs(const Tensor& x) {
  Tensor out = unary_numeric("abs", x, [](auto v) { return v < 0 ? -v : v; });
  if (autograd::needs_grad(x)) {
    SavedTensor sx(x, false);
    autograd::record("AbsBackward0", {x}, {out}, [sx](const TensorList& g, Node& self) {
      return TensorList{mul(g[0], sign(sx.unpack(self)))};
    });
  }
  return out;
}

Tensor sign(const Tensor& x) {
  Tensor out = unary_numeric("sign", x, [](auto v) {
    using T = decltype(v);
    if constexpr (std::is_floating_point_v<T>) {
      if (v != v) return v;
    }
    return T((T(0) < v) - (v < T(0)));
  });
  if (autograd::needs_grad(x))
    autograd::record("SignBackward0", {x}, {out}, [](const TensorList& g, Node&) { return TensorList{zeros_like(g[0])}; });
  return out;
}

Tensor sin(const Tensor& x) {
  Tensor out = unary_floating("sin", x, [](auto v) { return std::sin(v); });
  if (autograd::needs_grad(x)) {
    SavedTensor sx(x, false);
    autograd::record("SinBackward0", {x}, {out}, [sx](const TensorList& g, Node& self) {
      return TensorList{mul(g[0], cos(sx.unpack(self)))};
    });
  }
  return out;
}

Tensor cos(const Tensor& x) {
  Tensor out = unary_floating("cos", x, [](auto v) { return std::cos(v); });
  if (autograd::needs_grad(x)) {
    SavedTensor sx(x, false);
    autograd::record("CosBackward0", {x}, {out}, [sx](const TensorList& g, Node& self) {
      return TensorList{mul(neg(g[0]), sin(sx.unpack(self)))};
    });
  }
  return out;
}

Tensor erf(const Tensor& x) {
  Tensor out = unary_floating("erf", x, [](auto v) { return std::erf(v); });
  if (autograd::needs_grad(x)) {
    SavedTensor sx(x, false);
    autograd::record("ErfBackward0", {x}, {out}, [sx](const TensorList& g, Node& self) {
      Tensor xv = sx.unpack(self);
      // d/dx erf(x) = 2/sqrt(pi) * exp(-x^2)
      Tensor e = exp(neg(mul(xv, xv)));
      return TensorList{mul(g[0], mul(e, scalar_like(1.1283791670955126, e)))};
    });
  }
  return out;
}

Tensor reciprocal(const Tensor& x) {
  Tensor out = unary_floating("reciprocal", x, [](auto v) { return decltype(v)(1) / v; });
  if (autograd::needs_grad(x)) {
    SavedTensor so(out, true);
    autograd::record("ReciprocalBackward0", {x}, {out}, [so](const TensorList& g, Node& self) {
      Tensor r = so.unpack(self);
      return TensorList{mul(neg(g[0]), mul(r, r))};
    });
  }
  return out;
}

Tensor clamp(const Tensor& x, std::optional<double> lo, std::optional<double> hi) {
  FG_CHECK(lo || hi, RuntimeError, "torch.clamp: At least one of 'min' or 'max' must not be None");
  const double l = lo ? *lo : -INFINITY, h = hi ? *hi : INFINITY;
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
    });
  }
  return out;
}

}  // namespace fg::ops
