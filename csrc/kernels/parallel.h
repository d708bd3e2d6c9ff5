#pragma once
// The one way kernels go parallel. Small work runs on the calling thread: an OpenMP fork/join costs
// microseconds, which is more than a small op itself, and nested regions would oversubscribe 2 cores.
#include <omp.h>

#include <cstdint>

namespace fg {

// Below this many elements an elementwise loop stays on one thread (PyTorch's value).
constexpr int64_t kGrainSize = 32768;

int get_num_threads();
void set_num_threads(int n);

// Denormals make float math 50-100x slower (decaying weights, tiny gradients); every thread that
// runs kernels sets flush-to-zero / denormals-are-zero once.
void set_flush_denormal_this_thread();
namespace detail {
inline thread_local bool flush_denormal_done = false;
}
inline void ensure_flush_denormal() {
  if (!detail::flush_denormal_done) {
    set_flush_denormal_this_thread();
    detail::flush_denormal_done = true;
  }
}

// FTZ/DAZ for the duration of a kernel, then the caller's MXCSR back. Setting it for good on the
// calling thread would change the Python thread's own float semantics (sys.float_info.min / 4 == 0,
// numpy's subnormals flushed) for everything else in the process; torch leaves that to an explicit
// torch.set_flush_denormal. A get/set pair costs a few nanoseconds per kernel.
struct DenormalScope {
#if defined(__x86_64__) || defined(__i386__)
  unsigned saved;
  DenormalScope() : saved(__builtin_ia32_stmxcsr()) { __builtin_ia32_ldmxcsr(saved | 0x8040u); }
  ~DenormalScope() { __builtin_ia32_ldmxcsr(saved); }
#endif
  DenormalScope(const DenormalScope&) = delete;
  DenormalScope& operator=(const DenormalScope&) = delete;
};

// Calls f(b, e) on contiguous chunks covering [begin, end), at most one chunk per thread and no
// chunk smaller than grain. f must not throw (an exception cannot leave an OpenMP region).
template <class F>
void parallel_for(int64_t begin, int64_t end, int64_t grain, const F& f) {
  if (begin >= end) return;
  const int64_t n = end - begin;
  if (grain < 1) grain = 1;
  int nt = get_num_threads();
  if (n <= grain || nt <= 1 || omp_in_parallel()) {
    DenormalScope ftz;
    f(begin, end);
    return;
  }
  const int64_t max_chunks = (n + grain - 1) / grain;
  if (max_chunks < nt) nt = static_cast<int>(max_chunks);
#pragma omp parallel num_threads(nt)
  {
    DenormalScope ftz;  // every thread, the calling one included, restores its own MXCSR after
    const int64_t t = omp_get_thread_num(), T = omp_get_num_threads();
    const int64_t chunk = (n + T - 1) / T;
    const int64_t b = begin + t * chunk;
    const int64_t e = b + chunk < end ? b + chunk : end;
    if (b < e) f(b, e);
  }
}

}  // namespace fg
