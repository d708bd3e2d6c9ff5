#pragma once
// fastgrad's dtypes and torch's promotion rules among them.
//
// Four of them are "wide" (bool, int64, float32, float64): every kernel is instantiated for those. The
// other six are "narrow" storage types: an op on them widens its operands (int8, int16, int32, uint8 to
// int64; float16, bfloat16 to float32), computes in the wide type and casts the result back. For the
// integers that cast is the same modular result torch's own narrow kernels give; for the half precisions
// it is the per-op rounding of torch's CPU kernels, which compute them in float too. One conversion
// routine (copy.cpp) handles all ten, so the kernels are built for four types, not ten.
#include <cstdint>
#include <string>

#include "tensor/errors.h"
#include "tensor/half.h"

namespace fg {

enum class DType : uint8_t {
  Bool = 0, Int64 = 1, Float32 = 2, Float64 = 3,
  Int8 = 4, Int16 = 5, Int32 = 6, UInt8 = 7, Float16 = 8, BFloat16 = 9,
};
constexpr int kNumDTypes = 10;

inline size_t itemsize(DType t) {
  switch (t) {
    case DType::Bool: case DType::Int8: case DType::UInt8: return 1;
    case DType::Int16: case DType::Float16: case DType::BFloat16: return 2;
    case DType::Int32: case DType::Float32: return 4;
    case DType::Int64: case DType::Float64: return 8;
  }
  return 0;
}

inline const char* dtype_name(DType t) {
  switch (t) {
    case DType::Bool: return "torch.bool";
    case DType::Int64: return "torch.int64";
    case DType::Float32: return "torch.float32";
    case DType::Float64: return "torch.float64";
    case DType::Int8: return "torch.int8";
    case DType::Int16: return "torch.int16";
    case DType::Int32: return "torch.int32";
    case DType::UInt8: return "torch.uint8";
    case DType::Float16: return "torch.float16";
    case DType::BFloat16: return "torch.bfloat16";
  }
  return "?";
}

// The names torch uses in type errors ("Float", "Long", ...).
inline const char* dtype_short_name(DType t) {
  switch (t) {
    case DType::Bool: return "Bool";
    case DType::Int64: return "Long";
    case DType::Float32: return "Float";
    case DType::Float64: return "Double";
    case DType::Int8: return "Char";
    case DType::Int16: return "Short";
    case DType::Int32: return "Int";
    case DType::UInt8: return "Byte";
    case DType::Float16: return "Half";
    case DType::BFloat16: return "BFloat16";
  }
  return "?";
}

inline bool is_floating(DType t) {
  return t == DType::Float32 || t == DType::Float64 || t == DType::Float16 || t == DType::BFloat16;
}
inline bool is_integral(DType t) { return !is_floating(t) && t != DType::Bool; }

// A storage-only dtype, computed in wide_dtype(t).
inline bool is_narrow(DType t) { return static_cast<uint8_t>(t) >= static_cast<uint8_t>(DType::Int8); }
inline DType wide_dtype(DType t) {
  if (!is_narrow(t)) return t;
  return is_floating(t) ? DType::Float32 : DType::Int64;
}

// torch's promoteTypes over these ten dtypes.
inline DType promote(DType a, DType b) {
  if (a == b) return a;
  if (a == DType::Bool) return b;
  if (b == DType::Bool) return a;
  const bool fa = is_floating(a), fb = is_floating(b);
  if (fa != fb) return fa ? a : b;  // integer with float: the float
  if (fa) {                          // two floats
    if ((a == DType::Float16 && b == DType::BFloat16) || (a == DType::BFloat16 && b == DType::Float16))
      return DType::Float32;
    return itemsize(a) >= itemsize(b) ? a : b;
  }
  // two integers: uint8 with int8 needs int16; otherwise the wider (a signed one beats uint8 at equal size)
  if ((a == DType::UInt8 && b == DType::Int8) || (a == DType::Int8 && b == DType::UInt8)) return DType::Int16;
  if (itemsize(a) != itemsize(b)) return itemsize(a) > itemsize(b) ? a : b;
  return a == DType::UInt8 ? b : a;
}

// Category used by torch's "wrapped number / 0-dim" rules: a lower-priority operand only changes the
// result when it is of a higher category (bool < integral < floating).
inline int category(DType t) { return t == DType::Bool ? 0 : (is_floating(t) ? 2 : 1); }

// torch.get_default_dtype / set_default_dtype (dtype.cpp): float32 unless set to another floating dtype.
DType default_dtype();
void set_default_dtype(DType t);

template <typename T> struct dtype_of;
template <> struct dtype_of<bool> { static constexpr DType value = DType::Bool; };
template <> struct dtype_of<int64_t> { static constexpr DType value = DType::Int64; };
template <> struct dtype_of<float> { static constexpr DType value = DType::Float32; };
template <> struct dtype_of<double> { static constexpr DType value = DType::Float64; };
template <> struct dtype_of<int8_t> { static constexpr DType value = DType::Int8; };
template <> struct dtype_of<int16_t> { static constexpr DType value = DType::Int16; };
template <> struct dtype_of<int32_t> { static constexpr DType value = DType::Int32; };
template <> struct dtype_of<uint8_t> { static constexpr DType value = DType::UInt8; };
template <> struct dtype_of<Half> { static constexpr DType value = DType::Float16; };
template <> struct dtype_of<BFloat16> { static constexpr DType value = DType::BFloat16; };

}  // namespace fg

// Run a generic lambda body with `scalar_t` bound to the C++ type of a dtype.
#define FG_DISPATCH_CASE(DT, CT, ...) \
  case DT: {                          \
    using scalar_t = CT;              \
    return __VA_ARGS__();             \
  }

// The error of a kernel that has no instance for a dtype, in torch's words.
#define FG_DISPATCH_FAIL(dtype, name) \
  throw ::fg::RuntimeError(::fg::str("\"", name, "\" not implemented for '", ::fg::dtype_short_name(dtype), "'"))

// The four wide (compute) dtypes. A narrow dtype reaching one of these is widened by its caller first.
#define FG_WIDE_CASES(...)                                                     \
  FG_DISPATCH_CASE(::fg::DType::Float32, float, __VA_ARGS__)                   \
  FG_DISPATCH_CASE(::fg::DType::Float64, double, __VA_ARGS__)                  \
  FG_DISPATCH_CASE(::fg::DType::Int64, int64_t, __VA_ARGS__)                   \
  FG_DISPATCH_CASE(::fg::DType::Bool, bool, __VA_ARGS__)

#define FG_DISPATCH_ALL(dtype, name, ...)                                      \
  [&] {                                                                        \
    switch (dtype) {                                                           \
      FG_WIDE_CASES(__VA_ARGS__)                                               \
      default: break;                                                          \
    }                                                                          \
    FG_DISPATCH_FAIL(dtype, name);                                             \
  }()

// All ten storage types: for kernels that only move or compare elements (copies, gathers, where).
#define FG_DISPATCH_STORAGE(dtype, name, ...)                                  \
  [&] {                                                                        \
    switch (dtype) {                                                           \
      FG_WIDE_CASES(__VA_ARGS__)                                               \
      FG_DISPATCH_CASE(::fg::DType::Int8, int8_t, __VA_ARGS__)                 \
      FG_DISPATCH_CASE(::fg::DType::Int16, int16_t, __VA_ARGS__)               \
      FG_DISPATCH_CASE(::fg::DType::Int32, int32_t, __VA_ARGS__)               \
      FG_DISPATCH_CASE(::fg::DType::UInt8, uint8_t, __VA_ARGS__)               \
      FG_DISPATCH_CASE(::fg::DType::Float16, ::fg::Half, __VA_ARGS__)          \
      FG_DISPATCH_CASE(::fg::DType::BFloat16, ::fg::BFloat16, __VA_ARGS__)     \
    }                                                                          \
    FG_DISPATCH_FAIL(dtype, name);                                             \
  }()

// Same-size element moves (gather, index_select, cat ...) need only the width: one instance per size.
#define FG_DISPATCH_BY_SIZE(dtype, name, ...)                                  \
  [&] {                                                                        \
    switch (::fg::itemsize(dtype)) {                                           \
      case 1: { using scalar_t = uint8_t; return __VA_ARGS__(); }              \
      case 2: { using scalar_t = uint16_t; return __VA_ARGS__(); }             \
      case 4: { using scalar_t = uint32_t; return __VA_ARGS__(); }             \
      case 8: { using scalar_t = uint64_t; return __VA_ARGS__(); }             \
    }                                                                          \
    FG_DISPATCH_FAIL(dtype, name);                                             \
  }()

#define FG_DISPATCH_NUMERIC(dtype, name, ...)                                  \
  [&] {                                                                        \
    switch (dtype) {                                                           \
      FG_DISPATCH_CASE(::fg::DType::Float32, float, __VA_ARGS__)               \
      FG_DISPATCH_CASE(::fg::DType::Float64, double, __VA_ARGS__)              \
      FG_DISPATCH_CASE(::fg::DType::Int64, int64_t, __VA_ARGS__)               \
      default: break;                                                          \
    }                                                                          \
    FG_DISPATCH_FAIL(dtype, name);                                             \
  }()

#define FG_DISPATCH_FLOATING(dtype, name, ...)                                 \
  [&] {                                                                        \
    switch (dtype) {                                                           \
      FG_DISPATCH_CASE(::fg::DType::Float32, float, __VA_ARGS__)               \
      FG_DISPATCH_CASE(::fg::DType::Float64, double, __VA_ARGS__)              \
      default: break;                                                          \
    }                                                                          \
    FG_DISPATCH_FAIL(dtype, name);                                             \
  }()
