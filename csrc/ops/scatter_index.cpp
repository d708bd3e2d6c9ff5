// Writes of whole slices along one dim, picked by a 1-D index: index_add (alpha * source added),
// index_copy (source copied) and index_fill (one value). Each is a copy of self through the shared
// scatter walk (ops/scatter_kernel.h), with torch's checks, messages and gradients.
#include "autograd/function.h"
#include "ops/scatter_kernel.h"
#include "ops/search.h"

namespace fg::ops {

namespace {

using detail::as_1d;
using detail::nonempty_dim;

// self's shape with `dim` resized to n: the region one slice per index covers.
Dims slices_shape(const Tensor& self, int64_t dim, int64_t n) {
  Dims s = as_1d(self)->shape;
  s[dim] = n;
  return s;
}

// Dims of t other than `dim` (all of them for a 0-d tensor), as torch compares slice shapes.
Dims without_dim(const Tensor& t, int64_t dim) {
  Dims s = t->shape;
  if (!s.empty()) s.erase(static_cast<size_t>(dim));
  return s;
}

// out = self (in_place: a `_` form with nothing needing grad) or a copy of it; combine(out's slice index[i] along dim, src's slice i) for each i.
template <class Combine>
Tensor write_slices(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, detail::OutOfRange report,
                    const char* prefix, const char* name, bool in_place, Combine combine) {
  Tensor out = in_place ? self : clone(alias_detached(self));
  const Tensor idx = as_1d(index);
  const Dims shape = slices_shape(out, dim, idx->shape[0]);
  if (shape_numel(shape) == 0) return out;
  Tensor o = as_1d(out);
  detail::IndexAxis axis = detail::axis_of(o, dim, report, prefix);
  Tensor s = src->dim() == 0 ? detail::broadcast_scalar(src, shape) : make_view(src, shape, src->strides, src->offset);
  detail::scatter_walk(detail::zero_dim_view(o, shape, dim), s, detail::index_along(idx, shape, dim), axis, name,
                       combine);
  return out;
}

// "4 5": how torch's index_copy message prints a slice shape
std::string spaced(const Dims& d) {
  std::string s;
  for (size_t i = 0; i < d.size(); ++i) s += (i ? " " : "") + std::to_string(d[i]);
  return s;
}

// The gradient of a written source: the slices it went to, in source's shape (a 0-d source from [1]).
Tensor picked_slices(const Tensor& g, int64_t dim, const Tensor& index, const Dims& source_shape) {
  Tensor r = index_select(g, dim, index);
  return r->shape == source_shape ? r : reshape(r, source_shape);
}

// torch's index_func_meta_impl (index_add, index_reduce).
void check_index_add(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& source) {
  FG_CHECK(index->dim() <= 1, IndexError, "index_add_(): Index is supposed to be a vector, but got dim: ",
           index->dim(), " with type: ", dtype_short_name(index->dtype), " and size: ", shape_str(index->shape));
  FG_CHECK(index->dtype == DType::Int64, RuntimeError, "index_add_(): Expected dtype int32/int64 for index");
  FG_CHECK(self->dtype == source->dtype, RuntimeError, "index_add_(): self (", dtype_short_name(self->dtype),
           ") and source (", dtype_short_name(source->dtype), ") must have the same scalar type");
  FG_CHECK(dim == 0 || dim < source->dim(), IndexError, "index_add_(): Indexing dim ", dim,
           " is out of bounds of the source tensor with dim ", source->dim());
  const int64_t src_n = source->dim() == 0 ? 1 : source->shape[dim];
  FG_CHECK(index->numel() == src_n, RuntimeError, "index_add_(): Number of indices (", index->numel(),
           ") should be equal to source.size(dim): (", src_n, "), for dim: ", dim);
  const bool scalar = self->dim() == 0 || source->dim() == 0;
  FG_CHECK(source->numel() == 0 || scalar || without_dim(self, dim) == without_dim(source, dim), RuntimeError,
           "source tensor shape must match self tensor shape, excluding the specified dimension. Got self.shape = ",
           shape_str(self->shape), " source.shape = ", shape_str(source->shape));
}

Tensor index_add_impl(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& source, double alpha,
                      bool in_place) {
  dim = wrap_dim(dim, nonempty_dim(self));
  check_index_add(self, dim, index, source);
  const auto report = detail::OutOfRange::Bounds;
  Tensor out = alpha == 1.0 ? write_slices(self, dim, index, source, report, "", "index_add", in_place, detail::AddOp{})
                            : write_slices(self, dim, index, source, report, "", "index_add", in_place, [alpha](auto& d, auto v) {
                                using T = std::remove_reference_t<decltype(d)>;
                                if constexpr (std::is_same_v<T, bool>) d = d || (alpha != 0 && v);
                                else d = static_cast<T>(d + static_cast<T>(alpha) * v);
                              });
  if (!in_place && autograd::needs_grad(self, source)) {
    SavedTensor si(index, false);
    const Dims src_shape = source->shape;
    autograd::record("IndexAddBackward0", {self, index, source}, {out}, [si, dim, alpha, src_shape](const TensorList& g, Node& node) {
      TensorList r(3);
      if (node.needs_input_grad(0)) r[0] = g[0];
      if (node.needs_input_grad(2)) {
        Tensor picked = picked_slices(g[0], dim, si.unpack(node), src_shape);
        r[2] = alpha == 1.0 ? picked : mul(picked, result_like_scalar(alpha, picked));
      }
      return r;
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor index_copy_impl(const Tensor& self, int64_t dim_in, const Tensor& index, const Tensor& source, bool in_place) {
  const int64_t dim = wrap_dim(dim_in, nonempty_dim(self));
  FG_CHECK(index->dim() < 2, IndexError, "index_copy_(): Index should have dimension 1 or 0 (got ", index->dim(), ")");
  const int64_t n = index->numel();
  FG_CHECK(!(source->dim() == 0 && n != 1), IndexError,
           "index_copy_(): When source is scalar, index should have one element (got ", n, ")");
  FG_CHECK(source->dim() == self->dim() || source->dim() == 0 || self->dim() == 0, IndexError,
           "index_copy_(): When source and destination are not scalars, their dimensionality must match. Source "
           "dimensionality (", source->dim(), "), destination dimensionality (", self->dim(), ")");
  FG_CHECK(index->dtype == DType::Int64, RuntimeError, "index_copy_(): Expected a long tensor for index, but got ",
           dtype_short_name(index->dtype));
  FG_CHECK(self->dtype == source->dtype, RuntimeError, "index_copy_(): self and source expected to have the same "
           "dtype, but got (self) ", dtype_short_name(self->dtype), " and (source) ", dtype_short_name(source->dtype));
  const Dims self_slice = without_dim(self, dim), src_slice = without_dim(source, dim);
  FG_CHECK(self_slice == src_slice, RuntimeError, "index_copy_(): Source/destination tensor must have same slice "
           "shapes. Destination slice shape: ", spaced(self_slice),
           " at dimension ", dim, " and source slice shape: ", spaced(src_slice),
           " at dimension 0.");
  FG_CHECK(source->dim() == 0 || n == source->shape[dim], IndexError, "index_copy_(): Number of indices (", n,
           ") should be equal to source.size(dim) (", source->shape[dim], ")");
  Tensor out = write_slices(self, dim, index, source, detail::OutOfRange::BoundsIndex, "index_copy_(): ", "index_copy",
                            in_place, detail::AssignOp{});
  if (!in_place && autograd::needs_grad(self, source)) {
    SavedTensor si(index, false);
    const Dims src_shape = source->shape;
    autograd::record("IndexCopyBackward0", {self, index, source}, {out}, [si, dim, src_shape](const TensorList& g, Node& node) {
      TensorList r(3);
      const Tensor idx = si.unpack(node);
      if (node.needs_input_grad(0)) r[0] = index_fill(g[0], dim, idx, 0.0);
      if (node.needs_input_grad(2)) r[2] = picked_slices(g[0], dim, idx, src_shape);
      return r;
    }, /*has_saved=*/true);
  }
  return out;
}

// index_fill takes negative indices (from the end), unlike index_copy and index_add.
Tensor wrapped_fill_index(const Tensor& index, int64_t size, int64_t dim) {
  Tensor c = contiguous(as_1d(index));
  Tensor w = empty(c->shape, DType::Int64);
  const int64_t* p = c->data<int64_t>();
  int64_t* q = w->data<int64_t>();
  for (int64_t i = 0; i < c->numel(); ++i) {
    FG_CHECK(p[i] >= -size && p[i] < size, IndexError, "index ", p[i], " is out of bounds for dimension ", dim,
             " with size ", size);
    q[i] = p[i] < 0 ? p[i] + size : p[i];
  }
  return w;
}

Tensor index_fill_impl(const Tensor& self, int64_t dim_in, const Tensor& index, const Tensor& value, bool in_place) {
  const int64_t dim = wrap_dim(dim_in, nonempty_dim(self));
  FG_CHECK(index->dim() <= 1, RuntimeError, "Index has to be a vector/scalar");
  FG_CHECK(index->dtype == DType::Int64, IndexError, "index_fill_(): Expected dtype int64 for index.");
  FG_CHECK(value->dim() == 0, RuntimeError, "index_fill_ only supports a 0-dimensional value tensor, but got tensor "
           "with ", value->dim(), " dimension(s).");
  const Tensor idx = wrapped_fill_index(index, as_1d(self)->shape[dim], dim);
  const Tensor v = value->dtype == self->dtype ? alias_detached(value) : to_dtype(alias_detached(value), self->dtype);
  Tensor out = write_slices(self, dim, idx, v, detail::OutOfRange::BoundsIndex, "", "index_fill", in_place, detail::AssignOp{});
  const bool value_grad = !is_wrapped_number(value) && autograd::needs_grad(value);
  if (!in_place && (autograd::needs_grad(self) || value_grad)) {
    SavedTensor si(idx, false);
    const bool tensor_value = !is_wrapped_number(value);
    autograd::record(tensor_value ? "IndexFillBackward1" : "IndexFillBackward0", {self, index, tensor_value ? value : nullptr}, {out},
                     [si, dim](const TensorList& g, Node& node) {
      TensorList r(3);
      const Tensor i = si.unpack(node);
      if (node.needs_input_grad(0)) r[0] = index_fill(g[0], dim, i, 0.0);
      // a repeated index fills its slice once, so it counts once
      if (node.needs_input_grad(2)) r[2] = sum_all(index_select(g[0], dim, std::get<0>(unique(i, std::nullopt))));
      return r;
    }, /*has_saved=*/true);
  }
  return out;
}

}  // namespace

Tensor index_add(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& source, double alpha) {
  return index_add_impl(self, dim, index, source, alpha, false);
}
Tensor index_copy(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& source) {
  return index_copy_impl(self, dim, index, source, false);
}
Tensor index_fill(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& value) {
  return index_fill_impl(self, dim, index, value, false);
}
Tensor index_fill(const Tensor& self, int64_t dim, const Tensor& index, double value) {
  return index_fill_impl(self, dim, index, result_like_scalar(value, self), false);
}

Tensor& index_add_(Tensor& self, int64_t dim, const Tensor& index, const Tensor& source, double alpha) {
  if (detail::writes_directly(self, source)) return detail::wrote(self, index_add_impl(self, dim, index, source, alpha, true));
  return assign_inplace(self, index_add_impl(self, dim, index, source, alpha, false));
}
Tensor& index_copy_(Tensor& self, int64_t dim, const Tensor& index, const Tensor& source) {
  if (detail::writes_directly(self, source)) return detail::wrote(self, index_copy_impl(self, dim, index, source, true));
  return assign_inplace(self, index_copy_impl(self, dim, index, source, false));
}
Tensor& index_fill_(Tensor& self, int64_t dim, const Tensor& index, const Tensor& value) {
  if (detail::writes_directly(self, value)) return detail::wrote(self, index_fill_impl(self, dim, index, value, true));
  return assign_inplace(self, index_fill_impl(self, dim, index, value, false));
}
Tensor& index_fill_(Tensor& self, int64_t dim, const Tensor& index, double value) {
  return index_fill_(self, dim, index, result_like_scalar(value, self));
}

}  // namespace fg::ops
