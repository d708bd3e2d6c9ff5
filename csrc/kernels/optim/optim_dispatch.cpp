#include "kernels/cpu_features.h"
#include "kernels/optim/optim_loops.h"

namespace fg::kernels {

const OptimLoops& optim_loops() {
  return for_cpu_level(optim_generic::table(), optim_avx2::table(), optim_avx512::table());
}

}  // namespace fg::kernels
