// layer_norm and batch_norm: one op and one graph node each (torch's NativeLayerNormBackward0 and
// NativeBatchNormBackward0), with fused row / channel kernels (kernels/norm) for the forward and
// the backward. Under create_graph the backward is written with differentiable ops instead, from
// the saved input, so double backward works as in torch.
#include <algorithm>
#include <cmath>

#include "autograd/function.h"
#include "kernels/gil.h"
#include "kernels/norm/norm.h"
#include "kernels/parallel.h"
#include "ops/ops.h"

namespace fg::ops {

namespace {

template <typename T>
T* data_or_null(const Tensor& t) {
  return t ? t->data<T>() : nullptr;
}

Tensor detached_contiguous(const Tensor& t) { return t ? contiguous(alias_detached(t)) : nullptr; }

void check_param_dtype(const Tensor& p, const char* what, const Tensor& x) {
  FG_CHECK(!p || p->dtype == x->dtype, RuntimeError, "expected ", what, " to have the input's dtype ",
           dtype_name(x->dtype), ", got ", dtype_name(p->dtype));
}

Dims iota_dims(int64_t begin, int64_t end) {
  Dims d;
  for (int64_t i = begin; i < end; ++i) d.push_back(i);
  return d;
}

// ---------------------------------------------------------------- layer_norm

struct LayerNormGeometry {
  int64_t rows, n;  // rows of the flattened input and the normalized size
  int64_t axis;     // first normalized dim
};

LayerNormGeometry check_layer_norm(const Tensor& x, const Dims& normalized_shape, const Tensor& weight,
                                   const Tensor& bias) {
  const Dims& norm = normalized_shape;
  FG_CHECK(!normalized_shape.empty(), RuntimeError,
           "Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, but got "
           "normalized_shape = ", shape_str(norm));
  const int64_t nd = x->dim(), k = static_cast<int64_t>(normalized_shape.size());
  bool match = nd >= k;
  for (int64_t i = 0; match && i < k; ++i) match = x->shape[nd - k + i] == normalized_shape[i];
  if (!match) {
    std::string expected = "[*";
    for (int64_t s : normalized_shape) expected += ", " + std::to_string(s);
    throw RuntimeError(str("Given normalized_shape=", shape_str(norm), ", expected input with shape ", expected,
                           "], but got input of size", shape_str(x->shape)));
  }
  FG_CHECK(!weight || weight->shape == norm, RuntimeError, "Expected weight to be of same shape as normalized_shape, "
           "but got weight of shape ", shape_str(weight->shape), " and normalized_shape = ", shape_str(norm));
  FG_CHECK(!bias || bias->shape == norm, RuntimeError, "Expected bias to be of same shape as normalized_shape, "
           "but got bias of shape ", shape_str(bias->shape), " and normalized_shape = ", shape_str(norm));
  FG_CHECK(is_floating(x->dtype), RuntimeError, "layer_norm: expected a floating point input, got ",
           dtype_name(x->dtype));
  check_param_dtype(weight, "weight", x);
  check_param_dtype(bias, "bias", x);
  const int64_t n = shape_numel(norm);
  return {n == 0 ? 0 : x->numel() / n, n, nd - k};
}

template <typename T>
void layer_norm_forward(const LayerNormGeometry& g, const Tensor& x, const Tensor& w, const Tensor& b, double eps,
                        const Tensor& y, const Tensor& mean, const Tensor& rstd) {
  const auto rows_fn = kernels::norm::norm_table<T>().layer_norm_rows;
  const T *xd = x->data<T>(), *wd = data_or_null<T>(w), *bd = data_or_null<T>(b);
  T *yd = y->data<T>(), *md = mean->data<T>(), *rd = rstd->data<T>();
  const int64_t n = g.n;
  kernels::GilRelease nogil(g.rows * n >= kernels::kGilReleaseElements);
  parallel_for(0, g.rows, std::max<int64_t>(1, kGrainSize / std::max<int64_t>(n, 1)), [&](int64_t r0, int64_t r1) {
    rows_fn(r1 - r0, n, xd + r0 * n, wd, bd, eps, yd + r0 * n, md + r0, rd + r0);
  });
}

// dx (when dx is given) over rows, then dw / db over column blocks: each thread owns its columns,
// so no partial sums need merging.
template <typename T>
void layer_norm_backward(const LayerNormGeometry& g, const Tensor& dy, const Tensor& x, const Tensor& mean,
                         const Tensor& rstd, const Tensor& w, const Tensor& dx, const Tensor& dw, const Tensor& db) {
  const auto& k = kernels::norm::norm_table<T>();
  const T *dyd = dy->data<T>(), *xd = x->data<T>(), *md = mean->data<T>(), *rd = rstd->data<T>();
  const T* wd = data_or_null<T>(w);
  const int64_t n = g.n, rows = g.rows;
  kernels::GilRelease nogil(rows * n >= kernels::kGilReleaseElements);
  if (dx) {
    T* dxd = dx->data<T>();
    parallel_for(0, rows, std::max<int64_t>(1, kGrainSize / std::max<int64_t>(n, 1)), [&](int64_t r0, int64_t r1) {
      k.layer_norm_dx_rows(r1 - r0, n, dyd + r0 * n, xd + r0 * n, md + r0, rd + r0, wd, dxd + r0 * n);
    });
  }
  if (dw || db) {
    T *dwd = data_or_null<T>(dw), *dbd = data_or_null<T>(db);
    parallel_for(0, n, std::max<int64_t>(16, kGrainSize / std::max<int64_t>(rows, 1)), [&](int64_t c0, int64_t c1) {
      k.layer_norm_param_cols(rows, c1 - c0, n, dyd + c0, xd + c0, md, rd, dwd ? dwd + c0 : nullptr,
                              dbd ? dbd + c0 : nullptr);
    });
  }
}

// ---------------------------------------------------------------- batch_norm

// The input seen as (N, C, S): S is the product of the dims after the channel dim.
struct ChannelGeometry {
  int64_t N, C, S;
  int64_t count() const { return N * S; }
};

ChannelGeometry check_batch_norm(const Tensor& x, const Tensor& running_mean, const Tensor& running_var,
                                 const Tensor& weight, const Tensor& bias, bool training) {
  FG_CHECK(x->dim() >= 2, IndexError, "batch_norm: expected an input of at least 2 dims (N, C, ...), got ",
           x->dim(), "-D input of size ", shape_str(x->shape));
  FG_CHECK(is_floating(x->dtype), RuntimeError, "batch_norm: expected a floating point input, got ",
           dtype_name(x->dtype));
  const int64_t C = x->shape[1];
  const std::pair<const Tensor*, const char*> params[] = {
      {&weight, "weight"}, {&bias, "bias"}, {&running_mean, "running_mean"}, {&running_var, "running_var"}};
  for (const auto& [p, name] : params) {
    if (!*p) continue;
    FG_CHECK((*p)->numel() == C, RuntimeError, name, " should contain ", C, " elements not ", (*p)->numel(),
             " (one per channel: the input's size ", C, " at dim 1)");
    check_param_dtype(*p, name, x);
  }
  if (!training) {
    FG_CHECK(running_mean, RuntimeError, "running_mean must be defined in evaluation mode");
    FG_CHECK(running_var, RuntimeError, "running_var must be defined in evaluation mode");
  }
  FG_CHECK(!(running_mean && running_mean->needs_grad() && training), RuntimeError,
           "batch_norm: running_mean is updated in place and must not require grad");
  FG_CHECK(!(running_var && running_var->needs_grad() && training), RuntimeError,
           "batch_norm: running_var is updated in place and must not require grad");
  const int64_t N = x->shape[0];
  return {N, C, C == 0 || N == 0 ? 0 : x->numel() / (N * C)};
}

// Per channel sums (double) of the training statistics or of the backward's reductions.
template <typename T>
void channel_sums(const ChannelGeometry& g, const T* a, const T* a_center, const T* b, const T* b_center,
                  double* out) {
  const auto dot = kernels::norm::norm_table<T>().channel_dot;
  const int64_t per_channel = std::max<int64_t>(g.count(), 1);
  parallel_for(0, g.C, std::max<int64_t>(g.S == 1 ? 16 : 1, kGrainSize / per_channel), [&](int64_t c0, int64_t c1) {
    dot(g.N, g.C, g.S, c0, c1, a, a_center, b, b_center, out + c0);
  });
}

template <typename T>
void channel_affine(const ChannelGeometry& g, const T* a, const T* pa, const T* b, const T* pb, const T* pc, T* y) {
  const auto affine = kernels::norm::norm_table<T>().channel_affine;
  parallel_for(0, g.N, std::max<int64_t>(1, kGrainSize / std::max<int64_t>(g.C * g.S, 1)),
               [&](int64_t n0, int64_t n1) { affine(g.C, g.S, n0, n1, a, pa, b, pb, pc, y); });
}

// Writes v into a running-statistics buffer of any layout and bumps its version (an in-place update).
template <typename T>
void store_running(const Tensor& buf, const std::vector<T>& v) {
  Tensor values = empty(buf->shape, buf->dtype);
  std::copy(v.begin(), v.end(), values->data<T>());
  copy_into(buf, values);
  buf->bump_version();
}
template <typename T>
std::vector<T> load_running(const Tensor& buf) {
  Tensor c = contiguous(alias_detached(buf));
  const T* d = c->data<T>();
  return std::vector<T>(d, d + c->numel());
}

// Training statistics with torch's CPU arithmetic: sums in double, the mean and the sum of squared
// deviations rounded to T, var = var_sum / count in T, invstd = 1 / sqrt(var + eps) in double, and
// running stats updated in double from the rounded values (unbiased variance for running_var).
template <typename T>
void batch_stats(const ChannelGeometry& g, const T* x, const Tensor& running_mean, const Tensor& running_var,
                 double momentum, double eps, T* mean, T* invstd) {
  const int64_t C = g.C, count = g.count();
  std::vector<double> acc(C);
  channel_sums<T>(g, x, nullptr, nullptr, nullptr, acc.data());
  for (int64_t c = 0; c < C; ++c) mean[c] = static_cast<T>(acc[c] / count);
  channel_sums<T>(g, x, mean, x, mean, acc.data());
  std::vector<T> rm, rv;
  if (running_mean) rm = load_running<T>(running_mean);
  if (running_var) rv = load_running<T>(running_var);
  for (int64_t c = 0; c < C; ++c) {
    const T var_sum = static_cast<T>(acc[c]);
    invstd[c] = static_cast<T>(1.0 / std::sqrt(static_cast<double>(var_sum / static_cast<T>(count)) + eps));
    if (running_mean) rm[c] = static_cast<T>(momentum * mean[c] + (1 - momentum) * static_cast<double>(rm[c]));
    if (running_var) {
      const T unbiased = var_sum / static_cast<T>(count - 1);
      rv[c] = static_cast<T>(momentum * unbiased + (1 - momentum) * static_cast<double>(rv[c]));
    }
  }
  if (running_mean) store_running<T>(running_mean, rm);
  if (running_var) store_running<T>(running_var, rv);
}

// y = x * alpha[c] + beta[c] with alpha = invstd * w, beta = b - mean * alpha (torch's form).
template <typename T>
void batch_norm_apply(const ChannelGeometry& g, const T* x, const T* mean, const T* invstd, const T* w, const T* b,
                      T* y) {
  std::vector<T> alpha(g.C), beta(g.C);
  for (int64_t c = 0; c < g.C; ++c) {
    alpha[c] = invstd[c] * (w ? w[c] : T(1));
    beta[c] = (b ? b[c] : T(0)) - mean[c] * alpha[c];
  }
  channel_affine<T>(g, x, alpha.data(), nullptr, nullptr, beta.data(), y);
}

// The fused backward. Training: dx = (dy - mean(dy) - (x - mean) * invstd^2 * mean(dy * (x - mean)))
// * invstd * w, as dy * A + x * B + K per channel; eval (fixed statistics): dx = dy * invstd * w.
template <typename T>
void batch_norm_backward(const ChannelGeometry& g, bool training, const T* dy, const T* x, const T* mean,
                         const T* invstd, const T* w, T* dx, T* dw, T* db) {
  const int64_t C = g.C;
  std::vector<double> sum_dy(C), dot(C);
  channel_sums<T>(g, dy, nullptr, nullptr, nullptr, sum_dy.data());
  if (dw || (dx && training)) channel_sums<T>(g, dy, nullptr, x, mean, dot.data());
  if (dx) {
    std::vector<T> A(C), B(C), K(C);
    const double count = static_cast<double>(std::max<int64_t>(g.count(), 1));
    for (int64_t c = 0; c < C; ++c) {
      const double a = static_cast<double>(invstd[c]) * (w ? w[c] : T(1));
      A[c] = static_cast<T>(a);
      if (training) {
        const double k = dot[c] * invstd[c] * invstd[c] / count;
        B[c] = static_cast<T>(-a * k);
        K[c] = static_cast<T>(a * (mean[c] * k - sum_dy[c] / count));
      } else {
        B[c] = 0;
        K[c] = 0;
      }
    }
    if (training) channel_affine<T>(g, dy, A.data(), x, B.data(), K.data(), dx);
    else channel_affine<T>(g, dy, A.data(), nullptr, nullptr, K.data(), dx);
  }
  for (int64_t c = 0; dw && c < C; ++c) dw[c] = static_cast<T>(dot[c] * invstd[c]);
  for (int64_t c = 0; db && c < C; ++c) db[c] = static_cast<T>(sum_dy[c]);
}

}  // namespace

Tensor layer_norm(const Tensor& input, const Dims& normalized_shape, const Tensor& weight, const Tensor& bias,
                  double eps) {
  if (is_narrow(input->dtype)) {  // float16 / bfloat16 through float32, differentiably (to_dtype records)
    auto wide = [](const Tensor& t) { return t ? to_dtype(t, wide_dtype(t->dtype)) : t; };
    return to_dtype(layer_norm(wide(input), normalized_shape, wide(weight), wide(bias), eps), input->dtype);
  }
  const LayerNormGeometry geo = check_layer_norm(input, normalized_shape, weight, bias);
  Tensor x = contiguous(alias_detached(input));
  Tensor w = detached_contiguous(weight), b = detached_contiguous(bias);
  Tensor y = empty(x->shape, x->dtype), row_mean = empty(Dims{geo.rows}, x->dtype),
         row_rstd = empty(Dims{geo.rows}, x->dtype);
  if (geo.rows > 0 && geo.n > 0)
    FG_DISPATCH_FLOATING(x->dtype, "layer_norm", [&] { layer_norm_forward<scalar_t>(geo, x, w, b, eps, y, row_mean, row_rstd); });
  if (autograd::needs_grad(input, weight, bias)) {
    SavedTensor sx(input, false), sw(weight, false), smean(row_mean, false), srstd(row_rstd, false);
    autograd::record("NativeLayerNormBackward0", {input, weight, bias}, {y},
                     [sx, sw, smean, srstd, geo, eps](const TensorList& g, Node& self) {
                       TensorList r(3);
                       Tensor xv = sx.unpack(self), wv = sw.defined() ? sw.unpack(self) : nullptr;
                       const Dims norm_dims = iota_dims(geo.axis, xv->dim()), batch_dims = iota_dims(0, geo.axis);
                       if (GradMode::is_enabled()) {
                         // create_graph: the same formulas with differentiable ops, the statistics recomputed
                         // from x so that their dependence on x is part of the graph
                         Tensor xc = sub(xv, mean(xv, norm_dims, true));
                         Tensor rstd_d = rsqrt(add(mean(mul(xc, xc), norm_dims, true), scalar_tensor(eps, xv->dtype)));
                         Tensor xhat = mul(xc, rstd_d);
                         Tensor gw = wv ? mul(g[0], wv) : g[0];
                         if (self.needs_input_grad(0))
                           r[0] = mul(rstd_d, sub(sub(gw, mean(gw, norm_dims, true)),
                                                  mul(xhat, mean(mul(gw, xhat), norm_dims, true))));
                         if (self.needs_input_grad(1)) r[1] = sum(mul(g[0], xhat), batch_dims, false);
                         if (self.needs_input_grad(2)) r[2] = sum(g[0], batch_dims, false);
                         return r;
                       }
                       Tensor dy = contiguous(g[0]), xc = contiguous(xv), wc = wv ? contiguous(wv) : nullptr;
                       const Dims pshape(xv->shape.begin() + geo.axis, xv->shape.end());
                       if (self.needs_input_grad(0)) r[0] = empty(xc->shape, xc->dtype);
                       if (self.needs_input_grad(1)) r[1] = empty(pshape, xc->dtype);
                       if (self.needs_input_grad(2)) r[2] = empty(pshape, xc->dtype);
                       if (geo.n == 0) return r;
                       if (geo.rows == 0) {  // no rows: the parameter gradients are sums over nothing
                         for (int i = 1; i < 3; ++i)
                           if (r[i]) fill_(r[i], 0.0);
                         return r;
                       }
                       Tensor mv = smean.unpack(self), rv = srstd.unpack(self);
                       FG_DISPATCH_FLOATING(xc->dtype, "layer_norm_backward", [&] {
                         layer_norm_backward<scalar_t>(geo, dy, xc, mv, rv, wc, r[0], r[1], r[2]);
                       });
                       return r;
                     }, /*has_saved=*/true);
  }
  return y;
}

Tensor batch_norm(const Tensor& input, const Tensor& running_mean, const Tensor& running_var, const Tensor& weight,
                  const Tensor& bias, bool training, double momentum, double eps) {
  const ChannelGeometry geo = check_batch_norm(input, running_mean, running_var, weight, bias, training);
  Tensor x = contiguous(alias_detached(input));
  Tensor w = detached_contiguous(weight), b = detached_contiguous(bias);
  const DType dt = x->dtype;
  Tensor y = empty(x->shape, dt), save_mean = empty(Dims{geo.C}, dt), save_invstd = empty(Dims{geo.C}, dt);
  FG_DISPATCH_FLOATING(dt, "batch_norm", [&] {
    kernels::GilRelease nogil(x->numel() >= kernels::kGilReleaseElements);
    scalar_t *md = save_mean->data<scalar_t>(), *id = save_invstd->data<scalar_t>();
    if (training && x->numel() == 0) {
      // an empty batch has no statistics: torch leaves the running stats as they are
      std::fill(md, md + geo.C, scalar_t(0));
      std::fill(id, id + geo.C, scalar_t(0));
    } else if (training) {
      batch_stats<scalar_t>(geo, x->data<scalar_t>(), running_mean, running_var, momentum, eps, md, id);
    } else {
      // eval: the running statistics, invstd = 1 / sqrt(var + eps) in T as torch's kernel
      const std::vector<scalar_t> rm = load_running<scalar_t>(running_mean), rv = load_running<scalar_t>(running_var);
      for (int64_t c = 0; c < geo.C; ++c) {
        md[c] = rm[c];
        id[c] = scalar_t(1) / std::sqrt(rv[c] + static_cast<scalar_t>(eps));
      }
    }
    batch_norm_apply<scalar_t>(geo, x->data<scalar_t>(), md, id, data_or_null<scalar_t>(w),
                               data_or_null<scalar_t>(b), y->data<scalar_t>());
  });
  if (autograd::needs_grad(input, weight, bias)) {
    SavedTensor sx(input, false), sw(weight, false), smean(save_mean, false), sinvstd(save_invstd, false);
    autograd::record("NativeBatchNormBackward0", {input, weight, bias}, {y},
                     [sx, sw, smean, sinvstd, geo, training, eps](const TensorList& g, Node& self) {
                       TensorList r(3);
                       Tensor xv = sx.unpack(self), wv = sw.defined() ? sw.unpack(self) : nullptr;
                       Tensor mv = smean.unpack(self), iv = sinvstd.unpack(self);
                       Dims stat_dims = {0};  // every dim but the channel dim
                       for (int64_t d = 2; d < xv->dim(); ++d) stat_dims.push_back(d);
                       Dims bshape(xv->dim(), 1);
                       bshape[1] = geo.C;
                       if (GradMode::is_enabled()) {
                         // create_graph: differentiable ops; in training the statistics are recomputed from x
                         Tensor xc, inv;
                         if (training) {
                           xc = sub(xv, mean(xv, stat_dims, true));
                           inv = rsqrt(add(mean(mul(xc, xc), stat_dims, true), scalar_tensor(eps, xv->dtype)));
                         } else {
                           xc = sub(xv, reshape(mv, bshape));
                           inv = reshape(iv, bshape);
                         }
                         Tensor xhat = mul(xc, inv);
                         Tensor gw = wv ? mul(g[0], reshape(wv, bshape)) : g[0];
                         if (self.needs_input_grad(0)) {
                           if (training)
                             r[0] = mul(inv, sub(sub(gw, mean(gw, stat_dims, true)),
                                                 mul(xhat, mean(mul(gw, xhat), stat_dims, true))));
                           else
                             r[0] = mul(gw, inv);
                         }
                         if (self.needs_input_grad(1)) r[1] = sum(mul(g[0], xhat), stat_dims, false);
                         if (self.needs_input_grad(2)) r[2] = sum(g[0], stat_dims, false);
                         return r;
                       }
                       Tensor dy = contiguous(g[0]), xc = contiguous(xv), wc = wv ? contiguous(wv) : nullptr;
                       if (self.needs_input_grad(0)) r[0] = empty(xc->shape, xc->dtype);
                       if (self.needs_input_grad(1)) r[1] = empty(Dims{geo.C}, xc->dtype);
                       if (self.needs_input_grad(2)) r[2] = empty(Dims{geo.C}, xc->dtype);
                       FG_DISPATCH_FLOATING(xc->dtype, "batch_norm_backward", [&] {
                         kernels::GilRelease nogil(xc->numel() >= kernels::kGilReleaseElements);
                         batch_norm_backward<scalar_t>(geo, training, dy->data<scalar_t>(), xc->data<scalar_t>(),
                                                       mv->data<scalar_t>(), iv->data<scalar_t>(),
                                                       data_or_null<scalar_t>(wc), data_or_null<scalar_t>(r[0]),
                                                       data_or_null<scalar_t>(r[1]), data_or_null<scalar_t>(r[2]));
                       });
                       return r;
                     }, /*has_saved=*/true);
  }
  return y;
}

}  // namespace fg::ops
