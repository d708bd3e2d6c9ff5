#pragma once
// Element conversion between any two of the ten storage types, as torch's casts do it (c10::convert):
// float to int8/int16/int32 truncates through int32 (out of range and NaN give INT32_MIN, then the low
// bits), float to uint8 through int64 (so -1.0 is 255), integers wrap modulo 2^bits, anything to bool is
// `!= 0`, and the 16-bit floats round to nearest even from float.
#include <cstdint>
#include <type_traits>

#include "tensor/half.h"

namespace fg {

template <typename T>
constexpr bool is_half_v = std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>;

// x86's cvttsd2si: truncation, with INT_MIN for what does not fit (torch's CPU casts show that value).
inline int32_t trunc_to_int32(double v) {
  return (v > -2147483649.0 && v < 2147483648.0) ? static_cast<int32_t>(v) : INT32_MIN;
}
inline int64_t trunc_to_int64(double v) {
  return (v >= -9223372036854775808.0 && v < 9223372036854775808.0) ? static_cast<int64_t>(v) : INT64_MIN;
}

template <typename Out, typename In>
inline Out convert(In v) {
  if constexpr (std::is_same_v<Out, In>) {
    return v;
  } else if constexpr (is_half_v<In>) {
    return convert<Out, float>(static_cast<float>(v));
  } else if constexpr (is_half_v<Out>) {
    return Out(static_cast<float>(v));
  } else if constexpr (std::is_same_v<Out, bool>) {
    return v != In(0);
  } else if constexpr (std::is_floating_point_v<In> && std::is_integral_v<Out> && sizeof(Out) < 8) {
    if constexpr (std::is_same_v<Out, uint8_t>) return static_cast<uint8_t>(trunc_to_int64(v));
    else return static_cast<Out>(trunc_to_int32(v));
  } else {
    return static_cast<Out>(v);
  }
}

}  // namespace fg
