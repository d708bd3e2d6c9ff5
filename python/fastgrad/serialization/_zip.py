"""torch's checkpoint archive: a zip of uncompressed records under one top-level folder.

The reader trusts nothing in the file: every record must lie inside the file, be stored (torch never
compresses, and refusing compression is what makes a zip bomb impossible), carry no encryption, and
live under the archive's one folder. A record is read from the open file into a buffer of its checked
size, or sliced from the bytes or memory map given, so reading allocates nothing beyond what the file
holds.
"""
import io
import struct
import zipfile
import zlib

import numpy as np

ALIGNMENT = 64  # torch aligns every record's data to 64 bytes, so mmap'd storages are aligned
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # zipfile's own layout of a local file header
_ZIP64_EXTRA = 20  # bytes zipfile appends to a local header's extra field when it writes zip64 sizes
_PAD_ID = 0x4246  # "FB": the extra-field id torch's writer uses for its alignment padding

ZIP_MAGIC = b"PK\x03\x04"


class Archive:
    """The records of a torch checkpoint archive, checked against the file before any is read."""

    def __init__(self, source, name):
        """``source``: the file's bytes, its memory map, or a seekable binary file opened on it."""
        self.name = name
        if hasattr(source, "seek"):
            self.file, self.data = source, None
            self.file_size = source.seek(0, io.SEEK_END)
        else:
            self.file, self.data = None, source
            self.file_size = len(source)
        try:
            infos = zipfile.ZipFile(self.file or _MapFile(source)).infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, struct.error,
                NotImplementedError, IndexError, UnicodeDecodeError) as e:
            raise RuntimeError(f"{name}: not a valid torch checkpoint (corrupt or truncated zip archive: "
                               f"{e})") from None
        if not infos:
            raise RuntimeError(f"{name}: not a valid torch checkpoint (empty zip archive)")
        prefix = infos[0].filename.split("/", 1)[0] + "/"
        self.records = {}
        for info in infos:
            self._add(info, prefix)

    def _bytes_at(self, offset, size):
        if self.file is None:
            return memoryview(self.data)[offset:offset + size]
        self.file.seek(offset)
        # The size was checked against the file: this allocation is the record's own. numpy's empty
        # skips the zero-filling pass that bytearray(size) would make over memory about to be read into.
        buf = np.empty(size, dtype=np.uint8)
        got = self.file.readinto(memoryview(buf))
        if got != size:
            raise RuntimeError(f"{self.name}: the file ended while reading ({got} of {size} bytes)")
        return memoryview(buf)

    def _add(self, info, prefix):
        name, size = self.name, self.file_size
        if not info.filename.startswith(prefix):
            raise RuntimeError(f"{name}: record '{info.filename}' is outside the archive folder '{prefix}'")
        key = info.filename[len(prefix):]
        if key in self.records:
            raise RuntimeError(f"{name}: record '{key}' appears twice in the archive")
        if info.flag_bits & 0x1:
            raise RuntimeError(f"{name}: record '{key}' is encrypted")
        if info.compress_type != zipfile.ZIP_STORED:
            raise RuntimeError(f"{name}: record '{key}' is compressed (method {info.compress_type}); torch "
                               f"checkpoints store records uncompressed")
        if info.compress_size != info.file_size:
            raise RuntimeError(f"{name}: record '{key}' claims {info.file_size} bytes but stores "
                               f"{info.compress_size}")
        start = info.header_offset
        if start < 0 or start + _LOCAL_HEADER.size > size:
            raise RuntimeError(f"{name}: record '{key}' starts past the end of the file")
        fields = _LOCAL_HEADER.unpack(bytes(self._bytes_at(start, _LOCAL_HEADER.size)))
        if fields[0] != ZIP_MAGIC:
            raise RuntimeError(f"{name}: record '{key}' has a corrupt local header")
        offset = start + _LOCAL_HEADER.size + fields[10] + fields[11]
        if offset + info.file_size > size:
            raise RuntimeError(f"{name}: record '{key}' of {info.file_size} bytes is larger than the file "
                               f"({size} bytes, data would start at {offset})")
        self.records[key] = (offset, info.file_size, info.CRC)

    def has(self, key):
        return key in self.records

    def size(self, key):
        return self.records[key][1]

    def read(self, key, check_crc=True):
        """The record's bytes as a memoryview (of the file's bytes or map, or of a buffer read from the
        open file), CRC-checked unless reading lazily (mmap)."""
        if key not in self.records:
            raise RuntimeError(f"{self.name}: the archive has no record '{key}'")
        offset, size, crc = self.records[key]
        view = self._bytes_at(offset, size)
        if check_crc and zlib.crc32(view) != crc:
            raise RuntimeError(f"{self.name}: record '{key}' is corrupt (CRC mismatch)")
        return view


class _MapFile(io.RawIOBase):
    """A read-only, seekable file over a memory map, for zipfile to parse the directory from."""

    def __init__(self, buf):
        self._buf, self._pos = memoryview(buf), 0

    def readable(self):
        return True

    def seekable(self):
        return True

    def seek(self, pos, whence=0):
        base = (0, self._pos, len(self._buf))[whence]
        self._pos = max(0, base + pos)
        return self._pos

    def tell(self):
        return self._pos

    def read(self, n=-1):
        end = len(self._buf) if n is None or n < 0 else min(len(self._buf), self._pos + n)
        out = bytes(self._buf[self._pos:end])
        self._pos = max(self._pos, end)
        return out

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)


def write(fileobj, folder, records):
    """Writes ``records`` (name -> bytes-like) as a stored zip under ``folder``/, each record's data
    aligned to ``ALIGNMENT`` bytes from the archive's start as torch's writer does."""
    seekable = getattr(fileobj, "seekable", None)
    start = fileobj.tell() if seekable is not None and seekable() else 0
    with zipfile.ZipFile(fileobj, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
        for key, payload in records:
            info = zipfile.ZipInfo(f"{folder}/{key}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 0
            nbytes = memoryview(payload).nbytes
            zip64 = nbytes * 1.05 > zipfile.ZIP64_LIMIT  # zipfile's own rule for adding a zip64 extra
            used = (zf.start_dir - start) + _LOCAL_HEADER.size + len(info.filename.encode("ascii")) \
                + (_ZIP64_EXTRA if zip64 else 0)
            pad = -used % ALIGNMENT
            if pad:
                pad = pad if pad >= 4 else pad + ALIGNMENT  # an extra field is at least its 4-byte header
                info.extra = struct.pack("<HH", _PAD_ID, pad - 4) + b"Z" * (pad - 4)
            with zf.open(info, "w", force_zip64=zip64) as dest:
                dest.write(payload)
