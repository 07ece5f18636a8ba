# Brook's side of the column bridge, loaded once into every pooled GraalPy context.
#
# Java hands a chunk's columns over in bulk, copying Arrow buffers straight into the backing
# arrays of Python lists (see allocate); rows coming back are handed over per column the same way
# when a column's list has a primitive storage, else packed with array.tobytes and joined bytes.
# The only per-value work happens inside Python, where the JIT compiles it.
# Only cheap modules are imported up front: every pooled context loads this file when it starts.
import array as _array
from bisect import bisect_right as _bisect_right
import datetime as _datetime
import linecache as _linecache
import threading as _threading
import time as _time
import types as _types

# The query that holds this context: its cancel flag is a host object whose cancelled() turns
# true when the query is cancelled. time.sleep in the query's code then raises KeyboardInterrupt
# within a few milliseconds (code that does not sleep is stopped by an interrupt of the context).
_query = None
# Java's tz database (io.brook.python.runtime.ZoneTables), set by the context when it starts.
_zone_tables = None
_real_sleep = _time.sleep
_monotonic = _time.monotonic


def _interruptible_sleep(seconds):
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    query = _query
    if query is None:
        return _real_sleep(seconds)
    deadline = _monotonic() + seconds
    while True:
        if query.cancelled():
            raise KeyboardInterrupt()
        remaining = deadline - _monotonic()
        if remaining <= 0:
            return None
        _real_sleep(remaining if remaining < 0.02 else 0.02)


_time.sleep = _interruptible_sleep


from polyglot import storage as _storage

_EPOCH_ORDINAL = _datetime.date(1970, 1, 1).toordinal()
_UTC = _datetime.timezone.utc
_EPOCH = _datetime.datetime(1970, 1, 1, tzinfo=_UTC)
_ZONES = {}
_CODE = {}


class ConversionError(Exception):
    """A value Python returned that does not fit the declared column (row is 1-based)."""

    def __init__(self, row, column, type_name, value):
        Exception.__init__(self, row, column, type_name, repr(value))
        self.row = row
        self.column = column
        self.type_name = type_name
        self.value_repr = repr(value)


class ArityError(Exception):
    def __init__(self, row, expected, value):
        Exception.__init__(self, row, expected, repr(value))
        self.row = row
        self.expected = expected
        self.value_repr = repr(value)


def implementation_version():
    import sys
    v = sys.implementation.version
    return '%d.%d.%d' % (v.major, v.minor, v.micro)


# ---- bodies ----------------------------------------------------------------------------------

def defined_names(source, filename):
    """Names the body defines at top level; compiling raises SyntaxError for bad code."""
    import ast as _ast
    tree = _ast.parse(source, filename, 'exec')
    names = set()
    for node in tree.body:
        if isinstance(node, (_ast.FunctionDef, _ast.AsyncFunctionDef, _ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, _ast.Assign):
            for target in node.targets:
                if isinstance(target, _ast.Name):
                    names.add(target.id)
        elif isinstance(node, (_ast.AnnAssign, _ast.AugAssign)) and isinstance(node.target, _ast.Name):
            names.add(node.target.id)
        elif isinstance(node, (_ast.Import, _ast.ImportFrom)):
            for alias in node.names:
                names.add((alias.asname or alias.name).split('.')[0])
    compile(tree, filename, 'exec')
    return sorted(names)


def new_module(name, source, filename, injected, query):
    """A fresh module made from the body (SPEC 3.2 steps 1 and 2), for the query given."""
    global _query
    _query = query
    code = _CODE.get((source, filename))
    if code is None:
        code = compile(source, filename, 'exec')
        _CODE[(source, filename)] = code
        _linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    module = _types.ModuleType(name)
    module.__file__ = filename
    exec(code, module.__dict__)
    for i in range(0, len(injected), 2):
        setattr(module, injected[i], injected[i + 1])
    return module


def function(module, name):
    value = getattr(module, name, None)
    return value if callable(value) else None


def call_init(function, parameters):
    if parameters:
        function(parameters)
    else:
        function()


def format_exception(error):
    """Python's own traceback text for an exception object, from the first frame of user code on.

    The frames before it are Brook's: this bridge and what it called on the way to user code
    (ast and compile for a body's syntax error, with paths of the machine's Python home).
    """
    import traceback as _traceback
    tb = error.__traceback__
    while tb is not None and not _is_user_code(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    return ''.join(_traceback.format_exception(type(error), error, tb))


def _is_user_code(filename):
    # bodies are compiled under names like '<stream name>'; library code has real paths
    return filename.startswith('<') and not filename.startswith('<frozen ')


# ---- Java to Python: one chunk's columns -----------------------------------------------------
#
# A chunk reaches the write function in two calls. allocate() makes empty lists whose backing
# arrays (polyglot.storage) have the column's own element type: double[] for floats, int[] or
# long[] for integers, boolean[] for bools; and bytearrays for raw bytes. Java copies the Arrow
# buffers straight into those arrays, so no value crosses the interop boundary on its own, and
# the user's loop runs over ordinary lists with primitive storage, the kind the JIT loops over
# fastest. A string column whose values repeat gets a list of references into the bytes objects
# it has sent before (see StringColumn.java). deliver() then makes what still needs Python objects
# (bytes cut from a blob, dates, None) and calls the function once.

def _long_zero():
    # a zero that GraalPy holds as a Java long, so that [zero] * n is backed by a long[]
    # (Java checks the storage it gets and says so if a GraalPy version changes this)
    big = 1 << 40
    return big - big


def allocate(requests):
    """requests: [code, size, ...]; returns [container, its storage, ...] in the same order."""
    out = []
    for i in range(0, len(requests), 2):
        code = requests[i]
        size = requests[i + 1]
        if code == 'd':
            container = [0.0] * size
        elif code == 'i':
            container = [0] * size
        elif code == 'q':
            container = [_long_zero()] * size
        elif code == '?':
            container = [False] * size
        elif code == 'o':
            container = [None] * size
        elif code == 'b':
            container = bytearray(size)
        else:
            container = []
        out.append(container)
        out.append(_storage(container))
    return out


def new_dictionary():
    """The bytes values a string column has sent so far, in the order Java numbered them."""
    return []


def extend_dictionary(entries, allocated, blob, ends, count):
    """Adds count values cut from a blob to a dictionary; returns the dictionary's storage."""
    entries.extend(_cut(allocated[blob], allocated[ends], count))
    return _storage(entries)


def _cut(blob, ends, count):
    """count bytes objects cut from blob (a bytearray) at the end offsets in ends."""
    data = bytes(blob)
    out = [None] * count
    start = 0
    for i in range(count):
        end = ends[i]
        out[i] = data[start:end]
        start = end
    return out


def _zone(name):
    zone = _ZONES.get(name)
    if zone is None:
        if not name or name == 'UTC':
            zone = _UTC
        else:
            table = _zone_tables.table(name)
            if table is None:
                raise ValueError('unknown time zone %r' % name)
            zone = Zone(name, table)
        _ZONES[name] = zone
    return zone


_NAIVE_EPOCH = _datetime.datetime(1970, 1, 1)


def _wall_seconds(dt):
    """Whole seconds from 1970-01-01 to dt's date and time, whatever its zone."""
    delta = dt.replace(tzinfo=None) - _NAIVE_EPOCH
    return delta.days * 86400 + delta.seconds


class Zone(_datetime.tzinfo):
    """A time zone of Java's tz database, for datetime columns with a time zone.

    The contexts have no file access, so zoneinfo cannot read tz files (importing it fails).
    Java hands over the zone's periods once (_zone_tables, set when the context starts): one
    line per period, 'start offset dst abbreviation', the first with start '-'. Lookups follow
    PEP 495: fold picks the earlier or later of two equal wall-clock times, as zoneinfo does.
    """

    def __init__(self, key, table):
        self.key = key
        self._starts = []       # UTC seconds at which period i + 1 begins
        self._offsets = []      # UTC offset of each period, in seconds
        self._periods = []      # (utcoffset, dst, abbreviation) of each period
        for line in table.split('\n'):
            start, offset, dst, abbreviation = line.split(' ', 3)
            if start != '-':
                self._starts.append(int(start))
            self._offsets.append(int(offset))
            self._periods.append((_datetime.timedelta(seconds=int(offset)),
                                  _datetime.timedelta(seconds=int(dst)), abbreviation))
        # where each period begins on the wall clock: the later reading for fold 0, the earlier for fold 1
        self._walls = ([], [])
        for i, start in enumerate(self._starts):
            before, after = self._offsets[i], self._offsets[i + 1]
            self._walls[0].append(start + max(before, after))
            self._walls[1].append(start + min(before, after))

    def _period(self, dt):
        return self._periods[_bisect_right(self._walls[dt.fold], _wall_seconds(dt))]

    def utcoffset(self, dt):
        return None if dt is None else self._period(dt)[0]

    def dst(self, dt):
        return None if dt is None else self._period(dt)[1]

    def tzname(self, dt):
        return self.key if dt is None else self._period(dt)[2]

    def fromutc(self, dt):
        utc = _wall_seconds(dt)
        i = _bisect_right(self._starts, utc)
        local = dt + self._periods[i][0]
        if i > 0:
            # the first hour after a fall-back transition repeats wall-clock times: fold 1
            repeated = self._offsets[i - 1] - self._offsets[i]
            if repeated > 0 and utc < self._starts[i - 1] + repeated:
                return local.replace(fold=1)
        return local

    def __repr__(self):
        return 'Zone(%r)' % self.key

    def __str__(self):
        return self.key

    def __reduce__(self):
        return (_zone, (self.key,))


def _dates(days):
    ordinal = _EPOCH_ORDINAL
    fromordinal = _datetime.date.fromordinal
    return [fromordinal(ordinal + d) for d in days]


def _datetimes(ticks, per_second, zone_name):
    zone = _zone(zone_name)
    delta = _datetime.timedelta
    epoch = _EPOCH
    if per_second <= 1000000:
        factor = 1000000 // per_second
        values = [epoch + delta(microseconds=t * factor) for t in ticks]
    else:
        divisor = per_second // 1000000
        values = [epoch + delta(microseconds=t // divisor) for t in ticks]
    if zone is not _UTC:
        values = [v.astimezone(zone) for v in values]
    return values


def _nested(value, kind):
    """A value of an array, map or tuple column, from Java lists and maps."""
    if value is None:
        return None
    name = kind[0]
    if name == 'array':
        return [_nested(v, kind[1]) for v in value]
    if name == 'tuple':
        return tuple(_nested(value[i], kind[1][i]) for i in range(len(kind[1])))
    if name == 'map':
        return {_nested(p[0], kind[1]): _nested(p[1], kind[2]) for p in value}
    if name == 'string':
        return value.encode('utf-8') if isinstance(value, str) else bytes(value)
    if name == 'bool':
        return bool(value)
    if name == 'int':
        return int(value)
    if name == 'float':
        return float(value)
    if name == 'date':
        return _datetime.date.fromordinal(_EPOCH_ORDINAL + int(value))
    if name == 'datetime':
        micros = int(value)
        return (_EPOCH + _datetime.timedelta(microseconds=micros)).astimezone(_zone(kind[1]))
    if name == 'decimal':
        import decimal
        return decimal.Decimal(str(value))
    if name == 'uuid':
        import uuid
        return uuid.UUID(str(value))
    return value


def _column(spec, allocated):
    """One column as a Python list. spec: (kind, count, a, b, null positions, parameter)."""
    kind = spec[0]
    count = spec[1]
    if kind == 'list':
        values = allocated[spec[2]]
    elif kind == 'bytes':
        values = _cut(allocated[spec[2]], allocated[spec[3]], count)
    elif kind == 'date':
        values = _dates(allocated[spec[2]])
    elif kind == 'datetime':
        values = _datetimes(allocated[spec[2]], spec[3], spec[5])
    elif kind == 'uint64':
        values = memoryview(bytes(allocated[spec[2]])).cast('Q').tolist()
    elif kind == 'decimal':
        import decimal
        values = [decimal.Decimal(s) for s in spec[2].split(',')] if count else []
    elif kind == 'uuid':
        import uuid
        values = [uuid.UUID(s) for s in spec[2].split(',')] if count else []
    elif kind == 'nested':
        import ast
        payload = spec[2]
        shape = ast.literal_eval(spec[5])
        values = [_nested(payload[i], shape) for i in range(count)]
    else:
        values = [None] * count
    nulls = spec[4]
    if nulls is not None:
        for i in allocated[nulls]:
            values[i] = None
    return values


def deliver(function, allocated, specs, leading):
    """One call with the leading arguments, then one list per column (SPEC 3.4)."""
    return function(*leading, *[_column(spec, allocated) for spec in specs])


# ---- Python to Java: rows from a source ------------------------------------------------------

def start_read(function):
    """Calls the read function; returns (kind, value): kind is 'iterator', 'list' or 'bad'."""
    result = function()
    if isinstance(result, _types.CoroutineType):
        result.close()
        return ('async', None)
    if isinstance(result, _types.AsyncGeneratorType) or hasattr(result, '__anext__') or hasattr(result, '__await__'):
        return ('async', None)
    if isinstance(result, list):
        return ('list', result)
    if hasattr(result, '__next__') and hasattr(result, '__iter__'):
        return ('iterator', result)
    if isinstance(result, tuple) or hasattr(result, '__iter__'):
        return ('iterable', result)
    return ('bad', repr(result))


class Reader:
    """Pulls rows from an iterator in batches and hands them over by column."""

    def __init__(self, source, columns):
        self.iterator = iter(source)
        self.columns = [tuple(c) for c in columns]  # [(name, kind, nullable, param, type name)]
        # a list is all there: it goes in batches of max_rows, without timing its items (SPEC 3.3:
        # a returned list is one batch)
        self.whole = isinstance(source, list)
        self.slow = True
        self.row_number = 0

    def pull(self, max_rows, max_seconds, stop):
        """Up to max_rows rows; returns early after max_seconds, when the generator waits between
        rows, or when stop.requested() (asked every 1,024 rows) says the query has enough."""
        # a generator that waited before a row may wait again: after a wait, hand the rows over at
        # once (the very first row too) instead of holding them while the next one is awaited.
        # One clock reading per row: the time since the previous row was taken.
        rows = []
        append = rows.append
        iterator = self.iterator
        clock = _monotonic
        finished = False
        if self.whole:
            for row in iterator:
                append(row)
                if len(rows) == max_rows:
                    break
            else:
                finished = True
            return (finished, self.pack(rows))
        slow = self.slow
        started = last = clock()
        while len(rows) < max_rows:
            was_slow = slow
            try:
                row = next(iterator)
            except StopIteration:
                finished = True
                break
            append(row)
            now = clock()
            slow = now - last > 0.001
            last = now
            if was_slow or slow or now - started > max_seconds:
                break
            if len(rows) & 1023 == 0 and stop.requested():
                break
        self.slow = slow
        return (finished, self.pack(rows))

    def close(self):
        close = getattr(self.iterator, 'close', None)
        if close is not None:
            close()

    def interrupt(self):
        throw = getattr(self.iterator, 'throw', None)
        if throw is not None:
            try:
                throw(KeyboardInterrupt())
            except (KeyboardInterrupt, StopIteration):
                pass

    def pack(self, rows):
        columns = self.columns
        width = len(columns)
        first = self.row_number + 1
        self.row_number += len(rows)
        if width == 1:
            cells = [[(r[0] if len(r) == 1 else _arity(first + i, 1, r)) if isinstance(r, (tuple, list)) else r
                      for i, r in enumerate(rows)]]
        else:
            for r in rows:
                if type(r) is not tuple or len(r) != width:
                    _check_arity(rows, width, first)
                    break
            cells = [[r[c] for r in rows] for c in range(width)]
        return [len(rows)] + [_hand_over(cells[c], columns[c], first) for c in range(width)]


def _check_arity(rows, width, first):
    for i, r in enumerate(rows):
        if not isinstance(r, (tuple, list)) or len(r) != width:
            _arity(first + i, width, r)


_STORED_KINDS = frozenset(('int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
                           'float32', 'float64', 'bool'))


def _hand_over(values, column, first):
    """A column of numbers or bools goes over as its list's own backing array (Java checks it and
    calls pack_column if it holds anything else, e.g. None); others are packed here."""
    if column[1] in _STORED_KINDS:
        return ('storage', _storage(values), values, first)
    return pack_column(values, column, first)


def _arity(row, expected, value):
    raise ArityError(row, expected, value)


_INT_FORMATS = {'int8': 'b', 'int16': 'h', 'int32': 'i', 'int64': 'q',
                'uint8': 'B', 'uint16': 'H', 'uint32': 'I', 'uint64': 'Q'}
_FLOAT_FORMATS = {'float32': 'f', 'float64': 'd'}


def _fail(values, column, first, check):
    for i, v in enumerate(values):
        if not check(v):
            raise ConversionError(first + i, column[0], column[4], v)
    raise ConversionError(first, column[0], column[4], values[0] if values else None)


def _nulls(values, column, first):
    """Positions of None (allowed only in nullable columns) and the values with None replaced."""
    positions = [i for i, v in enumerate(values) if v is None]
    if not positions:
        return values, None
    if not column[2]:
        raise ConversionError(first + positions[0], column[0], column[4], None)
    return values, _array.array('i', positions).tobytes()


def _is_int(v):
    return type(v) is int or type(v) is bool


def _is_float(v):
    return type(v) is float or type(v) is int or type(v) is bool


def pack_column(values, column, first):
    """(payload bytes, extra bytes or None, null positions bytes or None) for one column."""
    kind = column[1]
    values, nulls = _nulls(values, column, first)
    if nulls is not None:
        zero = {'string': b'', 'bool': False, 'date': None, 'datetime': None}.get(kind, 0)
        values = [zero if v is None else v for v in values]
    if kind in _FLOAT_FORMATS:
        try:
            return (_array.array(_FLOAT_FORMATS[kind], values).tobytes(), None, nulls)
        except (TypeError, OverflowError):
            _fail(values, column, first, lambda v: v is None or _is_float(v))
    if kind in _INT_FORMATS:
        try:
            if not all(map(_is_int, values)):
                raise TypeError()
            return (_array.array(_INT_FORMATS[kind], values).tobytes(), None, nulls)
        except (TypeError, OverflowError):
            code = _INT_FORMATS[kind]

            def fits(v):
                if v is None:
                    return True
                if not _is_int(v):
                    return False
                try:
                    _array.array(code, [v])
                    return True
                except OverflowError:
                    return False
            _fail(values, column, first, fits)
    if kind == 'bool':
        try:
            return (bytes([1 if _bool(v) else 0 for v in values]), None, nulls)
        except TypeError:
            _fail(values, column, first, lambda v: v is None or _is_int(v))
    if kind == 'string':
        encoded = []
        for i, v in enumerate(values):
            if type(v) is bytes:
                encoded.append(v)
            elif type(v) is str:
                encoded.append(v.encode('utf-8'))
            elif isinstance(v, (bytes, bytearray, memoryview)):
                encoded.append(bytes(v))
            else:
                raise ConversionError(first + i, column[0], column[4], v)
        return (b''.join(encoded), _array.array('i', [len(e) for e in encoded]).tobytes(), nulls)
    if kind == 'date':
        days = []
        for i, v in enumerate(values):
            if v is None:
                days.append(0)
            elif isinstance(v, _datetime.date):
                days.append((v.date() if isinstance(v, _datetime.datetime) else v).toordinal() - _EPOCH_ORDINAL)
            else:
                raise ConversionError(first + i, column[0], column[4], v)
        return (_array.array('i', days).tobytes(), None, nulls)
    if kind == 'datetime':
        micros = []
        for i, v in enumerate(values):
            if v is None:
                micros.append(0)
            elif isinstance(v, _datetime.datetime):
                if v.tzinfo is None:
                    v = v.replace(tzinfo=_UTC)
                d = v - _EPOCH
                micros.append((d.days * 86400 + d.seconds) * 1000000 + d.microseconds)
            else:
                raise ConversionError(first + i, column[0], column[4], v)
        return (_array.array('q', micros).tobytes(), None, nulls)
    if kind == 'decimal':
        import decimal
        texts = []
        for i, v in enumerate(values):
            if isinstance(v, (decimal.Decimal, int, float)) and not isinstance(v, bool):
                texts.append(str(v))
            elif v is None:
                texts.append('0')
            else:
                raise ConversionError(first + i, column[0], column[4], v)
        return (','.join(texts).encode('ascii'), None, nulls)
    # uuid and nested types: plain Python values, converted one by one on the Java side once their
    # shape is checked here
    if column[3]:
        shape = _shape(column[3])
        for i, v in enumerate(values):
            if not _fits(v, shape):
                raise ConversionError(first + i, column[0], column[4], v)
        return ([_plain_as(v, shape) for v in values], None, nulls)
    return ([_plain(v) for v in values], None, nulls)


_SHAPES = {}


def _shape(text):
    shape = _SHAPES.get(text)
    if shape is None:
        import ast as _ast
        shape = _SHAPES[text] = _ast.literal_eval(text)
    return shape


def _fits(v, shape):
    """Whether v has the shape of a nested column (None fits anywhere; Java checks the rest)."""
    name = shape[0]
    if v is None:
        return True
    if name == 'array':
        return isinstance(v, (list, tuple)) and all(_fits(x, shape[1]) for x in v)
    if name == 'tuple':
        return isinstance(v, (list, tuple)) and len(v) == len(shape[1]) and all(map(_fits, v, shape[1]))
    if name == 'map':
        return isinstance(v, dict) and all(_fits(k, shape[1]) and _fits(x, shape[2]) for k, x in v.items())
    if name == 'string':
        return isinstance(v, (str, bytes, bytearray))
    if name == 'int':
        return _is_int(v)
    if name == 'float':
        return _is_float(v)
    if name == 'bool':
        return type(v) is bool or (type(v) is int and v in (0, 1))
    if name == 'date':
        return isinstance(v, _datetime.date)
    if name == 'datetime':
        return isinstance(v, _datetime.datetime)
    return True


def _bool(v):
    if type(v) is bool:
        return v
    if type(v) is int and v in (0, 1):
        return v == 1
    raise TypeError()


def _plain(v):
    """Nested values as lists, dicts and str for the Java side (bytes decoded as UTF-8)."""
    if isinstance(v, (bytes, bytearray)):
        return bytes(v).decode('utf-8')
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {_plain_key(k): _plain(x) for k, x in v.items()}
    if isinstance(v, _datetime.datetime):
        return (v if v.tzinfo is not None else v.replace(tzinfo=_UTC)).isoformat()
    if isinstance(v, _datetime.date):
        return v.isoformat()
    if type(v).__name__ in ('Decimal', 'UUID'):
        return str(v)
    return v


def _plain_key(k):
    return _plain(k)


def _plain_as(v, shape):
    """_plain for a value of a known nested shape: a datetime where a date goes is taken as its
    date, as it is for a date column."""
    name = shape[0]
    if v is None:
        return None
    if name == 'array':
        return [_plain_as(x, shape[1]) for x in v]
    if name == 'tuple':
        return [_plain_as(x, s) for x, s in zip(v, shape[1])]
    if name == 'map':
        return {_plain_as(k, shape[1]): _plain_as(x, shape[2]) for k, x in v.items()}
    if name == 'date' and isinstance(v, _datetime.datetime):
        return v.date().isoformat()
    return _plain(v)


# ---- user functions (SPEC 3.8) ---------------------------------------------------------------
#
# A scalar function gets one list per argument for a whole chunk and returns a list of results.
# An aggregate function's states (one instance of its class per group) live in a _Groups object;
# a chunk's rows arrive ordered by group, in one call, and each group's instance gets its slice.

class LengthError(Exception):
    def __init__(self, returned, expected):
        Exception.__init__(self, returned, expected)
        self.returned = returned
        self.expected = expected


class ResultError(Exception):
    """A result that is not a sequence of values, or a state serialize() turned into no bytes."""

    def __init__(self, type_name, value):
        Exception.__init__(self, type_name, repr(value))
        self.type_name = type_name
        self.value_repr = _short_repr(value)


def _short_repr(value):
    text = repr(value)
    return text if len(text) <= 200 else text[:200] + '...'


def function_shape(source, filename, name):
    """What the body defines under name at top level: ('def', []), ('class', [method names]) (with
    the methods of base classes the body defines too, and '*' when a base comes from elsewhere),
    ('other', []) for any other assignment or import, or None."""
    import ast as _ast
    tree = _ast.parse(source, filename, 'exec')
    classes = {}
    found = None
    for node in tree.body:
        if isinstance(node, _ast.ClassDef):
            classes[node.name] = node
        if isinstance(node, (_ast.FunctionDef, _ast.AsyncFunctionDef)) and node.name == name:
            found = ('def', [])
        elif isinstance(node, _ast.ClassDef) and node.name == name:
            found = ('class', None)
        elif isinstance(node, _ast.Assign) and any(isinstance(t, _ast.Name) and t.id == name for t in node.targets):
            found = ('other', [])
        elif isinstance(node, (_ast.Import, _ast.ImportFrom)) and any(
                (a.asname or a.name).split('.')[0] == name for a in node.names):
            found = ('other', [])
    if found is None or found[0] != 'class':
        return found

    def methods(cls, seen):
        out = set()
        if cls.name in seen:
            return out
        seen.add(cls.name)
        for item in cls.body:
            if isinstance(item, (_ast.FunctionDef, _ast.AsyncFunctionDef)):
                out.add(item.name)
            elif isinstance(item, _ast.Assign):
                out.update(t.id for t in item.targets if isinstance(t, _ast.Name))
        for base in cls.bases:
            if isinstance(base, _ast.Name) and base.id in classes:
                out |= methods(classes[base.id], seen)
            elif not (isinstance(base, _ast.Name) and base.id == 'object'):
                out.add('*')
        return out
    return ('class', sorted(methods(classes[name], set())))


def call_scalar(function, count, column, *columns):
    """Calls a scalar function over one chunk; returns the result column handed over like a
    source's column ([count, column])."""
    result = function(*columns)
    if type(result) is not list:
        if isinstance(result, (str, bytes, bytearray, dict)) or not hasattr(result, '__iter__'):
            raise ResultError(type(result).__name__, result)
        result = list(result)
    if len(result) != count:
        raise LengthError(len(result), count)
    return [count, _hand_over(result, column, 1)]


class _Groups:
    """The states of one aggregate call: one instance of the function's class per group."""

    def __init__(self, cls):
        self.cls = cls
        self.states = []

    def state(self, group):
        states = self.states
        if group >= len(states):
            states.extend([None] * (group + 1 - len(states)))
        state = states[group]
        if state is None:
            state = self.cls()
            states[group] = state
        return state


def new_groups(cls):
    return _Groups(cls)


def process_groups(groups, ids, starts, runs, *columns):
    """Feeds one chunk: run k holds rows starts[k]..starts[k+1]-1, all of group ids[k]."""
    ids = list(ids)
    starts = list(starts)
    if runs == 1 and starts[0] == 0 and starts[1] == (len(columns[0]) if columns else 0):
        groups.state(ids[0]).process(*columns)
        return None
    state = groups.state
    if len(columns) == 1:
        values = columns[0]
        for k in range(runs):
            state(ids[k]).process(values[starts[k]:starts[k + 1]])
    else:
        for k in range(runs):
            a = starts[k]
            b = starts[k + 1]
            state(ids[k]).process(*[c[a:b] for c in columns])
    return None


def finalize_groups(groups, ids, start, count, column):
    """The results of groups ids[start:start+count], handed over as one column."""
    ids = list(ids)
    state = groups.state
    values = [state(ids[start + i]).finalize() for i in range(count)]
    return [count, _hand_over(values, column, 1)]


def serialize_groups(groups, count):
    """Every group's serialize() as one bytes: per group a tag (0 none, 1 bytes, 2 str), then
    the length and the data."""
    import struct
    states = groups.states
    parts = []
    for g in range(count):
        state = states[g] if g < len(states) else None
        if state is None:
            parts.append(b'\x00')
            continue
        data = state.serialize()
        if isinstance(data, str):
            tag = 2
            data = data.encode('utf-8')
        elif isinstance(data, (bytes, bytearray, memoryview)):
            tag = 1
            data = bytes(data)
        else:
            raise ResultError(type(data).__name__, data)
        parts.append(struct.pack('<BI', tag, len(data)))
        parts.append(data)
    return b''.join(parts)


def deserialize_groups(groups, text, count):
    """Reads what serialize_groups wrote (handed over as latin-1 text): a fresh instance per
    group that had one, given its data through deserialize()."""
    import struct
    data = text.encode('latin-1')
    states = [None] * count
    pos = 0
    for g in range(count):
        tag = data[pos]
        pos += 1
        if tag == 0:
            continue
        size = struct.unpack_from('<I', data, pos)[0]
        pos += 4
        value = data[pos:pos + size]
        pos += size
        state = groups.cls()
        state.deserialize(value.decode('utf-8') if tag == 2 else value)
        states[g] = state
    groups.states = states
