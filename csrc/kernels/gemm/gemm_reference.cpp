// The simplest correct GEMM for any strides: what the fast kernels are tested against.
#include <vector>

#include "kernels/gemm/gemm_internal.h"

namespace fg::kernels {

template <typename T>
static void gemm_simple(int64_t M, int64_t N, int64_t K, T alpha, const T* A, int64_t rsa, int64_t csa,
                        const T* B, int64_t rsb, int64_t csb, T beta, T* C, int64_t rsc, int64_t csc) {
  std::vector<T> row(N);
  for (int64_t i = 0; i < M; ++i) {
    for (int64_t j = 0; j < N; ++j) row[j] = T(0);
    for (int64_t k = 0; k < K; ++k) {
      const T a = A[i * rsa + k * csa];
      const T* b = B + k * rsb;
      for (int64_t j = 0; j < N; ++j) row[j] += a * b[j * csb];
    }
    T* c = C + i * rsc;
    for (int64_t j = 0; j < N; ++j)
      c[j * csc] = beta == T(0) ? alpha * row[j] : alpha * row[j] + beta * c[j * csc];
  }
}

void gemm_reference_f32(int64_t M, int64_t N, int64_t K, float alpha, const float* A, int64_t rsa,
                        int64_t csa, const float* B, int64_t rsb, int64_t csb, float beta, float* C,
                        int64_t rsc, int64_t csc) {
  gemm_simple<float>(M, N, K, alpha, A, rsa, csa, B, rsb, csb, beta, C, rsc, csc);
}
void gemm_reference_f64(int64_t M, int64_t N, int64_t K, double alpha, const double* A, int64_t rsa,
                        int64_t csa, const double* B, int64_t rsb, int64_t csb, double beta, double* C,
                        int64_t rsc, int64_t csc) {
  gemm_simple<double>(M, N, K, alpha, A, rsa, csa, B, rsb, csb, beta, C, rsc, csc);
}

}  // namespace fg::kernels
