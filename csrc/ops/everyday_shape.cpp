// diff, fliplr / flipud / rot90, tril_indices / triu_indices, block_diag, cartesian_prod, combinations and
// vander: shape and index helpers composed of the differentiable ops (slices, flips, cat, index_select,
// cumprod), with torch's checks and messages.
#include <algorithm>
#include <functional>

#include "ops/everyday.h"
#include "ops/misc.h"

namespace fg::ops {

Tensor diff(const Tensor& x, int64_t n, int64_t dim, const Tensor& prepend, const Tensor& append) {
  FG_CHECK(x->dim() >= 1, RuntimeError, "diff expects input to be at least one-dimensional");
  FG_CHECK(n >= 0, RuntimeError, "order must be non-negative but got ", n);
  const int64_t d = wrap_dim(dim, x->dim());
  Tensor out = x;
  if (prepend || append) {
    TensorList parts;
    DType common = x->dtype;
    for (const Tensor* t : {&prepend, &append}) {
      if (!*t) continue;
      FG_CHECK((*t)->dim() == x->dim(), RuntimeError, "diff expects prepend or append to be the same dimension as input");
      common = promote(common, (*t)->dtype);
    }
    if (prepend) parts.push_back(to_dtype(prepend, common));
    parts.push_back(to_dtype(x, common));
    if (append) parts.push_back(to_dtype(append, common));
    out = cat(parts, d);
  }
  for (int64_t i = 0; i < n && out->shape[d] > 0; ++i) {
    const int64_t len = out->shape[d];
    Tensor later = slice(out, d, 1, len, 1), earlier = slice(out, d, 0, len - 1, 1);
    // bool differences are "changed or not", as torch's logical_xor
    out = out->dtype == DType::Bool ? logical(later, earlier, BitOp::Xor) : sub(later, earlier);
  }
  return out == x ? clone(x) : out;
}

Tensor fliplr(const Tensor& x) {
  FG_CHECK(x->dim() >= 2, RuntimeError, "Input must be >= 2-d.");
  return flip(x, {1});
}

Tensor flipud(const Tensor& x) {
  FG_CHECK(x->dim() >= 1, RuntimeError, "Input must be >= 1-d.");
  return flip(x, {0});
}

Tensor rot90(const Tensor& x, int64_t k, const Dims& dims) {
  FG_CHECK(dims.size() == 2, RuntimeError, "expected total rotation dims == 2, but got dims = ", dims.size());
  FG_CHECK(x->dim() >= 2, RuntimeError, "expected total dims >= 2, but got total dims = ", x->dim());
  const int64_t d0 = wrap_dim(dims[0], x->dim()), d1 = wrap_dim(dims[1], x->dim());
  FG_CHECK(d0 != d1, RuntimeError, "expected rotation dims to be different, but got dim0 = ", d0, " and dim1 = ", d1);
  switch (((k % 4) + 4) % 4) {
    case 1: return contiguous(transpose(flip(x, {d1}), d0, d1));
    case 2: return flip(x, {d0, d1});
    case 3: return contiguous(transpose(flip(x, {d0}), d0, d1));
    default: return clone(x);
  }
}

namespace {

// the (row, col) pairs of the lower (or upper) triangle with `offset`, row-major, as a (2, n) int64 tensor
Tensor triangle_indices(int64_t row, int64_t col, int64_t offset, bool lower) {
  FG_CHECK(row >= 0, RuntimeError, "row must be non-negative, got", row);
  FG_CHECK(col >= 0, RuntimeError, "col must be non-negative, got", col);
  std::vector<int64_t> rows, cols;
  for (int64_t i = 0; i < row; ++i)
    for (int64_t j = 0; j < col; ++j)
      if (lower ? j - i <= offset : j - i >= offset) {
        rows.push_back(i);
        cols.push_back(j);
      }
  const int64_t n = static_cast<int64_t>(rows.size());
  Tensor out = empty({2, n}, DType::Int64);
  std::copy(rows.begin(), rows.end(), out->data<int64_t>());
  std::copy(cols.begin(), cols.end(), out->data<int64_t>() + n);
  return out;
}

Tensor index_tensor(const std::vector<int64_t>& v) {
  Tensor t = empty({static_cast<int64_t>(v.size())}, DType::Int64);
  std::copy(v.begin(), v.end(), t->data<int64_t>());
  return t;
}

}  // namespace

Tensor tril_indices(int64_t row, int64_t col, int64_t offset) { return triangle_indices(row, col, offset, true); }
Tensor triu_indices(int64_t row, int64_t col, int64_t offset) { return triangle_indices(row, col, offset, false); }

Tensor block_diag(const TensorList& tensors) {
  if (tensors.empty()) return empty({1, 0}, DType::Float32);
  DType common = tensors[0]->dtype;
  TensorList blocks;
  int64_t total_cols = 0;
  for (size_t i = 0; i < tensors.size(); ++i) {
    const Tensor& t = tensors[i];
    FG_CHECK(t->dim() <= 2, RuntimeError, "torch.block_diag: Input tensors must have 2 or fewer dimensions. Input ", i,
             " has ", t->dim(), " dimensions");
    common = promote(common, t->dtype);
    blocks.push_back(t->dim() == 2 ? t : reshape(t, {1, t->dim() == 0 ? 1 : t->shape[0]}));
    total_cols += blocks.back()->shape[1];
  }
  // each block row: zeros left of the block, the block, zeros right of it
  TensorList rows;
  int64_t left = 0;
  for (const Tensor& b : blocks) {
    const int64_t r = b->shape[0], c = b->shape[1];
    TensorList parts;
    if (left > 0) parts.push_back(zeros({r, left}, common));
    parts.push_back(to_dtype(b, common));
    if (total_cols - left - c > 0) parts.push_back(zeros({r, total_cols - left - c}, common));
    rows.push_back(parts.size() == 1 ? parts[0] : cat(parts, 1));
    left += c;
  }
  return rows.size() == 1 ? clone(rows[0]) : cat(rows, 0);
}

Tensor cartesian_prod(const TensorList& tensors) {
  FG_CHECK(!tensors.empty(), RuntimeError, "cartesian_prod expects at least one tensor");
  for (const Tensor& t : tensors)
    FG_CHECK(t->dim() == 1, RuntimeError, "Expect a 1D vector, but got shape ", shape_str(t->shape));
  if (tensors.size() == 1) return tensors[0];
  TensorList columns;
  for (const Tensor& g : meshgrid(tensors, "ij")) columns.push_back(reshape(g, {-1}));
  return stack(columns, 1);
}

Tensor combinations(const Tensor& x, int64_t r, bool with_replacement) {
  FG_CHECK(x->dim() == 1, RuntimeError, "Expect a 1D vector, but got shape ", shape_str(x->shape));
  FG_CHECK(r >= 0, RuntimeError, "Expect a non-negative number, but got ", r);
  if (r == 0) return empty({0}, x->dtype);
  const int64_t n = x->shape[0];
  // the index tuples in lexicographic order, as itertools.combinations(_with_replacement)
  std::vector<std::vector<int64_t>> columns(static_cast<size_t>(r));
  std::vector<int64_t> pick(static_cast<size_t>(r));
  std::function<void(int64_t, int64_t)> walk = [&](int64_t pos, int64_t start) {
    if (pos == r) {
      for (int64_t k = 0; k < r; ++k) columns[k].push_back(pick[k]);
      return;
    }
    for (int64_t i = start; i < n; ++i) {
      pick[pos] = i;
      walk(pos + 1, with_replacement ? i : i + 1);
    }
  };
  walk(0, 0);
  if (columns[0].empty()) return empty({0, r}, x->dtype);
  TensorList picked;
  for (const auto& c : columns) picked.push_back(index_select(x, 0, index_tensor(c)));
  return stack(picked, 1);
}

Tensor vander(const Tensor& x, std::optional<int64_t> n_opt, bool increasing) {
  FG_CHECK(x->dim() == 1, RuntimeError, "x must be a one-dimensional tensor.");
  const int64_t n = n_opt ? *n_opt : x->shape[0];
  FG_CHECK(n >= 0, RuntimeError, "N must be non-negative.");
  // bool and int64 give int64 powers, as torch
  const DType dt = x->dtype == DType::Bool ? DType::Int64 : x->dtype;
  if (n == 0) return empty({x->shape[0], 0}, dt);
  Tensor col = unsqueeze(to_dtype(x, dt), 1);
  // powers 0..n-1 as a running product of [1, x, x, ...] (torch's cumprod form)
  Tensor powers = n == 1 ? ones({x->shape[0], 1}, dt)
                         : cumprod(cat({ones({x->shape[0], 1}, dt), expand(col, {x->shape[0], n - 1})}, 1), 1);
  return increasing ? powers : flip(powers, {1});
}

}  // namespace fg::ops
