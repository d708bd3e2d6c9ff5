// dtype conversion, contiguous copies and clone.
#include "autograd/function.h"
#include "kernels/elementwise.h"
#include "ops/ops.h"

namespace fg::ops {

void copy_into(const Tensor& dst, const Tensor& src) {
  Tensor s = broadcast_to_view(src, dst->shape);
  FG_DISPATCH_ALL(dst->dtype, "copy_", [&] {
    using Out = scalar_t;
    FG_DISPATCH_ALL(s->dtype, "copy_", [&] {
      kernels::unary_kernel<Out, scalar_t>(dst, s, [](scalar_t v) { return static_cast<Out>(v); });
    });
  });
}

static Tensor copy_as(const Tensor& t, DType dtype) {
  Tensor out = empty(t->shape, dtype);
  copy_into(out, t);
  return out;
}

Tensor to_dtype(const Tensor& t, DType dtype) {
  if (t->dtype == dtype) return t;
  Tensor out = copy_as(t, dtype);
  if (autograd::needs_grad(t) && is_floating(dtype)) {
    const DType src = t->dtype;
    autograd::record("ToCopyBackward0", {t}, {out}, [src](const TensorList& g, Node&) {
      return TensorList{to_dtype(g[0], src)};
    });
  }
  return out;
}

Tensor contiguous(const Tensor& t) {
  if (t->is_contiguous()) return t;
  return clone(t);
}

Tensor clone(const Tensor& t) {
  Tensor out = copy_as(t, t->dtype);
  if (autograd::needs_grad(t))
    autograd::record("CloneBackward0", {t}, {out}, [](const TensorList& g, Node&) { return TensorList{g[0]}; });
  return out;
}

}  // namespace fg::ops
