#pragma once
// Shared forward of the unary elementwise ops.
#include "kernels/elementwise.h"
#include "kernels/vec/vec_loops.h"
#include "ops/ops.h"

namespace fg::ops::detail {

// Float math on ints promotes to float32, as torch does (torch.exp(int_tensor) is float).
inline DType float_result(const Tensor& x) { return is_floating(x->dtype) ? x->dtype : DType::Float32; }

// No vectorised kernel: every run goes through the scalar functor.
struct NoVec {};

// `fast` (kernels::VecUnary / VecSoftplus) runs the contiguous float runs; fn is the scalar
// definition for strided runs (and the whole op without one).
template <typename Fn, typename Fast = NoVec>
Tensor unary_floating(const char* name, const Tensor& x, Fn fn, const Fast& fast = {}) {
  const DType dt = float_result(x);
  if (is_narrow(dt)) return to_dtype(unary_floating(name, widened(x), fn, fast), dt);  // half: in float32
  Tensor in = x->dtype == dt ? x : to_dtype(alias_detached(x), dt);
  Tensor out = empty(x->shape, dt);
  if (out->numel() == 0) return out;
  FG_DISPATCH_FLOATING(dt, name, [&] {
    auto f = [&](scalar_t v) { return static_cast<scalar_t>(fn(v)); };
    if constexpr (std::is_same_v<Fast, NoVec>) kernels::unary_kernel<scalar_t, scalar_t>(out, in, f);
    else kernels::unary_vec<scalar_t>(out, in, f, fast);
  });
  return out;
}

// Keeps the input dtype (neg, abs, relu ...); bool is refused as torch refuses it.
template <typename Fn, typename Fast = NoVec>
Tensor unary_numeric(const char* name, const Tensor& x, Fn fn, const Fast& fast = {}) {
  if (is_narrow(x->dtype)) return to_dtype(unary_numeric(name, widened(x), fn, fast), x->dtype);
  Tensor out = empty(x->shape, x->dtype);
  if (out->numel() == 0) return out;
  FG_DISPATCH_NUMERIC(x->dtype, name, [&] {
    auto f = [&](scalar_t v) { return static_cast<scalar_t>(fn(v)); };
    if constexpr (!std::is_same_v<Fast, NoVec> && std::is_floating_point_v<scalar_t>)
      kernels::unary_vec<scalar_t>(out, x, f, fast);
    else
      kernels::unary_kernel<scalar_t, scalar_t>(out, x, f);
  });
  return out;
}

}  // namespace fg::ops::detail
