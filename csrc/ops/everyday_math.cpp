// frac, logit, xlogy, aminmax, cross and renorm, written with the differentiable ops (so their gradients
// are the derivatives of these same formulas, torch's), with torch's checks and messages.
#include <cmath>

#include "ops/everyday.h"
#include "ops/misc.h"

namespace fg::ops {

namespace {

// integer and bool inputs compute in the default float dtype, as torch's float-only math
Tensor as_floating(const Tensor& x) { return is_floating(x->dtype) ? x : to_dtype(x, DType::Float32); }

Tensor scalar_like(double v, const Tensor& t) { return result_like_scalar(v, t); }

}  // namespace

Tensor frac(const Tensor& x) {
  FG_CHECK(is_floating(x->dtype), NotImplementedError, "\"frac_cpu\" not implemented for '", dtype_short_name(x->dtype), "'");
  return sub(x, trunc(x));  // trunc has a zero gradient: frac's is 1, as torch
}

Tensor logit(const Tensor& x_in, std::optional<double> eps) {
  Tensor x = as_floating(x_in);
  if (eps) x = clamp(x, *eps, 1.0 - *eps);  // the gradient is 0 where the clamp bites, as torch's
  return log(div(x, sub(scalar_like(1.0, x), x)));
}

Tensor xlogy(const Tensor& x_in, const Tensor& y_in) {
  const DType common = is_floating(result_type(x_in, y_in)) ? result_type(x_in, y_in) : DType::Float32;
  Tensor x = to_dtype(x_in, common), y = to_dtype(y_in, common);
  // 0 * log(y) is 0 where y <= 0 too: there log reads 1 instead (so no -inf/NaN reaches the product or its
  // gradient); elsewhere x * log(y) gives torch's gradients, log(y) for x (also at x == 0) and x / y for y
  Tensor zero_x = compare(alias_detached(x), zeros({}, common), CmpOp::Eq);
  Tensor no_log = logical(zero_x, compare(alias_detached(y), zeros({}, common), CmpOp::Le), BitOp::And);
  return mul(x, log(where(no_log, ones({}, common), y)));
}

std::tuple<Tensor, Tensor> aminmax(const Tensor& x, std::optional<int64_t> dim, bool keepdim) {
  if (dim) {
    const int64_t d = wrap_dim(*dim, x->dim());
    FG_CHECK(x->dim() == 0 || x->shape[d] > 0, IndexError,
             "aminmax(): Expected reduction dim ", d, " to have non-zero size.");
    return {amin(x, {d}, keepdim), amax(x, {d}, keepdim)};
  }
  FG_CHECK(x->numel() > 0, RuntimeError,
           "aminmax(): cannot compute aminmax over an empty dimension as the operation has no identity.");
  if (!keepdim) return {amin(x, {}, false), amax(x, {}, false)};
  Dims ones(static_cast<size_t>(x->dim()), 1);
  return {reshape(amin(x, {}, false), ones), reshape(amax(x, {}, false), ones)};
}

Tensor cross(const Tensor& a_in, const Tensor& b_in, std::optional<int64_t> dim) {
  FG_CHECK(a_in->dim() == b_in->dim(), RuntimeError, "linalg.cross: inputs must have the same number of dimensions.");
  const Dims shape = broadcast_shapes(a_in->shape, b_in->shape);
  const DType common = result_type(a_in, b_in);
  Tensor a = expand(to_dtype(a_in, common), shape), b = expand(to_dtype(b_in, common), shape);
  int64_t d = -1;
  if (dim) {
    d = wrap_dim(*dim, static_cast<int64_t>(shape.size()));
    FG_CHECK(a_in->shape[d] == 3 && b_in->shape[d] == 3, RuntimeError, "linalg.cross: inputs dimension ", *dim,
             " must have length 3. Got ", a_in->shape[d], " and ", b_in->shape[d]);
  } else {
    // torch.cross without dim: the first dim of size 3 (deprecated in torch, still its behaviour)
    for (int64_t i = 0; i < static_cast<int64_t>(shape.size()) && d < 0; ++i)
      if (shape[i] == 3) d = i;
    FG_CHECK(d >= 0, RuntimeError, "no dimension of size 3 in input");
  }
  auto at = [d](const Tensor& t, int64_t i) { return select(t, d, i); };
  Tensor c0 = sub(mul(at(a, 1), at(b, 2)), mul(at(a, 2), at(b, 1)));
  Tensor c1 = sub(mul(at(a, 2), at(b, 0)), mul(at(a, 0), at(b, 2)));
  Tensor c2 = sub(mul(at(a, 0), at(b, 1)), mul(at(a, 1), at(b, 0)));
  return stack({c0, c1, c2}, d);
}

// each slice along dim whose p-norm exceeds maxnorm is scaled down to maxnorm (torch's 1e-7 guard)
Tensor renorm(const Tensor& x, double p, int64_t dim, double maxnorm) {
  FG_CHECK(is_floating(x->dtype), RuntimeError, "renorm: input needs to be a floating point tensor, got ",
           dtype_short_name(x->dtype));
  FG_CHECK(p > 0, RuntimeError, "renorm: non-positive-norm not supported");
  FG_CHECK(maxnorm >= 0, RuntimeError, "renorm: expected maxnorm to be >= 0 but got ", maxnorm);
  FG_CHECK(x->dim() > 1, RuntimeError, "renorm: input needs at least 2 dimensions, got ", x->dim(), " dimensions");
  const int64_t d = wrap_dim(dim, x->dim());
  Dims others;
  for (int64_t i = 0; i < x->dim(); ++i)
    if (i != d) others.push_back(i);
  Tensor norm = vector_norm(x, p, others, true, std::nullopt);
  Tensor factor = where(compare(alias_detached(norm), scalar_like(maxnorm, norm), CmpOp::Gt),
                        div(scalar_like(maxnorm, norm), add(norm, scalar_like(1e-7, norm))), scalar_like(1.0, norm));
  return mul(x, factor);
}

}  // namespace fg::ops
