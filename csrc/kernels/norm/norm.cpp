#include "kernels/norm/norm.h"

#include "kernels/cpu_features.h"

namespace fg::kernels::norm {

const Isa& isa() {
#if defined(__x86_64__) || defined(__i386__)
  switch (cpu_level()) {
    case CpuLevel::AVX512: return kAvx512;
    case CpuLevel::AVX2: return kAvx2;
    default: break;
  }
#endif
  return kGeneric;
}

}  // namespace fg::kernels::norm
