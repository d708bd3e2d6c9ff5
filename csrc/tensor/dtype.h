#pragma once
// The four dtypes fastgrad supports and torch's promotion rules among them.
#include <cstdint>
#include <string>

#include "tensor/errors.h"

namespace fg {

enum class DType : uint8_t { Bool = 0, Int64 = 1, Float32 = 2, Float64 = 3 };

inline size_t itemsize(DType t) {
  switch (t) {
    case DType::Bool: return 1;
    case DType::Int64: return 8;
    case DType::Float32: return 4;
    case DType::Float64: return 8;
  }
  return 0;
}

inline const char* dtype_name(DType t) {
  switch (t) {
    case DType::Bool: return "torch.bool";
    case DType::Int64: return "torch.int64";
    case DType::Float32: return "torch.float32";
    case DType::Float64: return "torch.float64";
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
  }
  return "?";
}

inline bool is_floating(DType t) { return t == DType::Float32 || t == DType::Float64; }

// Bool < Int64 < Float32 < Float64 is a total order here, so promotion is the max.
inline DType promote(DType a, DType b) { return static_cast<uint8_t>(a) >= static_cast<uint8_t>(b) ? a : b; }

// Category used by torch's "wrapped number / 0-dim" rules: a lower-priority operand only changes the
// result when it is of a higher category (bool < integral < floating).
inline int category(DType t) { return t == DType::Bool ? 0 : (t == DType::Int64 ? 1 : 2); }

template <typename T> struct dtype_of;
template <> struct dtype_of<bool> { static constexpr DType value = DType::Bool; };
template <> struct dtype_of<int64_t> { static constexpr DType value = DType::Int64; };
template <> struct dtype_of<float> { static constexpr DType value = DType::Float32; };
template <> struct dtype_of<double> { static constexpr DType value = DType::Float64; };

}  // namespace fg

// Run a generic lambda body with `scalar_t` bound to the C++ type of a dtype.
#define FG_DISPATCH_CASE(DT, CT, ...) \
  case DT: {                          \
    using scalar_t = CT;              \
    return __VA_ARGS__();             \
  }

#define FG_DISPATCH_ALL(dtype, name, ...)                                      \
  [&] {                                                                        \
    switch (dtype) {                                                           \
      FG_DISPATCH_CASE(::fg::DType::Float32, float, __VA_ARGS__)               \
      FG_DISPATCH_CASE(::fg::DType::Float64, double, __VA_ARGS__)              \
      FG_DISPATCH_CASE(::fg::DType::Int64, int64_t, __VA_ARGS__)               \
      FG_DISPATCH_CASE(::fg::DType::Bool, bool, __VA_ARGS__)                   \
    }                                                                          \
    throw ::fg::RuntimeError(::fg::str(name, ": unsupported dtype"));          \
  }()

#define FG_DISPATCH_NUMERIC(dtype, name, ...)                                                     \
  [&] {                                                                                           \
    switch (dtype) {                                                                              \
      FG_DISPATCH_CASE(::fg::DType::Float32, float, __VA_ARGS__)                                  \
      FG_DISPATCH_CASE(::fg::DType::Float64, double, __VA_ARGS__)                                 \
      FG_DISPATCH_CASE(::fg::DType::Int64, int64_t, __VA_ARGS__)                                  \
      default: break;                                                                             \
    }                                                                                             \
    throw ::fg::RuntimeError(::fg::str("\"", name, "\" not implemented for '", ::fg::dtype_name(dtype), "'")); \
  }()

#define FG_DISPATCH_FLOATING(dtype, name, ...)                                                    \
  [&] {                                                                                           \
    switch (dtype) {                                                                              \
      FG_DISPATCH_CASE(::fg::DType::Float32, float, __VA_ARGS__)                                  \
      FG_DISPATCH_CASE(::fg::DType::Float64, double, __VA_ARGS__)                                 \
      default: break;                                                                             \
    }                                                                                             \
    throw ::fg::RuntimeError(::fg::str("\"", name, "\" not implemented for '", ::fg::dtype_name(dtype), "'")); \
  }()
