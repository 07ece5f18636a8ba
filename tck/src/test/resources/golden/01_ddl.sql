# CREATE / DROP / SHOW / DESCRIBE (SPEC 1.1)

statement ok
CREATE STREAM metrics (host string, value float64, ok bool DEFAULT true)

query
SHOW STREAMS
----
metrics

query
DESCRIBE metrics
----
host	string	(empty)	(empty)	(empty)
value	float64	(empty)	(empty)	(empty)
ok	bool	DEFAULT	TRUE	(empty)
_tp_time	datetime64(3, 'UTC')	DEFAULT	now64(3, 'UTC')	(empty)

query
DESC metrics
----
host	string	(empty)	(empty)	(empty)
value	float64	(empty)	(empty)	(empty)
ok	bool	DEFAULT	TRUE	(empty)
_tp_time	datetime64(3, 'UTC')	DEFAULT	now64(3, 'UTC')	(empty)

statement error 57 Stream metrics already exists
CREATE STREAM metrics (a int64)

statement ok
CREATE STREAM IF NOT EXISTS metrics (a int64)

# IF NOT EXISTS kept the original definition
query
SELECT count() FROM system.streams WHERE name = 'metrics' AND columns = 4
----
1

statement ok
create stream Mixed_Case (A int32, a int32)

query rowsort
show streams
----
Mixed_Case
metrics

statement error 60 Stream mixed_case doesn't exist
DROP STREAM mixed_case

statement ok
DROP STREAM Mixed_Case

statement ok
DROP STREAM IF EXISTS Mixed_Case

statement error 60 Stream nope doesn't exist
DROP STREAM nope

statement error 60 Stream nope doesn't exist
DESCRIBE nope

statement error 44 Column name _tp_time is reserved
CREATE STREAM bad (_tp_time datetime64(3))

statement error 44 Column name _tp_sn is reserved
CREATE STREAM bad (a int64, _tp_sn int64)

statement error 15 Column a is declared twice
CREATE STREAM bad (a int64, a string)

statement error 50 Unknown data type family: integr
CREATE STREAM bad (a integr)

statement error 115 Unknown setting retention: for storage Stream
CREATE STREAM bad (a int64) SETTINGS retention=5

statement error 471 Invalid value 'soon' for setting logstore_retention_ms
CREATE STREAM bad (a int64) SETTINGS logstore_retention_ms='soon'

statement error 81 Database other doesn't exist
CREATE STREAM other.bad (a int64)

# A failed CREATE changed nothing
query
SHOW STREAMS
----
metrics

statement ok
CREATE STREAM default.qualified (a int64) SETTINGS logstore_retention_ms=3600000, logstore_retention_bytes=1000000

query rowsort
SELECT name FROM system.streams WHERE database = 'default'
----
metrics
qualified

query rowsort
SHOW DATABASES
----
default
system

# USE changes where unqualified names in FROM are found
statement ok
USE system

query
SELECT name FROM databases ORDER BY name
----
default
system

statement ok
USE default

query
SELECT count() FROM table(metrics)
----
0

statement error 81 Database nowhere doesn't exist
USE nowhere
