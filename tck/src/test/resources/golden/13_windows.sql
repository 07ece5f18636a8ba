# Windows (SPEC 1.8): tumble, hop and session over streams, bounded and streaming, with
# watermarks and emit policies. Windows are [window_start, window_end).

statement ok
CREATE STREAM clicks (user string, v int32, ts datetime64(3, 'UTC'))

statement ok
INSERT INTO clicks VALUES ('ann', 1, '2026-01-01 00:00:01'), ('bob', 2, '2026-01-01 00:00:04.999'), ('ann', 3, '2026-01-01 00:00:05'), ('ann', 4, '2026-01-01 00:00:22')

# a row exactly on a window's end belongs to the next window; windows without rows give nothing
query
SELECT window_start, window_end, count(), sum(v) FROM tumble(table(clicks), ts, 5s) GROUP BY window_start ORDER BY window_start
----
2026-01-01 00:00:00.000	2026-01-01 00:00:05.000	2	3
2026-01-01 00:00:05.000	2026-01-01 00:00:10.000	1	3
2026-01-01 00:00:20.000	2026-01-01 00:00:25.000	1	4

# grouping by window_start alone still allows window_end; other keys split each window
query
SELECT window_end, user, count() FROM tumble(table(clicks), ts, interval 5 second) GROUP BY window_start, user ORDER BY window_end, user
----
2026-01-01 00:00:05.000	ann	1
2026-01-01 00:00:05.000	bob	1
2026-01-01 00:00:10.000	ann	1
2026-01-01 00:00:25.000	ann	1

# every interval unit parses; a 1m window holds all four rows
query
SELECT window_start, count() FROM tumble(table(clicks), ts, 1m) GROUP BY window_start
----
2026-01-01 00:00:00.000	4

query
SELECT count() FROM tumble(table(clicks), ts, 1000ms) GROUP BY window_start ORDER BY window_start
----
1
1
1
1

query
SELECT window_start, count() FROM tumble(table(clicks), ts, 1h) GROUP BY window_start
----
2026-01-01 00:00:00.000	4

query
SELECT window_start, count() FROM tumble(table(clicks), ts, 1d) GROUP BY window_start
----
2026-01-01 00:00:00.000	4

# weeks start on Monday (2025-12-29)
query
SELECT window_start, window_end FROM tumble(table(clicks), ts, 1w) GROUP BY window_start
----
2025-12-29 00:00:00.000	2026-01-05 00:00:00.000

# hop: every window that holds a row counts it
query
SELECT window_start, window_end, count() FROM hop(table(clicks), ts, 5s, 10s) GROUP BY window_start ORDER BY window_start
----
2025-12-31 23:59:55.000	2026-01-01 00:00:05.000	2
2026-01-01 00:00:00.000	2026-01-01 00:00:10.000	3
2026-01-01 00:00:05.000	2026-01-01 00:00:15.000	1
2026-01-01 00:00:15.000	2026-01-01 00:00:25.000	1
2026-01-01 00:00:20.000	2026-01-01 00:00:30.000	1

# without aggregation, each row carries its window (once per window under hop)
query
SELECT * except _tp_time FROM tumble(table(clicks), ts, 5s) WHERE user = 'bob'
----
bob	2	2026-01-01 00:00:04.999	2026-01-01 00:00:00.000	2026-01-01 00:00:05.000

query rowsort
SELECT user, window_start FROM hop(table(clicks), ts, 5s, 10s) WHERE v = 3
----
ann	2026-01-01 00:00:00.000
ann	2026-01-01 00:00:05.000

# session: per user, rows closer than the idle gap; window_end is the last row plus the gap
query
SELECT user, window_start, window_end, count() FROM session(table(clicks), ts, 5s) GROUP BY user, window_start ORDER BY user, window_start
----
ann	2026-01-01 00:00:01.000	2026-01-01 00:00:10.000	2
ann	2026-01-01 00:00:22.000	2026-01-01 00:00:27.000	1
bob	2026-01-01 00:00:04.999	2026-01-01 00:00:09.999	1

# a max length of 3s splits ann's first session
query
SELECT user, window_start, window_end, count() FROM session(table(clicks), ts, 5s, 3s) WHERE user = 'ann' GROUP BY user, window_start ORDER BY window_start
----
ann	2026-01-01 00:00:01.000	2026-01-01 00:00:04.000	1
ann	2026-01-01 00:00:05.000	2026-01-01 00:00:08.000	1
ann	2026-01-01 00:00:22.000	2026-01-01 00:00:25.000	1

# windows follow the time column's zone: hours in Kolkata start at half past in UTC, days at
# local midnight (times below print as UTC)
statement ok
CREATE STREAM kolkata (v int32, ts datetime64(3, 'Asia/Kolkata'))

statement ok
INSERT INTO kolkata VALUES (1, '2026-01-01 10:10:00'), (2, '2026-01-01 10:50:00'), (3, '2026-01-01 11:05:00')

query
SELECT window_start, sum(v) FROM tumble(table(kolkata), ts, 1h) GROUP BY window_start ORDER BY window_start
----
2026-01-01 04:30:00.000	3
2026-01-01 05:30:00.000	3

query
SELECT window_start, sum(v) FROM tumble(table(kolkata), ts, 1d) GROUP BY window_start
----
2025-12-31 18:30:00.000	6

# streaming: a window is emitted once the watermark (largest time seen) reaches its end;
# a row for a closed window is late and dropped
streaming w1
SELECT window_start, user, count() FROM tumble(clicks, ts, 5s) GROUP BY window_start, user LIMIT 3

statement ok
INSERT INTO clicks VALUES ('ann', 1, '2026-01-02 00:00:01'), ('bob', 1, '2026-01-02 00:00:02'), ('ann', 1, '2026-01-02 00:00:03')

statement ok
INSERT INTO clicks VALUES ('ann', 1, '2026-01-02 00:00:06'), ('bob', 1, '2026-01-02 00:00:04')

statement ok
INSERT INTO clicks VALUES ('ann', 1, '2026-01-02 00:00:11')

results w1 rowsort
----
2026-01-02 00:00:00.000	ann	2
2026-01-02 00:00:00.000	bob	1
2026-01-02 00:00:05.000	ann	1

# WITH DELAY 3s: the watermark lags 3 s, so bob's row at 00:00:04 is still counted
streaming w2
SELECT window_start, count() FROM tumble(clicks, ts, 5s) GROUP BY window_start EMIT AFTER WINDOW CLOSE WITH DELAY 3s LIMIT 1

statement ok
INSERT INTO clicks VALUES ('ann', 1, '2026-01-03 00:00:01'), ('ann', 1, '2026-01-03 00:00:06'), ('bob', 1, '2026-01-03 00:00:04')

statement ok
INSERT INTO clicks VALUES ('ann', 1, '2026-01-03 00:00:08')

results w2
----
2026-01-03 00:00:00.000	2

# EMIT ON UPDATE: the groups each insert changed, with their running counts
streaming w3
SELECT window_start, user, count() FROM tumble(clicks, ts, 1h) GROUP BY window_start, user EMIT ON UPDATE LIMIT 3

statement ok
INSERT INTO clicks VALUES ('ann', 1, '2026-01-04 00:00:01'), ('bob', 1, '2026-01-04 00:00:02')

statement ok
INSERT INTO clicks VALUES ('ann', 1, '2026-01-04 00:00:03')

results w3
----
2026-01-04 00:00:00.000	ann	1
2026-01-04 00:00:00.000	bob	1
2026-01-04 00:00:00.000	ann	2

# EMIT TIMEOUT closes the last window of a source that went quiet
streaming w4
SELECT window_start, count() FROM tumble(clicks, ts, 1h) GROUP BY window_start EMIT TIMEOUT 200ms LIMIT 1

statement ok
INSERT INTO clicks VALUES ('ann', 1, '2026-01-05 00:00:01'), ('bob', 1, '2026-01-05 00:00:02')

results w4
----
2026-01-05 00:00:00.000	2

# a session closes once the watermark passes its last row plus the gap
streaming w5
SELECT user, window_start, window_end, count() FROM session(clicks, ts, 2s) GROUP BY user, window_start LIMIT 2

statement ok
INSERT INTO clicks VALUES ('ann', 1, '2026-01-06 00:00:00'), ('bob', 1, '2026-01-06 00:00:01'), ('ann', 1, '2026-01-06 00:00:01.500')

statement ok
INSERT INTO clicks VALUES ('ann', 1, '2026-01-06 00:00:05')

results w5 rowsort
----
ann	2026-01-06 00:00:00.000	2026-01-06 00:00:03.500	2
bob	2026-01-06 00:00:01.000	2026-01-06 00:00:03.000	1

query
EXPLAIN SELECT window_start, user, count() FROM tumble(clicks, ts, 5s) GROUP BY window_start, user EMIT AFTER WINDOW CLOSE WITH DELAY 1s
----
Streaming query -> 3 columns
  Source: tail clicks from latest
  Window aggregate tumble(ts, 5s) by (window_start, user, window_end) (count()), emit after window close with delay 1s
  Project (window_start, user, count())

statement error 36 The hop slide of hop() must not be longer than its window size
SELECT count() FROM hop(clicks, ts, 10s, 5s)

statement error 36 The window size of tumble() needs a fixed-length unit
SELECT count() FROM tumble(clicks, ts, interval 1 month)

statement error 43 The time column of tumble() must be datetime or datetime64, not string
SELECT count() FROM tumble(clicks, user, 5s)

statement error 36 A session window emits only after it closes
SELECT count() FROM session(clicks, ts, 5s) EMIT PERIODIC 1s

statement error 36 WHERE of a windowed aggregation cannot read window_start or window_end
SELECT count() FROM tumble(clicks, ts, 5s) WHERE window_end > now()

statement error 42 hop() takes a stream, an optional time column, a slide and a window size
SELECT count() FROM hop(clicks, ts, 5s)
