#include "kernels/vec/vec.h"

#include "kernels/cpu_features.h"

namespace fg::kernels::vec {

const Isa& isa() { return for_cpu_level(kGeneric, kAvx2, kAvx512); }

}  // namespace fg::kernels::vec
