#pragma once
// The index-write family beyond ops.h's scatter_add / index_add: each op returns a copy of self with
// values written at indices (differentiable in self and in the written values), and its in-place `_`
// form is that copy assigned back into self (ops::assign_inplace), so it records history like any
// in-place op. Advanced indexing (`index`, `index_put`) is here too: x[i, :, j] and x[i, :, j] = v.
#include <optional>
#include <string>

#include "ops/ops.h"

namespace fg::ops {

// ---- scatter.cpp ----
// reduce: "add" or "multiply", torch's older form, which has no derivative (backward raises, as torch's)
Tensor scatter(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src,
               std::optional<std::string> reduce = std::nullopt);
Tensor scatter(const Tensor& self, int64_t dim, const Tensor& index, double value,
               std::optional<std::string> reduce = std::nullopt);
// reduce: sum, prod, mean, amax or amin; include_self=false leaves self's values out where src lands
Tensor scatter_reduce(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src,
                      const std::string& reduce, bool include_self = true);

// ---- scatter_index.cpp: whole slices along dim, picked by a 1-D index ----
Tensor index_copy(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& source);
Tensor index_fill(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& value);  // value: 0-d
Tensor index_fill(const Tensor& self, int64_t dim, const Tensor& index, double value);

// ---- scatter_advanced.cpp: numpy-style advanced indexing ----
// indices: one entry per leading dim of self, null where the dim is taken whole (a `:`); int64 or bool
// tensors (a bool mask stands for its nonzero() indices over as many dims as it has).
Tensor index(const Tensor& self, const TensorList& indices);
Tensor index_put(const Tensor& self, const TensorList& indices, const Tensor& values, bool accumulate);
Tensor masked_scatter(const Tensor& self, const Tensor& mask, const Tensor& source);

// ---- in-place forms (scatter_inplace.cpp): the op above, assigned back into self ----
Tensor& scatter_(Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, std::optional<std::string> reduce);
Tensor& scatter_(Tensor& self, int64_t dim, const Tensor& index, double value, std::optional<std::string> reduce);
Tensor& scatter_add_(Tensor& self, int64_t dim, const Tensor& index, const Tensor& src);
Tensor& scatter_reduce_(Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, const std::string& reduce,
                        bool include_self);
Tensor& index_add_(Tensor& self, int64_t dim, const Tensor& index, const Tensor& source, double alpha);
Tensor& index_copy_(Tensor& self, int64_t dim, const Tensor& index, const Tensor& source);
Tensor& index_fill_(Tensor& self, int64_t dim, const Tensor& index, const Tensor& value);
Tensor& index_fill_(Tensor& self, int64_t dim, const Tensor& index, double value);
Tensor& index_put_(Tensor& self, const TensorList& indices, const Tensor& values, bool accumulate);
Tensor& masked_scatter_(Tensor& self, const Tensor& mask, const Tensor& source);

}  // namespace fg::ops
