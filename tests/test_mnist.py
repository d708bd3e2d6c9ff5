"""fastgrad.datasets.MNIST: IDX parsing and validation, the bundled digits, and the download path.

Parsing and download need only numpy; the tests that look at tensors skip until fastgrad's core is built.
"""

import functools
import gzip
import hashlib
import http.server
import importlib.util
import socket
import struct
import threading

import numpy as np
import pytest

from fastgrad.datasets import MNIST, read_idx

needs_core = pytest.mark.skipif(
    importlib.util.find_spec("fastgrad._C") is None, reason="fastgrad's C++ core is not built"
)

TRAIN_IMAGES = "train-images-idx3-ubyte"
TRAIN_LABELS = "train-labels-idx1-ubyte"
TEST_IMAGES = "t10k-images-idx3-ubyte"
TEST_LABELS = "t10k-labels-idx1-ubyte"


def idx_bytes(arr, magic=None):
    """Encode ``arr`` as an IDX file; ``magic`` replaces the header's magic number."""
    codes = {np.uint8: 0x08, np.int8: 0x09, np.int16: 0x0B, np.int32: 0x0C, np.float32: 0x0D, np.float64: 0x0E}
    code = codes[arr.dtype.type]
    if magic is None:
        magic = (code << 8) | arr.ndim
    header = struct.pack(">I", magic) + struct.pack(f">{arr.ndim}I", *arr.shape)
    return header + arr.astype(arr.dtype.newbyteorder(">")).tobytes()


def write(path, payload, gz):
    if gz:
        path = path.with_name(path.name + ".gz")
        payload = gzip.compress(payload)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(payload)
    return path


def make_split(directory, prefix, n, rows=28, cols=28, gz=True, seed=0):
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, size=(n, rows, cols), dtype=np.uint8)
    labels = rng.integers(0, 10, size=n, dtype=np.uint8)
    img_path = write(directory / f"{prefix}-images-idx3-ubyte", idx_bytes(images), gz)
    lbl_path = write(directory / f"{prefix}-labels-idx1-ubyte", idx_bytes(labels), gz)
    return images, labels, img_path, lbl_path


# ---- the bundled digits ----


def test_bundled_digits_load_offline():
    train, test = MNIST(), MNIST(train=False)
    assert (len(train), len(test)) == (4000, 1000)
    assert train.bundled and test.bundled
    for ds, per_class in ((train, 400), (test, 100)):
        x, y = ds.arrays()
        assert x.shape == (len(ds), 784) and x.dtype == np.float32
        assert y.dtype == np.int64
        assert x.min() == 0.0 and x.max() == 1.0
        assert np.array_equal(np.bincount(y, minlength=10), np.full(10, per_class))
        # Real digits: ink is sparse (MNIST's mean intensity is about 0.13), not noise.
        assert 0.08 < x.mean() < 0.2
    x4, _ = train.arrays(flatten=False)
    assert x4.shape == (4000, 1, 28, 28)
    assert "Number of datapoints: 4000" in repr(train) and "Split: Test" in repr(test)


@needs_core
def test_bundled_items_and_tensors():
    import fastgrad

    ds = MNIST()
    x, y = ds.arrays()
    img, label = ds[5]
    assert tuple(img.shape) == (1, 28, 28)
    assert img.dtype == fastgrad.float32
    assert isinstance(label, int) and label == y[5]
    np.testing.assert_array_equal(img.numpy().reshape(-1), x[5])
    assert len(ds) == 4000

    images, labels = ds.tensors()
    assert tuple(images.shape) == (4000, 784) and images.dtype == fastgrad.float32
    assert tuple(labels.shape) == (4000,) and labels.dtype == fastgrad.int64
    np.testing.assert_array_equal(images.numpy(), x)
    np.testing.assert_array_equal(labels.numpy(), y)

    # torchvision's .data is uint8; fastgrad may lack that dtype, and then keeps the pixel values in int64.
    assert tuple(ds.data.shape) == (4000, 28, 28)
    assert ds.data.dtype == getattr(fastgrad, "uint8", fastgrad.int64)
    assert tuple(ds.targets.shape) == (4000,) and ds.targets.dtype == fastgrad.int64
    np.testing.assert_array_equal(ds.data.numpy().reshape(4000, -1).astype(np.float32) / np.float32(255), x)


@needs_core
def test_transforms_are_applied():
    ds = MNIST(train=False, transform=lambda t: t.reshape(-1), target_transform=lambda c: c + 100)
    img, label = ds[0]
    assert tuple(img.shape) == (784,)
    assert label == int(ds.arrays()[1][0]) + 100


def test_subsetting_by_assignment():
    ds = MNIST(train=False)
    x, y = ds.arrays(flatten=False)
    keep = np.flatnonzero(y == 3)
    ds.data = (x[keep, 0] * 255).round().astype(np.uint8)
    ds.targets = y[keep]
    assert len(ds) == 100
    assert set(ds.arrays()[1].tolist()) == {3}
    np.testing.assert_array_equal(ds.arrays(flatten=False)[0], x[keep])


# ---- IDX files written here ----


@pytest.mark.parametrize("gz", [True, False], ids=["gz", "raw"])
@pytest.mark.parametrize("layout", ["flat", "torchvision"])
def test_loads_written_files(tmp_path, gz, layout):
    directory = tmp_path if layout == "flat" else tmp_path / "MNIST" / "raw"
    # Not 28x28, and different sizes per split: nothing may be hard-coded.
    tr_images, tr_labels, *_ = make_split(directory, "train", 7, rows=5, cols=3, gz=gz, seed=1)
    te_images, te_labels, *_ = make_split(directory, "t10k", 4, rows=5, cols=3, gz=gz, seed=2)
    for train, images, labels in ((True, tr_images, tr_labels), (False, te_images, te_labels)):
        ds = MNIST(tmp_path, train=train)
        assert len(ds) == len(labels)
        x, y = ds.arrays()
        assert x.shape == (len(labels), 15)
        np.testing.assert_allclose(x, images.reshape(len(labels), -1) / 255.0, rtol=1e-6)
        np.testing.assert_array_equal(y, labels)
        assert ds.arrays(flatten=False)[0].shape == (len(labels), 1, 5, 3)


def test_root_accepts_str_and_prefers_uncompressed(tmp_path):
    images, labels, *_ = make_split(tmp_path, "train", 3, gz=False)
    # A stale .gz beside the extracted file (torchvision's layout keeps both) must not win.
    make_split(tmp_path, "train", 5, gz=True)
    ds = MNIST(str(tmp_path))
    assert len(ds) == 3
    np.testing.assert_array_equal(ds.arrays()[1], labels)


@pytest.mark.parametrize("gz", [True, False], ids=["gz", "raw"])
def test_truncated_images_file(tmp_path, gz):
    images = np.zeros((6, 28, 28), np.uint8)
    payload = idx_bytes(images)[:-100]
    path = write(tmp_path / TRAIN_IMAGES, payload, gz)
    write(tmp_path / TRAIN_LABELS, idx_bytes(np.zeros(6, np.uint8)), gz)
    with pytest.raises(ValueError) as e:
        MNIST(tmp_path)
    msg = str(e.value)
    assert str(path) in msg and "truncated" in msg
    assert str(16 + 6 * 784) in msg and str(16 + 6 * 784 - 100) in msg


def test_truncated_gzip_stream(tmp_path):
    images = np.random.default_rng(0).integers(0, 256, (6, 28, 28), dtype=np.uint8)
    path = tmp_path / (TRAIN_IMAGES + ".gz")
    path.write_bytes(gzip.compress(idx_bytes(images))[:-50])
    write(tmp_path / TRAIN_LABELS, idx_bytes(np.zeros(6, np.uint8)), True)
    with pytest.raises(ValueError, match="gzip") as e:
        MNIST(tmp_path)
    assert str(path) in str(e.value)


def test_trailing_data(tmp_path):
    path = write(tmp_path / TRAIN_LABELS, idx_bytes(np.zeros(6, np.uint8)) + b"\0\0", False)
    write(tmp_path / TRAIN_IMAGES, idx_bytes(np.zeros((6, 28, 28), np.uint8)), False)
    with pytest.raises(ValueError, match="trailing data") as e:
        MNIST(tmp_path)
    assert str(path) in str(e.value) and "expected 14 bytes, file has 16 bytes" in str(e.value)


def test_truncated_header(tmp_path):
    path = write(tmp_path / TRAIN_IMAGES, struct.pack(">II", 2051, 6), False)
    write(tmp_path / TRAIN_LABELS, idx_bytes(np.zeros(6, np.uint8)), False)
    with pytest.raises(ValueError, match="truncated header") as e:
        MNIST(tmp_path)
    assert str(path) in str(e.value)


def test_wrong_magic(tmp_path):
    # A labels file where the images should be: the classic mix-up.
    path = write(tmp_path / TRAIN_IMAGES, idx_bytes(np.zeros(6, np.uint8)), True)
    write(tmp_path / TRAIN_LABELS, idx_bytes(np.zeros(6, np.uint8)), True)
    with pytest.raises(ValueError, match="magic number 2049") as e:
        MNIST(tmp_path)
    assert str(path) in str(e.value) and "expected 2051" in str(e.value)


def test_garbage_is_not_idx(tmp_path):
    path = tmp_path / "junk"
    path.write_bytes(b"<html>404 not found</html>")
    with pytest.raises(ValueError, match="not a valid IDX header"):
        read_idx(path)


def test_record_counts_must_match(tmp_path):
    write(tmp_path / TEST_IMAGES, idx_bytes(np.zeros((5, 28, 28), np.uint8)), False)
    write(tmp_path / TEST_LABELS, idx_bytes(np.zeros(4, np.uint8)), False)
    with pytest.raises(ValueError, match="5 images") as e:
        MNIST(tmp_path, train=False)
    assert "4 labels" in str(e.value)


def test_missing_files_say_where_and_what_to_do(tmp_path):
    make_split(tmp_path, "train", 3)  # only the train split exists
    with pytest.raises(RuntimeError, match="download=True") as e:
        MNIST(tmp_path, train=False)
    assert "t10k-images-idx3-ubyte" in str(e.value) and str(tmp_path / "MNIST" / "raw") in str(e.value)


@pytest.mark.parametrize("dtype", [np.uint8, np.int8, np.int16, np.int32, np.float32, np.float64])
def test_read_idx_decodes_every_idx_type(tmp_path, dtype):
    arr = (np.arange(24).reshape(2, 3, 4) - 7).astype(dtype)
    path = write(tmp_path / "x.idx", idx_bytes(arr), gz=False)
    got = read_idx(path)
    assert got.dtype == np.dtype(dtype) and got.dtype.isnative
    np.testing.assert_array_equal(got, arr)
    got[0, 0, 0] = 1  # writable, so tensors can share it


# ---- download, against a local server ----


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def mirror(tmp_path):
    """A local HTTP mirror serving a small, valid MNIST as the four .gz files."""
    served = tmp_path / "served"
    make_split(served, "train", 12, seed=3)
    make_split(served, "t10k", 5, seed=4)
    handler = functools.partial(_QuietHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", served
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def sha256_resources(served):
    return [(name, hashlib.sha256((served / name).read_bytes()).hexdigest()) for name, _ in MNIST.resources]


def closed_port_url():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def test_download_good_checksum(tmp_path, mirror):
    url, served = mirror
    root = tmp_path / "data"
    # The first mirror is down: the next one must be tried.
    ds = MNIST(root, download=True, mirrors=[closed_port_url(), url], resources=sha256_resources(served))
    raw = root / "MNIST" / "raw"
    assert sorted(p.name for p in raw.iterdir()) == sorted(name for name, _ in MNIST.resources)
    for name, _ in MNIST.resources:
        assert (raw / name).read_bytes() == (served / name).read_bytes()
    assert len(ds) == 12
    np.testing.assert_array_equal(ds.arrays()[1], read_idx(served / (TRAIN_LABELS + ".gz")))
    assert len(MNIST(root, train=False)) == 5
    # Files already there are not fetched again: no mirror is reachable now.
    assert len(MNIST(root, download=True, mirrors=[closed_port_url()])) == 12


def test_download_bad_checksum_discards_the_file(tmp_path, mirror):
    url, served = mirror
    resources = sha256_resources(served)
    resources[2] = (resources[2][0], "0" * 64)  # t10k images
    root = tmp_path / "data"
    with pytest.raises(RuntimeError) as e:
        MNIST(root, train=False, download=True, mirrors=[url], resources=resources)
    msg = str(e.value)
    assert "t10k-images-idx3-ubyte.gz" in msg and url + "t10k-images-idx3-ubyte.gz" in msg
    assert "SHA-256 mismatch" in msg and "0" * 64 in msg
    raw = root / "MNIST" / "raw"
    left = sorted(p.name for p in raw.iterdir())
    # The two train files verified and stay; the corrupt one (and any partial download) is gone.
    assert left == ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"]


def test_download_unreachable_mirrors(tmp_path):
    dead = [closed_port_url(), closed_port_url()]
    with pytest.raises(RuntimeError) as e:
        MNIST(tmp_path, download=True, mirrors=dead)
    msg = str(e.value)
    assert "train-images-idx3-ubyte.gz" in msg
    for m in dead:
        assert m + "train-images-idx3-ubyte.gz" in msg
    assert msg.count("unreachable") == 2
    assert list((tmp_path / "MNIST" / "raw").iterdir()) == []


def test_download_http_error(tmp_path, mirror):
    url, served = mirror
    resources = sha256_resources(served)
    (served / "train-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(RuntimeError, match="HTTP 404") as e:
        MNIST(tmp_path, download=True, mirrors=[url], resources=resources)
    assert "train-labels-idx1-ubyte.gz" in str(e.value)


def test_download_needs_a_root():
    with pytest.raises(ValueError, match="root"):
        MNIST(download=True)


def test_official_checksum_table_is_complete():
    # Guards the real table against edits: four files, each with a full-length SHA-256.
    names = [name for name, _ in MNIST.resources]
    assert names == [TRAIN_IMAGES + ".gz", TRAIN_LABELS + ".gz", TEST_IMAGES + ".gz", TEST_LABELS + ".gz"]
    for _, digest in MNIST.resources:
        assert len(digest) == 64 and int(digest, 16) >= 0
    assert all(m.startswith("https://") for m in MNIST.mirrors)
