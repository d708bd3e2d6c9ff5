"""The default loader's pickle reader: an interpreter of pickle opcodes that cannot run code.

It never hands the stream to Python's unpickler. GLOBAL and STACK_GLOBAL resolve only names in the
allowlist below (torch's tensor-rebuild functions, storage classes and dtypes, and the containers a
checkpoint holds) or in the user's ``add_safe_globals``; any other name raises
``pickle.UnpicklingError`` naming it when the opcode is read, before anything would be built from it.
REDUCE calls only allowlisted functions, BUILD sets state only on OrderedDicts and on user-allowed
types, and INST, OBJ, extension codes and out-of-band buffers are refused. Lengths are checked against
the bytes left before anything is read, and dict keys are limited to plain hashable values, so a
forged stream can neither allocate beyond its own size nor reach Python code through ``__hash__``.
"""
import struct
from collections import Counter, OrderedDict
from pickle import UnpicklingError

from . import _rebuild, _safe_globals

_MAX_LINE = 4400   # a text-opcode line: Python itself refuses ints longer than 4300 digits
_MAX_KEY_DEPTH = 32


class _Callable:
    """An allowlisted function as it sits on the pickle stack; only these (and user globals) are called."""

    def __init__(self, name, fn):
        self.name, self.fn = name, fn

    def __repr__(self):
        return f"<allowed global {self.name}>"


def _encode(text, encoding="latin1"):
    # Python pickles bytes at protocol 2 as _codecs.encode(str, 'latin1').
    if not isinstance(text, str) or encoding not in ("latin1", "latin-1"):
        raise UnpicklingError("_codecs.encode is allowed only as encode(str, 'latin1')")
    return text.encode("latin1")


def _bytearray(*args):
    if args and not (len(args) == 1 and isinstance(args[0], bytes)):
        return bytearray(_encode(*args))
    return bytearray(*args)


def _complex(real=0.0, imag=0.0):
    if not all(type(v) in (int, float) for v in (real, imag)):
        raise UnpicklingError("complex() takes two real numbers here")
    return complex(real, imag)


def _container(kind):
    def build(items=()):
        if not isinstance(items, (list, tuple, set, frozenset)):
            raise UnpicklingError(f"{kind.__name__}() takes a list or tuple here")
        for item in items:
            _check_key(item)
        return kind(items)
    return build


def _ordered_dict(*args):
    if len(args) > 1:
        raise UnpicklingError("OrderedDict takes at most one argument")
    items = args[0] if args else ()
    if isinstance(items, dict):
        return OrderedDict(items)  # its keys were checked when the dict was built
    if not isinstance(items, (list, tuple)) or not all(isinstance(p, (list, tuple)) and len(p) == 2 for p in items):
        raise UnpicklingError("OrderedDict() takes a dict or a list of (key, value) pairs here")
    for key, _ in items:
        _check_key(key)
    return OrderedDict(items)


def _counter(items=()):
    if not isinstance(items, dict):
        raise UnpicklingError("Counter() takes a dict here")
    return Counter(items)


def _size(dims=()):
    from .._types import Size
    if not isinstance(dims, (tuple, list)) or not all(type(d) is int for d in dims):
        raise UnpicklingError("torch.Size takes a tuple of ints")
    return Size(dims)


def _device(kind, index=None):
    from .._types import device
    if not isinstance(kind, str) or (index is not None and type(index) is not int):
        raise UnpicklingError("torch.device takes a string and an optional int")
    if kind.split(":")[0] != "cpu":
        raise UnpicklingError(f"the checkpoint holds torch.device('{kind}'); fastgrad runs on the CPU only")
    return device("cpu")


def builtin_allowlist():
    """'module.name' -> what GLOBAL pushes, for every name the default loader resolves by itself."""
    from . import _dtypes
    rc = {name: _Callable(name, fn) for name, fn in {
        "collections.OrderedDict": _ordered_dict,
        "collections.Counter": _counter,
        "builtins.set": _container(set),
        "builtins.frozenset": _container(frozenset),
        "builtins.bytearray": _bytearray,
        "builtins.complex": _complex,
        "_codecs.encode": _encode,
        "torch._utils._rebuild_tensor": _rebuild.rebuild_tensor_v1,
        "torch._utils._rebuild_tensor_v2": _rebuild.rebuild_tensor,
        "torch._utils._rebuild_parameter": _rebuild.rebuild_parameter,
        "torch._utils._rebuild_parameter_with_state": _rebuild.rebuild_parameter,
        "torch.Size": _size,
        "torch.device": _device,
    }.items()}
    rc.update(_rebuild.storage_types())
    for row in _dtypes.ROWS:
        fg_dtype = _dtypes.fastgrad_dtype(row.name)
        if fg_dtype is not None:
            rc[f"torch.{row.name}"] = fg_dtype
    return rc


_PLAIN_KEYS = (str, int, float, bool, bytes, complex, type(None))


def _check_key(key, user_types=frozenset()):
    """Dict keys and set members: plain values and tuples of them (hashing them runs no Python code and,
    with the depth bounded, cannot exhaust the C stack), tensors (hashed by identity), user-allowed types."""
    if type(key) in _PLAIN_KEYS:
        return
    from .. import Tensor
    from .._types import dtype
    pending = [(key, 0)]
    while pending:
        item, depth = pending.pop()
        if depth > _MAX_KEY_DEPTH:
            raise UnpicklingError(f"a dict key or set member is nested more than {_MAX_KEY_DEPTH} deep")
        if type(item) in (tuple, frozenset):
            pending.extend((x, depth + 1) for x in item)
        elif not (type(item) in _PLAIN_KEYS or isinstance(item, (dtype, Tensor)) or id(type(item)) in user_types):
            raise UnpicklingError(f"a {type(item).__name__} cannot be a dict key or set member in a checkpoint")


class _Stream:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def read(self, n):
        if n < 0 or self.pos + n > len(self.data):
            raise UnpicklingError(f"pickle data was truncated (needs {n} bytes at offset {self.pos}, "
                                  f"{len(self.data) - self.pos} left)")
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return bytes(out)

    def readline(self):
        end = bytes(self.data[self.pos:self.pos + _MAX_LINE]).find(b"\n")
        if end < 0:
            raise UnpicklingError(f"pickle text line at offset {self.pos} is unterminated or too long")
        return self.read(end + 1)[:-1]


class PickleInterpreter:
    """Reads one pickle from ``data``; ``persistent_load`` turns BINPERSID ids into storages."""

    def __init__(self, data, persistent_load):
        self.stream = _Stream(memoryview(data))
        self.persistent_load = persistent_load
        self.allowed = builtin_allowlist()
        self.user = _safe_globals.user_allowed()
        self.user_ids = {id(v) for v in self.user.values()}

    def load(self):
        self.stack, self.metastack, self.memo = [], [], {}
        read = self.stream.read
        while True:
            at = self.stream.pos
            code = read(1)
            op = _OPS.get(code)
            if op is None:
                raise UnpicklingError(f"unsupported pickle opcode {_NAMES.get(code, code)!r} at offset {at}: "
                                      f"{_REFUSED.get(code, 'not part of a checkpoint')}")
            try:
                if op(self) is _STOP:
                    break
            except UnpicklingError:
                raise
            except _CallerError as e:
                raise e.error from None
            except (IndexError, KeyError) as e:
                raise UnpicklingError(f"malformed pickle at offset {at} ({_NAMES[code]}: {type(e).__name__} "
                                      f"{e})") from None
            except (TypeError, ValueError, OverflowError, AttributeError, UnicodeDecodeError, struct.error,
                    RecursionError) as e:
                raise UnpicklingError(f"malformed pickle at offset {at} ({_NAMES[code]}): {e}") from None
        if len(self.stack) != 1 or self.metastack:
            raise UnpicklingError("malformed pickle: STOP with an unbalanced stack")
        return self.stack[0]

    # -------------------------------------------------------------- stack helpers
    def pop(self):
        if not self.stack:
            raise UnpicklingError("malformed pickle: stack underflow")
        return self.stack.pop()

    def pop_mark(self):
        if not self.metastack:
            raise UnpicklingError("malformed pickle: no MARK on the stack")
        items, self.stack = self.stack, self.metastack.pop()
        return items

    def top(self):
        if not self.stack:
            raise UnpicklingError("malformed pickle: stack underflow")
        return self.stack[-1]

    # -------------------------------------------------------------- globals and calls
    def find_global(self, module, name, opcode):
        if module == "__builtin__":  # protocol 2 writes Python 2's name for builtins
            module = "builtins"
        full = f"{module}.{name}"
        if full in self.user:
            return self.user[full]
        if full in self.allowed:
            return self.allowed[full]
        raise UnpicklingError(
            f"Weights only load failed: unsupported global {opcode} {full}. fastgrad.load reads tensors, "
            f"containers and plain values only. If you trust this file, allow the name with "
            f"fastgrad.serialization.add_safe_globals([{name}]) or load it with weights_only=False (which "
            f"runs any code the file holds).")

    def call(self, fn, args, what):
        if not isinstance(args, tuple):
            raise UnpicklingError(f"{what}: arguments must be a tuple")
        if isinstance(fn, _Callable):
            return fn.fn(*args)
        if id(fn) in self.user_ids:
            return fn(*args)
        raise UnpicklingError(f"{what} on a {type(fn).__name__}, which is not an allowed function or class")

    def set_item(self, target, key, value):
        if type(target) not in (dict, OrderedDict, Counter):
            raise UnpicklingError(f"SETITEM(S) on a {type(target).__name__}: only dicts take items")
        _check_key(key, self.user_ids)
        target[key] = value

    def build(self, inst, state):
        if type(inst) in (OrderedDict, Counter):
            # torch's state_dict carries its `_metadata` as an OrderedDict instance attribute. Names that
            # would shadow the class's own (keys, items, __class__, ...) are refused.
            if not isinstance(state, dict) or not all(type(k) is str and not hasattr(type(inst), k) for k in state):
                raise UnpicklingError("BUILD on an OrderedDict takes a dict of new attribute names")
            for k, v in state.items():
                setattr(inst, k, v)
            return
        if id(type(inst)) not in self.user_ids:
            raise UnpicklingError(f"BUILD on a {type(inst).__name__}: only OrderedDicts and user-allowed "
                                  f"types take state")
        setstate = getattr(inst, "__setstate__", None)
        if setstate is not None:
            setstate(state)
            return
        slots = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slots = state
        if state:
            inst.__dict__.update(state)
        if slots:
            for k, v in slots.items():
                setattr(inst, k, v)


_STOP = object()


class _CallerError(Exception):
    """Carries an error about the caller's arguments (not the file) out of the opcode loop unchanged."""

    def __init__(self, error):
        super().__init__(str(error))
        self.error = error


def _int(data):
    return int.from_bytes(data, "little", signed=True)


def _op_table():
    def push(self, v):
        self.stack.append(v)

    def proto(self):
        v = self.stream.read(1)[0]
        if v > 5:
            raise UnpicklingError(f"unsupported pickle protocol {v}")

    def frame(self):
        n = struct.unpack("<Q", self.stream.read(8))[0]
        if n > len(self.stream.data) - self.stream.pos:
            raise UnpicklingError(f"pickle frame of {n} bytes is longer than the data left")

    def mark(self):
        self.metastack.append(self.stack)
        self.stack = []

    def pop_mark(self):
        self.pop_mark()

    def dup(self):
        push(self, self.top())

    def long_n(size_bytes):
        def op(self):
            n = _int(self.stream.read(size_bytes)) if size_bytes == 4 else self.stream.read(1)[0]
            push(self, _int(self.stream.read(n)))
        return op

    def text_int(self):
        line = self.stream.readline()
        push(self, {b"00": False, b"01": True}.get(line) if line in (b"00", b"01") else int(line))

    def text_long(self):
        push(self, int(self.stream.readline().rstrip(b"L")))

    def text_float(self):
        push(self, float(self.stream.readline()))

    def unicode_n(fmt):
        def op(self):
            n = struct.unpack(fmt, self.stream.read(struct.calcsize(fmt)))[0]
            push(self, self.stream.read(n).decode("utf-8", "surrogatepass"))
        return op

    def bytes_n(fmt):
        def op(self):
            n = struct.unpack(fmt, self.stream.read(struct.calcsize(fmt)))[0]
            push(self, self.stream.read(n))
        return op

    def tuple_n(n):
        def op(self):
            if len(self.stack) < n:
                raise UnpicklingError("malformed pickle: stack underflow")
            items = tuple(self.stack[len(self.stack) - n:]) if n else ()
            del self.stack[len(self.stack) - n:]
            push(self, items)
        return op

    def tuple_mark(self):
        push(self, tuple(self.pop_mark()))

    def list_mark(self):
        push(self, self.pop_mark())

    def dict_mark(self):
        items = self.pop_mark()
        d = {}
        for i in range(0, len(items) - 1, 2):
            _check_key(items[i], self.user_ids)
            d[items[i]] = items[i + 1]
        push(self, d)

    def frozenset_mark(self):
        items = self.pop_mark()
        for item in items:
            _check_key(item, self.user_ids)
        push(self, frozenset(items))

    def append(self):
        value = self.pop()
        target = self.top()
        if type(target) is not list:
            raise UnpicklingError(f"APPEND on a {type(target).__name__}: only lists take items")
        target.append(value)

    def appends(self):
        items = self.pop_mark()
        target = self.top()
        if type(target) is not list:
            raise UnpicklingError(f"APPENDS on a {type(target).__name__}: only lists take items")
        target.extend(items)

    def setitem(self):
        value, key = self.pop(), self.pop()
        self.set_item(self.top(), key, value)

    def setitems(self):
        items = self.pop_mark()
        target = self.top()
        if len(items) % 2:
            raise UnpicklingError("malformed pickle: SETITEMS with an odd number of items")
        for i in range(0, len(items), 2):
            self.set_item(target, items[i], items[i + 1])

    def additems(self):
        items = self.pop_mark()
        target = self.top()
        if type(target) is not set:
            raise UnpicklingError(f"ADDITEMS on a {type(target).__name__}: only sets take items")
        for item in items:
            _check_key(item, self.user_ids)
            target.add(item)

    def put(index):
        def op(self):
            self.memo[index(self)] = self.top()
        return op

    def get(index):
        def op(self):
            i = index(self)
            if i not in self.memo:
                raise UnpicklingError(f"malformed pickle: memo entry {i} is read before it is written")
            push(self, self.memo[i])
        return op

    def memoize(self):
        self.memo[len(self.memo)] = self.top()

    def global_(self):
        module = self.stream.readline().decode("utf-8")
        name = self.stream.readline().decode("utf-8")
        push(self, self.find_global(module, name, "GLOBAL"))

    def stack_global(self):
        name, module = self.pop(), self.pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError("STACK_GLOBAL takes two strings")
        push(self, self.find_global(module, name, "STACK_GLOBAL"))

    def reduce(self):
        args, fn = self.pop(), self.pop()
        push(self, self.call(fn, args, "REDUCE"))

    def build(self):
        state = self.pop()
        self.build(self.top(), state)

    def newobj(self):
        args, cls = self.pop(), self.pop()
        if not (isinstance(cls, type) and id(cls) in self.user_ids and isinstance(args, tuple)):
            raise UnpicklingError(f"NEWOBJ of a {getattr(cls, '__name__', type(cls).__name__)}: only "
                                  f"user-allowed classes may be instantiated")
        push(self, cls.__new__(cls, *args))

    def newobj_ex(self):
        kwargs, args, cls = self.pop(), self.pop(), self.pop()
        if not (isinstance(cls, type) and id(cls) in self.user_ids and isinstance(args, tuple)
                and type(kwargs) is dict and all(type(k) is str for k in kwargs)):
            raise UnpicklingError(f"NEWOBJ_EX of a {getattr(cls, '__name__', type(cls).__name__)}: only "
                                  f"user-allowed classes may be instantiated")
        push(self, cls.__new__(cls, *args, **kwargs))

    def binpersid(self):
        pid = self.pop()
        try:
            push(self, self.persistent_load(pid))
        except UnpicklingError:
            raise
        except Exception as e:  # noqa: BLE001  map_location's errors (and the archive's) reach the caller as they are
            raise _CallerError(e) from None

    def stop(self):
        return _STOP

    ops = {
        b"\x80": proto, b"\x95": frame, b".": stop, b"(": mark, b"0": lambda s: s.pop(), b"1": pop_mark,
        b"2": dup, b"N": lambda s: push(s, None), b"\x88": lambda s: push(s, True),
        b"\x89": lambda s: push(s, False),
        b"J": lambda s: push(s, _int(s.stream.read(4))), b"K": lambda s: push(s, s.stream.read(1)[0]),
        b"M": lambda s: push(s, int.from_bytes(s.stream.read(2), "little")),
        b"\x8a": long_n(1), b"\x8b": long_n(4), b"I": text_int, b"L": text_long, b"F": text_float,
        b"G": lambda s: push(s, struct.unpack(">d", s.stream.read(8))[0]),
        b"X": unicode_n("<I"), b"\x8c": unicode_n("<B"), b"\x8d": unicode_n("<Q"),
        b"B": bytes_n("<I"), b"C": bytes_n("<B"), b"\x8e": bytes_n("<Q"),
        b"}": lambda s: push(s, {}), b"]": lambda s: push(s, []), b")": tuple_n(0),
        b"\x8f": lambda s: push(s, set()),
        b"t": tuple_mark, b"\x85": tuple_n(1), b"\x86": tuple_n(2), b"\x87": tuple_n(3), b"l": list_mark,
        b"d": dict_mark, b"\x91": frozenset_mark,
        b"a": append, b"e": appends, b"s": setitem, b"u": setitems, b"\x90": additems,
        b"q": put(lambda s: s.stream.read(1)[0]), b"r": put(lambda s: struct.unpack("<I", s.stream.read(4))[0]),
        b"p": put(lambda s: int(s.stream.readline())), b"\x94": memoize,
        b"h": get(lambda s: s.stream.read(1)[0]), b"j": get(lambda s: struct.unpack("<I", s.stream.read(4))[0]),
        b"g": get(lambda s: int(s.stream.readline())),
        b"c": global_, b"\x93": stack_global, b"R": reduce, b"b": build, b"\x81": newobj, b"\x92": newobj_ex,
        b"Q": binpersid,
    }
    return ops


_OPS = _op_table()
_EXT = "extension codes name arbitrary globals"
_OUT_OF_BAND = "out-of-band buffers are not part of a checkpoint"
_PY2_STR = "Python 2 strings are not read"
_REFUSED = {
    b"i": "INST instantiates an arbitrary class", b"o": "OBJ instantiates an arbitrary class",
    b"\x82": _EXT, b"\x83": _EXT, b"\x84": _EXT, b"P": "text persistent ids are not torch's",
    b"\x96": _OUT_OF_BAND, b"\x97": _OUT_OF_BAND, b"\x98": _OUT_OF_BAND,
    b"S": _PY2_STR, b"T": _PY2_STR, b"U": _PY2_STR, b"V": "text unicode is not read",
}


def _opcode_names():
    import pickletools
    return {op.code.encode("latin1"): op.name for op in pickletools.opcodes}


_NAMES = _opcode_names()
