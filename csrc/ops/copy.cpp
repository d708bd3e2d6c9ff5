// dtype conversion, contiguous copies and clone; flip and tril/triu (copies with a pattern).
#include <vector>

#include "autograd/function.h"
#include "kernels/elementwise.h"
#include "ops/ops.h"
#include "tensor/convert.h"

namespace fg::ops {

// A narrow source into its wide dtype (float16 -> float32, int8 -> int64 ...): exact.
static void widen_into(const Tensor& dst, const Tensor& s) {
  FG_DISPATCH_STORAGE(s->dtype, "copy_", [&] {
    using In = scalar_t;
    if constexpr (is_half_v<In>)
      kernels::unary_kernel<float, In>(dst, s, [](In v) { return static_cast<float>(v); });
    else if constexpr (std::is_integral_v<In> && !std::is_same_v<In, bool> && sizeof(In) < 8)
      kernels::unary_kernel<int64_t, In>(dst, s, [](In v) { return static_cast<int64_t>(v); });
  });
}

// The one conversion between the ten dtypes, with torch's cast rules (tensor/convert.h). A narrow source
// is widened first, which changes no value, so the loops built are 4 x 10 casts from the wide dtypes and
// 6 widenings, not all 100 pairs (that took copy.cpp's compile from 3 s to 20 s).
void copy_into(const Tensor& dst, const Tensor& src) {
  Tensor s = broadcast_to_view(src, dst->shape);
  if (is_narrow(s->dtype)) {
    if (dst->dtype == wide_dtype(s->dtype)) return widen_into(dst, s);
    Tensor wide = empty(s->shape, wide_dtype(s->dtype));
    widen_into(wide, s);
    return copy_into(dst, wide);
  }
  FG_DISPATCH_STORAGE(dst->dtype, "copy_", [&] {
    using Out = scalar_t;
    FG_DISPATCH_ALL(s->dtype, "copy_", [&] {
      kernels::unary_kernel<Out, scalar_t>(dst, s, [](scalar_t v) { return convert<Out, scalar_t>(v); });
    });
  });
}

Tensor widened(const Tensor& t) { return to_dtype(alias_detached(t), wide_dtype(t->dtype)); }

Tensor view_dtype(const Tensor& t, DType dtype) {
  if (t->dtype == dtype) return t;
  FG_CHECK(itemsize(t->dtype) == itemsize(dtype), RuntimeError, "view(dtype): fastgrad reinterprets only between dtypes "
           "of one size; ", dtype_name(t->dtype), " is ", itemsize(t->dtype), " bytes and ", dtype_name(dtype), " is ",
           itemsize(dtype));
  FG_CHECK(!autograd::needs_grad(t), RuntimeError, "view(dtype) of a tensor that requires grad is not differentiable; "
           "call .detach() first");
  Tensor out = alias_detached(t);
  out->dtype = dtype;
  return out;
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
    }, /*has_saved=*/false);
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
    autograd::record("CloneBackward0", {t}, {out}, [](const TensorList& g, Node&) { return TensorList{g[0]}; }, /*has_saved=*/false);
  return out;
}

Tensor flip(const Tensor& x, const Dims& dims) {
  const int64_t nd = x->dim();
  std::vector<bool> flipped(std::max<int64_t>(nd, 1), false);
  for (int64_t d : dims) {
    const int64_t w = wrap_dim(d, nd);
    FG_CHECK(!flipped[w], RuntimeError, "dim ", w, " appears multiple times in the list of dims");
    flipped[w] = true;
  }
  // copy through a view with negated strides along the flipped dims
  Dims st = x->strides;
  int64_t offset = x->offset;
  for (int64_t i = 0; i < nd; ++i)
    if (flipped[i] && x->shape[i] > 1) {
      offset += (x->shape[i] - 1) * st[i];
      st[i] = -st[i];
    }
  Tensor out = copy_as(make_view(x, x->shape, st, offset), x->dtype);
  if (autograd::needs_grad(x))
    autograd::record("FlipBackward0", {x}, {out}, [dims](const TensorList& g, Node&) { return TensorList{flip(g[0], dims)}; }, /*has_saved=*/false);
  return out;
}

// tril/triu: x where the element (i, j) of the last two dims keeps (j - i <= diagonal for tril,
// j - i >= diagonal for triu), zero elsewhere; the gradient is the same pattern of g.
static Tensor triangle(const Tensor& x, int64_t diagonal, bool lower) {
  const char* name = lower ? "tril" : "triu";
  FG_CHECK(x->dim() >= 2, RuntimeError, name, ": input tensor must have at least 2 dimensions");
  const int64_t rows = x->shape[x->dim() - 2], cols = x->shape[x->dim() - 1];
  Tensor keep = empty(Dims({rows, cols}), DType::Bool);
  bool* k = keep->data<bool>();
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j) k[i * cols + j] = lower ? j - i <= diagonal : j - i >= diagonal;
  Tensor out;
  {
    NoGradGuard ng;
    out = where(keep, x, zeros(Dims(), x->dtype));
  }
  if (autograd::needs_grad(x))
    autograd::record(lower ? "TrilBackward0" : "TriuBackward0", {x}, {out}, [diagonal, lower](const TensorList& g, Node&) {
      return TensorList{triangle(g[0], diagonal, lower)};
    }, /*has_saved=*/false);
  return out;
}

Tensor tril(const Tensor& x, int64_t diagonal) { return triangle(x, diagonal, true); }
Tensor triu(const Tensor& x, int64_t diagonal) { return triangle(x, diagonal, false); }

}  // namespace fg::ops
