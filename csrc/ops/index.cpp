// Joining (cat, stack) and the integer-index reads (gather, index_select), with the definitions of the
// index walks every index op shares (ops/scatter_kernel.h).
#include <cstring>

#include "autograd/function.h"
#include "ops/scatter_kernel.h"

namespace fg::ops {

namespace detail {

void bad_index(const IndexAxis& axis, int64_t k) {
  if (axis.report == OutOfRange::InSelf)
    throw IndexError(str("index out of range in self (index ", k, " for dimension ", axis.dim, " with size ", axis.size, ")"));
  std::string msg = str(axis.prefix, "index ", k, " is out of bounds for dimension ", axis.dim, " with size ", axis.size);
  if (axis.report == OutOfRange::BoundsIndex) throw IndexError(msg);
  throw RuntimeError(msg);
}

void gather_walk(const Tensor& out, const Tensor& src_view, const Tensor& idx_view, const IndexAxis& axis) {
  const int64_t size = axis.size, step = axis.step_bytes;
  auto L = kernels::make_loop<3>(out, {&idx_view, &src_view});
  FG_DISPATCH_BY_SIZE(out->dtype, "gather", [&] {  // moves elements only: one instance per element size
    L.run_rows(0, L.rows(), [&](int64_t n, char** p, const int64_t* s) {
      if (s[1] == 0 && s[0] == sizeof(scalar_t) && s[2] == sizeof(scalar_t)) {
        // one index for the whole row (x[idx], index_select of rows): a contiguous copy
        const int64_t k = *reinterpret_cast<const int64_t*>(p[1]);
        if (k < 0 || k >= size) bad_index(axis, k);
        std::memcpy(p[0], p[2] + k * step, static_cast<size_t>(n) * sizeof(scalar_t));
        return;
      }
      for (int64_t i = 0; i < n; ++i) {
        const int64_t k = *reinterpret_cast<const int64_t*>(p[1] + i * s[1]);
        if (k < 0 || k >= size) bad_index(axis, k);
        *reinterpret_cast<scalar_t*>(p[0] + i * s[0]) = *reinterpret_cast<const scalar_t*>(p[2] + i * s[2] + k * step);
      }
    });
  });
}

}  // namespace detail

namespace {

void check_index_tensor(const Tensor& index, const char* op) {
  FG_CHECK(index->dtype == DType::Int64, RuntimeError, op, "(): Expected dtype int64 for index, got ",
           dtype_name(index->dtype));
}

void check_gather_shapes(const Tensor& x, int64_t dim, const Tensor& index) {
  FG_CHECK(index->dim() == x->dim(), RuntimeError, "Index tensor must have the same number of dimensions as input tensor");
  for (int64_t d = 0; d < x->dim(); ++d)
    if (d != dim)
      FG_CHECK(index->shape[d] <= x->shape[d], RuntimeError, "Size does not match at dimension ", d,
               " expected index ", shape_str(index->shape), " to be smaller than self ", shape_str(x->shape),
               " apart from dimension ", dim);
}

}  // namespace

Tensor gather(const Tensor& x, int64_t dim, const Tensor& index) {
  check_index_tensor(index, "gather");
  dim = wrap_dim(dim, x->dim());
  if (x->dim() == 0) return clone(x);
  check_gather_shapes(x, dim, index);
  Tensor out = empty(index->shape, x->dtype);
  if (out->numel() > 0) detail::gather_walk(out, detail::zero_dim_view(x, out->shape, dim), index, detail::axis_of(x, dim));
  if (autograd::needs_grad(x)) {
    SavedTensor si(index, false);
    Dims xs = x->shape;
    autograd::record("GatherBackward0", {x, index}, {out}, [si, xs, dim](const TensorList& g, Node& self) {
      Tensor z = zeros(xs, g[0]->dtype);  // written in place: a fresh tensor, no second copy
      return TensorList{scatter_add_(z, dim, si.unpack(self), g[0]), nullptr};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor index_select(const Tensor& x, int64_t dim, const Tensor& index) {
  if (index->dtype == DType::Int32) return index_select(x, dim, to_dtype(index, DType::Int64));  // torch takes both
  check_index_tensor(index, "index_select");
  FG_CHECK(index->dim() <= 1, IndexError, "index_select(): Index is supposed to be a vector");
  Tensor idx = index->dim() == 0 ? reshape(index, {1}) : index;
  if (x->dim() == 0) {
    Tensor r = reshape(x, {1});
    return index_select(r, 0, idx);
  }
  dim = wrap_dim(dim, x->dim());
  Dims shape = x->shape;
  shape[dim] = idx->shape[0];
  Tensor out = empty(shape, x->dtype);
  if (out->numel() > 0)
    detail::gather_walk(out, detail::zero_dim_view(x, shape, dim), detail::index_along(idx, shape, dim), detail::axis_of(x, dim, detail::OutOfRange::InSelf));
  if (autograd::needs_grad(x)) {
    SavedTensor si(idx, false);
    Dims xs = x->shape;
    autograd::record("IndexSelectBackward0", {x, idx}, {out}, [si, xs, dim](const TensorList& g, Node& self) {
      Tensor z = zeros(xs, g[0]->dtype);
      return TensorList{index_add_(z, dim, si.unpack(self), g[0], 1.0), nullptr};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor cat(const TensorList& tensors, int64_t dim) {
  FG_CHECK(!tensors.empty(), ValueError, "torch.cat(): expected a non-empty list of Tensors");
  // torch skips legacy empty 1-D tensors of shape [0]
  TensorList ts;
  for (const Tensor& t : tensors)
    if (!(t->dim() == 1 && t->shape[0] == 0)) ts.push_back(t);
  if (ts.empty()) return clone(tensors[0]);
  const Tensor& ref = ts[0];
  FG_CHECK(ref->dim() > 0, RuntimeError, "zero-dimensional tensor (at position 0) cannot be concatenated");
  dim = wrap_dim(dim, ref->dim());
  DType dt = ref->dtype;
  Dims shape = ref->shape;
  shape[dim] = 0;
  for (size_t i = 0; i < ts.size(); ++i) {
    const Tensor& t = ts[i];
    FG_CHECK(t->dim() == ref->dim(), RuntimeError, "Tensors must have same number of dimensions: got ", ref->dim(),
             " and ", t->dim());
    for (int64_t d = 0; d < ref->dim(); ++d)
      FG_CHECK(d == dim || t->shape[d] == ref->shape[d], RuntimeError, "Sizes of tensors must match except in dimension ",
               dim, ". Expected size ", ref->shape[d], " but got size ", t->shape[d], " for tensor number ", i,
               " in the list.");
    shape[dim] += t->shape[dim];
    dt = promote(dt, t->dtype);
  }
  Tensor out = empty(shape, dt);
  std::vector<int64_t> sizes;
  int64_t off = 0;
  for (const Tensor& t : ts) {
    const int64_t n = t->shape[dim];
    if (n > 0) {
      NoGradGuard ng;
      copy_into(slice(out, dim, off, off + n, 1), t);
    }
    sizes.push_back(n);
    off += n;
  }
  if (autograd::needs_grad(ts)) {
    autograd::record("CatBackward0", ts, {out}, [sizes, dim](const TensorList& g, Node& self) {
      TensorList r(sizes.size());
      int64_t o = 0;
      for (size_t i = 0; i < sizes.size(); ++i) {
        if (self.needs_input_grad(i)) r[i] = slice(g[0], dim, o, o + sizes[i], 1);
        o += sizes[i];
      }
      return r;
    }, /*has_saved=*/false);
  }
  return out;
}

Tensor stack(const TensorList& tensors, int64_t dim) {
  FG_CHECK(!tensors.empty(), RuntimeError, "stack expects a non-empty TensorList");
  const int64_t nd = tensors[0]->dim();
  FG_CHECK(dim >= -(nd + 1) && dim <= nd, IndexError, "Dimension out of range (expected to be in range of [",
           -(nd + 1), ", ", nd, "], but got ", dim, ")");
  if (dim < 0) dim += nd + 1;
  TensorList parts;
  for (size_t i = 0; i < tensors.size(); ++i) {
    FG_CHECK(tensors[i]->shape == tensors[0]->shape, RuntimeError, "stack expects each tensor to be equal size, but got ",
             shape_str(tensors[0]->shape), " at entry 0 and ", shape_str(tensors[i]->shape), " at entry ", i);
    parts.push_back(unsqueeze(tensors[i], dim));
  }
  return cat(parts, dim);
}

}  // namespace fg::ops
