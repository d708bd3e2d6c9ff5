// The norm kernels compiled for AVX2 + FMA (the file name sets the flags; see CMakeLists.txt).
#include <cmath>
#include <cstdint>
#include <vector>

#include "kernels/norm/norm.h"

namespace fg::kernels::norm_avx2 {

#include "kernels/norm/norm_kernels.inc"

}  // namespace fg::kernels::norm_avx2

namespace fg::kernels::norm {
const Isa kAvx2 = {norm_avx2::table<float>(), norm_avx2::table<double>()};
}  // namespace fg::kernels::norm
