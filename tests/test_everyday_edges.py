"""The functions added with the everyday-surface work, called on edge inputs (empty, 0-d, bool, non-finite,
3-d): each returns or raises one of torch's exception classes; none may crash the process."""
import pytest

import fastgrad as f

INPUTS = {
    "empty": lambda: f.tensor([]), "0d": lambda: f.tensor(2.0), "int": lambda: f.tensor([1, 2]),
    "0x3": lambda: f.ones(0, 3), "2x0": lambda: f.ones(2, 0), "bool": lambda: f.tensor([[True, False]]),
    "nonfinite": lambda: f.tensor([float("nan"), float("inf"), -float("inf")]), "3d": lambda: f.randn(2, 3, 4),
}
F = f.nn.functional
OPS = {
    "mode": lambda x: f.mode(x), "mode0": lambda x: f.mode(x, 0),
    "unique_dim": lambda x: f.unique(x, dim=0, return_inverse=True, return_counts=True),
    "searchsorted": lambda x: f.searchsorted(x, x), "bucketize": lambda x: f.bucketize(x, f.tensor([0.0, 1.0])),
    "bincount": f.bincount, "histc": lambda x: f.histc(x, 3), "histogram": lambda x: f.histogram(x, 3),
    "histogram_edges": lambda x: f.histogram(x, f.tensor([0.0, 1.0, 2.0])), "frac": f.frac, "logit": f.logit,
    "aminmax": lambda x: f.aminmax(x), "aminmax0": lambda x: f.aminmax(x, dim=0), "cross": lambda x: f.cross(x, x),
    "renorm": lambda x: f.renorm(x, 2, 0, 1.0), "logcumsumexp": lambda x: f.logcumsumexp(x, 0), "diff": f.diff,
    "fliplr": f.fliplr, "flipud": f.flipud, "rot90": f.rot90, "block_diag": lambda x: f.block_diag(x, x),
    "cartesian_prod": lambda x: f.cartesian_prod(x, x), "combinations": lambda x: f.combinations(x, 3),
    "vander": f.vander, "atan2": lambda x: f.atan2(x, x), "hypot": lambda x: f.hypot(x, x),
    "logaddexp": lambda x: f.logaddexp(x, x), "fmax": lambda x: f.fmax(x, x), "copysign": lambda x: f.copysign(x, x),
    "float_power": lambda x: f.float_power(x, x), "heaviside": lambda x: f.heaviside(x, x), "signbit": f.signbit,
    "sinc": f.sinc, "nansum": f.nansum, "nanmean": f.nanmean, "inner": lambda x: f.inner(x, x),
    "kron": lambda x: f.kron(x, x), "cov": f.cov, "corrcoef": f.corrcoef, "isin": lambda x: f.isin(x, x),
    "trapezoid": f.trapezoid, "movedim": lambda x: f.movedim(x, 0, -1),
    "broadcast_to": lambda x: f.broadcast_to(x, (2,) + tuple(x.shape)), "atleast_3d": f.atleast_3d,
    "hstack": lambda x: f.hstack([x, x]), "vstack": lambda x: f.vstack([x, x]), "dstack": lambda x: f.dstack([x, x]),
    "column_stack": lambda x: f.column_stack([x, x]), "tensor_split": lambda x: f.tensor_split(x, 3),
    "hsplit": lambda x: f.hsplit(x, 1), "unflatten": lambda x: f.unflatten(x, 0, (1, -1)),
    "take": lambda x: f.take(x, f.tensor([0])), "argwhere": f.argwhere, "msort": f.msort,
    "unique_consecutive": lambda x: f.unique_consecutive(x, return_counts=True), "quantile": lambda x: f.quantile(x, 0.5),
    "nanquantile": lambda x: f.nanquantile(x, 0.5, 0), "nanmedian": f.nanmedian, "nanmedian0": lambda x: f.nanmedian(x, 0),
    "to_sparse": lambda x: x.to_sparse().to_dense(), "spmm": lambda x: f.spmm(x.to_sparse(), x.t()),
    "normalize": lambda x: F.normalize(x), "cosine_similarity": lambda x: F.cosine_similarity(x, x),
    "pairwise_distance": lambda x: F.pairwise_distance(x, x), "pdist": F.pdist, "pad": lambda x: F.pad(x, (1, 1)),
    "pad_reflect": lambda x: F.pad(x, (1, 1), mode="reflect"), "pad_circular": lambda x: F.pad(x, (1, 1), mode="circular"),
    "pad_replicate": lambda x: F.pad(x, (1, 1), mode="replicate"), "pixel_shuffle": lambda x: F.pixel_shuffle(x, 2),
    "rms_norm": lambda x: F.rms_norm(x, tuple(x.shape[-1:])),
}


@pytest.mark.parametrize("op", sorted(OPS))
def test_edge_inputs_return_or_raise_torchs_classes(op):
    for make in INPUTS.values():
        try:
            OPS[op](make())
        except (RuntimeError, IndexError, ValueError, TypeError, NotImplementedError):
            pass


def test_movedim_of_a_0d_tensor():
    x = f.tensor(2.0)
    assert f.movedim(x, 0, -1).tolist() == 2.0 and f.quantile(x, 0.5, 0, keepdim=True).tolist() == 2.0
