# INSERT ... VALUES and INSERT ... SELECT (SPEC 1.3)

statement ok
CREATE STREAM t (id int64, name string, score float64 DEFAULT 1.5, flag bool, n nullable(int32))

statement ok
INSERT INTO t VALUES (1, 'one', 10, true, 5), (2, 'two', 20.5, false, NULL)

statement ok
INSERT INTO t (id, name) VALUES (3, 'three')

statement ok
INSERT INTO t (name, id) VALUES ('four', 4)

query
SELECT id, name, score, flag, n FROM table(t) ORDER BY id
----
1	one	10	true	5
2	two	20.5	false	NULL
3	three	1.5	false	NULL
4	four	1.5	false	NULL

statement error 42 Number of values (2) doesn't match number of columns (5)
INSERT INTO t VALUES (5, 'five')

statement error 16 No such column nope in stream t
INSERT INTO t (id, nope) VALUES (5, 1)

statement error 60 Stream missing doesn't exist
INSERT INTO missing VALUES (1)

statement error 6
INSERT INTO t (id) VALUES ('not a number')

# none of the failed inserts wrote anything
query
SELECT count() FROM table(t)
----
4

statement ok
CREATE STREAM copy (id int64, label string)

statement ok
INSERT INTO copy (id, label) SELECT id * 10, concat(name, '!') FROM table(t) WHERE id <= 2

query
SELECT id, label FROM table(copy) ORDER BY id
----
10	one!
20	two!

# _tp_time can be given explicitly
statement ok
CREATE STREAM timed (v int32)

statement ok
INSERT INTO timed (v, _tp_time) VALUES (1, '2024-01-02 03:04:05.678'), (2, '2024-01-02 03:04:06')

query
SELECT v, _tp_time FROM table(timed) ORDER BY v
----
1	2024-01-02 03:04:05.678
2	2024-01-02 03:04:06.000

# _tp_sn counts rows in the log
query
SELECT v, _tp_sn FROM table(timed) ORDER BY v
----
1	0
2	1

statement ok
INSERT INTO timed VALUES (3), (-4)

query
SELECT v, _tp_sn FROM table(timed) ORDER BY _tp_sn
----
1	0
2	1
3	2
-4	3

# SELECT * leaves _tp_sn out
query
SELECT * FROM table(timed) WHERE v = 1
----
1	2024-01-02 03:04:05.678
