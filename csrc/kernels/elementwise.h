#pragma once
// Elementwise kernels over broadcast, strided operands. Each takes a functor on scalars; the
// contiguous and scalar-broadcast inner loops are written out so the compiler vectorises them.
#include "kernels/gil.h"
#include "kernels/loops.h"
#include "kernels/parallel.h"
#include "tensor/tensor.h"

namespace fg::kernels {

// Byte strides of `t` seen through `out_shape` (right-aligned broadcasting: size-1 dims get 0).
inline Dims broadcast_byte_strides(const Tensor& t, const Dims& out_shape) {
  const size_t nd = out_shape.size(), td = t->shape.size();
  const int64_t isz = static_cast<int64_t>(itemsize(t->dtype));
  Dims st(nd, 0);
  for (size_t i = 0; i < td; ++i) {
    size_t od = nd - td + i;
    st[od] = (t->shape[i] == 1 && out_shape[od] != 1) ? 0 : t->strides[i] * isz;
  }
  return st;
}

template <size_t N>
StridedLoop<N> make_loop(const Tensor& out, std::array<const Tensor*, N - 1> ins) {
  StridedLoop<N> L;
  L.shape = out->shape;
  L.strides[0] = broadcast_byte_strides(out, out->shape);
  L.base[0] = static_cast<char*>(out->raw_data());
  for (size_t k = 0; k + 1 < N; ++k) {
    L.strides[k + 1] = broadcast_byte_strides(*ins[k], out->shape);
    L.base[k + 1] = static_cast<char*>((*ins[k])->raw_data());
  }
  L.coalesce();
  return L;
}

// Splits the loop across threads when it is big enough, by rows or, for a single long row, by
// ranges of that row. A big loop runs without the GIL whatever its functor (the bodies never touch
// Python objects), so another Python thread runs meanwhile: the scalar loops too, not only the SIMD ones.
template <size_t N, typename Body>
void run_loop(const StridedLoop<N>& L, Body&& body) {
  const int64_t rows = L.rows(), inner = L.inner();
  const int64_t total = rows * inner;
  GilRelease nogil(total >= kGilReleaseElements);
  if (total <= kGrainSize || get_num_threads() <= 1) {
    DenormalScope ftz;
    L.run_rows(0, rows, body);
    return;
  }
  if (rows > 1) {
    const int64_t grain_rows = std::max<int64_t>(1, kGrainSize / std::max<int64_t>(inner, 1));
    parallel_for(0, rows, grain_rows, [&](int64_t b, int64_t e) { L.run_rows(b, e, body); });
  } else {
    const int64_t nd = static_cast<int64_t>(L.shape.size());
    parallel_for(0, inner, kGrainSize, [&](int64_t b, int64_t e) {
      std::array<char*, N> p;
      std::array<int64_t, N> s;
      for (size_t k = 0; k < N; ++k) {
        s[k] = L.strides[k][nd - 1];
        p[k] = L.base[k] + b * s[k];
      }
      body(e - b, p.data(), s.data());
    });
  }
}

template <typename Out, typename In, typename F>
void unary_kernel(const Tensor& out, const Tensor& x, F f) {
  auto L = make_loop<2>(out, {&x});
  run_loop(L, [&](int64_t n, char** p, const int64_t* s) {
    Out* o = reinterpret_cast<Out*>(p[0]);
    const In* a = reinterpret_cast<const In*>(p[1]);
    if (s[0] == sizeof(Out) && s[1] == sizeof(In)) {
      for (int64_t i = 0; i < n; ++i) o[i] = f(a[i]);
    } else {
      for (int64_t i = 0; i < n; ++i)
        *reinterpret_cast<Out*>(p[0] + i * s[0]) = f(*reinterpret_cast<const In*>(p[1] + i * s[1]));
    }
  });
}

template <typename Out, typename In, typename F>
void binary_kernel(const Tensor& out, const Tensor& x, const Tensor& y, F f) {
  auto L = make_loop<3>(out, {&x, &y});
  run_loop(L, [&](int64_t n, char** p, const int64_t* s) {
    Out* o = reinterpret_cast<Out*>(p[0]);
    const In* a = reinterpret_cast<const In*>(p[1]);
    const In* b = reinterpret_cast<const In*>(p[2]);
    constexpr int64_t so = sizeof(Out), si = sizeof(In);
    if (s[0] == so && s[1] == si && s[2] == si) {
      for (int64_t i = 0; i < n; ++i) o[i] = f(a[i], b[i]);
    } else if (s[0] == so && s[1] == si && s[2] == 0) {
      const In bv = *b;
      for (int64_t i = 0; i < n; ++i) o[i] = f(a[i], bv);
    } else if (s[0] == so && s[1] == 0 && s[2] == si) {
      const In av = *a;
      for (int64_t i = 0; i < n; ++i) o[i] = f(av, b[i]);
    } else {
      for (int64_t i = 0; i < n; ++i)
        *reinterpret_cast<Out*>(p[0] + i * s[0]) =
            f(*reinterpret_cast<const In*>(p[1] + i * s[1]), *reinterpret_cast<const In*>(p[2] + i * s[2]));
    }
  });
}

template <typename Out, typename In, typename F>
void ternary_kernel(const Tensor& out, const Tensor& x, const Tensor& y, const Tensor& z, F f) {
  auto L = make_loop<4>(out, {&x, &y, &z});
  run_loop(L, [&](int64_t n, char** p, const int64_t* s) {
    constexpr int64_t so = sizeof(Out), si = sizeof(In);
    if (s[0] == so && s[1] == si && s[2] == si && s[3] == si) {
      Out* o = reinterpret_cast<Out*>(p[0]);
      const In* a = reinterpret_cast<const In*>(p[1]);
      const In* b = reinterpret_cast<const In*>(p[2]);
      const In* c = reinterpret_cast<const In*>(p[3]);
      for (int64_t i = 0; i < n; ++i) o[i] = f(a[i], b[i], c[i]);
    } else {
      for (int64_t i = 0; i < n; ++i)
        *reinterpret_cast<Out*>(p[0] + i * s[0]) = f(*reinterpret_cast<const In*>(p[1] + i * s[1]),
                                                     *reinterpret_cast<const In*>(p[2] + i * s[2]),
                                                     *reinterpret_cast<const In*>(p[3] + i * s[3]));
    }
  });
}

}  // namespace fg::kernels
