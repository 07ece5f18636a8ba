# Every type of SPEC 1.9 stored and read back

statement ok
CREATE STREAM ints (a int8, b int16, c int32, d int64, e uint8, f uint16, g uint32, h uint64, i int)

statement ok
INSERT INTO ints VALUES (-128, -32768, -2147483648, -9223372036854775808, 255, 65535, 4294967295, 18446744073709551615, 7)

query
SELECT a, b, c, d, e, f, g, h, i FROM table(ints)
----
-128	-32768	-2147483648	-9223372036854775808	255	65535	4294967295	18446744073709551615	7

statement error 321
INSERT INTO ints (a) VALUES (200)

statement ok
CREATE STREAM floats (a float32, b float64, c float, d double, e decimal(10, 2), f decimal(38, 6))

statement ok
INSERT INTO floats VALUES (1.5, 2.25, -0.5, 1e3, 12345.67, -1.000001)

query
SELECT a, b, c, d, e, f FROM table(floats)
----
1.5	2.25	-0.5	1000	12345.67	-1.000001

statement ok
CREATE STREAM texts (a string, b fixed_string(4), c low_cardinality(string), d bool, e uuid)

statement ok
INSERT INTO texts VALUES ('héllo', 'ab', 'lc', true, '123e4567-e89b-12d3-a456-426614174000')

query
SELECT a, length(b), c, d, e FROM table(texts)
----
héllo	4	lc	true	123e4567-e89b-12d3-a456-426614174000

statement error 131
INSERT INTO texts (b) VALUES ('too long')

statement ok
CREATE STREAM times (a date, b date32, c datetime, d datetime64(3), e datetime64(6, 'UTC'))

statement ok
INSERT INTO times VALUES ('2024-02-29', '1900-01-01', '2024-02-29 23:59:59', '2024-02-29 23:59:59.123', '2024-02-29 23:59:59.123456')

query
SELECT a, b, c, d FROM table(times)
----
2024-02-29	1900-01-01	2024-02-29 23:59:59	2024-02-29 23:59:59.123

statement ok
CREATE STREAM nested (a array(int64), b map(string, int32), c tuple(int32, string), d nullable(float64), e array(string))

statement ok
INSERT INTO nested VALUES ([1, 2, 3], map('k', 1, 'l', 2), (7, 'seven'), NULL, ['x', 'y'])

query
SELECT a, b, c, d, e FROM table(nested)
----
[1,2,3]	{k:1,l:2}	[7,seven]	NULL	[x,y]

query
SELECT length(a) FROM table(nested)
----
3

# non-nullable columns take the type's zero value for NULL or when left out
statement ok
CREATE STREAM zeros (a int32, b string, c float64, d nullable(int32), e date)

statement ok
INSERT INTO zeros (a) VALUES (NULL)

query
SELECT a, b, c, d, e FROM table(zeros)
----
0	(empty)	0	NULL	1970-01-01
