"""Stands in for the Cora citation dataset (which the graph examples download) so they run offline: writes
cora/cora.content (paper id, binary word features, class name per line) and cora/cora.cites (cited id,
citing id per line) in Cora's format into a fresh temporary folder and makes it the working directory,
where the examples' load_cora() reads './cora'. Papers of a class share words and mostly cite each other,
so a graph network has something to learn. Drawn from numpy with a fixed seed, never from torch's
generator, so both engines see the same files and the script's own random stream is untouched."""
import os
import tempfile

import numpy as np


def write_synthetic_cora(n_papers=1800, n_words=200, n_classes=7, n_citations=4000, seed=0):
    rng = np.random.default_rng(seed)
    folder = tempfile.mkdtemp(prefix="synthetic_cora_")
    os.makedirs(os.path.join(folder, "cora"))
    paper_ids = rng.choice(1_000_000, size=n_papers, replace=False)
    classes = rng.integers(0, n_classes, size=n_papers)
    class_words = rng.random((n_classes, n_words)) < 0.08
    words = (rng.random((n_papers, n_words)) < 0.01) | (class_words[classes] & (rng.random((n_papers, n_words)) < 0.5))
    with open(os.path.join(folder, "cora", "cora.content"), "w") as content:
        for paper, row, label in zip(paper_ids, words.astype(int), classes):
            content.write(f"{paper}\t" + "\t".join(map(str, row)) + f"\tTopic_{label}\n")
    by_class = [np.flatnonzero(classes == c) for c in range(n_classes)]
    with open(os.path.join(folder, "cora", "cora.cites"), "w") as cites:
        for citing in rng.integers(0, n_papers, size=n_citations):
            same_class = rng.random() < 0.8
            pool = by_class[classes[citing]] if same_class else np.arange(n_papers)
            cited = pool[rng.integers(0, len(pool))]
            cites.write(f"{paper_ids[cited]}\t{paper_ids[citing]}\n")
    os.chdir(folder)
