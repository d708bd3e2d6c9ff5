// Broadcasting and torch's type promotion for binary ops.
#include <optional>

#include "ops/ops.h"

namespace fg::ops {

Dims broadcast_shapes(const Dims& a, const Dims& b) {
  const size_t n = std::max(a.size(), b.size());
  Dims out(n, 1);
  for (size_t i = 0; i < n; ++i) {
    const int64_t da = i < n - a.size() ? 1 : a[i - (n - a.size())];
    const int64_t db = i < n - b.size() ? 1 : b[i - (n - b.size())];
    FG_CHECK(da == db || da == 1 || db == 1, RuntimeError, "The size of tensor a (", da,
             ") must match the size of tensor b (", db, ") at non-singleton dimension ", i,
             " (shapes ", shape_str(a), " and ", shape_str(b), ")");
    out[i] = da == 1 ? db : da;
  }
  return out;
}

Tensor broadcast_to_view(const Tensor& x, const Dims& shape) {
  if (x->shape == shape) return x;
  FG_CHECK(shape.size() >= x->shape.size(), RuntimeError, "cannot broadcast ", shape_str(x->shape), " to ",
           shape_str(shape));
  Dims st(shape.size(), 0);
  const size_t off = shape.size() - x->shape.size();
  for (size_t i = 0; i < x->shape.size(); ++i) {
    const int64_t s = x->shape[i];
    FG_CHECK(s == shape[off + i] || s == 1, RuntimeError, "The expanded size of the tensor (", shape[off + i],
             ") must match the existing size (", s, ") at non-singleton dimension ", off + i,
             ".  Target sizes: ", shape_str(shape), ".  Tensor sizes: ", shape_str(x->shape));
    st[off + i] = (s == 1 && shape[off + i] != 1) ? 0 : x->strides[i];
  }
  Tensor v = make_view(x, shape, st, x->offset);
  return v;
}

bool is_wrapped_number(const Tensor& t) { return t->wrapped_number; }

namespace {
// torch's combine_categories (no complex dtypes here); nullopt plays the part of Undefined.
std::optional<DType> combine(std::optional<DType> higher, std::optional<DType> lower) {
  if (!higher) return lower;
  if (!lower) return higher;
  if (is_floating(*higher)) return higher;
  if (*higher == DType::Bool || is_floating(*lower)) return promote(*higher, *lower);
  return higher;
}
void update(std::optional<DType>& slot, DType t) { slot = slot ? promote(*slot, t) : t; }
}  // namespace

DType result_type(const Tensor& a, const Tensor& b) {
  std::optional<DType> dim_r, zero_r, wrapped_r;
  for (const Tensor* t : {&a, &b}) {
    const Tensor& x = *t;
    if (x->wrapped_number) {
      // A Python float takes the default dtype (float32 unless set); its value is kept in double until cast.
      update(wrapped_r, x->dtype == DType::Float64 ? default_dtype() : x->dtype);
    } else if (x->dim() == 0) {
      update(zero_r, x->dtype);
    } else {
      update(dim_r, x->dtype);
    }
  }
  return *combine(dim_r, combine(zero_r, wrapped_r));
}

}  // namespace fg::ops
