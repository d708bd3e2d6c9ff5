#pragma once
// Iteration over N strided operands that share one (broadcast) shape. Dimensions that are
// contiguous for every operand are merged, so the common cases reduce to one flat inner loop
// that the compiler vectorises; the body sees (n, pointers, inner byte strides).
#include <array>
#include <cstdint>

#include "tensor/small_vector.h"

namespace fg::kernels {

template <size_t N>
struct StridedLoop {
  Dims shape;
  std::array<Dims, N> strides;  // in bytes
  std::array<char*, N> base;

  // Merges dim i into dim i+1 when every operand walks them as one run, and drops size-1 dims.
  void coalesce() {
    Dims s2;
    std::array<Dims, N> st2;
    for (size_t d = 0; d < shape.size(); ++d) {
      if (shape[d] == 1) continue;
      if (!s2.empty()) {
        bool mergeable = true;
        for (size_t k = 0; k < N; ++k)
          if (st2[k].back() != strides[k][d] * shape[d]) mergeable = false;
        if (mergeable) {
          s2.back() *= shape[d];
          for (size_t k = 0; k < N; ++k) st2[k].back() = strides[k][d];
          continue;
        }
      }
      s2.push_back(shape[d]);
      for (size_t k = 0; k < N; ++k) st2[k].push_back(strides[k][d]);
    }
    if (s2.empty()) {
      s2.push_back(1);
      for (size_t k = 0; k < N; ++k) st2[k].push_back(0);
    }
    shape = std::move(s2);
    strides = std::move(st2);
  }

  int64_t numel() const {
    int64_t n = 1;
    for (int64_t s : shape) n *= s;
    return n;
  }

  // Runs body over the rows [row_begin, row_end) of the outer dims (all dims but the last).
  template <typename Body>
  void run_rows(int64_t row_begin, int64_t row_end, Body&& body) const {
    // Nothing to do, and an empty outer dim would divide by zero in the decomposition below
    // (cat of (0, 3, 3) tensors along dim 1 died of SIGFPE).
    if (row_begin >= row_end) return;
    const int64_t nd = static_cast<int64_t>(shape.size());
    const int64_t inner = shape[nd - 1];
    std::array<int64_t, N> inner_stride;
    for (size_t k = 0; k < N; ++k) inner_stride[k] = strides[k][nd - 1];
    // Decompose row_begin into a multi-index over the outer dims.
    Dims idx(nd > 1 ? nd - 1 : 0, 0);
    int64_t r = row_begin;
    for (int64_t d = nd - 2; d >= 0; --d) {
      idx[d] = r % shape[d];
      r /= shape[d];
    }
    std::array<char*, N> ptr;
    for (size_t k = 0; k < N; ++k) {
      ptr[k] = base[k];
      for (int64_t d = 0; d < nd - 1; ++d) ptr[k] += idx[d] * strides[k][d];
    }
    for (int64_t row = row_begin; row < row_end; ++row) {
      body(inner, ptr.data(), inner_stride.data());
      for (int64_t d = nd - 2; d >= 0; --d) {  // advance the odometer
        ++idx[d];
        for (size_t k = 0; k < N; ++k) ptr[k] += strides[k][d];
        if (idx[d] < shape[d]) break;
        for (size_t k = 0; k < N; ++k) ptr[k] -= strides[k][d] * shape[d];
        idx[d] = 0;
      }
    }
  }

  int64_t rows() const {
    int64_t r = 1;
    for (size_t d = 0; d + 1 < shape.size(); ++d) r *= shape[d];
    return r;
  }
  int64_t inner() const { return shape.back(); }
};

}  // namespace fg::kernels
