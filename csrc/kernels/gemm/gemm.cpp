// The GEMM entry points: trivial cases, a layout normalisation so kernels see C with unit stride
// along N, the run-time ISA choice, and the split over threads for problems big enough to pay for
// waking them.
#include "kernels/gemm/gemm.h"

#include <cstdlib>
#include <new>
#include <utility>

#include "kernels/cpu_features.h"
#include "kernels/gemm/gemm_internal.h"
#include "kernels/parallel.h"

namespace fg::kernels {

void* gemm_workspace(int slot, size_t bytes) {
  struct Buffer {
    void* ptr = nullptr;
    size_t cap = 0;
    ~Buffer() { std::free(ptr); }
  };
  thread_local Buffer buffers[2];
  Buffer& b = buffers[slot];
  if (b.cap < bytes) {
    size_t cap = bytes > 2 * b.cap ? bytes : 2 * b.cap;
    cap = (cap + 63) / 64 * 64;
    void* p = std::aligned_alloc(64, cap);
    if (p == nullptr) throw std::bad_alloc();
    std::free(b.ptr);
    b.ptr = p, b.cap = cap;
  }
  return b.ptr;
}

static const GemmIsa& isa_for(CpuLevel level) {
#if defined(__x86_64__) || defined(__i386__)
  switch (level) {
    case CpuLevel::AVX512: return kGemmAvx512;
    case CpuLevel::AVX2: return kGemmAvx2;
    default: break;
  }
#endif
  (void)level;
  return kGemmGeneric;
}

template <typename T> GemmFn<T> fn_of(const GemmIsa& isa);
template <> GemmFn<float> fn_of<float>(const GemmIsa& isa) { return isa.f32; }
template <> GemmFn<double> fn_of<double>(const GemmIsa& isa) { return isa.f64; }

// Below this many multiply-adds (128^3; ~25 us on one core) a second thread's wake-up and the
// split's duplicate packing cost about as much as they save.
constexpr int64_t kParallelMinWork = int64_t(1) << 21;

template <typename T>
static void scale_c(int64_t M, int64_t N, T beta, T* C, int64_t rsc, int64_t csc) {
  for (int64_t i = 0; i < M; ++i)
    for (int64_t j = 0; j < N; ++j) {
      T& c = C[i * rsc + j * csc];
      c = beta == T(0) ? T(0) : beta * c;
    }
}

template <typename T>
static void gemm_impl(int64_t M, int64_t N, int64_t K, T alpha, const T* A, int64_t rsa, int64_t csa,
                      const T* B, int64_t rsb, int64_t csb, T beta, T* C, int64_t rsc, int64_t csc) {
  if (M <= 0 || N <= 0) return;
  if (K <= 0 || alpha == T(0)) return scale_c(M, N, beta, C, rsc, csc);

  // C^T = B^T A^T: kernels vectorise along N, so make that C's unit-stride direction, and turn a
  // column result (N == 1) into the row form the matrix-vector kernels take.
  const bool swap = (N == 1 && M > 1) || (M > 1 && csc != 1 && rsc == 1);
  if (swap) {
    std::swap(M, N);
    std::swap(A, B);
    std::swap(rsa, csa);
    std::swap(rsb, csb);
    std::swap(rsa, rsb);
    std::swap(csa, csb);
    std::swap(rsc, csc);
  }

  const CpuLevel level = cpu_level();
  const GemmIsa& isa = isa_for(level);
  const GemmFn<T> fn = fn_of<T>(isa);
  const int mr = sizeof(T) == 4 ? isa.mr_f32 : isa.mr_f64;
  const int nr = sizeof(T) == 4 ? isa.nr_f32 : isa.nr_f64;

  int nt = get_num_threads();
  if (M * N * K < kParallelMinWork || omp_in_parallel()) nt = 1;
  if (nt <= 1) return fn(M, N, K, alpha, A, rsa, csa, B, rsb, csb, beta, C, rsc, csc);

  // Grid of tm x tn blocks, one per thread, aligned to the register tile; pick the grid whose
  // largest block is smallest (ties: fewer split rows, which keeps B's packing per thread small).
  int64_t best_cost = -1, best_mb = M, best_nb = N;
  for (int tm = 1; tm <= nt; ++tm) {
    if (nt % tm) continue;
    const int tn = nt / tm;
    const int64_t mb = ((M + tm - 1) / tm + mr - 1) / mr * mr;
    const int64_t nb = ((N + tn - 1) / tn + nr - 1) / nr * nr;
    const int64_t cost = (mb < M ? mb : M) * (nb < N ? nb : N) + (mb + nb) * 8;
    if (best_cost < 0 || cost < best_cost) best_cost = cost, best_mb = mb, best_nb = nb;
  }
  const int64_t gm = (M + best_mb - 1) / best_mb, gn = (N + best_nb - 1) / best_nb;
  const int64_t mb = best_mb, nb = best_nb;
  parallel_for(0, gm * gn, 1, [&](int64_t b, int64_t e) {
    for (int64_t t = b; t < e; ++t) {
      const int64_t i0 = t / gn * mb, j0 = t % gn * nb;
      const int64_t m = M - i0 < mb ? M - i0 : mb, n = N - j0 < nb ? N - j0 : nb;
      fn(m, n, K, alpha, A + i0 * rsa, rsa, csa, B + j0 * csb, rsb, csb, beta, C + i0 * rsc + j0 * csc,
         rsc, csc);
    }
  });
}

void gemm_f32(int64_t M, int64_t N, int64_t K, float alpha, const float* A, int64_t rsa, int64_t csa,
              const float* B, int64_t rsb, int64_t csb, float beta, float* C, int64_t rsc, int64_t csc) {
  DenormalScope ftz;  // the small direct paths run here, outside parallel_for
  gemm_impl<float>(M, N, K, alpha, A, rsa, csa, B, rsb, csb, beta, C, rsc, csc);
}

void gemm_f64(int64_t M, int64_t N, int64_t K, double alpha, const double* A, int64_t rsa, int64_t csa,
              const double* B, int64_t rsb, int64_t csb, double beta, double* C, int64_t rsc, int64_t csc) {
  DenormalScope ftz;  // the small direct paths run here, outside parallel_for
  gemm_impl<double>(M, N, K, alpha, A, rsa, csa, B, rsb, csb, beta, C, rsc, csc);
}

}  // namespace fg::kernels
