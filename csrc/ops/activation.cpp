// Activations: relu, sigmoid, tanh, leaky_relu, gelu, softplus. NaN propagates through all of them.
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

}  // namespace fg::ops
