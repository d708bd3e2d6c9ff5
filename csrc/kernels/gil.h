#pragma once
// Releases the Python GIL around a long kernel so other Python threads run meanwhile. Ops may
// record autograd nodes and call Python hooks, so the GIL is released only around the kernel
// itself, and only when this thread holds it (kernels also run from worker threads and from
// plain C++). The kernel inside must not touch Python objects.
#include <cstdint>

namespace fg::kernels {

// Elementwise work (elements) and GEMM work (multiply-adds) above which releasing pays for the
// save/restore and the reacquire.
constexpr int64_t kGilReleaseElements = 1 << 17;
constexpr int64_t kGilReleaseMacs = int64_t(1) << 23;

class GilRelease {
 public:
  explicit GilRelease(bool release);
  ~GilRelease();
  GilRelease(const GilRelease&) = delete;
  GilRelease& operator=(const GilRelease&) = delete;

 private:
  void* state_ = nullptr;  // PyThreadState*, kept opaque so callers need not include Python.h
};

}  // namespace fg::kernels
