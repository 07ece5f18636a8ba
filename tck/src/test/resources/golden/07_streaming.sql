# Streaming queries (SPEC 1.4-1.7): unbounded reads, LIMIT, replay, emit

statement ok
CREATE STREAM events (id int64, kind string)

statement ok
INSERT INTO events VALUES (1, 'old'), (2, 'old')

# A streaming query sees only rows appended after it starts
streaming q1
SELECT id, kind FROM events LIMIT 3

statement ok
INSERT INTO events VALUES (3, 'new'), (4, 'new')

statement ok
INSERT INTO events VALUES (5, 'new')

results q1
----
3	new
4	new
5	new

# _tp_time > earliest_ts() replays stored rows, then follows
streaming q2
SELECT id FROM events WHERE _tp_time > earliest_ts() LIMIT 6

statement ok
INSERT INTO events VALUES (6, 'later')

results q2
----
1
2
3
4
5
6

# seek_to='earliest' does the same explicitly
query
SELECT id FROM events LIMIT 2 SETTINGS seek_to='earliest'
----
1
2

# a lower time bound in the far past also replays
query
SELECT id FROM events WHERE _tp_time > now() - 2d LIMIT 1
----
1

# so does a bound written as text, read as a UTC time
query
SELECT id FROM events WHERE _tp_time > '2000-01-01 00:00:00' LIMIT 1
----
1

# query_mode='table' makes the query bounded
query
SELECT count() FROM events SETTINGS query_mode='table'
----
6

# filters and projections on a streaming query
streaming q3
SELECT id * 10, upper(kind) FROM events WHERE kind = 'hot' LIMIT 2

statement ok
INSERT INTO events VALUES (7, 'cold'), (8, 'hot'), (9, 'cold'), (10, 'hot')

results q3
----
80	HOT
100	HOT

# EMIT ON UPDATE: a global aggregation emits after each batch that changed it
streaming q4
SELECT count(), sum(id) FROM events EMIT ON UPDATE LIMIT 2

statement ok
INSERT INTO events VALUES (100, 'x')

statement ok
INSERT INTO events VALUES (200, 'x'), (300, 'x')

results q4
----
1	100
3	600

# Default emit: running result every 2 s when new rows arrived
streaming q5
SELECT count() FROM events LIMIT 1

statement ok
INSERT INTO events VALUES (1, 'a'), (2, 'b')

results q5
----
2

# EMIT PERIODIC with grouping
streaming q6
SELECT kind, count() FROM events WHERE kind IN ('p', 'q') GROUP BY kind EMIT PERIODIC 200ms LIMIT 2

statement ok
INSERT INTO events VALUES (1, 'p'), (2, 'q'), (3, 'p')

results q6 rowsort
----
p	2
q	1

# a query timeout ends a streaming query with code 394
streaming q7
SELECT id FROM events SETTINGS max_execution_time=0.3

results q7 error 394 Query was cancelled

# EMIT PERIODIC ... REPEAT emits even when no new rows arrived
statement ok
CREATE STREAM quiet (v int64)

streaming q8
SELECT count(), sum(v) FROM quiet EMIT PERIODIC 100ms REPEAT LIMIT 3

results q8
----
0	0
0	0
0	0

# without REPEAT, nothing is emitted until rows arrive
streaming q9
SELECT count() FROM quiet EMIT PERIODIC 100ms LIMIT 1

statement ok
INSERT INTO quiet VALUES (5)

results q9
----
1
