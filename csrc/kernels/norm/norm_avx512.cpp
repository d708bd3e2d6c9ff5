// The norm kernels compiled for AVX-512 (the file name sets the flags; see CMakeLists.txt).
#include <cmath>
#include <cstdint>
#include <vector>

#include "kernels/norm/norm.h"

namespace fg::kernels::norm_avx512 {

#include "kernels/norm/norm_kernels.inc"

}  // namespace fg::kernels::norm_avx512

namespace fg::kernels::norm {
const Isa kAvx512 = {norm_avx512::table<float>(), norm_avx512::table<double>()};
}  // namespace fg::kernels::norm
