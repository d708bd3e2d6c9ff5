// Pointwise ops that torch offers as one call but that are compositions of other ops here, so their
// gradients come from those ops: masked_fill (a where) and lerp.
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
  // torch computes a + w (b - a) for |w| < 0.5 and b - (b - a)(1 - w) otherwise, exact at both ends.
  // A Python-number weight arrives as a wrapped number; as an operand of a's dtype it must not stay one
  // (1 - w of two wrapped numbers would be computed in float32).
  const Tensor w = weight->dtype == a->dtype && !is_wrapped_number(weight) ? weight : to_dtype(clone(weight), a->dtype);
  const Tensor diff = sub(b, a);
  const Tensor near_a = add(a, mul(w, diff));
  const Tensor near_b = sub(b, mul(diff, sub(result_like_scalar(1.0, w), w)));
  return where(compare(abs(w), result_like_scalar(0.5, w), CmpOp::Lt), near_a, near_b);
}

}  // namespace fg::ops
