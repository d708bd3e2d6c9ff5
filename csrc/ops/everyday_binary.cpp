// atan2 and hypot (own kernels: std::atan2 / std::hypot keep every quadrant and avoid overflow), and the
// compositions logaddexp, logaddexp2, fmax, fmin, copysign, float_power, heaviside; plus the unary deg2rad,
// rad2deg, sgn, signbit and sinc. torch's checks, results and gradients.
#include <cmath>

#include "autograd/function.h"
#include "ops/everyday.h"

namespace fg::ops {

namespace {

Tensor scalar_like(double v, const Tensor& t) { return result_like_scalar(v, t); }

DType floating_result(const Tensor& a, const Tensor& b) {
  const DType t = result_type(a, b);
  return is_floating(t) ? t : DType::Float32;
}

// f(a, b) elementwise over the broadcast shape in the floating result dtype; no autograd
template <typename F>
Tensor binary_float_map(const Tensor& a_in, const Tensor& b_in, DType dt, const char* name, F f) {
  const Dims shape = broadcast_shapes(a_in->shape, b_in->shape);
  Tensor a = contiguous(broadcast_to_view(to_dtype(alias_detached(a_in), dt), shape));
  Tensor b = contiguous(broadcast_to_view(to_dtype(alias_detached(b_in), dt), shape));
  Tensor out = empty(shape, dt);
  FG_DISPATCH_FLOATING(dt, name, [&] {
    const scalar_t* pa = a->data<scalar_t>();
    const scalar_t* pb = b->data<scalar_t>();
    scalar_t* po = out->data<scalar_t>();
    for (int64_t i = 0; i < out->numel(); ++i) po[i] = f(pa[i], pb[i]);
  });
  return out;
}

// a gradient of the broadcast result back to an input's shape and dtype
Tensor to_input(const Tensor& g, const Tensor& input) {
  Tensor s = sum_to(g, input->shape);
  return s->dtype == input->dtype ? s : to_dtype(s, input->dtype);
}

}  // namespace

Tensor atan2(const Tensor& a, const Tensor& b) {
  const DType dt = floating_result(a, b);
  Tensor out = binary_float_map(a, b, dt, "atan2", [](auto y, auto x) { return std::atan2(y, x); });
  if (autograd::needs_grad(a, b)) {
    SavedTensor sa(a, false), sb(b, false);
    autograd::record("Atan2Backward0", {a, b}, {out}, [sa, sb, dt](const TensorList& g, Node& node) {
      Tensor y = to_dtype(sa.unpack(node), dt), x = to_dtype(sb.unpack(node), dt);
      Tensor denom = add(mul(y, y), mul(x, x));
      Tensor ya = sa.unpack(node), xb = sb.unpack(node);
      return TensorList{to_input(div(mul(g[0], x), denom), ya), to_input(div(mul(neg(g[0]), y), denom), xb)};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor hypot(const Tensor& a, const Tensor& b) {
  const DType dt = floating_result(a, b);
  FG_CHECK(is_floating(result_type(a, b)), RuntimeError, "\"hypot_cpu\" not implemented for '",
           dtype_short_name(result_type(a, b)), "'");
  Tensor out = binary_float_map(a, b, dt, "hypot", [](auto x, auto y) { return std::hypot(x, y); });
  if (autograd::needs_grad(a, b)) {
    SavedTensor sa(a, false), sb(b, false), so(out, true);
    autograd::record("HypotBackward0", {a, b}, {out}, [sa, sb, so](const TensorList& g, Node& node) {
      Tensor x = sa.unpack(node), y = sb.unpack(node), r = so.unpack(node);
      Tensor scale = div(g[0], r);
      return TensorList{to_input(mul(scale, x), x), to_input(mul(scale, y), y)};
    }, /*has_saved=*/true);
  }
  return out;
}

// max(a, b) + log(1 + exp(-|a - b|)); equal infinities give themselves (their difference is NaN)
Tensor logaddexp(const Tensor& a_in, const Tensor& b_in) {
  const DType dt = floating_result(a_in, b_in);
  Tensor a = to_dtype(a_in, dt), b = to_dtype(b_in, dt);
  Tensor same_inf = logical(isinf(alias_detached(a)), compare(alias_detached(a), alias_detached(b), CmpOp::Eq), BitOp::And);
  Tensor gap = where(same_inf, zeros({}, dt), abs(sub(a, b)));
  return where(same_inf, a, add(maximum(a, b), log1p(exp(neg(gap)))));
}

Tensor logaddexp2(const Tensor& a_in, const Tensor& b_in) {
  const DType dt = floating_result(a_in, b_in);
  Tensor a = to_dtype(a_in, dt), b = to_dtype(b_in, dt);
  Tensor same_inf = logical(isinf(alias_detached(a)), compare(alias_detached(a), alias_detached(b), CmpOp::Eq), BitOp::And);
  Tensor gap = where(same_inf, zeros({}, dt), abs(sub(a, b)));
  Tensor tail = div(log1p(exp2(neg(gap))), scalar_like(std::log(2.0), a));
  return where(same_inf, a, add(maximum(a, b), tail));
}

// maximum / minimum that ignore a NaN operand (NaN only where both are)
Tensor fmax(const Tensor& a, const Tensor& b) {
  if (!is_floating(result_type(a, b))) return maximum(a, b);
  return where(isnan(alias_detached(b)), a, where(isnan(alias_detached(a)), b, maximum(a, b)));
}

Tensor fmin(const Tensor& a, const Tensor& b) {
  if (!is_floating(result_type(a, b))) return minimum(a, b);
  return where(isnan(alias_detached(b)), a, where(isnan(alias_detached(a)), b, minimum(a, b)));
}

Tensor signbit(const Tensor& x) {
  Tensor c = contiguous(alias_detached(x));
  Tensor out = empty(x->shape, DType::Bool);
  if (x->dtype == DType::Bool) {
    for (int64_t i = 0; i < c->numel(); ++i) out->data<bool>()[i] = false;
    return out;
  }
  FG_DISPATCH_NUMERIC(x->dtype, "signbit", [&] {
    const scalar_t* p = c->data<scalar_t>();
    for (int64_t i = 0; i < c->numel(); ++i) out->data<bool>()[i] = std::signbit(static_cast<double>(p[i]));
  });
  return out;
}

// |a| with b's sign bit (so -0.0 counts as negative); the gradient for a is its sign ratio, none for b
Tensor copysign(const Tensor& a, const Tensor& b) {
  const DType dt = floating_result(a, b);
  Tensor magnitude = abs(to_dtype(a, dt));
  Tensor sign = where(signbit(b), full({}, -1.0, dt), full({}, 1.0, dt));
  return mul(magnitude, sign);
}

Tensor float_power(const Tensor& a, const Tensor& b) {
  return pow(to_dtype(a, DType::Float64), to_dtype(b, DType::Float64));
}

Tensor heaviside(const Tensor& x, const Tensor& values) {
  FG_CHECK(x->dtype == values->dtype, RuntimeError,
           "heaviside is not yet implemented for tensors with different dtypes.");
  Tensor xd = alias_detached(x), vd = alias_detached(values);
  Tensor zero = zeros({}, x->dtype), one = ones({}, x->dtype);
  return where(compare(xd, zero, CmpOp::Eq), vd, where(compare(xd, zero, CmpOp::Gt), one, zero));
}

Tensor deg2rad(const Tensor& x) {
  Tensor f = is_floating(x->dtype) ? x : to_dtype(x, DType::Float32);
  return mul(f, scalar_like(M_PI / 180.0, f));
}

Tensor rad2deg(const Tensor& x) {
  Tensor f = is_floating(x->dtype) ? x : to_dtype(x, DType::Float32);
  return mul(f, scalar_like(180.0 / M_PI, f));
}

Tensor sgn(const Tensor& x) { return sign(x); }  // real tensors: sgn is sign

// sin(pi x) / (pi x), 1 at 0 (the divisor is made 1 there so no 0/0 reaches the gradient either)
Tensor sinc(const Tensor& x_in) {
  Tensor x = is_floating(x_in->dtype) ? x_in : to_dtype(x_in, DType::Float32);
  Tensor at_zero = compare(alias_detached(x), zeros({}, x->dtype), CmpOp::Eq);
  Tensor safe = where(at_zero, ones({}, x->dtype), x);
  Tensor pix = mul(safe, scalar_like(M_PI, safe));
  return where(at_zero, ones({}, x->dtype), div(sin(pix), pix));
}

}  // namespace fg::ops
