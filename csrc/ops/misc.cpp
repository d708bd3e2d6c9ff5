// Comparisons and everyday tensor helpers, each a composition of differentiable ops (or, for the
// integer results of nonzero, a small kernel); torch's checks and messages.
#include "ops/misc.h"

#include <cmath>
#include <limits>

#include "autograd/grad_mode.h"

namespace fg::ops {

namespace {

Tensor scalar_like(double v, const Tensor& t) { return result_like_scalar(v, t); }

}  // namespace

// |a - b| <= atol + rtol * |b|, exact equality (infinities) always close, NaN close to NaN on request
Tensor isclose(const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan) {
  FG_CHECK(a->dtype == b->dtype, RuntimeError, dtype_short_name(a->dtype), " did not match ", dtype_short_name(b->dtype));
  FG_CHECK(rtol >= 0, RuntimeError, "rtol must be greater than or equal to zero, but got ", rtol);
  FG_CHECK(atol >= 0, RuntimeError, "atol must be greater than or equal to zero, but got ", atol);
  Tensor x = alias_detached(a), y = alias_detached(b);
  Tensor close = compare(x, y, CmpOp::Eq);
  if (equal_nan && is_floating(x->dtype)) close = logical(close, logical(isnan(x), isnan(y), BitOp::And), BitOp::Or);
  if (!is_floating(x->dtype) && rtol == 0 && atol == 0) return close;
  // in floating point, computed in the operands' dtype (int64 inputs compare in float64, as torch's cast)
  DType ft = is_floating(x->dtype) ? x->dtype : DType::Float64;
  Tensor fx = to_dtype(x, ft), fy = to_dtype(y, ft);
  Tensor diff = abs(sub(fx, fy));
  Tensor bound = add(full({}, atol, ft), mul(full({}, rtol, ft), abs(fy)));
  Tensor within = logical(compare(diff, bound, CmpOp::Le), isfinite(diff), BitOp::And);
  return logical(close, within, BitOp::Or);
}

bool allclose(const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan) {
  Tensor c = isclose(a, b, rtol, atol, equal_nan);
  return *contiguous(all(c, {}, false))->data<bool>();
}

bool equal(const Tensor& a, const Tensor& b) {
  if (a->shape != b->shape) return false;
  if (a->numel() == 0) return true;
  return *contiguous(all(compare(alias_detached(a), alias_detached(b), CmpOp::Eq), {}, false))->data<bool>();
}

Tensor nan_to_num(const Tensor& x, double nan, std::optional<double> posinf, std::optional<double> neginf) {
  if (!is_floating(x->dtype)) return clone(x);
  const double big = x->dtype == DType::Float32 ? std::numeric_limits<float>::max() : std::numeric_limits<double>::max();
  Tensor xd = alias_detached(x);
  Tensor r = where(isnan(xd), scalar_like(nan, x), x);
  r = where(isposinf(xd), scalar_like(posinf ? *posinf : big, x), r);
  return where(isneginf(xd), scalar_like(neginf ? *neginf : -big, x), r);
}

Tensor addcmul(const Tensor& input, const Tensor& t1, const Tensor& t2, double value) {
  Tensor p = mul(t1, t2);
  return add(input, value == 1.0 ? p : mul(p, scalar_like(value, p)));
}

Tensor addcdiv(const Tensor& input, const Tensor& t1, const Tensor& t2, double value) {
  FG_CHECK(is_floating(t1->dtype) || is_floating(t2->dtype), RuntimeError,
           "Integer division with addcdiv is no longer supported, and in a future release addcdiv will perform a "
           "true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value "
           "* torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / "
           "tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value "
           "* tensor1 / tensor2), for all dtypes.");
  Tensor q = div(t1, t2);
  return add(input, value == 1.0 ? q : mul(q, scalar_like(value, q)));
}

// each dim i of size s becomes r_i copies of it, one after another: (s) -> (r_i, s) -> (r_i * s)
Tensor repeat(const Tensor& x, const Dims& repeats) {
  const int64_t nd = static_cast<int64_t>(repeats.size());
  FG_CHECK(nd >= x->dim(), RuntimeError,
           "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
  for (int64_t r : repeats) FG_CHECK(r >= 0, RuntimeError, "Trying to create tensor with negative dimension ", r, ": ", shape_str(repeats));
  Dims padded(static_cast<size_t>(nd - x->dim()), 1);
  for (int64_t s : x->shape) padded.push_back(s);
  Dims pairs, expanded, out;
  for (int64_t i = 0; i < nd; ++i) {
    pairs.push_back(1);
    pairs.push_back(padded[i]);
    expanded.push_back(repeats[i]);
    expanded.push_back(padded[i]);
    out.push_back(repeats[i] * padded[i]);
  }
  return reshape(expand(reshape(x, pairs), expanded), out);
}

Tensor tile(const Tensor& x, const Dims& reps) {
  // fewer reps than dims: the leading dims repeat once
  const int64_t missing = std::max<int64_t>(0, x->dim() - static_cast<int64_t>(reps.size()));
  Dims r(static_cast<size_t>(missing), 1);
  for (int64_t v : reps) r.push_back(v);
  return repeat(x, r);
}

Tensor repeat_interleave(const Tensor& x, const Tensor& repeats, std::optional<int64_t> dim) {
  FG_CHECK(repeats->dtype == DType::Int64, RuntimeError, "repeats has to be Long tensor");
  FG_CHECK(repeats->dim() <= 1, RuntimeError, "repeats must be 0-dim or 1-dim tensor");
  Tensor in = dim ? x : reshape(x, {-1});
  const int64_t d = dim ? wrap_dim(*dim, std::max<int64_t>(in->dim(), 1)) : 0;
  const int64_t n = in->dim() == 0 ? 1 : in->shape[d];
  Tensor reps = contiguous(repeats);
  const int64_t nr = reps->numel();
  FG_CHECK(nr == 1 || nr == n, RuntimeError, "repeats must have the same size as input along dim, but got "
           "repeats.size(0) = ", nr, " and input.size(0) = ", n);
  std::vector<int64_t> index;
  for (int64_t i = 0; i < n; ++i) {
    const int64_t r = reps->data<int64_t>()[nr == 1 ? 0 : i];
    FG_CHECK(r >= 0, RuntimeError, "repeats can not be negative");
    for (int64_t k = 0; k < r; ++k) index.push_back(i);
  }
  Tensor idx = empty({static_cast<int64_t>(index.size())}, DType::Int64);
  std::copy(index.begin(), index.end(), idx->data<int64_t>());
  return index_select(in->dim() == 0 ? reshape(in, {1}) : in, d, idx);
}

// roll along each dim: the last `shift` elements move to the front (a cat of two slices)
Tensor roll(const Tensor& x, const Dims& shifts, const Dims& dims) {
  FG_CHECK(!shifts.empty(), RuntimeError, "`shifts` required");
  if (dims.empty()) {
    FG_CHECK(shifts.size() == 1, RuntimeError, "shifts and dimensions must align. shifts: ", shifts.size(), ", dims:0");
    return reshape(roll(reshape(x, {-1}), shifts, {0}), x->shape);
  }
  FG_CHECK(shifts.size() == dims.size(), RuntimeError, "shifts and dimensions must align. shifts: ", shifts.size(),
           ", dims:", dims.size());
  Tensor r = x;
  for (size_t i = 0; i < dims.size(); ++i) {
    const int64_t d = wrap_dim(dims[i], std::max<int64_t>(x->dim(), 1));
    const int64_t n = r->shape[d];
    if (n == 0) continue;
    const int64_t s = ((shifts[i] % n) + n) % n;
    if (s == 0) continue;
    r = cat({slice(r, d, n - s, n, 1), slice(r, d, 0, n - s, 1)}, d);
  }
  return r == x ? clone(x) : r;
}

TensorList meshgrid(const TensorList& tensors, const std::string& indexing) {
  FG_CHECK(indexing == "ij" || indexing == "xy", RuntimeError,
           "torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: ", indexing);
  FG_CHECK(!tensors.empty(), RuntimeError, "meshgrid expects a non-empty TensorList");
  const int64_t n = static_cast<int64_t>(tensors.size());
  for (const Tensor& t : tensors)
    FG_CHECK(t->dim() <= 1, RuntimeError, "torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: ",
             shape_str(t->shape));
  Dims full;
  for (const Tensor& t : tensors) full.push_back(t->numel());
  // "xy": the first two grids swap their roles (cartesian indexing)
  const bool xy = indexing == "xy" && n >= 2;
  if (xy) std::swap(full[0], full[1]);
  TensorList out;
  for (int64_t i = 0; i < n; ++i) {
    const int64_t at = xy && i < 2 ? 1 - i : i;
    Dims shape(static_cast<size_t>(n), 1);
    shape[at] = tensors[i]->numel();
    out.push_back(expand(reshape(tensors[i], shape), full));
  }
  return out;
}

Tensor nonzero(const Tensor& x) {
  Tensor c = contiguous(widened(x));
  const int64_t nd = c->dim(), total = c->numel();
  std::vector<int64_t> flat;
  FG_DISPATCH_ALL(c->dtype, "nonzero", [&] {
    const scalar_t* p = c->data<scalar_t>();
    for (int64_t i = 0; i < total; ++i)
      if (p[i] != scalar_t(0)) flat.push_back(i);
  });
  const int64_t count = static_cast<int64_t>(flat.size());
  Tensor out = empty({count, nd}, DType::Int64);
  int64_t* o = out->data<int64_t>();
  for (int64_t k = 0; k < count; ++k) {
    int64_t rem = flat[k];
    for (int64_t d = nd - 1; d >= 0; --d) {
      o[k * nd + d] = rem % c->shape[d];
      rem /= c->shape[d];
    }
  }
  return out;
}

Tensor masked_select(const Tensor& x, const Tensor& mask) {
  FG_CHECK(mask->dtype == DType::Bool, RuntimeError, "masked_select: expected BoolTensor for mask");
  Dims shape = broadcast_shapes(x->shape, mask->shape);
  Tensor flat = reshape(expand(x, shape), {-1});
  Tensor where_true = nonzero(reshape(expand(mask, shape), {-1}));
  return index_select(flat, 0, reshape(where_true, {-1}));
}

Tensor take_along_dim(const Tensor& x, const Tensor& indices, std::optional<int64_t> dim) {
  FG_CHECK(indices->dtype == DType::Int64, RuntimeError, "torch.take_along_dim(): dtype of indices should be int64 but got ",
           dtype_short_name(indices->dtype), " instead");
  if (!dim) return gather(reshape(x, {-1}), 0, reshape(indices, {-1}));
  FG_CHECK(x->dim() == indices->dim(), RuntimeError, "torch.take_along_dim(): input and indices should have the same "
           "number of dimensions, but got ", x->dim(), " dimensions for input, and ", indices->dim(),
           " dimensions for indices");
  const int64_t d = wrap_dim(*dim, std::max<int64_t>(x->dim(), 1));
  // every dim but d broadcasts between input and indices
  Dims xs = x->shape, is = indices->shape;
  xs[d] = 1;
  is[d] = 1;
  Dims b = broadcast_shapes(xs, is);
  Dims bx = b, bi = b;
  bx[d] = x->shape[d];
  bi[d] = indices->shape[d];
  return gather(x->shape == bx ? x : expand(x, bx), d, indices->shape == bi ? indices : expand(indices, bi));
}

Tensor count_nonzero(const Tensor& x, const Dims& dims) {
  return sum(compare(alias_detached(x), zeros({}, x->dtype), CmpOp::Ne), dims, false, DType::Int64);
}

std::tuple<Tensor, Tensor> std_mean(const Tensor& x, const Dims& dims, double correction, bool keepdim) {
  return {std(x, dims, correction, keepdim), mean(x, dims, keepdim)};
}

std::tuple<Tensor, Tensor> var_mean(const Tensor& x, const Dims& dims, double correction, bool keepdim) {
  return {var(x, dims, correction, keepdim), mean(x, dims, keepdim)};
}

}  // namespace fg::ops
