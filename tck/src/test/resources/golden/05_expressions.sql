# Expressions: operators, predicates, CASE, casts, string, math and time functions

query
SELECT 7 + 3, 7 - 10, 6 * 7, 7 / 2, 7 % 3, -(5)
----
10	-3	42	3.5	1	-5

query
SELECT 1 < 2, 2 <= 2, 3 > 4, 4 >= 5, 1 = 1, 1 != 1, 1 <> 2
----
true	true	false	false	true	false	true

query
SELECT true AND false, true OR false, NOT true, NULL AND false, NULL OR true
----
false	true	false	false	true

query
SELECT 3 BETWEEN 1 AND 5, 7 NOT BETWEEN 1 AND 5, 2 IN (1, 2), 'z' NOT IN ('a', 'b')
----
true	true	true	true

query
SELECT 'hello' LIKE 'he%', 'hello' LIKE 'h_llo', 'Hello' ILIKE 'hello', 'abc' NOT LIKE '%d'
----
true	true	true	true

query
SELECT NULL IS NULL, 1 IS NULL, 1 IS NOT NULL
----
true	false	true

query
SELECT CASE WHEN 1 > 2 THEN 'a' WHEN 2 > 1 THEN 'b' ELSE 'c' END, CASE 3 WHEN 1 THEN 'one' WHEN 3 THEN 'three' END
----
b	three

query
SELECT if(1 < 2, 'yes', 'no'), if(1 > 2, 10, 20)
----
yes	20

query
SELECT CAST('42' AS int64) + 1, CAST(3.7 AS int32), to_int64('17'), to_string(12), to_float64('2.5')
----
43	3	17	12	2.5

query
SELECT cast(1 AS bool), '12'::int32 * 2, to_decimal('1.25', 2) + 1
----
true	24	2.25

query
SELECT length('hello'), lower('MiXeD'), upper('MiXeD'), concat('a', 'b', 'c'), 'x' || 'y'
----
5	mixed	MIXED	abc	xy

query
SELECT substring('streaming', 1, 6), substring('streaming', 7), starts_with('brook', 'br'), ends_with('brook', 'ok')
----
stream	ing	true	true

query
SELECT trim('  pad  '), empty(''), not_empty('a'), length('héllo')
----
pad	true	true	6

query
SELECT abs(-3), round(2.567, 2), round(2.5), round(3.5), floor(2.7), ceil(2.1), sqrt(16)
----
3	2.57	2	4	2	3	4

query
SELECT to_datetime('2024-03-04 05:06:07'), to_start_of_minute(to_datetime('2024-03-04 05:06:07'))
----
2024-03-04 05:06:07	2024-03-04 05:06:00

query
SELECT to_start_of_hour(to_datetime('2024-03-04 05:06:07')), to_start_of_day(to_datetime('2024-03-04 05:06:07'))
----
2024-03-04 05:00:00	2024-03-04 00:00:00

query
SELECT earliest_ts()
----
1970-01-01 00:00:00.000

query
SELECT to_datetime('2024-03-04 05:06:07') + INTERVAL 2 DAY, to_datetime('2024-03-04 05:06:07') - 1h
----
2024-03-06 05:06:07	2024-03-04 04:06:07

query
SELECT now() > to_datetime('2020-01-01 00:00:00'), now64() > now() - 2d
----
true	true

query
SELECT coalesce(NULL, 2), if_null(NULL, 'x'), is_null(NULL)
----
2	x	true

statement error 153
SELECT 1 % 0

statement error 46 Unknown function no_such_function
SELECT no_such_function(1)

statement error 42
SELECT length('a', 'b')

statement error 43
SELECT lower(5)

statement error 6
SELECT to_int64('abc')
