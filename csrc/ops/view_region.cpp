// A view's elements inside its base, as two differentiable ops on base-shaped tensors: read them
// (view_region, torch's as_strided) and replace them (region_scatter, torch's as_strided_scatter).
// Each is the other's backward, so gradients through in-place writes into views (CopySlices) and
// through regenerated view histories are differentiable to any order.
#include "autograd/function.h"
#include "ops/ops.h"

namespace fg::ops {

namespace {

// Fresh memory with the base's shape and strides (which may leave gaps or be permuted) holding
// `values`, so the view's strides and offset address the right elements of it.
Tensor laid_out_like_base(const Tensor& values, const ViewGeometry& geom) {
  Tensor buf;
  if (geom.base_strides == contiguous_strides(geom.base_shape)) {
    buf = empty(geom.base_shape, values->dtype);
  } else {
    int64_t extent = 1;
    for (size_t d = 0; d < geom.base_shape.size(); ++d) {
      if (geom.base_shape[d] == 0) extent = 0;
      if (extent) extent += (geom.base_shape[d] - 1) * geom.base_strides[d];
    }
    buf = alias_detached(empty(Dims{extent}, values->dtype));
    buf->shape = geom.base_shape;
    buf->strides = geom.base_strides;
  }
  copy_into(buf, values);
  return buf;
}

Tensor region_in(const Tensor& buf, const ViewGeometry& geom) {
  return make_view(buf, geom.shape, geom.strides, buf->offset + geom.offset);
}

}  // namespace

ViewGeometry view_geometry(const TensorImpl& view) {
  const Tensor& base = view.view_base;
  return ViewGeometry{base->shape, base->strides, view.shape, view.strides, view.offset - base->offset};
}

Tensor view_region(const Tensor& g, const ViewGeometry& geom) {
  FG_CHECK(g->shape == geom.base_shape, RuntimeError, "view_region: expected a tensor of the base's shape ",
           shape_str(geom.base_shape), ", got ", shape_str(g->shape));
  Tensor out = empty(geom.shape, g->dtype);
  copy_into(out, region_in(laid_out_like_base(alias_detached(g), geom), geom));
  if (autograd::needs_grad(g))
    autograd::record("AsStridedBackward0", {g}, {out}, [geom](const TensorList& gg, Node&) {
      return TensorList{region_scatter(zeros(geom.base_shape, gg[0]->dtype), gg[0], geom)};
    }, /*has_saved=*/false);
  return out;
}

Tensor region_scatter(const Tensor& into, const Tensor& src, const ViewGeometry& geom) {
  FG_CHECK(into->shape == geom.base_shape && src->shape == geom.shape, RuntimeError,
           "region_scatter: expected tensors of shapes ", shape_str(geom.base_shape), " and ", shape_str(geom.shape),
           ", got ", shape_str(into->shape), " and ", shape_str(src->shape));
  Tensor out = laid_out_like_base(alias_detached(into), geom);
  copy_into(region_in(out, geom), alias_detached(src));
  if (autograd::needs_grad(into, src))
    autograd::record("AsStridedScatterBackward0", {into, src}, {out}, [geom](const TensorList& g, Node& node) {
      TensorList r(2);
      if (node.needs_input_grad(0)) r[0] = region_scatter(g[0], zeros(geom.shape, g[0]->dtype), geom);
      if (node.needs_input_grad(1)) r[1] = view_region(g[0], geom);
      return r;
    }, /*has_saved=*/false);
  return out;
}

}  // namespace fg::ops
