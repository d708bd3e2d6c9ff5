#pragma once
// Shared forward of the unary elementwise ops.
#include "kernels/elementwise.h"
#include "ops/ops.h"

namespace fg::ops::detail {

// Float math on ints promotes to float32, as torch does (torch.exp(int_tensor) is float).
inline DType float_result(const Tensor& x) { return is_floating(x->dtype) ? x->dtype : DType::Float32; }

template <typename Fn>
Tensor unary_floating(const char* name, const Tensor& x, Fn fn) {
  const DType dt = float_result(x);
  Tensor in = x->dtype == dt ? x : to_dtype(alias_detached(x), dt);
  Tensor out = empty(x->shape, dt);
  if (out->numel() == 0) return out;
  FG_DISPATCH_FLOATING(dt, name, [&] {
    kernels::unary_kernel<scalar_t, scalar_t>(out, in, [&](scalar_t v) { return static_cast<scalar_t>(fn(v)); });
  });
  return out;
}

// Keeps the input dtype (neg, abs, relu ...); bool is refused as torch refuses it.
template <typename Fn>
Tensor unary_numeric(const char* name, const Tensor& x, Fn fn) {
  Tensor out = empty(x->shape, x->dtype);
  if (out->numel() == 0) return out;
  FG_DISPATCH_NUMERIC(x->dtype, name, [&] {
    kernels::unary_kernel<scalar_t, scalar_t>(out, x, [&](scalar_t v) { return static_cast<scalar_t>(fn(v)); });
  });
  return out;
}

}  // namespace fg::ops::detail
