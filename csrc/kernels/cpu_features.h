#pragma once
// Which instruction-set variant of the kernels runs. The build compiles each kernel once per level
// (no -march flags elsewhere) so one binary runs on any x86-64; this picks the best one at run time.
namespace fg::kernels {

enum class CpuLevel : int { Generic = 0, AVX2 = 1, AVX512 = 2 };

// The level kernels dispatch on: the best the CPU supports, or FASTGRAD_CPU_LEVEL=generic|avx2|avx512
// when set (clamped to what the CPU has; an unknown value is ignored). Cached after the first call.
CpuLevel cpu_level();
const char* cpu_level_name();
const char* cpu_level_name(CpuLevel level);

// The best level this CPU (and OS, for the wide register state) supports.
CpuLevel cpu_level_max();

// For tests: forces a level, clamped to cpu_level_max(). Returns the level actually in effect.
CpuLevel set_cpu_level(CpuLevel level);

// "generic"/"avx2"/"avx512" -> level; false for anything else.
bool parse_cpu_level(const char* name, CpuLevel* out);

// The variant for the current cpu_level() among a kernel family's three (its dispatch table, say).
// Looked up per call, so set_cpu_level takes effect at once.
template <typename T>
const T& for_cpu_level(const T& generic, const T& avx2, const T& avx512) {
  switch (cpu_level()) {
    case CpuLevel::AVX512: return avx512;
    case CpuLevel::AVX2: return avx2;
    default: return generic;
  }
}

}  // namespace fg::kernels
