#pragma once
// Counting and searching on sorted data: mode (sort.cpp; unique is in ops.h), searchsorted and
// bucketize (search.cpp), bincount, histc and histogram (histogram.cpp). Kept out of ops.h so adding
// one of these does not rebuild every file that includes the op index.
#include <optional>
#include <string>
#include <tuple>

#include "ops/ops.h"

namespace fg::ops {

// The most frequent value along dim (the smallest among equally frequent ones) and the index of its
// last occurrence, as torch's CPU kernel; the values carry the gradient back to that index.
std::tuple<Tensor, Tensor> mode(const Tensor& x, int64_t dim, bool keepdim);

// For each value, the index in the innermost dim of sorted_sequence where it would be inserted to keep
// it sorted: the first such index (side "left") or the last ("right"); sorter, when given, holds the
// int64 permutation that sorts an unsorted sequence. sorted_sequence is 1-D, or has the values' leading
// dims. int64 result (out_int32 refused until fastgrad has int32).
Tensor searchsorted(const Tensor& sorted_sequence, const Tensor& values, bool out_int32, bool right,
                    const std::optional<std::string>& side, const Tensor& sorter);
Tensor bucketize(const Tensor& input, const Tensor& boundaries, bool out_int32, bool right);

// Counts of each non-negative int64 value (or the sums of their weights), at least minlength long.
Tensor bincount(const Tensor& input, const Tensor& weights, int64_t minlength);
// bins equal-width bins over [min, max] (the data's extremes when min == max); elements outside are
// ignored. Floating input; no gradient, as torch.
Tensor histc(const Tensor& input, int64_t bins, double min, double max);
// (hist, bin_edges): bins equal-width bins over range (the data's extremes without one), or the given
// increasing edges; weight sums weights instead of counting; density divides by the total and the widths.
std::tuple<Tensor, Tensor> histogram(const Tensor& input, int64_t bins, std::optional<std::pair<double, double>> range,
                                     const Tensor& weight, bool density);
std::tuple<Tensor, Tensor> histogram(const Tensor& input, const Tensor& bin_edges, const Tensor& weight, bool density);

}  // namespace fg::ops
