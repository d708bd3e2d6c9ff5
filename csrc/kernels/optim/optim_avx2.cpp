// Fused optimizer loops built for the avx2 level (see optim_loops.inc).
#include <cmath>
#include <type_traits>

#include "kernels/optim/optim_loops.h"
#include "kernels/parallel.h"

namespace fg::kernels::optim_avx2 {

#include "kernels/optim/optim_loops.inc"

const OptimLoops& table() { return loops(); }

}  // namespace fg::kernels::optim_avx2
