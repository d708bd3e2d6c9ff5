// AVX2 + FMA variants of the vec kernels: 8 floats / 4 doubles per register. Compare results are
// all-ones lanes used with blendv; exponents are built and read with integer shifts (simd/avx2.inc).
#include <immintrin.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "kernels/vec/vec.h"

namespace fg::kernels::vec_avx2 {

#include "kernels/simd/avx2.inc"
#include "kernels/vec/vec_kernels.inc"

}  // namespace fg::kernels::vec_avx2

namespace fg::kernels::vec {
const Isa kAvx2 = {vec_avx2::table<float>(), vec_avx2::table<double>()};
}  // namespace fg::kernels::vec
