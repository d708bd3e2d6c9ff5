// Sorting and selection: sort, argsort, topk, kthvalue, median, mode, unique, cummax and cummin. One sorting
// kernel (a stable sort of each row along a dim, NaN greater than every number as torch orders it); the
// selections are slices and gathers of its result. The values' gradient goes back to where each value
// came from (a scatter-add by the indices), as torch's.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "autograd/function.h"
#include "ops/ops.h"
#include "ops/search.h"

namespace fg::ops {

namespace {

template <typename T>
bool is_nan(T v) {
  if constexpr (std::is_floating_point_v<T>) return std::isnan(v);
  else return false;
}

// values and indices of x sorted along its last dim (x contiguous); no autograd
std::tuple<Tensor, Tensor> sort_last_dim(const Tensor& x, bool descending) {
  Tensor vals = empty(x->shape, x->dtype), idx = empty(x->shape, DType::Int64);
  const int64_t n = x->dim() == 0 ? 1 : x->shape.back();
  if (x->numel() == 0) return {vals, idx};
  const int64_t rows = x->numel() / n;
  FG_DISPATCH_NUMERIC(x->dtype, "sort", [&] {
    const scalar_t* src = x->data<scalar_t>();
    scalar_t* dv = vals->data<scalar_t>();
    int64_t* di = idx->data<int64_t>();
    std::vector<int64_t> perm(n);
    for (int64_t r = 0; r < rows; ++r) {
      const scalar_t* row = src + r * n;
      std::iota(perm.begin(), perm.end(), 0);
      if (descending)
        std::stable_sort(perm.begin(), perm.end(), [row](int64_t a, int64_t b) {
          return (is_nan(row[a]) && !is_nan(row[b])) || row[a] > row[b];
        });
      else
        std::stable_sort(perm.begin(), perm.end(), [row](int64_t a, int64_t b) {
          return (!is_nan(row[a]) && is_nan(row[b])) || row[a] < row[b];
        });
      for (int64_t j = 0; j < n; ++j) {
        dv[r * n + j] = row[perm[j]];
        di[r * n + j] = perm[j];
      }
    }
  });
  return {vals, idx};
}

// Records the backward of `values` = x's elements picked by `indices` along dim d (same shape as values):
// the gradient is scattered back onto zeros of x's shape.
void record_pick(const Tensor& x, const Tensor& values, const Tensor& indices, int64_t d, const char* node) {
  if (!autograd::needs_grad(x)) return;
  Dims shape = x->shape;
  autograd::record(node, {x}, {values}, [indices, d, shape](const TensorList& g, Node&) {
    return TensorList{scatter_add(zeros(shape, g[0]->dtype), d, indices, g[0])};
  }, /*has_saved=*/false);
}

}  // namespace

std::tuple<Tensor, Tensor> sort(const Tensor& x, int64_t dim, bool descending) {
  if (x->dim() == 0) {
    wrap_dim(dim, 1);  // a 0-d tensor takes dim 0 or -1, as torch
    return {clone(x), zeros({}, DType::Int64)};
  }
  const int64_t d = wrap_dim(dim, x->dim()), last = x->dim() - 1;
  // bool sorts as int64, a narrow dtype in its wide one; the values go back to x's dtype (exactly)
  Tensor xin = x->dtype == DType::Bool ? to_dtype(alias_detached(x), DType::Int64) : widened(x);
  Tensor moved = contiguous(transpose(xin, d, last));
  auto [v, i] = sort_last_dim(moved, descending);
  Tensor values = contiguous(transpose(v, d, last)), indices = contiguous(transpose(i, d, last));
  values = to_dtype(values, x->dtype);
  record_pick(x, values, indices, d, "SortBackward0");
  return {values, indices};
}

std::tuple<Tensor, Tensor> topk(const Tensor& x, int64_t k, int64_t dim, bool largest) {
  const int64_t d = wrap_dim(dim, std::max<int64_t>(x->dim(), 1));
  const int64_t n = x->dim() == 0 ? 1 : x->shape[d];
  FG_CHECK(k >= 0 && k <= n, RuntimeError, "selected index k out of range");
  auto [v, i] = sort(x, dim, largest);
  if (x->dim() == 0) return {v, i};
  return {slice(v, d, 0, k, 1), slice(i, d, 0, k, 1)};
}

std::tuple<Tensor, Tensor> kthvalue(const Tensor& x, int64_t k, int64_t dim, bool keepdim) {
  const int64_t d = wrap_dim(dim, std::max<int64_t>(x->dim(), 1));
  const int64_t n = x->dim() == 0 ? 1 : x->shape[d];
  FG_CHECK(k >= 1 && k <= n, RuntimeError, "kthvalue(): selected number k out of range for dimension ", d);
  auto [v, i] = sort(x, dim, false);
  if (x->dim() == 0) return {v, i};
  if (keepdim) return {slice(v, d, k - 1, k, 1), slice(i, d, k - 1, k, 1)};
  return {select(v, d, k - 1), select(i, d, k - 1)};
}

// The lower median along dim, NaN when the row holds one (its first NaN's index), as torch.
std::tuple<Tensor, Tensor> median_dim(const Tensor& x, int64_t dim, bool keepdim) {
  const int64_t d = wrap_dim(dim, std::max<int64_t>(x->dim(), 1));
  const int64_t n = x->dim() == 0 ? 1 : x->shape[d];
  FG_CHECK(n > 0, IndexError, "median(): Expected reduction dim ", d, " to have non-zero size.");
  if (x->dim() == 0) return sort(x, dim, false);
  auto [v, i] = sort(x, dim, false);
  // ascending order puts NaNs last: a row with c NaNs has its first one at n - c
  Tensor pos;
  if (is_floating(x->dtype)) {
    Tensor nans = sum(to_dtype(isnan(alias_detached(v)), DType::Int64), {d}, true);
    Tensor middle = full(nans->shape, static_cast<double>((n - 1) / 2), DType::Int64);
    Tensor first_nan = sub(full(nans->shape, static_cast<double>(n), DType::Int64), nans);
    pos = where(compare(nans, zeros({}, DType::Int64), CmpOp::Gt), first_nan, middle);
  } else {
    Dims s = v->shape;
    s[d] = 1;
    pos = full(s, static_cast<double>((n - 1) / 2), DType::Int64);
  }
  Tensor values = gather(v, d, pos), indices = gather(i, d, pos);
  if (!keepdim) return {squeeze(values, Dims{d}), squeeze(indices, Dims{d})};
  return {values, indices};
}

Tensor median(const Tensor& x) {
  // torch: the median of nothing is NaN (and an error for integers, which have no NaN)
  if (x->numel() == 0) {
    FG_CHECK(is_floating(x->dtype), RuntimeError, "median() input tensor cannot be empty");
    return full({}, NAN, x->dtype);
  }
  return std::get<0>(median_dim(reshape(x, {-1}), 0, false));
}

// cummax / cummin along dim: the running extreme and where it was last reached; NaN sticks once seen.
std::tuple<Tensor, Tensor> cum_extreme(const Tensor& x, int64_t dim, bool is_max) {
  if (x->dim() == 0) return sort(x, dim, false);
  const int64_t d = wrap_dim(dim, x->dim()), last = x->dim() - 1;
  FG_CHECK(x->dtype != DType::Bool, RuntimeError, is_max ? "cummax" : "cummin", ": bool input is not supported");
  Tensor moved = contiguous(transpose(widened(x), d, last));
  Tensor v = empty(moved->shape, moved->dtype), idx = empty(moved->shape, DType::Int64);
  const int64_t n = moved->shape.back();
  if (moved->numel() > 0) {
    FG_DISPATCH_NUMERIC(moved->dtype, "cummax", [&] {
      const scalar_t* src = moved->data<scalar_t>();
      scalar_t* dv = v->data<scalar_t>();
      int64_t* di = idx->data<int64_t>();
      for (int64_t r = 0; r < moved->numel() / n; ++r) {
        scalar_t best = src[r * n];
        int64_t at = 0;
        for (int64_t j = 0; j < n; ++j) {
          const scalar_t e = src[r * n + j];
          // torch: take e when it is NaN, or when neither is NaN and e reaches the running extreme
          if (is_nan(e) || (!is_nan(best) && (is_max ? e >= best : e <= best))) {
            best = e;
            at = j;
          }
          dv[r * n + j] = best;
          di[r * n + j] = at;
        }
      }
    });
  }
  Tensor values = to_dtype(contiguous(transpose(v, d, last)), x->dtype), indices = contiguous(transpose(idx, d, last));
  record_pick(x, values, indices, d, is_max ? "CummaxBackward0" : "CumminBackward0");
  return {values, indices};
}

namespace {

// unique over all elements: sorted values, each element's index into them and the counts
std::tuple<Tensor, Tensor, Tensor> unique_all(const Tensor& x) {
  Tensor flat = reshape(alias_detached(x), {-1});
  auto [sorted, perm] = sort(flat, 0, false);
  const int64_t n = flat->numel();
  Tensor inverse = empty({n}, DType::Int64);
  std::vector<int64_t> starts;
  Tensor sorted_i = x->dtype == DType::Bool ? to_dtype(sorted, DType::Int64) : widened(sorted);
  FG_DISPATCH_NUMERIC(sorted_i->dtype, "unique", [&] {
    const scalar_t* s = sorted_i->data<scalar_t>();
    const int64_t* p = perm->data<int64_t>();
    int64_t* inv = inverse->data<int64_t>();
    for (int64_t j = 0; j < n; ++j) {
      // NaNs are never equal to each other: each is its own value, as torch's unique gives them
      if (j == 0 || !(s[j] == s[j - 1])) starts.push_back(j);
      inv[p[j]] = static_cast<int64_t>(starts.size()) - 1;
    }
  });
  const int64_t m = static_cast<int64_t>(starts.size());
  Tensor idx = empty({m}, DType::Int64), counts = empty({m}, DType::Int64);
  for (int64_t g = 0; g < m; ++g) {
    idx->data<int64_t>()[g] = starts[g];
    counts->data<int64_t>()[g] = (g + 1 < m ? starts[g + 1] : n) - starts[g];
  }
  Tensor values = index_select(sorted, 0, idx);
  return {values, reshape(inverse, x->shape), counts};
}

// unique slices along dim d: the slices are rows of x moved to (size_d, rest), sorted lexicographically
// (torch's element-wise < and >, so a NaN ties for the sort) and grouped where every element is ==.
std::tuple<Tensor, Tensor, Tensor> unique_dim(const Tensor& x, int64_t dim) {
  FG_CHECK(x->dim() > 0, IndexError, "Dimension specified as ", dim, " but tensor has no dimensions");
  const int64_t d = wrap_dim(dim, x->dim());
  if (x->numel() == 0) {
    int64_t zero_dims = 0;
    for (int64_t s : x->shape) zero_dims += s == 0;
    FG_CHECK(zero_dims == 1, RuntimeError, "Number of zero sized dimensions is more than one, so unique cannot be applied ");
    FG_CHECK(x->shape[d] == 0, RuntimeError, "There are 0 sized dimensions, and they aren't selected, so unique cannot be applied");
    return {clone(alias_detached(x)), empty({0}, DType::Int64), empty({0}, DType::Int64)};
  }
  const int64_t n = x->shape[d];
  Tensor rows = reshape(contiguous(transpose(alias_detached(x), 0, d)), {n, -1});
  if (rows->dtype == DType::Bool) rows = to_dtype(rows, DType::Int64);
  const int64_t width = rows->shape[1];
  std::vector<int64_t> order(n), firsts;
  Tensor inverse = empty({n}, DType::Int64);
  std::vector<int64_t> counts;
  FG_DISPATCH_NUMERIC(rows->dtype, "unique_dim", [&] {
    const scalar_t* r = rows->data<scalar_t>();
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
      for (int64_t k = 0; k < width; ++k) {
        if (r[a * width + k] < r[b * width + k]) return true;
        if (r[a * width + k] > r[b * width + k]) return false;
      }
      return false;
    });
    auto same = [&](int64_t a, int64_t b) {
      for (int64_t k = 0; k < width; ++k)
        if (!(r[a * width + k] == r[b * width + k])) return false;
      return true;
    };
    int64_t* inv = inverse->data<int64_t>();
    for (int64_t j = 0; j < n; ++j) {
      if (j == 0 || !same(order[j], order[j - 1])) {
        firsts.push_back(order[j]);
        counts.push_back(0);
      }
      ++counts.back();
      inv[order[j]] = static_cast<int64_t>(firsts.size()) - 1;
    }
  });
  const int64_t m = static_cast<int64_t>(firsts.size());
  Tensor pick = empty({m}, DType::Int64), count = empty({m}, DType::Int64);
  std::copy(firsts.begin(), firsts.end(), pick->data<int64_t>());
  std::copy(counts.begin(), counts.end(), count->data<int64_t>());
  return {index_select(alias_detached(x), d, pick), inverse, count};
}

}  // namespace

std::tuple<Tensor, Tensor, Tensor> unique(const Tensor& x, std::optional<int64_t> dim) {
  return dim ? unique_dim(x, *dim) : unique_all(x);
}

std::tuple<Tensor, Tensor> mode(const Tensor& x, int64_t dim, bool keepdim) {
  if (x->dim() == 0) {
    wrap_dim(dim, 1);
    Tensor values = clone(x);  // differentiable, as torch's mode of a number
    return {values, zeros({}, DType::Int64)};
  }
  const int64_t d = wrap_dim(dim, x->dim()), last = x->dim() - 1;
  const int64_t n = x->shape[d];
  FG_CHECK(n > 0, IndexError, "mode(): Expected reduction dim ", d, " to have non-zero size.");
  Tensor moved = contiguous(transpose(alias_detached(x), d, last));
  Dims kept = moved->shape;
  kept.back() = 1;
  Tensor v = empty(kept, x->dtype), idx = empty(kept, DType::Int64);
  const int64_t rows = moved->numel() / n;
  FG_DISPATCH_ALL(x->dtype, "mode", [&] {
    const scalar_t* src = moved->data<scalar_t>();
    std::vector<int64_t> perm(n);
    for (int64_t r = 0; r < rows; ++r) {
      const scalar_t* row = src + r * n;
      std::iota(perm.begin(), perm.end(), 0);
      std::stable_sort(perm.begin(), perm.end(), [row](int64_t a, int64_t b) {
        return (!is_nan(row[a]) && is_nan(row[b])) || row[a] < row[b];
      });
      // torch's scan: a run ends where the next value differs; a strictly longer run replaces the best,
      // so among equally frequent values the smallest wins, at the last index of its run
      int64_t run = 0, best = 0, at = perm[0];
      for (int64_t j = 0; j < n; ++j) {
        ++run;
        if (j == n - 1 || !(row[perm[j]] == row[perm[j + 1]])) {
          if (run > best) {
            best = run;
            at = perm[j];
          }
          run = 0;
        }
      }
      v->data<scalar_t>()[r] = row[at];
      idx->data<int64_t>()[r] = at;
    }
  });
  Tensor values = contiguous(transpose(v, d, last)), indices = contiguous(transpose(idx, d, last));
  record_pick(x, values, indices, d, "ModeBackward0");
  if (keepdim) return {values, indices};
  return {squeeze(values, Dims{d}), squeeze(indices, Dims{d})};
}

}  // namespace fg::ops
