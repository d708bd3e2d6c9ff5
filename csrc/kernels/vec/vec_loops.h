#pragma once
// Elementwise loops that hand contiguous float32/float64 runs to the vec kernels: the strided
// loop machinery (coalescing, threading above the grain size) is elementwise.h's; each inner run
// whose operands are all unit-stride goes to the table for the current CPU level, any other run
// to the scalar functor. Big loops release the GIL (run_loop does it, for every elementwise kernel).
#include <type_traits>

#include "kernels/elementwise.h"
#include "kernels/vec/vec.h"

namespace fg::kernels {

// Contiguous run kernels for unary_vec: the table's unary op (whose slot may be empty: then every
// run takes the scalar functor), or softplus with its parameters.
struct VecUnary {
  vec::Unary op;
  template <typename T>
  bool available() const { return vec::kernels<T>().unary[op] != nullptr; }
  template <typename T>
  auto resolve() const {
    return [f = vec::kernels<T>().unary[op]](int64_t n, const T* x, T* y) { f(n, x, y); };
  }
};
struct VecSoftplus {
  double beta, threshold;
  template <typename T>
  bool available() const { return true; }
  template <typename T>
  auto resolve() const {
    return [f = vec::kernels<T>().softplus, b = T(beta), t = T(threshold)](int64_t n, const T* x, T* y) {
      f(n, x, y, b, t);
    };
  }
};

// unary_kernel<T, T> with `fast` (a VecUnary / VecSoftplus) on the unit-stride runs.
template <typename T, typename F, typename Fast>
void unary_vec(const Tensor& out, const Tensor& x, F f, const Fast& fast) {
  static_assert(std::is_floating_point_v<T>);
  if (!fast.template available<T>()) return unary_kernel<T, T>(out, x, f);
  const auto run = fast.template resolve<T>();
  auto L = make_loop<2>(out, {&x});
  run_loop(L, [&](int64_t n, char** p, const int64_t* s) {
    if (s[0] == sizeof(T) && s[1] == sizeof(T)) {
      run(n, reinterpret_cast<const T*>(p[1]), reinterpret_cast<T*>(p[0]));
    } else {
      for (int64_t i = 0; i < n; ++i)
        *reinterpret_cast<T*>(p[0] + i * s[0]) = f(*reinterpret_cast<const T*>(p[1] + i * s[1]));
    }
  });
}

// binary_kernel<T, T> with the table's op on runs that are unit-stride or a broadcast scalar
// (stride 0) on one side. alpha: add's multiplier of the second operand.
template <typename T, typename F>
void binary_vec(const Tensor& out, const Tensor& a, const Tensor& b, F f, vec::Binary op, double alpha = 1.0) {
  static_assert(std::is_floating_point_v<T>);
  const auto& fns = vec::kernels<T>().binary[op];
  const T al = static_cast<T>(alpha);
  auto L = make_loop<3>(out, {&a, &b});
  run_loop(L, [&](int64_t n, char** p, const int64_t* s) {
    constexpr int64_t sz = sizeof(T);
    T* o = reinterpret_cast<T*>(p[0]);
    const T* x = reinterpret_cast<const T*>(p[1]);
    const T* y = reinterpret_cast<const T*>(p[2]);
    if (s[0] == sz && s[1] == sz && s[2] == sz) fns[vec::kVV](n, x, y, o, al);
    else if (s[0] == sz && s[1] == sz && s[2] == 0) fns[vec::kVS](n, x, y, o, al);
    else if (s[0] == sz && s[1] == 0 && s[2] == sz) fns[vec::kSV](n, x, y, o, al);
    else
      for (int64_t i = 0; i < n; ++i)
        *reinterpret_cast<T*>(p[0] + i * s[0]) =
            f(*reinterpret_cast<const T*>(p[1] + i * s[1]), *reinterpret_cast<const T*>(p[2] + i * s[2]));
  });
}

// out = t (op) s or s (op) t for a scalar s: the broadcast forms of binary_vec without a walk
// over a broadcast operand.
template <typename T, typename F>
void scalar_operand_vec(const Tensor& out, const Tensor& t, T s, bool s_is_b, F f, vec::Binary op, double alpha) {
  const auto fn = vec::kernels<T>().binary[op][s_is_b ? vec::kVS : vec::kSV];
  const T al = static_cast<T>(alpha);
  auto L = make_loop<2>(out, {&t});
  run_loop(L, [&](int64_t n, char** p, const int64_t* st) {
    T* o = reinterpret_cast<T*>(p[0]);
    const T* x = reinterpret_cast<const T*>(p[1]);
    if (st[0] == sizeof(T) && st[1] == sizeof(T)) {
      if (s_is_b) fn(n, x, &s, o, al);
      else fn(n, &s, x, o, al);
    } else {
      for (int64_t i = 0; i < n; ++i) {
        const T v = *reinterpret_cast<const T*>(p[1] + i * st[1]);
        *reinterpret_cast<T*>(p[0] + i * st[0]) = s_is_b ? f(v, s) : f(s, v);
      }
    }
  });
}

// relu's backward on unit-stride runs of grad and out (same shape after broadcasting).
template <typename T, typename F>
void threshold_backward_vec(const Tensor& r, const Tensor& grad, const Tensor& out, F f) {
  const auto fn = vec::kernels<T>().threshold_backward;
  auto L = make_loop<3>(r, {&grad, &out});
  run_loop(L, [&](int64_t n, char** p, const int64_t* s) {
    constexpr int64_t sz = sizeof(T);
    if (s[0] == sz && s[1] == sz && s[2] == sz) {
      fn(n, reinterpret_cast<const T*>(p[1]), reinterpret_cast<const T*>(p[2]), reinterpret_cast<T*>(p[0]));
    } else {
      for (int64_t i = 0; i < n; ++i)
        *reinterpret_cast<T*>(p[0] + i * s[0]) =
            f(*reinterpret_cast<const T*>(p[1] + i * s[1]), *reinterpret_cast<const T*>(p[2] + i * s[2]));
    }
  });
}

}  // namespace fg::kernels
