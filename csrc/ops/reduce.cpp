// Reductions: sum, mean, var, std, amax/amin, max/min with indices, argmax/argmin, logsumexp,
// and sum_to (the backward of broadcasting).
#include <cmath>
#include <limits>

#include "autograd/function.h"
#include "kernels/gil.h"
#include "kernels/parallel.h"
#include "kernels/vec/vec.h"
#include "ops/reduce_plan.h"

namespace fg::ops {

using detail::plan_reduce;
using detail::ReducePlan;

namespace {

template <typename T> using acc_t = std::conditional_t<std::is_floating_point_v<T>, double, int64_t>;

// Float sums through the vec kernels (same double accumulation, vectorised).
template <typename T>
void sum_kernel_vec(const ReducePlan& p, T* out) {
  const T* in = p.input->data<T>();
  const int64_t outer = p.outer, inner = p.inner;
  const auto& k = kernels::vec::kernels<T>();
  kernels::GilRelease nogil(outer * inner >= kernels::kGilReleaseElements);
  if (!p.columns) {
    const int64_t grain = std::max<int64_t>(1, kGrainSize / std::max<int64_t>(inner, 1));
    parallel_for(0, outer, grain, [&](int64_t b, int64_t e) {
      for (int64_t o = b; o < e; ++o) out[o] = static_cast<T>(k.sum(inner, in + o * inner));
    });
  } else {
    const int64_t grain = std::max<int64_t>(64, kGrainSize / std::max<int64_t>(inner, 1));
    parallel_for(0, outer, grain, [&](int64_t b, int64_t e) { k.sum_columns(inner, e - b, outer, in + b, out + b); });
  }
}

// Folds each row (or column) with `op` from `init`, accumulating in acc_t (double for floats, int64
// for integers, as torch's CPU acc_type): sum and prod.
template <typename T, typename Out, typename Op>
void fold_kernel(const ReducePlan& p, Out* out, acc_t<T> init, Op op) {
  const T* in = p.input->data<T>();
  const int64_t outer = p.outer, inner = p.inner;
  if (!p.columns) {
    const int64_t grain = std::max<int64_t>(1, kGrainSize / std::max<int64_t>(inner, 1));
    parallel_for(0, outer, grain, [&](int64_t b, int64_t e) {
      for (int64_t o = b; o < e; ++o) {
        const T* row = in + o * inner;
        // four independent accumulators: vectorisable and less rounding drift than one running sum
        acc_t<T> s0 = init, s1 = init, s2 = init, s3 = init;
        int64_t i = 0;
        for (; i + 4 <= inner; i += 4) {
          s0 = op(s0, row[i]);
          s1 = op(s1, row[i + 1]);
          s2 = op(s2, row[i + 2]);
          s3 = op(s3, row[i + 3]);
        }
        for (; i < inner; ++i) s0 = op(s0, row[i]);
        out[o] = static_cast<Out>(op(op(s0, s1), op(s2, s3)));
      }
    });
  } else {
    // columns: input is [inner, outer]; fold down each column
    const int64_t grain = std::max<int64_t>(64, kGrainSize / std::max<int64_t>(inner, 1));
    parallel_for(0, outer, grain, [&](int64_t b, int64_t e) {
      std::vector<acc_t<T>> acc(e - b, init);
      for (int64_t r = 0; r < inner; ++r) {
        const T* row = in + r * outer;
        for (int64_t j = b; j < e; ++j) acc[j - b] = op(acc[j - b], row[j]);
      }
      for (int64_t j = b; j < e; ++j) out[j] = static_cast<Out>(acc[j - b]);
    });
  }
}

template <typename T, typename Out>
void sum_kernel(const ReducePlan& p, Out* out) {
  if constexpr (std::is_floating_point_v<T> && std::is_same_v<T, Out>) {
    sum_kernel_vec<T>(p, out);
    return;
  }
  fold_kernel<T, Out>(p, out, 0, [](acc_t<T> a, acc_t<T> v) { return a + v; });
}

// Max/min along rows (or columns), with the index of the first extreme; a NaN wins, as in torch.
template <typename T>
void extreme_kernel(const ReducePlan& p, bool is_max, T* vals, int64_t* idx) {
  const T* in = p.input->data<T>();
  const int64_t outer = p.outer, inner = p.inner;
  if constexpr (std::is_floating_point_v<T>) {
    if (!p.columns) {
      const auto fn = kernels::vec::kernels<T>().extreme;
      kernels::GilRelease nogil(outer * inner >= kernels::kGilReleaseElements);
      const int64_t grain = std::max<int64_t>(1, kGrainSize / std::max<int64_t>(inner, 1));
      parallel_for(0, outer, grain, [&](int64_t b, int64_t e) {
        for (int64_t o = b; o < e; ++o) fn(inner, in + o * inner, is_max, vals ? vals + o : nullptr, idx ? idx + o : nullptr);
      });
      return;
    }
  }
  auto better = [is_max](T a, T b) {
    if constexpr (std::is_floating_point_v<T>) {
      if (a != a) return b == b;  // a NaN replaces a number
      if (b != b) return false;
    }
    return is_max ? a > b : a < b;
  };
  for (int64_t o = 0; o < outer; ++o) {
    const int64_t step = p.columns ? outer : 1;
    const T* base = p.columns ? in + o : in + o * inner;
    T best = base[0];
    int64_t bi = 0;
    for (int64_t i = 1; i < inner; ++i) {
      T v = base[i * step];
      if (better(v, best)) {
        best = v;
        bi = i;
      }
    }
    if (vals) vals[o] = best;
    if (idx) idx[o] = bi;
  }
}

DType sum_dtype(DType in) { return is_floating(in) ? in : DType::Int64; }

// Reshape a reduced gradient back to keepdim form and broadcast it over the input's shape.
Tensor expand_reduced(const Tensor& g, const Dims& keep_shape, const Dims& in_shape) {
  return expand(reshape(g, keep_shape), in_shape);
}

// The result of sum / prod in sum_dtype (bool and int64 give int64): `identity` where nothing is
// reduced, else fold(T{}, out) runs the kernel for input type T into out (int64_t* or T*).
template <typename Fold>
Tensor fold_reduce(const Tensor& src, const ReducePlan& p, double identity, const char* name, Fold fold) {
  const DType od = sum_dtype(src->dtype);
  if (p.inner == 0 || src->numel() == 0) return full(p.out_shape, identity, od);
  Tensor out = empty(p.out_shape, od);
  FG_DISPATCH_ALL(src->dtype, name, [&] {
    if (od == DType::Int64) fold(scalar_t{}, out->data<int64_t>());
    else if constexpr (std::is_floating_point_v<scalar_t>) fold(scalar_t{}, out->data<scalar_t>());
  });
  return out;
}

}  // namespace

Tensor sum(const Tensor& x, const Dims& dims, bool keepdim, std::optional<DType> dtype) {
  Tensor src = dtype && *dtype != x->dtype ? to_dtype(x, *dtype) : x;
  ReducePlan p = plan_reduce(src, dims, keepdim);
  // a narrow dtype sums in its wide one: int8 gives int64 as torch; float16 accumulates in float32
  Tensor out = is_narrow(src->dtype) ? to_dtype(sum(widened(src), dims, keepdim), dtype ? *dtype : sum_dtype(src->dtype))
                                     : fold_reduce(src, p, 0.0, "sum", [&](auto tag, auto* o) {
                                         sum_kernel<decltype(tag), std::remove_pointer_t<decltype(o)>>(p, o);
                                       });
  if (autograd::needs_grad(src)) {
    Dims keep = p.keep_shape, in_shape = src->shape;
    // torch's names: sum() is SumBackward0, sum(dim) SumBackward1
    autograd::record(dims.empty() ? "SumBackward0" : "SumBackward1", {src}, {out}, [keep, in_shape](const TensorList& g, Node&) {
      return TensorList{expand_reduced(g[0], keep, in_shape)};
    }, /*has_saved=*/false);
  }
  return out;
}

Tensor sum_all(const Tensor& x) { return sum(x, {}, false); }

// prod over every dim (dim empty) or one dim. Backward as torch's prod_backward: g * result / x when
// no input is zero, else the product of all the other elements through exclusive cumprods (one zero:
// the zero's gradient is the product of the rest; several: zeros), differentiable either way.
static Tensor prod_safe_zeros_backward(const Tensor& g, const Tensor& x, int64_t dim) {
  if (x->numel() == 0) return expand(g, x->shape);
  const int64_t n = x->shape[dim];
  Dims ones_shape = x->shape;
  ones_shape[dim] = 1;
  Tensor one = ones(ones_shape, g->dtype);
  Tensor before = cumprod(cat({one, slice(x, dim, 0, n - 1, 1)}, dim), dim);
  Tensor after = flip(cumprod(cat({one, flip(slice(x, dim, 1, n, 1), {dim})}, dim), dim), {dim});
  return mul(g, mul(before, after));
}

Tensor prod(const Tensor& x, std::optional<int64_t> dim, bool keepdim, std::optional<DType> dtype) {
  Tensor src = dtype && *dtype != x->dtype ? to_dtype(x, *dtype) : x;
  const Dims dims = dim ? Dims{*dim} : Dims{};
  ReducePlan p = plan_reduce(src, dims, keepdim && dim);
  Tensor out = is_narrow(src->dtype)
                   ? to_dtype(prod(widened(src), dim, keepdim), dtype ? *dtype : sum_dtype(src->dtype))
                   : fold_reduce(src, p, 1.0, "prod", [&](auto tag, auto* o) {
                       using T = decltype(tag);
                       fold_kernel<T, std::remove_pointer_t<decltype(o)>>(p, o, 1,
                                                                         [](acc_t<T> a, acc_t<T> v) { return a * v; });
                     });
  if (autograd::needs_grad(src)) {
    const int64_t d = src->dim() == 0 ? 0 : dim ? wrap_dim(*dim, src->dim()) : -1;
    const Dims keep = p.keep_shape;
    SavedTensor sx(src, false), so(out, true);
    autograd::record(dim ? "ProdBackward1" : "ProdBackward0", {src}, {out}, [sx, so, keep, d](const TensorList& gs, Node& self) {
      Tensor x = sx.unpack(self), result = so.unpack(self);
      if (x->dim() == 0) return TensorList{gs[0]};
      Tensor g = reshape(gs[0], keep), r = reshape(result, keep);
      bool has_zero;
      {
        NoGradGuard ng;
        has_zero = any(compare(x, zeros(Dims(), x->dtype), CmpOp::Eq), {}, false)->data<bool>()[0];
      }
      if (!has_zero) return TensorList{mul(g, div(r, x))};
      if (d >= 0) return TensorList{prod_safe_zeros_backward(g, x, d)};
      Tensor flat = reshape(x, {-1});
      return TensorList{reshape(prod_safe_zeros_backward(reshape(g, {1}), flat, 0), x->shape)};
    }, /*has_saved=*/true);
  }
  return out;
}

static int64_t reduced_count(const Tensor& x, const Dims& dims) {
  auto mask = detail::reduced_mask(x, dims);
  int64_t n = 1;
  for (int64_t i = 0; i < x->dim(); ++i)
    if (mask[i]) n *= x->shape[i];
  return n;
}

Tensor mean(const Tensor& input, const Dims& dims, bool keepdim, std::optional<DType> dtype) {
  const Tensor x = dtype && *dtype != input->dtype ? to_dtype(input, *dtype) : input;
  FG_CHECK(is_floating(x->dtype), RuntimeError,
           "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. "
           "Got: ", dtype_name(x->dtype) + 6);
  const int64_t n = reduced_count(x, dims);
  Tensor s = sum(x, dims, keepdim);
  Tensor out = div(s, result_like_scalar(static_cast<double>(n), s));
  // the division's node is the mean's: give it torch's name (repr shows grad_fn=<MeanBackward0>)
  if (auto* node = dynamic_cast<FunctionNode*>(out->grad_fn().get()))
    node->name_ = dims.empty() ? "MeanBackward0" : "MeanBackward1";
  return out;
}

Tensor var(const Tensor& x, const Dims& dims, double correction, bool keepdim) {
  FG_CHECK(is_floating(x->dtype), RuntimeError, "std and var only support floating point and complex dtypes");
  const int64_t n = reduced_count(x, dims);
  Tensor mu = mean(x, dims, true);
  Tensor d = sub(x, mu);
  Tensor ss = sum(mul(d, d), dims, keepdim);
  // torch gives nan (inf/nan from 0/0) when n - correction <= 0, with a warning; we keep the value
  return div(ss, result_like_scalar(std::max(0.0, static_cast<double>(n) - correction), ss));
}

Tensor std(const Tensor& x, const Dims& dims, double correction, bool keepdim) {
  Tensor out;
  {
    NoGradGuard ng;
    out = sqrt(var(x, dims, correction, keepdim));
  }
  if (autograd::needs_grad(x)) {
    // d std = (x - mean) / ((n - correction) * std), taken as 0 where std == 0 (torch masks it too;
    // sqrt's own backward would give 0/0 = nan for a constant slice)
    const double denom = std::max(0.0, static_cast<double>(reduced_count(x, dims)) - correction);
    SavedTensor sx(x, false), so(out, true);
    Dims keep = detail::plan_reduce(x, dims, keepdim).keep_shape, in_shape = x->shape;
    Dims d = dims;
    autograd::record("StdBackward0", {x}, {out}, [sx, so, keep, in_shape, d, denom](const TensorList& g, Node& self) {
      Tensor xv = sx.unpack(self);
      Tensor o = expand_reduced(so.unpack(self), keep, in_shape);
      Tensor centred = sub(xv, mean(xv, d, true));
      Tensor r = div(mul(expand_reduced(g[0], keep, in_shape), centred), mul(o, result_like_scalar(denom, o)));
      return TensorList{where(compare(o, result_like_scalar(0.0, o), CmpOp::Eq), zeros_like(r), r)};
    }, /*has_saved=*/true);
  }
  return out;
}

static Tensor amax_amin(const Tensor& x, const Dims& dims, bool keepdim, bool is_max) {
  const char* name = is_max ? "amax" : "amin";
  FG_CHECK(x->numel() > 0, RuntimeError, name, "(): Expected reduction dim to be specified for input.numel() == 0. "
           "Specify the reduction dim with the 'dim' argument.");
  ReducePlan p = plan_reduce(x, dims, keepdim);
  Tensor out;
  if (is_narrow(x->dtype)) {
    out = to_dtype(amax_amin(widened(x), dims, keepdim, is_max), x->dtype);  // exact: the values are x's
  } else {
    out = empty(p.out_shape, x->dtype);
    FG_DISPATCH_ALL(x->dtype, name, [&] { extreme_kernel<scalar_t>(p, is_max, out->data<scalar_t>(), nullptr); });
  }
  if (autograd::needs_grad(x)) {
    SavedTensor sx(x, false), so(out, true);
    Dims keep = p.keep_shape, in_shape = x->shape;
    Dims d = dims;
    autograd::record(is_max ? "AmaxBackward0" : "AminBackward0", {x}, {out},
                     [sx, so, keep, in_shape, d](const TensorList& g, Node& self) {
                       // the gradient is shared evenly among the elements equal to the extreme
                       Tensor xv = sx.unpack(self);
                       Tensor ov = expand_reduced(so.unpack(self), keep, in_shape);
                       Tensor mask = to_dtype(compare(xv, ov, CmpOp::Eq), g[0]->dtype);
                       Tensor count = sum(mask, d, true);
                       return TensorList{div(mul(expand_reduced(g[0], keep, in_shape), mask), count)};
                     }, /*has_saved=*/true);
  }
  return out;
}

Tensor amax(const Tensor& x, const Dims& dims, bool keepdim) { return amax_amin(x, dims, keepdim, true); }
Tensor amin(const Tensor& x, const Dims& dims, bool keepdim) { return amax_amin(x, dims, keepdim, false); }

static std::tuple<Tensor, Tensor> extreme_dim(const Tensor& x, int64_t dim, bool keepdim, bool is_max) {
  const int64_t nd = x->dim();
  dim = wrap_dim(dim, nd);
  FG_CHECK(nd == 0 || x->shape[dim] > 0, IndexError, is_max ? "max" : "min",
           "(): Expected reduction dim ", dim, " to have non-zero size.");
  ReducePlan p = plan_reduce(x, nd == 0 ? Dims{} : Dims{dim}, keepdim);
  Tensor vals = empty(p.out_shape, x->dtype);
  Tensor idx = empty(p.out_shape, DType::Int64);
  if (is_narrow(x->dtype)) {
    Tensor wide_vals;
    std::tie(wide_vals, idx) = extreme_dim(widened(x), dim, keepdim, is_max);
    vals = to_dtype(wide_vals, x->dtype);
  } else if (vals->numel() > 0)
    FG_DISPATCH_ALL(x->dtype, is_max ? "max" : "min",
                    [&] { extreme_kernel<scalar_t>(p, is_max, vals->data<scalar_t>(), idx->data<int64_t>()); });
  if (autograd::needs_grad(x)) {
    SavedTensor si(idx, false);
    Dims keep = p.keep_shape, in_shape = x->shape;
    autograd::record(is_max ? "MaxBackward0" : "MinBackward0", {x}, {vals},
                     [si, keep, in_shape, dim](const TensorList& g, Node& self) {
                       Tensor i = reshape(si.unpack(self), keep);
                       Tensor gk = reshape(g[0], keep);
                       if (in_shape.empty()) return TensorList{reshape(g[0], {})};
                       return TensorList{scatter_add(zeros(in_shape, g[0]->dtype), dim, i, gk)};
                     }, /*has_saved=*/true);
  }
  return {vals, idx};
}

std::tuple<Tensor, Tensor> max_dim(const Tensor& x, int64_t dim, bool keepdim) { return extreme_dim(x, dim, keepdim, true); }
std::tuple<Tensor, Tensor> min_dim(const Tensor& x, int64_t dim, bool keepdim) { return extreme_dim(x, dim, keepdim, false); }

static Tensor arg_extreme(const Tensor& x, std::optional<int64_t> dim, bool keepdim, bool is_max) {
  NoGradGuard ng;
  if (!dim) {
    FG_CHECK(x->numel() > 0, IndexError, is_max ? "argmax" : "argmin",
             "(): Expected reduction dim to be specified for input.numel() == 0.");
    Tensor flat = reshape(alias_detached(x), {-1});
    Tensor i = std::get<1>(extreme_dim(flat, 0, false, is_max));
    if (keepdim) return reshape(i, Dims(x->dim(), 1));
    return i;
  }
  return std::get<1>(extreme_dim(alias_detached(x), *dim, keepdim, is_max));
}

Tensor argmax(const Tensor& x, std::optional<int64_t> dim, bool keepdim) { return arg_extreme(x, dim, keepdim, true); }
Tensor argmin(const Tensor& x, std::optional<int64_t> dim, bool keepdim) { return arg_extreme(x, dim, keepdim, false); }

Tensor logsumexp(const Tensor& x, const Dims& dims, bool keepdim) {
  Tensor xf = is_floating(x->dtype) ? x : to_dtype(x, DType::Float32);
  if (xf->numel() == 0) return log(sum(exp(xf), dims, keepdim));
  // Shift by the max (a constant for autograd: its terms cancel in the gradient, which is softmax).
  Tensor m;
  {
    NoGradGuard ng;
    m = amax(alias_detached(xf), dims, true);
    Tensor finite = compare(abs(m), result_like_scalar(INFINITY, m), CmpOp::Ne);
    m = where(finite, m, zeros_like(m));
  }
  Tensor s = log(sum(exp(sub(xf, m)), dims, true));
  Tensor out = add(s, m);
  if (!keepdim) {
    auto mask = detail::reduced_mask(xf, dims);
    Dims sq;
    for (int64_t i = 0; i < xf->dim(); ++i)
      if (mask[i]) sq.push_back(i);
    out = squeeze(out, sq);
  }
  return out;
}

Tensor sum_to(const Tensor& g, const Dims& shape) {
  if (g->shape == shape) return g;
  const int64_t lead = g->dim() - static_cast<int64_t>(shape.size());
  FG_CHECK(lead >= 0, RuntimeError, "sum_to: cannot reduce ", shape_str(g->shape), " to ", shape_str(shape));
  Dims dims;
  for (int64_t i = 0; i < lead; ++i) dims.push_back(i);
  for (size_t i = 0; i < shape.size(); ++i)
    if (shape[i] == 1 && g->shape[lead + i] != 1) dims.push_back(lead + static_cast<int64_t>(i));
  Tensor r = dims.empty() ? g : sum(g, dims, true);
  if (lead > 0 || r->shape != shape) r = reshape(r, shape);
  return r;
}

}  // namespace fg::ops
