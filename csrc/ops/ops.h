#pragma once
// The differentiable ops of fastgrad, one C++ function each. Backward formulas are written with
// these same functions, so they are differentiable too. Each op lives in csrc/ops/<family>.cpp
// with its checks, its forward (a kernel call) and its backward together.
#include <functional>
#include <optional>
#include <tuple>
#include <vector>

#include "tensor/tensor.h"

namespace fg::ops {


// ---- creation (creation.cpp) ----
Tensor zeros(const Dims& shape, DType dtype);
Tensor ones(const Dims& shape, DType dtype);
Tensor full(const Dims& shape, double value, DType dtype);
// torch refuses a fill value a narrow integer dtype cannot hold (RuntimeError "value cannot be converted to
// type int8_t without overflow"); int64 and the floats take any.
void check_fill_fits(double value, DType dtype);
Tensor zeros_like(const Tensor& t);
Tensor arange(double start, double end, double step, DType dtype);
Tensor linspace(double start, double end, int64_t steps, DType dtype);
Tensor eye(int64_t n, int64_t m, DType dtype);

// ---- dtype / copies (copy.cpp) ----
Tensor to_dtype(const Tensor& t, DType dtype);  // differentiable between float dtypes
// t's values in wide_dtype(t) (itself when already wide), detached: what a kernel computes a narrow dtype in.
Tensor widened(const Tensor& t);
// The same memory read as another dtype of the same size (Tensor.view(dtype)): bits, not values.
Tensor view_dtype(const Tensor& t, DType dtype);
Tensor contiguous(const Tensor& t);
Tensor clone(const Tensor& t);
// Copies src (broadcast to dst's shape, converted to dst's dtype) into dst's memory. No autograd.
void copy_into(const Tensor& dst, const Tensor& src);
Tensor flip(const Tensor& x, const Dims& dims);     // a copy, reversed along dims
Tensor tril(const Tensor& x, int64_t diagonal = 0);   // zero above the diagonal of the last two dims
Tensor triu(const Tensor& x, int64_t diagonal = 0);   // zero below it

// ---- a view's elements inside its base (view_region.cpp) ----
// Where a view sits in its base: the base's shape and strides, the view's, and the view's offset
// counted from the base's first element. The two ops below take base-shaped tensors of any layout.
struct ViewGeometry {
  Dims base_shape, base_strides, shape, strides;
  int64_t offset = 0;
};
ViewGeometry view_geometry(const TensorImpl& view);
Tensor view_region(const Tensor& g, const ViewGeometry& geom);  // the view's elements of g (as_strided)
// `into` with the view's elements replaced by src (as_strided_scatter)
Tensor region_scatter(const Tensor& into, const Tensor& src, const ViewGeometry& geom);

// ---- elementwise binary (binary.cpp) ----
Tensor add(const Tensor& a, const Tensor& b, double alpha = 1.0);
Tensor sub(const Tensor& a, const Tensor& b, double alpha = 1.0);
Tensor mul(const Tensor& a, const Tensor& b);
Tensor div(const Tensor& a, const Tensor& b);
Tensor pow(const Tensor& a, const Tensor& b);
Tensor maximum(const Tensor& a, const Tensor& b);
Tensor minimum(const Tensor& a, const Tensor& b);
Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b);
// x with `value` (a 0-d tensor, converted to x's dtype) where the bool `mask` is set.
Tensor masked_fill(const Tensor& x, const Tensor& mask, const Tensor& value);
// a + weight * (b - a), in torch's two forms (b - (b - a) * (1 - weight) where |weight| >= 0.5).
Tensor lerp(const Tensor& a, const Tensor& b, const Tensor& weight);
// comparisons return bool and are not differentiable
enum class CmpOp { Eq, Ne, Lt, Le, Gt, Ge };
Tensor compare(const Tensor& a, const Tensor& b, CmpOp op);
Tensor logical_not(const Tensor& a);
Tensor result_like_scalar(double v, const Tensor& like);  // a 0-dim "wrapped number" for a Python scalar

// ---- elementwise unary (unary.cpp): the rows of unary_ops.def, neg and clamp ----
#define FG_UNARY(NAME, ...) Tensor NAME(const Tensor& x);
#include "ops/unary_ops.def"
#undef FG_UNARY
Tensor neg(const Tensor& x);
Tensor clamp(const Tensor& x, std::optional<double> min, std::optional<double> max);
// clamp with tensor bounds (broadcast; either may be null, not both): differentiable in the bounds too.
Tensor clamp(const Tensor& x, const Tensor& min, const Tensor& max);

// ---- rounding and integer division (rounding.cpp) ----
// floor/ceil/trunc/round: identity on int64, zero gradient, as torch.
Tensor floor(const Tensor& x);
Tensor ceil(const Tensor& x);
Tensor trunc(const Tensor& x);
Tensor round(const Tensor& x, int64_t decimals = 0);  // half to even
enum class RoundingMode { None, Trunc, Floor };
// div(a, b, rounding_mode=...): int64 stays int64 with a rounding mode; zero gradient (torch's DivBackward2).
Tensor div(const Tensor& a, const Tensor& b, RoundingMode mode);
// int64 division by zero raises RuntimeError("ZeroDivisionError") in these, as torch.
Tensor floor_divide(const Tensor& a, const Tensor& b);  // backward raises: torch has no derivative for it
Tensor remainder(const Tensor& a, const Tensor& b);     // Python's %: the divisor's sign
Tensor fmod(const Tensor& a, const Tensor& b);          // C's fmod: the dividend's sign

// ---- predicates and logic (logic.cpp); bool results (bitwise on int64: int64), no gradient ----
Tensor isnan(const Tensor& x);
Tensor isinf(const Tensor& x);
Tensor isfinite(const Tensor& x);
Tensor isposinf(const Tensor& x);
Tensor isneginf(const Tensor& x);
enum class BitOp { And, Or, Xor };
Tensor logical(const Tensor& a, const Tensor& b, BitOp op);  // logical_and / _or / _xor of truth values
Tensor bitwise(const Tensor& a, const Tensor& b, BitOp op);  // bool or int64 operands; float refused
Tensor bitwise_not(const Tensor& x);                          // bool or int64
Tensor invert(const Tensor& x);                               // the ~ operator: bitwise_not, TypeError on floats
Tensor all(const Tensor& x, const Dims& dims, bool keepdim);  // dims empty: every dim
Tensor any(const Tensor& x, const Dims& dims, bool keepdim);

// ---- activations (activation.cpp) ----
Tensor relu(const Tensor& x);
Tensor sigmoid(const Tensor& x);
Tensor tanh(const Tensor& x);
Tensor leaky_relu(const Tensor& x, double negative_slope);
Tensor gelu(const Tensor& x, bool tanh_approx);
Tensor softplus(const Tensor& x, double beta, double threshold);
Tensor threshold_backward(const Tensor& grad, const Tensor& out);
Tensor elu(const Tensor& x, double alpha);
Tensor celu(const Tensor& x, double alpha);
Tensor hardtanh(const Tensor& x, double min_val, double max_val);  // relu6 is hardtanh(x, 0, 6)
Tensor softshrink(const Tensor& x, double lambd);
Tensor hardshrink(const Tensor& x, double lambd);
Tensor threshold(const Tensor& x, double threshold, double value);
Tensor glu(const Tensor& x, int64_t dim);
Tensor prelu(const Tensor& x, const Tensor& weight);

// ---- reductions (reduce.cpp) ----
Tensor sum(const Tensor& x, const Dims& dims, bool keepdim, std::optional<DType> dtype = std::nullopt);
Tensor sum_all(const Tensor& x);
Tensor mean(const Tensor& x, const Dims& dims, bool keepdim, std::optional<DType> dtype = std::nullopt);
Tensor var(const Tensor& x, const Dims& dims, double correction, bool keepdim);
Tensor std(const Tensor& x, const Dims& dims, double correction, bool keepdim);
Tensor amax(const Tensor& x, const Dims& dims, bool keepdim);
Tensor amin(const Tensor& x, const Dims& dims, bool keepdim);
std::tuple<Tensor, Tensor> max_dim(const Tensor& x, int64_t dim, bool keepdim);
std::tuple<Tensor, Tensor> min_dim(const Tensor& x, int64_t dim, bool keepdim);
Tensor argmax(const Tensor& x, std::optional<int64_t> dim, bool keepdim);
Tensor argmin(const Tensor& x, std::optional<int64_t> dim, bool keepdim);
Tensor logsumexp(const Tensor& x, const Dims& dims, bool keepdim);
// prod over every element (dim empty) or one dim; bool/int64 give int64; dtype converts x first.
Tensor prod(const Tensor& x, std::optional<int64_t> dim, bool keepdim, std::optional<DType> dtype = std::nullopt);
// Sums `g` down to `shape` (the reverse of broadcasting); returns g itself when shapes match.
Tensor sum_to(const Tensor& g, const Dims& shape);

// ---- scans along a dim (scan.cpp); bool/int64 give int64; dtype converts x first ----
Tensor cumsum(const Tensor& x, int64_t dim, std::optional<DType> dtype = std::nullopt);
Tensor cumprod(const Tensor& x, int64_t dim, std::optional<DType> dtype = std::nullopt);

// ---- softmax family (softmax.cpp) ----
// dtype: x is converted to it first (differentiably), as torch's dtype= argument does.
Tensor softmax(const Tensor& x, int64_t dim, std::optional<DType> dtype = std::nullopt);
Tensor log_softmax(const Tensor& x, int64_t dim, std::optional<DType> dtype = std::nullopt);

// ---- linear algebra (linalg.cpp) ----
Tensor mm(const Tensor& a, const Tensor& b);
Tensor matmul(const Tensor& a, const Tensor& b);
Tensor dot(const Tensor& a, const Tensor& b);  // two 1-D tensors
Tensor linear(const Tensor& x, const Tensor& w, const Tensor& b);  // b may be null

// ---- products and matrix helpers composed of the above (linalg_extra.cpp) ----
Tensor bmm(const Tensor& a, const Tensor& b);
Tensor baddbmm(const Tensor& input, const Tensor& a, const Tensor& b, double beta, double alpha);
Tensor addmm(const Tensor& input, const Tensor& a, const Tensor& b, double beta, double alpha);
Tensor mv(const Tensor& mat, const Tensor& vec);
Tensor addmv(const Tensor& input, const Tensor& mat, const Tensor& vec, double beta, double alpha);
Tensor outer(const Tensor& a, const Tensor& b);
Tensor diag(const Tensor& x, int64_t diagonal);
Tensor trace(const Tensor& x);
Tensor einsum(const std::string& equation, const TensorList& operands);
Tensor cdist(const Tensor& x1, const Tensor& x2, double p);
// ord: any real or +-inf; dims empty: every element; dtype converts x first
Tensor vector_norm(const Tensor& x, double ord, const Dims& dims, bool keepdim, std::optional<DType> dtype);

// ---- sorting and selection (sort.cpp): values and int64 indices; values carry the gradient ----
std::tuple<Tensor, Tensor> sort(const Tensor& x, int64_t dim, bool descending);  // stable, NaN last
std::tuple<Tensor, Tensor> topk(const Tensor& x, int64_t k, int64_t dim, bool largest);
std::tuple<Tensor, Tensor> kthvalue(const Tensor& x, int64_t k, int64_t dim, bool keepdim);
std::tuple<Tensor, Tensor> median_dim(const Tensor& x, int64_t dim, bool keepdim);  // the lower median
Tensor median(const Tensor& x);
std::tuple<Tensor, Tensor> cum_extreme(const Tensor& x, int64_t dim, bool is_max);  // cummax / cummin
// unique over every element (dim none), or of the slices along dim (sorted lexicographically): values,
// each element's (or slice's) index into them, and the counts. No gradient, as torch.
std::tuple<Tensor, Tensor, Tensor> unique(const Tensor& x, std::optional<int64_t> dim = std::nullopt);
// mode: ops/search.h

// ---- views and shape (view.cpp) ----
Tensor view(const Tensor& x, const Dims& shape);
Tensor reshape(const Tensor& x, const Dims& shape);
Tensor transpose(const Tensor& x, int64_t d0, int64_t d1);
Tensor permute(const Tensor& x, const Dims& dims);
Tensor expand(const Tensor& x, const Dims& shape);
Tensor squeeze(const Tensor& x, std::optional<Dims> dims);
Tensor unsqueeze(const Tensor& x, int64_t dim);
Tensor flatten(const Tensor& x, int64_t start_dim, int64_t end_dim);
Tensor slice(const Tensor& x, int64_t dim, int64_t start, int64_t stop, int64_t step);
Tensor select(const Tensor& x, int64_t dim, int64_t index);
// split / chunk: views (slices) along dim, as torch: the last piece of split is smaller; chunk takes
// ceil(size / chunks) per piece and may return fewer pieces; split_with_sizes must sum to the size.
TensorList split(const Tensor& x, int64_t split_size, int64_t dim);
TensorList split_with_sizes(const Tensor& x, const Dims& sizes, int64_t dim);
TensorList chunk(const Tensor& x, int64_t chunks, int64_t dim);
TensorList unbind(const Tensor& x, int64_t dim);  // the selects along dim, as views
Tensor diagonal(const Tensor& x, int64_t offset, int64_t dim1, int64_t dim2);  // a view
Tensor movedim(const Tensor& x, const Dims& source, const Dims& destination);  // a permuted view

// ---- joining and indexing (index.cpp; scatter_add in scatter.cpp, index_add in scatter_index.cpp;
// the rest of the index-write family in ops/scatter.h) ----
Tensor cat(const TensorList& tensors, int64_t dim);
Tensor stack(const TensorList& tensors, int64_t dim);
Tensor gather(const Tensor& x, int64_t dim, const Tensor& index);
Tensor scatter_add(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src);
Tensor index_select(const Tensor& x, int64_t dim, const Tensor& index);
Tensor index_add(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, double alpha = 1.0);

// ---- in-place (inplace.cpp); these bump the version counter ----
Tensor& add_(Tensor& self, const Tensor& other, double alpha = 1.0);
Tensor& sub_(Tensor& self, const Tensor& other, double alpha = 1.0);
Tensor& mul_(Tensor& self, const Tensor& other);
Tensor& div_(Tensor& self, const Tensor& other);
Tensor& copy_(Tensor& self, const Tensor& src);
Tensor& fill_(Tensor& self, double value);
Tensor& zero_(Tensor& self);
Tensor& clamp_(Tensor& self, std::optional<double> min, std::optional<double> max);
Tensor& addcmul_(Tensor& self, const Tensor& t1, const Tensor& t2, double value);
Tensor& addcdiv_(Tensor& self, const Tensor& t1, const Tensor& t2, double value);
Tensor& masked_fill_(Tensor& self, const Tensor& mask, const Tensor& value);
Tensor& lerp_(Tensor& self, const Tensor& end, const Tensor& weight);
// self.op_() for an out-of-place op: its result written back into self. In autograd mode the op reads a
// copy of self's old values (torch saves original_self likewise): the overwrite would otherwise trip the
// version check of what the op saved.
Tensor& unary_(Tensor& self, Tensor (*op)(const Tensor&));
template <typename Op>
Tensor& binary_(Tensor& self, const Tensor& other, Op op);
// self overwritten by values that do not depend on its old ones (fill_, the samplers' normal_, ...):
// `write` fills the tensor it is given and bumps its version. Outside autograd it writes into self;
// under autograd it writes a fresh tensor that assign_inplace moves in, with a zero gradient for self's
// old values (torch's FillBackward0, NormalBackward0, ...: a later op still requires grad).
Tensor& overwrite_(Tensor& self, const std::function<void(const Tensor&)>& write, const char* node_name);
// Replaces self's contents with `result` (same shape) as an in-place op: checks, version bump and
// autograd history (grad_fn) for self. Every in-place op is written as out-of-place + this.
Tensor& assign_inplace(Tensor& self, const Tensor& result);

// ---- broadcasting helpers (broadcast.cpp) ----
Dims broadcast_shapes(const Dims& a, const Dims& b);
Tensor broadcast_to_view(const Tensor& x, const Dims& shape);  // a stride-0 view, no autograd
DType result_type(const Tensor& a, const Tensor& b);
bool is_wrapped_number(const Tensor& t);

// ---- definitions of the templates above ----
Tensor original_self(const Tensor& self, const Tensor& other);  // inplace.cpp: self, or its copy in autograd mode
template <typename Op>
Tensor& binary_(Tensor& self, const Tensor& other, Op op) {
  return assign_inplace(self, op(original_self(self, other), other));
}

// ---- normalization layers (normalization.cpp): one node each, fused kernels ----
// layer_norm over the trailing dims given by normalized_shape; weight / bias of that shape or null.
Tensor layer_norm(const Tensor& x, const Dims& normalized_shape, const Tensor& weight, const Tensor& bias,
                  double eps);
// batch_norm of an (N, C, *) input per channel. training: batch statistics, and running_mean /
// running_var (when given) updated in place; otherwise the running statistics normalise.
Tensor batch_norm(const Tensor& x, const Tensor& running_mean, const Tensor& running_var, const Tensor& weight,
                  const Tensor& bias, bool training, double momentum, double eps);

}  // namespace fg::ops
