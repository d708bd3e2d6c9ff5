// NumPy-style advanced indexing: index (x[i, :, j]), index_put (x[i, :, j] = v, or += with accumulate)
// and masked_scatter. The index tensors are broadcast together and folded into one tensor of element
// offsets; self is seen through the result's shape with stride 0 on the indexed part, so the read is
// the shared gather walk and the write the shared scatter walk (ops/scatter_kernel.h), as torch's
// TensorAdvancedIndexing does with its restrided operands. index and index_put are each other's backward.
#include <limits>

#include "autograd/function.h"
#include "ops/misc.h"
#include "ops/scatter_kernel.h"

namespace fg::ops {

namespace {

// The indices after bool masks are replaced by their nonzero() coordinates: one entry per leading dim
// of self, null where the dim is taken whole.
TensorList resolve_masks(const Tensor& self, const TensorList& indices) {
  TensorList out;
  for (const Tensor& idx : indices) {
    if (!idx) {
      out.push_back(nullptr);
      continue;
    }
    FG_CHECK(idx->dtype == DType::Int64 || idx->dtype == DType::Bool, IndexError,
             "tensors used as indices must be long, int, byte or bool tensors");
    if (idx->dtype == DType::Int64) {
      out.push_back(idx);
      continue;
    }
    FG_CHECK(idx->dim() > 0, IndexError, "a 0-dimensional bool index is only supported in Tensor[...] indexing, where "
             "it adds a dimension");
    const int64_t at = static_cast<int64_t>(out.size());
    for (int64_t d = 0; d < idx->dim(); ++d) {
      FG_CHECK(at + d < self->dim(), IndexError, "too many indices for tensor of dimension ", self->dim());
      FG_CHECK(idx->shape[d] == self->shape[at + d], IndexError, "The shape of the mask ", shape_str(idx->shape),
               " at index ", d, " does not match the shape of the indexed tensor ", shape_str(self->shape),
               " at index ", at + d);
    }
    const Tensor coords = nonzero(idx);  // (count, mask dims)
    for (int64_t d = 0; d < idx->dim(); ++d) out.push_back(contiguous(select(coords, 1, d)));
  }
  FG_CHECK(static_cast<int64_t>(out.size()) <= self->dim(), IndexError, "too many indices for tensor of dimension ",
           self->dim(), " (got ", out.size(), ")");
  return out;
}

// Where an advanced index reads or writes, folded into one offset per element of the broadcast index shape.
struct Plan {
  Dims shape;         // the result's shape
  Tensor self_view;   // self through `shape`: stride 0 on the index part, self's strides elsewhere
  Tensor offsets;     // int64 element offsets into self, through `shape` (stride 0 off the index part)
  TensorList indices; // the resolved int64 indices (for the backward)
};

Plan plan(const Tensor& self, const TensorList& raw) {
  Plan p;
  p.indices = resolve_masks(self, raw);
  const TensorList& ix = p.indices;
  std::vector<int64_t> dims;  // the indexed dims of self
  for (size_t d = 0; d < ix.size(); ++d)
    if (ix[d]) dims.push_back(static_cast<int64_t>(d));
  FG_CHECK(!dims.empty(), IndexError, "index(): at least one index tensor is required");
  Dims bshape;
  for (int64_t d : dims) {
    Dims next;
    try {
      next = broadcast_shapes(bshape, ix[d]->shape);
    } catch (const RuntimeError&) {
      std::string shapes;
      for (int64_t e : dims) shapes += (shapes.empty() ? "" : ", ") + shape_str(ix[e]->shape);
      throw IndexError("shape mismatch: indexing tensors could not be broadcast together with shapes " + shapes);
    }
    bshape = next;
  }
  bool adjacent = true;
  for (size_t k = 1; k < dims.size(); ++k) adjacent = adjacent && dims[k] == dims[k - 1] + 1;
  // the offsets over the broadcast index shape, each index checked and wrapped from the end
  Tensor offsets = zeros(bshape, DType::Int64);
  {
    int64_t* o = offsets->data<int64_t>();
    const int64_t n = offsets->numel();
    for (int64_t d : dims) {
      const int64_t size = self->shape[d], stride = self->strides[d];
      const Tensor c = contiguous(broadcast_to_view(alias_detached(ix[d]), bshape));
      const int64_t* q = c->data<int64_t>();
      for (int64_t i = 0; i < n; ++i) {
        const int64_t k = q[i];
        FG_CHECK(k >= -size && k < size, IndexError, "index ", k, " is out of bounds for dimension ", d, " with size ", size);
        o[i] += (k < 0 ? k + size : k) * stride;
      }
    }
  }
  // result layout: the index part replaces the indexed dims where they sit together, else it goes first
  const int64_t nb = static_cast<int64_t>(bshape.size());
  const Dims bstrides = contiguous_strides(bshape);
  Dims vstrides, ostrides;
  auto put_index_part = [&] {
    for (int64_t j = 0; j < nb; ++j) {
      p.shape.push_back(bshape[j]);
      vstrides.push_back(0);
      ostrides.push_back(bstrides[j]);
    }
  };
  auto is_indexed = [&](int64_t d) { return d < static_cast<int64_t>(ix.size()) && ix[d]; };
  if (!adjacent) put_index_part();
  for (int64_t d = 0; d < self->dim(); ++d) {
    if (is_indexed(d)) {
      if (adjacent && d == dims[0]) put_index_part();
      continue;
    }
    p.shape.push_back(self->shape[d]);
    vstrides.push_back(self->strides[d]);
    ostrides.push_back(0);
  }
  p.self_view = make_view(self, p.shape, vstrides, self->offset);
  p.offsets = make_view(offsets, p.shape, ostrides, 0);
  return p;
}

// Every offset is in range already: the walk's own bound check only has to let them through.
detail::IndexAxis element_axis(const Tensor& self) {
  return {std::numeric_limits<int64_t>::max(), static_cast<int64_t>(itemsize(self->dtype)), 0,
          detail::OutOfRange::BoundsIndex, ""};
}

// Saves the resolved indices (nulls stay null) for a backward.
std::vector<SavedTensor> save_all(const TensorList& ix) {
  std::vector<SavedTensor> out;
  for (const Tensor& t : ix) out.push_back(t ? SavedTensor(t, false) : SavedTensor());
  return out;
}

TensorList unpack_all(const std::vector<SavedTensor>& saved, Node& node) {
  TensorList out;
  for (const SavedTensor& s : saved) out.push_back(s.defined() ? s.unpack(node) : nullptr);
  return out;
}

// torch fills through masked_fill when the one index is a bool mask (beside whole dims) and the value
// has one element: that value then takes self's dtype instead of having to match it.
bool fills_through_mask(const TensorList& indices, const Tensor& values) {
  if (values->numel() != 1) return false;
  int masks = 0;
  for (const Tensor& t : indices) {
    if (!t) continue;
    if (t->dtype != DType::Bool) return false;
    ++masks;
  }
  return masks == 1;
}

Tensor index_put_impl(const Tensor& self, const TensorList& indices, const Tensor& given_values, bool accumulate,
                      bool in_place) {
  const bool convert = !accumulate && given_values->dtype != self->dtype && fills_through_mask(indices, given_values);
  const Tensor values = convert ? to_dtype(given_values, self->dtype) : given_values;
  FG_CHECK(values->dtype == self->dtype, RuntimeError, "Index put requires the source and destination dtypes match, "
           "got ", dtype_short_name(self->dtype), " for the destination and ", dtype_short_name(values->dtype),
           " for the source.");
  Tensor out = in_place ? self : clone(alias_detached(self));
  Plan p = plan(out, indices);
  Dims vshape;
  try {
    vshape = broadcast_shapes(values->shape, p.shape);
  } catch (const RuntimeError&) {
  }
  FG_CHECK(vshape == p.shape, RuntimeError, "shape mismatch: value tensor of shape ", shape_str(values->shape),
           " cannot be broadcast to indexing result of shape ", shape_str(p.shape));
  if (shape_numel(p.shape) > 0) {
    const Tensor vb = broadcast_to_view(alias_detached(values), p.shape);
    if (accumulate)
      detail::scatter_walk(p.self_view, vb, p.offsets, element_axis(out), "index_put", detail::AddOp{});
    else
      detail::scatter_walk(p.self_view, vb, p.offsets, element_axis(out), "index_put", detail::AssignOp{});
  }
  if (!in_place && autograd::needs_grad(self, values)) {
    std::vector<SavedTensor> saved = save_all(p.indices);
    const Dims vs = values->shape;
    TensorList inputs{self, values};
    autograd::record("IndexPutBackward0", inputs, {out}, [saved, vs, accumulate](const TensorList& g, Node& node) {
      const TensorList ix = unpack_all(saved, node);
      TensorList r(2);
      // overwritten slots get no gradient; accumulated ones pass it through
      if (node.needs_input_grad(0)) r[0] = accumulate ? g[0] : index_put(g[0], ix, zeros({}, g[0]->dtype), false);
      if (node.needs_input_grad(1)) r[1] = sum_to(index(g[0], ix), vs);
      return r;
    }, /*has_saved=*/true);
  }
  return out;
}

}  // namespace

Tensor index(const Tensor& self, const TensorList& indices) {
  Plan p = plan(self, indices);
  Tensor out = empty(p.shape, self->dtype);
  if (out->numel() > 0) detail::gather_walk(out, p.self_view, p.offsets, element_axis(self));
  if (autograd::needs_grad(self)) {
    std::vector<SavedTensor> saved = save_all(p.indices);
    const Dims xs = self->shape;
    autograd::record("IndexBackward0", {self}, {out}, [saved, xs](const TensorList& g, Node& node) {
      Tensor z = zeros(xs, g[0]->dtype);  // written in place: a fresh tensor, no second copy
      return TensorList{index_put_(z, unpack_all(saved, node), g[0], true)};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor index_put(const Tensor& self, const TensorList& indices, const Tensor& values, bool accumulate) {
  return index_put_impl(self, indices, values, accumulate, false);
}

Tensor& index_put_(Tensor& self, const TensorList& indices, const Tensor& values, bool accumulate) {
  if (detail::writes_directly(self, values)) return detail::wrote(self, index_put_impl(self, indices, values, accumulate, true));
  return assign_inplace(self, index_put_impl(self, indices, values, accumulate, false));
}

namespace {

void check_masked_scatter(const Tensor& self, const Tensor& mask, const Tensor& source) {
  FG_CHECK(mask->dtype == DType::Bool, RuntimeError, "masked_scatter_ only supports boolean masks, but got mask with dtype ",
           dtype_short_name(mask->dtype));
  FG_CHECK(self->dtype == source->dtype, RuntimeError, "masked_scatter: expected self and source to have same dtypes but got",
           dtype_short_name(self->dtype), " and ", dtype_short_name(source->dtype));
}

// out (contiguous, already holding self's values) takes source's elements in order where mask is set.
void masked_scatter_into(const Tensor& out, const Tensor& mask, const Tensor& source) {
  const Tensor m = contiguous(expand(alias_detached(mask), out->shape));
  const Tensor s = contiguous(alias_detached(source));
  const bool* pm = m->data<bool>();
  const int64_t n = out->numel(), avail = s->numel();
  int64_t taken = 0;
  for (int64_t i = 0; i < n; ++i) taken += pm[i];
  FG_CHECK(taken <= avail, RuntimeError, "Number of elements of source < number of ones in mask");
  FG_DISPATCH_BY_SIZE(out->dtype, "masked_scatter", [&] {  // moves elements only
    scalar_t* po = out->data<scalar_t>();
    const scalar_t* ps = s->data<scalar_t>();
    int64_t k = 0;
    for (int64_t i = 0; i < n; ++i)
      if (pm[i]) po[i] = ps[k++];
  });
}

}  // namespace

Tensor masked_scatter(const Tensor& self, const Tensor& mask, const Tensor& source) {
  check_masked_scatter(self, mask, source);
  const Dims shape = broadcast_shapes(self->shape, mask->shape);
  Tensor out = contiguous(expand(alias_detached(self), shape));
  if (out->storage == self->storage) out = clone(out);
  masked_scatter_into(out, mask, source);
  if (autograd::needs_grad(self, source)) {
    SavedTensor sm(mask, false);
    const Dims xs = self->shape, ss = source->shape;
    autograd::record("MaskedScatterBackward0", {self, mask, source}, {out}, [sm, xs, ss](const TensorList& g, Node& node) {
      const Tensor m = sm.unpack(node);
      TensorList r(3);
      if (node.needs_input_grad(0)) r[0] = sum_to(masked_fill(g[0], m, zeros({}, g[0]->dtype)), xs);
      if (node.needs_input_grad(2)) {
        // the selected gradient in order, padded with zeros for the source elements no mask slot took
        Tensor picked = masked_select(g[0], m);
        const int64_t rest = shape_numel(ss) - picked->numel();
        if (rest > 0) picked = cat({picked, zeros({rest}, g[0]->dtype)}, 0);
        r[2] = reshape(picked, ss);
      }
      return r;
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor& masked_scatter_(Tensor& self, const Tensor& mask, const Tensor& source) {
  check_masked_scatter(self, mask, source);
  FG_CHECK(broadcast_shapes(self->shape, mask->shape) == self->shape, RuntimeError, "expand(", shape_str(mask->shape),
           ", size=", shape_str(self->shape), "): the mask cannot be broadcast to the shape of self");
  if (detail::writes_directly(self, source)) {
    Tensor out = contiguous(alias_detached(self));  // self itself when contiguous, else a copy written back
    masked_scatter_into(out, mask, source);
    if (out->storage != self->storage) copy_into(self, out);
    return detail::wrote(self, self);
  }
  return assign_inplace(self, masked_scatter(self, mask, source));
}

}  // namespace fg::ops
