#pragma once
// Lays out a reduction over a set of dims as one of two dense shapes the kernels handle:
//   rows:    [outer, inner], reducing each row of `inner` contiguous elements;
//   columns: [inner, outer], reducing down the columns (leading dims reduced, e.g. a bias grad).
// Any other layout is permuted (reduced dims last) and made contiguous first.
#include <algorithm>
#include <vector>

#include "autograd/grad_mode.h"
#include "ops/ops.h"

namespace fg::ops::detail {

struct ReducePlan {
  Tensor input;         // contiguous, in the layout named by `columns`
  bool columns = false;
  int64_t outer = 1;    // number of results
  int64_t inner = 1;    // elements reduced into each result
  Dims keep_shape;      // result shape with reduced dims kept as 1
  Dims out_shape;       // result shape as returned (keepdim applied)
  std::vector<bool> reduced;
};

inline std::vector<bool> reduced_mask(const Tensor& x, const Dims& dims) {
  const int64_t nd = x->dim();
  std::vector<bool> mask(std::max<int64_t>(nd, 0), dims.empty());
  for (int64_t d : dims) {
    int64_t w = wrap_dim(d, nd);
    if (nd == 0) continue;
    FG_CHECK(!mask[w] || dims.empty(), RuntimeError, "dim ", w, " appears multiple times in the list of dims");
    mask[w] = true;
  }
  return mask;
}

inline ReducePlan plan_reduce(const Tensor& x, const Dims& dims, bool keepdim) {
  ReducePlan p;
  const int64_t nd = x->dim();
  p.reduced = reduced_mask(x, dims);
  for (int64_t i = 0; i < nd; ++i) {
    if (p.reduced[i]) {
      p.inner *= x->shape[i];
      p.keep_shape.push_back(1);
      if (keepdim) p.out_shape.push_back(1);
    } else {
      p.outer *= x->shape[i];
      p.keep_shape.push_back(x->shape[i]);
      p.out_shape.push_back(x->shape[i]);
    }
  }
  // Trailing-reduced or leading-reduced on a contiguous tensor: no copy needed.
  int64_t first_reduced = nd, last_kept = -1, first_kept = nd, last_reduced = -1;
  for (int64_t i = 0; i < nd; ++i) {
    if (p.reduced[i]) {
      first_reduced = std::min(first_reduced, i);
      last_reduced = i;
    } else {
      first_kept = std::min(first_kept, i);
      last_kept = i;
    }
  }
  const bool trailing = last_kept < first_reduced;
  const bool leading = last_reduced < first_kept;
  if (x->is_contiguous() && trailing) {
    p.input = x;
  } else if (x->is_contiguous() && leading) {
    p.input = x;
    p.columns = true;
  } else {
    Dims perm;
    for (int64_t i = 0; i < nd; ++i)
      if (!p.reduced[i]) perm.push_back(i);
    for (int64_t i = 0; i < nd; ++i)
      if (p.reduced[i]) perm.push_back(i);
    NoGradGuard ng;
    p.input = contiguous(permute(alias_detached(x), perm));
  }
  return p;
}

}  // namespace fg::ops::detail
