#pragma once
#include <string>

#include "tensor/tensor.h"

namespace fg::ops {

// cross_entropy(logits [N, C], target [N] int64, weight [C] or null, ignore_index, reduction) in one node.
Tensor cross_entropy_indices(const Tensor& logits, const Tensor& target, const Tensor& weight, int64_t ignore_index,
                             const std::string& reduction);

}  // namespace fg::ops
