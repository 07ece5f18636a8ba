# Errors (SPEC 2): codes, texts, syntax positions; a failed statement changes nothing

statement ok
CREATE STREAM e (a int64, b string)

statement error 62 Syntax error at line 1, column 10 near 'FRM'
SELECT a FRM e

statement error 62 Syntax error at line 2, column 6 near 'FROM'
SELECT a
FROM FROM e

statement error 62 unterminated string literal
SELECT 'abc FROM e

statement error 62 Syntax error
CREATE STREAM (a int64)

statement error 47 Unknown identifier: c
SELECT c FROM table(e)

statement error 47 Unknown identifier: x.a
SELECT x.a FROM table(e)

statement error 43
SELECT a FROM table(e) WHERE b

statement error 48 External stream type 'mqtt' is not available
CREATE EXTERNAL STREAM p (raw string) SETTINGS type='mqtt', broker='tcp://localhost:1883', topic='t'

statement error 36 Setting 'type' is required
CREATE EXTERNAL STREAM k (raw string) SETTINGS brokers='localhost:9092'

statement error 48 Function language 'lua' is not available
CREATE FUNCTION f(x int64) RETURNS int64 LANGUAGE LUA AS $$
return x
$$

# nothing above created anything
query
SHOW STREAMS
----
e

statement ok
INSERT INTO e VALUES (1, 'x')

query
SELECT a, b FROM table(e)
----
1	x
