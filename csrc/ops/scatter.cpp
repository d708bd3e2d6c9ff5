// The scatter family: scatter (a tensor or a number, optionally with reduce='add'|'multiply'),
// scatter_add and scatter_reduce (sum, prod, mean, amax, amin; include_self or not), each a copy of self
// with src combined in at `index` along `dim`, through one strided walk (ops/scatter_kernel.h).
// Gradients as torch's derivatives.yaml defines them, written with these same ops so they differentiate again.
#include <limits>

#include "autograd/function.h"
#include "ops/scatter_kernel.h"

namespace fg::ops {

namespace {

using detail::as_1d;
using detail::nonempty_dim;
using detail::nonempty_size;

// torch's scatter_gather_dtype_check and scatter_shape_check; src is null for the number overloads.
void check_scatter(const char* op, const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
  FG_CHECK(index->dtype == DType::Int64, RuntimeError, op, "(): Expected dtype int64 for index");
  if (src) FG_CHECK(src->dtype == self->dtype, RuntimeError, op, "(): Expected self.dtype to be equal to src.dtype");
  if (index->numel() == 0) return;
  FG_CHECK(nonempty_dim(index) == nonempty_dim(self), RuntimeError,
           "Index tensor must have the same number of dimensions as self tensor");
  if (src) FG_CHECK(nonempty_dim(index) == nonempty_dim(src), RuntimeError,
                    "Index tensor must have the same number of dimensions as src tensor");
  bool wrong = false;
  for (int64_t d = 0; d < nonempty_dim(self); ++d) {
    const int64_t n = nonempty_size(index, d);
    if ((d != dim && n > nonempty_size(self, d)) || (src && n > nonempty_size(src, d))) wrong = true;
  }
  FG_CHECK(!wrong, RuntimeError, "Expected index ", shape_str(index->shape), " to be no larger than self ",
           shape_str(self->shape), " apart from dimension ", dim,
           src ? str(" and to be no larger size than src ", shape_str(src->shape)) : std::string());
}

// combine(out[.. index ..], src) over index's shape (only that corner of a larger src is read), where
// out is self itself (in_place: the `_` forms when nothing needs grad) or a copy of it. No autograd:
// the callers record their own node.
template <class Combine>
Tensor scatter_copy(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, const char* name,
                    Combine combine, bool in_place = false) {
  Tensor out = in_place ? self : clone(alias_detached(self));
  if (index->numel() == 0) return out;
  Tensor o = as_1d(out), i = as_1d(index), s = as_1d(alias_detached(src));
  Tensor corner = make_view(s, i->shape, s->strides, s->offset);
  detail::scatter_walk(detail::zero_dim_view(o, i->shape, dim), corner, i, detail::axis_of(o, dim), name,
                       combine);
  return out;
}

// A number as a tensor of self's dtype, broadcast (stride 0) to index's shape.
Tensor value_like_index(double value, const Tensor& self, const Tensor& index) {
  return detail::broadcast_scalar(scalar_tensor(value, self->dtype), index->shape);
}

enum class ScatterReduce { Add, Multiply };

// scatter(..., reduce=) has no derivative in torch: the result requires grad and backward raises.
void record_not_implemented(const Tensor& self, const Tensor& src, const Tensor& out) {
  autograd::record("NotImplemented", {self, src}, {out}, [](const TensorList&, Node&) -> TensorList {
    throw RuntimeError("derivative for aten::scatter is not implemented");
  }, /*has_saved=*/false);
}

Tensor scatter_reduced(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, ScatterReduce reduce,
                       bool in_place) {
  if (reduce == ScatterReduce::Multiply) return scatter_copy(self, dim, index, src, "scatter", detail::MulOp{}, in_place);
  return scatter_copy(self, dim, index, src, "scatter", detail::AddOp{}, in_place);
}

ScatterReduce scatter_reduce_mode(const std::string& reduce) {
  if (reduce == "add") return ScatterReduce::Add;
  if (reduce == "multiply") return ScatterReduce::Multiply;
  throw RuntimeError("reduce argument must be either add or multiply.");
}

Tensor scatter_src(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src,
                   const std::optional<std::string>& reduce, bool in_place) {
  dim = wrap_dim(dim, nonempty_dim(self));
  check_scatter("scatter", self, dim, index, src);
  if (reduce) {
    Tensor out = scatter_reduced(self, dim, index, src, scatter_reduce_mode(*reduce), in_place);
    if (!in_place && autograd::needs_grad(self, src)) record_not_implemented(self, src, out);
    return out;
  }
  Tensor out = scatter_copy(self, dim, index, src, "scatter", detail::AssignOp{}, in_place);
  if (!in_place && autograd::needs_grad(self, src)) {
    SavedTensor si(index, false);
    autograd::record("ScatterBackward0", {self, index, src}, {out}, [si, dim](const TensorList& g, Node& node) {
      TensorList r(3);
      const Tensor idx = si.unpack(node);
      if (node.needs_input_grad(0)) r[0] = scatter(g[0], dim, idx, 0.0);
      if (node.needs_input_grad(2)) r[2] = gather(g[0], dim, idx);
      return r;
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor scatter_value(const Tensor& self, int64_t dim, const Tensor& index, double value,
                     const std::optional<std::string>& reduce, bool in_place) {
  dim = wrap_dim(dim, nonempty_dim(self));
  check_scatter("scatter", self, dim, index, nullptr);
  const Tensor v = value_like_index(value, self, index);
  if (reduce) {
    Tensor out = scatter_reduced(self, dim, index, v, scatter_reduce_mode(*reduce), in_place);
    if (!in_place && autograd::needs_grad(self)) record_not_implemented(self, nullptr, out);
    return out;
  }
  Tensor out = scatter_copy(self, dim, index, v, "scatter", detail::AssignOp{}, in_place);
  if (!in_place && autograd::needs_grad(self)) {
    SavedTensor si(index, false);
    autograd::record("ScatterBackward1", {self, index}, {out}, [si, dim](const TensorList& g, Node& node) {
      return TensorList{scatter(g[0], dim, si.unpack(node), 0.0), nullptr};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor scatter_add_impl(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, bool in_place) {
  dim = wrap_dim(dim, nonempty_dim(self));
  check_scatter("scatter_add", self, dim, index, src);
  Tensor out = scatter_copy(self, dim, index, src, "scatter_add", detail::AddOp{}, in_place);
  if (!in_place && autograd::needs_grad(self, src)) {
    SavedTensor si(index, false);
    autograd::record("ScatterAddBackward0", {self, index, src}, {out}, [si, dim](const TensorList& g, Node& node) {
      TensorList r(3);
      if (node.needs_input_grad(0)) r[0] = g[0];
      if (node.needs_input_grad(2)) r[2] = gather(g[0], dim, si.unpack(node));
      return r;
    }, /*has_saved=*/true);
  }
  return out;
}

}  // namespace

Tensor scatter(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, std::optional<std::string> reduce) {
  return scatter_src(self, dim, index, src, reduce, false);
}
Tensor scatter(const Tensor& self, int64_t dim, const Tensor& index, double value, std::optional<std::string> reduce) {
  return scatter_value(self, dim, index, value, reduce, false);
}
Tensor scatter_add(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
  return scatter_add_impl(self, dim, index, src, false);
}

Tensor& scatter_(Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, std::optional<std::string> reduce) {
  if (detail::writes_directly(self, src)) return detail::wrote(self, scatter_src(self, dim, index, src, reduce, true));
  return assign_inplace(self, scatter_src(self, dim, index, src, reduce, false));
}
Tensor& scatter_(Tensor& self, int64_t dim, const Tensor& index, double value, std::optional<std::string> reduce) {
  if (detail::writes_directly(self, nullptr)) return detail::wrote(self, scatter_value(self, dim, index, value, reduce, true));
  return assign_inplace(self, scatter_value(self, dim, index, value, reduce, false));
}
Tensor& scatter_add_(Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
  if (detail::writes_directly(self, src)) return detail::wrote(self, scatter_add_impl(self, dim, index, src, true));
  return assign_inplace(self, scatter_add_impl(self, dim, index, src, false));
}

namespace {

enum class Reduction { Sum, Prod, Mean, Amax, Amin };

Reduction reduction_of(const std::string& reduce) {
  if (reduce == "sum") return Reduction::Sum;
  if (reduce == "prod") return Reduction::Prod;
  if (reduce == "mean") return Reduction::Mean;
  if (reduce == "amax" || reduce == "max") return Reduction::Amax;  // max/min: older spellings torch still runs
  if (reduce == "amin" || reduce == "min") return Reduction::Amin;
  throw RuntimeError(str("reduce argument must be either sum, prod, mean, amax or amin, got ", reduce));
}

// What a slot starts from when self is left out (include_self=False): the reduction's identity, as a
// 0-d tensor of dtype dt (typed, so int64's extremes are exact).
Tensor identity_of(Reduction r, DType dt) {
  Tensor v = empty({}, dt);
  FG_DISPATCH_ALL(dt, "scatter_reduce", [&] {
    using lim = std::numeric_limits<scalar_t>;
    scalar_t x = scalar_t(0);
    if (r == Reduction::Prod) x = scalar_t(1);
    else if (r == Reduction::Amax) x = lim::has_infinity ? -lim::infinity() : lim::lowest();
    else if (r == Reduction::Amin) x = lim::has_infinity ? lim::infinity() : lim::max();
    *v->data<scalar_t>() = x;
  });
  return v;
}

// The forward, without autograd.
Tensor scatter_reduce_values(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, Reduction r,
                             bool include_self) {
  NoGradGuard ng;
  Tensor base = alias_detached(self);
  if (!include_self) {
    const Tensor id = identity_of(r, self->dtype);
    base = scatter_copy(base, dim, index, detail::broadcast_scalar(id, index->shape), "scatter_reduce",
                        detail::AssignOp{});
  }
  switch (r) {
    case Reduction::Sum: return scatter_copy(base, dim, index, src, "scatter_reduce", detail::AddOp{});
    case Reduction::Prod: return scatter_copy(base, dim, index, src, "scatter_reduce", detail::MulOp{});
    case Reduction::Amax: return scatter_copy(base, dim, index, src, "scatter_reduce", detail::MaxOp{});
    case Reduction::Amin: return scatter_copy(base, dim, index, src, "scatter_reduce", detail::MinOp{});
    case Reduction::Mean: break;
  }
  Tensor total = scatter_copy(base, dim, index, src, "scatter_reduce", detail::AddOp{});
  // how many values met in each slot (self counts when included); untouched slots divide by 1
  Tensor count = include_self ? ones(self->shape, self->dtype) : zeros(self->shape, self->dtype);
  count = scatter_copy(count, dim, index, value_like_index(1.0, self, index), "scatter_reduce", detail::AddOp{});
  count = masked_fill(count, compare(count, scalar_tensor(0, count->dtype), CmpOp::Eq), scalar_tensor(1, count->dtype));
  return is_floating(self->dtype) ? div(total, count) : div(total, count, RoundingMode::Floor);
}

// torch's scatter_reduce_backward (FunctionsManual.cpp), formula for formula.
TensorList scatter_reduce_grads(const Tensor& g, const Tensor& self, int64_t dim, const Tensor& index,
                                const Tensor& src, Reduction r, bool include_self, const Tensor& result) {
  const DType dt = self->dtype;
  const Tensor zero = scalar_tensor(0, dt), one = scalar_tensor(1, dt);
  Tensor grad_self, grad_src;
  switch (r) {
    case Reduction::Sum:
      grad_self = g;
      grad_src = gather(g, dim, index);
      break;
    case Reduction::Prod: {
      // zeros get the product of the others, which result / x cannot give
      Tensor masked_self = masked_fill(self, compare(self, zero, CmpOp::Eq), one);
      Tensor masked_self_result = scatter_reduce(masked_self, dim, index, src, "prod", include_self);
      grad_self = div(mul(g, masked_self_result), masked_self);
      Tensor src_zero = compare(src, zero, CmpOp::Eq);
      Tensor src_num_zeros = gather(scatter_add(zeros(self->shape, dt), dim, index, to_dtype(src_zero, dt)), dim, index);
      Tensor src_single_zero = logical(src_zero, compare(src_num_zeros, one, CmpOp::Eq), BitOp::And);
      Tensor masked_src = masked_fill(src, src_single_zero, one);
      Tensor masked_src_result = scatter_reduce(self, dim, index, masked_src, "prod", include_self);
      grad_src = where(src_single_zero, gather(mul(g, masked_src_result), dim, index),
                       div(gather(mul(g, result), dim, index), masked_fill(src, src_zero, one)));
      if (autograd::needs_grad(grad_src) &&
          *contiguous(any(compare(src_num_zeros, one, CmpOp::Gt), {}, false))->data<bool>()) {
        // where two zeros meet, this formula has no derivative of its own: differentiating it raises, as torch's
        Tensor r = alias_detached(grad_src);
        autograd::record("Error", {grad_src}, {r}, [](const TensorList&, Node&) -> TensorList {
          throw RuntimeError("scatter_reduce(): Double backward is unsupported for src when >1 zeros in src are "
                             "scattered to the same position in self");
        }, /*has_saved=*/false);
        grad_src = r;
      }
      break;
    }
    case Reduction::Mean: {
      Tensor n = include_self ? ones(g->shape, dt) : zeros(g->shape, dt);
      n = scatter_add(n, dim, index, ones(src->shape, dt));
      n = masked_fill(n, compare(n, zero, CmpOp::Eq), one);
      grad_self = div(g, n);
      grad_src = div(gather(g, dim, index), gather(n, dim, index));
      break;
    }
    case Reduction::Amax:
    case Reduction::Amin: {
      // ties share the gradient evenly (a self left out still counts where it equals the result, as in torch)
      Tensor value = gather(result, dim, index);
      Tensor self_is_result = to_dtype(compare(self, result, CmpOp::Eq), dt);
      Tensor src_is_result = to_dtype(compare(src, value, CmpOp::Eq), dt);
      Tensor n = scatter_add(self_is_result, dim, index, src_is_result);
      Tensor distributed = div(g, n);
      grad_self = mul(self_is_result, distributed);
      grad_src = mul(src_is_result, gather(distributed, dim, index));
      break;
    }
  }
  if (!include_self) grad_self = scatter(grad_self, dim, index, 0.0);
  return {grad_self, grad_src};
}

}  // namespace

Tensor scatter_reduce(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src,
                      const std::string& reduce, bool include_self) {
  dim = wrap_dim(dim, nonempty_dim(self));
  check_scatter("scatter_reduce", self, dim, index, src);
  const Reduction r = reduction_of(reduce);
  Tensor out = scatter_reduce_values(self, dim, index, src, r, include_self);
  if (autograd::needs_grad(self, src)) {
    // prod/amax/amin read self, src and the result in the backward
    SavedTensor si(index, false), sself(self, false), ssrc(src, false), sout(out, true);
    const bool spelled_old = reduce == "max" || reduce == "min";  // torch's backward refuses these
    autograd::record("ScatterReduceBackward0", {self, index, src}, {out},
                     [si, sself, ssrc, sout, dim, r, include_self, spelled_old, reduce](const TensorList& g, Node& node) {
      FG_CHECK(!spelled_old, RuntimeError, "Expected 'reduce' to be one of 'sum', 'prod', 'mean', 'amax', 'amin' but got ",
               reduce, ".");
      TensorList gs = scatter_reduce_grads(g[0], sself.unpack(node), dim, si.unpack(node), ssrc.unpack(node), r,
                                           include_self, sout.unpack(node));
      TensorList out(3);
      if (node.needs_input_grad(0)) out[0] = gs[0];
      if (node.needs_input_grad(2)) out[2] = gs[1];
      return out;
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor& scatter_reduce_(Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, const std::string& reduce,
                        bool include_self) {
  if (detail::writes_directly(self, src)) {
    dim = wrap_dim(dim, nonempty_dim(self));
    check_scatter("scatter_reduce", self, dim, index, src);
    copy_into(self, scatter_reduce_values(self, dim, index, src, reduction_of(reduce), include_self));
    return detail::wrote(self, self);
  }
  // prod/amax/amin's backward reads self's old values, which this overwrites: it gets a copy
  return assign_inplace(self, scatter_reduce(original_self(self, src), dim, index, src, reduce, include_self));
}

}  // namespace fg::ops
