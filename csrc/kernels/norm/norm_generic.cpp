// The norm kernels compiled for plain x86-64 (SSE2) (the file name sets the flags; see CMakeLists.txt).
#include <cmath>
#include <cstdint>
#include <vector>

#include "kernels/norm/norm.h"

namespace fg::kernels::norm_generic {

#include "kernels/norm/norm_kernels.inc"

}  // namespace fg::kernels::norm_generic

namespace fg::kernels::norm {
const Isa kGeneric = {norm_generic::table<float>(), norm_generic::table<double>()};
}  // namespace fg::kernels::norm
