// Fused optimizer loops built for the generic level (see optim_loops.inc).
#include <cmath>
#include <type_traits>

#include "kernels/optim/optim_loops.h"
#include "kernels/parallel.h"

namespace fg::kernels::optim_generic {

#include "kernels/optim/optim_loops.inc"

const OptimLoops& table() { return loops(); }

}  // namespace fg::kernels::optim_generic
