# EXPLAIN prints the operator pipeline

statement ok
CREATE STREAM x (host string, value float64)

query
EXPLAIN SELECT host, sum(value) FROM table(x) WHERE value > 1 GROUP BY host
----
Bounded query -> 2 columns
  Source: scan x from Earliest[]
