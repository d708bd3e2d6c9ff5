// searchsorted and bucketize: a binary search of each value in a sorted innermost row, with torch's
// checks and messages. The comparisons are torch's (`!(boundary >= value)` moves right for the left
// side, `!(boundary > value)` for the right), so a NaN value lands after every boundary. Integer results,
// no gradient.
#include "ops/search.h"

namespace fg::ops {

namespace {

void check_search_inputs(const Tensor& boundaries, const Tensor& values, const Tensor& sorter) {
  FG_CHECK(boundaries->dim() > 0, RuntimeError,
           "torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 dimension");
  if (boundaries->dim() > 1) {
    bool leading_match = values->dim() == boundaries->dim();
    for (int64_t i = 0; leading_match && i + 1 < boundaries->dim(); ++i)
      leading_match = values->shape[i] == boundaries->shape[i];
    FG_CHECK(leading_match, RuntimeError,
             "torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries "
             "tensor and input value tensor must match, but we got boundaries tensor ", shape_str(boundaries->shape),
             " and input value tensor ", shape_str(values->shape));
  }
  for (const Tensor* t : {&boundaries, &values})
    FG_CHECK((*t)->dtype != DType::Bool, NotImplementedError, "\"searchsorted_out_cpu\" not implemented for 'Bool'");
  if (!sorter) return;
  FG_CHECK(sorter->dtype == DType::Int64, RuntimeError,
           "torch.searchsorted(): sorter must be a tensor of long dtype but got dtype ", dtype_short_name(sorter->dtype));
  FG_CHECK(sorter->shape == boundaries->shape, RuntimeError,
           "torch.searchsorted(): boundary and sorter must have the same size, but got boundary tensor ",
           shape_str(boundaries->shape), "and got sorter tensor ", shape_str(sorter->shape));
  const int64_t n = boundaries->shape.back();
  Tensor s = contiguous(sorter);
  for (int64_t i = 0; i < s->numel(); ++i) {
    const int64_t v = s->data<int64_t>()[i];
    FG_CHECK(v >= 0 && v < n, RuntimeError, "torch.searchsorted(): sorter index out of range");
  }
}

}  // namespace

Tensor searchsorted(const Tensor& sorted_sequence, const Tensor& values, bool out_int32, bool right,
                    const std::optional<std::string>& side, const Tensor& sorter) {
  if (side) {
    FG_CHECK(*side == "left" || *side == "right", RuntimeError,
             "torch.searchsorted(): side can only be 'left' or 'right' but got ", *side);
    FG_CHECK(!(right && *side == "left"), RuntimeError,
             "torch.searchsorted(): side and right can't be set to opposites, got side of left while right was True");
    right = *side == "right";
  }
  check_search_inputs(sorted_sequence, values, sorter);
  FG_CHECK(!out_int32, NotImplementedError,
           "searchsorted(out_int32=True): fastgrad has no int32 dtype yet; use the default int64 result");
  // compare in the promoted dtype, as torch (int64 boundaries with float values compare as floats)
  const DType common = promote(sorted_sequence->dtype, values->dtype);
  Tensor seq = contiguous(to_dtype(alias_detached(sorted_sequence), common));
  Tensor vals = contiguous(to_dtype(alias_detached(values), common));
  Tensor order = sorter ? contiguous(sorter) : Tensor();
  Tensor out = empty(values->shape, DType::Int64);
  const int64_t n = seq->shape.back(), count = vals->numel();
  // a 1-D sequence serves every value; an N-D one gives each innermost row of values its own row
  const int64_t per_row = sorted_sequence->dim() == 1 ? count : (values->dim() == 0 ? 1 : values->shape.back());
  FG_DISPATCH_NUMERIC(common, "searchsorted", [&] {
    const scalar_t* bd = seq->data<scalar_t>();
    const scalar_t* v = vals->data<scalar_t>();
    const int64_t* perm = order ? order->data<int64_t>() : nullptr;
    int64_t* res = out->data<int64_t>();
    for (int64_t i = 0; i < count; ++i) {
      const int64_t row = per_row == 0 ? 0 : i / per_row;
      const scalar_t* b = bd + row * n;
      const int64_t* p = perm ? perm + row * n : nullptr;
      const scalar_t val = v[i];
      int64_t lo = 0, hi = n;
      while (lo < hi) {
        const int64_t mid = lo + ((hi - lo) >> 1);
        const scalar_t at = p ? b[p[mid]] : b[mid];
        if (right ? !(at > val) : !(at >= val)) lo = mid + 1;
        else hi = mid;
      }
      res[i] = lo;
    }
  });
  return out;
}

Tensor bucketize(const Tensor& input, const Tensor& boundaries, bool out_int32, bool right) {
  FG_CHECK(boundaries->dim() == 1, RuntimeError, "boundaries tensor must be 1 dimension, but got dim(",
           boundaries->dim(), ")");
  return searchsorted(boundaries, input, out_int32, right, std::nullopt, Tensor());
}

}  // namespace fg::ops
