#pragma once
// Shared forward machinery of the binary elementwise ops: promotion, broadcasting, casting and the
// typed kernel call. `Fn` is a functor with a templated operator()(T, T).
#include "kernels/elementwise.h"
#include "ops/ops.h"

namespace fg::ops::detail {

// Casts a and b to the compute dtype (a copy only when it differs) and broadcasts the shapes.
struct BinaryOperands {
  Tensor a, b;
  Dims shape;
};

inline BinaryOperands prepare_binary(const Tensor& a, const Tensor& b, DType compute) {
  BinaryOperands p;
  p.shape = broadcast_shapes(a->shape, b->shape);
  p.a = a->dtype == compute ? a : to_dtype(alias_detached(a), compute);
  p.b = b->dtype == compute ? b : to_dtype(alias_detached(b), compute);
  return p;
}

// out_dtype == compute for arithmetic; Bool for comparisons. `out` (optional) receives the result
// in place when it already has the broadcast shape and out_dtype.
template <typename Fn>
Tensor binary_forward(const char* name, const Tensor& a, const Tensor& b, DType compute, DType out_dtype, Fn fn,
                      const Tensor& out_opt = nullptr) {
  BinaryOperands p = prepare_binary(a, b, compute);
  Tensor out = out_opt ? out_opt : empty(p.shape, out_dtype);
  if (out->numel() == 0) return out;
  if (out_dtype == DType::Bool) {
    FG_DISPATCH_ALL(compute, name, [&] {
      kernels::binary_kernel<bool, scalar_t>(out, p.a, p.b, [&](scalar_t x, scalar_t y) { return fn(x, y); });
    });
  } else {
    FG_DISPATCH_ALL(compute, name, [&] {
      kernels::binary_kernel<scalar_t, scalar_t>(out, p.a, p.b,
                                                 [&](scalar_t x, scalar_t y) { return static_cast<scalar_t>(fn(x, y)); });
    });
  }
  return out;
}

}  // namespace fg::ops::detail
