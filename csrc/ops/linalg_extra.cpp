// Products and matrix helpers built on matmul, views and reductions: bmm, baddbmm, addmm, addmv, mv,
// outer, diagonal, diag, trace, einsum, cdist and vector_norm. Each is a composition of differentiable
// ops, so its gradient (and higher orders) come from theirs; the checks and messages are torch's.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "autograd/function.h"
#include "ops/ops.h"

namespace fg::ops {

namespace {

Tensor scalar_like(double v, const Tensor& t) { return result_like_scalar(v, t); }

// beta * input + alpha * product, as torch's add*mm family: beta == 0 ignores input (nan and inf too),
// and input must broadcast to the product's shape (not the other way round).
Tensor scale_and_add(const Tensor& input, const Tensor& product, double beta, double alpha, const char* op) {
  FG_CHECK(broadcast_shapes(input->shape, product->shape) == product->shape, RuntimeError, op,
           ": the input of shape ", shape_str(input->shape), " does not broadcast to the product's shape ",
           shape_str(product->shape));
  Tensor p = alpha == 1.0 ? product : mul(product, scalar_like(alpha, product));
  if (beta == 0.0) return add(p, zeros_like(p));  // a fresh tensor, as torch returns even when input is ignored
  Tensor in = beta == 1.0 ? input : mul(input, scalar_like(beta, input));
  return add(in, p);
}

}  // namespace

Tensor bmm(const Tensor& a, const Tensor& b) {
  FG_CHECK(a->dim() == 3, RuntimeError, "batch1 must be a 3D tensor");
  FG_CHECK(b->dim() == 3, RuntimeError, "batch2 must be a 3D tensor");
  FG_CHECK(b->shape[0] == a->shape[0] && b->shape[1] == a->shape[2], RuntimeError,
           "Expected size for first two dimensions of batch2 tensor to be: [", a->shape[0], ", ", a->shape[2],
           "] but got: [", b->shape[0], ", ", b->shape[1], "].");
  return matmul(a, b);
}

Tensor baddbmm(const Tensor& input, const Tensor& a, const Tensor& b, double beta, double alpha) {
  return scale_and_add(input, bmm(a, b), beta, alpha, "baddbmm");
}

Tensor addmm(const Tensor& input, const Tensor& a, const Tensor& b, double beta, double alpha) {
  return scale_and_add(input, mm(a, b), beta, alpha, "addmm");
}

Tensor mv(const Tensor& mat, const Tensor& vec) {
  FG_CHECK(mat->dim() == 2 && vec->dim() == 1, RuntimeError, "vector + matrix @ vector expected, got 1, ", mat->dim(),
           ", ", vec->dim());
  FG_CHECK(mat->shape[1] == vec->shape[0], RuntimeError, "size mismatch, got input (", mat->shape[0], "), mat (",
           mat->shape[0], "x", mat->shape[1], "), vec (", vec->shape[0], ")");
  return matmul(mat, vec);
}

Tensor addmv(const Tensor& input, const Tensor& mat, const Tensor& vec, double beta, double alpha) {
  return scale_and_add(input, mv(mat, vec), beta, alpha, "addmv");
}

Tensor outer(const Tensor& a, const Tensor& b) {
  FG_CHECK(a->dim() == 1, RuntimeError, "outer: Expected 1-D argument self, but got ", a->dim(), "-D");
  FG_CHECK(b->dim() == 1, RuntimeError, "outer: Expected 1-D argument vec2, but got ", b->dim(), "-D");
  return mul(unsqueeze(a, 1), unsqueeze(b, 0));
}

// The diagonal of dims (dim1, dim2) moved to the last dim. torch returns a view; this is a copy that
// carries the gradient (writes through it do not reach x).
Tensor diag(const Tensor& x, int64_t k) {
  FG_CHECK(x->dim() == 1 || x->dim() == 2, RuntimeError, "diag(): Supports 1D or 2D tensors. Got ", x->dim(), "D");
  if (x->dim() == 2) return diagonal(x, k, 0, 1);
  const int64_t n = x->shape[0], pad = k >= 0 ? k : -k;
  // the vector times the identity, then padded with zero rows and columns to put it on diagonal k
  Tensor m = mul(unsqueeze(x, 1), eye(n, n, x->dtype));
  if (pad == 0) return m;
  Tensor cols = zeros({n, pad}, x->dtype), rows = zeros({pad, n + pad}, x->dtype);
  if (k > 0) return cat({cat({cols, m}, 1), rows}, 0);
  return cat({rows, cat({m, cols}, 1)}, 0);
}

Tensor trace(const Tensor& x) {
  FG_CHECK(x->dim() == 2, RuntimeError, "trace: expected a matrix, but got tensor with dim ", x->dim());
  return sum(diagonal(x, 0, 0, 1), {}, false);
}

// ---------------------------------------------------------------------------------------------- einsum
namespace {

// An operand during contraction: the tensor and one letter per dim.
struct Term {
  Tensor t;
  std::string letters;
};

// Sums away the letters of `term` that `keep` does not hold.
Term sum_out(Term term, const std::string& keep) {
  Dims dims;
  std::string left;
  for (size_t i = 0; i < term.letters.size(); ++i) {
    if (keep.find(term.letters[i]) == std::string::npos) dims.push_back(static_cast<int64_t>(i));
    else left.push_back(term.letters[i]);
  }
  if (dims.empty()) return term;
  return {sum(term.t, dims, false), left};
}

// A repeated letter within one operand ("ii->i"): its diagonal, the letter kept once.
Term take_diagonals(Term term) {
  for (size_t i = 0; i < term.letters.size(); ++i) {
    const size_t j = term.letters.find(term.letters[i], i + 1);
    if (j == std::string::npos) continue;
    FG_CHECK(term.t->shape[i] == term.t->shape[j], RuntimeError, "einsum(): subscript ", term.letters[i],
             " is repeated for operand but the sizes don't match, ", term.t->shape[i], " != ", term.t->shape[j]);
    const char c = term.letters[i];
    std::string rest;
    for (size_t k = 0; k < term.letters.size(); ++k)
      if (k != i && k != j) rest.push_back(term.letters[k]);
    term = {diagonal(term.t, 0, static_cast<int64_t>(i), static_cast<int64_t>(j)), rest + c};
    return take_diagonals(term);
  }
  return term;
}

Tensor permute_to(const Term& term, const std::string& order) {
  Dims perm;
  for (char c : order) perm.push_back(static_cast<int64_t>(term.letters.find(c)));
  return permute(term.t, perm);
}

// a x b summed over the letters neither `keep` holds: batch letters (both, kept), contracted (both,
// not kept) and each side's own, through one batched matmul.
Term contract(Term a, Term b, const std::string& keep, const std::map<char, int64_t>& size) {
  std::string batch, con, ao, bo;
  for (char c : a.letters) {
    const bool in_b = b.letters.find(c) != std::string::npos, kept = keep.find(c) != std::string::npos;
    (in_b ? (kept ? batch : con) : ao).push_back(c);
  }
  for (char c : b.letters)
    if (a.letters.find(c) == std::string::npos) bo.push_back(c);
  auto prod = [&](const std::string& s) {
    int64_t p = 1;
    for (char c : s) p *= size.at(c);
    return p;
  };
  auto expanded = [&](const Term& t, const std::string& order) {
    Tensor p = permute_to(t, order);
    Dims full;
    for (char c : order) full.push_back(size.at(c));
    return p->shape == full ? p : expand(p, full);  // size-1 dims broadcast, as torch's einsum does
  };
  Tensor ta = reshape(expanded(a, batch + ao + con), {prod(batch), prod(ao), prod(con)});
  Tensor tb = reshape(expanded(b, batch + con + bo), {prod(batch), prod(con), prod(bo)});
  Dims out;
  for (char c : batch + ao + bo) out.push_back(size.at(c));
  return {reshape(matmul(ta, tb), out), batch + ao + bo};
}

}  // namespace

Tensor einsum(const std::string& equation, const TensorList& operands) {
  FG_CHECK(!operands.empty(), RuntimeError, "einsum(): must provide at least one operand");
  std::string eq;
  for (char c : equation)
    if (c != ' ') eq.push_back(c);
  const size_t arrow = eq.find("->");
  std::string lhs = eq.substr(0, arrow);
  std::vector<std::string> subs;
  for (size_t start = 0;;) {
    const size_t comma = lhs.find(',', start);
    subs.push_back(lhs.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  FG_CHECK(subs.size() == operands.size(), RuntimeError, "einsum(): ",
           subs.size() < operands.size() ? "more" : "fewer", " operands were provided than specified in the equation");
  // "..." becomes as many fresh capital letters as the widest operand's broadcast dims, right-aligned
  int64_t ell = 0;
  for (size_t i = 0; i < subs.size(); ++i) {
    const size_t dots = subs[i].find("...");
    const int64_t named = static_cast<int64_t>(subs[i].size()) - (dots == std::string::npos ? 0 : 3);
    if (dots == std::string::npos) {
      FG_CHECK(named == operands[i]->dim(), RuntimeError, "einsum(): the number of subscripts in the equation (", named,
               ") does not match the number of dimensions (", operands[i]->dim(), ") for operand ", i,
               " and no ellipsis was given");
    } else {
      FG_CHECK(named <= operands[i]->dim(), RuntimeError, "einsum(): the number of subscripts in the equation (", named,
               ") is more than the number of dimensions (", operands[i]->dim(), ") for operand ", i);
      ell = std::max(ell, operands[i]->dim() - named);
    }
  }
  FG_CHECK(ell <= 26, RuntimeError, "einsum(): too many dimensions under the ellipsis");
  std::string ell_all;
  for (int64_t k = 0; k < ell; ++k) ell_all.push_back(static_cast<char>('A' + k));
  std::vector<Term> terms;
  std::map<char, int64_t> size;
  for (size_t i = 0; i < subs.size(); ++i) {
    std::string s = subs[i];
    const size_t dots = s.find("...");
    if (dots != std::string::npos) {
      const int64_t n = operands[i]->dim() - (static_cast<int64_t>(s.size()) - 3);
      s = s.substr(0, dots) + ell_all.substr(ell - n) + s.substr(dots + 3);
    }
    for (size_t k = 0; k < s.size(); ++k) {
      const char c = s[k];
      FG_CHECK(std::isalpha(static_cast<unsigned char>(c)), RuntimeError, "einsum(): invalid subscript given at index ", k, " in the equation string, subscripts must be in [a-zA-Z]");
      const int64_t d = operands[i]->shape[k];
      auto it = size.find(c);
      if (it == size.end() || it->second == 1) size[c] = d;
      else
        FG_CHECK(d == 1 || d == it->second, RuntimeError, "einsum(): operands do not broadcast with remapped shapes "
                 "(original->remapped): subscript ", c, " has size ", d, " in operand ", i, " and size ", it->second,
                 " elsewhere");
    }
    terms.push_back(take_diagonals({operands[i], s}));
  }
  std::string out;
  if (arrow != std::string::npos) {
    std::string rhs = eq.substr(arrow + 2);
    const size_t dots = rhs.find("...");
    if (dots != std::string::npos) rhs = rhs.substr(0, dots) + ell_all + rhs.substr(dots + 3);
    for (char c : rhs) {
      FG_CHECK(size.count(c), RuntimeError, "einsum(): output subscript ", c,
               " does not appear in the equation for any input operand");
      FG_CHECK(out.find(c) == std::string::npos, RuntimeError, "einsum(): output subscript ", c,
               " appears more than once in the output");
      out.push_back(c);
    }
  } else {
    // implicit output: the ellipsis dims, then the letters used once, in alphabetical order
    std::map<char, int> count;
    for (const auto& s : subs)
      for (char c : s)
        if (c != '.') ++count[c];
    out = ell_all;
    for (auto [c, n] : count)
      if (n == 1 && ell_all.find(c) == std::string::npos) out.push_back(c);
  }
  // contract left to right, summing each letter away as soon as nothing later needs it
  auto needed_after = [&](size_t i) {
    std::string keep = out;
    for (size_t k = i + 1; k < terms.size(); ++k) keep += terms[k].letters;
    return keep;
  };
  Term acc = sum_out(terms[0], needed_after(0) + (terms.size() > 1 ? terms[1].letters : ""));
  for (size_t i = 1; i < terms.size(); ++i) {
    const std::string keep = needed_after(i);
    Term b = sum_out(terms[i], keep + acc.letters);
    acc = contract(acc, b, keep, size);
  }
  acc = sum_out(acc, out);
  Tensor r = permute_to(acc, out);
  Dims full;
  for (char c : out) full.push_back(size.at(c));
  return r->shape == full ? r : expand(r, full);
}

// ------------------------------------------------------------------------------------ norms and cdist
namespace {

// s ** (1/p) with a zero gradient where s == 0, as torch's norm backward: the root's derivative is
// infinite there, and inf * 0 from the inner sum's derivative would make the gradient nan.
Tensor root_of_sum(const Tensor& s, double p) {
  Tensor zero = compare(s, scalar_like(0.0, s), CmpOp::Eq);
  Tensor safe = where(zero, full(s->shape, 1.0, s->dtype), s);
  Tensor root = p == 2.0 ? sqrt(safe) : pow(safe, scalar_like(1.0 / p, safe));
  return where(zero, zeros_like(s), root);
}

// the p-norm over `dims` (empty: all) of x, for x already float
Tensor pnorm(const Tensor& x, double p, const Dims& dims, bool keepdim) {
  if (p == 2.0) return root_of_sum(sum(mul(x, x), dims, keepdim), 2.0);
  Tensor a = abs(x);
  if (p == 1.0) return sum(a, dims, keepdim);
  if (std::isinf(p)) return p > 0 ? amax(a, dims, keepdim) : amin(a, dims, keepdim);
  if (p == 0.0) return sum(to_dtype(compare(x, scalar_like(0.0, x), CmpOp::Ne), x->dtype), dims, keepdim);
  return root_of_sum(sum(pow(a, scalar_like(p, a)), dims, keepdim), p);
}

}  // namespace

Tensor vector_norm(const Tensor& x, double ord, const Dims& dims, bool keepdim, std::optional<DType> dtype) {
  FG_CHECK(is_floating(dtype ? *dtype : x->dtype), RuntimeError,
           "linalg.vector_norm: Expected a floating point or complex tensor as input. Got ",
           dtype_short_name(x->dtype));
  Tensor in = dtype && *dtype != x->dtype ? to_dtype(x, *dtype) : x;
  if (ord < 0 || std::isinf(ord)) {
    for (int64_t d : dims) {
      FG_CHECK(in->numel() > 0 ? true : in->shape[wrap_dim(d, in->dim())] != 0, RuntimeError,
               "linalg.vector_norm cannot compute the ", ord, " norm on the dimension ", d,
               " because this dimension is empty");
    }
    FG_CHECK(in->numel() > 0 || !dims.empty(), RuntimeError, "linalg.vector_norm cannot compute the ", ord,
             " norm on an empty tensor because the operation does not have an identity");
  }
  if (ord < 0 && !std::isinf(ord)) {
    // negative p: (sum |x|^p)^(1/p); a zero element makes it zero (inf^(1/p) for p < 0), as torch
    Tensor s = sum(pow(abs(in), scalar_like(ord, in)), dims, keepdim);
    return pow(s, scalar_like(1.0 / ord, s));
  }
  return pnorm(in, ord, dims, keepdim);
}

Tensor cdist(const Tensor& x1, const Tensor& x2, double p) {
  FG_CHECK(x1->dim() >= 2, RuntimeError, "cdist only supports at least 2D tensors, X1 got: ", x1->dim(), "D");
  FG_CHECK(x2->dim() >= 2, RuntimeError, "cdist only supports at least 2D tensors, X2 got: ", x2->dim(), "D");
  FG_CHECK(x1->shape.back() == x2->shape.back(), RuntimeError,
           "X1 and X2 must have the same number of columns. X1: ", x1->shape.back(), " X2: ", x2->shape.back());
  FG_CHECK(p >= 0, RuntimeError, "cdist only supports non-negative p values");
  FG_CHECK(is_floating(x1->dtype) && is_floating(x2->dtype), RuntimeError,
           "cdist only supports floating-point dtypes, X1 got: ", dtype_short_name(x1->dtype));
  // every pair's difference (..., P, R, M), then the p-norm over M
  Tensor diff = sub(unsqueeze(x1, -2), unsqueeze(x2, -3));
  return pnorm(diff, p, {-1}, false);
}

}  // namespace fg::ops
