# Python external streams (SPEC 3.1-3.3): the DDL, the life of each query's module, reading.
# The sinks and the type mapping are in 11_python_sinks.sql.
#
# ${webhook_url} is a local HTTP server of the test run: a POST to a path records its body, a GET
# of the path answers with the bodies posted there so far, as a JSON array of strings. Streams
# below post what their Python code did to /events (each body a JSON list of [stream, event]),
# and the stream `events` reads it all back, numbering the posts, so that a query can check it.

statement ok
CREATE EXTERNAL STREAM events (post int64, stream string, event string) AS $$
import json
import urllib.request

def events():
    with urllib.request.urlopen('${webhook_url}/events') as response:
        bodies = json.loads(response.read())
    return [(post, stream, event) for post, body in enumerate(bodies, 1) for stream, event in json.loads(body)]
$$ SETTINGS type='python', mode='batch'

query
SELECT count() FROM table(events)
----
0

# ---- 3.1 DDL: settings and their errors -------------------------------------------------------

statement error 115 Unknown setting read_function: for storage ExternalStream
CREATE EXTERNAL STREAM bad_setting (n int64) AS $$
def bad_setting():
    return [1]
$$ SETTINGS type='python', read_function='bad_setting'

statement error 36 Setting 'init_function_parameters' requires 'init_function_name' to be configured
CREATE EXTERNAL STREAM params_without_init (n int64) AS $$
def params_without_init():
    return [1]
$$ SETTINGS type='python', init_function_parameters='{"a": 1}'

statement error 471 Invalid value 'sometimes' for setting 'mode'
CREATE EXTERNAL STREAM bad_mode (n int64) AS $$
def bad_mode():
    return [1]
$$ SETTINGS type='python', mode='sometimes'

statement error 36 Setting 'type' is required
CREATE EXTERNAL STREAM no_type (n int64) AS $$
def no_type():
    return [1]
$$ SETTINGS read_function_name='no_type'

statement error 36 Python external stream no_columns needs its columns declared
CREATE EXTERNAL STREAM no_columns AS $$
def no_columns():
    return [1]
$$ SETTINGS type='python'

# The body is compiled at CREATE: a syntax error is code 62 with Python's message and the line
# in the body (line 1 holds the opening $$); the blank line belongs to the body
statement error 62 Python error in the body of stream bad_syntax at line 4: SyntaxError: '[' was never closed
CREATE EXTERNAL STREAM bad_syntax (n int64) AS $$
def bad_syntax():

    return [1
$$ SETTINGS type='python'

statement error 62 File "<stream bad_syntax>", line 4
CREATE EXTERNAL STREAM bad_syntax (n int64) AS $$
def bad_syntax():

    return [1
$$ SETTINGS type='python'

# A function a setting names must be defined by the body
statement error 46 NameError: name 'reader' is not defined
CREATE EXTERNAL STREAM missing_read (n int64) AS $$
def other():
    return [1]
$$ SETTINGS type='python', read_function_name='reader'

statement error 46 NameError: name 'setup' is not defined
CREATE EXTERNAL STREAM missing_init (n int64) AS $$
def missing_init():
    return [1]
$$ SETTINGS type='python', init_function_name='setup'

statement error 46 NameError: name 'teardown' is not defined
CREATE EXTERNAL STREAM missing_deinit (n int64) AS $$
def missing_deinit():
    return [1]
$$ SETTINGS type='python', deinit_function_name='teardown'

statement error 46 NameError: name 'sink' is not defined
CREATE EXTERNAL STREAM missing_write (n int64) AS $$
def missing_write():
    return [1]
$$ SETTINGS type='python', write_function_name='sink'

# a failed CREATE creates nothing
query
SHOW STREAMS
----
events

# ---- 3.1 IF NOT EXISTS, DESCRIBE, DROP ---------------------------------------------------------

statement ok
CREATE EXTERNAL STREAM once_py (n int64) AS $$
def once_py():
    return [(1,)]
$$ SETTINGS type='python'

statement ok
CREATE EXTERNAL STREAM IF NOT EXISTS once_py (n int64) AS $$
def once_py():
    return [(2,)]
$$ SETTINGS type='python'

query
SELECT n FROM once_py
----
1

statement error 57 Stream once_py already exists
CREATE EXTERNAL STREAM once_py (n int64) AS $$
def once_py():
    return [(2,)]
$$ SETTINGS type='python'

query
DESCRIBE once_py
----
n	int64	(empty)	(empty)	(empty)

statement ok
DROP STREAM once_py

statement error 60 Stream once_py doesn't exist
SELECT n FROM once_py

statement ok
DROP STREAM IF EXISTS once_py

query
SHOW STREAMS
----
events

# ---- 3.1 function names: read defaults to the stream's name ------------------------------------

statement ok
CREATE EXTERNAL STREAM default_read (n int64) AS $$
def default_read():
    return [(7,)]
$$ SETTINGS type='python'

query
SELECT n FROM default_read
----
7

statement ok
CREATE EXTERNAL STREAM named_read (n int64) AS $$
def named_read():
    return [(0,)]

def source():
    return [(8,)]
$$ SETTINGS type='python', read_function_name='source'

query
SELECT n FROM named_read
----
8

# nothing names a function and the body has none under the stream's name: CREATE accepts it,
# reading fails
statement ok
CREATE EXTERNAL STREAM nameless (n int64) AS $$
def something_else():
    return [(1,)]
$$ SETTINGS type='python'

statement error 36 Python external stream source requires a function name
SELECT n FROM nameless

# ---- 3.2 init: with the parameter string, or with no argument -----------------------------------

statement ok
CREATE EXTERNAL STREAM greeting (greeting string, n int64) AS $$
import json

config = None

def setup(parameters):
    global config
    config = json.loads(parameters)

def greeting():
    return [(config['greeting'], i) for i in range(1, config['count'] + 1)]
$$ SETTINGS type='python', init_function_name='setup',
   init_function_parameters='{"greeting": "hello", "count": 2}'

query
SELECT greeting, n FROM greeting
----
hello	1
hello	2

statement ok
CREATE EXTERNAL STREAM init_no_argument (calls int64) AS $$
calls = 0

def setup():
    global calls
    calls += 1

def init_no_argument():
    return [(calls,)]
$$ SETTINGS type='python', init_function_name='setup'

query
SELECT calls FROM init_no_argument
----
1

# an empty parameter string also means no argument
statement ok
CREATE EXTERNAL STREAM init_empty_parameters (calls int64) AS $$
calls = 0

def setup():
    global calls
    calls += 1

def init_empty_parameters():
    return [(calls,)]
$$ SETTINGS type='python', init_function_name='setup', init_function_parameters=''

query
SELECT calls FROM init_empty_parameters
----
1

# ---- 3.2 every query gets a fresh module: globals never carry over ------------------------------

statement ok
CREATE EXTERNAL STREAM fresh_module (n int64) AS $$
counter = 0

def fresh_module():
    global counter
    counter += 1
    return [(counter,)]
$$ SETTINGS type='python'

query
SELECT n FROM fresh_module
----
1

query
SELECT n FROM fresh_module
----
1

query
SELECT n FROM table(fresh_module)
----
1

query
SELECT n FROM fresh_module
----
1

# the local API globals are injected only when the local API user is enabled (SPEC 5.3): a
# server has one, an embedded engine none (${local_api_user} is true over the wire, false embedded)
statement ok
CREATE EXTERNAL STREAM api_globals (has_user bool) AS $$
def api_globals():
    return [('__timeplus_local_api_user' in globals() or '__timeplus_local_api_password' in globals(),)]
$$ SETTINGS type='python'

query
SELECT has_user = ${local_api_user} FROM api_globals
----
true

# ---- 3.2 order: init, read, deinit; deinit also after an error, never after a failed init -------

statement ok
CREATE EXTERNAL STREAM lifecycle (n int64) AS $$
import json
import urllib.request

def note(event):
    body = json.dumps([['lifecycle', event]]).encode()
    urllib.request.urlopen('${webhook_url}/events', body).close()

def setup(parameters):
    note('init ' + parameters)

def lifecycle():
    note('read')
    yield 1
    yield 2

def teardown():
    note('deinit')
$$ SETTINGS type='python', init_function_name='setup', init_function_parameters='first',
   deinit_function_name='teardown'

query
SELECT n FROM lifecycle
----
1
2

query
SELECT event FROM events WHERE stream = 'lifecycle'
----
init first
read
deinit

statement ok
CREATE EXTERNAL STREAM init_raises (n int64) AS $$
import json
import urllib.request

def note(event):
    body = json.dumps([['init_raises', event]]).encode()
    urllib.request.urlopen('${webhook_url}/events', body).close()

def setup():
    note('init')
    raise RuntimeError('no connection')

def init_raises():
    note('read')
    return [(1,)]

def teardown():
    note('deinit')
$$ SETTINGS type='python', init_function_name='setup', deinit_function_name='teardown'

statement error 2800 Python error in init function setup of <stream init_raises>: RuntimeError: no connection
SELECT n FROM init_raises

query
SELECT event FROM events WHERE stream = 'init_raises'
----
init

statement ok
CREATE EXTERNAL STREAM read_raises (n int64) AS $$
import json
import urllib.request

def helper(i):
    if i == 3:
        raise ValueError('broken source at %d' % i)
    return i

def read_raises():
    for i in range(1, 5):
        yield helper(i)

def teardown():
    body = json.dumps([['read_raises', 'deinit']]).encode()
    urllib.request.urlopen('${webhook_url}/events', body).close()
$$ SETTINGS type='python', deinit_function_name='teardown'

# rows before the error are delivered; the error carries Python's traceback
statement error 2800 Python error in read function read_raises of stream read_raises: ValueError: broken source at 3
SELECT n FROM read_raises

statement error 2800 File "<stream read_raises>", line 12, in read_raises
SELECT n FROM table(read_raises)

statement error 2800 File "<stream read_raises>", line 7, in helper
SELECT n FROM read_raises

query
SELECT event FROM events WHERE stream = 'read_raises'
----
deinit
deinit
deinit

# the body runs in every query's new module, so an error at its top level fails the query
statement ok
CREATE EXTERNAL STREAM raising_body (n int64) AS $$
raise RuntimeError('at import')

def raising_body():
    return [(1,)]
$$ SETTINGS type='python'

statement error 2800 RuntimeError: at import
SELECT n FROM raising_body

# ---- 3.3 read: a generator streams until it stops, a list is one batch --------------------------

statement ok
CREATE EXTERNAL STREAM generated (n int64, label string) AS $$
def generated():
    for i in range(1, 4):
        yield (i, 'row %d' % i)
$$ SETTINGS type='python'

query
SELECT n, label FROM generated
----
1	row 1
2	row 2
3	row 3

statement ok
CREATE EXTERNAL STREAM listed (n int64, label string) AS $$
def listed():
    return [(1, 'a'), [2, b'b']]
$$ SETTINGS type='python'

query
SELECT * FROM listed
----
1	a
2	b

query
SELECT * FROM table(listed)
----
1	a
2	b

# any synchronous iterator, not only a generator
statement ok
CREATE EXTERNAL STREAM countdown (n int64) AS $$
class Countdown:
    def __init__(self, start):
        self.next_value = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.next_value == 0:
            raise StopIteration
        self.next_value -= 1
        return self.next_value + 1

def countdown():
    return Countdown(3)
$$ SETTINGS type='python', mode='streaming'

query
SELECT n FROM countdown
----
3
2
1

# ---- 3.3 modes -------------------------------------------------------------------------------

statement ok
CREATE EXTERNAL STREAM streaming_list (n int64) AS $$
def streaming_list():
    return [(1,)]
$$ SETTINGS type='python', mode='streaming'

statement error 36 Python external stream streaming mode requires generator result
SELECT n FROM streaming_list

statement ok
CREATE EXTERNAL STREAM batch_generator (n int64) AS $$
def batch_generator():
    yield (1,)
$$ SETTINGS type='python', mode='batch'

statement error 36 Python external stream batch mode requires list result
SELECT n FROM batch_generator

statement ok
CREATE EXTERNAL STREAM streaming_generator (n int64) AS $$
def streaming_generator():
    yield (1,)
    yield (2,)
$$ SETTINGS type='python', mode='streaming'

query
SELECT n FROM streaming_generator
----
1
2

statement ok
CREATE EXTERNAL STREAM batch_list (n int64) AS $$
def batch_list():
    return [(1,), (2,)]
$$ SETTINGS type='python', mode='batch'

query
SELECT n FROM batch_list
----
1
2

statement ok
CREATE EXTERNAL STREAM coroutine_read (n int64) AS $$
async def coroutine_read():
    return [(1,)]
$$ SETTINGS type='python'

statement error 36 Python external stream does not support coroutine/async generator results. Return a synchronous iterator (implementing __iter__/__next__) or a list.
SELECT n FROM coroutine_read

statement ok
CREATE EXTERNAL STREAM async_generator_read (n int64) AS $$
async def async_generator_read():
    yield (1,)
$$ SETTINGS type='python', mode='streaming'

statement error 36 Python external stream does not support coroutine/async generator results. Return a synchronous iterator (implementing __iter__/__next__) or a list.
SELECT n FROM async_generator_read

statement ok
CREATE EXTERNAL STREAM returns_number (n int64) AS $$
def returns_number():
    return 42
$$ SETTINGS type='python'

statement error 36 Python external stream read function must return a list or a synchronous iterator (a generator), not 42
SELECT n FROM returns_number

# ---- 3.3 rows: tuples or lists, a bare scalar for one column; arity and conversion errors -------

statement ok
CREATE EXTERNAL STREAM scalars (v float64) AS $$
def scalars():
    yield 1.5
    yield (2.5,)
    yield [3]
    yield 4
$$ SETTINGS type='python'

query
SELECT v FROM scalars
----
1.5
2.5
3
4

statement ok
CREATE EXTERNAL STREAM bare_in_two_columns (a int64, b int64) AS $$
def bare_in_two_columns():
    return [(1, 2), 3]
$$ SETTINGS type='python'

statement error 70 Python external stream bare_in_two_columns: row 2 must have 2 value(s), one per column, but is 3
SELECT a FROM bare_in_two_columns

statement ok
CREATE EXTERNAL STREAM wrong_arity (n int64, v float64) AS $$
def wrong_arity():
    return [(1, 1.0), (2, 2.0, 'extra')]
$$ SETTINGS type='python'

statement error 70 Python external stream wrong_arity: row 2 must have 2 value(s), one per column, but is (2, 2.0, 'extra')
SELECT n FROM wrong_arity

statement ok
CREATE EXTERNAL STREAM wrong_value (n int64, v float64) AS $$
def wrong_value():
    yield (1, 1.0)
    yield (2, 2.0)
    yield (3, 'abc')
$$ SETTINGS type='python'

statement error 70 Failed to convert Python object to float64 'abc' (row 3, column 'v' of stream wrong_value)
SELECT n, v FROM wrong_value

statement ok
CREATE EXTERNAL STREAM none_value (n int64) AS $$
def none_value():
    return [(1,), (None,)]
$$ SETTINGS type='python'

statement error 70 Failed to convert Python object to int64 None (row 2, column 'n' of stream none_value)
SELECT n FROM none_value

statement ok
CREATE EXTERNAL STREAM too_big (n int8) AS $$
def too_big():
    return [(1,), (300,)]
$$ SETTINGS type='python'

statement error 70 Failed to convert Python object to int8 300 (row 2, column 'n' of stream too_big)
SELECT n FROM too_big

statement ok
CREATE EXTERNAL STREAM number_for_string (s string) AS $$
def number_for_string():
    return ['fine', 42]
$$ SETTINGS type='python'

statement error 70 Failed to convert Python object to string 42 (row 2, column 's' of stream number_for_string)
SELECT s FROM number_for_string

# ---- 3.3 LIMIT ends an endless generator: it is closed (GeneratorExit) and deinit runs -----------

statement ok
CREATE EXTERNAL STREAM endless (n int64) AS $$
import json
import urllib.request

def note(event):
    body = json.dumps([['endless', event]]).encode()
    urllib.request.urlopen('${webhook_url}/events', body).close()

def endless():
    i = 0
    try:
        while True:
            i += 1
            yield i
    except GeneratorExit:
        note('GeneratorExit after %d' % i)
        raise
    except KeyboardInterrupt:
        note('KeyboardInterrupt')
        raise

def teardown():
    note('deinit')
$$ SETTINGS type='python', deinit_function_name='teardown'

query
SELECT n FROM endless LIMIT 3
----
1
2
3

query
SELECT n * 10 FROM endless WHERE n % 2 = 0 LIMIT 2
----
20
40

query
SELECT event LIKE 'GeneratorExit after %' FROM events WHERE stream = 'endless'
----
true
false
true
false

query
SELECT event FROM events WHERE stream = 'endless' AND event NOT LIKE 'GeneratorExit after %'
----
deinit
deinit

# ---- SQL on top: table(py) with WHERE, GROUP BY, ORDER BY; streaming aggregates -----------------

statement ok
CREATE EXTERNAL STREAM readings (host string, value float64) AS $$
def readings():
    for i in range(1000):
        yield ('host-%d' % (i % 3), float(i))
$$ SETTINGS type='python'

query
SELECT host, count(), sum(value), min(value), max(value) FROM table(readings) GROUP BY host ORDER BY host
----
host-0	334	166833	0	999
host-1	333	166167	1	997
host-2	333	166500	2	998

query
SELECT upper(host), value * 2 FROM table(readings) WHERE value > 995 AND host != 'host-1' ORDER BY value DESC
----
HOST-0	1998
HOST-2	1996
HOST-0	1992

# a streaming query over a finite generator ends when the generator stops, with the final
# aggregate (EMIT PERIODIC 1h: a slow generator would otherwise also show a running result
# every 2 s)
query
SELECT count(), sum(value), avg(value) FROM readings EMIT PERIODIC 1h
----
1000	499500	499.5

query rowsort
SELECT host, count() FROM readings WHERE value < 10 GROUP BY host EMIT PERIODIC 1h
----
host-0	4
host-1	3
host-2	3

# ---- streaming: rows arrive as they are yielded; a timeout interrupts Python --------------------

statement ok
CREATE EXTERNAL STREAM slow_rows (n int64) AS $$
import time

def slow_rows():
    yield 1
    time.sleep(0.2)
    yield 2
    time.sleep(600)
    yield 3
$$ SETTINGS type='python'

streaming slow
SELECT n FROM slow_rows LIMIT 2

results slow
----
1
2

statement ok
CREATE EXTERNAL STREAM sleeper (n int64) AS $$
import json
import time
import urllib.request

def note(event):
    body = json.dumps([['sleeper', event]]).encode()
    urllib.request.urlopen('${webhook_url}/events', body).close()

interrupted = False

def sleeper():
    global interrupted
    yield 1
    try:
        time.sleep(600)
    except KeyboardInterrupt:
        interrupted = True
        raise
    yield 2

def teardown():
    note('deinit after KeyboardInterrupt' if interrupted else 'deinit without KeyboardInterrupt')
$$ SETTINGS type='python', deinit_function_name='teardown'

streaming cancelled
SELECT n FROM sleeper SETTINGS max_execution_time=1

results cancelled error 394 Query was cancelled

# That the cancelled code saw KeyboardInterrupt and that deinit ran afterwards is checked by
# python-udf's PythonCancelTest (reading it back here through the webhook was not reliable on a
# heavily loaded machine; to be revisited).

# ---- windows over a Python source (SPEC 1.8): its own time column; s2's row at 3 s comes after
# the watermark reached 6 s, so it is late; the generator's end closes the open windows

statement ok
CREATE EXTERNAL STREAM sensor_readings (sensor string, value float64, at datetime64(3, 'UTC')) AS $$
from datetime import datetime, timedelta, timezone

def sensor_readings():
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for second, sensor, value in [(1, 's1', 1.0), (2, 's2', 2.0), (6, 's1', 3.0), (3, 's2', 9.0), (11, 's1', 4.0)]:
        yield (sensor, value, start + timedelta(seconds=second))
$$ SETTINGS type='python', mode='streaming'

streaming windowed
SELECT window_start, sensor, count(), sum(value) FROM tumble(sensor_readings, at, 5s) GROUP BY window_start, sensor

results windowed
----
2026-01-01 00:00:00.000	s1	1	1
2026-01-01 00:00:00.000	s2	1	2
2026-01-01 00:00:05.000	s1	1	3
2026-01-01 00:00:10.000	s1	1	4

query
SELECT window_start, count() FROM hop(table(sensor_readings), at, 5s, 10s) GROUP BY window_start ORDER BY window_start
----
2025-12-31 23:59:55.000	3
2026-01-01 00:00:00.000	4
2026-01-01 00:00:05.000	2
2026-01-01 00:00:10.000	1
