"""MkDocs hook: writes the fastgrad namespace's API page as one `::: fastgrad.NAME` block per public name,
grouped by what the names do. The names come from the imported package at build time, so a new public
function appears in the reference (under "Other" until it is given a group here) without editing the page.
"""
import inspect

MARKER = "<!-- fastgrad-functions -->"

GROUPS = {
    "Creating tensors": "tensor as_tensor from_numpy from_dlpack zeros ones empty full zeros_like ones_like "
                        "empty_like full_like arange linspace eye is_tensor numel",
    "Random numbers": "manual_seed initial_seed rand randn rand_like randn_like randint randperm bernoulli",
    "Pointwise math": "add sub mul div true_divide floor_divide remainder fmod pow neg negative abs sign exp log "
                      "log1p sqrt rsqrt reciprocal square sin cos tanh sigmoid erf relu leaky_relu gelu softplus "
                      "clamp clip clamp_min clamp_max floor ceil trunc round maximum minimum where masked_fill",
    "Comparison and logic": "eq ne lt le gt ge isnan isinf isfinite isposinf isneginf logical_not logical_and "
                            "logical_or logical_xor bitwise_not bitwise_and bitwise_or bitwise_xor",
    "Reductions and scans": "sum mean prod var std amax amin max min argmax argmin all any logsumexp softmax "
                            "log_softmax cumsum cumprod norm linalg_norm",
    "Linear algebra": "matmul mm dot linear",
    "Shape, joining and indexing": "reshape permute transpose swapaxes t squeeze unsqueeze flatten narrow select "
                                   "flip tril triu cat concat stack split chunk clone gather index_select "
                                   "scatter scatter_add scatter_reduce index_add index_copy index_fill index_put "
                                   "masked_scatter",
    "Autograd switches": "no_grad enable_grad set_grad_enabled inference_mode is_grad_enabled",
    "Checkpoints": "save load",
    "Threads and build": "get_num_threads set_num_threads show_config summary",
}
SKIP = {"Tensor", "Generator", "Size", "dtype", "device", "default_generator"}


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, functions_page())


def functions_page():
    import fastgrad

    public = {n for n in dir(fastgrad) if not n.startswith("_") and n not in SKIP
              and not inspect.ismodule(getattr(fastgrad, n)) and callable(getattr(fastgrad, n))
              and not isinstance(getattr(fastgrad, n), fastgrad.dtype)}
    out, placed = [], set()
    for title, names in list(GROUPS.items()) + [("Other", " ".join(sorted(public - {
            n for names in GROUPS.values() for n in names.split()})))]:
        names = [n for n in names.split() if n in public and n not in placed]
        if not names:
            continue
        out.append(f"## {title}\n")
        for name in names:
            placed.add(name)
            out.append(f"::: fastgrad.{name}\n    options:\n      heading_level: 3\n")
    return "\n".join(out)
