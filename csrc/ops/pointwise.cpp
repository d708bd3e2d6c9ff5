// Pointwise ops outside the unary and binary families: masked_fill (a where, whose gradient it takes)
// and lerp (one three-operand kernel with torch's formula, and its own backward).
#include <cmath>

#include "autograd/function.h"
#include "kernels/elementwise.h"
#include "ops/ops.h"

namespace fg::ops {

Tensor masked_fill(const Tensor& x, const Tensor& mask, const Tensor& value) {
  FG_CHECK(mask->dtype == DType::Bool, RuntimeError, "masked_fill_ only supports boolean masks, but got mask with dtype ",
           dtype_name(mask->dtype));
  FG_CHECK(value->dim() == 0, RuntimeError, "masked_fill_ only supports a 0-dimensional value tensor, but got tensor "
           "with ", value->dim(), " dimension(s).");
  return where(mask, to_dtype(value, x->dtype), x);
}

Tensor lerp(const Tensor& a, const Tensor& b, const Tensor& weight) {
  FG_CHECK(is_floating(a->dtype) && a->dtype == b->dtype, RuntimeError, "expected dtype ", dtype_name(a->dtype),
           " for `end` but got dtype ", dtype_name(b->dtype));
  FG_CHECK(weight->dtype == a->dtype || is_wrapped_number(weight), RuntimeError, "expected dtype ",
           dtype_name(a->dtype), " for `weight` but got dtype ", dtype_name(weight->dtype));
  // A Python-number weight arrives as a wrapped double; torch rounds it to the operands' dtype. The
  // detached alias is no wrapped number, so 1 - w in the backward stays in that dtype too.
  const Tensor w = weight->dtype == a->dtype ? alias_detached(weight) : to_dtype(alias_detached(weight), a->dtype);
  const Dims shape = broadcast_shapes(broadcast_shapes(a->shape, b->shape), w->shape);
  Tensor out = empty(shape, a->dtype);
  if (out->numel() > 0 && is_narrow(a->dtype)) {  // float16 / bfloat16: in float32, rounded once
    NoGradGuard ng;
    copy_into(out, lerp(widened(a), widened(b), widened(w)));
  } else if (out->numel() > 0) {
    FG_DISPATCH_FLOATING(a->dtype, "lerp", [&] {
      // torch's kernel: exact at both ends, a + w (b - a) below |w| = 0.5 and b - (b - a)(1 - w) above
      kernels::ternary_kernel<scalar_t, scalar_t>(out, a, b, w, [](scalar_t x, scalar_t y, scalar_t t) {
        const scalar_t diff = y - x;
        return std::abs(t) < scalar_t(0.5) ? x + t * diff : y - diff * (scalar_t(1) - t);
      });
    });
  }
  if (autograd::needs_grad(a, b, weight)) {
    // the weight itself (not the detached w) when it is a tensor, so the backward is differentiable in it
    SavedTensor sa(a, false), sb(b, false), sw(is_wrapped_number(weight) ? w : weight, false);
    const Dims sha = a->shape, shb = b->shape, shw = weight->shape;
    // torch's names: a number weight is LerpBackward0, a tensor weight LerpBackward1
    autograd::record(is_wrapped_number(weight) ? "LerpBackward0" : "LerpBackward1", {a, b, weight}, {out}, [sa, sb, sw, sha, shb, shw](const TensorList& g, Node& self) {
      const Tensor wv = sw.unpack(self);
      TensorList r(3);
      if (self.needs_input_grad(0)) r[0] = sum_to(mul(g[0], sub(result_like_scalar(1.0, wv), wv)), sha);
      if (self.needs_input_grad(1)) r[1] = sum_to(mul(g[0], wv), shb);
      if (self.needs_input_grad(2)) r[2] = sum_to(mul(g[0], sub(sb.unpack(self), sa.unpack(self))), shw);
      return r;
    }, /*has_saved=*/true);
  }
  return out;
}

}  // namespace fg::ops
