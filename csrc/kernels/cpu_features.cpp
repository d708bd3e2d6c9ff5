#include "kernels/cpu_features.h"

#include <atomic>
#include <cstdlib>
#include <cstring>

namespace fg::kernels {

static CpuLevel detect() {
#if defined(__x86_64__) || defined(__i386__)
  // libgcc's checks include the OS having enabled the AVX/AVX-512 register state (XCR0), so a
  // kernel that disabled AVX-512 in a VM is not mistaken for support.
  __builtin_cpu_init();
  const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  const bool avx512 = avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                      __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq");
  if (avx512) return CpuLevel::AVX512;
  if (avx2) return CpuLevel::AVX2;
#endif
  return CpuLevel::Generic;
}

CpuLevel cpu_level_max() {
  static const CpuLevel best = detect();
  return best;
}

static CpuLevel clamp(CpuLevel level) {
  return static_cast<int>(level) > static_cast<int>(cpu_level_max()) ? cpu_level_max() : level;
}

bool parse_cpu_level(const char* name, CpuLevel* out) {
  if (name == nullptr) return false;
  if (std::strcmp(name, "generic") == 0) *out = CpuLevel::Generic;
  else if (std::strcmp(name, "avx2") == 0) *out = CpuLevel::AVX2;
  else if (std::strcmp(name, "avx512") == 0) *out = CpuLevel::AVX512;
  else return false;
  return true;
}

static CpuLevel initial_level() {
  CpuLevel forced;
  if (parse_cpu_level(std::getenv("FASTGRAD_CPU_LEVEL"), &forced)) return clamp(forced);
  return cpu_level_max();
}

static std::atomic<int>& current() {
  static std::atomic<int> level{static_cast<int>(initial_level())};
  return level;
}

CpuLevel cpu_level() { return static_cast<CpuLevel>(current().load(std::memory_order_relaxed)); }

CpuLevel set_cpu_level(CpuLevel level) {
  const CpuLevel l = clamp(level);
  current().store(static_cast<int>(l), std::memory_order_relaxed);
  return l;
}

const char* cpu_level_name(CpuLevel level) {
  switch (level) {
    case CpuLevel::AVX512: return "avx512";
    case CpuLevel::AVX2: return "avx2";
    default: return "generic";
  }
}

const char* cpu_level_name() { return cpu_level_name(cpu_level()); }

}  // namespace fg::kernels
