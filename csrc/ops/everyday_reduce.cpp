// nansum, nanmean, inner, kron, cov, corrcoef, isin and trapezoid, composed of the differentiable ops,
// with torch's checks and messages.
#include <cmath>

#include "ops/everyday.h"
#include "ops/misc.h"

namespace fg::ops {

namespace {

Tensor scalar_like(double v, const Tensor& t) { return result_like_scalar(v, t); }

Tensor without_nans(const Tensor& x) {
  if (!is_floating(x->dtype)) return x;
  return where(isnan(alias_detached(x)), zeros({}, x->dtype), x);
}

}  // namespace

Tensor nansum(const Tensor& x, const Dims& dims, bool keepdim, std::optional<DType> dtype) {
  return sum(without_nans(x), dims, keepdim, dtype);
}

Tensor nanmean(const Tensor& x, const Dims& dims, bool keepdim, std::optional<DType> dtype) {
  FG_CHECK(is_floating(dtype ? *dtype : x->dtype), RuntimeError,
           "nanmean(): expected input to have floating point or complex dtype but got ",
           dtype_short_name(dtype ? *dtype : x->dtype));
  Tensor xs = dtype ? to_dtype(x, *dtype) : x;
  Tensor count = sum(logical_not(isnan(alias_detached(xs))), dims, keepdim, xs->dtype);
  return div(nansum(xs, dims, keepdim, std::nullopt), count);
}

Tensor inner(const Tensor& a, const Tensor& b) {
  if (a->dim() == 0 || b->dim() == 0) return mul(a, b);
  FG_CHECK(a->shape.back() == b->shape.back(), RuntimeError,
           "inner() the last dimension must match on both input tensors but got shapes ", shape_str(a->shape), " and ",
           shape_str(b->shape));
  const int64_t k = a->shape.back();
  Tensor prod = mm(reshape(a, {-1, k}), transpose(reshape(b, {-1, k}), 0, 1));
  Dims shape(a->shape.begin(), a->shape.end() - 1);
  for (size_t i = 0; i + 1 < b->shape.size(); ++i) shape.push_back(b->shape[i]);
  return reshape(prod, shape);
}

// every product a[i..] * b[j..] placed at (i * b.shape + j): interleave the dims, multiply, merge pairs
Tensor kron(const Tensor& a, const Tensor& b) {
  const int64_t nd = std::max(a->dim(), b->dim());
  Dims as(static_cast<size_t>(nd - a->dim()), 1), bs(static_cast<size_t>(nd - b->dim()), 1);
  for (int64_t s : a->shape) as.push_back(s);
  for (int64_t s : b->shape) bs.push_back(s);
  Dims ai, bi, out;
  for (int64_t d = 0; d < nd; ++d) {
    ai.push_back(as[d]);
    ai.push_back(1);
    bi.push_back(1);
    bi.push_back(bs[d]);
    out.push_back(as[d] * bs[d]);
  }
  return reshape(mul(reshape(a, ai), reshape(b, bi)), out);
}

// rows are variables and columns observations (a 1-d input is one variable), as torch.cov
Tensor cov(const Tensor& x, int64_t correction, const Tensor& fweights, const Tensor& aweights) {
  FG_CHECK(x->dim() <= 2, RuntimeError, "cov(): expected input to have two or fewer dimensions but got an input with ",
           x->dim(), " dimensions");
  FG_CHECK(!fweights && !aweights, NotImplementedError,
           "cov(fweights=, aweights=): observation weights are not supported by fastgrad");
  Tensor m = x->dim() < 2 ? reshape(x, {1, -1}) : x;
  if (!is_floating(m->dtype)) m = to_dtype(m, DType::Float32);
  const int64_t n = m->shape[1];
  Tensor centered = sub(m, mean(m, {1}, true));
  Tensor c = div(mm(centered, transpose(centered, 0, 1)),
                 scalar_like(static_cast<double>(std::max<int64_t>(n - correction, 0)), centered));
  return x->dim() < 2 ? reshape(c, {}) : c;
}

Tensor corrcoef(const Tensor& x) {
  FG_CHECK(x->dim() <= 2, RuntimeError, "corrcoef(): expected input to have two or fewer dimensions but got an input "
           "with ", x->dim(), " dimensions");
  Tensor c = cov(x, 1, Tensor(), Tensor());
  if (c->dim() == 0) return div(c, c);
  Tensor sd = sqrt(diagonal(c, 0, 0, 1));
  c = div(div(c, unsqueeze(sd, 1)), unsqueeze(sd, 0));
  return clamp(c, -1.0, 1.0);
}

Tensor isin(const Tensor& elements, const Tensor& test_elements, bool invert) {
  Tensor e = unsqueeze(alias_detached(elements), -1);
  Tensor t = reshape(alias_detached(test_elements), {-1});
  Tensor found = any(compare(e, t, CmpOp::Eq), {-1}, false);
  if (elements->dim() == 0) found = reshape(found, {});
  return invert ? logical_not(found) : found;
}

// the trapezoid rule along dim: spacing dx, or the sample points x (1-d, or y's shape)
Tensor trapezoid(const Tensor& y, const Tensor& x, std::optional<double> dx, int64_t dim) {
  const int64_t d = wrap_dim(dim, std::max<int64_t>(y->dim(), 1));
  const int64_t n = y->dim() == 0 ? 1 : y->shape[d];
  Tensor yf = is_floating(y->dtype) ? y : to_dtype(y, DType::Float32);
  if (n == 0) return sum(yf, {d}, false);
  Tensor mid = div(add(slice(yf, d, 1, n, 1), slice(yf, d, 0, n - 1, 1)), scalar_like(2.0, yf));
  if (!x) return mul(sum(mid, {d}, false), scalar_like(dx ? *dx : 1.0, yf));
  Tensor spacing;
  if (x->dim() == 1) {
    FG_CHECK(x->shape[0] == n, RuntimeError, "trapezoid: There must be one `x` value for each sample point");
    spacing = sub(slice(x, 0, 1, n, 1), slice(x, 0, 0, n - 1, 1));
    Dims shape(static_cast<size_t>(y->dim()), 1);
    shape[d] = n - 1;
    spacing = reshape(spacing, shape);
  } else {
    spacing = diff(x, 1, dim, Tensor(), Tensor());
  }
  return sum(mul(mid, spacing), {d}, false);
}

}  // namespace fg::ops
