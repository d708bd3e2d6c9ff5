// Binary elementwise arithmetic: add, sub, mul, div, pow, maximum, minimum (comparisons and where
// are in compare.cpp).
// Each op: dtype checks, forward through binary_forward, and its backward (PyTorch's
// derivatives.yaml formula) written with these same ops, reduced to each input's shape.
#include <cmath>

#include "autograd/function.h"
#include "ops/binary_kernel.h"

namespace fg::ops {

using detail::binary_forward;

namespace {

struct AddF {
  double alpha;
  template <typename T> T operator()(T x, T y) const {
    if constexpr (std::is_same_v<T, bool>) return x || (alpha != 0 && y);
    else return alpha == 1.0 ? T(x + y) : T(x + static_cast<T>(alpha) * y);
  }
};
struct MulF {
  template <typename T> T operator()(T x, T y) const {
    if constexpr (std::is_same_v<T, bool>) return x && y;
    else return x * y;
  }
};
struct DivF {
  template <typename T> T operator()(T x, T y) const { return x / y; }
};
struct PowF {
  template <typename T> T operator()(T x, T y) const {
    if constexpr (std::is_integral_v<T>) {
      if constexpr (std::is_same_v<T, bool>) return x || !y;
      else {
        T r = 1, base = x;
        for (T e = y; e > 0; e >>= 1) {
          if (e & 1) r *= base;
          base *= base;
        }
        return r;
      }
    } else {
      // torch's tensor ** number kernel computes these exponents with products and roots, not pow: the
      // results differ from std::pow in the last bit (x ** 3 in a training loop drifts otherwise)
      if (y == T(2)) return x * x;
      if (y == T(3)) return x * x * x;
      if (y == T(0.5)) return std::sqrt(x);
      if (y == T(-0.5)) return T(1) / std::sqrt(x);
      if (y == T(-1)) return T(1) / x;
      if (y == T(-2)) return T(1) / (x * x);
      return std::pow(x, y);
    }
  }
};
// maximum/minimum propagate NaN, as torch's do (a plain comparison would drop it).
struct MaxF {
  template <typename T> T operator()(T x, T y) const {
    if constexpr (std::is_floating_point_v<T>) {
      if (x != x || y != y) return x + y;
    }
    return x > y ? x : y;
  }
};
struct MinF {
  template <typename T> T operator()(T x, T y) const {
    if constexpr (std::is_floating_point_v<T>) {
      if (x != x || y != y) return x + y;
    }
    return x < y ? x : y;
  }
};

void check_not_bool_sub(const Tensor& a, const Tensor& b) {
  FG_CHECK(!(a->dtype == DType::Bool && b->dtype == DType::Bool), RuntimeError,
           "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
           "`logical_xor()` operator instead.");
  FG_CHECK(a->dtype != DType::Bool && b->dtype != DType::Bool, RuntimeError,
           "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, "
           "use the `~` or `logical_not()` operator instead.");
}

}  // namespace

Tensor result_like_scalar(double v, const Tensor& like) {
  (void)like;
  Tensor t = scalar_tensor(v, DType::Float64);
  t->wrapped_number = true;
  return t;
}

Tensor add(const Tensor& a, const Tensor& b, double alpha) {
  DType rt = result_type(a, b);
  Tensor out = binary_forward("add", a, b, rt, rt, AddF{alpha}, nullptr, {kernels::vec::kAdd, alpha});
  if (autograd::needs_grad(a, b)) {
    Dims sa = a->shape, sb = b->shape;
    autograd::record("AddBackward0", {a, b}, {out}, [sa, sb, alpha](const TensorList& g, Node& self) {
      TensorList r(2);
      if (self.needs_input_grad(0)) r[0] = sum_to(g[0], sa);
      if (self.needs_input_grad(1))
        r[1] = sum_to(alpha == 1.0 ? g[0] : mul(g[0], result_like_scalar(alpha, g[0])), sb);
      return r;
    }, /*has_saved=*/false);
  }
  return out;
}

Tensor sub(const Tensor& a, const Tensor& b, double alpha) {
  check_not_bool_sub(a, b);
  DType rt = result_type(a, b);
  Tensor out = binary_forward("sub", a, b, rt, rt, AddF{-alpha}, nullptr, {kernels::vec::kAdd, -alpha});
  if (autograd::needs_grad(a, b)) {
    Dims sa = a->shape, sb = b->shape;
    autograd::record("SubBackward0", {a, b}, {out}, [sa, sb, alpha](const TensorList& g, Node& self) {
      TensorList r(2);
      if (self.needs_input_grad(0)) r[0] = sum_to(g[0], sa);
      if (self.needs_input_grad(1))
        r[1] = sum_to(alpha == 1.0 ? neg(g[0]) : mul(g[0], result_like_scalar(-alpha, g[0])), sb);
      return r;
    }, /*has_saved=*/false);
  }
  return out;
}

Tensor mul(const Tensor& a, const Tensor& b) {
  DType rt = result_type(a, b);
  Tensor out = binary_forward("mul", a, b, rt, rt, MulF{}, nullptr, {kernels::vec::kMul});
  if (autograd::needs_grad(a, b)) {
    // Save each operand only when the other one's gradient needs it.
    SavedTensor sa(b->needs_grad() ? a : nullptr, false), sb(a->needs_grad() ? b : nullptr, false);
    Dims sha = a->shape, shb = b->shape;
    autograd::record("MulBackward0", {a, b}, {out}, [sa, sb, sha, shb](const TensorList& g, Node& self) {
      TensorList r(2);
      if (self.needs_input_grad(0)) r[0] = sum_to(mul(g[0], sb.unpack(self)), sha);
      if (self.needs_input_grad(1)) r[1] = sum_to(mul(g[0], sa.unpack(self)), shb);
      return r;
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor div(const Tensor& a, const Tensor& b) {
  DType rt = result_type(a, b);
  if (!is_floating(rt)) rt = DType::Float32;  // true division, as torch.div does by default
  Tensor out = binary_forward("div", a, b, rt, rt, DivF{}, nullptr, {kernels::vec::kDiv});
  if (autograd::needs_grad(a, b)) {
    SavedTensor sa(b->needs_grad() ? a : nullptr, false), sb(b, false);
    Dims sha = a->shape, shb = b->shape;
    autograd::record("DivBackward0", {a, b}, {out}, [sa, sb, sha, shb](const TensorList& g, Node& self) {
      TensorList r(2);
      Tensor bv = sb.unpack(self);
      if (self.needs_input_grad(0)) r[0] = sum_to(div(g[0], bv), sha);
      if (self.needs_input_grad(1)) r[1] = sum_to(div(mul(neg(g[0]), sa.unpack(self)), mul(bv, bv)), shb);
      return r;
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor pow(const Tensor& a, const Tensor& b) {
  DType rt = result_type(a, b);
  if (!is_floating(rt) && b->dtype == DType::Int64 && b->numel() > 0) {
    // torch refuses negative integer powers of integers
    Tensor bl = to_dtype(alias_detached(b), DType::Int64);
    const int64_t* pb = bl->is_contiguous() ? bl->data<int64_t>() : nullptr;
    if (pb)
      for (int64_t i = 0; i < bl->numel(); ++i)
        FG_CHECK(pb[i] >= 0, RuntimeError, "Integers to negative integer powers are not allowed.");
  }
  Tensor out = binary_forward("pow", a, b, rt, rt, PowF{});
  if (autograd::needs_grad(a, b)) {
    SavedTensor sa(a, false), sb(b, false), so(b->needs_grad() ? out : nullptr, true);
    Dims sha = a->shape, shb = b->shape;
    // torch's names: a tensor ** number is PowBackward0, tensor ** tensor PowBackward1
    autograd::record(is_wrapped_number(b) ? "PowBackward0" : "PowBackward1", {a, b}, {out}, [sa, sb, so, sha, shb, rt](const TensorList& g, Node& self) {
      TensorList r(2);
      Tensor av = sa.unpack(self), bv = sb.unpack(self);
      if (self.needs_input_grad(0)) {
        // d/da a^b = b * a^(b-1), taken as 0 where b == 0 (so 0^0 has gradient 0, as in torch)
        // For a Python-number exponent, b - 1 is taken in double: sub of two wrapped numbers gives float32
        // (torch's rule for Python scalars), so x ** 1.7 got the gradient of x ** 1.70000005 (3e-8 off).
        Tensor bm1 = is_wrapped_number(bv)
                         ? result_like_scalar(to_dtype(alias_detached(bv), DType::Float64)->data<double>()[0] - 1.0, bv)
                         : sub(bv, result_like_scalar(1.0, bv));
        Tensor d = mul(mul(g[0], bv), pow(av, bm1));
        Tensor zero = result_like_scalar(0.0, d);
        r[0] = sum_to(where(compare(bv, zero, CmpOp::Eq), zeros_like(d), d), sha);
      }
      if (self.needs_input_grad(1)) {
        // d/db a^b = a^b * log(a), taken as 0 where a == 0 and b >= 0
        // log in the result dtype: log of an integer base (2 ** x) would be float32
        Tensor d = mul(mul(g[0], so.unpack(self)), log(av->dtype == rt ? av : to_dtype(av, rt)));
        Tensor zero = result_like_scalar(0.0, av);
        Tensor mask = mul(compare(av, zero, CmpOp::Eq), compare(bv, zero, CmpOp::Ge));
        r[1] = sum_to(where(mask, zeros_like(d), d), shb);
      }
      return r;
    }, /*has_saved=*/true);
  }
  return out;
}

// maximum/minimum: the gradient goes to the larger (smaller) input, split evenly on ties.
static Tensor extremum(const char* name, const char* node_name, const Tensor& a, const Tensor& b, bool is_max) {
  DType rt = result_type(a, b);
  Tensor out = is_max ? binary_forward(name, a, b, rt, rt, MaxF{}) : binary_forward(name, a, b, rt, rt, MinF{});
  if (autograd::needs_grad(a, b)) {
    SavedTensor sa(a, false), sb(b, false);
    Dims sha = a->shape, shb = b->shape;
    autograd::record(node_name, {a, b}, {out}, [sa, sb, sha, shb, is_max](const TensorList& g, Node& self) {
      Tensor av = sa.unpack(self), bv = sb.unpack(self);
      Tensor half = mul(g[0], result_like_scalar(0.5, g[0]));
      Tensor tie = compare(av, bv, CmpOp::Eq);
      Tensor a_wins = compare(av, bv, is_max ? CmpOp::Gt : CmpOp::Lt);
      Tensor b_wins = compare(av, bv, is_max ? CmpOp::Lt : CmpOp::Gt);
      Tensor z = zeros_like(g[0]);
      TensorList r(2);
      if (self.needs_input_grad(0)) r[0] = sum_to(where(tie, half, where(b_wins, z, g[0])), sha);
      if (self.needs_input_grad(1)) r[1] = sum_to(where(tie, half, where(a_wins, z, g[0])), shb);
      return r;
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor maximum(const Tensor& a, const Tensor& b) { return extremum("maximum", "MaximumBackward0", a, b, true); }
Tensor minimum(const Tensor& a, const Tensor& b) { return extremum("minimum", "MinimumBackward0", a, b, false); }

}  // namespace fg::ops
