"""Misuse table: bad input across tensors, autograd, nn, optim, data and checkpoints fails cleanly.

Each case is a snippet run with ``torch`` bound to fastgrad; it must raise the Python exception type
torch raises for the same misuse, with a message naming the problem. The cases run in a subprocess, so
a segfault or an abort fails the test instead of killing pytest: one worker runs every case and
reports one JSON line per case; if it dies, the first unreported case is the crasher, and a fresh
worker carries on after it. Where torch is installed, the same snippets run against torch too, which
checks that the expected exception type in the table is torch's.

    python tests/test_reliability_misuse.py            # print the table's outcome on fastgrad
    python tests/test_reliability_misuse.py --torch    # ... and on torch
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve()

# (id, exception type name, message regex (case-insensitive), snippet, runs on torch too)
# Snippets see: torch, nn, F, optim, data (utils.data), D (a fresh temporary directory), np.
CASES = [
    # ------------------------------------------------------------------ tensors
    ("add_broadcast_mismatch", "RuntimeError", r"size|shape|broadcast",
     "torch.ones(2, 3) + torch.ones(4)", True),
    ("matmul_shape_mismatch", "RuntimeError", r"shape|size|multipl",
     "torch.ones(2, 3) @ torch.ones(4, 5)", True),
    ("mm_needs_matrices", "RuntimeError", r"2D|matri|dim",
     "torch.mm(torch.ones(3), torch.ones(3))", True),
    ("mm_dtype_mismatch", "RuntimeError", r"dtype|float|double|type",
     "torch.mm(torch.ones(2, 2), torch.ones(2, 2, dtype=torch.float64))", True),
    ("sum_dim_out_of_range", "IndexError", r"dim",
     "torch.ones(2, 3).sum(dim=5)", True),
    ("softmax_dim_out_of_range", "IndexError", r"dim",
     "torch.ones(2, 3).softmax(dim=-3)", True),
    ("transpose_dim_out_of_range", "IndexError", r"dim",
     "torch.ones(2).transpose(0, 2)", True),
    ("unsqueeze_dim_out_of_range", "IndexError", r"dim",
     "torch.ones(2).unsqueeze(3)", True),
    ("index_out_of_range", "IndexError", r"index 5|out of (bounds|range)",
     "torch.ones(3)[5]", True),
    ("index_negative_out_of_range", "IndexError", r"index -4|out of (bounds|range)",
     "torch.ones(3)[-4]", True),
    ("too_many_indices", "IndexError", r"too many indices",
     "torch.ones(3)[0, 0]", True),
    ("float_tensor_as_index", "IndexError", r"indices|long|int",
     "torch.ones(3)[torch.tensor([0.5])]", True),
    ("index_select_out_of_range", "IndexError", r"index out of range|out of (bounds|range)",
     "torch.index_select(torch.ones(3), 0, torch.tensor([3]))", True),
    ("gather_out_of_range", "RuntimeError", r"out of bounds|out of range",
     "torch.ones(2, 2).gather(1, torch.tensor([[0, 2], [0, 0]]))", True),
    ("gather_float_index", "RuntimeError", r"int64|long|index",
     "torch.ones(2, 2).gather(1, torch.zeros(2, 2))", True),
    ("reshape_wrong_numel", "RuntimeError", r"invalid for input of size 6",
     "torch.ones(6).reshape(4, 2)", True),
    ("reshape_two_inferred", "RuntimeError", r"only one dimension can be inferred",
     "torch.ones(6).reshape(-1, -1)", True),
    ("view_non_contiguous", "RuntimeError", r"view|contiguous|stride",
     "torch.ones(2, 3).t().view(6)", True),
    ("expand_incompatible", "RuntimeError", r"expand|size|match",
     "torch.ones(3).expand(2, 4)", True),
    ("expand_negative_size", "RuntimeError", r"negative|overflow",
     "torch.tensor(0.0).expand(-2)", True),
    ("expand_overflowing_size", "RuntimeError", r"overflow",
     "torch.ones(3).expand(2**40, 2**40, 3)", False),
    ("permute_repeated_dim", "RuntimeError", r"repeated|dim",
     "torch.ones(2, 3).permute(0, 0)", True),
    ("narrow_past_end", "RuntimeError", r"exceeds|size|range",
     "torch.ones(3).narrow(0, 2, 5)", True),
    ("zeros_negative_size", "RuntimeError", r"negative",
     "torch.zeros(-1)", True),
    ("zeros_overflowing_size", "RuntimeError", r"overflow|too large|memory|allocate",
     "torch.zeros(2**40, 2**40)", True),
    ("empty_unallocatable", "RuntimeError", r"memory|allocate",
     "torch.empty(2**46)", True),
    ("randn_negative_size", "RuntimeError", r"negative dimension",
     "torch.randn(3, -2)", True),
    ("ragged_list", "ValueError", r"expected sequence of length 2 at dim 1 \(got 1\)|ragged",
     "torch.tensor([[1.0, 2.0], [3.0]])", True),
    ("string_data", r"ValueError|TypeError", r"str|type",
     "torch.tensor(['a', 'b'])", True),
    ("cat_size_mismatch", "RuntimeError", r"size|match",
     "torch.cat([torch.ones(2, 3), torch.ones(2, 4)])", True),
    ("cat_empty_list", r"RuntimeError|ValueError", r"non-empty|empty",
     "torch.cat([])", True),
    ("stack_size_mismatch", "RuntimeError", r"equal size|size",
     "torch.stack([torch.ones(2), torch.ones(3)])", True),
    ("item_of_many", "RuntimeError", r"3 elements|one element|scalar",
     "torch.ones(3).item()", True),
    ("bool_of_many", "RuntimeError", r"ambiguous",
     "bool(torch.ones(3))", True),
    ("arange_zero_step", "RuntimeError", r"step|zero",
     "torch.arange(0, 10, 0)", True),
    ("randint_empty_range", "RuntimeError", r"from|to|low|high|range",
     "torch.randint(5, 5, (3,))", True),
    ("masked_fill_float_mask", "RuntimeError", r"mask|bool",
     "torch.ones(3).masked_fill(torch.ones(3), 0.0)", True),
    ("requires_grad_on_int", "RuntimeError", r"floating point",
     "torch.tensor([1, 2]).requires_grad_()", True),
    ("numpy_of_requires_grad", "RuntimeError", r"requires grad|detach",
     "torch.ones(2, requires_grad=True).numpy()", True),
    ("setitem_shape_mismatch", "RuntimeError", r"shape|size|broadcast|expand",
     "a = torch.ones(3)\na[:] = torch.ones(4)", True),
    ("inplace_broadcast_to_bigger", "RuntimeError", r"shape|broadcast",
     "torch.ones(3).add_(torch.ones(2, 3))", True),
    ("inplace_float_into_int", "RuntimeError", r"cast|Long|int64|Float",
     "torch.tensor([1, 2]).mul_(1.5)", True),
    # ------------------------------------------------------------------ autograd
    ("backward_twice", "RuntimeError", r"backward through the graph a second time",
     "x = torch.ones(3, requires_grad=True)\ny = (x.exp() * x).sum()\ny.backward()\ny.backward()", True),
    ("backward_non_scalar", "RuntimeError", r"implicitly created only for scalar",
     "x = torch.ones(3, requires_grad=True)\n(x * 2).backward()", True),
    ("backward_without_grad_fn", "RuntimeError", r"does not require grad",
     "torch.ones(3).sum().backward()", True),
    ("backward_gradient_shape", "RuntimeError", r"shape|size",
     "x = torch.ones(3, requires_grad=True)\n(x * 2).backward(torch.ones(2))", True),
    ("inplace_on_saved_output", "RuntimeError", r"modified by an inplace operation",
     "x = torch.ones(3, requires_grad=True)\ny = x.exp()\ny.add_(1)\ny.sum().backward()", True),
    ("inplace_on_saved_input", "RuntimeError", r"modified by an inplace operation",
     "x = torch.ones(3, requires_grad=True)\na = x * 1\nb = a * a\na.mul_(2)\nb.sum().backward()", True),
    ("inplace_on_leaf", "RuntimeError", r"leaf Variable that requires grad.*in-place",
     "x = torch.ones(3, requires_grad=True)\nx.add_(1)", True),
    ("grad_unused_input", "RuntimeError", r"not have been used in the graph",
     "x = torch.ones(3, requires_grad=True)\nz = torch.ones(3, requires_grad=True)\n"
     "torch.autograd.grad((x * 2).sum(), [x, z])", True),
    ("grad_input_without_grad", "RuntimeError", r"does not require grad",
     "x = torch.ones(3, requires_grad=True)\nz = torch.ones(3)\n"
     "torch.autograd.grad((x * z).sum(), [z])", True),
    # ------------------------------------------------------------------ nn
    ("linear_feature_mismatch", "RuntimeError", r"shape|size|multipl",
     "nn.Linear(4, 2)(torch.ones(3, 5))", True),
    ("linear_negative_features", "RuntimeError", r"negative dimension",
     "nn.Linear(-1, 3)", True),
    ("cross_entropy_label_too_big", "IndexError", r"Target 3 is out of bounds",
     "F.cross_entropy(torch.randn(2, 3), torch.tensor([0, 3]))", True),
    ("cross_entropy_label_negative", "IndexError", r"Target -5 is out of bounds",
     "F.cross_entropy(torch.randn(2, 3), torch.tensor([0, -5]))", True),
    ("nll_loss_label_out_of_range", "IndexError", r"Target 7 is out of bounds",
     "F.nll_loss(torch.randn(2, 3).log_softmax(1), torch.tensor([7, 0]))", True),
    ("cross_entropy_batch_mismatch", "ValueError", r"batch_size",
     "F.cross_entropy(torch.randn(2, 3), torch.tensor([0, 1, 2]))", True),
    ("mse_loss_shape_mismatch", "RuntimeError", r"size|shape|broadcast",
     "import warnings\nwarnings.simplefilter('ignore')\nF.mse_loss(torch.ones(2, 3), torch.ones(4))", True),
    ("bce_input_out_of_range", "RuntimeError", r"between 0 and 1",
     "F.binary_cross_entropy(torch.tensor([1.5]), torch.tensor([1.0]))", True),
    ("load_state_dict_missing", "RuntimeError", r"Missing key\(s\).*bias",
     "m = nn.Linear(2, 2)\nm.load_state_dict({'weight': torch.ones(2, 2)})", True),
    ("load_state_dict_unexpected", "RuntimeError", r"Unexpected key\(s\).*extra",
     "m = nn.Linear(2, 2)\nsd = dict(m.state_dict())\nsd['extra'] = torch.ones(1)\nm.load_state_dict(sd)", True),
    ("load_state_dict_size_mismatch", "RuntimeError", r"size mismatch for weight",
     "m = nn.Linear(2, 2)\nm.load_state_dict({'weight': torch.ones(3, 2), 'bias': torch.ones(2)})", True),
    ("register_parameter_dotted_name", "KeyError", r"contain",
     "nn.Module().register_parameter('a.b', nn.Parameter(torch.ones(1)))", True),
    ("register_plain_tensor_as_parameter", "TypeError", r"parameter 'w'",
     "nn.Module().register_parameter('w', torch.ones(2))", True),
    ("dropout_bad_p", "ValueError", r"dropout probability",
     "nn.Dropout(p=1.5)", True),
    ("embedding_index_out_of_range", "IndexError", r"index out of range|out of (bounds|range)",
     "nn.Embedding(3, 2)(torch.tensor([3]))", True),
    ("batchnorm_wrong_features", "RuntimeError", r"size|shape|features|match",
     "nn.BatchNorm1d(3)(torch.ones(4, 5))", True),
    ("sequential_index_out_of_range", "IndexError", r"out of range",
     "nn.Sequential(nn.ReLU())[3]", True),
    # ------------------------------------------------------------------ optim
    ("sgd_negative_lr", "ValueError", r"Invalid learning rate",
     "optim.SGD(nn.Linear(2, 2).parameters(), lr=-0.1)", True),
    ("sgd_negative_momentum", "ValueError", r"Invalid momentum",
     "optim.SGD(nn.Linear(2, 2).parameters(), lr=0.1, momentum=-1)", True),
    ("adam_beta_out_of_range", "ValueError", r"Invalid beta parameter at index 1",
     "optim.Adam(nn.Linear(2, 2).parameters(), betas=(0.9, 1.0))", True),
    ("adam_negative_eps", "ValueError", r"Invalid epsilon",
     "optim.Adam(nn.Linear(2, 2).parameters(), eps=-1e-8)", True),
    ("adamw_negative_weight_decay", "ValueError", r"Invalid weight_decay",
     "optim.AdamW(nn.Linear(2, 2).parameters(), weight_decay=-1)", True),
    ("optimizer_empty_params", "ValueError", r"empty parameter list",
     "optim.SGD([], lr=0.1)", True),
    ("optimizer_non_tensor_param", "TypeError", r"optimize.*Tensor",
     "optim.SGD([1.0], lr=0.1)", True),
    ("optimizer_duplicate_param_groups", "ValueError", r"more than one parameter group",
     "p = nn.Parameter(torch.ones(2))\noptim.SGD([{'params': [p]}, {'params': [p]}], lr=0.1)", True),
    ("optimizer_state_dict_group_mismatch", "ValueError", r"different number of parameter groups",
     "p, q = nn.Parameter(torch.ones(2)), nn.Parameter(torch.ones(2))\n"
     "sd = optim.SGD([{'params': [p]}, {'params': [q]}], lr=0.1).state_dict()\n"
     "optim.SGD([p, q], lr=0.1).load_state_dict(sd)", True),
    ("scheduler_without_optimizer", "TypeError", r"Optimizer",
     "optim.lr_scheduler.StepLR(object(), step_size=1)", True),
    # ------------------------------------------------------------------ data
    ("tensordataset_size_mismatch", "AssertionError", r"Size mismatch",
     "data.TensorDataset(torch.ones(3), torch.ones(4))", True),
    ("tensordataset_index_out_of_range", "IndexError", r"out of (bounds|range)",
     "data.TensorDataset(torch.ones(3))[5]", True),
    ("dataloader_zero_batch_size", "ValueError", r"batch_size",
     "data.DataLoader(data.TensorDataset(torch.ones(3)), batch_size=0)", True),
    ("dataloader_shuffle_with_sampler", "ValueError", r"mutually exclusive",
     "ds = data.TensorDataset(torch.ones(3))\n"
     "data.DataLoader(ds, shuffle=True, sampler=data.SequentialSampler(ds))", True),
    ("random_split_bad_lengths", "ValueError", r"Sum of input lengths",
     "data.random_split(data.TensorDataset(torch.ones(5)), [2, 2])", True),
    # ------------------------------------------------------------------ checkpoints (fastgrad.load)
    ("load_missing_file", "FileNotFoundError", r"No such file",
     "torch.load(os.path.join(D, 'nope.safetensors'))", False),
    ("load_empty_file", "RuntimeError", r"not a safetensors file",
     "p = os.path.join(D, 'e')\nopen(p, 'wb').close()\ntorch.load(p)", False),
    ("load_pickle_file", "UnpicklingError", r"plain pickle",
     "import pickle\np = os.path.join(D, 'p')\nopen(p, 'wb').write(pickle.dumps({'a': [1, 2, 3]}))\n"
     "torch.load(p)", False),
    ("load_zip_file", "RuntimeError", r"version",
     "import zipfile\np = os.path.join(D, 'z')\nwith zipfile.ZipFile(p, 'w') as z:\n"
     "    z.writestr('archive/data.pkl', b'x' * 100)\ntorch.load(p)", True),
    ("load_zip_bad_pickle", "UnpicklingError", r"opcode",
     "import zipfile\np = os.path.join(D, 'z')\nwith zipfile.ZipFile(p, 'w') as z:\n"
     "    z.writestr('archive/data.pkl', b'x' * 100)\n    z.writestr('archive/version', b'3\\n')\ntorch.load(p)", False),
    ("load_truncated_file", "RuntimeError", r"truncated",
     "p = os.path.join(D, 't')\ntorch.save({'w': torch.ones(100)}, p)\nb = open(p, 'rb').read()\n"
     "open(p, 'wb').write(b[:len(b) - 40])\ntorch.load(p)", False),
    ("load_header_cut", "RuntimeError", r"truncated|not a safetensors",
     "p = os.path.join(D, 'h')\ntorch.save({'w': torch.ones(100)}, p)\nb = open(p, 'rb').read()\n"
     "open(p, 'wb').write(b[:20])\ntorch.load(p)", False),
    ("load_random_bytes", "RuntimeError", r"not a safetensors file|truncated",
     "p = os.path.join(D, 'r')\nopen(p, 'wb').write(np.random.default_rng(0).bytes(4096))\ntorch.load(p)", False),
    ("save_unsupported_object", "PicklingError", r"pickle",
     "torch.save({'f': lambda: 0}, os.path.join(D, 'f'))", True),
]

# Environment for the workers: ASan builds may refuse huge allocations with an abort unless told
# to return null; harmless elsewhere.
_WORKER_ENV_EXTRA = {"ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "detect_leaks=0") + ":allocator_may_return_null=1"}


# ---------------------------------------------------------------------- worker (in the subprocess)
def _worker(framework, ids):
    import warnings
    import numpy as np
    if framework == "torch":
        import torch
        torch.set_num_threads(1)
    else:
        import fastgrad as torch
    nn = torch.nn
    env = {"torch": torch, "nn": nn, "F": nn.functional, "optim": torch.optim, "data": torch.utils.data,
           "np": np, "os": os}
    table = {c[0]: c for c in CASES}
    warnings.simplefilter("ignore")
    for cid in ids:
        code = table[cid][3]
        with tempfile.TemporaryDirectory() as d:
            ns = dict(env, D=d)
            try:
                exec(compile(code, f"<case {cid}>", "exec"), ns)
                out = {"id": cid, "type": None, "msg": ""}
            except BaseException as e:  # noqa: BLE001 - we report whatever it is
                out = {"id": cid, "type": type(e).__name__, "msg": str(e)[:400]}
        print(json.dumps(out), flush=True)


def run_cases(framework, ids, timeout=120):
    """Runs the cases in worker subprocesses; returns {id: result}, naming a crasher by its exit code."""
    results = {}
    pending = list(ids)
    env = dict(os.environ, **_WORKER_ENV_EXTRA)
    if framework == "fastgrad":
        import fastgrad
        parent = str(Path(list(fastgrad.__path__)[0]).parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (parent, env.get("PYTHONPATH")) if p)
    while pending:
        proc = subprocess.run([sys.executable, str(HERE), "--worker", framework, *pending],
                              capture_output=True, text=True, timeout=timeout, env=env)
        for line in proc.stdout.splitlines():
            if line.startswith("{"):
                r = json.loads(line)
                results[r["id"]] = r
        pending = [i for i in pending if i not in results]
        if proc.returncode != 0 and pending:
            # the first case without a report is the one that killed the worker
            crasher = pending.pop(0)
            results[crasher] = {"id": crasher, "type": f"CRASH(rc={proc.returncode})",
                                "msg": proc.stderr[-2000:]}
        elif proc.returncode != 0 or pending:
            raise AssertionError(f"worker failed: rc={proc.returncode}\n{proc.stderr[-3000:]}")
    return results


def _check(case, got):
    cid, etype, pattern, _code, _ = case
    problems = []
    if got["type"] is None:
        problems.append("no exception raised")
    elif not re.fullmatch(etype, got["type"]):
        problems.append(f"raised {got['type']}, expected {etype}")
    elif not re.search(pattern, got["msg"], re.IGNORECASE | re.DOTALL):
        problems.append(f"message does not match /{pattern}/")
    return [f"{cid}: {p}: {got['type']}: {got['msg'][:300]}" for p in problems]


# ---------------------------------------------------------------------- tests
def test_table_size():
    assert len(CASES) >= 40
    assert len({c[0] for c in CASES}) == len(CASES)


def test_misuse_raises_torch_exception_type_with_message():
    import pytest
    pytest.importorskip("fastgrad._C")
    results = run_cases("fastgrad", [c[0] for c in CASES])
    failures = [f for c in CASES for f in _check(c, results[c[0]])]
    print(f"{len(CASES)} misuse cases, {len(CASES) - len(failures)} clean")
    assert not failures, "\n".join(failures)


def test_table_matches_torch():
    """The expected exception types are torch's own (message patterns are checked on fastgrad only)."""
    import pytest
    pytest.importorskip("torch")
    if os.environ.get("FASTGRAD_SANITIZED"):
        pytest.skip("checks the table against torch; nothing of fastgrad's runs")
    comparable = [c for c in CASES if c[4]]
    results = run_cases("torch", [c[0] for c in comparable])
    failures = []
    for cid, etype, _p, _c, _ in comparable:
        got = results[cid]
        if got["type"] is None or not re.fullmatch(etype, got["type"]):
            failures.append(f"{cid}: torch raised {got['type']}: {got['msg'][:200]}, table says {etype}")
    assert not failures, "\n".join(failures)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--worker":
        _worker(sys.argv[2], sys.argv[3:])
        sys.exit(0)
    fw = "torch" if "--torch" in sys.argv else "fastgrad"
    sys.path.insert(0, str(HERE.parent.parent / "python"))
    res = run_cases(fw, [c[0] for c in CASES])
    bad = 0
    for c in CASES:
        probs = _check(c, res[c[0]])
        bad += bool(probs)
        print(("FAIL " + probs[0]) if probs else f"ok   {c[0]}: {res[c[0]]['type']}: {res[c[0]]['msg'][:100]}")
    print(f"{len(CASES)} cases, {bad} failing")
