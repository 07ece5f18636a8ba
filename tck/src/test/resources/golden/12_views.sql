# Materialized views (SPEC 5.1): a streaming query that runs in the background until DROP VIEW

statement ok
CREATE STREAM orders (id int64, item string, qty int32)

statement ok
CREATE STREAM big_orders (id int64, item string, note string DEFAULT 'big')

statement ok
CREATE MATERIALIZED VIEW big INTO big_orders AS SELECT id, item FROM orders WHERE qty >= 10

# results go to the target by name (note gets its DEFAULT); the view starts at the end of orders
streaming q1
SELECT id, item, note FROM big_orders LIMIT 2

statement ok
INSERT INTO orders VALUES (1, 'pen', 5), (2, 'ink', 12), (3, 'pad', 30)

results q1
----
2	ink	big
3	pad	big

# without INTO the view owns a stream: SELECT * FROM view tails it, table(view) reads it
statement ok
CREATE MATERIALIZED VIEW item_counts AS SELECT item, count() AS n, sum(qty) AS total FROM orders GROUP BY item EMIT ON UPDATE

streaming q2
SELECT item, n, total FROM item_counts LIMIT 2

statement ok
INSERT INTO orders VALUES (4, 'pen', 1), (5, 'ink', 2)

results q2 rowsort
----
ink	1	2
pen	1	1

query rowsort
SELECT item, n FROM table(item_counts)
----
ink	1
pen	1

query
DESCRIBE item_counts
----
item	string	(empty)	(empty)	(empty)
n	uint64	(empty)	(empty)	(empty)
total	int64	(empty)	(empty)	(empty)

query
SHOW MATERIALIZED VIEWS
----
big
item_counts

# a view with INTO reads as its target
query
SELECT id FROM table(big) ORDER BY id
----
2
3

# rows inserted while a view is paused arrive after it resumes
statement ok
SYSTEM PAUSE MATERIALIZED VIEW big

statement ok
INSERT INTO orders VALUES (6, 'cap', 50)

query
SELECT name, state, target, last_error FROM system.materialized_views ORDER BY name
----
big	paused	big_orders	(empty)
item_counts	running	item_counts	(empty)

streaming q3
SELECT id, item FROM big_orders LIMIT 2

statement ok
SYSTEM RESUME MATERIALIZED VIEW big

statement ok
SYSTEM PAUSE MATERIALIZED VIEW big

statement ok
INSERT INTO orders VALUES (7, 'mug', 70)

statement ok
SYSTEM UNPAUSE MATERIALIZED VIEW big

results q3
----
6	cap
7	mug

# pause_on_start: created paused, reads from where it was created once resumed
statement ok
CREATE MATERIALIZED VIEW later AS SELECT id FROM orders SETTINGS pause_on_start=true, checkpoint_interval=1

statement ok
INSERT INTO orders VALUES (8, 'box', 1)

query
SELECT state FROM system.materialized_views WHERE name = 'later'
----
paused

statement ok
SYSTEM RESUME MATERIALIZED VIEW later

query
SELECT id FROM later LIMIT 1 SETTINGS seek_to='earliest'
----
8

# what CREATE refuses, changing nothing
statement error 16 No such column qty in stream big_orders
CREATE MATERIALIZED VIEW bad INTO big_orders AS SELECT id, qty FROM orders

statement error 60 Stream nowhere doesn't exist
CREATE MATERIALIZED VIEW bad INTO nowhere AS SELECT id FROM orders

statement error 36 A materialized view needs a streaming query
CREATE MATERIALIZED VIEW bad AS SELECT id FROM table(orders)

statement error 36 A materialized view cannot have LIMIT
CREATE MATERIALIZED VIEW bad AS SELECT id FROM orders LIMIT 5

statement error 115 Unknown setting nope
CREATE MATERIALIZED VIEW bad AS SELECT id FROM orders SETTINGS nope=1

statement error 471 Invalid value '0' for setting checkpoint_interval
CREATE MATERIALIZED VIEW bad AS SELECT id FROM orders SETTINGS checkpoint_interval=0

statement error 471 Invalid value 'sometimes' for setting pause_on_start
CREATE MATERIALIZED VIEW bad AS SELECT id FROM orders SETTINGS pause_on_start='sometimes'

statement error 44 Column name _tp_sn is reserved
CREATE MATERIALIZED VIEW bad AS SELECT id, _tp_sn FROM orders

statement error 57 Stream big already exists
CREATE MATERIALIZED VIEW big AS SELECT id FROM orders

statement ok
CREATE MATERIALIZED VIEW IF NOT EXISTS big AS SELECT id FROM orders

query
SELECT count() FROM system.materialized_views
----
3

# views and the streams they use are dropped in order, each with its own statement
statement error 36 big is a materialized view: use DROP VIEW big
DROP STREAM big

statement error 36 big_orders is not a materialized view: use DROP STREAM big_orders
DROP VIEW big_orders

statement error 36 Stream orders is used by materialized view
DROP STREAM orders

statement error 36 Cannot write into materialized view item_counts
INSERT INTO item_counts (item) VALUES ('x')

statement error 60 Stream nope doesn't exist
SYSTEM PAUSE MATERIALIZED VIEW nope

statement ok
DROP VIEW big

statement ok
DROP VIEW IF EXISTS big

statement error 60 Stream big doesn't exist
DROP VIEW big

statement ok
DROP VIEW item_counts

statement ok
DROP VIEW later

statement error 60 Stream item_counts doesn't exist
SELECT * FROM table(item_counts)

statement ok
DROP STREAM orders

query
SELECT count() FROM system.materialized_views
----
0

# a windowed view: each window reaches the view's stream once, when the watermark closes it;
# late rows are dropped and counted in system.materialized_views
statement ok
CREATE STREAM taps (device string, at datetime64(3, 'UTC'))

statement ok
CREATE MATERIALIZED VIEW taps_per_10s AS SELECT window_start, device, count() AS n FROM tumble(taps, at, 10s) GROUP BY window_start, device

streaming q4
SELECT window_start, device, n FROM taps_per_10s LIMIT 3

statement ok
INSERT INTO taps VALUES ('d1', '2026-02-01 00:00:01'), ('d2', '2026-02-01 00:00:02'), ('d1', '2026-02-01 00:00:09')

statement ok
INSERT INTO taps VALUES ('d1', '2026-02-01 00:00:12'), ('d2', '2026-02-01 00:00:05')

statement ok
INSERT INTO taps VALUES ('d2', '2026-02-01 00:00:25')

results q4 rowsort
----
2026-02-01 00:00:00.000	d1	2
2026-02-01 00:00:00.000	d2	1
2026-02-01 00:00:10.000	d1	1

query
SELECT late_rows FROM system.materialized_views WHERE name = 'taps_per_10s'
----
1

statement ok
DROP VIEW taps_per_10s
