#include "kernels/cpu_features.h"
#include "kernels/optim/optim_loops.h"

namespace fg::kernels {

const OptimLoops& optim_loops() {
  switch (cpu_level()) {
    case CpuLevel::AVX512: return optim_avx512::table();
    case CpuLevel::AVX2: return optim_avx2::table();
    default: return optim_generic::table();
  }
}

}  // namespace fg::kernels
