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

namespace fg::ops {

// quantile / nanquantile: the input sorted along dim (NaN last), each q's rank q * (count - 1) among the
// count values that take part (all, or the non-NaN ones), interpolated between the ranks below and above as
// torch's (lerp for linear; round half to even for nearest). Differentiable through sort's gather.
Tensor quantile(const Tensor& x, const Tensor& q, bool q_is_scalar, std::optional<int64_t> dim, bool keepdim,
                const std::string& interpolation, bool ignore_nan) {
  const char* name = ignore_nan ? "nanquantile()" : "quantile()";
  FG_CHECK(x->numel() > 0, RuntimeError, name, " input tensor must be non-empty");
  FG_CHECK(q->dim() <= 1, RuntimeError, name, " q must be a scalar or 1D tensor");
  FG_CHECK(is_floating(x->dtype), RuntimeError, name, " input tensor must be either float or double dtype");
  FG_CHECK(q->dtype == x->dtype, RuntimeError, name, " q tensor must be same dtype as the input tensor");
  FG_CHECK(interpolation == "linear" || interpolation == "lower" || interpolation == "higher" ||
           interpolation == "midpoint" || interpolation == "nearest", RuntimeError, name,
           " interpolation must be one of linear, lower, higher, midpoint or nearest, but got ", interpolation);
  Tensor qc = contiguous(to_dtype(alias_detached(q), DType::Float64));
  for (int64_t i = 0; i < qc->numel(); ++i) {
    const double v = qc->data<double>()[i];
    FG_CHECK(v >= 0 && v <= 1, RuntimeError, name, " q must be in the range [0, 1] but got ", v);
  }
  // the values to rank: sorted along the last dim of a (..., n) arrangement
  Tensor src = dim ? movedim(x, {wrap_dim(*dim, std::max<int64_t>(x->dim(), 1))}, {-1}) : reshape(x, {-1});
  if (src->dim() == 0) src = reshape(src, {1});
  Tensor sorted = std::get<0>(sort(src, -1, false));
  const int64_t n = sorted->shape.back();
  Tensor nan_mask = isnan(alias_detached(sorted));
  Tensor nan_count = sum(nan_mask, {-1}, true, DType::Float64);
  Tensor count = ignore_nan ? sub(full({}, static_cast<double>(n), DType::Float64), nan_count)
                            : full(nan_count->shape, static_cast<double>(n), DType::Float64);
  TensorList per_q;
  for (int64_t i = 0; i < qc->numel(); ++i) {
    const double qv = qc->data<double>()[i];
    // the rank in float64, clamped to the row (an all-NaN row ranks 0 and gives NaN)
    Tensor rank = clamp(mul(full({}, qv, DType::Float64), sub(count, full({}, 1.0, DType::Float64))), 0.0,
                        static_cast<double>(n - 1));
    // quantile: a slice holding a NaN ranks at its last (NaN) element, so the result is NaN and the gradient
    // goes there, as torch's
    if (!ignore_nan) rank = where(compare(nan_count, zeros({}, DType::Float64), CmpOp::Gt),
                                  full({}, static_cast<double>(n - 1), DType::Float64), rank);
    if (interpolation == "nearest") rank = round(rank);
    Tensor below = floor(rank), above = ceil(rank);
    if (interpolation == "lower") above = below;
    if (interpolation == "higher") below = above;
    Tensor v_below = gather(sorted, -1, to_dtype(below, DType::Int64));
    Tensor v_above = gather(sorted, -1, to_dtype(above, DType::Int64));
    Tensor value;
    if (interpolation == "linear") value = lerp(v_below, v_above, to_dtype(sub(rank, below), x->dtype));
    else if (interpolation == "midpoint") value = lerp(v_below, v_above, full({}, 0.5, x->dtype));
    else value = v_below;
    per_q.push_back(value);  // (..., 1)
  }
  // back to the input's layout: the kept dim where dim was (keepdim), or gone
  auto finish = [&](Tensor v) {
    if (!dim) {
      if (!keepdim) return reshape(v, {});
      return reshape(v, Dims(static_cast<size_t>(x->dim()), 1));
    }
    if (x->dim() == 0) return reshape(v, {});
    Tensor back = movedim(v, {-1}, {wrap_dim(*dim, x->dim())});
    return keepdim ? back : squeeze(back, Dims{wrap_dim(*dim, x->dim())});
  };
  if (q_is_scalar) return finish(per_q[0]);
  TensorList outs;
  for (const Tensor& v : per_q) outs.push_back(finish(v));
  return stack(outs, 0);
}

// the lower median of the non-NaN values along dim (NaN, at the first NaN, for an all-NaN slice)
std::tuple<Tensor, Tensor> nanmedian_dim(const Tensor& x, int64_t dim, bool keepdim) {
  if (x->dim() == 0) return median_dim(x, dim, keepdim);
  const int64_t d = wrap_dim(dim, x->dim());
  FG_CHECK(x->shape[d] > 0, IndexError, "nanmedian(): Expected reduction dim ", d, " to have non-zero size.");
  auto [v, i] = sort(x, d, false);
  Tensor count = sum(logical_not(isnan(alias_detached(v))), {d}, true, DType::Int64);
  Tensor pos = where(compare(count, zeros({}, DType::Int64), CmpOp::Gt),
                     div(sub(count, ones({}, DType::Int64)), full({}, 2.0, DType::Int64), RoundingMode::Floor),
                     zeros({}, DType::Int64));
  Tensor values = gather(v, d, pos), indices = gather(i, d, pos);
  if (!keepdim) return {squeeze(values, Dims{d}), squeeze(indices, Dims{d})};
  return {values, indices};
}

Tensor nanmedian(const Tensor& x) {
  if (x->numel() == 0) {
    FG_CHECK(is_floating(x->dtype), RuntimeError, "nanmedian() input tensor cannot be empty");
    return full({}, NAN, x->dtype);
  }
  return std::get<0>(nanmedian_dim(reshape(x, {-1}), 0, false));
}

}  // namespace fg::ops

namespace fg::ops {

// x's last dim laid on the `offset` diagonal of a new (m, m) plane placed at (dim1, dim2); the values are
// scattered (index_add into zeros), so an infinite value leaves the rest of the plane exactly zero
Tensor diag_embed(const Tensor& x, int64_t offset, int64_t dim1, int64_t dim2) {
  FG_CHECK(x->dim() >= 1, RuntimeError, "diag_embed(): input must have at least one dimension");
  const int64_t nd = x->dim() + 1;
  const int64_t d1 = wrap_dim(dim1, nd), d2 = wrap_dim(dim2, nd);
  FG_CHECK(d1 != d2, RuntimeError, "diagonal dimensions cannot be identical ", dim1, ", ", dim2);
  const int64_t n = x->shape.back(), m = n + std::abs(offset);
  Tensor pos = empty({n}, DType::Int64);
  for (int64_t k = 0; k < n; ++k) {
    const int64_t row = offset >= 0 ? k : k - offset, col = offset >= 0 ? k + offset : k;
    pos->data<int64_t>()[k] = row * m + col;
  }
  Dims flat(x->shape.begin(), x->shape.end() - 1);
  flat.push_back(m * m);
  Tensor plane = index_add(zeros(flat, x->dtype), -1, pos, x);
  Dims shape(x->shape.begin(), x->shape.end() - 1);
  shape.push_back(m);
  shape.push_back(m);
  return movedim(reshape(plane, shape), {nd - 2, nd - 1}, {d1, d2});
}

Tensor diagflat(const Tensor& x, int64_t offset) { return diag(reshape(x, {-1}), offset); }

Tensor addr(const Tensor& input, const Tensor& vec1, const Tensor& vec2, double beta, double alpha) {
  FG_CHECK(vec1->dim() == 1 && vec2->dim() == 1, RuntimeError, "addr: Expected 1-D argument vec1, but got ",
           vec1->dim(), "-D");
  Tensor prod = outer(vec1, vec2);
  if (alpha != 1.0) prod = mul(prod, result_like_scalar(alpha, prod));
  if (beta == 0.0) return add(prod, zeros_like(expand(alias_detached(input), prod->shape)));  // input ignored, NaN too
  Tensor base = beta == 1.0 ? input : mul(input, result_like_scalar(beta, input));
  return add(base, prod);
}

Tensor addbmm(const Tensor& input, const Tensor& b1, const Tensor& b2, double beta, double alpha) {
  Tensor prod = sum(bmm(b1, b2), {0}, false);
  if (alpha != 1.0) prod = mul(prod, result_like_scalar(alpha, prod));
  if (beta == 0.0) return add(prod, zeros_like(expand(alias_detached(input), prod->shape)));
  Tensor base = beta == 1.0 ? input : mul(input, result_like_scalar(beta, input));
  return add(base, prod);
}

// contracts dims_a of a with dims_b of b: both permuted to (free, contracted) / (contracted, free), one mm
Tensor tensordot(const Tensor& a, const Tensor& b, const Dims& dims_a, const Dims& dims_b) {
  FG_CHECK(dims_a.size() == dims_b.size(), RuntimeError, "both dimension lists should have same length");
  std::vector<bool> ca(static_cast<size_t>(a->dim()), false), cb(static_cast<size_t>(b->dim()), false);
  Dims ia, ib;
  int64_t k = 1;
  for (size_t i = 0; i < dims_a.size(); ++i) {
    const int64_t da = wrap_dim(dims_a[i], a->dim()), db = wrap_dim(dims_b[i], b->dim());
    FG_CHECK(a->shape[da] == b->shape[db], RuntimeError, "contracted dimensions need to match, but first has size ",
             a->shape[da], " in dim ", da, " and second has size ", b->shape[db], " in dim ", db);
    ca[da] = cb[db] = true;
    ia.push_back(da);
    ib.push_back(db);
    k *= a->shape[da];
  }
  Dims perm_a, perm_b, out_shape;
  int64_t free_a = 1, free_b = 1;
  for (int64_t d = 0; d < a->dim(); ++d)
    if (!ca[d]) {
      perm_a.push_back(d);
      out_shape.push_back(a->shape[d]);
      free_a *= a->shape[d];
    }
  for (int64_t d : ia) perm_a.push_back(d);
  for (int64_t d : ib) perm_b.push_back(d);
  for (int64_t d = 0; d < b->dim(); ++d)
    if (!cb[d]) {
      perm_b.push_back(d);
      out_shape.push_back(b->shape[d]);
      free_b *= b->shape[d];
    }
  Tensor ma = reshape(permute(a, perm_a), {free_a, k}), mb = reshape(permute(b, perm_b), {k, free_b});
  return reshape(mm(ma, mb), out_shape);
}

Tensor dist(const Tensor& a, const Tensor& b, double p) { return vector_norm(sub(a, b), p, {}, false, std::nullopt); }

// the running trapezoid integral along dim (one fewer element than y)
Tensor cumulative_trapezoid(const Tensor& y, const Tensor& x, std::optional<double> dx, int64_t dim) {
  const int64_t d = wrap_dim(dim, std::max<int64_t>(y->dim(), 1));
  const int64_t n = y->shape[d];
  Tensor yf = is_floating(y->dtype) ? y : to_dtype(y, DType::Float32);
  if (n == 0) return yf;
  Tensor mid = div(add(slice(yf, d, 1, n, 1), slice(yf, d, 0, n - 1, 1)), result_like_scalar(2.0, yf));
  Tensor area;
  if (!x) {
    area = mul(mid, result_like_scalar(dx ? *dx : 1.0, yf));
  } else if (x->dim() == 1) {
    FG_CHECK(x->shape[0] == n, RuntimeError, "cumulative_trapezoid: There must be one `x` value for each sample point");
    Dims shape(static_cast<size_t>(y->dim()), 1);
    shape[d] = n - 1;
    area = mul(mid, reshape(sub(slice(x, 0, 1, n, 1), slice(x, 0, 0, n - 1, 1)), shape));
  } else {
    area = mul(mid, diff(x, 1, dim, Tensor(), Tensor()));
  }
  return cumsum(area, d);
}

}  // namespace fg::ops
