// Rounding and integer division: floor, ceil, trunc, round (unary), and div with a rounding mode,
// floor_divide, remainder, fmod (binary). Each op: dtype checks, forward through the shared unary /
// binary machinery with torch's scalar definitions (aten/src/ATen/native/cpu/BinaryOpsKernel.cpp and
// c10/util/generic_math.h), and its backward as in torch's derivatives.yaml.
#include <atomic>
#include <cmath>

#include "autograd/function.h"
#include "ops/binary_kernel.h"
#include "ops/unary_kernel.h"

namespace fg::ops {

using detail::binary_forward;
using detail::unary_numeric;

namespace {

// ---- unary rounding: identity on int64 (a copy, as torch), refused on bool ----

template <typename Fn>
Tensor rounding_unary(const char* name, const char* node_name, const Tensor& x, Fn fn) {
  Tensor out = unary_numeric(name, x, [fn](auto v) {
    using T = decltype(v);
    if constexpr (std::is_floating_point_v<T>) return fn(v);
    else return v;
  });
  if (autograd::needs_grad(x))
    autograd::record(node_name, {x}, {out}, [](const TensorList& g, Node&) { return TensorList{zeros_like(g[0])}; }, /*has_saved=*/false);
  return out;
}

// ---- binary scalar definitions, torch's ----

// The frame every integer-division functor shares. Bool operands never reach the kernel (refused
// before it). Integer division by zero is an error in torch: the functor sets `hit` and the op raises
// after the loop. INT64_MIN / -1 traps on x86, so b == -1 takes the op's wrapping answer instead.
// Op supplies floating(a, b), integer(a, b) and by_minus_one(a).
template <class Op>
struct DivisionF {
  std::atomic<bool>* hit;
  template <typename T> T operator()(T a, T b) const {
    if constexpr (std::is_same_v<T, bool>) {
      return a;
    } else if constexpr (std::is_floating_point_v<T>) {
      return Op::floating(a, b);
    } else {
      if (b == 0) {
        hit->store(true, std::memory_order_relaxed);
        return T(0);
      }
      if (b == -1) return Op::by_minus_one(a);
      return Op::integer(a, b);
    }
  }
};

template <typename T> T wrapping_neg(T a) { return static_cast<T>(0 - static_cast<uint64_t>(a)); }

// Floor division, torch's div_floor_floating for floats (signed zeros, inf and nan as torch).
struct FloorDivOp {
  template <typename T> static T floating(T a, T b) {
    if (b == 0) return a / b;  // IEEE: inf or nan
    const T mod = std::fmod(a, b);
    T div = (a - mod) / b;
    if (mod != 0 && (b < 0) != (mod < 0)) div -= T(1);
    if (div == 0) return std::copysign(T(0), a / b);
    T fl = std::floor(div);
    if (div - fl > T(0.5)) fl += T(1);
    return fl;
  }
  template <typename T> static T integer(T a, T b) {
    const T q = a / b;
    return (a < 0) != (b < 0) && a % b != 0 ? q - 1 : q;
  }
  template <typename T> static T by_minus_one(T a) { return wrapping_neg(a); }
};

struct TruncDivOp {
  template <typename T> static T floating(T a, T b) { return std::trunc(a / b); }
  template <typename T> static T integer(T a, T b) { return a / b; }
  template <typename T> static T by_minus_one(T a) { return wrapping_neg(a); }
};

// Python's %: the result takes the divisor's sign.
struct RemainderOp {
  template <typename T> static T floating(T a, T b) {
    T mod = std::fmod(a, b);
    if (mod != 0 && (b < 0) != (mod < 0)) mod += b;
    return mod;
  }
  template <typename T> static T integer(T a, T b) {
    T r = a % b;
    if (r != 0 && (r < 0) != (b < 0)) r += b;
    return r;
  }
  template <typename T> static T by_minus_one(T) { return T(0); }
};

// C's fmod: the result takes the dividend's sign.
struct FmodOp {
  template <typename T> static T floating(T a, T b) { return std::fmod(a, b); }
  template <typename T> static T integer(T a, T b) { return a % b; }
  template <typename T> static T by_minus_one(T) { return T(0); }
};

// The forward of the integer-division family: bool refused (as torch's kernels are), int64 division by
// zero raises torch's RuntimeError "ZeroDivisionError".
template <typename Op>
Tensor division_forward(const char* name, const Tensor& a, const Tensor& b) {
  const DType rt = result_type(a, b);
  FG_CHECK(rt != DType::Bool, RuntimeError, "\"", name, "\" not implemented for 'Bool' (both operands are bool tensors)");
  std::atomic<bool> hit{false};
  Tensor out = binary_forward(name, a, b, rt, rt, DivisionF<Op>{&hit});
  FG_CHECK(!hit.load(), RuntimeError, "ZeroDivisionError");
  return out;
}

// d/da = g, d/db = -g * q where q is a / b rounded as the op rounds (floor for remainder, trunc for fmod).
Tensor mod_like(const char* node_name, const Tensor& a, const Tensor& b, RoundingMode q_mode,
                Tensor out) {
  if (autograd::needs_grad(a, b)) {
    SavedTensor sa(b->needs_grad() ? a : nullptr, false), sb(b->needs_grad() ? b : nullptr, false);
    Dims sha = a->shape, shb = b->shape;
    autograd::record(node_name, {a, b}, {out}, [sa, sb, sha, shb, q_mode](const TensorList& g, Node& self) {
      TensorList r(2);
      if (self.needs_input_grad(0)) r[0] = sum_to(g[0], sha);
      if (self.needs_input_grad(1)) r[1] = sum_to(mul(neg(g[0]), div(sa.unpack(self), sb.unpack(self), q_mode)), shb);
      return r;
    }, /*has_saved=*/true);
  }
  return out;
}

}  // namespace

Tensor floor(const Tensor& x) {
  return rounding_unary("floor", "FloorBackward0", x, [](auto v) { return std::floor(v); });
}
Tensor ceil(const Tensor& x) {
  return rounding_unary("ceil", "CeilBackward0", x, [](auto v) { return std::ceil(v); });
}
Tensor trunc(const Tensor& x) {
  return rounding_unary("trunc", "TruncBackward0", x, [](auto v) { return std::trunc(v); });
}

// Half to even (nearbyint under the default rounding mode), as torch. With decimals: torch's
// round_decimals_kernel, the scale taken in the tensor's own float type.
Tensor round(const Tensor& x, int64_t decimals) {
  if (decimals == 0)
    return rounding_unary("round", "RoundBackward0", x, [](auto v) { return std::nearbyint(v); });
  FG_CHECK(is_floating(x->dtype), RuntimeError, "\"round\" not implemented for '", dtype_name(x->dtype),
           "' with decimals=", decimals, " (round(decimals=...) needs a floating-point tensor)");
  const bool neg = decimals < 0;
  const double p = std::pow(10.0, static_cast<double>(neg ? -decimals : decimals));
  return rounding_unary("round", "RoundBackward1", x, [p, neg](auto v) {
    using T = decltype(v);
    const T s = static_cast<T>(p);
    return neg ? T(std::nearbyint(v / s) * s) : T(std::nearbyint(v * s) / s);
  });
}

Tensor div(const Tensor& a, const Tensor& b, RoundingMode mode) {
  if (mode == RoundingMode::None) return div(a, b);
  const bool floor_mode = mode == RoundingMode::Floor;
  Tensor out = floor_mode ? division_forward<FloorDivOp>("div_floor", a, b) : division_forward<TruncDivOp>("div_trunc", a, b);
  if (autograd::needs_grad(a, b)) {
    // torch's DivBackward2: with a rounding mode the gradient is zero for both operands
    Dims sha = a->shape, shb = b->shape;
    autograd::record("DivBackward2", {a, b}, {out}, [sha, shb](const TensorList& g, Node& self) {
      TensorList r(2);
      if (self.needs_input_grad(0)) r[0] = zeros(sha, g[0]->dtype);
      if (self.needs_input_grad(1)) r[1] = zeros(shb, g[0]->dtype);
      return r;
    }, /*has_saved=*/false);
  }
  return out;
}

Tensor floor_divide(const Tensor& a, const Tensor& b) {
  Tensor out = division_forward<FloorDivOp>("floor_divide", a, b);
  if (autograd::needs_grad(a, b)) {
    // torch has no derivative for floor_divide: the result requires grad, and backward through it raises
    autograd::record("NotImplemented", {a, b}, {out}, [](const TensorList&, Node&) -> TensorList {
      throw RuntimeError("derivative for aten::floor_divide is not implemented");
    }, /*has_saved=*/false);
  }
  return out;
}

Tensor remainder(const Tensor& a, const Tensor& b) {
  Tensor out = division_forward<RemainderOp>("remainder", a, b);
  // torch's names: tensor % number is RemainderBackward0, tensor % tensor RemainderBackward1
  return mod_like(is_wrapped_number(b) ? "RemainderBackward0" : "RemainderBackward1", a, b,
                  RoundingMode::Floor, out);
}

Tensor fmod(const Tensor& a, const Tensor& b) {
  Tensor out = division_forward<FmodOp>("fmod", a, b);
  return mod_like(is_wrapped_number(b) ? "FmodBackward0" : "FmodBackward1", a, b, RoundingMode::Trunc, out);
}

}  // namespace fg::ops
