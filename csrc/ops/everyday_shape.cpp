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

namespace fg::ops {

TensorList broadcast_tensors(const TensorList& tensors) {
  Dims shape;
  for (const Tensor& t : tensors) shape = broadcast_shapes(shape, t->shape);
  TensorList out;
  for (const Tensor& t : tensors) out.push_back(expand(t, shape));
  return out;
}

// torch's atleast_1d / 2d / 3d: a 0-d tensor becomes (1, ...), a 1-d (n) becomes (1, n) and, for 3d, (1, n, 1);
// a 2-d (m, n) becomes (m, n, 1) for 3d
Tensor atleast_nd(const Tensor& x, int64_t n) {
  if (x->dim() >= n) return x;
  if (n == 1) return reshape(x, {1});
  if (n == 2) return x->dim() == 0 ? reshape(x, {1, 1}) : unsqueeze(x, 0);
  if (x->dim() == 0) return reshape(x, {1, 1, 1});
  if (x->dim() == 1) return reshape(x, {1, x->shape[0], 1});
  return unsqueeze(x, -1);
}

namespace {

TensorList each_atleast(const TensorList& tensors, int64_t n, const char* op) {
  FG_CHECK(!tensors.empty(), RuntimeError, op, " expects a non-empty TensorList");
  TensorList out;
  for (const Tensor& t : tensors) out.push_back(atleast_nd(t, n));
  return out;
}

}  // namespace

Tensor hstack(const TensorList& tensors) {
  TensorList ts = each_atleast(tensors, 1, "hstack");
  return cat(ts, ts[0]->dim() == 1 ? 0 : 1);
}

Tensor vstack(const TensorList& tensors) { return cat(each_atleast(tensors, 2, "vstack"), 0); }

Tensor dstack(const TensorList& tensors) { return cat(each_atleast(tensors, 3, "dstack"), 2); }

Tensor column_stack(const TensorList& tensors) {
  FG_CHECK(!tensors.empty(), RuntimeError, "column_stack expects a non-empty TensorList");
  TensorList cols;
  for (const Tensor& t : tensors) cols.push_back(t->dim() <= 1 ? reshape(t, {t->numel(), 1}) : t);
  return cat(cols, 1);
}

TensorList tensor_split(const Tensor& x, int64_t sections, int64_t dim) {
  FG_CHECK(x->dim() > 0, RuntimeError, "tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims");
  FG_CHECK(sections > 0, RuntimeError, "number of sections must be larger than 0, got ", sections);
  const int64_t d = wrap_dim(dim, x->dim()), n = x->shape[d];
  TensorList out;
  int64_t start = 0;
  for (int64_t i = 0; i < sections; ++i) {
    const int64_t len = n / sections + (i < n % sections ? 1 : 0);
    out.push_back(slice(x, d, start, start + len, 1));
    start += len;
  }
  return out;
}

TensorList tensor_split(const Tensor& x, const Dims& indices, int64_t dim) {
  FG_CHECK(x->dim() > 0, RuntimeError, "tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims");
  const int64_t d = wrap_dim(dim, x->dim()), n = x->shape[d];
  TensorList out;
  // piece i is x[indices[i-1]:indices[i]] along d, with Python's slice clamping (a smaller stop is empty)
  int64_t start = 0;
  for (size_t i = 0; i <= indices.size(); ++i) {
    const int64_t lo = std::min(std::max<int64_t>(start, 0), n);
    const int64_t stop = i < indices.size() ? std::min(std::max<int64_t>(indices[i], 0), n) : n;
    out.push_back(slice(x, d, lo, std::max(stop, lo), 1));
    if (i < indices.size()) start = indices[i];
  }
  return out;
}

namespace {

int64_t split_dim(const Tensor& x, char which) {
  const char* name = which == 'h' ? "torch.hsplit" : which == 'v' ? "torch.vsplit" : "torch.dsplit";
  const int64_t need = which == 'h' ? 1 : which == 'v' ? 2 : 3;
  FG_CHECK(x->dim() >= need, RuntimeError, name, " requires a tensor with at least ", need, " dimension",
           need > 1 ? "s" : "", ", but got a tensor with ", x->dim(), " dimensions!");
  return which == 'h' ? (x->dim() == 1 ? 0 : 1) : which == 'v' ? 0 : 2;
}

}  // namespace

TensorList directional_split(const Tensor& x, int64_t sections, char which) {
  const int64_t d = split_dim(x, which);
  const char* name = which == 'h' ? "torch.hsplit" : which == 'v' ? "torch.vsplit" : "torch.dsplit";
  FG_CHECK(sections != 0 && x->shape[d] % sections == 0, RuntimeError, name, " attempted to split along dimension ", d,
           ", but the size of the dimension ", x->shape[d], " is not divisible by the split_size ", sections, "!");
  return tensor_split(x, sections, d);
}

TensorList directional_split(const Tensor& x, const Dims& indices, char which) {
  return tensor_split(x, indices, split_dim(x, which));
}

Tensor unflatten(const Tensor& x, int64_t dim, const Dims& sizes) {
  FG_CHECK(!sizes.empty(), RuntimeError, "unflatten: sizes must be non-empty");
  const int64_t d = wrap_dim(dim, x->dim());
  int64_t known = 1, infer = -1;
  for (size_t i = 0; i < sizes.size(); ++i) {
    if (sizes[i] == -1) {
      FG_CHECK(infer < 0, RuntimeError, "only one dimension can be inferred");
      infer = static_cast<int64_t>(i);
    } else {
      known *= sizes[i];
    }
  }
  Dims resolved(sizes);
  if (infer >= 0) resolved[infer] = known == 0 ? 0 : x->shape[d] / known;
  int64_t product = 1;
  for (int64_t s : resolved) product *= s;
  FG_CHECK(product == x->shape[d], RuntimeError, "unflatten: Provided sizes ", shape_str(sizes),
           " don't multiply up to the size of dim ", dim, " (", x->shape[d], ") in the input tensor");
  Dims shape(x->shape.begin(), x->shape.begin() + d);
  for (int64_t s : resolved) shape.push_back(s);
  for (int64_t i = d + 1; i < x->dim(); ++i) shape.push_back(x->shape[i]);
  return reshape(x, shape);
}

// x's elements at the flat indices of `index` (negative counting from the end), shaped like index
Tensor take(const Tensor& x, const Tensor& index) {
  FG_CHECK(index->dtype == DType::Int64, RuntimeError, "take(): Expected a long tensor for index, but got ",
           dtype_short_name(index->dtype));
  const int64_t n = x->numel();
  Tensor idx = contiguous(index);
  Tensor fixed = empty(idx->shape, DType::Int64);
  for (int64_t i = 0; i < idx->numel(); ++i) {
    const int64_t v = idx->data<int64_t>()[i];
    FG_CHECK(v >= -n && v < n, IndexError, "out of range: tried to access index ", v, " on a tensor of ", n,
             " elements.");
    fixed->data<int64_t>()[i] = v < 0 ? v + n : v;
  }
  return reshape(index_select(reshape(x, {-1}), 0, reshape(fixed, {-1})), index->shape);
}

std::tuple<Tensor, Tensor, Tensor> unique_consecutive(const Tensor& x) {
  Tensor flat = contiguous(reshape(alias_detached(x), {-1}));
  const int64_t n = flat->numel();
  Tensor inverse = empty({n}, DType::Int64);
  std::vector<int64_t> starts;
  Tensor vals = flat->dtype == DType::Bool ? to_dtype(flat, DType::Int64) : flat;
  FG_DISPATCH_NUMERIC(vals->dtype, "unique_consecutive", [&] {
    const scalar_t* p = vals->data<scalar_t>();
    for (int64_t i = 0; i < n; ++i) {
      if (i == 0 || !(p[i] == p[i - 1])) starts.push_back(i);
      inverse->data<int64_t>()[i] = static_cast<int64_t>(starts.size()) - 1;
    }
  });
  const int64_t m = static_cast<int64_t>(starts.size());
  Tensor first = empty({m}, DType::Int64), counts = empty({m}, DType::Int64);
  for (int64_t g = 0; g < m; ++g) {
    first->data<int64_t>()[g] = starts[g];
    counts->data<int64_t>()[g] = (g + 1 < m ? starts[g + 1] : n) - starts[g];
  }
  return {index_select(flat, 0, first), reshape(inverse, x->shape), counts};
}

}  // namespace fg::ops
