#pragma once
// The strided walks behind the index ops: reads (gather, index_select, advanced indexing) and writes
// (scatter, scatter_add, scatter_reduce, index_add, index_copy, index_put) where one axis's offset comes
// from an index tensor instead of the loop counter. The other operand is seen through a view whose
// indexed dims have stride 0, so one walk serves every op of the family. Serial: indices may repeat,
// and an out-of-range index raises from inside the walk.
#include <cmath>
#include <type_traits>

#include "autograd/function.h"
#include "kernels/elementwise.h"
#include "ops/scatter.h"

namespace fg::ops::detail {

// How an op reports an index out of range, in torch's words for that op.
enum class OutOfRange {
  Bounds,       // RuntimeError "index k is out of bounds for dimension d with size n" (gather, scatter, index_add)
  BoundsIndex,  // the same words as an IndexError (index_fill, advanced indexing)
  InSelf,       // IndexError "index out of range in self" (index_select)
};

// Where an index points: valid values are [0, size), consecutive ones step_bytes apart.
struct IndexAxis {
  int64_t size;
  int64_t step_bytes;
  int64_t dim;  // named in the out-of-range message
  OutOfRange report = OutOfRange::Bounds;
  const char* prefix = "";  // "index_copy_(): " where torch names the op
};

inline IndexAxis axis_of(const Tensor& t, int64_t dim, OutOfRange report = OutOfRange::Bounds, const char* prefix = "") {
  return {t->shape[dim], t->strides[dim] * static_cast<int64_t>(itemsize(t->dtype)), dim, report, prefix};
}

[[noreturn]] void bad_index(const IndexAxis& axis, int64_t k);

// `t` seen through `shape`, with the stride of `dim` zeroed (the index supplies that offset).
inline Tensor zero_dim_view(const Tensor& t, const Dims& shape, int64_t dim) {
  Dims st = t->strides;
  st[dim] = 0;
  return make_view(t, shape, st, t->offset);
}

// torch treats a 0-d tensor as 1-d of size 1 in the scatter/gather/index_* family (ensure_nonempty_dim).
inline int64_t nonempty_dim(const Tensor& t) { return std::max<int64_t>(t->dim(), 1); }
inline int64_t nonempty_size(const Tensor& t, int64_t d) { return t->dim() == 0 ? 1 : t->shape[d]; }
inline Tensor as_1d(const Tensor& t) { return t->dim() == 0 ? make_view(t, {1}, {1}, t->offset) : t; }

// Whether an in-place `_` form may write straight into self. Not when autograd tracks the write (self,
// a base self is a view of, or the written values take part in it): then it is the op plus
// assign_inplace, which records history. Not when `other` shares self's memory (a read of an
// already-written element would see the new value) or self is expanded (assign_inplace refuses that
// with torch's message).
inline bool writes_directly(const Tensor& self, const Tensor& other) {
  if (GradMode::is_enabled() && (self->requires_grad_as_view() || (other && other->needs_grad()))) return false;
  for (int64_t d = 0; d < self->dim(); ++d)
    if (self->strides[d] == 0 && self->shape[d] > 1) return false;
  return !other || other->storage != self->storage;
}

// Finishes a direct in-place write: bumps self's version (saved copies of it are now stale).
inline Tensor& wrote(Tensor& self, const Tensor&) {
  self->bump_version();
  return self;
}

// A 0-d tensor seen as `shape` with every stride 0.
inline Tensor broadcast_scalar(const Tensor& v, const Dims& shape) {
  return make_view(v, shape, Dims(shape.size(), 0), v->offset);
}

// A 1-D index laid along `dim` of `shape` (stride 0 elsewhere).
inline Tensor index_along(const Tensor& index, const Dims& shape, int64_t dim) {
  Dims st(shape.size(), 0);
  st[dim] = index->strides[0];
  return make_view(index, shape, st, index->offset);
}

// out[pos] = *(src_view[pos] + idx_view[pos] * step), over out's shape.
void gather_walk(const Tensor& out, const Tensor& src_view, const Tensor& idx_view, const IndexAxis& axis);

// How a written value meets the one already there.
struct AssignOp {
  template <class T> void operator()(T& d, T v) const { d = v; }
};
struct AddOp {
  template <class T> void operator()(T& d, T v) const {
    if constexpr (std::is_same_v<T, bool>) d = d || v;
    else d = static_cast<T>(d + v);
  }
};
struct MulOp {
  template <class T> void operator()(T& d, T v) const {
    if constexpr (std::is_same_v<T, bool>) d = d && v;
    else d = static_cast<T>(d * v);
  }
};
// NaN wins, as in torch's scatter_reduce amax/amin
struct MaxOp {
  template <class T> void operator()(T& d, T v) const {
    if constexpr (std::is_floating_point_v<T>) d = std::isnan(v) ? v : (v > d ? v : d);
    else d = v > d ? v : d;
  }
};
struct MinOp {
  template <class T> void operator()(T& d, T v) const {
    if constexpr (std::is_floating_point_v<T>) d = std::isnan(v) ? v : (v < d ? v : d);
    else d = v < d ? v : d;
  }
};

// combine(*(target_view[pos] + idx_view[pos] * step), src[pos]) over src's shape; target_view has
// src's shape with stride 0 on the indexed dims, and the same dtype as src.
template <class Combine>
void scatter_walk(const Tensor& target_view, const Tensor& src, const Tensor& idx_view, const IndexAxis& axis,
                  const char* name, Combine combine) {
  kernels::StridedLoop<3> L;
  L.shape = src->shape;
  L.strides[0] = kernels::broadcast_byte_strides(target_view, src->shape);
  L.strides[1] = kernels::broadcast_byte_strides(idx_view, src->shape);
  L.strides[2] = kernels::broadcast_byte_strides(src, src->shape);
  L.base = {static_cast<char*>(target_view->raw_data()), static_cast<char*>(idx_view->raw_data()),
            static_cast<char*>(src->raw_data())};
  L.coalesce();
  const int64_t size = axis.size, step = axis.step_bytes;
  // all ten dtypes: the narrow ones combine through their float / int conversions (a half sum rounds per add)
  FG_DISPATCH_STORAGE(target_view->dtype, name, [&] {
    L.run_rows(0, L.rows(), [&](int64_t n, char** p, const int64_t* s) {
      if (s[1] == 0 && s[0] == sizeof(scalar_t) && s[2] == sizeof(scalar_t)) {
        // one index for the whole row (index_add of rows, x[idx] = v): a contiguous run the compiler vectorises
        const int64_t k = *reinterpret_cast<const int64_t*>(p[1]);
        if (k < 0 || k >= size) bad_index(axis, k);
        scalar_t* dst = reinterpret_cast<scalar_t*>(p[0] + k * step);
        const scalar_t* val = reinterpret_cast<const scalar_t*>(p[2]);
        for (int64_t i = 0; i < n; ++i) combine(dst[i], val[i]);
        return;
      }
      for (int64_t i = 0; i < n; ++i) {
        const int64_t k = *reinterpret_cast<const int64_t*>(p[1] + i * s[1]);
        if (k < 0 || k >= size) bad_index(axis, k);
        combine(*reinterpret_cast<scalar_t*>(p[0] + i * s[0] + k * step),
                *reinterpret_cast<const scalar_t*>(p[2] + i * s[2]));
      }
    });
  });
}

}  // namespace fg::ops::detail
