// Comparisons (bool results, no gradient), logical_not, and where, the select that the comparisons'
// masks feed. Apart from binary.cpp's arithmetic so that each file compiles in reasonable time: every
// functor here is instantiated for every dtype and loop shape.
#include "autograd/function.h"
#include "ops/binary_kernel.h"

namespace fg::ops {

using detail::binary_forward;

Tensor compare(const Tensor& a, const Tensor& b, CmpOp op) {
  DType rt = result_type(a, b);
  switch (op) {
    case CmpOp::Eq: return binary_forward("eq", a, b, rt, DType::Bool, [](auto x, auto y) { return x == y; });
    case CmpOp::Ne: return binary_forward("ne", a, b, rt, DType::Bool, [](auto x, auto y) { return x != y; });
    case CmpOp::Lt: return binary_forward("lt", a, b, rt, DType::Bool, [](auto x, auto y) { return x < y; });
    case CmpOp::Le: return binary_forward("le", a, b, rt, DType::Bool, [](auto x, auto y) { return x <= y; });
    case CmpOp::Gt: return binary_forward("gt", a, b, rt, DType::Bool, [](auto x, auto y) { return x > y; });
    case CmpOp::Ge: return binary_forward("ge", a, b, rt, DType::Bool, [](auto x, auto y) { return x >= y; });
  }
  throw RuntimeError("compare: bad op");
}

Tensor logical_not(const Tensor& a) {
  Tensor out = empty(a->shape, DType::Bool);
  FG_DISPATCH_STORAGE(a->dtype, "logical_not", [&] {
    kernels::unary_kernel<bool, scalar_t>(out, a, [](scalar_t v) { return !convert<bool, scalar_t>(v); });
  });
  return out;
}

Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b) {
  FG_CHECK(cond->dtype == DType::Bool, RuntimeError, "where expected condition to be a boolean tensor, but got a tensor with dtype ",
           dtype_name(cond->dtype));
  DType rt = result_type(a, b);
  Dims shape = broadcast_shapes(cond->shape, broadcast_shapes(a->shape, b->shape));
  Tensor pa = a->dtype == rt ? a : to_dtype(alias_detached(a), rt);
  Tensor pb = b->dtype == rt ? b : to_dtype(alias_detached(b), rt);
  Tensor out = empty(shape, rt);
  if (out->numel() > 0) {
    auto L = kernels::make_loop<4>(out, {&cond, &pa, &pb});
    FG_DISPATCH_BY_SIZE(rt, "where", [&] {  // moves elements only
      kernels::run_loop(L, [&](int64_t n, char** p, const int64_t* s) {
        for (int64_t i = 0; i < n; ++i)
          *reinterpret_cast<scalar_t*>(p[0] + i * s[0]) =
              *reinterpret_cast<const bool*>(p[1] + i * s[1]) ? *reinterpret_cast<const scalar_t*>(p[2] + i * s[2])
                                                              : *reinterpret_cast<const scalar_t*>(p[3] + i * s[3]);
      });
    });
  }
  if (autograd::needs_grad(a, b)) {
    SavedTensor sc(cond, false);
    Dims sha = a->shape, shb = b->shape;
    autograd::record("WhereBackward0", {cond, a, b}, {out}, [sc, sha, shb](const TensorList& g, Node& self) {
      Tensor c = sc.unpack(self);
      Tensor z = zeros_like(g[0]);
      TensorList r(3);
      if (self.needs_input_grad(1)) r[1] = sum_to(where(c, g[0], z), sha);
      if (self.needs_input_grad(2)) r[2] = sum_to(where(c, z, g[0]), shb);
      return r;
    }, /*has_saved=*/true);
  }
  return out;
}

}  // namespace fg::ops
