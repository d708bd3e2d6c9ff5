#pragma once
// Shared between the dispatcher (gemm.cpp) and the per-ISA kernel files. Each ISA file exports
// single-threaded entry points; gemm.cpp normalises the problem, splits it over threads and picks
// the ISA at run time.
#include <cstddef>
#include <cstdint>

namespace fg::kernels {

// Single-threaded GEMM on strided operands, same contract as gemm_f32/gemm_f64 but requiring
// M, N, K >= 1.
template <typename T>
using GemmFn = void (*)(int64_t M, int64_t N, int64_t K, T alpha, const T* A, int64_t rsa, int64_t csa,
                        const T* B, int64_t rsb, int64_t csb, T beta, T* C, int64_t rsc, int64_t csc);

struct GemmIsa {
  GemmFn<float> f32;
  GemmFn<double> f64;
  int mr_f32, nr_f32, mr_f64, nr_f64;  // register tile, so thread splits align with it
};

extern const GemmIsa kGemmGeneric;
extern const GemmIsa kGemmAvx2;
extern const GemmIsa kGemmAvx512;

// The simple loop kernel: the correctness reference in tests and the fallback off x86.
void gemm_reference_f32(int64_t M, int64_t N, int64_t K, float alpha, const float* A, int64_t rsa,
                        int64_t csa, const float* B, int64_t rsb, int64_t csb, float beta, float* C,
                        int64_t rsc, int64_t csc);
void gemm_reference_f64(int64_t M, int64_t N, int64_t K, double alpha, const double* A, int64_t rsa,
                        int64_t csa, const double* B, int64_t rsb, int64_t csb, double beta, double* C,
                        int64_t rsc, int64_t csc);

// Per-thread 64-byte aligned scratch for packed panels, grown on demand and kept for the thread's
// life so steady-state calls never allocate. Slot 0: packed A, slot 1: packed B.
void* gemm_workspace(int slot, size_t bytes);

}  // namespace fg::kernels
