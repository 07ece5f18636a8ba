# Aggregates and GROUP BY (bounded)

statement ok
CREATE STREAM m (host string, value float64, n int32, tag nullable(string))

statement ok
INSERT INTO m VALUES ('a', 1, 1, 'x'), ('b', 2, 2, NULL), ('a', 3, 3, 'y'), ('b', 4, 4, 'x'), ('c', 5, 5, NULL)

query
SELECT count(), sum(value), avg(value), min(value), max(value) FROM table(m)
----
5	15	3	1	5

query
SELECT host, count(), sum(value), sum(n) FROM table(m) GROUP BY host ORDER BY host
----
a	2	4	4
b	2	6	6
c	1	5	5

query
SELECT count(tag), count(DISTINCT tag), uniq(host) FROM table(m)
----
3	2	3

query
SELECT host, max(n) AS top FROM table(m) GROUP BY host HAVING top > 3 ORDER BY host
----
b	4
c	5

query
SELECT host, sum(value) FROM table(m) GROUP BY 1 ORDER BY 2 DESC
----
b	6
c	5
a	4

query
SELECT tag, count() FROM table(m) GROUP BY tag ORDER BY tag
----
x	2
y	1
NULL	2

query
SELECT min(host), max(host), any(host) FROM table(m) WHERE host = 'b'
----
b	b	b

query
SELECT host, avg(n) * 2 FROM table(m) GROUP BY host ORDER BY host
----
a	4
b	6
c	10

query
SELECT count() FROM table(m) WHERE value > 100
----
0

query
SELECT host, count() FROM table(m) WHERE value > 100 GROUP BY host
----

query
SELECT n % 2 AS parity, count() FROM table(m) GROUP BY parity ORDER BY parity
----
0	2
1	3

statement error 215 Column value is not under aggregate function and not in GROUP BY
SELECT host, value FROM table(m) GROUP BY host

statement error 184
SELECT sum(count()) FROM table(m)

statement error 184
SELECT host FROM table(m) WHERE count() > 1

statement error 46 Unknown function no_such_agg
SELECT no_such_agg(value) FROM table(m)

# A WHERE under an aggregation without GROUP BY is evaluated inside the aggregation: rows that
# do not pass leave no trace (NaN, infinities, NULLs), a NULL condition is not true.
statement ok
CREATE STREAM w (k int32, v float64, n nullable(float64), c nullable(bool))

statement ok
INSERT INTO w VALUES (1, 1.5, 2, true), (0, to_float64('nan'), NULL, NULL), (-1, to_float64('inf'), to_float64('nan'), false), (2, 2, NULL, true), (0, to_float64('-inf'), 4, NULL)

query
SELECT count(), count(n), sum(v), sum(n), avg(v), min(v), max(v) FROM table(w) WHERE k > 0
----
2	1	3.5	2	1.75	1.5	2

query
SELECT count(), sum(v), sum(n), avg(n) FROM table(w) WHERE c
----
2	3.5	2	2

query
SELECT count(), sum(k) FROM table(w) WHERE n > 1
----
2	1

query
SELECT count(), sum(v), sum(n), avg(v) FROM table(w) WHERE k > 5
----
0	0	NULL	NaN

query
SELECT sum(v), count(), uniq(k) FROM table(w) WHERE v < 100
----
-Infinity	3	3
