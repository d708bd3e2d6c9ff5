// Views: results share storage with their input (and its version counter); the backward of each
// maps the gradient back to the input's shape.
#include <algorithm>
#include <numeric>

#include "autograd/function.h"
#include "autograd/view_history.h"
#include "ops/ops.h"

namespace fg::ops {

namespace {

// Resolves one -1 and checks the element count, as torch's infer_size does.
Dims infer_shape(const Dims& shape, int64_t numel) {
  Dims out;
  int64_t known = 1, infer_at = -1;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == -1) {
      FG_CHECK(infer_at < 0, RuntimeError, "only one dimension can be inferred");
      infer_at = static_cast<int64_t>(i);
      out.push_back(-1);
    } else {
      FG_CHECK(shape[i] >= 0, RuntimeError, "invalid shape dimension ", shape[i]);
      known *= shape[i];
      out.push_back(shape[i]);
    }
  }
  if (infer_at >= 0) {
    FG_CHECK(known != 0 && numel % known == 0, RuntimeError, "shape '", shape_str(Dims(shape)),
             "' is invalid for input of size ", numel);
    out[infer_at] = numel / known;
  } else {
    FG_CHECK(known == numel, RuntimeError, "shape '", shape_str(Dims(shape)), "' is invalid for input of size ",
             numel);
  }
  return out;
}

// Strides that let `old` memory be viewed as `new_shape` without a copy, or false (torch's computeStride).
bool compute_view_strides(const Dims& oldshape, const Dims& oldstride, const Dims& newshape, Dims& newstride) {
  newstride = Dims(newshape.size(), 0);
  if (oldshape.empty()) {
    for (auto& s : newstride) s = 1;
    return true;
  }
  int64_t numel = shape_numel(oldshape);
  if (numel == 0) {
    newstride = contiguous_strides(newshape);
    return true;
  }
  int64_t view_d = static_cast<int64_t>(newshape.size()) - 1;
  int64_t chunk_base_stride = oldstride.back();
  int64_t tensor_numel = 1, view_numel = 1;
  for (int64_t tensor_d = static_cast<int64_t>(oldshape.size()) - 1; tensor_d >= 0; tensor_d--) {
    tensor_numel *= oldshape[tensor_d];
    if (tensor_d == 0 || (oldshape[tensor_d - 1] != 1 && oldstride[tensor_d - 1] != tensor_numel * chunk_base_stride)) {
      while (view_d >= 0 && (view_numel < tensor_numel || newshape[view_d] == 1)) {
        newstride[view_d] = view_numel * chunk_base_stride;
        view_numel *= newshape[view_d];
        view_d--;
      }
      if (view_numel != tensor_numel) return false;
      if (tensor_d > 0) {
        chunk_base_stride = oldstride[tensor_d - 1];
        tensor_numel = 1;
        view_numel = 1;
      }
    }
  }
  return view_d == -1;
}

Tensor reshape_grad(const Tensor& g, const Dims& shape) { return reshape(g, shape); }

}  // namespace

Tensor view(const Tensor& x, const Dims& shape) {
  Dims ns = infer_shape(shape, x->numel());
  Dims st;
  FG_CHECK(compute_view_strides(x->shape, x->strides, ns, st), RuntimeError,
           "view size is not compatible with input tensor's size and stride (at least one dimension spans across "
           "two contiguous subspaces). Use .reshape(...) instead.");
  Tensor out = make_view(x, ns, st, x->offset);
  if (autograd::needs_grad(x)) {
    Dims in_shape = x->shape;
    autograd::record("ViewBackward0", {x}, {out}, [in_shape](const TensorList& g, Node&) {
      return TensorList{reshape_grad(g[0], in_shape)};
    }, /*has_saved=*/false);
  }
  return out;
}

Tensor reshape(const Tensor& x, const Dims& shape) {
  Dims ns = infer_shape(shape, x->numel());
  Dims st;
  if (compute_view_strides(x->shape, x->strides, ns, st)) return view(x, ns);
  return view(clone(x), ns);
}

Tensor transpose(const Tensor& x, int64_t d0, int64_t d1) {
  const int64_t nd = x->dim();
  d0 = wrap_dim(d0, nd);
  d1 = wrap_dim(d1, nd);
  Dims sh = x->shape, st = x->strides;
  if (nd > 0) {
    std::swap(sh[d0], sh[d1]);
    std::swap(st[d0], st[d1]);
  }
  Tensor out = make_view(x, sh, st, x->offset);
  if (autograd::needs_grad(x))
    autograd::record("TransposeBackward0", {x}, {out}, [d0, d1](const TensorList& g, Node&) {
      return TensorList{transpose(g[0], d0, d1)};
    }, /*has_saved=*/false);
  return out;
}

Tensor permute(const Tensor& x, const Dims& dims) {
  const int64_t nd = x->dim();
  FG_CHECK(static_cast<int64_t>(dims.size()) == nd, RuntimeError,
           "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired "
           "ordering of dimensions i.e. input.dim() = ", nd, " is not equal to len(dims) = ", dims.size());
  std::vector<int64_t> perm(nd), inv(nd);
  std::vector<bool> seen(nd, false);
  Dims sh(nd), st(nd);
  for (int64_t i = 0; i < nd; ++i) {
    int64_t d = wrap_dim(dims[i], nd);
    FG_CHECK(!seen[d], RuntimeError, "permute(): duplicate dims are not allowed.");
    seen[d] = true;
    perm[i] = d;
    inv[d] = i;
    sh[i] = x->shape[d];
    st[i] = x->strides[d];
  }
  Tensor out = make_view(x, sh, st, x->offset);
  if (autograd::needs_grad(x))
    autograd::record("PermuteBackward0", {x}, {out}, [inv](const TensorList& g, Node&) {
      return TensorList{permute(g[0], inv)};
    }, /*has_saved=*/false);
  return out;
}

Tensor expand(const Tensor& x, const Dims& shape) {
  FG_CHECK(shape.size() >= static_cast<size_t>(x->dim()), RuntimeError, "expand(", dtype_name(x->dtype), "{",
           shape_str(x->shape).substr(1, shape_str(x->shape).size() - 2), "}, size=", shape_str(Dims(shape)),
           "): the number of sizes provided (", shape.size(),
           ") must be greater or equal to the number of dimensions in the tensor (", x->dim(), ")");
  Dims target(shape);
  const size_t off = shape.size() - x->dim();
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == -1) {
      FG_CHECK(i >= off, RuntimeError, "The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension ", i);
      target[i] = x->shape[i - off];
    }
    FG_CHECK(target[i] >= 0, RuntimeError, "Trying to create tensor with negative dimension ", target[i], ": ",
             shape_str(target));
  }
  // a view's element count must fit int64 too (a 0-d tensor expanded to (2**40, 2**40) wrapped to 0)
  int64_t n = 1;
  for (int64_t s : target) FG_CHECK(!__builtin_mul_overflow(n, s, &n), RuntimeError, "numel: integer multiplication overflow");
  Tensor out = broadcast_to_view(x, target);
  if (out == x) out = make_view(x, x->shape, x->strides, x->offset);
  if (autograd::needs_grad(x)) {
    Dims in_shape = x->shape;
    autograd::record("ExpandBackward0", {x}, {out}, [in_shape](const TensorList& g, Node&) {
      return TensorList{sum_to(g[0], in_shape)};
    }, /*has_saved=*/false);
  }
  return out;
}

Tensor squeeze(const Tensor& x, std::optional<Dims> dims) {
  const int64_t nd = x->dim();
  std::vector<bool> drop(nd, false);
  if (dims) {
    for (int64_t d : *dims) {
      int64_t w = wrap_dim(d, nd);
      if (nd > 0 && x->shape[w] == 1) drop[w] = true;
    }
  } else {
    for (int64_t i = 0; i < nd; ++i) drop[i] = x->shape[i] == 1;
  }
  Dims sh, st;
  for (int64_t i = 0; i < nd; ++i)
    if (!drop[i]) {
      sh.push_back(x->shape[i]);
      st.push_back(x->strides[i]);
    }
  Tensor out = make_view(x, sh, st, x->offset);
  if (autograd::needs_grad(x)) {
    Dims in_shape = x->shape;
    // torch's names: squeeze() 0, squeeze(dim) 1, squeeze(dims) 2
    const char* name = !dims ? "SqueezeBackward0" : dims->size() == 1 ? "SqueezeBackward1" : "SqueezeBackward2";
    autograd::record(name, {x}, {out}, [in_shape](const TensorList& g, Node&) {
      return TensorList{reshape_grad(g[0], in_shape)};
    }, /*has_saved=*/false);
  }
  return out;
}

Tensor unsqueeze(const Tensor& x, int64_t dim) {
  const int64_t nd = x->dim();
  FG_CHECK(dim >= -(nd + 1) && dim <= nd, IndexError, "Dimension out of range (expected to be in range of [",
           -(nd + 1), ", ", nd, "], but got ", dim, ")");
  if (dim < 0) dim += nd + 1;
  Dims sh = x->shape, st = x->strides;
  int64_t new_stride = dim < nd ? sh[dim] * st[dim] : 1;
  sh.insert(dim, 1);
  st.insert(dim, new_stride);
  Tensor out = make_view(x, sh, st, x->offset);
  if (autograd::needs_grad(x))
    autograd::record("UnsqueezeBackward0", {x}, {out}, [dim](const TensorList& g, Node&) {
      return TensorList{squeeze(g[0], Dims{dim})};
    }, /*has_saved=*/false);
  return out;
}

Tensor flatten(const Tensor& x, int64_t start_dim, int64_t end_dim) {
  const int64_t nd = x->dim();
  if (nd == 0) return reshape(x, {1});
  start_dim = wrap_dim(start_dim, nd);
  end_dim = wrap_dim(end_dim, nd);
  FG_CHECK(start_dim <= end_dim, RuntimeError, "flatten() has invalid args: start_dim cannot come after end_dim");
  if (start_dim == end_dim) return x;
  Dims shape;
  for (int64_t i = 0; i < start_dim; ++i) shape.push_back(x->shape[i]);
  int64_t m = 1;
  for (int64_t i = start_dim; i <= end_dim; ++i) m *= x->shape[i];
  shape.push_back(m);
  for (int64_t i = end_dim + 1; i < nd; ++i) shape.push_back(x->shape[i]);
  return reshape(x, shape);
}

// Gradient of a slice/select: zeros of the input's shape with g written into the same view.
// Differentiable: its gradient is the same slice of the incoming gradient.
static Tensor scatter_into_zeros(const Tensor& g, const Dims& in_shape, int64_t dim, int64_t start, int64_t stop,
                                 int64_t step, bool is_select) {
  Tensor z = zeros(in_shape, g->dtype);
  {
    NoGradGuard ng;
    Tensor region = is_select ? select(z, dim, start) : slice(z, dim, start, stop, step);
    copy_into(region, g);
  }
  if (autograd::needs_grad(g))
    autograd::record(is_select ? "SelectBackwardBackward0" : "SliceBackwardBackward0", {g}, {z},
                     [dim, start, stop, step, is_select](const TensorList& gg, Node&) {
                       return TensorList{is_select ? select(gg[0], dim, start) : slice(gg[0], dim, start, stop, step)};
                     }, /*has_saved=*/false);
  return z;
}

Tensor slice(const Tensor& x, int64_t dim, int64_t start, int64_t stop, int64_t step) {
  const int64_t nd = x->dim();
  FG_CHECK(nd > 0, IndexError, "slice() cannot be applied to a 0-dim tensor.");
  dim = wrap_dim(dim, nd);
  FG_CHECK(step > 0, ValueError, "step must be greater than zero");
  const int64_t n = x->shape[dim];
  if (start < 0) start += n;
  if (stop < 0) stop += n;
  start = std::min(std::max<int64_t>(start, 0), n);
  stop = std::min(std::max<int64_t>(stop, start), n);
  Dims sh = x->shape, st = x->strides;
  sh[dim] = (stop - start + step - 1) / step;
  st[dim] = x->strides[dim] * step;
  Tensor out = make_view(x, sh, st, x->offset + start * x->strides[dim]);
  if (autograd::needs_grad(x)) {
    Dims in_shape = x->shape;
    autograd::record("SliceBackward0", {x}, {out}, [in_shape, dim, start, stop, step](const TensorList& g, Node&) {
      return TensorList{scatter_into_zeros(g[0], in_shape, dim, start, stop, step, false)};
    }, /*has_saved=*/false);
  }
  return out;
}

Tensor select(const Tensor& x, int64_t dim, int64_t index) {
  const int64_t nd = x->dim();
  FG_CHECK(nd > 0, IndexError, "select() cannot be applied to a 0-dim tensor.");
  dim = wrap_dim(dim, nd);
  const int64_t n = x->shape[dim];
  FG_CHECK(index >= -n && index < n, IndexError, "index ", index, " is out of bounds for dimension ", dim,
           " with size ", n);
  if (index < 0) index += n;
  Dims sh = x->shape, st = x->strides;
  sh.erase(dim);
  st.erase(dim);
  Tensor out = make_view(x, sh, st, x->offset + index * x->strides[dim]);
  if (autograd::needs_grad(x)) {
    Dims in_shape = x->shape;
    autograd::record("SelectBackward0", {x}, {out}, [in_shape, dim, index](const TensorList& g, Node&) {
      return TensorList{scatter_into_zeros(g[0], in_shape, dim, index, index + 1, 1, true)};
    }, /*has_saved=*/false);
  }
  return out;
}

}  // namespace fg::ops

namespace fg::ops {

// The pieces are slices (views) of x, so their gradients flow through SliceBackward0.
TensorList split_with_sizes(const Tensor& x, const Dims& sizes, int64_t dim) {
  FG_CHECK(x->dim() > 0, RuntimeError, "split_with_sizes expects at least a 1-dimensional tensor");
  dim = wrap_dim(dim, x->dim());
  const int64_t n = x->shape[dim];
  int64_t total = 0;
  bool negative = false;
  for (int64_t s : sizes) {
    total += s;
    negative = negative || s < 0;
  }
  FG_CHECK(!negative, RuntimeError, "split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=",
           shape_str(Dims(sizes)));
  FG_CHECK(total == n, RuntimeError, "split_with_sizes expects split_sizes to sum exactly to ", n,
           " (input tensor's size at dimension ", dim, "), but got split_sizes=", shape_str(Dims(sizes)));
  TensorList out;
  int64_t start = 0;
  for (int64_t s : sizes) {
    out.push_back(slice(x, dim, start, start + s, 1));
    start += s;
  }
  autograd::mark_multi_output_views(x, out, "SplitWithSizes");
  return out;
}

TensorList split(const Tensor& x, int64_t split_size, int64_t dim) {
  FG_CHECK(x->dim() > 0, RuntimeError, "split expects at least a 1-dimensional tensor");
  dim = wrap_dim(dim, x->dim());
  const int64_t n = x->shape[dim];
  FG_CHECK(split_size >= 0, RuntimeError, "split expects split_size be non-negative, but got split_size=", split_size);
  FG_CHECK(split_size != 0 || n == 0, RuntimeError, "split_size can only be 0 if dimension size is 0, but got dimension size of ", n);
  // torch: max(ceil(n / split_size), 1) pieces, the last one holding the remainder
  const int64_t pieces = split_size == 0 ? 1 : std::max<int64_t>((n + split_size - 1) / split_size, 1);
  Dims sizes(pieces, split_size);
  sizes.back() = n - split_size * (pieces - 1);
  TensorList out = split_with_sizes(x, sizes, dim);
  autograd::mark_multi_output_views(x, out, "Split");
  return out;
}

TensorList chunk(const Tensor& x, int64_t chunks, int64_t dim) {
  FG_CHECK(x->dim() > 0, RuntimeError, "chunk expects at least a 1-dimensional tensor");
  FG_CHECK(chunks > 0, RuntimeError, "chunk expects `chunks` to be greater than 0, got: ", chunks);
  dim = wrap_dim(dim, x->dim());
  const int64_t n = x->shape[dim];
  // an empty dim gives `chunks` empty pieces (split would give one), as torch
  TensorList out = n == 0 ? split_with_sizes(x, Dims(chunks, 0), dim) : split(x, (n + chunks - 1) / chunks, dim);
  autograd::mark_multi_output_views(x, out, "Split");
  return out;
}

TensorList unbind(const Tensor& x, int64_t dim) {
  FG_CHECK(x->dim() > 0, IndexError, "Dimension specified as 0 but tensor has no dimensions");
  dim = wrap_dim(dim, x->dim());
  TensorList out;
  for (int64_t i = 0; i < x->shape[dim]; ++i) out.push_back(select(x, dim, i));
  autograd::mark_multi_output_views(x, out, "Unbind");
  return out;
}

// g written onto the diagonal of zeros shaped like the input (DiagonalBackward0); differentiable.
static Tensor diagonal_into_zeros(const Tensor& g, const Dims& in_shape, int64_t offset, int64_t d1, int64_t d2) {
  Tensor z = zeros(in_shape, g->dtype);
  {
    NoGradGuard no_grad;
    copy_into(diagonal(z, offset, d1, d2), g);
  }
  if (autograd::needs_grad(g))
    autograd::record("DiagonalBackwardBackward0", {g}, {z}, [offset, d1, d2](const TensorList& gg, Node&) {
      return TensorList{diagonal(gg[0], offset, d1, d2)};
    }, /*has_saved=*/false);
  return z;
}

Tensor diagonal(const Tensor& x, int64_t offset, int64_t dim1, int64_t dim2) {
  const int64_t nd = x->dim();
  FG_CHECK(nd >= 2, RuntimeError, "diagonal dimensions requested (", dim1, ", ", dim2, ") for a tensor of dimension ", nd);
  const int64_t d1 = wrap_dim(dim1, nd), d2 = wrap_dim(dim2, nd);
  FG_CHECK(d1 != d2, RuntimeError, "diagonal dimensions cannot be identical ", dim1, ", ", dim2);
  const int64_t n = x->shape[d1], m = x->shape[d2];
  const int64_t len = std::max<int64_t>(0, offset >= 0 ? std::min(n, m - offset) : std::min(n + offset, m));
  int64_t start = x->offset;
  if (len > 0) start += offset >= 0 ? offset * x->strides[d2] : -offset * x->strides[d1];
  // the other dims in order, then the diagonal as one dim stepping along both
  Dims sh, st;
  for (int64_t d = 0; d < nd; ++d)
    if (d != d1 && d != d2) {
      sh.push_back(x->shape[d]);
      st.push_back(x->strides[d]);
    }
  sh.push_back(len);
  st.push_back(x->strides[d1] + x->strides[d2]);
  Tensor out = make_view(x, sh, st, start);
  if (autograd::needs_grad(x)) {
    Dims in_shape = x->shape;
    autograd::record("DiagonalBackward0", {x}, {out}, [in_shape, offset, d1, d2](const TensorList& g, Node&) {
      return TensorList{diagonal_into_zeros(g[0], in_shape, offset, d1, d2)};
    }, /*has_saved=*/false);
  }
  return out;
}

Tensor movedim(const Tensor& x, const Dims& source, const Dims& destination) {
  const int64_t nd = x->dim();
  FG_CHECK(source.size() == destination.size(), RuntimeError, "movedim: Invalid source or destination dims: source (",
           shape_str(source), " dims) should contain the same number of dims as destination (", shape_str(destination),
           " dims)");
  // a 0-d tensor takes dim 0 / -1 (wrap_dim): one slot, so its checks index in range
  std::vector<int64_t> order(std::max<int64_t>(nd, 1), -1);
  std::vector<bool> src_used(order.size(), false);
  for (size_t i = 0; i < source.size(); ++i) {
    const int64_t s = wrap_dim(source[i], nd), d = wrap_dim(destination[i], nd);
    FG_CHECK(!src_used[s], RuntimeError, "movedim: repeated dim in `source` (", shape_str(source), ")");
    FG_CHECK(order[d] < 0, RuntimeError, "movedim: repeated dim in `destination` (", shape_str(destination), ")");
    src_used[s] = true;
    order[d] = s;
  }
  if (nd == 0) return permute(x, Dims{});
  // the dims not moved keep their relative order in the free places
  int64_t next = 0;
  for (int64_t d = 0; d < nd; ++d) {
    if (order[d] >= 0) continue;
    while (src_used[next]) ++next;
    order[d] = next++;
  }
  return permute(x, Dims(order.begin(), order.end()));
}

}  // namespace fg::ops
