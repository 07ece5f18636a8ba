# Bounded SELECT: projections, WHERE, ORDER BY, LIMIT/OFFSET, DISTINCT, subqueries (SPEC 1.4-1.5)

statement ok
CREATE STREAM s (id int64, host string, value float64)

statement ok
INSERT INTO s (id, host, value) VALUES (1, 'a', 1.5), (2, 'b', 2.5), (3, 'a', 4), (4, 'c', -1), (5, 'b', 10)

query
SELECT id, host, value FROM table(s) ORDER BY id
----
1	a	1.5
2	b	2.5
3	a	4
4	c	-1
5	b	10

query
SELECT id FROM table(s) WHERE value > 2 ORDER BY id DESC
----
5
3
2

query
SELECT id, value * 2 AS doubled, value + id FROM table(s) WHERE host = 'a' ORDER BY id
----
1	3	2.5
3	8	7

query
SELECT id FROM table(s) ORDER BY id LIMIT 2
----
1
2

query
SELECT id FROM table(s) ORDER BY id LIMIT 2 OFFSET 2
----
3
4

query
SELECT id FROM table(s) ORDER BY id LIMIT 3, 1
----
4

query
SELECT DISTINCT host FROM table(s) ORDER BY host
----
a
b
c

query
SELECT * EXCEPT (_tp_time) FROM table(s) WHERE id = 2
----
2	b	2.5

query
SELECT * except _tp_time FROM table(s) WHERE id = 2
----
2	b	2.5

query
SELECT t.id FROM (SELECT id, value FROM table(s) WHERE value > 2) AS t ORDER BY t.id
----
2
3
5

query
SELECT big FROM (SELECT id * 100 AS big FROM table(s)) WHERE big >= 300 ORDER BY big
----
300
400
500

query
SELECT host, value FROM table(s) ORDER BY host, value DESC
----
a	4
a	1.5
b	10
b	2.5
c	-1

query
SELECT id FROM table(s) ORDER BY value * -1 LIMIT 1
----
5

query
SELECT 1 + 2, 'x'
----
3	x

query
SELECT id FROM table(s) WHERE id IN (1, 3, 99) ORDER BY 1
----
1
3

query
SELECT count() FROM table(s) SETTINGS max_block_size=2
----
5

statement error 47 Unknown identifier: nope
SELECT nope FROM table(s)

statement error 60 Stream missing doesn't exist
SELECT * FROM table(missing)

statement error 115 Unknown setting no_such_setting
SELECT * FROM table(s) SETTINGS no_such_setting=1

statement error 471
SELECT * FROM table(s) SETTINGS query_mode='sometimes'

statement error 36 ORDER BY needs a bounded query
SELECT id FROM s ORDER BY id
