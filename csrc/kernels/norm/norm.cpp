#include "kernels/norm/norm.h"

#include "kernels/cpu_features.h"

namespace fg::kernels::norm {

const Isa& isa() { return for_cpu_level(kGeneric, kAvx2, kAvx512); }

}  // namespace fg::kernels::norm
