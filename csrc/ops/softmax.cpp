// softmax and log_softmax along one dim, through the max-shifted log-sum-exp so that large
// logits (1e4) stay finite.
#include <cmath>

#include "autograd/function.h"
#include "kernels/gil.h"
#include "kernels/parallel.h"
#include "kernels/vec/vec.h"
#include "ops/ops.h"

namespace fg::ops {

namespace {

// Each row: max (a NaN makes the row NaN), exp(x - max) and its sum, then scale or shift.
template <typename T>
void softmax_rows(const T* in, T* out, int64_t rows, int64_t n, bool log_out) {
  const auto row = kernels::vec::kernels<T>().softmax;
  kernels::GilRelease nogil(rows * n >= kernels::kGilReleaseElements);
  const int64_t grain = std::max<int64_t>(1, kGrainSize / std::max<int64_t>(n, 1));
  parallel_for(0, rows, grain, [&](int64_t b, int64_t e) {
    for (int64_t r = b; r < e; ++r) row(n, in + r * n, out + r * n, log_out);
  });
}

Tensor softmax_forward(const Tensor& x, int64_t dim, bool log_out) {
  Tensor xf = is_floating(x->dtype) ? x : to_dtype(x, DType::Float32);
  if (is_narrow(xf->dtype)) return to_dtype(softmax_forward(widened(xf), dim, log_out), xf->dtype);
  const int64_t nd = xf->dim();
  dim = wrap_dim(dim, nd);
  NoGradGuard ng;
  const bool last = nd == 0 || dim == nd - 1;
  Tensor in = last ? contiguous(alias_detached(xf)) : contiguous(transpose(alias_detached(xf), dim, nd - 1));
  Tensor out = empty(in->shape, in->dtype);
  const int64_t n = nd == 0 ? 1 : in->shape[nd - 1];
  const int64_t rows = n == 0 ? 0 : in->numel() / n;
  if (rows > 0)
    FG_DISPATCH_FLOATING(in->dtype, log_out ? "log_softmax" : "softmax",
                         [&] { softmax_rows<scalar_t>(in->data<scalar_t>(), out->data<scalar_t>(), rows, n, log_out); });
  if (!last) out = contiguous(transpose(out, dim, nd - 1));
  return alias_detached(out);
}

}  // namespace

Tensor softmax(const Tensor& input, int64_t dim, std::optional<DType> dtype) {
  const Tensor x = dtype && *dtype != input->dtype ? to_dtype(input, *dtype) : input;
  Tensor out = softmax_forward(x, dim, false);
  if (autograd::needs_grad(x)) {
    SavedTensor so(out, true);
    autograd::record("SoftmaxBackward0", {x}, {out}, [so, dim](const TensorList& g, Node& self) {
      Tensor y = so.unpack(self);
      Tensor gy = mul(g[0], y);
      return TensorList{sub(gy, mul(y, sum(gy, {dim}, true)))};
    }, /*has_saved=*/true);
  }
  return out;
}

Tensor log_softmax(const Tensor& input, int64_t dim, std::optional<DType> dtype) {
  const Tensor x = dtype && *dtype != input->dtype ? to_dtype(input, *dtype) : input;
  Tensor out = softmax_forward(x, dim, true);
  if (autograd::needs_grad(x)) {
    SavedTensor so(out, true);
    autograd::record("LogSoftmaxBackward0", {x}, {out}, [so, dim](const TensorList& g, Node& self) {
      Tensor y = so.unpack(self);
      return TensorList{sub(g[0], mul(exp(y), sum(g[0], {dim}, true)))};
    }, /*has_saved=*/true);
  }
  return out;
}

}  // namespace fg::ops
