// Joining (cat, stack) and integer-index ops (gather, scatter_add, index_select, index_add).
// gather and index_select share one kernel, as do scatter_add and index_add: each is a strided walk
// where one dim's offset comes from an index tensor instead of the loop counter.
#include "autograd/function.h"
#include "kernels/elementwise.h"
#include "ops/ops.h"

namespace fg::ops {

namespace {

void check_index_tensor(const Tensor& index, const char* op) {
  FG_CHECK(index->dtype == DType::Int64, RuntimeError, op, "(): Expected dtype int64 for index, got ",
           dtype_name(index->dtype));
}

// Geometry of `t` seen through `shape`, with the stride of `dim` zeroed (the index supplies it).
Tensor zero_dim_view(const Tensor& t, const Dims& shape, int64_t dim) {
  Dims st = t->strides;
  st[dim] = 0;
  return make_view(t, shape, st, t->offset);
}

// out[pos] = src[pos with dim-coordinate replaced by idx[pos]], over out's shape.
// An index out of range raises what torch raises: RuntimeError from gather/scatter_add, IndexError
// ("index out of range in self") from index_select/index_add (vector_index).
[[noreturn]] void bad_index(bool vector_index, int64_t k, int64_t dim, int64_t size) {
  if (vector_index) throw IndexError(str("index out of range in self (index ", k, " for dimension ", dim, " with size ", size, ")"));
  throw RuntimeError(str("index ", k, " is out of bounds for dimension ", dim, " with size ", size));
}

void gather_kernel(const Tensor& out, const Tensor& src, const Tensor& idx_view, int64_t dim, bool vector_index) {
  const int64_t size = src->shape[dim];
  const int64_t dstride = src->strides[dim] * static_cast<int64_t>(itemsize(src->dtype));
  Tensor sv = zero_dim_view(src, out->shape, dim);
  auto L = kernels::make_loop<3>(out, {&idx_view, &sv});
  FG_DISPATCH_BY_SIZE(src->dtype, "gather", [&] {  // moves elements only
    L.run_rows(0, L.rows(), [&](int64_t n, char** p, const int64_t* s) {
      for (int64_t i = 0; i < n; ++i) {
        int64_t k = *reinterpret_cast<const int64_t*>(p[1] + i * s[1]);
        if (k < 0 || k >= size) bad_index(vector_index, k, dim, size);
        *reinterpret_cast<scalar_t*>(p[0] + i * s[0]) = *reinterpret_cast<const scalar_t*>(p[2] + i * s[2] + k * dstride);
      }
    });
  });
}

// target[pos with dim-coordinate idx[pos]] += src[pos], over src's shape. Serial: indices repeat.
void scatter_add_kernel(const Tensor& target, const Tensor& src, const Tensor& idx_view, int64_t dim,
                        bool vector_index) {
  const int64_t size = target->shape[dim];
  const int64_t dstride = target->strides[dim] * static_cast<int64_t>(itemsize(target->dtype));
  Tensor tv = zero_dim_view(target, src->shape, dim);
  kernels::StridedLoop<3> L;
  L.shape = src->shape;
  L.strides[0] = kernels::broadcast_byte_strides(tv, src->shape);
  L.strides[1] = kernels::broadcast_byte_strides(idx_view, src->shape);
  L.strides[2] = kernels::broadcast_byte_strides(src, src->shape);
  L.base = {static_cast<char*>(tv->raw_data()), static_cast<char*>(idx_view->raw_data()),
            static_cast<char*>(src->raw_data())};
  L.coalesce();
  FG_DISPATCH_ALL(target->dtype, "scatter_add", [&] {
    L.run_rows(0, L.rows(), [&](int64_t n, char** p, const int64_t* s) {
      for (int64_t i = 0; i < n; ++i) {
        int64_t k = *reinterpret_cast<const int64_t*>(p[1] + i * s[1]);
        if (k < 0 || k >= size) bad_index(vector_index, k, dim, size);
        scalar_t& dst = *reinterpret_cast<scalar_t*>(p[0] + i * s[0] + k * dstride);
        dst = static_cast<scalar_t>(dst + *reinterpret_cast<const scalar_t*>(p[2] + i * s[2]));
      }
    });
  });
}

// A 1-D index laid along `dim` of `shape` (stride 0 elsewhere).
Tensor index_along(const Tensor& index, const Dims& shape, int64_t dim) {
  Dims st(shape.size(), 0);
  st[dim] = index->strides[0];
  return make_view(index, shape, st, index->offset);
}

void check_gather_shapes(const Tensor& x, int64_t dim, const Tensor& index, const char* op) {
  FG_CHECK(index->dim() == x->dim(), RuntimeError, "Index tensor must have the same number of dimensions as ",
           op == std::string("gather") ? "input" : "self", " tensor");
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
  check_gather_shapes(x, dim, index, "gather");
  Tensor out = empty(index->shape, x->dtype);
  if (out->numel() > 0) gather_kernel(out, x, index, dim, false);
  if (autograd::needs_grad(x)) {
    SavedTensor si(index, false);
    Dims xs = x->shape;
    autograd::record("GatherBackward0", {x, index}, {out}, [si, xs, dim](const TensorList& g, Node& self) {
      return TensorList{scatter_add(zeros(xs, g[0]->dtype), dim, si.unpack(self), g[0]), nullptr};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor scatter_add(const Tensor& self_t, int64_t dim, const Tensor& index, const Tensor& src) {
  check_index_tensor(index, "scatter_add");
  dim = wrap_dim(dim, self_t->dim());
  FG_CHECK(src->dtype == self_t->dtype, RuntimeError, "scatter_add(): Expected self.dtype to be equal to src.dtype");
  check_gather_shapes(self_t, dim, index, "scatter_add");
  Tensor out = clone(alias_detached(self_t));
  if (index->numel() > 0) {
    Tensor s = make_view(src, index->shape, src->strides, src->offset);  // src may be larger than index
    scatter_add_kernel(out, s, index, dim, false);
  }
  if (autograd::needs_grad(self_t, src)) {
    SavedTensor si(index, false);
    autograd::record("ScatterAddBackward0", {self_t, index, src}, {out}, [si, dim](const TensorList& g, Node& self) {
      TensorList r(3);
      if (self.needs_input_grad(0)) r[0] = g[0];
      if (self.needs_input_grad(2)) r[2] = gather(g[0], dim, si.unpack(self));
      return r;
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
  if (out->numel() > 0) gather_kernel(out, x, index_along(idx, shape, dim), dim, true);
  if (autograd::needs_grad(x)) {
    SavedTensor si(idx, false);
    Dims xs = x->shape;
    autograd::record("IndexSelectBackward0", {x, idx}, {out}, [si, xs, dim](const TensorList& g, Node& self) {
      return TensorList{index_add(zeros(xs, g[0]->dtype), dim, si.unpack(self), g[0]), nullptr};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor index_add(const Tensor& self_t, int64_t dim, const Tensor& index, const Tensor& src) {
  check_index_tensor(index, "index_add");
  FG_CHECK(index->dim() == 1, IndexError, "index_add_(): Index is supposed to be a vector");
  dim = wrap_dim(dim, self_t->dim());
  FG_CHECK(src->dim() == self_t->dim() && src->shape[dim] == index->shape[0], RuntimeError,
           "index_add_(): source tensor shape ", shape_str(src->shape), " does not match self ",
           shape_str(self_t->shape), " and index of length ", index->shape[0], " along dim ", dim);
  Tensor out = clone(alias_detached(self_t));
  if (src->numel() > 0) {
    Tensor s = src->dtype == out->dtype ? src : to_dtype(alias_detached(src), out->dtype);
    scatter_add_kernel(out, s, index_along(index, s->shape, dim), dim, true);
  }
  if (autograd::needs_grad(self_t, src)) {
    SavedTensor si(index, false);
    autograd::record("IndexAddBackward0", {self_t, index, src}, {out}, [si, dim](const TensorList& g, Node& self) {
      TensorList r(3);
      if (self.needs_input_grad(0)) r[0] = g[0];
      if (self.needs_input_grad(2)) r[2] = index_select(g[0], dim, si.unpack(self));
      return r;
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
