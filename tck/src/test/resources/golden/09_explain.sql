# EXPLAIN prints the operator pipeline, source first. A global aggregation (no GROUP BY) takes
# the WHERE predicate into itself; an aggregation by keys keeps a filter in front.

statement ok
CREATE STREAM x (host string, value float64)

query
EXPLAIN SELECT host, sum(value) FROM table(x) WHERE value > 1 GROUP BY host
----
Bounded query -> 2 columns
  Source: scan x from earliest, split between up to max_threads threads
    Filter (value > 1)
    Aggregate by (host) (sum(value)), emit on finish, each thread its share, then merged
  Project (host, sum(value))

# any() depends on which row comes first, so its state does not merge: one thread
query
EXPLAIN SELECT host, any(value) FROM table(x) GROUP BY host
----
Bounded query -> 2 columns
  Source: scan x from earliest
  Aggregate by (host) (any(value)), emit on finish
  Project (host, any(value))

query
EXPLAIN SELECT count() FROM x WHERE _tp_time > earliest_ts() EMIT PERIODIC 1s LIMIT 1
----
Streaming query -> 1 columns
  Source: tail x from earliest
  Aggregate (count()) where (_tp_time > '1970-01-01 00:00:00.000'), emit periodic 1000ms
  Project (count())
  Limit 1

query
EXPLAIN SELECT host FROM x
----
Streaming query -> 1 columns
  Source: tail x from latest
  Project (host)

query
EXPLAIN SELECT _tp_sn, host FROM table(x) ORDER BY host DESC LIMIT 5
----
Bounded query -> 2 columns
  Source: scan x from earliest with _tp_sn
  TopN 5 (host DESC)
  Project (_tp_sn, host)
  Limit 5
