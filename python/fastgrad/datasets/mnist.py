"""MNIST, read from the standard IDX files, with torchvision's interface.

This module is deliberately numpy-only at import time: fastgrad is imported inside the methods that build
tensors. That keeps ``import fastgrad.datasets`` free of import cycles with the package's ``__init__``, and
lets ``examples/mnist_mlp.py --framework torch`` load this file on its own without pulling fastgrad's C++
core (and a second OpenMP runtime) into a torch process.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import struct
import sys
import urllib.error
import urllib.request
import zlib
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

__all__ = ["MNIST", "read_idx", "BUNDLED_ROOT"]

# The 5,000-digit subset shipped inside the package, so the example trains offline on real data.
BUNDLED_ROOT = Path(__file__).resolve().parent / "data" / "mnist-5k"

# IDX type codes (third byte of the magic number) -> big-endian numpy dtypes.
_IDX_DTYPES = {
    0x08: np.dtype(">u1"),
    0x09: np.dtype(">i1"),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}

_IMAGES_MAGIC = 2051  # 0x00000803: unsigned bytes, 3 dimensions (count, rows, cols)
_LABELS_MAGIC = 2049  # 0x00000801: unsigned bytes, 1 dimension (count)

PathLike = Union[str, "os.PathLike[str]"]


def _read_bytes(path: Path) -> bytes:
    with open(path, "rb") as f:
        head = f.read(2)
        f.seek(0)
        data = f.read()
    # Sniff the gzip magic rather than trusting the extension: mirrors and users rename files.
    if head != b"\x1f\x8b":
        return data
    try:
        return gzip.decompress(data)
    except (EOFError, OSError, zlib.error) as e:
        raise ValueError(f"{path}: corrupt or truncated gzip stream ({e})") from None


def read_idx(path: PathLike, expected_magic: Optional[int] = None) -> np.ndarray:
    """Read one IDX file (gzipped or not) into a native-endian, writable numpy array.

    Raises ValueError naming the file when the magic number is wrong or the file's length does not match
    what its header promises.
    """
    path = Path(path)
    raw = _read_bytes(path)
    if len(raw) < 4:
        raise ValueError(f"{path}: {len(raw)} bytes, too short to hold an IDX header (at least 4 bytes)")
    magic = int.from_bytes(raw[:4], "big")
    if expected_magic is not None and magic != expected_magic:
        raise ValueError(
            f"{path}: magic number {magic} (0x{magic:08x}), expected {expected_magic} (0x{expected_magic:08x}); "
            "not an MNIST file of the expected kind"
        )
    type_code, ndim = raw[2], raw[3]
    if raw[0] != 0 or raw[1] != 0 or type_code not in _IDX_DTYPES:
        raise ValueError(f"{path}: magic number 0x{magic:08x} is not a valid IDX header")
    header_len = 4 + 4 * ndim
    if len(raw) < header_len:
        raise ValueError(
            f"{path}: truncated header: expected at least {header_len} bytes for {ndim} dimensions, "
            f"file has {len(raw)} bytes"
        )
    dims = struct.unpack(f">{ndim}I", raw[4:header_len])
    dtype = _IDX_DTYPES[type_code]
    count = 1
    for d in dims:
        count *= d
    expected = header_len + count * dtype.itemsize
    if len(raw) != expected:
        what = "truncated" if len(raw) < expected else "has trailing data"
        unpacked = " (after gunzip)" if path.suffix == ".gz" else ""
        raise ValueError(
            f"{path}: {what}: header declares shape {tuple(dims)}, so expected {expected} bytes, "
            f"file has {len(raw)} bytes{unpacked}"
        )
    arr = np.frombuffer(raw, dtype=dtype, count=count, offset=header_len).reshape(dims)
    # frombuffer over bytes is read-only and big-endian; tensors want writable native memory.
    return arr.astype(dtype.newbyteorder("="), copy=True)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class MNIST:
    """The MNIST digits, as ``torchvision.datasets.MNIST``.

    ``root`` may hold the four IDX files directly (gzipped or not) or in ``root/MNIST/raw`` as torchvision
    lays them out; ``root=None`` reads the 5,000 real digits bundled with fastgrad (4,000 train, 1,000 test).
    ``download=True`` fetches the full set into ``root/MNIST/raw`` and checks each file's SHA-256.

    Unlike torchvision (which hands PIL images to ``transform``), an item's image is already a float32
    tensor of shape (1, rows, cols) scaled to [0, 1], as ``ToTensor()`` would give. For training, prefer
    :meth:`tensors` (or :meth:`arrays`) with a ``TensorDataset``: a batch is then one indexing op instead of
    one Python call per digit.
    """

    # Base URLs tried in order. Class attributes (as in torchvision) so a subclass or a test can repoint them;
    # the constructor's ``mirrors``/``resources`` arguments override per instance.
    mirrors: List[str] = [
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
    ]
    # SHA-256 of the official gzipped files (9,912,422 / 28,881 / 1,648,877 / 4,542 bytes); torchvision
    # lists their MD5s: f68b3c2d..., d53e105e..., 9fb629c4..., ec29112d....
    resources: List[Tuple[str, str]] = [
        ("train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
        ("train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
        ("t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
        ("t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
    ]
    timeout: float = 30.0  # seconds per connection attempt

    classes = [
        "0 - zero", "1 - one", "2 - two", "3 - three", "4 - four",
        "5 - five", "6 - six", "7 - seven", "8 - eight", "9 - nine",
    ]

    def __init__(
        self,
        root: Optional[PathLike] = None,
        train: bool = True,
        download: bool = False,
        transform: Optional[Callable[[Any], Any]] = None,
        target_transform: Optional[Callable[[int], Any]] = None,
        *,
        mirrors: Optional[Sequence[str]] = None,
        resources: Optional[Sequence[Tuple[str, str]]] = None,
    ) -> None:
        if mirrors is not None:
            self.mirrors = list(mirrors)
        if resources is not None:
            self.resources = list(resources)
        self.bundled = root is None
        self.root = BUNDLED_ROOT if root is None else Path(os.path.expanduser(os.fspath(root)))
        self.train = train
        self.transform = transform
        self.target_transform = target_transform
        self._data_tensor = None
        self._targets_tensor = None

        if download:
            if self.bundled:
                raise ValueError("download=True needs a root directory to download into (root=None reads the bundled digits)")
            if self._find_split() is None:
                self.download()

        found = self._find_split()
        if found is None:
            searched = ", ".join(str(d) for d in self._search_dirs())
            prefix = self._split_prefix
            raise RuntimeError(
                f"MNIST {'train' if train else 'test'} files ({prefix}-images-idx3-ubyte[.gz], "
                f"{prefix}-labels-idx1-ubyte[.gz]) not found in: {searched}. "
                "Use download=True to download them, or root=None for the bundled 5,000 digits."
            )
        images_path, labels_path = found
        images = read_idx(images_path, _IMAGES_MAGIC)
        labels = read_idx(labels_path, _LABELS_MAGIC)
        if images.shape[0] != labels.shape[0]:
            raise ValueError(
                f"MNIST record counts differ: {images_path} holds {images.shape[0]} images, "
                f"{labels_path} holds {labels.shape[0]} labels"
            )
        self.images_path, self.labels_path = images_path, labels_path
        self._images = images  # uint8, (N, rows, cols)
        self._labels = labels.astype(np.int64)

    # ---- files ----

    @property
    def _split_prefix(self) -> str:
        return "train" if self.train else "t10k"

    @property
    def raw_folder(self) -> Path:
        return self.root / "MNIST" / "raw"

    def _search_dirs(self) -> List[Path]:
        return [self.root, self.raw_folder]

    @staticmethod
    def _find_file(directory: Path, base: str) -> Optional[Path]:
        # The uncompressed file first: torchvision extracts next to the .gz, and reading it skips a gunzip.
        for name in (base, base + ".gz"):
            p = directory / name
            if p.is_file():
                return p
        return None

    def _find_split(self) -> Optional[Tuple[Path, Path]]:
        prefix = self._split_prefix
        for d in self._search_dirs():
            images = self._find_file(d, f"{prefix}-images-idx3-ubyte")
            labels = self._find_file(d, f"{prefix}-labels-idx1-ubyte")
            if images is not None and labels is not None:
                return images, labels
        return None

    def download(self) -> None:
        """Fetch every missing resource into ``raw_folder``, verifying its SHA-256.

        A file is written under a temporary name and only renamed into place once its checksum matches, so a
        failed or corrupt download never leaves a file the loader would pick up. Raises RuntimeError naming
        the file, every mirror tried and why each failed.
        """
        self.raw_folder.mkdir(parents=True, exist_ok=True)
        for filename, sha256 in self.resources:
            dest = self.raw_folder / filename
            if dest.is_file():
                continue
            failures: List[str] = []
            for mirror in self.mirrors:
                url = mirror if mirror.endswith("/") else mirror + "/"
                url += filename
                reason = self._fetch(url, dest, sha256)
                if reason is None:
                    break
                failures.append(f"{url}: {reason}")
            else:
                tried = "\n  ".join(failures) if failures else "(no mirrors configured)"
                raise RuntimeError(f"could not download MNIST file {filename}; mirrors tried:\n  {tried}")

    def _fetch(self, url: str, dest: Path, sha256: str) -> Optional[str]:
        """Download ``url`` to ``dest`` if its SHA-256 is ``sha256``; return why not otherwise."""
        part = dest.with_name(dest.name + ".part")
        print(f"Downloading {url}", file=sys.stderr)
        try:
            h = hashlib.sha256()
            req = urllib.request.Request(url, headers={"User-Agent": "fastgrad-datasets"})
            with urllib.request.urlopen(req, timeout=self.timeout) as resp, open(part, "wb") as out:
                for chunk in iter(lambda: resp.read(1 << 20), b""):
                    h.update(chunk)
                    out.write(chunk)
            got = h.hexdigest()
            if got != sha256.lower():
                return f"SHA-256 mismatch: got {got}, expected {sha256} (file discarded)"
            os.replace(part, dest)
            return None
        except urllib.error.HTTPError as e:
            return f"HTTP {e.code} {e.reason}"
        except urllib.error.URLError as e:
            return f"unreachable ({e.reason})"
        except OSError as e:  # timeouts, resets, disk errors
            return f"{type(e).__name__}: {e}"
        finally:
            # Whatever went wrong (including KeyboardInterrupt), a partial or unverified file must not stay.
            if part.exists():
                part.unlink()

    # ---- data ----

    def arrays(self, flatten: bool = True) -> Tuple[np.ndarray, np.ndarray]:
        """Images as float32 in [0, 1], shape (N, rows*cols) or (N, 1, rows, cols), and int64 labels."""
        n, rows, cols = self._images.shape
        images = self._images.astype(np.float32)
        # Divide (not multiply by 1/255): bit-identical to torchvision's ToTensor, img.float().div(255).
        images /= np.float32(255.0)
        images = images.reshape(n, rows * cols) if flatten else images.reshape(n, 1, rows, cols)
        return images, self._labels.copy()

    def tensors(self, flatten: bool = True):
        """:meth:`arrays` as fresh fastgrad tensors, ready for ``TensorDataset(images, labels)``."""
        import fastgrad

        images, labels = self.arrays(flatten)
        return fastgrad.from_numpy(images), fastgrad.from_numpy(labels)

    @property
    def data(self):
        """The raw pixel values 0-255, shape (N, rows, cols), as torchvision's ``.data``.

        A uint8 tensor where fastgrad has that dtype; otherwise int64, so that ``ds.data.float() / 255``
        and indexing still give torchvision's numbers (at 8x the memory, built only when asked for).
        """
        if self._data_tensor is None:
            import fastgrad

            if hasattr(fastgrad, "uint8"):
                self._data_tensor = fastgrad.from_numpy(self._images)
            else:
                self._data_tensor = fastgrad.from_numpy(self._images.astype(np.int64))
        return self._data_tensor

    @data.setter
    def data(self, value) -> None:
        # torchvision users subset a dataset by assigning ``ds.data = ds.data[idx]``; keep that working.
        arr = np.asarray(value)
        if arr.ndim != 3:
            raise ValueError(f"MNIST.data must have shape (N, rows, cols), got {arr.shape}")
        self._images = np.ascontiguousarray(arr, dtype=np.uint8)
        self._data_tensor = None

    @property
    def targets(self):
        """The labels, an int64 tensor of shape (N,), as torchvision's ``.targets``."""
        if self._targets_tensor is None:
            import fastgrad

            self._targets_tensor = fastgrad.from_numpy(self._labels)
        return self._targets_tensor

    @targets.setter
    def targets(self, value) -> None:
        arr = np.asarray(value)
        if arr.ndim != 1:
            raise ValueError(f"MNIST.targets must have shape (N,), got {arr.shape}")
        self._labels = np.ascontiguousarray(arr, dtype=np.int64)
        self._targets_tensor = None

    @property
    def class_to_idx(self) -> Dict[str, int]:
        return {c: i for i, c in enumerate(self.classes)}

    def __len__(self) -> int:
        return int(self._labels.shape[0])

    def __getitem__(self, index: int):
        import fastgrad

        _, rows, cols = self._images.shape
        img = self._images[index].astype(np.float32).reshape(1, rows, cols)
        img /= np.float32(255.0)
        img = fastgrad.from_numpy(img)
        target = int(self._labels[index])
        if self.transform is not None:
            img = self.transform(img)
        if self.target_transform is not None:
            target = self.target_transform(target)
        return img, target

    def __repr__(self) -> str:
        lines = [
            f"Dataset {type(self).__name__}",
            f"    Number of datapoints: {len(self)}",
            f"    Root location: {self.root}" + (" (bundled mnist-5k)" if self.bundled else ""),
            f"    Split: {'Train' if self.train else 'Test'}",
        ]
        if self.transform is not None:
            lines.append(f"    Transform: {self.transform!r}")
        if self.target_transform is not None:
            lines.append(f"    Target transform: {self.target_transform!r}")
        return "\n".join(lines)
