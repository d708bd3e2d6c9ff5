// Matrix products: mm, matmul (1-D, 2-D, batched, broadcast batched) and linear. Every product
// goes through the strided GEMM, so transposed operands (all of backward) are never copied.
#include "autograd/function.h"
#include "kernels/gemm/gemm.h"
#include "kernels/gil.h"
#include "ops/ops.h"

namespace fg::ops {

namespace {

void check_same_dtype(const Tensor& a, const Tensor& b, const char* what) {
  FG_CHECK(a->dtype == b->dtype, RuntimeError, what, " must have the same dtype, but got ", dtype_short_name(a->dtype),
           " and ", dtype_short_name(b->dtype));
  FG_CHECK(a->dtype != DType::Bool, RuntimeError, "\"addmm_impl_cpu_\" not implemented for 'Bool'");
}

template <typename T>
void gemm_typed(int64_t M, int64_t N, int64_t K, const T* A, int64_t rsa, int64_t csa, const T* B, int64_t rsb,
                int64_t csb, T* C, int64_t rsc, int64_t csc, T beta) {
  kernels::GilRelease nogil(M * N * K >= kernels::kGilReleaseMacs);
  if constexpr (std::is_same_v<T, float>) {
    kernels::gemm_f32(M, N, K, 1.0f, A, rsa, csa, B, rsb, csb, beta, C, rsc, csc);
  } else if constexpr (std::is_same_v<T, double>) {
    kernels::gemm_f64(M, N, K, 1.0, A, rsa, csa, B, rsb, csb, beta, C, rsc, csc);
  } else {
    for (int64_t i = 0; i < M; ++i)
      for (int64_t j = 0; j < N; ++j) {
        T s = 0;
        for (int64_t k = 0; k < K; ++k) s += A[i * rsa + k * csa] * B[k * rsb + j * csb];
        C[i * rsc + j * csc] = beta == T(0) ? s : s + beta * C[i * rsc + j * csc];
      }
  }
}

// out[..., n, m] = a[..., n, k] @ b[..., k, m] with broadcast batch dims; no autograd.
Tensor batched_matmul_forward(const Tensor& a, const Tensor& b) {
  if (is_narrow(a->dtype)) return to_dtype(batched_matmul_forward(widened(a), widened(b)), a->dtype);
  const int64_t na = a->dim(), nb = b->dim();
  const int64_t n = a->shape[na - 2], k = a->shape[na - 1], k2 = b->shape[nb - 2], m = b->shape[nb - 1];
  FG_CHECK(k == k2, RuntimeError, "mat1 and mat2 shapes cannot be multiplied (", na == 2 ? n : a->numel() / std::max<int64_t>(k, 1), "x", k,
           " and ", k2, "x", m, ")");
  Dims ba(a->shape.begin(), a->shape.end() - 2), bb(b->shape.begin(), b->shape.end() - 2);
  Dims batch = broadcast_shapes(ba, bb);
  Dims full_a = batch, full_b = batch, out_shape = batch;
  full_a.push_back(n);
  full_a.push_back(k);
  full_b.push_back(k);
  full_b.push_back(m);
  out_shape.push_back(n);
  out_shape.push_back(m);
  Tensor ea = broadcast_to_view(a, full_a), eb = broadcast_to_view(b, full_b);
  Tensor out = empty(out_shape, a->dtype);
  const int64_t nbatch = shape_numel(batch);
  const int64_t bd = static_cast<int64_t>(batch.size());
  FG_DISPATCH_NUMERIC(a->dtype, "matmul", [&] {
    const scalar_t* pa = ea->data<scalar_t>();
    const scalar_t* pb = eb->data<scalar_t>();
    scalar_t* pc = out->data<scalar_t>();
    for (int64_t bi = 0; bi < nbatch; ++bi) {
      int64_t oa = 0, ob = 0, rem = bi;
      for (int64_t d = bd - 1; d >= 0; --d) {
        const int64_t i = rem % batch[d];
        rem /= batch[d];
        oa += i * ea->strides[d];
        ob += i * eb->strides[d];
      }
      gemm_typed<scalar_t>(n, m, k, pa + oa, ea->strides[bd], ea->strides[bd + 1], pb + ob, eb->strides[bd],
                           eb->strides[bd + 1], pc + bi * n * m, m, 1, scalar_t(0));
    }
  });
  return out;
}

Tensor mT(const Tensor& t) { return transpose(t, -2, -1); }

// The differentiable core of matmul: both operands at least 2-D.
Tensor matmul_nd(const Tensor& a, const Tensor& b) {
  check_same_dtype(a, b, "expected m1 and m2");
  Tensor out = batched_matmul_forward(a, b);
  if (autograd::needs_grad(a, b)) {
    SavedTensor sa(b->needs_grad() ? a : nullptr, false), sb(a->needs_grad() ? b : nullptr, false);
    Dims sha = a->shape, shb = b->shape;
    autograd::record(a->dim() == 2 && b->dim() == 2 ? "MmBackward0" : "BmmBackward0", {a, b}, {out},
                     [sa, sb, sha, shb](const TensorList& g, Node& self) {
                       TensorList r(2);
                       if (self.needs_input_grad(0)) r[0] = sum_to(matmul_nd(g[0], mT(sb.unpack(self))), sha);
                       if (self.needs_input_grad(1)) r[1] = sum_to(matmul_nd(mT(sa.unpack(self)), g[0]), shb);
                       return r;
                     }, /*has_saved=*/true);
  }
  return out;
}

}  // namespace

Tensor mm(const Tensor& a, const Tensor& b) {
  FG_CHECK(a->dim() == 2, RuntimeError, "self must be a matrix");
  FG_CHECK(b->dim() == 2, RuntimeError, "mat2 must be a matrix");
  return matmul_nd(a, b);
}

Tensor matmul(const Tensor& a, const Tensor& b) {
  const int64_t na = a->dim(), nb = b->dim();
  FG_CHECK(na > 0 && nb > 0, RuntimeError, "both arguments to matmul need to be at least 1D, but they are ", na,
           "D and ", nb, "D");
  if (na == 1 && nb == 1) {
    FG_CHECK(a->shape[0] == b->shape[0], RuntimeError, "inconsistent tensor size, expected tensor [", a->shape[0],
             "] and src [", b->shape[0], "] to have the same number of elements, but got ", a->shape[0], " and ",
             b->shape[0], " elements respectively");
    check_same_dtype(a, b, "dot : expected both vectors");
    return reshape(matmul_nd(unsqueeze(a, 0), unsqueeze(b, 1)), {});
  }
  if (na == 1) return squeeze(matmul_nd(unsqueeze(a, 0), b), Dims{-2});
  if (nb == 1) return squeeze(matmul_nd(a, unsqueeze(b, 1)), Dims{-1});
  return matmul_nd(a, b);
}

Tensor dot(const Tensor& a, const Tensor& b) {
  FG_CHECK(a->dim() == 1 && b->dim() == 1, RuntimeError, "1D tensors expected, but got ", a->dim(), "D and ", b->dim(),
           "D tensors");
  return matmul(a, b);
}

Tensor linear(const Tensor& x, const Tensor& w, const Tensor& b) {
  FG_CHECK(w->dim() == 2, RuntimeError, "linear(): weight must be 2-D, got ", w->dim(), "-D");
  FG_CHECK(x->dim() >= 1, RuntimeError, "linear(): input must be at least 1-D");
  const int64_t in = w->shape[1], outf = w->shape[0];
  FG_CHECK(x->shape[x->dim() - 1] == in, RuntimeError, "mat1 and mat2 shapes cannot be multiplied (",
           x->numel() / std::max<int64_t>(x->shape[x->dim() - 1], 1), "x", x->shape[x->dim() - 1], " and ", in, "x",
           outf, ")");
  check_same_dtype(x, w, "mat1 and mat2");
  if (b) {
    FG_CHECK(b->dim() == 1 && b->shape[0] == outf, RuntimeError, "linear(): bias must have shape [", outf, "], got ",
             shape_str(b->shape));
    check_same_dtype(x, b, "mat1 and bias");
  }
  Dims out_shape(x->shape.begin(), x->shape.end() - 1);
  out_shape.push_back(outf);
  Tensor out = empty(out_shape, x->dtype);
  const int64_t rows = x->numel() / std::max<int64_t>(in, 1);
  {
    // x is viewed as [rows, in]; a non-collapsible x is copied once
    NoGradGuard ng;
    Tensor x2 = reshape(alias_detached(x), {rows, in});
    if (is_narrow(x->dtype))  // float16 / bfloat16: accumulate in float32, round once
      out = to_dtype(linear(widened(x), widened(w), b ? widened(b) : b), x->dtype);
    else FG_DISPATCH_FLOATING(x->dtype, "linear", [&] {
      scalar_t* pc = out->data<scalar_t>();
      scalar_t beta = 0;
      if (b) {
        // start from the bias in every row, then accumulate x @ w^T onto it (one pass, no temp)
        Tensor bc = contiguous(b);
        const scalar_t* pb = bc->data<scalar_t>();
        for (int64_t r = 0; r < rows; ++r)
          for (int64_t j = 0; j < outf; ++j) pc[r * outf + j] = pb[j];
        beta = 1;
      }
      gemm_typed<scalar_t>(rows, outf, in, x2->data<scalar_t>(), x2->strides[0], x2->strides[1], w->data<scalar_t>(),
                           w->strides[1], w->strides[0], pc, outf, 1, beta);
    });
  }
  if (autograd::needs_grad({&x, &w, &b})) {
    SavedTensor sx(w->needs_grad() ? x : nullptr, false), sw(x->needs_grad() ? w : nullptr, false);
    Dims xs = x->shape;
    autograd::record("AddmmBackward0", {x, w, b}, {out}, [sx, sw, xs, rows, in, outf](const TensorList& g, Node& self) {
      TensorList r(3);
      Tensor g2 = reshape(g[0], {rows, outf});
      if (self.needs_input_grad(0)) r[0] = reshape(mm(g2, sw.unpack(self)), xs);
      if (self.needs_input_grad(1)) r[1] = mm(transpose(g2, 0, 1), reshape(sx.unpack(self), {rows, in}));
      if (self.needs_input_grad(2)) r[2] = sum(g2, {0}, false);
      return r;
    }, /*has_saved=*/true);
  }
  return out;
}

}  // namespace fg::ops
