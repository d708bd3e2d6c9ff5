"""The op table of the gradient-check suite, in the spirit of PyTorch's OpInfo / op_db.

One OpInfo per differentiable op that fastgrad exports (the top-level namespace, Tensor methods and
operators, in-place methods and nn.functional). Each entry has

    op(ns, *args, **kwargs)   the call, written once against a torch-shaped namespace `ns`, so that the
                              very same line runs with ns=fastgrad and with ns=torch for comparison
    samples()                 a list of SampleInput: tensor specs (T) and plain Python arguments
    gradgrad                  whether the op is twice differentiable (gradgradcheck runs)
    ref                       a different call for torch where the names differ (optional)

Tensor specs T hold float64 numpy data (fixed by a seed per op) and a layout: contiguous, transposed
('t': a transposed view of a contiguous tensor), sliced ('s': every other element of a wider tensor),
or expanded (`expand=shape`: a stride-0 broadcast view made inside the call, so gradcheck perturbs the
un-expanded leaf and the op still sees a stride-0 input). Integer and bool specs (indices, masks, class
targets) never require grad.

Sample values keep away from kinks and singularities by more than gradcheck's eps (|x| >= 0.1 for
abs/relu/..., positive domains for log/sqrt, distinct values for max/amax/maximum); ties and other
non-differentiable points appear only in torch-comparison samples (gradcheck=False), where the
sub-gradient convention is checked against torch.
"""
import zlib

import numpy as np

F64 = "float64"


class T:
    """A tensor argument: shape and value domain (or explicit data), layout, requires_grad."""

    def __init__(self, shape=(), domain="normal", *, data=None, grad=True, layout=None, expand=None,
                 dtype=F64, low=None, high=None):
        self.shape = tuple(shape) if data is None else np.asarray(data).shape
        self.domain = domain
        self.data = data
        self.grad = grad and dtype == F64
        self.layout = layout
        self.expand = expand
        self.dtype = dtype
        self.low, self.high = low, high
        self.array = None  # filled by SampleInput.freeze with the op's rng

    def freeze(self, rng):
        if self.data is not None:
            a = np.asarray(self.data)
            a = a.astype(np.float64) if self.dtype == F64 else a
            self.array = a
            return
        shape = self.shape
        d = self.domain
        if d == "normal":
            a = rng.standard_normal(shape)
        elif d == "positive":  # log, sqrt, pow bases
            a = rng.uniform(0.5, 2.0, shape)
        elif d == "away":  # |x| in [0.2, 2]: away from the kink/pole at 0
            a = rng.uniform(0.2, 2.0, shape) * rng.choice([-1.0, 1.0], shape)
        elif d == "prob":  # open interval (0, 1)
            a = rng.uniform(0.1, 0.9, shape)
        elif d == "uniform":
            a = rng.uniform(self.low, self.high, shape)
        elif d == "distinct":  # a shuffled grid, no two values within 0.05: max/amax/maximum
            n = int(np.prod(shape, dtype=np.int64))
            a = (rng.permutation(n) - n / 2.0) * 0.37 + rng.uniform(-0.05, 0.05, n)
            a = a.reshape(shape)
        else:
            raise ValueError(d)
        self.array = np.asarray(a, dtype=np.float64)

    def make(self, ns):
        """The leaf tensor in namespace ns (fastgrad or torch), laid out as asked."""
        a = self.array
        if self.layout == "t":
            base = ns.from_numpy(np.ascontiguousarray(np.swapaxes(a, -1, -2)))
            t = base.transpose(-1, -2)
        elif self.layout == "s":
            wide = np.zeros(a.shape[:-1] + (2 * a.shape[-1],), dtype=a.dtype)
            wide[..., ::2] = a
            t = ns.from_numpy(wide)[..., ::2]
        else:
            t = ns.from_numpy(np.array(a, order="C", copy=True))
        return t

    def view(self, t):
        return t.expand(*self.expand) if self.expand is not None else t

    def describe(self):
        s = "x".join(str(v) for v in self.array.shape) or "0d"
        if self.layout:
            s += {"t": "T", "s": "sl"}[self.layout]
        if self.expand is not None:
            s += "->" + "x".join(str(v) for v in self.expand)
        if self.dtype != F64:
            s += ":" + self.dtype
        return s


def I(data, dtype="int64"):  # noqa: E743  an integer index / class-target tensor
    return T(data=np.asarray(data, dtype=np.int64), dtype=dtype, grad=False)


def B(data):  # a bool mask
    return T(data=np.asarray(data, dtype=bool), dtype="bool", grad=False)


class SampleInput:
    def __init__(self, *args, name=None, gradcheck=True, gradgrad=True, compare=True, **kwargs):
        self.args = args
        self.kwargs = kwargs
        self.name = name
        self.compare = compare  # False: no forward/backward comparison with torch (e.g. random draws)
        self.gradcheck = gradcheck  # False: a point where the op is not differentiable; torch check only
        self.gradgrad = gradgrad

    def specs(self):
        out = []

        def walk(v):
            if isinstance(v, T):
                out.append(v)
            elif isinstance(v, (list, tuple)):
                for u in v:
                    walk(u)
        walk(self.args)
        walk(list(self.kwargs.values()))
        return out

    def freeze(self, rng):
        for s in self.specs():
            s.freeze(rng)
        return self

    def describe(self):
        if self.name:
            return self.name

        def d(v):
            if isinstance(v, T):
                return v.describe()
            if isinstance(v, (list, tuple)):
                return "[" + ",".join(d(u) for u in v) + "]"
            return repr(v)
        parts = [d(a) for a in self.args] + [f"{k}={d(v)}" for k, v in self.kwargs.items()]
        return ",".join(parts).replace(" ", "")


def materialize(sample, ns, op):
    """Builds (fn, leaves): the leaves are the tensors that require grad, fn(*leaves) calls the op."""
    leaves = []

    def conv(spec):
        if isinstance(spec, T):
            t = spec.make(ns)
            if spec.grad:
                t.requires_grad_(True)
                leaves.append(t)
                i = len(leaves) - 1
                return lambda xs: spec.view(xs[i])
            v = spec.view(t)
            return lambda xs: v
        if isinstance(spec, (list, tuple)):
            fs = [conv(s) for s in spec]
            typ = type(spec)
            return lambda xs: typ(f(xs) for f in fs)
        return lambda xs: spec

    afs = [conv(a) for a in sample.args]
    kfs = {k: conv(v) for k, v in sample.kwargs.items()}

    def fn(*xs):
        return op(ns, *[f(xs) for f in afs], **{k: f(xs) for k, f in kfs.items()})
    return fn, leaves


class OpInfo:
    def __init__(self, name, op, samples, *, gradgrad=True, ref=None, covers=(), fwd_tol=None, notes=""):
        self.name = name
        self.op = op
        self._samples = samples
        self.gradgrad = gradgrad
        self.ref = ref or op
        self.covers = (name,) + tuple(covers)  # exported names this entry checks
        self.fwd_tol = fwd_tol or dict(rtol=1e-10, atol=1e-12)
        self.notes = notes

    def samples(self):
        rng = np.random.default_rng(zlib.crc32(self.name.encode()))
        return [s.freeze(rng) for s in self._samples()]


S = SampleInput
op_db = []


def add(name, op, samples, **kw):
    op_db.append(OpInfo(name, op, samples, **kw))


# --------------------------------------------------------------------------- sample families
def binary_samples(dom_a="normal", dom_b="normal", scalar=2.5, extra=()):
    def gen():
        return [
            S(T((3, 4), dom_a), T((3, 4), dom_b)),
            S(T((3, 1), dom_a), T((1, 4), dom_b)),                 # broadcast both ways
            S(T((2, 3, 4), dom_a), T((4,), dom_b)),                # rank broadcast
            S(T((), dom_a), T((3,), dom_b)),                       # 0-d with 1-d
            S(T((2, 3), dom_a), T((), dom_b)),
            S(T((1,), dom_a), T((1, 1), dom_b)),                   # size-1 dims
            S(T((3, 4), dom_a, layout="t"), T((3, 4), dom_b, layout="s")),   # non-contiguous
            S(T((3, 1), dom_a, expand=(3, 4)), T((3, 4), dom_b)),  # expanded (stride 0)
            S(T((3, 4), dom_a), T((3, 4), dom_b, grad=False), name="3x4,3x4-const"),
            S(T((3, 4), dom_a), scalar),                           # Python number
        ] + [e() if callable(e) else e for e in extra]
    return gen


def unary_samples(dom="normal", **kwargs):
    def gen():
        return [
            S(T((3, 4), dom), **kwargs),
            S(T((), dom), **kwargs),
            S(T((2, 1, 3), dom), **kwargs),
            S(T((3, 4), dom, layout="t"), **kwargs),
            S(T((2, 3), dom, layout="s"), **kwargs),
            S(T((3, 1), dom, expand=(3, 2)), **kwargs),
            S(T((0, 3), dom), **kwargs),
        ]
    return gen


# --------------------------------------------------------------------------- elementwise binary
add("add", lambda ns, a, b, **k: ns.add(a, b, **k), binary_samples(extra=[
    lambda: S(T((3, 4)), T((3, 4)), alpha=2.0),
    lambda: S(T((2, 3)), T((3,)), alpha=-0.5),
]))
add("sub", lambda ns, a, b, **k: ns.sub(a, b, **k), binary_samples(extra=[lambda: S(T((3, 4)), T((4,)), alpha=3.0)]))
add("mul", lambda ns, a, b: ns.mul(a, b), binary_samples())
add("div", lambda ns, a, b: ns.div(a, b), binary_samples(dom_b="away"))
add("true_divide", lambda ns, a, b: ns.true_divide(a, b), binary_samples(dom_b="away"))
add("pow", lambda ns, a, b: ns.pow(a, b), binary_samples(dom_a="positive", dom_b="normal", scalar=1.7, extra=[
    lambda: S(T((3, 4), "away"), 2),
    lambda: S(T((3, 4), "away"), 3.0),
    lambda: S(T((3, 4), "positive"), -1.5),
    lambda: S(T((3, 4), "positive"), 0.5),
    lambda: S(2.0, T((3, 4)), name="scalar_base"),
    lambda: S(T((3,), "away"), T(data=[2.0, 0.0, 3.0], grad=False), name="int-valued_exponents"),
    lambda: S(T(data=[0.0, 1.5]), T(data=[2.0, 3.0]), name="zero_base", gradcheck=False),
]))
add("maximum", lambda ns, a, b: ns.maximum(a, b), lambda: [
    S(T((3, 4), "distinct"), T((3, 4), "distinct")),
    S(T((3, 1), "distinct"), T((1, 4), "distinct")),
    S(T((2, 3), "distinct", layout="t"), T((), "distinct")),
    S(T(data=[1.0, 2.0, -1.0]), T(data=[1.0, 0.5, -1.0]), name="ties", gradcheck=False),
])
add("minimum", lambda ns, a, b: ns.minimum(a, b), lambda: [
    S(T((3, 4), "distinct"), T((3, 4), "distinct")),
    S(T((3, 1), "distinct"), T((1, 4), "distinct")),
    S(T((2, 3), "distinct", layout="s"), T((3,), "distinct")),
    S(T(data=[1.0, 2.0, -1.0]), T(data=[1.0, 0.5, -1.0]), name="ties", gradcheck=False),
])
add("where", lambda ns, c, a, b: ns.where(c, a, b), lambda: [
    S(B([[True, False, True, False], [False, False, True, True], [True, True, True, False]]), T((3, 4)), T((3, 4))),
    S(B([[True], [False], [True]]), T((1, 4)), T((3, 4))),     # broadcast cond and input
    S(B([True, False, True]), T(()), T((2, 3), layout="t")),
    S(B([True, False, True]), T((3,)), 0.5),
])
add("Tensor.where", lambda ns, a, c, b: a.where(c, b), lambda: [
    S(T((2, 3)), B([[True, False, True], [False, True, False]]), T((2, 3))),
    S(T((2, 3)), B([True, False, True]), T(())),
])
add("masked_fill", lambda ns, x, m, v: ns.masked_fill(x, m, v), lambda: [
    S(T((3, 4)), B(np.eye(3, 4, dtype=bool)), -1.5),
    S(T((3, 4), layout="t"), B([True, False, False, True]), 2.0),   # broadcast mask
    S(T((2, 3)), B([[False, True, False], [True, True, False]]), T(())),  # 0-d tensor value (grad)
], covers=("Tensor.masked_fill",))

# rounding division: away from the jumps of floor(a / b) / trunc(a / b) (b in [0.2, 2], random a), where the
# gradient w.r.t. b is -g * floor(a / b) (remainder) or -g * trunc(a / b) (fmod); exact multiples are in
# torch-comparison samples only
add("remainder", lambda ns, a, b: ns.remainder(a, b), binary_samples(dom_b="away", scalar=-1.5, extra=[
    lambda: S(T((3, 4), "uniform", low=-6, high=6), T((4,), "away")),
    lambda: S(T(data=[4.0, -4.0, 3.0, -3.0, 0.5]), T(data=[2.0, 2.0, -1.5, -1.5, 2.0]), name="exact_multiples",
              gradcheck=False),
    lambda: S(2.5, T((2, 3), "away"), name="scalar_dividend", compare=False),
]), covers=("Tensor.remainder",),
    notes="torch.remainder(number, tensor) has no derivative in torch (backward raises); fastgrad gives "
          "-g * floor(a / b) there too, so that sample is gradchecked but not compared with torch")
add("fmod", lambda ns, a, b: ns.fmod(a, b), binary_samples(dom_b="away", scalar=-1.5, extra=[
    lambda: S(T((3, 4), "uniform", low=-6, high=6), T((4,), "away")),
    lambda: S(T(data=[4.0, -4.0, 3.0, -3.0, 0.5]), T(data=[2.0, 2.0, -1.5, -1.5, 2.0]), name="exact_multiples",
              gradcheck=False),
]), covers=("Tensor.fmod",))
add("div.rounding_mode", lambda ns, a, b, **k: ns.div(a, b, **k), lambda: [
    S(T((3, 4), "uniform", low=-6, high=6), T((3, 4), "away"), rounding_mode="floor"),
    S(T((3, 4), "uniform", low=-6, high=6), T((4,), "away"), rounding_mode="trunc"),
    S(T((2, 3), layout="t"), 0.7, rounding_mode="floor"),
    S(T((2, 3)), T((), "away"), rounding_mode=None),
])

# --------------------------------------------------------------------------- operators
add("operators", lambda ns, a, b: (a + b, a - b, a * b, a / b, a ** 2, -a, +a, abs(a), 2.0 + a, 2.0 - a,
                                   2.0 * a, 2.0 / b, 1.5 ** a, b ** 0.5),
    lambda: [S(T((2, 3), "positive"), T((2, 3), "positive")), S(T((2, 3), "positive"), T((3,), "positive"))],
    covers=("Tensor.__add__", "Tensor.__radd__", "Tensor.__sub__", "Tensor.__rsub__", "Tensor.__mul__",
            "Tensor.__rmul__", "Tensor.__truediv__", "Tensor.__rtruediv__", "Tensor.__pow__", "Tensor.__rpow__",
            "Tensor.__neg__", "Tensor.__pos__", "Tensor.__abs__"))
add("mod_operator", lambda ns, a, b: (a % b, b.__rmod__(a), a % 1.5, a % -0.7),
    lambda: [S(T((2, 3), "uniform", low=-5, high=5), T((2, 3), "away")), S(T((2, 3)), T((3,), "away"))],
    covers=("Tensor.__mod__", "Tensor.__rmod__"))
add("matmul_operator", lambda ns, a, b: (a @ b, b.__rmatmul__(a)),
    lambda: [S(T((2, 3)), T((3, 4))), S(T((3,)), T((3, 2)))], covers=("Tensor.__matmul__", "Tensor.__rmatmul__"))

# --------------------------------------------------------------------------- elementwise unary
for _n, _dom in [("neg", "normal"), ("negative", "normal"), ("exp", "normal"), ("log", "positive"),
                 ("log1p", ("uniform", -0.5, 2.0)), ("sqrt", "positive"), ("rsqrt", "positive"), ("abs", "away"),
                 ("sign", "away"), ("sin", "normal"), ("cos", "normal"), ("erf", "normal"),
                 ("reciprocal", "away"), ("square", "normal"), ("relu", "away"), ("sigmoid", "normal"),
                 ("tanh", "normal")]:
    def _gen(dom=_dom):
        if isinstance(dom, tuple):
            return [S(T((3, 4), "uniform", low=dom[1], high=dom[2])), S(T((), "uniform", low=dom[1], high=dom[2])),
                    S(T((3, 4), "uniform", low=dom[1], high=dom[2], layout="t")),
                    S(T((2, 1), "uniform", low=dom[1], high=dom[2], expand=(2, 3)))]
        return unary_samples(dom)()
    add(_n, (lambda name: lambda ns, x: getattr(ns, name)(x))(_n), _gen, covers=(f"Tensor.{_n}",))

# rounding: piecewise constant, zero gradient as torch (random samples are not within eps of a jump)
for _n in ("floor", "ceil", "trunc", "round"):
    add(_n, (lambda name: lambda ns, x: getattr(ns, name)(x))(_n), lambda: [
        S(T((3, 4), "uniform", low=-4, high=4)), S(T((), "uniform", low=-4, high=4)),
        S(T((3, 4), "uniform", low=-4, high=4, layout="t")), S(T((2, 3), "uniform", low=-4, high=4, layout="s")),
        S(T((3, 1), "uniform", low=-4, high=4, expand=(3, 2))), S(T((0, 3))),
        S(T(data=[-2.5, -1.5, -0.5, 0.5, 1.5, 2.0, -3.0]), name="halves_and_integers", gradcheck=False),
    ], covers=(f"Tensor.{_n}",))
add("round.decimals", lambda ns, x, **k: ns.round(x, **k), lambda: [
    S(T((3, 4), "uniform", low=-40, high=40), decimals=1), S(T((2, 3), "uniform", low=-400, high=400), decimals=-1),
    S(T(data=[0.25, -0.35, 1.125]), decimals=2, gradcheck=False, name="halfway"),
])

add("leaky_relu", lambda ns, x, *a: ns.nn.functional.leaky_relu(x, *a), lambda: [
    S(T((3, 4), "away")), S(T((3, 4), "away"), 0.2), S(T((), "away"), 0.3), S(T((3, 4), "away", layout="t"), 0.1),
    S(T(data=[0.0, 1.0]), name="at_zero", gradcheck=False),
], covers=("nn.functional.leaky_relu",))
add("fastgrad.leaky_relu", lambda ns, x, s: ns.nn.functional.leaky_relu(x, s) if ns.__name__ == "torch"
    else ns.leaky_relu(x, s), lambda: [S(T((2, 3), "away"), 0.05)], covers=("leaky_relu",))
add("gelu", lambda ns, x, **k: ns.nn.functional.gelu(x, **k), lambda: [
    S(T((3, 4))), S(T((3, 4)), approximate="tanh"), S(T(())), S(T((2, 3), layout="s"), approximate="tanh"),
    S(T((0, 2))),
], covers=("nn.functional.gelu",))
add("fastgrad.gelu", lambda ns, x, **k: ns.nn.functional.gelu(x, **k) if ns.__name__ == "torch" else ns.gelu(x, **k),
    lambda: [S(T((2, 3))), S(T((2, 3)), approximate="tanh")], covers=("gelu",))
add("softplus", lambda ns, x, *a: ns.nn.functional.softplus(x, *a), lambda: [
    S(T((3, 4))), S(T((3, 4)), 2.0), S(T((3, 4), "uniform", low=-3, high=3), 2.0, 1.0),  # both sides of threshold
    S(T(())), S(T((2, 3), layout="t"), 0.5, 5.0),
], covers=("nn.functional.softplus",))
add("fastgrad.softplus", lambda ns, x, *a: ns.nn.functional.softplus(x, *a) if ns.__name__ == "torch"
    else ns.softplus(x, *a), lambda: [S(T((2, 3)), 1.5, 4.0)], covers=("softplus",))
add("logsigmoid", lambda ns, x: ns.nn.functional.logsigmoid(x), lambda: [
    S(T((3, 4))), S(T(())), S(T(data=[-30.0, -5.0, 0.5, 5.0, 30.0])), S(T((2, 3), layout="t")),
], covers=("nn.functional.logsigmoid",))
for _n in ("relu", "sigmoid", "tanh"):
    add(f"nn.functional.{_n}", (lambda name: lambda ns, x: getattr(ns.nn.functional, name)(x))(_n),
        lambda: [S(T((3, 4), "away")), S(T((), "away"))])

add("clamp", lambda ns, x, **k: ns.clamp(x, **k), lambda: [
    S(T(data=[[-2.0, -0.5, 0.3], [0.7, 1.5, 3.0]]), min=-1.0, max=1.0),
    S(T(data=[[-2.0, -0.5, 0.3], [0.7, 1.5, 3.0]]), min=0.0),
    S(T(data=[[-2.0, -0.5, 0.3], [0.7, 1.5, 3.0]]), max=0.5),
    S(T(data=-0.75), min=-0.5, max=0.5),  # 0-d
    S(T(data=[[-2.0, -0.5], [0.3, 0.7], [1.5, 3.0]], layout="t"), min=-1.0, max=1.0),
    S(T(data=[-1.0, 0.0, 1.0]), min=-1.0, max=1.0, name="at_bounds", gradcheck=False),
], covers=("Tensor.clamp",))
add("clip", lambda ns, x, **k: ns.clip(x, **k), lambda: [
    S(T(data=[[-2.0, -0.5, 0.3], [0.7, 1.5, 3.0]]), min=-1.0, max=1.0)], covers=("Tensor.clip",))
add("clamp_min", lambda ns, x, v: ns.clamp_min(x, v), lambda: [S(T(data=[-2.0, -0.5, 0.3, 1.5]), 0.0)],
    covers=("Tensor.clamp_min",))
add("clamp_max", lambda ns, x, v: ns.clamp_max(x, v), lambda: [S(T(data=[-2.0, -0.5, 0.3, 1.5]), 0.0)],
    covers=("Tensor.clamp_max",))

# --------------------------------------------------------------------------- reductions
def reduce_samples(dom="normal", with_dtype=False):
    def gen():
        return [
            S(T((3, 4), dom)),
            S(T((3, 4), dom), 1),
            S(T((2, 3, 4), dom), -1),
            S(T((2, 3, 4), dom), (0, 2)),
            S(T((2, 3, 4), dom), (-1, -3), True),
            S(T((3, 4), dom), 0, keepdim=True),
            S(T((), dom)),
            S(T((1, 3), dom), 0),
            S(T((3, 4), dom, layout="t"), 1),
            S(T((2, 3), dom, layout="s"), (0, 1)),
            S(T((3, 1), dom, expand=(3, 4)), 1),
        ]
    return gen


add("sum", lambda ns, x, *a, **k: ns.sum(x, *a, **k), reduce_samples(), covers=("Tensor.sum",))
add("mean", lambda ns, x, *a, **k: ns.mean(x, *a, **k), reduce_samples(), covers=("Tensor.mean",))
add("var", lambda ns, x, *a, **k: ns.var(x, *a, **k), lambda: [
    S(T((3, 4))), S(T((3, 4)), 1), S(T((2, 3, 4)), (0, 2), keepdim=True), S(T((3, 4)), -1, unbiased=False),
    S(T((3, 4)), 0, correction=0), S(T((2, 3, 4)), (1, 2), correction=2), S(T((3, 4), layout="t"), 1),
    S(T((3, 1), expand=(3, 4)), 0),
], covers=("Tensor.var",))
add("std", lambda ns, x, *a, **k: ns.std(x, *a, **k), lambda: [
    S(T((3, 4))), S(T((3, 4)), 1), S(T((2, 3, 4)), (0, 2), keepdim=True), S(T((3, 4)), -1, unbiased=False),
    S(T((2, 3), layout="s"), 0, correction=0),
], covers=("Tensor.std",))
add("amax", lambda ns, x, *a, **k: ns.amax(x, *a, **k), lambda: [
    S(T((3, 4), "distinct")), S(T((3, 4), "distinct"), 1), S(T((2, 3, 4), "distinct"), (0, -1)),
    S(T((2, 3, 4), "distinct"), -2, True), S(T((), "distinct")), S(T((3, 4), "distinct", layout="t"), 0),
    S(T(data=[[1.0, 3.0, 3.0], [2.0, 2.0, 2.0]]), 1, name="ties", gradcheck=False),
], covers=("Tensor.amax",))
add("amin", lambda ns, x, *a, **k: ns.amin(x, *a, **k), lambda: [
    S(T((3, 4), "distinct")), S(T((3, 4), "distinct"), 1), S(T((2, 3, 4), "distinct"), (0, -1), keepdim=True),
    S(T(data=[[1.0, -3.0, -3.0], [2.0, 2.0, 2.0]]), 1, name="ties", gradcheck=False),
], covers=("Tensor.amin",))
add("max", lambda ns, x, *a, **k: ns.max(x, *a, **k), lambda: [
    S(T((3, 4), "distinct")), S(T((3, 4), "distinct"), 1), S(T((2, 3, 4), "distinct"), -1, True),
    S(T((2, 3), "distinct"), 0, keepdim=False), S(T((), "distinct"), 0), S(T((3, 4), "distinct", layout="t"), 1),
    S(T(data=[[1.0, 3.0, 3.0], [2.0, 2.0, 2.0]]), 1, name="ties_dim", gradcheck=False),
    S(T(data=[[1.0, 3.0, 3.0], [2.0, 2.0, 2.0]]), name="ties_all", gradcheck=False),
], covers=("Tensor.max",))
add("min", lambda ns, x, *a, **k: ns.min(x, *a, **k), lambda: [
    S(T((3, 4), "distinct")), S(T((3, 4), "distinct"), 0), S(T((2, 3, 4), "distinct"), 1, keepdim=True),
    S(T(data=[[1.0, -3.0, -3.0], [2.0, 2.0, 2.0]]), name="ties_all", gradcheck=False),
], covers=("Tensor.min",))
add("logsumexp", lambda ns, x, *a, **k: ns.logsumexp(x, *a, **k), lambda: [
    S(T((3, 4)), 1), S(T((2, 3, 4)), (0, 2)), S(T((2, 3, 4)), -1, True), S(T(()), 0),
    S(T((3, 4), layout="t"), 0), S(T(data=[[1000.0, 1001.0], [-1000.0, -1002.0]]), 1),
], covers=("Tensor.logsumexp",))
# prod: samples with one zero and with several zeros check torch's zero-safe backward (prod_backward)
_ZEROS1 = [[0.5, 0.0, 1.5, -2.0], [1.2, -0.7, 0.9, 1.1], [0.0, 0.3, -1.4, 0.8]]
_ZEROS2 = [[0.0, 1.3, 0.0], [-0.6, 0.0, 1.7]]
add("prod", lambda ns, x, *a, **k: ns.prod(x, *a, **k), lambda: [
    S(T((3, 4))), S(T((3, 4)), 1), S(T((2, 3, 4)), -2, True), S(T(())), S(T(()), 0), S(T((3, 4), layout="t"), 0),
    S(T((2, 5), layout="s"), 1), S(T(data=_ZEROS1)), S(T(data=_ZEROS1), 1), S(T(data=_ZEROS1), 0, True),
    S(T(data=_ZEROS2)), S(T(data=_ZEROS2), 0), S(T(data=_ZEROS2), 1),
], covers=("Tensor.prod",))
add("cumsum", lambda ns, x, *a, **k: ns.cumsum(x, *a, **k), lambda: [
    S(T((3, 4)), 1), S(T((3, 4)), 0), S(T((2, 3, 4)), -2), S(T(()), 0), S(T((3, 4), layout="t"), -1),
    S(T((2, 5), layout="s"), 1), S(T((1, 3)), 0),
], covers=("Tensor.cumsum",))
add("cumprod", lambda ns, x, *a, **k: ns.cumprod(x, *a, **k), lambda: [
    S(T((3, 4)), 1), S(T((3, 4)), 0), S(T((2, 3, 4)), -2), S(T(()), 0), S(T((3, 4), layout="t"), -1),
    S(T((2, 5), layout="s"), 1), S(T(data=_ZEROS1), 1), S(T(data=_ZEROS2), 1), S(T(data=_ZEROS2), 0),
], covers=("Tensor.cumprod",))
for _n in ("softmax", "log_softmax"):
    add(_n, (lambda name: lambda ns, x, d, **k: getattr(ns, name)(x, d, **k))(_n), lambda: [
        S(T((3, 4)), 1), S(T((3, 4)), 0), S(T((2, 3, 4)), -2), S(T(()), 0), S(T((3, 4), layout="t"), -1),
        S(T((2, 3), layout="s"), 0), S(T((3, 1), expand=(3, 4)), 1), S(T((1, 5)), 1),
        S(T(data=[[500.0, 501.0, 499.0]]), 1),
    ], covers=(f"Tensor.{_n}",))
    add(f"nn.functional.{_n}", (lambda name: lambda ns, x, *a, **k: getattr(ns.nn.functional, name)(x, *a, **k))(_n),
        lambda: [S(T((3, 4)), 1), S(T((2, 3, 4)), dim=-1)])
add("norm", lambda ns, x, *a, **k: ns.norm(x, *a, **k), lambda: [
    S(T((3, 4))), S(T((3, 4)), 2, 1), S(T((3, 4), "away"), 1, 0), S(T((3, 4), "distinct"), float("inf"), 1),
    S(T((3, 4), "distinct"), float("-inf"), 1), S(T((2, 3), "away"), 3, (0, 1), True), S(T((3, 4), layout="t"), "fro"),
    # a zero slice: torch's convention is a zero gradient (the central difference agrees); the second
    # derivative is unbounded there, so no gradgradcheck
    S(T(data=[[0.0, 0.0], [3.0, 4.0]]), 2, 1, name="zero_row_p2", gradgrad=False),
    S(T(data=[[0.0, 0.0], [3.0, 4.0]]), 3, 1, name="zero_row_p3", gradgrad=False),
    S(T(data=[[0.0, 0.0], [0.0, 0.0]]), name="all_zero_fro", gradgrad=False),
], covers=("Tensor.norm",))
add("linalg_norm", lambda ns, x, *a: (ns.norm if ns.__name__ == "torch" else ns.linalg_norm)(x, *a),
    lambda: [S(T((3, 4)), 2, 1), S(T((2, 3), "away"), 1)])

# --------------------------------------------------------------------------- linear algebra
add("matmul", lambda ns, a, b: ns.matmul(a, b), lambda: [
    S(T((3,)), T((3,))), S(T((2, 3)), T((3,))), S(T((3,)), T((3, 2))), S(T((2, 3)), T((3, 4))),
    S(T((2, 2, 3)), T((3, 4))), S(T((3,)), T((2, 3, 2))), S(T((2, 1, 2, 3)), T((3, 3, 2))),
    S(T((2, 3), layout="t"), T((3, 4), layout="t")), S(T((2, 3), layout="s"), T((3, 2))),
    S(T((1, 3)), T((3, 1))),
], covers=("Tensor.matmul",))
add("mm", lambda ns, a, b: ns.mm(a, b), lambda: [
    S(T((2, 3)), T((3, 4))), S(T((3, 2), layout="t"), T((2, 4))), S(T((1, 1)), T((1, 3))),
    S(T((2, 3), layout="s"), T((3, 4), layout="t")),
], covers=("Tensor.mm",))
add("dot", lambda ns, a, b: ns.dot(a, b), lambda: [S(T((4,)), T((4,))), S(T((3,), layout="s"), T((3,)))],
    covers=("Tensor.dot",))
for _n in ("linear", "nn.functional.linear"):
    add(_n, (lambda name: (lambda ns, *a: ns.nn.functional.linear(*a)) if name.startswith("nn")
             else (lambda ns, *a: (ns.nn.functional.linear if ns.__name__ == "torch" else ns.linear)(*a)))(_n),
        lambda: [
            S(T((2, 3)), T((4, 3)), T((4,))), S(T((2, 3)), T((4, 3))), S(T((3,)), T((2, 3)), T((2,))),
            S(T((2, 2, 3)), T((4, 3)), T((4,))), S(T((2, 3), layout="t"), T((4, 3), layout="t"), T((4,))),
            S(T((2, 3)), T((4, 3)), T((4,), grad=False)),
        ])

# --------------------------------------------------------------------------- indexing and joining
add("gather", lambda ns, x, d, i: ns.gather(x, d, i), lambda: [
    S(T((3, 4)), 1, I([[0, 1], [3, 3], [2, 0]])), S(T((3, 4)), 0, I([[0, 1, 2, 0], [2, 2, 1, 1]])),
    S(T((3, 4)), -1, I([[1], [0], [3]])), S(T((3, 4), layout="t"), 1, I([[0, 0, 1]] * 3)),
    S(T((2, 3, 2)), 1, I(np.zeros((2, 2, 1), dtype=np.int64))),
], covers=("Tensor.gather",))
add("index_select", lambda ns, x, d, i: ns.index_select(x, d, i), lambda: [
    S(T((3, 4)), 0, I([2, 0, 2])), S(T((3, 4)), -1, I([1, 1, 3])), S(T((3, 4), layout="t"), 1, I([0])),
    S(T((2, 3, 2)), 1, I([2, 1])), S(T((3,)), 0, I(1)),
], covers=("Tensor.index_select",))
add("scatter_add", lambda ns, x, d, i, s: ns.scatter_add(x, d, i, s), lambda: [
    S(T((3, 4)), 1, I([[0, 1, 0], [3, 3, 3], [2, 0, 1]]), T((3, 3))),
    S(T((3, 4)), 0, I([[0, 1, 2, 0], [2, 2, 1, 1]]), T((2, 4))),
    S(T((3, 4), layout="t"), -1, I([[1], [0], [3]]), T((3, 1))),
], covers=("Tensor.scatter_add",))
add("index_add", lambda ns, x, d, i, s: ns.index_add(x, d, i, s), lambda: [
    S(T((3, 4)), 0, I([2, 0, 2]), T((3, 4))), S(T((3, 4)), 1, I([1, 1]), T((3, 2))),
    S(T((3, 4), layout="t"), -1, I([3, 0]), T((3, 2), layout="t")),
], covers=("Tensor.index_add",))
add("cat", lambda ns, ts, *a: ns.cat(ts, *a), lambda: [
    S([T((2, 3)), T((1, 3)), T((3, 3))]), S([T((2, 3)), T((2, 1))], 1), S([T((2, 3)), T((2, 2), layout="t")], -1),
    S([T((2,)), T((3,), grad=False)]), S([T((2, 3)), T((0, 3))], 0), S([T((3,), expand=(2, 3)), T((1, 3))]),
])
add("concat", lambda ns, ts, d: ns.concat(ts, d), lambda: [S([T((2, 3)), T((2, 1))], 1)])
add("stack", lambda ns, ts, *a: ns.stack(ts, *a), lambda: [
    S([T((2, 3)), T((2, 3))]), S([T((2, 3)), T((2, 3), layout="t")], -1), S([T(()), T(()), T(())]),
    S([T((2,)), T((2,))], 1),
])
add("getitem", lambda ns, x, idx: x[idx], lambda: [
    S(T((3, 4)), (1,)), S(T((3, 4)), (slice(None), 2)), S(T((3, 4)), (slice(1, None), slice(None, None, 2))),
    S(T((3, 4)), (Ellipsis, -1)), S(T((3, 4)), (None, 0, slice(None))), S(T((2, 3, 4)), (0, Ellipsis, 1)),
    S(T((3, 4), layout="t"), (slice(0, 2),)), S(T((4,)), (slice(-3, -1),)),
    S(T((3, 4)), I([0, 2, 2])), S(T((3, 4)), (slice(None), I([3, 0]))),
    S(T((3, 4)), B([[True, False, True, False]] * 3)), S(T((3, 4)), (I([0, 1]), I([2, 2]))),
], covers=("Tensor.__getitem__",))

# --------------------------------------------------------------------------- views and shape
add("transpose", lambda ns, x, a, b: ns.transpose(x, a, b), lambda: [
    S(T((2, 3)), 0, 1), S(T((2, 3, 4)), -1, 0), S(T((2, 3), layout="t"), 1, 0), S(T((3,)), 0, 0),
], covers=("Tensor.transpose",))
add("swapaxes", lambda ns, x, a, b: ns.swapaxes(x, a, b), lambda: [S(T((2, 3, 4)), 0, 2)], covers=("Tensor.swapaxes",))
add("t", lambda ns, x: ns.t(x), lambda: [S(T((2, 3))), S(T((3,))), S(T(())), S(T((2, 3), layout="s"))],
    covers=("Tensor.t",))
add("Tensor.T", lambda ns, x: x.T, lambda: [S(T((2, 3))), S(T((3, 2), layout="t"))])
add("Tensor.mT", lambda ns, x: x.mT, lambda: [S(T((2, 3, 4))), S(T((2, 3), layout="t"))])
add("squeeze", lambda ns, x, *a: ns.squeeze(x, *a), lambda: [
    S(T((1, 3, 1))), S(T((1, 3, 1)), 0), S(T((1, 3, 1)), -1), S(T((1, 3, 1)), (0, 2)), S(T((2, 3)), 0), S(T(()))
], covers=("Tensor.squeeze",))
add("unsqueeze", lambda ns, x, d: ns.unsqueeze(x, d), lambda: [
    S(T((2, 3)), 0), S(T((2, 3)), -1), S(T((2, 3)), 1), S(T(()), 0), S(T((2, 3), layout="t"), -2),
], covers=("Tensor.unsqueeze",))
add("flatten", lambda ns, x, *a: ns.flatten(x, *a), lambda: [
    S(T((2, 3, 2))), S(T((2, 3, 2)), 1), S(T((2, 3, 2)), 0, -2), S(T(())), S(T((3, 4), layout="t")),
], covers=("Tensor.flatten",))
add("narrow", lambda ns, x, d, s, n: ns.narrow(x, d, s, n), lambda: [
    S(T((3, 4)), 1, 1, 2), S(T((3, 4)), -2, 0, 1), S(T((3, 4), layout="t"), 0, 1, 2),
], covers=("Tensor.narrow",))
add("select", lambda ns, x, d, i: ns.select(x, d, i), lambda: [
    S(T((3, 4)), 0, 1), S(T((3, 4)), -1, -1), S(T((2, 3, 2), layout="s"), 1, 2),
], covers=("Tensor.select",))
add("split", lambda ns, x, *a, **k: ns.split(x, *a, **k), lambda: [
    S(T((5, 3)), 2), S(T((3, 5)), 2, dim=-1), S(T((5, 3)), [1, 0, 4]), S(T((4, 3), layout="t"), (1, 2), 1),
    S(T((2, 4)), 4, 1),
], covers=("Tensor.split",))
add("chunk", lambda ns, x, *a, **k: ns.chunk(x, *a, **k), lambda: [
    S(T((5, 3)), 2), S(T((3, 6)), 4, dim=-1), S(T((2, 3), layout="s"), 3, 1), S(T((2, 3)), 5),
], covers=("Tensor.chunk",))
add("flip", lambda ns, x, d: ns.flip(x, d), lambda: [
    S(T((3, 4)), (0,)), S(T((3, 4)), (-1, 0)), S(T((2, 3, 2), layout="t"), (1, 2)), S(T(()), ()), S(T((3, 4)), ()),
], covers=("Tensor.flip",))
for _n in ("tril", "triu"):
    add(_n, (lambda name: lambda ns, x, *a: getattr(ns, name)(x, *a))(_n), lambda: [
        S(T((3, 4))), S(T((4, 3)), 1), S(T((2, 3, 3), layout="t"), -1), S(T((3, 5), layout="s"), 10),
    ], covers=(f"Tensor.{_n}",))
    add(f"Tensor.{_n}_", (lambda name: lambda ns, x, *a: getattr(x.clone(), name + "_")(*a))(_n), lambda: [
        S(T((3, 4))), S(T((2, 3, 3)), -1)])
add("reshape", lambda ns, x, s: ns.reshape(x, s), lambda: [
    S(T((2, 3)), (3, 2)), S(T((2, 3)), (-1,)), S(T((2, 3, 2)), (2, -1)), S(T(()), (1, 1)), S(T((1,)), ()),
    S(T((3, 4), layout="t"), (2, 6)), S(T((2, 1), expand=(2, 3)), (6,)),
], covers=("Tensor.reshape",))
add("permute", lambda ns, x, d: ns.permute(x, d), lambda: [
    S(T((2, 3, 4)), (2, 0, 1)), S(T((2, 3, 4)), (-1, -3, -2)), S(T((2, 3), layout="t"), (1, 0)),
], covers=("Tensor.permute",))
add("clone", lambda ns, x: ns.clone(x), lambda: [S(T((2, 3))), S(T(())), S(T((2, 3), layout="t"))],
    covers=("Tensor.clone",))
add("Tensor.view", lambda ns, x, *s: x.view(*s), lambda: [
    S(T((2, 3)), 3, 2), S(T((2, 3)), -1), S(T((2, 3, 2)), (6, 2)), S(T(()), 1),
])
add("Tensor.view_as", lambda ns, x, y: x.view_as(y), lambda: [S(T((2, 3)), T((3, 2), grad=False))])
add("Tensor.reshape_as", lambda ns, x, y: x.reshape_as(y), lambda: [S(T((2, 3), layout="t"), T((6,), grad=False))])
add("Tensor.expand", lambda ns, x, *s: x.expand(*s), lambda: [
    S(T((3, 1)), 3, 4), S(T((3,)), 2, 3), S(T(()), 2, 2), S(T((3, 1)), (-1, 2)), S(T((3, 1), layout="t"), 2, 3, 4)
])
add("Tensor.expand_as", lambda ns, x, y: x.expand_as(y), lambda: [S(T((3, 1)), T((3, 4), grad=False))])
add("Tensor.contiguous", lambda ns, x: x.contiguous(), lambda: [S(T((2, 3), layout="t")), S(T((2, 3)))])
add("Tensor.to", lambda ns, x: x.to(ns.float64).double().type_as(x).cpu(), lambda: [S(T((2, 3)))],
    covers=("Tensor.double", "Tensor.type_as", "Tensor.cpu"),
    notes="float32 round trips are not gradcheckable in float64; float64 -> float64 is the identity")
add("Tensor.to_float32", lambda ns, x: x.float().double() * 1.0, lambda: [S(T((2, 3)), name="f64->f32->f64",
                                                                             gradcheck=False)],
    covers=("Tensor.float",))

# --------------------------------------------------------------------------- in-place methods
# In-place ops run on a clone (a leaf that requires grad cannot be modified in place, as in torch).
for _n, _dom, _arg in [("add_", "normal", "t"), ("sub_", "normal", "t"), ("mul_", "normal", "t"),
                       ("div_", "normal", "away"), ("pow_", "positive", 1.5), ("__iadd__", "normal", "t"),
                       ("__isub__", "normal", "t"), ("__imul__", "normal", "t"), ("__itruediv__", "normal", "away")]:
    def _gen(dom=_dom, arg=_arg):
        if arg == "t":
            return [S(T((2, 3), dom), T((2, 3))), S(T((2, 3), dom), T((3,))), S(T((2, 3), dom), 2.5)]
        if arg == "away":
            return [S(T((2, 3), dom), T((2, 3), "away")), S(T((2, 3), dom), T((), "away"))]
        return [S(T((2, 3), dom), arg), S(T((2, 3), dom), T((2, 3)))]
    add(f"Tensor.{_n}", (lambda name: lambda ns, x, y: getattr(x.clone(), name)(y))(_n), _gen)
for _n, _dom in [("relu_", "away"), ("sigmoid_", "normal"), ("tanh_", "normal"), ("exp_", "normal"),
                 ("log_", "positive"), ("sqrt_", "positive"), ("abs_", "away"), ("neg_", "normal")]:
    add(f"Tensor.{_n}", (lambda name: lambda ns, x: getattr(x.clone(), name)())(_n),
        (lambda dom: lambda: [S(T((2, 3), dom)), S(T((), dom))])(_dom))
for _n in ("floor_", "ceil_", "trunc_", "round_"):
    add(f"Tensor.{_n}", (lambda name: lambda ns, x: getattr(x.clone(), name)())(_n),
        lambda: [S(T((2, 3), "uniform", low=-4, high=4)), S(T((), "uniform", low=-4, high=4))])
add("Tensor.round_decimals_", lambda ns, x: x.clone().round_(decimals=1), lambda: [S(T((2, 3), "uniform", low=-9, high=9))])
for _n in ("remainder_", "fmod_", "__imod__"):
    add(f"Tensor.{_n}", (lambda name: lambda ns, x, y: getattr(x.clone(), name)(y))(_n), lambda: [
        S(T((2, 3), "uniform", low=-5, high=5), T((2, 3), "away")), S(T((2, 3), "uniform", low=-5, high=5), T((3,), "away")),
        S(T((2, 3), "uniform", low=-5, high=5), 1.3)])
add("Tensor.div_rounding_", lambda ns, x, y, m: x.clone().div_(y, rounding_mode=m), lambda: [
    S(T((2, 3), "uniform", low=-5, high=5), T((2, 3), "away"), "floor"), S(T((2, 3)), 0.3, "trunc")])
add("Tensor.add_alpha_", lambda ns, x, y: x.clone().add_(y, alpha=-2.0), lambda: [S(T((2, 3)), T((3,)))])
add("Tensor.clamp_", lambda ns, x, **k: x.clone().clamp_(**k), lambda: [
    S(T(data=[-2.0, -0.5, 0.3, 1.5]), min=-1.0, max=1.0)], covers=("Tensor.clamp_min_", "Tensor.clamp_max_"))
add("Tensor.masked_fill_", lambda ns, x, m, v: x.clone().masked_fill_(m, v), lambda: [
    S(T((2, 3)), B([[True, False, True], [False, False, True]]), 0.5),
    S(T((2, 3)), B([True, False, False]), T(())),
])
add("Tensor.addcmul_", lambda ns, x, a, b, **k: x.clone().addcmul_(a, b, **k), lambda: [
    S(T((2, 3)), T((2, 3)), T((2, 3)), value=0.5), S(T((2, 3)), T((3,)), T((2, 1)))])
add("Tensor.addcdiv_", lambda ns, x, a, b, **k: x.clone().addcdiv_(a, b, **k), lambda: [
    S(T((2, 3)), T((2, 3)), T((2, 3), "away"), value=-0.5), S(T((2, 3)), T((3,)), T((2, 1), "away"))])
add("Tensor.lerp_", lambda ns, x, e, w: x.clone().lerp_(e, w), lambda: [
    S(T((2, 3)), T((2, 3)), 0.3), S(T((2, 3)), T((3,)), T((2, 3)))])
add("Tensor.fill_", lambda ns, x, y: x * 2.0 + (x * 1.0).fill_(0.5) * y, lambda: [S(T((2, 3)), T((2, 3)))])
add("Tensor.zero_", lambda ns, x, y: x * 2.0 + (x * 1.0).zero_() * y + y, lambda: [S(T((2, 3)), T((3,)))])
add("Tensor.__iter__", lambda ns, x: tuple(iter(x)), lambda: [S(T((3, 2))), S(T((2, 3), layout="t"))])
add("Tensor.copy_", lambda ns, x, y: x.clone().copy_(y) * x, lambda: [S(T((2, 3)), T((2, 3))), S(T((2, 3)), T((3,)))])
# Tensor.__setitem__ is not in the table: fastgrad refuses index assignment into a tensor that requires
# grad or with a value that requires grad (a documented limitation: test_gradcheck_coverage lists it and
# checks the error).


# --------------------------------------------------------------------------- nn.functional: layers
NF = "nn.functional."
add(NF + "layer_norm", lambda ns, x, s, *a, **k: ns.nn.functional.layer_norm(x, s, *a, **k), lambda: [
    S(T((2, 3)), (3,)), S(T((2, 3)), (3,), T((3,)), T((3,))), S(T((2, 2, 3)), (2, 3), T((2, 3)), T((2, 3))),
    S(T((3, 4), layout="t"), (4,), T((4,)), None, eps=1e-3),
])
add(NF + "batch_norm", lambda ns, x, rm, rv, *a, **k: ns.nn.functional.batch_norm(x, rm, rv, *a, **k), lambda: [
    S(T((4, 3)), None, None, T((3,)), T((3,)), training=True),
    S(T((3, 2, 2)), None, None, None, None, True),
    S(T((2, 3, 2)), T((3,), grad=False), T((3,), "positive", grad=False), T((3,)), T((3,)), training=False),
    S(T((2, 2, 2, 2)), None, None, T((2,)), T((2,)), True, 0.1, 1e-3),
])
add(NF + "embedding", lambda ns, i, w, **k: ns.nn.functional.embedding(i, w, **k), lambda: [
    S(I([[0, 2], [2, 3]]), T((4, 3))), S(I(3), T((4, 2))),
    S(I([1, 1, 0]), T((4, 2)), padding_idx=1, gradcheck=False, name="padding_idx"),
], notes="padding_idx: torch defines the padding row's gradient as 0 although the forward reads it, so that "
         "sample is compared with torch only (gradcheck would rightly see a nonzero numerical derivative)")
add(NF + "dropout", lambda ns, x, **k: (ns.manual_seed(0), ns.nn.functional.dropout(x, **k))[1], lambda: [
    S(T((3, 4)), p=0.0), S(T((3, 4)), p=0.5, training=False),
    S(T((3, 4)), p=0.3, name="p=0.3-seeded", compare=False),
], notes="the p=0.3 sample reseeds inside the call, so every evaluation draws the same mask; "
         "fastgrad's and torch's generators differ, so forward/backward are compared only at p=0 / eval")

# --------------------------------------------------------------------------- nn.functional: losses
REDS = ("mean", "sum", "none")


def _pointwise_loss_samples(extra_kw=(), target_dom="normal"):
    def gen():
        out = []
        for r in REDS:
            out.append(S(T((3, 4)), T((3, 4), target_dom), reduction=r))
        out.append(S(T((3, 4)), T((3, 4), target_dom, grad=False), reduction="mean"))
        out.append(S(T(()), T((), target_dom)))
        out.append(S(T((2, 3), layout="t"), T((2, 3), target_dom, layout="s"), reduction="sum"))
        for kw in extra_kw:
            for r in REDS:
                out.append(S(T((3, 4)), T((3, 4), target_dom), reduction=r, **kw))
        return out
    return gen


add(NF + "mse_loss", lambda ns, a, b, **k: ns.nn.functional.mse_loss(a, b, **k), _pointwise_loss_samples())
add(NF + "l1_loss", lambda ns, a, b, **k: ns.nn.functional.l1_loss(a, b, **k), _pointwise_loss_samples())
add(NF + "smooth_l1_loss", lambda ns, a, b, **k: ns.nn.functional.smooth_l1_loss(a, b, **k),
    _pointwise_loss_samples(extra_kw=[dict(beta=0.5), dict(beta=0.0)]))
add(NF + "huber_loss", lambda ns, a, b, **k: ns.nn.functional.huber_loss(a, b, **k),
    _pointwise_loss_samples(extra_kw=[dict(delta=0.5)]))


def _class_samples():
    out = []
    for r in REDS:
        out += [
            S(T((3, 4)), I([0, 3, 1]), reduction=r),
            S(T((3, 4)), I([0, 3, 1]), weight=T((4,), "positive", grad=False), reduction=r),
            S(T((4, 3)), I([0, -100, 2, 1]), reduction=r, name=f"ignore_index=-100,{r}"),
            S(T((4, 3)), I([0, 1, 2, 1]), ignore_index=1, weight=T((3,), "positive", grad=False), reduction=r),
            S(T((2, 3, 2)), I([[0, 2], [1, 1]]), reduction=r),        # K-dim (N, C, d)
        ]
    out += [S(T((4,)), I(2)), S(T((3, 4), layout="t"), I([1, 0, 3]))]  # unbatched; non-contiguous
    return out


add(NF + "nll_loss", lambda ns, x, t, **k: ns.nn.functional.nll_loss(x, t, **k), _class_samples)


def _ce_samples():
    out = _class_samples()
    for r in REDS:
        out += [
            S(T((3, 4)), I([0, 3, 1]), label_smoothing=0.2, reduction=r),
            S(T((4, 3)), I([0, 1, 2, 1]), ignore_index=1, weight=T((3,), "positive", grad=False), label_smoothing=0.1,
              reduction=r),
            S(T((3, 4)), T((3, 4), "prob"), reduction=r, name=f"prob_target,{r}"),
            S(T((3, 4)), T((3, 4), "prob"), weight=T((4,), "positive", grad=False), label_smoothing=0.3, reduction=r,
              name=f"prob_target,weight,smoothing,{r}"),
        ]
    out.append(S(T((2, 3, 2)), T((2, 3, 2), "prob"), name="prob_target_kdim"))
    return out


add(NF + "cross_entropy", lambda ns, x, t, **k: ns.nn.functional.cross_entropy(x, t, **k), _ce_samples)


def _bce_samples():
    out = []
    for r in REDS:
        out += [S(T((3, 4), "prob"), T((3, 4), "prob", grad=False), reduction=r),
                S(T((3, 4), "prob"), T((3, 4), "prob", grad=False), weight=T((4,), "positive", grad=False),
                  reduction=r)]
    out += [S(T((), "prob"), T((), "prob", grad=False)),
            S(T((2, 3), "prob", layout="t"), T((2, 3), "prob", grad=False), reduction="sum")]
    return out


add(NF + "binary_cross_entropy", lambda ns, x, t, **k: ns.nn.functional.binary_cross_entropy(x, t, **k), _bce_samples)
add(NF + "binary_cross_entropy.target_grad",
    lambda ns, x, t, **k: ns.nn.functional.binary_cross_entropy(x, t, **k),
    lambda: [S(T((2, 3), "prob"), T((2, 3), "prob"), reduction=r) for r in REDS])


def _bcel_samples():
    out = []
    for r in REDS:
        out += [S(T((3, 4)), T((3, 4), "prob"), reduction=r),
                S(T((3, 4)), T((3, 4), "prob", grad=False), weight=T((4,), "positive", grad=False), reduction=r),
                S(T((3, 4)), T((3, 4), "prob"), pos_weight=T((4,), "positive", grad=False), reduction=r),
                S(T((3, 4)), T((3, 4), "prob"), weight=T((3, 1), "positive", grad=False),
                  pos_weight=T((4,), "positive", grad=False), reduction=r)]
    out += [S(T(()), T((), "prob")), S(T(data=[-40.0, -3.0, 3.0, 40.0]), T((4,), "prob"), reduction="sum")]
    return out


add(NF + "binary_cross_entropy_with_logits",
    lambda ns, x, t, **k: ns.nn.functional.binary_cross_entropy_with_logits(x, t, **k), _bcel_samples)

# ---------------------------------------------------- nn.functional: fused norm layers' other forms
add(NF + "layer_norm.bias_only", lambda ns, x, s, b: ns.nn.functional.layer_norm(x, s, None, b), lambda: [
    S(T((3, 4)), (4,), T((4,))), S(T((2, 3, 2), layout="s"), (3, 2), T((3, 2))),
])
add(NF + "batch_norm.running_stats",
    lambda ns, x, rm, rv, w, b, **k: ns.nn.functional.batch_norm(x, rm.clone(), rv.clone(), w, b, **k), lambda: [
        S(T((4, 3)), T((3,), grad=False), T((3,), "positive", grad=False), T((3,)), T((3,)), training=True),
        S(T((2, 3, 2, 2)), T((3,), grad=False), T((3,), "positive", grad=False), None, T((3,)), training=True,
          momentum=0.3),
    ], notes="training with running statistics: clones, as gradcheck calls the op many times and each call "
             "updates them in place")
