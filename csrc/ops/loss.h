#pragma once
#include <optional>
#include <string>

#include "tensor/tensor.h"

namespace fg::ops {

// cross_entropy(logits [N, C], target [N] int64, weight [C] or null, ignore_index, reduction) in one node.
Tensor cross_entropy_indices(const Tensor& logits, const Tensor& target, const Tensor& weight, int64_t ignore_index,
                             const std::string& reduction);

// torch.nn.functional.cross_entropy: class indices of any shape (N, d1, ...) or unbatched (C,), class
// probabilities (target shaped like the input), label smoothing. The common call (2-D logits, 1-D
// int64 target, no smoothing) is cross_entropy_indices' single fused node.
Tensor cross_entropy(const Tensor& input, const Tensor& target, const Tensor& weight, int64_t ignore_index,
                     const std::string& reduction, double label_smoothing);

// binary_cross_entropy(p, t, weight broadcastable to p or null, reduction) in one node: torch's
// formula with the logs clamped at -100 and its backward w * (p - t) / max(p (1 - p), 1e-12f).
Tensor binary_cross_entropy(const Tensor& input, const Tensor& target, const Tensor& weight,
                            const std::string& reduction);

// mse_loss(input, target broadcastable, reduction) in one node (MseLossBackward0).
Tensor mse_loss(const Tensor& input, const Tensor& target, const std::string& reduction);

// The rows of weight [num, dim] at integer indices of any shape, in one node (EmbeddingBackward0); the
// padding row gets no gradient.
Tensor embedding(const Tensor& weight, const Tensor& indices, std::optional<int64_t> padding_idx);

}  // namespace fg::ops
