#pragma once
// General matrix multiply on strided operands, the one entry point every matmul in fastgrad uses.
//
//   C[i, j] = alpha * sum_k A[i, k] * B[k, j] + beta * C[i, j]
//
// A is M x K with element strides (rsa, csa); B is K x N with (rsb, csb); C is M x N with (rsc, csc).
// Strides are in elements and may be any value (a transposed operand is just swapped strides), so
// callers never copy to make an operand contiguous. beta == 0 means C is written without being read
// (NaN/garbage in C does not leak through), as BLAS does.
#include <cstdint>

namespace fg::kernels {

void gemm_f32(int64_t M, int64_t N, int64_t K, float alpha,
              const float* A, int64_t rsa, int64_t csa,
              const float* B, int64_t rsb, int64_t csb,
              float beta, float* C, int64_t rsc, int64_t csc);

void gemm_f64(int64_t M, int64_t N, int64_t K, double alpha,
              const double* A, int64_t rsa, int64_t csa,
              const double* B, int64_t rsb, int64_t csb,
              double beta, double* C, int64_t rsc, int64_t csc);

}  // namespace fg::kernels
