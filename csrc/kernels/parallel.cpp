#include "kernels/parallel.h"

#include <atomic>
#if defined(__x86_64__) || defined(__i386__)
#include <xmmintrin.h>
#endif

namespace fg {

static std::atomic<int>& thread_count() {
  static std::atomic<int> n{omp_get_max_threads()};
  return n;
}

int get_num_threads() { return thread_count().load(std::memory_order_relaxed); }

void set_num_threads(int n) {
  if (n < 1) n = 1;
  thread_count().store(n, std::memory_order_relaxed);
  omp_set_num_threads(n);
}

void set_flush_denormal_this_thread() {
#if defined(__x86_64__) || defined(__i386__)
  _mm_setcsr(_mm_getcsr() | 0x8040);  // FTZ (bit 15) | DAZ (bit 6)
#endif
}

}  // namespace fg
