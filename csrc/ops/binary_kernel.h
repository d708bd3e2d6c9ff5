#pragma once
// Shared forward machinery of the binary elementwise ops: promotion, broadcasting, casting and the
// typed kernel call. `Fn` is a functor with a templated operator()(T, T).
#include <type_traits>

#include "kernels/elementwise.h"
#include "kernels/vec/vec_loops.h"
#include "ops/ops.h"
#include "tensor/convert.h"

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

// The value of a one-element tensor converted to T (a wrapped Python number keeps its double).
template <typename T>
T scalar_as(const Tensor& t) {
  return FG_DISPATCH_STORAGE(t->dtype, "scalar", [&] { return convert<T, scalar_t>(*t->data<scalar_t>()); });
}

// A predicate (comparison, logical op) returns bool whatever its operands' type; an arithmetic op
// returns its operands' type. Knowing which at compile time instantiates one output type per functor
// and dtype instead of two (the other was dead code: it halved the build time of binary.cpp).
template <typename Fn>
constexpr bool is_predicate_v = std::is_same_v<std::invoke_result_t<const Fn&, float, float>, bool>;

// A vectorised kernel for the float runs of an arithmetic op: kAdd (a + alpha * b), kMul, kDiv.
struct VecArith {
  int op = -1;  // -1: none
  double alpha = 1.0;
};

// tensor (op) 0-dim operand, the form of `x * 2.0` or `loss / n`: the scalar is read once, with no
// cast copy and no broadcast walk. Returns null when the operands are not of that form.
template <typename Fn>
Tensor scalar_operand_forward(const char* name, const Tensor& a, const Tensor& b, DType compute, DType out_dtype,
                              Fn fn, const Tensor& out_opt, VecArith vop) {
  const bool b_scalar = b->dim() == 0 && a->dtype == compute && a->dim() > 0;
  const bool a_scalar = !b_scalar && a->dim() == 0 && b->dtype == compute && b->dim() > 0;
  if (!a_scalar && !b_scalar) return nullptr;
  const Tensor& t = b_scalar ? a : b;
  Tensor out = out_opt ? out_opt : empty(t->shape, out_dtype);
  if (out->numel() == 0) return out;
  FG_DISPATCH_ALL(compute, name, [&] {
    const scalar_t s = scalar_as<scalar_t>(b_scalar ? b : a);
    if constexpr (std::is_floating_point_v<scalar_t>) {
      if (vop.op >= 0 && out_dtype == compute) {
        auto f = [&](scalar_t x, scalar_t y) { return static_cast<scalar_t>(fn(x, y)); };
        kernels::scalar_operand_vec<scalar_t>(out, t, s, b_scalar, f, static_cast<kernels::vec::Binary>(vop.op),
                                              vop.alpha);
        return;
      }
    }
    auto run = [&](auto out_tag) {
      using Out = decltype(out_tag);
      if (b_scalar)
        kernels::unary_kernel<Out, scalar_t>(out, t, [&](scalar_t x) { return static_cast<Out>(fn(x, s)); });
      else
        kernels::unary_kernel<Out, scalar_t>(out, t, [&](scalar_t y) { return static_cast<Out>(fn(s, y)); });
    };
    if constexpr (is_predicate_v<Fn>) run(bool{});
    else run(scalar_t{});
  });
  return out;
}

// Two contiguous float operands of one shape and a small size (the per-op path of small models):
// one call of the vector kernel over the flat data, without the strided-loop set-up. Null otherwise.
inline Tensor same_shape_small_forward(const Tensor& a, const Tensor& b, DType compute, DType out_dtype,
                                       const Tensor& out_opt, VecArith vop) {
  if (vop.op < 0 || out_opt || out_dtype != compute || !is_floating(compute)) return nullptr;
  if (a->dtype != compute || b->dtype != compute || a->shape != b->shape) return nullptr;
  const int64_t n = a->numel();
  if (n == 0 || n > kGrainSize || !a->is_contiguous() || !b->is_contiguous()) return nullptr;
  Tensor out = empty(a->shape, compute);
  if (compute == DType::Float32)
    kernels::vec::kernels<float>().binary[vop.op][kernels::vec::kVV](n, a->data<float>(), b->data<float>(),
                                                                      out->data<float>(), static_cast<float>(vop.alpha));
  else
    kernels::vec::kernels<double>().binary[vop.op][kernels::vec::kVV](n, a->data<double>(), b->data<double>(),
                                                                       out->data<double>(), vop.alpha);
  return out;
}

// out_dtype == compute for arithmetic; Bool for predicates (is_predicate_v). `out` (optional) receives the result
// in place when it already has the broadcast shape and out_dtype. `vop` (optional) must compute
// what fn does; it runs the float runs it can.
template <typename Fn>
Tensor binary_forward(const char* name, const Tensor& a, const Tensor& b, DType compute, DType out_dtype, Fn fn,
                      const Tensor& out_opt = nullptr, VecArith vop = {}) {
  FG_CHECK((out_dtype == DType::Bool) == is_predicate_v<Fn> || out_dtype == compute, RuntimeError, name,
           ": internal error: output dtype ", dtype_name(out_dtype), " does not fit the op's kind");
  if (is_narrow(compute)) {
    // Operands first take the narrow dtype (a Python 300 added to int8 is 44, as in torch), then the
    // wide one the kernel runs in; the result is cast back (modular for ints, rounded for halves).
    auto wide_operand = [&](const Tensor& t) {
      return widened(t->dtype == compute ? t : to_dtype(alias_detached(t), compute));
    };
    const DType wide = wide_dtype(compute);
    Tensor r = binary_forward(name, wide_operand(a), wide_operand(b), wide, is_predicate_v<Fn> ? DType::Bool : wide,
                              fn, nullptr, vop);
    if (is_predicate_v<Fn> && !out_opt) return r;
    Tensor out = out_opt ? out_opt : empty(r->shape, out_dtype);
    copy_into(out, r);
    return out;
  }
  if (Tensor r = same_shape_small_forward(a, b, compute, out_dtype, out_opt, vop)) return r;
  if (Tensor r = scalar_operand_forward(name, a, b, compute, out_dtype, fn, out_opt, vop)) return r;
  BinaryOperands p = prepare_binary(a, b, compute);
  Tensor out = out_opt ? out_opt : empty(p.shape, out_dtype);
  if (out->numel() == 0) return out;
  if constexpr (is_predicate_v<Fn>) {
    FG_DISPATCH_ALL(compute, name, [&] {
      kernels::binary_kernel<bool, scalar_t>(out, p.a, p.b, [&](scalar_t x, scalar_t y) { return fn(x, y); });
    });
  } else {
    FG_DISPATCH_ALL(compute, name, [&] {
      auto f = [&](scalar_t x, scalar_t y) { return static_cast<scalar_t>(fn(x, y)); };
      if constexpr (std::is_floating_point_v<scalar_t>) {
        if (vop.op >= 0) {
          kernels::binary_vec<scalar_t>(out, p.a, p.b, f, static_cast<kernels::vec::Binary>(vop.op), vop.alpha);
          return;
        }
      }
      kernels::binary_kernel<scalar_t, scalar_t>(out, p.a, p.b, f);
    });
  }
  return out;
}

}  // namespace fg::ops::detail
