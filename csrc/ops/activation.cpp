// Activations: relu, sigmoid, tanh, leaky_relu, gelu, softplus and those with parameters (elu, celu,
// hardtanh, softshrink, hardshrink, threshold, glu, prelu). NaN propagates through all of them.
// The parameterless pointwise ones (selu, silu, mish, hardswish, ...) are rows of unary_ops.def.
#include <cmath>

#include "autograd/function.h"
#include "ops/unary_kernel.h"

namespace fg::ops {

using detail::unary_floating;
using detail::unary_numeric;

static Tensor scalar_like(double v, const Tensor& t) { return result_like_scalar(v, t); }

// relu's backward as one fused kernel: grad where the output is positive, else 0. Its own
// gradient with respect to grad is the same mask (relu's second derivative is zero elsewhere).
Tensor threshold_backward(const Tensor& grad, const Tensor& out) {
  DType dt = grad->dtype;
  Tensor o = out->dtype == dt ? out : to_dtype(alias_detached(out), dt);
  Tensor r = empty(broadcast_shapes(grad->shape, o->shape), dt);
  if (r->numel() > 0) {
    // zero where out <= 0: a NaN output passes its gradient through, as torch's threshold_backward
    FG_DISPATCH_NUMERIC(dt, "threshold_backward", [&] {
      auto f = [](scalar_t g, scalar_t y) { return y <= 0 ? scalar_t(0) : g; };
      if constexpr (std::is_floating_point_v<scalar_t>) kernels::threshold_backward_vec<scalar_t>(r, grad, o, f);
      else kernels::binary_kernel<scalar_t, scalar_t>(r, grad, o, f);
    });
  }
  if (autograd::needs_grad(grad)) {
    SavedTensor so(out, false);
    autograd::record("ThresholdBackwardBackward0", {grad, out}, {r}, [so](const TensorList& g, Node& self) {
      return TensorList{threshold_backward(g[0], so.unpack(self)), nullptr};
    }, /*has_saved=*/true);
  }
  return r;
}

Tensor relu(const Tensor& x) {
  Tensor out = unary_numeric("relu", x, [](auto v) {
    using T = decltype(v);
    return (v > T(0) || v != v) ? v : T(0);
  }, kernels::VecUnary{kernels::vec::kRelu});
  if (autograd::needs_grad(x)) {
    SavedTensor so(out, true);
    autograd::record("ReluBackward0", {x}, {out}, [so](const TensorList& g, Node& self) {
      return TensorList{threshold_backward(g[0], so.unpack(self))};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor sigmoid(const Tensor& x) {
  Tensor out = unary_floating("sigmoid", x, [](auto v) {
    using T = decltype(v);
    return T(1) / (T(1) + std::exp(-v));
  }, kernels::VecUnary{kernels::vec::kSigmoid});
  if (autograd::needs_grad(x)) {
    SavedTensor so(out, true);
    autograd::record("SigmoidBackward0", {x}, {out}, [so](const TensorList& g, Node& self) {
      Tensor y = so.unpack(self);
      return TensorList{mul(g[0], mul(y, sub(scalar_like(1.0, y), y)))};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor tanh(const Tensor& x) {
  Tensor out = unary_floating("tanh", x, [](auto v) { return std::tanh(v); }, kernels::VecUnary{kernels::vec::kTanh});
  if (autograd::needs_grad(x)) {
    SavedTensor so(out, true);
    autograd::record("TanhBackward0", {x}, {out}, [so](const TensorList& g, Node& self) {
      Tensor y = so.unpack(self);
      return TensorList{mul(g[0], sub(scalar_like(1.0, y), mul(y, y)))};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor leaky_relu(const Tensor& x, double slope) {
  Tensor out = unary_floating("leaky_relu", x, [slope](auto v) {
    using T = decltype(v);
    return v > T(0) ? v : v * T(slope);
  });
  if (autograd::needs_grad(x)) {
    SavedTensor sx(x, false);
    autograd::record("LeakyReluBackward0", {x}, {out}, [sx, slope](const TensorList& g, Node& self) {
      Tensor xv = sx.unpack(self);
      Tensor pos = compare(xv, scalar_like(0.0, xv), CmpOp::Gt);
      return TensorList{where(pos, g[0], mul(g[0], scalar_like(slope, g[0])))};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor gelu(const Tensor& x, bool tanh_approx) {
  constexpr double kSqrt2OverPi = 0.7978845608028654, kC = 0.044715, kInvSqrt2 = 0.7071067811865476;
  Tensor out = tanh_approx ? unary_floating("gelu", x, [](auto v) {
                               using T = decltype(v);
                               T inner = T(kSqrt2OverPi) * (v + T(kC) * v * v * v);
                               return T(0.5) * v * (T(1) + std::tanh(inner));
                             }, kernels::VecUnary{kernels::vec::kGeluTanh})
                           : unary_floating("gelu", x, [](auto v) {
                               using T = decltype(v);
                               return T(0.5) * v * (T(1) + std::erf(v * T(kInvSqrt2)));
                             }, kernels::VecUnary{kernels::vec::kGeluErf});
  if (autograd::needs_grad(x)) {
    SavedTensor sx(x, false);
    autograd::record("GeluBackward0", {x}, {out}, [sx, tanh_approx](const TensorList& g, Node& self) {
      Tensor v = sx.unpack(self);
      Tensor half = scalar_like(0.5, v), one = scalar_like(1.0, v);
      Tensor d;
      if (tanh_approx) {
        // d/dx 0.5x(1+t), t = tanh(k(x + c x^3)): 0.5(1+t) + 0.5x(1-t^2) k(1 + 3c x^2)
        Tensor x2 = mul(v, v);
        Tensor inner = mul(scalar_like(kSqrt2OverPi, v), add(v, mul(scalar_like(kC, v), mul(x2, v))));
        Tensor t = tanh(inner);
        Tensor dinner = mul(scalar_like(kSqrt2OverPi, v), add(one, mul(scalar_like(3 * kC, v), x2)));
        d = add(mul(half, add(one, t)), mul(mul(mul(half, v), sub(one, mul(t, t))), dinner));
      } else {
        // Phi(x) + x phi(x)
        Tensor cdf = mul(half, add(one, erf(mul(v, scalar_like(kInvSqrt2, v)))));
        Tensor pdf = mul(exp(mul(mul(v, v), scalar_like(-0.5, v))), scalar_like(0.3989422804014327, v));
        d = add(cdf, mul(v, pdf));
      }
      return TensorList{mul(g[0], d)};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor softplus(const Tensor& x, double beta, double threshold) {
  Tensor out = unary_floating("softplus", x, [beta, threshold](auto v) {
    using T = decltype(v);
    T bx = v * T(beta);
    return bx > T(threshold) ? v : std::log1p(std::exp(bx)) / T(beta);
  }, kernels::VecSoftplus{beta, threshold});
  if (autograd::needs_grad(x)) {
    SavedTensor sx(x, false);
    autograd::record("SoftplusBackward0", {x}, {out}, [sx, beta, threshold](const TensorList& g, Node& self) {
      Tensor v = sx.unpack(self);
      Tensor bx = mul(v, scalar_like(beta, v));
      Tensor linear = compare(bx, scalar_like(threshold, bx), CmpOp::Gt);
      return TensorList{where(linear, g[0], mul(g[0], sigmoid(bx)))};
    }, /*has_saved=*/true);
  }
  return out;
}

// Float-only activations refuse int and bool inputs with torch's kernel name and class.
static void check_floating_input(const Tensor& x, const char* kernel) {
  FG_CHECK(is_floating(x->dtype), NotImplementedError, "\"", kernel, "\" not implemented for '",
           dtype_short_name(x->dtype), "'");
}

static Tensor mask_where(const Tensor& mask, const Tensor& g) { return where(mask, g, zeros_like(g)); }

Tensor elu(const Tensor& x, double alpha) {
  check_floating_input(x, "elu_cpu");
  Tensor out = unary_floating("elu", x, [alpha](auto v) {
    using T = decltype(v);
    return v > T(0) ? v : T(alpha) * std::expm1(v);
  });
  if (autograd::needs_grad(x)) {
    SavedTensor sx(x, false);
    autograd::record("EluBackward0", {x}, {out}, [sx, alpha](const TensorList& g, Node& self) {
      Tensor v = sx.unpack(self);
      Tensor pos = compare(v, scalar_like(0.0, v), CmpOp::Gt);
      return TensorList{where(pos, g[0], mul(g[0], mul(exp(v), scalar_like(alpha, v))))};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor celu(const Tensor& x, double alpha) {
  check_floating_input(x, "elu_cpu");
  FG_CHECK(alpha != 0.0, RuntimeError, "ZeroDivisionError: alpha cannot be 0 for CELU");
  Tensor out = unary_floating("celu", x, [alpha](auto v) {
    using T = decltype(v);
    return v > T(0) ? v : T(alpha) * std::expm1(v / T(alpha));
  });
  if (autograd::needs_grad(x)) {
    SavedTensor sx(x, false);
    // torch's derivative takes the input scale as 1 / float(alpha): the same here, so gradients match its
    const double inv = 1.0 / static_cast<double>(static_cast<float>(alpha));
    autograd::record("CeluBackward0", {x}, {out}, [sx, alpha, inv](const TensorList& g, Node& self) {
      Tensor v = sx.unpack(self);
      Tensor pos = compare(v, scalar_like(0.0, v), CmpOp::Gt);
      return TensorList{where(pos, g[0], mul(g[0], mul(exp(mul(v, scalar_like(inv, v))), scalar_like(inv * alpha, v))))};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor hardtanh(const Tensor& x, double min_val, double max_val) {
  FG_CHECK(min_val <= max_val, ValueError, "min_val cannot be greater than max_val");
  FG_CHECK(x->dtype != DType::Bool, RuntimeError, "\"hardtanh\" not implemented for 'Bool'");
  // torch checks the limits as integers: -0.5 truncates to 0 and passes
  FG_CHECK(x->dtype != DType::UInt8 || (static_cast<int64_t>(min_val) >= 0 && static_cast<int64_t>(max_val) >= 0),
           RuntimeError, "cannot do hardtanh on an unsigned type with negative limits");
  Tensor out = unary_numeric("hardtanh", x, [min_val, max_val](auto v) {
    using T = decltype(v);
    if constexpr (std::is_floating_point_v<T>) {
      if (v != v) return v;
      return v < T(min_val) ? T(min_val) : (v > T(max_val) ? T(max_val) : v);
    } else {
      const double d = static_cast<double>(v);  // int input against float bounds: compare in double
      return static_cast<T>(d < min_val ? min_val : (d > max_val ? max_val : d));
    }
  });
  if (autograd::needs_grad(x)) {
    SavedTensor sx(x, false);
    autograd::record("HardtanhBackward0", {x}, {out}, [sx, min_val, max_val](const TensorList& g, Node& self) {
      Tensor v = sx.unpack(self);
      // torch's hardtanh_backward: zero at the bounds themselves, unlike clamp's
      Tensor inside = logical(compare(v, scalar_like(min_val, v), CmpOp::Gt),
                              compare(v, scalar_like(max_val, v), CmpOp::Lt), BitOp::And);
      return TensorList{mask_where(inside, g[0])};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor softshrink(const Tensor& x, double lambd) {
  check_floating_input(x, "softshrink_check");
  FG_CHECK(lambd >= 0, RuntimeError, "lambda must be in range [0, inf) for input dtype ",
           dtype_short_name(x->dtype), ", but found ", lambd);
  Tensor out = unary_floating("softshrink", x, [lambd](auto v) {
    using T = decltype(v);
    return v > T(lambd) ? v - T(lambd) : (v < -T(lambd) ? v + T(lambd) : (v != v ? v : T(0)));
  });
  if (autograd::needs_grad(x)) {
    SavedTensor sx(x, false);
    autograd::record("SoftshrinkBackward0", {x}, {out}, [sx, lambd](const TensorList& g, Node& self) {
      Tensor v = sx.unpack(self);
      Tensor outside = logical(compare(v, scalar_like(-lambd, v), CmpOp::Lt),
                               compare(v, scalar_like(lambd, v), CmpOp::Gt), BitOp::Or);
      return TensorList{mask_where(outside, g[0])};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor hardshrink(const Tensor& x, double lambd) {
  check_floating_input(x, "hardshrink_cpu");
  Tensor out = unary_floating("hardshrink", x, [lambd](auto v) {
    using T = decltype(v);
    return (v >= -T(lambd) && v <= T(lambd)) ? T(0) : v;
  });
  if (autograd::needs_grad(x)) {
    SavedTensor sx(x, false);
    autograd::record("HardshrinkBackward0", {x}, {out}, [sx, lambd](const TensorList& g, Node& self) {
      Tensor v = sx.unpack(self);
      Tensor inside = logical(compare(v, scalar_like(-lambd, v), CmpOp::Ge),
                              compare(v, scalar_like(lambd, v), CmpOp::Le), BitOp::And);
      return TensorList{where(inside, zeros_like(g[0]), g[0])};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor threshold(const Tensor& x, double threshold, double value) {
  FG_CHECK(x->dtype != DType::Bool, RuntimeError, "\"threshold_cpu\" not implemented for 'Bool'");
  check_fill_fits(threshold, x->dtype);
  check_fill_fits(value, x->dtype);
  // F.threshold's numbers are floats: a negative one does not wrap into uint8 (check_fill_fits lets ints wrap)
  FG_CHECK(x->dtype != DType::UInt8 || (threshold >= 0 && value >= 0), RuntimeError,
           "value cannot be converted to type uint8_t without overflow");
  Tensor out = unary_numeric("threshold", x, [threshold, value](auto v) {
    using T = decltype(v);
    return static_cast<double>(v) <= threshold ? T(value) : v;
  });
  if (autograd::needs_grad(x)) {
    SavedTensor sx(x, false);
    autograd::record("ThresholdBackward0", {x}, {out}, [sx, threshold](const TensorList& g, Node& self) {
      Tensor v = sx.unpack(self);
      return TensorList{where(compare(v, scalar_like(threshold, v), CmpOp::Le), zeros_like(g[0]), g[0])};
    }, /*has_saved=*/true);
  }
  return out;
}

// glu(x, dim) = a * sigmoid(b) for the two halves of dim; built on differentiable views and ops.
Tensor glu(const Tensor& x, int64_t dim) {
  FG_CHECK(x->dim() > 0, RuntimeError, "glu does not support scalars because halving size must be even");
  check_floating_input(x, "glu_cpu");
  const int64_t d = wrap_dim(dim, x->dim());
  const int64_t n = x->shape[d];
  FG_CHECK(n % 2 == 0, RuntimeError, "Halving dimension must be even, but dimension ", d, " is size ", n);
  return mul(slice(x, d, 0, n / 2, 1), sigmoid(slice(x, d, n / 2, n, 1)));
}

// prelu(x, w): x where positive, else w * x, with w one value or one per channel (dim 1 of x).
Tensor prelu(const Tensor& x, const Tensor& weight) {
  FG_CHECK(weight->dim() <= 1, RuntimeError, "prelu: Expected `weight` to be a scalar or 1D tensor, but got: ndim = ",
           weight->dim());
  FG_CHECK(x->dtype == weight->dtype, RuntimeError, "prelu: Type promoting not supported. Got ",
           dtype_short_name(x->dtype), " and ", dtype_short_name(weight->dtype));
  const int64_t channels = x->dim() >= 2 ? x->shape[1] : 1;
  const int64_t params = weight->numel();
  FG_CHECK(params == 1 || params == channels, RuntimeError,
           "Mismatch of parameter numbers and input channel size. Found parameter numbers = ", params,
           " and channel size = ", channels, ".");
  Dims wshape;
  if (params != 1) {
    wshape.push_back(params);
    for (int64_t i = 2; i < x->dim(); ++i) wshape.push_back(1);
  }
  Tensor w = reshape(weight, wshape);
  return where(compare(x, scalar_like(0.0, x), CmpOp::Gt), x, mul(w, x));
}

}  // namespace fg::ops
