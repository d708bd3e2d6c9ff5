"""Hostile torch checkpoints: code-running pickles, forged storages and tensors, zip bombs, broken
archives and other formats. Each must raise a Python exception naming the problem, within a bounded
allocation, and never run code: every payload that would run code creates a marker file, and the test
asserts that no marker exists afterwards. A fuzz test mutates valid checkpoints byte by byte.

Files are forged here, opcode by opcode (no torch needed). All cases run in one worker subprocess (a
crash fails the test instead of killing pytest) with a capped address space and traced allocations.
"""
import io
import json
import os
import re
import struct
import sys
import tarfile
import zipfile
from pathlib import Path

from test_reliability_checkpoints import load_traced, run_script, run_worker

HERE = Path(__file__).resolve()
PEAK_LIMIT = 32 << 20  # bytes of traced Python/numpy allocation any one load may reach
FUZZ_SEED, FUZZ_CASES = 1234, 400  # per fuzz family; three families


# ------------------------------------------------------------------ a tiny pickle writer for forging
class G:  # GLOBAL module name
    def __init__(self, module, name):
        self.module, self.name = module, name


class SG(G):  # the same name through STACK_GLOBAL
    pass


class R:  # REDUCE: fn(*args)
    def __init__(self, fn, args):
        self.fn, self.args = fn, args


class PID:  # BINPERSID of a value
    def __init__(self, value):
        self.value = value


class Raw:  # bytes spliced in as they are
    def __init__(self, data):
        self.data = data


def P(obj):
    """Pickle opcodes for obj (protocol-2 style), built by hand so every field can be forged."""
    if isinstance(obj, Raw):
        return obj.data
    if obj is None:
        return b"N"
    if obj is True or obj is False:
        return b"\x88" if obj else b"\x89"
    if isinstance(obj, int):
        n = (obj.bit_length() + 8) // 8
        return b"\x8a" + bytes([n]) + obj.to_bytes(n, "little", signed=True)
    if isinstance(obj, float):
        return b"G" + struct.pack(">d", obj)
    if isinstance(obj, str):
        data = obj.encode("utf-8", "surrogatepass")
        return b"X" + struct.pack("<I", len(data)) + data
    if isinstance(obj, bytes):
        return b"B" + struct.pack("<I", len(obj)) + obj
    if isinstance(obj, tuple):
        return b"(" + b"".join(P(x) for x in obj) + b"t"
    if isinstance(obj, list):
        return b"]" + (b"(" + b"".join(P(x) for x in obj) + b"e" if obj else b"")
    if isinstance(obj, dict):
        return b"}" + (b"(" + b"".join(P(k) + P(v) for k, v in obj.items()) + b"u" if obj else b"")
    if isinstance(obj, SG):
        return P(obj.module) + P(obj.name) + b"\x93"
    if isinstance(obj, G):
        return b"c" + obj.module.encode() + b"\n" + obj.name.encode() + b"\n"
    if isinstance(obj, R):
        return P(obj.fn) + P(obj.args) + b"R"
    if isinstance(obj, PID):
        return P(obj.value) + b"Q"
    raise TypeError(type(obj))


def pkl(obj, proto=2):
    return b"\x80" + bytes([proto]) + P(obj) + b"."


ODICT = R(G("collections", "OrderedDict"), ())


def storage(key="0", numel=4, kind="FloatStorage", location="cpu"):
    return PID(("storage", G("torch", kind), key, location, numel))


def tensor(st=None, offset=0, size=(4,), stride=(1,), requires_grad=False, hooks=ODICT):
    return R(G("torch._utils", "_rebuild_tensor_v2"),
             (st if st is not None else storage(), offset, size, stride, requires_grad, hooks))


def archive(records, folder="archive", compress=zipfile.ZIP_STORED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as zf:
        for name, data in records.items():
            zf.writestr(f"{folder}/{name}" if folder else name, data)
    return buf.getvalue()


def ckpt(pickle_bytes, data=None, **extra):
    records = {"data.pkl": pickle_bytes, "byteorder": b"little"}
    records.update({f"data/{k}": v for k, v in (data if data is not None else {"0": bytes(16)}).items()})
    records.update({"version": b"3\n"}, **extra)
    return archive(records)


def _patch_central(raw, record, **fields):
    """Rewrites fields of one central-directory entry (the forger's way to lie about a record)."""
    raw = bytearray(raw)
    at = raw.find(b"PK\x01\x02")
    while at >= 0:
        n, m, k = struct.unpack("<3H", raw[at + 28:at + 34])
        if raw[at + 46:at + 46 + n].decode().endswith(record):
            for field, value in fields.items():
                offset, fmt = {"flags": (8, "<H"), "method": (10, "<H"), "csize": (20, "<I"), "size": (24, "<I"),
                               "local": (42, "<I")}[field]
                raw[at + offset:at + offset + struct.calcsize(fmt)] = struct.pack(fmt, value)
        at = raw.find(b"PK\x01\x02", at + 4)
    return bytes(raw)


# ------------------------------------------------------------------ the payloads
def hostile_files(marker):
    """id -> (file bytes, exception class name, regex the message must match)."""
    m = str(marker)
    touch = f"touch {m}"
    pyopen = f"open({m!r}, 'w').close()"
    U, RT = "UnpicklingError", "RuntimeError"

    def glob(module, name, args, proto=2, stack=False):
        fn = SG(module, name) if stack else G(module, name)
        return ckpt(pkl({"w": tensor(), "x": R(fn, args)}, proto))

    cases = {
        # ---- code execution through globals: refused when the GLOBAL is read, naming it
        "reduce_os_system": (glob("os", "system", (touch,)), U, r"GLOBAL os\.system"),
        "reduce_posix_system": (glob("posix", "system", (touch,)), U, r"posix\.system"),
        "reduce_nt_system": (glob("nt", "system", (touch,)), U, r"nt\.system"),
        "subprocess_popen": (glob("subprocess", "Popen", (["touch", m],)), U, r"subprocess\.Popen"),
        "builtins_eval": (glob("builtins", "eval", (pyopen,)), U, r"builtins\.eval"),
        "builtins_exec": (glob("builtins", "exec", (pyopen,)), U, r"builtins\.exec"),
        "py2_builtin_eval": (glob("__builtin__", "eval", (pyopen,)), U, r"builtins\.eval"),
        "builtins_getattr": (ckpt(pkl(R(R(G("builtins", "getattr"), (R(G("builtins", "__import__"), ("os",)),
                                                                         "system")), (touch,)))),
                             U, r"builtins\.getattr"),
        "builtins_import": (glob("builtins", "__import__", ("os",)), U, r"builtins\.__import__"),
        "builtins_open": (glob("builtins", "open", (m, "w")), U, r"builtins\.open"),
        "stack_global_os_system": (glob("os", "system", (touch,), proto=4, stack=True), U,
                                   r"STACK_GLOBAL os\.system"),
        "stack_global_from_memo": (ckpt(b"\x80\x04" + P("os") + b"\x94" + P("system") + b"\x94" + b"0" + b"0"
                                        + b"h\x00h\x01\x93" + P((touch,)) + b"R."), U, r"STACK_GLOBAL os\.system"),
        "stack_global_non_string": (ckpt(b"\x80\x04" + P(1) + P(2) + b"\x93."), U, r"two strings"),
        "runpy": (glob("runpy", "_run_code", (pyopen, {})), U, r"runpy\._run_code"),
        "pickle_loads_nested": (glob("pickle", "loads", (b"cos\nsystem\n(S'" + touch.encode() + b"'\ntR.",)), U,
                                r"pickle\.loads"),
        "functools_partial": (glob("functools", "partial", (G("os", "system"), touch)), U, r"functools\.partial"),
        "dotted_attribute_walk": (glob("torch._utils", "_rebuild_tensor_v2.__globals__", ()), U,
                                  r"_rebuild_tensor_v2\.__globals__"),
        "lookalike_method": (glob("collections", "OrderedDict.fromkeys", ([1],)), U, r"OrderedDict\.fromkeys"),
        "torch_rebuild_from_type": (glob("torch._tensor", "_rebuild_from_type_v2", (G("os", "system"),)), U,
                                    r"_rebuild_from_type_v2"),
        "torch_load_from_bytes": (glob("torch.storage", "_load_from_bytes", (b"x",)), U, r"_load_from_bytes"),
        "numpy_reconstruct": (glob("numpy.core.multiarray", "_reconstruct", ()), U, r"numpy"),
        "global_deep_in_containers": (ckpt(pkl({"a": [[[{"b": (1, [R(G("os", "system"), (touch,))])}]]]})), U,
                                      r"os\.system"),
        "global_after_valid_tensors": (ckpt(pkl({"w": tensor(), "v": tensor(), "z": R(G("os", "system"), (touch,))})),
                                       U, r"os\.system"),
        # TorchScript archive: torch.load once handed these to torch.jit.load (CVE-2025-32434).
        "torchscript_archive": (archive({"data.pkl": pkl(R(G("__torch__", "Evil"), ())),
                                         "code/__torch__.py": f"import os\nos.system({touch!r})\n".encode(),
                                         "constants.pkl": pkl(()), "version": b"3\n"}), U, r"__torch__\.Evil"),
        # ---- opcodes that build arbitrary objects
        "inst_os_system": (ckpt(b"\x80\x02(X" + struct.pack("<I", len(touch)) + touch.encode() + b"ios\nsystem\n."),
                           U, r"INST"),
        "obj_ordered_dict": (ckpt(b"\x80\x02(" + P(G("collections", "OrderedDict")) + b"o."), U, r"OBJ"),
        "newobj_allowed_function": (ckpt(b"\x80\x02" + P(G("collections", "OrderedDict")) + b")\x81."), U,
                                    r"NEWOBJ"),
        "newobj_ex": (ckpt(b"\x80\x04" + P(G("collections", "OrderedDict")) + b")}\x92."), U, r"NEWOBJ_EX"),
        "ext1": (ckpt(b"\x80\x02\x82\x01."), U, r"EXT1"),
        "text_persid": (ckpt(b"\x80\x02P0\n."), U, r"PERSID"),
        "next_buffer": (ckpt(b"\x80\x05\x97."), U, r"NEXT_BUFFER"),
        "py2_binstring": (ckpt(b"\x80\x02U\x03abc."), U, r"SHORT_BINSTRING"),
        "unknown_opcode": (ckpt(b"\x80\x02\xff."), U, r"opcode"),
        # ---- BUILD, SETITEM, APPEND on objects that must not take them (CVE-2026-24747's family)
        "build_on_dict": (ckpt(pkl(Raw(P({}) + P({"a": 1}) + b"b"))), U, r"BUILD on a dict"),
        "build_on_list": (ckpt(pkl(Raw(P([]) + P({"a": 1}) + b"b"))), U, r"BUILD on a list"),
        "build_on_tensor": (ckpt(pkl(Raw(P(tensor()) + P({"x": 1}) + b"b"))), U, r"BUILD on a Tensor"),
        "build_dunder_on_ordered_dict": (ckpt(pkl(Raw(P(ODICT) + P({"__class__": 1}) + b"b"))), U,
                                         r"attribute names"),
        "build_shadowing_method": (ckpt(pkl(Raw(P(ODICT) + P({"keys": 1}) + b"b"))), U, r"attribute names"),
        "build_setstate_on_ordered_dict": (ckpt(pkl(Raw(P(ODICT) + P({"__setstate__": G("os", "system")}) + b"b"))),
                                           U, r"os\.system"),
        "setitem_on_list": (ckpt(pkl(Raw(P([]) + P(0) + P(1) + b"s"))), U, r"SETITEM\(S\) on a list"),
        "setitems_on_tensor": (ckpt(pkl(Raw(P(tensor()) + b"(" + P(0) + P(1) + b"u"))), U, r"on a Tensor"),
        "setitems_on_storage_class": (ckpt(pkl(Raw(P(G("torch", "FloatStorage")) + b"(" + P(0) + P(1) + b"u"))), U,
                                      r"on a StorageType"),
        "append_on_dict": (ckpt(pkl(Raw(P({}) + P(1) + b"a"))), U, r"APPEND on a dict"),
        "appends_on_tuple": (ckpt(pkl(Raw(P(()) + b"(" + P(1) + b"e"))), U, r"APPENDS on a tuple"),
        "additems_on_list": (ckpt(pkl(Raw(P([]) + b"(" + P(1) + b"\x90"))), U, r"ADDITEMS on a list"),
        "unhashable_key": (ckpt(pkl(Raw(P({}) + P([1]) + P(2) + b"s"))), U, r"list cannot be a dict key"),
        "ordered_dict_as_key": (ckpt(pkl(Raw(P({}) + P(ODICT) + P(2) + b"s"))), U, r"OrderedDict cannot be a dict key"),
        "deep_tuple_key": (ckpt(pkl(Raw(P({}) + P(1) + b"\x85" * 100000 + P(2) + b"s"))), U, r"nested more than"),
        "ordered_dict_deep_tuple_key": (ckpt(pkl(R(G("collections", "OrderedDict"),
                                                   (Raw(b"](" + P(1) + b"\x85" * 100000 + P(2) + b"\x86e"),)))), U,
                                        r"nested more than"),
        "ordered_dict_from_string": (ckpt(pkl(R(G("collections", "OrderedDict"), ("ab",)))), U, r"pairs"),
        "set_of_lists": (ckpt(pkl(R(G("builtins", "set"), ([[1]],)))), U, r"list cannot be"),
        "set_from_string": (ckpt(pkl(R(G("builtins", "set"), ("abc",)))), U, r"list or tuple"),
        "reduce_on_storage_class": (ckpt(pkl(R(G("torch", "FloatStorage"), (4,)))), U, r"REDUCE on a StorageType"),
        "reduce_on_dtype": (ckpt(pkl(R(G("torch", "float32"), ()))), U, r"REDUCE on a dtype"),
        "reduce_on_string": (ckpt(pkl(Raw(P("os.system") + P((touch,)) + b"R"))), U, r"REDUCE on a str"),
        "reduce_args_not_tuple": (ckpt(pkl(Raw(P(G("collections", "OrderedDict")) + P([]) + b"R"))), U,
                                  r"arguments must be a tuple"),
        "codecs_other_encoding": (ckpt(pkl(R(G("_codecs", "encode"), ("x", "rot13")))), U, r"latin1"),
        "device_cuda": (ckpt(pkl(R(G("torch", "device"), ("cuda",)))), U, r"CPU only"),
        "ordered_dict_many_args": (ckpt(pkl(R(G("collections", "OrderedDict"), ([], [])))), U, r"at most one"),
        # ---- forged storages: the persistent id is checked against the archive before a byte is read
        "storage_numel_huge": (ckpt(pkl(tensor(storage(numel=2 ** 60), size=(2 ** 60,)))), U, r"record holds 16 bytes"),
        "storage_numel_short": (ckpt(pkl(tensor(storage(numel=3)))), U, r"record holds 16 bytes"),
        "storage_numel_negative": (ckpt(pkl(tensor(storage(numel=-4)))), U, r"numel an int >= 0"),
        "storage_numel_float": (ckpt(pkl(tensor(storage(numel=4.0)))), U, r"numel an int >= 0"),
        "storage_missing_record": (ckpt(pkl(tensor(storage(key="7")))), U, r"no record 'data/7'"),
        "storage_key_path_escape": (ckpt(pkl(tensor(storage(key="../../etc/passwd")))), U, r"no record"),
        "storage_key_not_str": (ckpt(pkl(tensor(storage(key=0)))), U, r"key and location must be strings"),
        "storage_type_not_class": (ckpt(pkl(tensor(PID(("storage", "FloatStorage", "0", "cpu", 4))))), U,
                                   r"not a storage class"),
        "storage_unknown_kind": (ckpt(pkl(tensor(storage(kind="QUInt8Storage")))), U, r"torch\.QUInt8Storage"),
        "storage_two_dtypes": (ckpt(pkl({"a": tensor(), "b": tensor(storage(kind="IntStorage"))})), U,
                               r"two dtypes"),
        "pid_not_tuple": (ckpt(pkl(tensor(PID("storage")))), U, r"persistent id"),
        "pid_wrong_length": (ckpt(pkl(tensor(PID(("storage", G("torch", "FloatStorage"), "0"))))), U,
                             r"persistent id"),
        "pid_wrong_kind": (ckpt(pkl(tensor(PID(("module", G("torch", "FloatStorage"), "0", "cpu", 4))))), U,
                           r"persistent id"),
        "storage_on_cuda": (ckpt(pkl(tensor(storage(location="cuda:0")))), RT, r"CPU only.*map_location"),
        # ---- forged tensors: every view is bounds-checked against its storage
        "tensor_offset_past_storage": (ckpt(pkl(tensor(offset=4))), U, r"reaches element 7 of a storage of 4"),
        "tensor_offset_huge": (ckpt(pkl(tensor(offset=2 ** 62 - 1, size=(0,)))), U, r"past its storage"),
        "tensor_size_past_storage": (ckpt(pkl(tensor(size=(5,)))), U, r"reaches element 4"),
        "tensor_stride_past_storage": (ckpt(pkl(tensor(size=(2, 2), stride=(3, 1)))), U, r"reaches element 4"),
        "tensor_size_negative": (ckpt(pkl(tensor(size=(-1,)))), U, r"negative, huge or non-int"),
        "tensor_stride_negative": (ckpt(pkl(tensor(size=(2,), stride=(-1,), offset=1))), U,
                                   r"negative, huge or non-int"),
        "tensor_size_float": (ckpt(pkl(tensor(size=(4.0,)))), U, r"non-int"),
        "tensor_size_huge": (ckpt(pkl(tensor(size=(2 ** 70,), stride=(0,)))), U, r"huge"),
        "tensor_zero_stride_too_big": (ckpt(pkl(tensor(size=(2 ** 40, 2 ** 40), stride=(0, 0)))), U,
                                       r"malformed pickle|too big"),
        "tensor_many_dims": (ckpt(pkl(tensor(size=(1,) * 100, stride=(1,) * 100))), U, r"at most 64"),
        "tensor_size_stride_mismatch": (ckpt(pkl(tensor(size=(2, 2), stride=(1,)))), U, r"differ in length"),
        "tensor_size_not_tuple": (ckpt(pkl(tensor(size="ab"))), U, r"tuple of at most"),
        "tensor_from_string": (ckpt(pkl(tensor(st="storage"))), U, r"rebuilt from a storage"),
        "tensor_hooks": (ckpt(pkl(tensor(hooks={0: G("collections", "OrderedDict")}))), U, r"hooks"),
        "tensor_int_requires_grad": (ckpt(pkl(tensor(storage(kind="LongStorage", numel=2), size=(2,),
                                                     requires_grad=True))), U, r"cannot require grad"),
        "parameter_from_string": (ckpt(pkl(R(G("torch._utils", "_rebuild_parameter"), ("x", True, ODICT)))), U,
                                  r"from a tensor"),
        "rebuild_too_many_args": (ckpt(pkl(R(G("torch._utils", "_rebuild_tensor_v2"),
                                             (storage(), 0, (4,), (1,), False, ODICT, None, 1, 2)))), U,
                                  r"malformed pickle"),
        # ---- malformed pickle streams
        "pickle_truncated": (ckpt(pkl({"a": 1})[:-3]), U, r"truncated"),
        "pickle_empty": (ckpt(b""), U, r"truncated"),
        "pickle_no_proto_garbage": (ckpt(b"garbage"), U, r"unterminated"),
        "stack_underflow": (ckpt(b"\x80\x02R."), U, r"underflow"),
        "mark_missing": (ckpt(b"\x80\x02t."), U, r"no MARK"),
        "unbalanced_stop": (ckpt(b"\x80\x02NN."), U, r"unbalanced"),
        "memo_unset": (ckpt(b"\x80\x02h\x05."), U, r"memo entry 5"),
        "binunicode8_huge": (ckpt(b"\x80\x04\x8d" + struct.pack("<Q", 2 ** 62) + b"abc."), U, r"truncated"),
        "binbytes_huge": (ckpt(b"\x80\x03B" + struct.pack("<I", 2 ** 31) + b"abc."), U, r"truncated"),
        "long4_huge": (ckpt(b"\x80\x02\x8b" + struct.pack("<i", 2 ** 31 - 1) + b"\x01."), U, r"truncated"),
        "long4_negative_length": (ckpt(b"\x80\x02\x8b" + struct.pack("<i", -5) + b"\x01."), U, r"truncated"),
        "frame_huge": (ckpt(b"\x80\x04\x95" + struct.pack("<Q", 2 ** 60) + b"N."), U, r"frame"),
        "proto_9": (ckpt(b"\x80\x09N."), U, r"protocol 9"),
        "text_int_huge_line": (ckpt(b"\x80\x02I" + b"9" * 100000 + b"\n."), U, r"too long"),
        "text_int_not_a_number": (ckpt(b"\x80\x02Inope\n."), U, r"malformed"),
        "global_line_unterminated": (ckpt(b"\x80\x02cos"), U, r"unterminated"),
        "dict_odd_setitems": (ckpt(pkl(Raw(b"}(" + P(1) + b"u"))), U, r"odd"),
        "utf8_invalid": (ckpt(b"\x80\x02X\x02\x00\x00\x00\xff\xfe."), U, r"malformed"),
        # ---- archives
        "zip_bomb_deflated": (_zip_bomb(), RT, r"compressed"),
        "record_larger_than_file": (_patch_central(ckpt(pkl(tensor())), "data/0", csize=2 ** 31, size=2 ** 31), RT,
                                    r"larger than the file"),
        "local_header_past_end": (_patch_central(ckpt(pkl(tensor())), "data/0", local=2 ** 31), RT,
                                  r"past the end|corrupt"),
        "record_sizes_disagree": (_patch_central(ckpt(pkl(tensor())), "data/0", size=2 ** 30), RT, r"claims"),
        "encrypted_record": (_patch_central(ckpt(pkl(tensor())), "data.pkl", flags=1), RT, r"encrypted"),
        "crc_mismatch": (_flip_in_record(ckpt(pkl(tensor()), {"0": b"\x01" * 16}), b"\x01" * 16), RT, r"CRC"),
        "record_outside_folder": (archive({"archive/data.pkl": pkl(1), "other/data/0": b"x"}, folder=""), RT,
                                  r"outside the archive folder"),
        "duplicate_record": (_duplicate(), RT, r"twice"),
        "no_data_pkl": (archive({"version": b"3\n"}), RT, r"no data\.pkl"),
        "no_version": (archive({"data.pkl": pkl(1)}), RT, r"no 'version' record"),
        "bad_byteorder": (ckpt(pkl(1), byteorder=b"middle"), RT, r"byteorder"),
        "zip_truncated_directory": (ckpt(pkl(tensor()))[:-30], RT, r"corrupt or truncated"),
        "zip_magic_only": (b"PK\x03\x04" + b"\x00" * 40, RT, r"corrupt or truncated"),
        "empty_file": (b"", RT, r"not a safetensors file"),
        "random_bytes": (bytes(range(256)) * 4, RT, r"not a safetensors file"),
        # ---- other formats
        "legacy_tar": (_legacy_tar(touch), RT, r"tar archive"),
        "legacy_magic_pickle": (pkl(0x1950A86A20F9469CFC6C) + pkl(1001) + pkl({}), U, r"plain pickle"),
        "plain_pickle_os_system": (pkl(R(G("os", "system"), (touch,))), U, r"plain pickle"),
        "plain_pickle_protocol_0": (b"cos\nsystem\n(S'" + touch.encode() + b"'\ntR.", RT,
                                    r"not a safetensors file"),
    }
    return cases


def _zip_bomb():
    """A data.pkl that inflates about 1000-fold, to 64 MiB of zeros (the ratio is what makes a bomb)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("archive/version", b"3\n")
        with zf.open("archive/data.pkl", "w", force_zip64=True) as fh:
            chunk = bytes(1 << 20)
            for _ in range(64):
                fh.write(chunk)
    return buf.getvalue()


def _flip_in_record(raw, payload):
    at = raw.find(payload)
    return raw[:at] + b"\x02" + raw[at + 1:]


def _duplicate():
    buf = io.BytesIO()
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("archive/data.pkl", pkl(1))
            zf.writestr("archive/data.pkl", pkl(2))
    return buf.getvalue()


def _legacy_tar(touch):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tf:
        for name, data in {"sys_info": pkl({}), "pickle": pkl(R(G("os", "system"), (touch,))),
                           "tensors": pkl(0), "storages": pkl(0)}.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


# ------------------------------------------------------------------ fuzzing
def valid_checkpoints():
    """Real checkpoints written by fastgrad: a state dict with views, an optimizer state, protocol 4."""
    import fastgrad as fg
    out = {}
    base = fg.arange(12.0).reshape(3, 4)
    for name, obj, proto in (
            ("views", {"w": base, "t": base.t(), "row": base[1], "i": fg.arange(5), "b": fg.tensor([True])}, 2),
            ("optim", {"state": {0: {"step": fg.tensor(3.0), "exp_avg": fg.ones(2, 2)}},
                       "param_groups": [{"lr": 0.1, "betas": (0.9, 0.99), "params": [0], "name": "g"}]}, 2),
            ("proto4", {"w": fg.randn(3, 2), "meta": {"epoch": 2, "tags": {"a", "b"}, "blob": b"\x00\x01"}}, 4)):
        buf = io.BytesIO()
        fg.save(obj, buf, pickle_protocol=proto)
        out[name] = buf.getvalue()
    return out


def _mutate(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(5)
        at = rng.randrange(len(data))
        if kind == 0:
            data[at] = rng.randrange(256)
        elif kind == 1:
            data[at] ^= 1 << rng.randrange(8)
        elif kind == 2:
            data[at:at] = bytes([rng.randrange(256)])
        elif kind == 3 and len(data) > 1:
            del data[at]
        else:
            data[at] = rng.choice((0, 0xFF, 0x7F, 0x80, ord("."), ord("("), ord("c"), ord("R"), ord("b")))
    return bytes(data)


def _rezip(raw, data_pkl):
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        records = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    records[next(n for n in records if n.endswith("/data.pkl"))] = data_pkl
    return archive(records, folder="")


def fuzz(marker):
    """Three families: raw file bytes (the CRC catches most), data.pkl bytes re-zipped with a valid CRC
    (so the interpreter sees them), and raw bytes loaded with mmap=True (storage CRCs unchecked)."""
    import pickle
    import random
    import tempfile
    import fastgrad as fg
    rng = random.Random(FUZZ_SEED)
    valid = valid_checkpoints()
    counts = {"cases": 0, "loaded": 0, "refused": 0}
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "f.pt")
        for family in ("raw", "pickle", "mmap"):
            for _ in range(FUZZ_CASES):
                name = rng.choice(sorted(valid))
                raw = valid[name]
                if family == "pickle":
                    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
                        inner = zf.read(next(n for n in zf.namelist() if n.endswith("/data.pkl")))
                    data = _rezip(raw, _mutate(inner, rng))
                else:
                    data = _mutate(raw, rng)
                with open(path, "wb") as fh:
                    fh.write(data)
                counts["cases"] += 1
                try:
                    fg.load(path, mmap=family == "mmap")
                    counts["loaded"] += 1
                except (RuntimeError, pickle.UnpicklingError):
                    counts["refused"] += 1
                except Exception as e:  # noqa: BLE001  any other class is a loader bug worth seeing
                    print(json.dumps({"fuzz_error": f"{family}/{name}: {type(e).__name__}: {e}"[:400]}), flush=True)
                    counts.setdefault("other", 0)
                    counts["other"] = counts["other"] + 1
    return counts


# ------------------------------------------------------------------ the worker and the tests
def _worker(marker, cases):
    import resource
    import tempfile
    import fastgrad  # noqa: F401  (loaded before the address space is capped)
    if not os.environ.get("FASTGRAD_SANITIZED"):
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    if cases == ["--fuzz"]:
        print(json.dumps({"fuzz": fuzz(marker)}), flush=True)
        return
    files = hostile_files(marker)
    with tempfile.TemporaryDirectory() as d:
        for cid in cases:
            print(json.dumps(load_traced(os.path.join(d, cid + ".pt"), cid, files[cid][0])), flush=True)


def test_hostile_checkpoints_raise_and_never_run_code(tmp_path):
    marker = tmp_path / "pwned"
    files = hostile_files(marker)
    results = run_worker(list(files), HERE, [str(marker)])
    failures = []
    for cid, (_raw, kind, pattern) in files.items():
        r = results[cid]
        if r["type"] != kind or not re.search(pattern, r["msg"]):
            failures.append(f"{cid}: {r['type']}: {r['msg'][:300]} (expected {kind} /{pattern}/)")
        elif r["peak"] > PEAK_LIMIT:
            failures.append(f"{cid}: traced allocation peaked at {r['peak']} bytes")
    print(f"{len(files)} hostile checkpoint files")
    assert not failures, "\n".join(failures)
    assert not marker.exists(), "a payload ran code"


def test_fuzzed_checkpoints_load_or_raise_cleanly(tmp_path):
    marker = tmp_path / "pwned"
    proc = run_script(HERE, [str(marker), "--fuzz"], timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    errors = [x["fuzz_error"] for x in lines if "fuzz_error" in x]
    counts = next(x["fuzz"] for x in lines if "fuzz" in x)
    print(f"fuzz: {counts}")
    assert not errors, "\n".join(errors[:20])
    assert counts["cases"] == 3 * FUZZ_CASES and counts["loaded"] + counts["refused"] == counts["cases"]
    assert counts["refused"] > 0 and not marker.exists()


def test_every_prefix_of_a_checkpoint_is_refused(tmp_path):
    """Truncation anywhere: RuntimeError or UnpicklingError, never a crash or a partial object."""
    import pickle
    import pytest
    import fastgrad as fg
    raw = valid_checkpoints()["views"]
    for n in range(0, len(raw), 7):
        with pytest.raises((RuntimeError, pickle.UnpicklingError)):
            fg.load(io.BytesIO(raw[:n]))
    assert fg.load(io.BytesIO(raw))["row"].tolist() == [4.0, 5.0, 6.0, 7.0]


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--worker":
        _worker(sys.argv[2], sys.argv[3:])
        sys.exit(0)
    sys.path.insert(0, str(HERE.parent.parent / "python"))
    for cid, r in run_worker(list(hostile_files("/tmp/pwned-check")), HERE, ["/tmp/pwned-check"]).items():
        print(cid, r["type"], r["peak"], r["msg"][:150])
