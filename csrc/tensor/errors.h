#pragma once
// C++ exceptions that the bindings translate into the Python exception torch would raise:
// std::invalid_argument -> ValueError, std::out_of_range -> IndexError, std::runtime_error ->
// RuntimeError (pybind11 defaults), fg::TypeError -> TypeError and fg::NotImplementedError ->
// NotImplementedError (registered in python/module.cpp).
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fg {

struct TypeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// A dtype an op has no kernel for (torch: NotImplementedError "\"elu_cpu\" not implemented for 'Long'").
struct NotImplementedError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
using ValueError = std::invalid_argument;
using IndexError = std::out_of_range;
using RuntimeError = std::runtime_error;

namespace detail {
inline void append(std::ostringstream&) {}
template <typename T, typename... Rest>
void append(std::ostringstream& os, const T& v, const Rest&... rest) {
  os << v;
  append(os, rest...);
}
}  // namespace detail

template <typename... Args>
std::string str(const Args&... args) {
  std::ostringstream os;
  detail::append(os, args...);
  return os.str();
}

}  // namespace fg

// FG_CHECK(cond, ErrorType, message parts...): message parts are only formatted on failure.
#define FG_CHECK(cond, Err, ...)                 \
  do {                                           \
    if (!(cond)) throw Err(::fg::str(__VA_ARGS__)); \
  } while (0)
