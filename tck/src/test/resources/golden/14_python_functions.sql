# Python user-defined functions (SPEC 3.8): scalar functions get one list per argument for a
# whole chunk and return a list of the same length; aggregate functions are classes with one
# instance per group. Types cross as in SPEC 3.5 (see 11_python_sinks.sql for the streams).

statement ok
CREATE STREAM numbers (n int64, label string, maybe nullable(int64))

statement ok
INSERT INTO numbers (n, label, maybe) VALUES (1, 'one', 10), (2, 'two', NULL), (3, 'three', 30), (4, 'four', NULL), (5, 'five', 50)

# ---- scalar: one call per chunk, one list per argument -----------------------------------------

statement ok
CREATE FUNCTION twice(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
def twice(x):
    assert type(x) is list
    return [v * 2 for v in x]
$$

query
SELECT n, twice(n) FROM table(numbers) ORDER BY n
----
1	2
2	4
3	6
4	8
5	10

# in WHERE, inside other expressions, as a GROUP BY key, in ORDER BY
query
SELECT n FROM table(numbers) WHERE twice(n) > 5 ORDER BY n
----
3
4
5

query
SELECT twice(n) + twice(twice(n)) * 10, upper(label) FROM table(numbers) WHERE n = 2
----
84	TWO

query
SELECT twice(n % 2) AS k, count(), sum(n) FROM table(numbers) GROUP BY k ORDER BY k
----
0	2	6
2	3	9

query
SELECT label FROM table(numbers) ORDER BY twice(n) DESC LIMIT 2
----
five
four

# one call per chunk: the function sees all five rows of the single chunk at once
statement ok
CREATE FUNCTION chunk_size(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
def chunk_size(x):
    return [len(x)] * len(x)
$$

query
SELECT DISTINCT chunk_size(n) FROM table(numbers)
----
5

# several arguments, of different types, arrive as parallel lists in declared order
statement ok
CREATE FUNCTION describe_row(n int64, label string, factor float64) RETURNS string LANGUAGE PYTHON AS $$
def describe_row(n, label, factor):
    return ['%d:%s:%g' % (a, b.decode(), c) for a, b, c in zip(n, label, factor)]
$$

query
SELECT describe_row(n, label, n / 2) FROM table(numbers) WHERE n <= 2 ORDER BY n
----
1:one:0.5
2:two:1

# constant arguments: a list with the constant repeated for every row
statement ok
CREATE FUNCTION join_args(a string, b int64) RETURNS string LANGUAGE PYTHON AS $$
def join_args(a, b):
    return ['%s-%d-%s' % (x.decode(), y, len(a) == len(b)) for x, y in zip(a, b)]
$$

query
SELECT join_args('k', n) FROM table(numbers) ORDER BY n LIMIT 2
----
k-1-True
k-2-True

query
SELECT join_args('const', 7)
----
const-7-True

query
SELECT twice(21), twice(-4)
----
42	-8

# a function may change its argument list in place and return it
statement ok
CREATE FUNCTION bump(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
def bump(x):
    for i in range(len(x)):
        x[i] += 100
    return x
$$

query
SELECT n, bump(n), n FROM table(numbers) ORDER BY n LIMIT 2
----
1	101	1
2	102	2

# a chunk with no live rows does not call the function (this one would fail if called)
statement ok
CREATE FUNCTION never_empty(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
def never_empty(x):
    if len(x) == 0:
        raise ValueError('called with an empty chunk')
    return x
$$

query
SELECT never_empty(n) FROM table(numbers) WHERE n > 100
----

query
SELECT count(), sum(never_empty(n)) FROM table(numbers) WHERE n < 0
----
0	0

query
SELECT never_empty(n) FROM table(numbers) WHERE n = 3
----
3

# ---- nulls: None in, None out; the result is nullable when an argument is ----------------------

statement ok
CREATE FUNCTION show_null(x nullable(int64)) RETURNS string LANGUAGE PYTHON AS $$
def show_null(x):
    return ['none' if v is None else 'int %d' % v for v in x]
$$

query
SELECT n, show_null(maybe) FROM table(numbers) ORDER BY n
----
1	int 10
2	none
3	int 30
4	none
5	int 50

statement ok
CREATE FUNCTION half_or_null(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
def half_or_null(x):
    return [None if v is None or v % 2 else v // 2 for v in x]
$$

# a nullable argument makes the result nullable, so None becomes NULL; with a non-nullable
# argument the result is not nullable, and None cannot be converted
query
SELECT n, half_or_null(maybe), half_or_null(cast(n AS nullable(int64))) FROM table(numbers) ORDER BY n
----
1	5	NULL
2	NULL	1
3	15	NULL
4	NULL	2
5	25	NULL

statement error 70 Failed to convert Python object to int64 None
SELECT half_or_null(n) FROM table(numbers)

query
SELECT n FROM table(numbers) WHERE half_or_null(maybe) IS NULL ORDER BY n
----
2
4

# ---- types (SPEC 3.5), SQL to Python: each argument's values as Python sees them ---------------

statement ok
CREATE STREAM typed (b bool, i8 int8, i16 int16, i32 int32, i64 int64, u8 uint8, u16 uint16,
    u32 uint32, u64 uint64, f32 float32, f64 float64, d date, d32 date32, dt datetime,
    dt64 datetime64(3), berlin datetime64(3, 'Europe/Berlin'), s string, fs fixed_string(4),
    arr array(int64), tup tuple(int64, string), m map(string, int64), ni nullable(int64),
    ns nullable(string))

statement ok
INSERT INTO typed VALUES
    (true, -128, -32768, -2147483648, -9223372036854775808, 255, 65535, 4294967295,
     18446744073709551615, 1.5, 2.25, '2024-02-29', '1900-01-02', '2024-01-02 03:04:05',
     '2024-01-02 03:04:05.678', '2024-07-01 12:00:00.250', 'café', 'abcd', [1, 2, 3], (1, 'x'),
     map('k', 1), null, 'n'),
    (false, 127, 32767, 2147483647, 9223372036854775807, 0, 0, 0, 0, -0.25, 1e300,
     '1970-01-01', '2100-12-31', '1970-01-01 00:00:00', '2000-01-01 00:00:00.000',
     '2024-01-01 00:00:00', '', 'ab', [], (2, ''), map(), 9, null)

# py_repr(part, columns...) shows, per row, the values of the part's columns as Python sees
# them (the time-zone column as wall-clock time and offset in its zone)
statement ok
CREATE FUNCTION py_repr(part string, b bool, i8 int8, i16 int16, i32 int32, i64 int64, u8 uint8,
    u16 uint16, u32 uint32, u64 uint64, f32 float32, f64 float64, d date, d32 date32, dt datetime,
    dt64 datetime64(3), berlin datetime64(3, 'Europe/Berlin'), s string, fs fixed_string(4),
    arr array(int64), tup tuple(int64, string), m map(string, int64), ni nullable(int64),
    ns nullable(string)) RETURNS string LANGUAGE PYTHON AS $$
NAMES = 'b i8 i16 i32 i64 u8 u16 u32 u64 f32 f64 d d32 dt dt64 berlin s fs arr tup m ni ns'.split()
GROUPS = {b'ints': NAMES[:9], b'floats': NAMES[9:11], b'dates': NAMES[11:16], b'strings': NAMES[16:18],
          b'nested': NAMES[18:21], b'nullable': NAMES[21:]}

def py_repr(part, *columns):
    values = dict(zip(NAMES, columns))
    out = []
    for row in range(len(part)):
        shown = []
        for name in GROUPS[part[row]]:
            v = values[name][row]
            shown.append('%s=%s' % (name, str(v) if name == 'berlin' else repr(v)))
        out.append(' '.join(shown))
    return out
$$

query
SELECT py_repr('ints', b, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, d, d32, dt, dt64, berlin, s, fs, arr, tup, m, ni, ns) FROM table(typed) ORDER BY b DESC
----
b=True i8=-128 i16=-32768 i32=-2147483648 i64=-9223372036854775808 u8=255 u16=65535 u32=4294967295 u64=18446744073709551615
b=False i8=127 i16=32767 i32=2147483647 i64=9223372036854775807 u8=0 u16=0 u32=0 u64=0

query
SELECT py_repr('floats', b, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, d, d32, dt, dt64, berlin, s, fs, arr, tup, m, ni, ns) FROM table(typed) ORDER BY b DESC
----
f32=1.5 f64=2.25
f32=-0.25 f64=1e+300

query
SELECT py_repr('dates', b, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, d, d32, dt, dt64, berlin, s, fs, arr, tup, m, ni, ns) FROM table(typed) ORDER BY b DESC
----
d=datetime.date(2024, 2, 29) d32=datetime.date(1900, 1, 2) dt=datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc) dt64=datetime.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=datetime.timezone.utc) berlin=2024-07-01 12:00:00.250000+02:00
d=datetime.date(1970, 1, 1) d32=datetime.date(2100, 12, 31) dt=datetime.datetime(1970, 1, 1, 0, 0, tzinfo=datetime.timezone.utc) dt64=datetime.datetime(2000, 1, 1, 0, 0, tzinfo=datetime.timezone.utc) berlin=2024-01-01 00:00:00+01:00

query
SELECT py_repr('strings', b, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, d, d32, dt, dt64, berlin, s, fs, arr, tup, m, ni, ns) FROM table(typed) ORDER BY b DESC
----
s=b'caf\xc3\xa9' fs=b'abcd'
s=b'' fs=b'ab\x00\x00'

query
SELECT py_repr('nested', b, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, d, d32, dt, dt64, berlin, s, fs, arr, tup, m, ni, ns) FROM table(typed) ORDER BY b DESC
----
arr=[1, 2, 3] tup=(1, b'x') m={b'k': 1}
arr=[] tup=(2, b'') m={}

query
SELECT py_repr('nullable', b, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, d, d32, dt, dt64, berlin, s, fs, arr, tup, m, ni, ns) FROM table(typed) ORDER BY b DESC
----
ni=None ns=b'n'
ni=9 ns=None

# ---- types (SPEC 3.5), Python to SQL: one function per type returns the values of row k
# (timestamps print in UTC; str is accepted for string types and encoded as UTF-8)

statement ok
CREATE FUNCTION out_b(k int64) RETURNS bool LANGUAGE PYTHON AS $$
def out_b(k):
    return [(True, False)[i] for i in k]
$$

statement ok
CREATE FUNCTION out_i8(k int64) RETURNS int8 LANGUAGE PYTHON AS $$
def out_i8(k):
    return [(-128, 127)[i] for i in k]
$$

statement ok
CREATE FUNCTION out_i16(k int64) RETURNS int16 LANGUAGE PYTHON AS $$
def out_i16(k):
    return [(-32768, 32767)[i] for i in k]
$$

statement ok
CREATE FUNCTION out_i32(k int64) RETURNS int32 LANGUAGE PYTHON AS $$
def out_i32(k):
    return [(-2147483648, 2147483647)[i] for i in k]
$$

statement ok
CREATE FUNCTION out_i64(k int64) RETURNS int64 LANGUAGE PYTHON AS $$
def out_i64(k):
    return [(-9223372036854775808, 9223372036854775807)[i] for i in k]
$$

statement ok
CREATE FUNCTION out_u8(k int64) RETURNS uint8 LANGUAGE PYTHON AS $$
def out_u8(k):
    return [(255, 0)[i] for i in k]
$$

statement ok
CREATE FUNCTION out_u16(k int64) RETURNS uint16 LANGUAGE PYTHON AS $$
def out_u16(k):
    return [(65535, 0)[i] for i in k]
$$

statement ok
CREATE FUNCTION out_u32(k int64) RETURNS uint32 LANGUAGE PYTHON AS $$
def out_u32(k):
    return [(4294967295, 0)[i] for i in k]
$$

statement ok
CREATE FUNCTION out_u64(k int64) RETURNS uint64 LANGUAGE PYTHON AS $$
def out_u64(k):
    return [(18446744073709551615, 0)[i] for i in k]
$$

statement ok
CREATE FUNCTION out_f32(k int64) RETURNS float32 LANGUAGE PYTHON AS $$
def out_f32(k):
    return [(1.5, -0.25)[i] for i in k]
$$

statement ok
CREATE FUNCTION out_f64(k int64) RETURNS float64 LANGUAGE PYTHON AS $$
def out_f64(k):
    return [(2.25, 1e300)[i] for i in k]
$$

statement ok
CREATE FUNCTION out_d(k int64) RETURNS date LANGUAGE PYTHON AS $$
from datetime import date, datetime, timedelta, timezone
utc = timezone.utc
plus2 = timezone(timedelta(hours=2))

def out_d(k):
    return [(date(2024, 2, 29), date(1970, 1, 1))[i] for i in k]
$$

statement ok
CREATE FUNCTION out_d32(k int64) RETURNS date32 LANGUAGE PYTHON AS $$
from datetime import date, datetime, timedelta, timezone
utc = timezone.utc
plus2 = timezone(timedelta(hours=2))

def out_d32(k):
    return [(date(1900, 1, 2), date(2100, 12, 31))[i] for i in k]
$$

statement ok
CREATE FUNCTION out_dt(k int64) RETURNS datetime LANGUAGE PYTHON AS $$
from datetime import date, datetime, timedelta, timezone
utc = timezone.utc
plus2 = timezone(timedelta(hours=2))

def out_dt(k):
    return [(datetime(2024, 1, 2, 5, 4, 5, tzinfo=plus2), datetime(1970, 1, 1, tzinfo=utc))[i] for i in k]
$$

statement ok
CREATE FUNCTION out_dt64(k int64) RETURNS datetime64(3) LANGUAGE PYTHON AS $$
from datetime import date, datetime, timedelta, timezone
utc = timezone.utc
plus2 = timezone(timedelta(hours=2))

def out_dt64(k):
    return [(datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=utc), datetime(2000, 1, 1, tzinfo=plus2))[i] for i in k]
$$

statement ok
CREATE FUNCTION out_berlin(k int64) RETURNS datetime64(3, 'Europe/Berlin') LANGUAGE PYTHON AS $$
from datetime import date, datetime, timedelta, timezone
utc = timezone.utc
plus2 = timezone(timedelta(hours=2))

def out_berlin(k):
    return [(datetime(2024, 7, 1, 10, 0, 0, 250000, tzinfo=utc), datetime(2024, 1, 1, tzinfo=plus2))[i] for i in k]
$$

statement ok
CREATE FUNCTION out_s(k int64) RETURNS string LANGUAGE PYTHON AS $$
def out_s(k):
    return [('café', b'')[i] for i in k]
$$

statement ok
CREATE FUNCTION out_fs(k int64) RETURNS fixed_string(4) LANGUAGE PYTHON AS $$
def out_fs(k):
    return [(b'abcd', 'wxyz')[i] for i in k]
$$

statement ok
CREATE FUNCTION out_arr(k int64) RETURNS array(int64) LANGUAGE PYTHON AS $$
def out_arr(k):
    return [([1, 2, 3], [])[i] for i in k]
$$

statement ok
CREATE FUNCTION out_tup(k int64) RETURNS tuple(int64, string) LANGUAGE PYTHON AS $$
def out_tup(k):
    return [((1, 'x'), (2, b''))[i] for i in k]
$$

statement ok
CREATE FUNCTION out_m(k int64) RETURNS map(string, int64) LANGUAGE PYTHON AS $$
def out_m(k):
    return [({'k': 1}, {})[i] for i in k]
$$

statement ok
CREATE FUNCTION out_ni(k int64) RETURNS nullable(int64) LANGUAGE PYTHON AS $$
def out_ni(k):
    return [(None, 9)[i] for i in k]
$$

statement ok
CREATE FUNCTION out_ns(k int64) RETURNS nullable(string) LANGUAGE PYTHON AS $$
def out_ns(k):
    return [(b'n', None)[i] for i in k]
$$

query
SELECT out_b(n - 1), out_i8(n - 1), out_i16(n - 1), out_i32(n - 1), out_i64(n - 1), out_u8(n - 1), out_u16(n - 1), out_u32(n - 1), out_u64(n - 1), out_f32(n - 1), out_f64(n - 1), out_d(n - 1), out_d32(n - 1), out_dt(n - 1), out_dt64(n - 1), out_berlin(n - 1), out_s(n - 1), out_fs(n - 1), out_arr(n - 1), out_tup(n - 1), out_m(n - 1), out_ni(n - 1), out_ns(n - 1) FROM table(numbers) WHERE n <= 2 ORDER BY n
----
true	-128	-32768	-2147483648	-9223372036854775808	255	65535	4294967295	18446744073709551615	1.5	2.25	2024-02-29	1900-01-02	2024-01-02 03:04:05	2024-01-02 03:04:05.678	2024-07-01 10:00:00.250	café	abcd	[1,2,3]	[1,x]	{k:1}	NULL	n
false	127	32767	2147483647	9223372036854775807	0	0	0	0	-0.25	1.0E300	1970-01-01	2100-12-31	1970-01-01 00:00:00	1999-12-31 22:00:00.000	2023-12-31 22:00:00.000	(empty)	wxyz	[]	[2,(empty)]	{}	9	NULL

# and back into Python: the same values as the functions returned, strings as bytes
query
SELECT py_repr('ints', out_b(n - 1), out_i8(n - 1), out_i16(n - 1), out_i32(n - 1), out_i64(n - 1), out_u8(n - 1), out_u16(n - 1), out_u32(n - 1), out_u64(n - 1), out_f32(n - 1), out_f64(n - 1), out_d(n - 1), out_d32(n - 1), out_dt(n - 1), out_dt64(n - 1), out_berlin(n - 1), out_s(n - 1), out_fs(n - 1), out_arr(n - 1), out_tup(n - 1), out_m(n - 1), out_ni(n - 1), out_ns(n - 1)) FROM table(numbers) WHERE n <= 2 ORDER BY n
----
b=True i8=-128 i16=-32768 i32=-2147483648 i64=-9223372036854775808 u8=255 u16=65535 u32=4294967295 u64=18446744073709551615
b=False i8=127 i16=32767 i32=2147483647 i64=9223372036854775807 u8=0 u16=0 u32=0 u64=0

query
SELECT py_repr('floats', out_b(n - 1), out_i8(n - 1), out_i16(n - 1), out_i32(n - 1), out_i64(n - 1), out_u8(n - 1), out_u16(n - 1), out_u32(n - 1), out_u64(n - 1), out_f32(n - 1), out_f64(n - 1), out_d(n - 1), out_d32(n - 1), out_dt(n - 1), out_dt64(n - 1), out_berlin(n - 1), out_s(n - 1), out_fs(n - 1), out_arr(n - 1), out_tup(n - 1), out_m(n - 1), out_ni(n - 1), out_ns(n - 1)) FROM table(numbers) WHERE n <= 2 ORDER BY n
----
f32=1.5 f64=2.25
f32=-0.25 f64=1e+300

query
SELECT py_repr('dates', out_b(n - 1), out_i8(n - 1), out_i16(n - 1), out_i32(n - 1), out_i64(n - 1), out_u8(n - 1), out_u16(n - 1), out_u32(n - 1), out_u64(n - 1), out_f32(n - 1), out_f64(n - 1), out_d(n - 1), out_d32(n - 1), out_dt(n - 1), out_dt64(n - 1), out_berlin(n - 1), out_s(n - 1), out_fs(n - 1), out_arr(n - 1), out_tup(n - 1), out_m(n - 1), out_ni(n - 1), out_ns(n - 1)) FROM table(numbers) WHERE n <= 2 ORDER BY n
----
d=datetime.date(2024, 2, 29) d32=datetime.date(1900, 1, 2) dt=datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc) dt64=datetime.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=datetime.timezone.utc) berlin=2024-07-01 12:00:00.250000+02:00
d=datetime.date(1970, 1, 1) d32=datetime.date(2100, 12, 31) dt=datetime.datetime(1970, 1, 1, 0, 0, tzinfo=datetime.timezone.utc) dt64=datetime.datetime(1999, 12, 31, 22, 0, tzinfo=datetime.timezone.utc) berlin=2023-12-31 23:00:00+01:00

query
SELECT py_repr('strings', out_b(n - 1), out_i8(n - 1), out_i16(n - 1), out_i32(n - 1), out_i64(n - 1), out_u8(n - 1), out_u16(n - 1), out_u32(n - 1), out_u64(n - 1), out_f32(n - 1), out_f64(n - 1), out_d(n - 1), out_d32(n - 1), out_dt(n - 1), out_dt64(n - 1), out_berlin(n - 1), out_s(n - 1), out_fs(n - 1), out_arr(n - 1), out_tup(n - 1), out_m(n - 1), out_ni(n - 1), out_ns(n - 1)) FROM table(numbers) WHERE n <= 2 ORDER BY n
----
s=b'caf\xc3\xa9' fs=b'abcd'
s=b'' fs=b'wxyz'

query
SELECT py_repr('nested', out_b(n - 1), out_i8(n - 1), out_i16(n - 1), out_i32(n - 1), out_i64(n - 1), out_u8(n - 1), out_u16(n - 1), out_u32(n - 1), out_u64(n - 1), out_f32(n - 1), out_f64(n - 1), out_d(n - 1), out_d32(n - 1), out_dt(n - 1), out_dt64(n - 1), out_berlin(n - 1), out_s(n - 1), out_fs(n - 1), out_arr(n - 1), out_tup(n - 1), out_m(n - 1), out_ni(n - 1), out_ns(n - 1)) FROM table(numbers) WHERE n <= 2 ORDER BY n
----
arr=[1, 2, 3] tup=(1, b'x') m={b'k': 1}
arr=[] tup=(2, b'') m={}

query
SELECT py_repr('nullable', out_b(n - 1), out_i8(n - 1), out_i16(n - 1), out_i32(n - 1), out_i64(n - 1), out_u8(n - 1), out_u16(n - 1), out_u32(n - 1), out_u64(n - 1), out_f32(n - 1), out_f64(n - 1), out_d(n - 1), out_d32(n - 1), out_dt(n - 1), out_dt64(n - 1), out_berlin(n - 1), out_s(n - 1), out_fs(n - 1), out_arr(n - 1), out_tup(n - 1), out_m(n - 1), out_ni(n - 1), out_ns(n - 1)) FROM table(numbers) WHERE n <= 2 ORDER BY n
----
ni=None ns=b'n'
ni=9 ns=None

# ---- errors while a query runs ------------------------------------------------------------------

# a list of the wrong length says both lengths
statement ok
CREATE FUNCTION drops_one(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
def drops_one(x):
    return x[1:]
$$

statement error 36 Python function drops_one returned a list of 4 values for 5 rows
SELECT drops_one(n) FROM table(numbers)

statement ok
CREATE FUNCTION not_a_list(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
def not_a_list(x):
    return 42
$$

statement error 36 Python function not_a_list returned int 42
SELECT not_a_list(n) FROM table(numbers)

# a value that cannot be converted to the declared type: the type and the value's repr
statement ok
CREATE FUNCTION wrong_type(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
def wrong_type(x):
    return [v if v < 3 else 'many' for v in x]
$$

statement error 70 Failed to convert Python object to int64 'many'
SELECT wrong_type(n) FROM table(numbers)

statement ok
CREATE FUNCTION too_big(x int64) RETURNS int8 LANGUAGE PYTHON AS $$
def too_big(x):
    return [v * 100 for v in x]
$$

statement error 70 Failed to convert Python object to int8 200
SELECT too_big(n) FROM table(numbers)

statement ok
CREATE FUNCTION bad_date(x int64) RETURNS date LANGUAGE PYTHON AS $$
def bad_date(x):
    return ['tomorrow' for v in x]
$$

statement error 70 Failed to convert Python object to date 'tomorrow'
SELECT bad_date(n) FROM table(numbers)

statement ok
CREATE FUNCTION bad_array(x int64) RETURNS array(int64) LANGUAGE PYTHON AS $$
def bad_array(x):
    return [[v, 'x'] for v in x]
$$

statement error 70 Failed to convert Python object to array(int64) [1, 'x']
SELECT bad_array(n) FROM table(numbers)

# an exception fails the query with code 2800 and the traceback, lines counted from the $$ line
statement ok
CREATE FUNCTION raises(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
def check(v):
    if v == 4:
        raise ValueError('four is not allowed')
    return v

def raises(x):
    return [check(v) for v in x]
$$

statement error 2800 Python error in function raises: ValueError: four is not allowed
SELECT raises(n) FROM table(numbers)

statement error 2800 File "<function raises>", line 4, in check
SELECT raises(n) FROM table(numbers)

statement error 2800 File "<function raises>", line 8, in raises
SELECT n FROM table(numbers) WHERE raises(n) > 0

query
SELECT raises(n) FROM table(numbers) WHERE n != 4 ORDER BY n
----
1
2
3
5

# the engine stays usable after each failure
query
SELECT count() FROM table(numbers)
----
5

# ---- CREATE checks: nothing is created when they fail --------------------------------------------

statement error 62 Python error in the body of function syntax_error at line 3: SyntaxError: '[' was never closed
CREATE FUNCTION syntax_error(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
def syntax_error(x):
    return [v for v in x
$$

statement error 46 NameError: name 'missing_def' is not defined
CREATE FUNCTION missing_def(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
def other(x):
    return x
$$

statement error 36 Python function scalar_class is a class
CREATE FUNCTION scalar_class(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
class scalar_class:
    pass
$$

statement error 46 NameError: name 'missing_class' is not defined
CREATE AGGREGATE FUNCTION missing_class(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
class other:
    def process(self, values):
        pass
    def finalize(self):
        return 0
$$

statement error 36 Python aggregate function class no_finalize has no finalize method
CREATE AGGREGATE FUNCTION no_finalize(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
class no_finalize:
    def process(self, values):
        pass
$$

statement error 36 Python aggregate function class no_process has no process method
CREATE AGGREGATE FUNCTION no_process(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
class no_process:
    def finalize(self):
        return 0
$$

statement error 36 Python aggregate function def_aggregate must be a class
CREATE AGGREGATE FUNCTION def_aggregate(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
def def_aggregate(x):
    return x
$$

statement error 609 Function upper already exists: it is a built-in function
CREATE FUNCTION upper(x string) RETURNS string LANGUAGE PYTHON AS $$
def upper(x):
    return x
$$

statement error 609 Function count already exists: it is a built-in function
CREATE OR REPLACE AGGREGATE FUNCTION count(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
class count:
    def process(self, values):
        pass
    def finalize(self):
        return 0
$$

statement error 62 Syntax error at line 1, column 52 near 'AS': expected LANGUAGE
CREATE FUNCTION no_language(x int64) RETURNS int64 AS $$
def no_language(x):
    return x
$$

statement error 48 Function language 'cobol' is not available
CREATE FUNCTION other_language(x int64) RETURNS int64 LANGUAGE COBOL AS $$
def other_language(x):
    return x
$$

statement error 15 Parameter x appears twice in function twin_parameters
CREATE FUNCTION twin_parameters(x int64, x int64) RETURNS int64 LANGUAGE PYTHON AS $$
def twin_parameters(x, y):
    return x
$$

statement error 50 Unknown data type
CREATE FUNCTION bad_type(x no_such_type) RETURNS int64 LANGUAGE PYTHON AS $$
def bad_type(x):
    return x
$$

# a failed CREATE creates nothing
query
SELECT count() FROM system.functions WHERE name IN ('syntax_error', 'missing_def', 'scalar_class', 'missing_class',
    'no_finalize', 'no_process', 'def_aggregate', 'no_language', 'other_language', 'twin_parameters', 'bad_type')
----
0

query
SELECT name, is_aggregate, origin FROM system.functions WHERE name IN ('upper', 'count') ORDER BY name
----
count	true	builtin
upper	false	builtin

# ---- duplicates, OR REPLACE, DROP ----------------------------------------------------------------

statement ok
CREATE FUNCTION version(x int64) RETURNS string LANGUAGE PYTHON AS $$
def version(x):
    return ['first'] * len(x)
$$

statement error 609 User-defined function version already exists (use CREATE OR REPLACE FUNCTION to change it)
CREATE FUNCTION version(x int64) RETURNS string LANGUAGE PYTHON AS $$
def version(x):
    return ['second'] * len(x)
$$

query
SELECT version(1)
----
first

statement ok
CREATE OR REPLACE FUNCTION version(x int64) RETURNS string LANGUAGE PYTHON AS $$
def version(x):
    return ['second %d' % v for v in x]
$$

query
SELECT version(7)
----
second 7

# OR REPLACE may change the kind, the parameters and the result type
statement ok
CREATE OR REPLACE AGGREGATE FUNCTION version(x int64, y int64) RETURNS int64 LANGUAGE PYTHON AS $$
class version:
    def __init__(self):
        self.total = 0
    def process(self, x, y):
        self.total += sum(x) * 10 + sum(y)
    def finalize(self):
        return self.total
$$

query
SELECT version(n, 1) FROM table(numbers)
----
155

# a failed OR REPLACE keeps the old function
statement error 62 Python error in the body of function version at line 2: SyntaxError: expected ':'
CREATE OR REPLACE FUNCTION version(x int64) RETURNS string LANGUAGE PYTHON AS $$
def version(x)
    return x
$$

query
SELECT version(n, 2) FROM table(numbers)
----
160

# SHOW FUNCTIONS lists the same rows as system.functions (name, is_aggregate, origin)
statement ok
SHOW FUNCTIONS

query
SELECT name, is_aggregate, origin FROM system.functions WHERE name IN ('version', 'raises', 'count', 'upper') ORDER BY name
----
count	true	builtin
raises	false	user
upper	false	builtin
version	true	user

statement ok
DROP FUNCTION version

statement error 46 Unknown function version
SELECT version(1)

statement error 46 Function version doesn't exist
DROP FUNCTION version

statement ok
DROP FUNCTION IF EXISTS version

statement error 610 Cannot drop function upper: it is a built-in function
DROP FUNCTION upper

statement error 610 Cannot drop function upper: it is a built-in function
DROP FUNCTION IF EXISTS upper

# a dropped name can be created again
statement ok
CREATE FUNCTION version(x int64) RETURNS string LANGUAGE PYTHON AS $$
def version(x):
    return ['third'] * len(x)
$$

query
SELECT version(1)
----
third

# ---- aggregates: one instance per group, process per chunk and group, finalize per group --------

statement ok
CREATE AGGREGATE FUNCTION py_mean(v nullable(float64)) RETURNS nullable(float64) LANGUAGE PYTHON AS $$
class py_mean:
    def __init__(self):
        self.total = 0.0
        self.count = 0

    def process(self, values):
        for x in values:
            if x is not None:
                self.total += x
                self.count += 1

    def finalize(self):
        return self.total / self.count if self.count else None

    def serialize(self):
        return '%r,%d' % (self.total, self.count)

    def deserialize(self, data):
        total, count = data.split(',')
        self.total = float(total)
        self.count = int(count)
$$

# several arguments; no serialize, so it cannot be used in a materialized view
statement ok
CREATE AGGREGATE FUNCTION py_weighted(v int64, w float64) RETURNS string LANGUAGE PYTHON AS $$
class py_weighted:
    def __init__(self):
        self.rows = []

    def process(self, v, w):
        assert type(v) is list and len(v) == len(w)
        self.rows.extend(zip(v, w))

    def finalize(self):
        return '%d rows, %g' % (len(self.rows), sum(a * b for a, b in self.rows))
$$

# per group
query
SELECT n % 2 AS odd, py_mean(n), py_weighted(n, 0.5) FROM table(numbers) GROUP BY odd ORDER BY odd
----
0	3	2 rows, 3
1	3	3 rows, 4.5

# global
query
SELECT py_mean(n), py_weighted(n, 2), count() FROM table(numbers)
----
3	5 rows, 30	5

# nulls arrive as None (here the function skips them); a group of only nulls finalizes to NULL
query
SELECT maybe IS NULL AS missing, py_mean(maybe), avg(maybe) FROM table(numbers) GROUP BY missing ORDER BY missing
----
false	30	30
true	NULL	NULL

# no rows: the global group's fresh instance is finalized; grouped, there are no groups
query
SELECT py_mean(n), py_weighted(n, 1) FROM table(numbers) WHERE n > 100
----
NULL	0 rows, 0

query
SELECT label, py_mean(n) FROM table(numbers) WHERE n > 100 GROUP BY label
----

# a scalar function as the GROUP BY key and inside the aggregate's argument
query
SELECT twice(n % 3) AS k, py_mean(twice(n)) FROM table(numbers) GROUP BY k ORDER BY k
----
0	6
2	5
4	7

# errors in an aggregate: an exception from process or finalize, a value finalize cannot convert
statement ok
CREATE AGGREGATE FUNCTION agg_raises(v int64) RETURNS int64 LANGUAGE PYTHON AS $$
class agg_raises:
    def process(self, values):
        if 3 in values:
            raise KeyError('three')

    def finalize(self):
        return 0
$$

statement error 2800 Python error in aggregate function agg_raises: KeyError: 'three'
SELECT agg_raises(n) FROM table(numbers)

query
SELECT agg_raises(n) FROM table(numbers) WHERE n != 3
----
0

statement ok
CREATE AGGREGATE FUNCTION agg_bad_result(v int64) RETURNS int64 LANGUAGE PYTHON AS $$
class agg_bad_result:
    def process(self, values):
        pass

    def finalize(self):
        return 'lots'
$$

statement error 70 Failed to convert Python object to int64 'lots'
SELECT agg_bad_result(n) FROM table(numbers)

# ---- INSERT ... SELECT through a function -------------------------------------------------------

statement ok
CREATE STREAM doubled (n int64, d int64, t string)

statement ok
INSERT INTO doubled (n, d, t) SELECT n, twice(n), py_weighted(n, 1) FROM table(numbers) GROUP BY n

query
SELECT n, d, t FROM table(doubled) ORDER BY n
----
1	2	1 rows, 1
2	4	1 rows, 2
3	6	1 rows, 3
4	8	1 rows, 4
5	10	1 rows, 5

# ---- streaming queries: a scalar per chunk as rows arrive; LIMIT ends them -------------------------

streaming s1
SELECT n, twice(n), label FROM numbers WHERE twice(n) > 10 LIMIT 3

statement ok
INSERT INTO numbers (n, label) VALUES (5, 'x'), (6, 'six')

statement ok
INSERT INTO numbers (n, label) VALUES (7, 'seven'), (1, 'y'), (8, 'eight')

results s1
----
6	12	six
7	14	seven
8	16	eight

# a streaming aggregate, emitted on every update
streaming s2
SELECT label, py_mean(n) FROM numbers WHERE label IN ('a', 'b') GROUP BY label EMIT ON UPDATE LIMIT 3

statement ok
INSERT INTO numbers (n, label) VALUES (1, 'a'), (3, 'a')

statement ok
INSERT INTO numbers (n, label) VALUES (10, 'b')

statement ok
INSERT INTO numbers (n, label) VALUES (5, 'a')

results s2 rowsort
----
a	2
b	10
a	3

# ---- aggregates in windows ------------------------------------------------------------------------

statement ok
CREATE STREAM clicks (user string, v int64, ts datetime64(3, 'UTC'))

statement ok
INSERT INTO clicks VALUES ('ann', 1, '2026-01-01 00:00:01'), ('bob', 2, '2026-01-01 00:00:04'), ('ann', 3, '2026-01-01 00:00:05'), ('ann', 4, '2026-01-01 00:00:22')

query
SELECT window_start, py_mean(v), py_weighted(v, 1) FROM tumble(table(clicks), ts, 5s) GROUP BY window_start ORDER BY window_start
----
2026-01-01 00:00:00.000	1.5	2 rows, 3
2026-01-01 00:00:05.000	3	1 rows, 3
2026-01-01 00:00:20.000	4	1 rows, 4

# streaming: a window is emitted when the watermark passes its end
streaming w1
SELECT window_start, user, py_mean(v), twice(count()) FROM tumble(clicks, ts, 5s) GROUP BY window_start, user LIMIT 3

statement ok
INSERT INTO clicks VALUES ('ann', 1, '2026-01-02 00:00:01'), ('bob', 5, '2026-01-02 00:00:02'), ('ann', 2, '2026-01-02 00:00:03')

statement ok
INSERT INTO clicks VALUES ('ann', 6, '2026-01-02 00:00:06')

statement ok
INSERT INTO clicks VALUES ('ann', 1, '2026-01-02 00:00:11')

results w1 rowsort
----
2026-01-02 00:00:00.000	ann	1.5	4
2026-01-02 00:00:00.000	bob	5	2
2026-01-02 00:00:05.000	ann	6	2

streaming w2
SELECT window_start, py_weighted(v, 1) FROM tumble(clicks, ts, 5s) GROUP BY window_start EMIT AFTER WINDOW CLOSE WITH DELAY 3s LIMIT 1

statement ok
INSERT INTO clicks VALUES ('ann', 1, '2026-01-03 00:00:01'), ('ann', 2, '2026-01-03 00:00:06'), ('bob', 4, '2026-01-03 00:00:04')

statement ok
INSERT INTO clicks VALUES ('ann', 8, '2026-01-03 00:00:08')

results w2
----
2026-01-03 00:00:00.000	2 rows, 5

streaming w3
SELECT window_start, user, py_mean(v) FROM tumble(clicks, ts, 1h) GROUP BY window_start, user EMIT ON UPDATE LIMIT 3

statement ok
INSERT INTO clicks VALUES ('cat', 2, '2026-01-04 00:00:01'), ('dan', 3, '2026-01-04 00:00:02')

statement ok
INSERT INTO clicks VALUES ('cat', 4, '2026-01-04 00:00:03')

results w3 rowsort
----
2026-01-04 00:00:00.000	cat	2
2026-01-04 00:00:00.000	dan	3
2026-01-04 00:00:00.000	cat	3

# ---- materialized views ---------------------------------------------------------------------------

statement ok
CREATE STREAM events (k string, v int64)

statement ok
CREATE MATERIALIZED VIEW events_twice AS SELECT k, twice(v) AS d FROM events

statement ok
CREATE MATERIALIZED VIEW events_mean AS SELECT k, py_mean(v) AS m FROM events GROUP BY k EMIT ON UPDATE

# an aggregate without serialize and deserialize cannot keep its state in a view's checkpoints
statement error 36 Materialized view events_weighted cannot keep its state in checkpoints: the Python class of aggregate function py_weighted has no serialize(self) and deserialize(self, data) methods
CREATE MATERIALIZED VIEW events_weighted AS SELECT k, py_weighted(v, 1) AS w FROM events GROUP BY k

streaming v1
SELECT k, d FROM events_twice LIMIT 3

streaming v2
SELECT k, m FROM events_mean LIMIT 2

statement ok
INSERT INTO events VALUES ('a', 1), ('b', 2), ('a', 4)

results v1 rowsort
----
a	2
b	4
a	8

results v2 rowsort
----
a	2.5
b	2

query rowsort
SELECT k, d FROM table(events_twice)
----
a	2
b	4
a	8

# while a view calls a function, the function cannot be dropped
statement error 610 Cannot drop function twice: materialized view events_twice calls it
DROP FUNCTION twice

statement error 610 Cannot drop function py_mean: materialized view events_mean calls it
DROP FUNCTION IF EXISTS py_mean

statement ok
DROP VIEW events_twice

statement ok
DROP VIEW events_mean

statement ok
DROP FUNCTION twice

# a running view keeps the function it was planned with: OR REPLACE changes new queries only,
# also after the view is paused and resumed
statement ok
CREATE FUNCTION tag(x int64) RETURNS string LANGUAGE PYTHON AS $$
def tag(x):
    return ['old %d' % v for v in x]
$$

statement ok
CREATE STREAM tag_source (v int64)

statement ok
CREATE MATERIALIZED VIEW tagged AS SELECT v, tag(v) AS t FROM tag_source

statement ok
INSERT INTO tag_source VALUES (1)

statement ok
CREATE OR REPLACE FUNCTION tag(x int64) RETURNS string LANGUAGE PYTHON AS $$
def tag(x):
    return ['new %d' % v for v in x]
$$

statement ok
INSERT INTO tag_source VALUES (2)

query
SELECT tag(3)
----
new 3

statement ok
SYSTEM PAUSE MATERIALIZED VIEW tagged

statement ok
SYSTEM RESUME MATERIALIZED VIEW tagged

statement ok
INSERT INTO tag_source VALUES (4)

query
SELECT v, t FROM tagged LIMIT 3 SETTINGS seek_to='earliest'
----
1	old 1
2	old 2
4	old 4

statement ok
DROP VIEW tagged

statement ok
DROP FUNCTION tag

# ---- 100,000 groups keyed by a function ------------------------------------------------------------

statement ok
CREATE EXTERNAL STREAM many_source (x int64) AS $$
def many_source():
    return [(i,) for i in range(120000)]
$$ SETTINGS type='python', mode='batch'

statement ok
CREATE STREAM many (x int64)

statement ok
INSERT INTO many (x) SELECT x FROM table(many_source)

query
SELECT count(), sum(x) FROM table(many)
----
120000	7199940000

statement ok
CREATE FUNCTION bucket(x int64) RETURNS int64 LANGUAGE PYTHON AS $$
def bucket(x):
    return [v * 7919 % 100003 for v in x]
$$

# x * 7919 % 100003 maps 0..100002 onto every residue once, and 100003..119999 onto residues
# again: 100,003 groups (keys summing to 0 + ... + 100002), 19,997 of them with two rows
query
SELECT count(), sum(k), sum(c), max(c), sum(k * c) FROM (SELECT bucket(x) AS k, count() AS c FROM table(many) GROUP BY k)
----
100003	5000250003	120000	2	6000001562
