# Message brokers (issue 7): the same SQL over a Kafka topic, a NATS JetStream stream and a Brook
# stream gives the same rows; views take a stream into a topic and a topic into a Python sink.
#
# The run starts a Kafka broker for ${kafka_brokers} and nats-server for ${nats_url}, only for a
# file that uses them, and first creates the topic of each `topic` setting here (one partition) and
# the JetStream stream of each `stream_name` setting (over the subjects NAME.>).
#
# The same cases for Pulsar are in connectors/pulsar-tests (golden-pulsar/16_pulsar.sql), which
# runs them with the Pulsar broker it starts.

statement ok
CREATE STREAM orders (id int64, item string, qty int32)

statement ok
CREATE EXTERNAL STREAM kafka_orders (id int64, item string, qty int32) SETTINGS type='kafka', brokers='${kafka_brokers}', topic='orders', one_message_per_row=true

statement ok
CREATE EXTERNAL STREAM nats_orders (id int64, item string, qty int32) SETTINGS type='nats_jetstream', url='${nats_url}', stream_name='ORDERS', subject='ORDERS.new', one_message_per_row=true

statement ok
INSERT INTO orders VALUES (1, 'pen', 5), (2, 'ink', 12), (3, 'pen', 30), (4, 'pad', 1)

statement ok
INSERT INTO kafka_orders VALUES (1, 'pen', 5), (2, 'ink', 12), (3, 'pen', 30), (4, 'pad', 1)

statement ok
INSERT INTO nats_orders VALUES (1, 'pen', 5), (2, 'ink', 12), (3, 'pen', 30), (4, 'pad', 1)

# ---- one query, three sources, the same rows ----------------------------------------------------

query rowsort
SELECT item, count() AS n, sum(qty) AS total FROM table(orders) GROUP BY item
----
ink	1	12
pad	1	1
pen	2	35

query rowsort
SELECT item, count() AS n, sum(qty) AS total FROM table(kafka_orders) GROUP BY item
----
ink	1	12
pad	1	1
pen	2	35

query rowsort
SELECT item, count() AS n, sum(qty) AS total FROM table(nats_orders) GROUP BY item
----
ink	1	12
pad	1	1
pen	2	35

# streaming reads from the start of each
streaming s1
SELECT id, item FROM orders WHERE qty >= 10 LIMIT 2 SETTINGS seek_to='earliest'

results s1
----
2	ink
3	pen

streaming k1
SELECT id, item FROM kafka_orders WHERE qty >= 10 LIMIT 2 SETTINGS seek_to='earliest'

results k1
----
2	ink
3	pen

streaming n1
SELECT id, item FROM nats_orders WHERE qty >= 10 LIMIT 2 SETTINGS seek_to='earliest'

results n1
----
2	ink
3	pen

# ---- views from a stream into a topic and into a JetStream stream -------------------------------

statement ok
CREATE EXTERNAL STREAM kafka_big (id int64, item string) SETTINGS type='kafka', brokers='${kafka_brokers}', topic='big_orders', one_message_per_row=true

statement ok
CREATE EXTERNAL STREAM nats_big (id int64, item string) SETTINGS type='nats_jetstream', url='${nats_url}', stream_name='BIG', subject='BIG.orders', one_message_per_row=true

statement ok
CREATE MATERIALIZED VIEW big_to_kafka INTO kafka_big AS SELECT id, item FROM orders WHERE qty >= 10

statement ok
CREATE MATERIALIZED VIEW big_to_nats INTO nats_big AS SELECT id, item FROM orders WHERE qty >= 10

streaming k2
SELECT id, item FROM kafka_big LIMIT 2 SETTINGS seek_to='earliest'

streaming n2
SELECT id, item FROM nats_big LIMIT 2 SETTINGS seek_to='earliest'

statement ok
INSERT INTO orders VALUES (5, 'cap', 50), (6, 'pen', 2), (7, 'ink', 20)

results k2
----
5	cap
7	ink

results n2
----
5	cap
7	ink

# ---- views from a topic and from a JetStream stream into Python sinks ---------------------------

# the sink posts each chunk it gets to the run's webhook as [[id, item], ...]
statement ok
CREATE EXTERNAL STREAM shipped (id int64, item string) AS $$
import json
import urllib.request

def shipped(id, item):
    rows = [[i, n.decode()] for i, n in zip(id, item)]
    request = urllib.request.Request('${webhook_url}/shipped', data=json.dumps(rows).encode(), method='POST')
    with urllib.request.urlopen(request) as response:
        assert response.status == 200
$$ SETTINGS type='python'

# what the sink posted, once at least `count` rows came (for at most 30 s)
statement ok
CREATE EXTERNAL STREAM shipped_rows (id int64, item string) AS $$
import json
import time
import urllib.request

def shipped_rows():
    count = 3
    rows = []
    for attempt in range(600):
        with urllib.request.urlopen('${webhook_url}/shipped') as response:
            rows = [tuple(row) for body in json.loads(response.read()) for row in json.loads(body)]
        if len(rows) >= count:
            break
        time.sleep(0.05)
    return rows
$$ SETTINGS type='python', mode='batch'

# the view reads the topic from its start: the topic's first run takes what is there already
statement ok
CREATE EXTERNAL STREAM kafka_orders_from_start (id int64, item string, qty int32) SETTINGS type='kafka', brokers='${kafka_brokers}', topic='orders', one_message_per_row=true, seek_to='earliest'

statement ok
CREATE MATERIALIZED VIEW ship INTO shipped AS SELECT id, item FROM kafka_orders_from_start WHERE qty >= 10

statement ok
INSERT INTO kafka_orders VALUES (8, 'cup', 40)

query rowsort
SELECT id, item FROM shipped_rows
----
2	ink
3	pen
8	cup

# the same from a JetStream stream, into a sink of its own that posts to its own path
statement ok
CREATE EXTERNAL STREAM nats_shipped (id int64, item string) AS $$
import json
import urllib.request

def nats_shipped(id, item):
    rows = [[i, n.decode()] for i, n in zip(id, item)]
    request = urllib.request.Request('${webhook_url}/nats_shipped', data=json.dumps(rows).encode(), method='POST')
    with urllib.request.urlopen(request) as response:
        assert response.status == 200
$$ SETTINGS type='python'

statement ok
CREATE EXTERNAL STREAM nats_shipped_rows (id int64, item string) AS $$
import json
import time
import urllib.request

def nats_shipped_rows():
    count = 3
    rows = []
    for attempt in range(600):
        with urllib.request.urlopen('${webhook_url}/nats_shipped') as response:
            rows = [tuple(row) for body in json.loads(response.read()) for row in json.loads(body)]
        if len(rows) >= count:
            break
        time.sleep(0.05)
    return rows
$$ SETTINGS type='python', mode='batch'

statement ok
CREATE EXTERNAL STREAM nats_orders_from_start (id int64, item string, qty int32) SETTINGS type='nats_jetstream', url='${nats_url}', stream_name='ORDERS', subject='ORDERS.new', one_message_per_row=true, seek_to='earliest'

statement ok
CREATE MATERIALIZED VIEW nats_ship INTO nats_shipped AS SELECT id, item FROM nats_orders_from_start WHERE qty >= 10

statement ok
INSERT INTO nats_orders VALUES (9, 'mug', 60)

query rowsort
SELECT id, item FROM nats_shipped_rows
----
2	ink
3	pen
9	mug

statement ok
DROP VIEW ship

statement ok
DROP VIEW nats_ship

statement ok
DROP VIEW big_to_kafka

statement ok
DROP VIEW big_to_nats

# ---- a message that does not parse: the query fails, or skips and counts it ---------------------

statement ok
CREATE EXTERNAL STREAM mixed_raw (line string) SETTINGS type='kafka', brokers='${kafka_brokers}', topic='mixed'

statement ok
INSERT INTO mixed_raw VALUES ('{"id": 1, "item": "pen"}'), ('not json'), ('{"id": 2, "item": "ink"}')

statement ok
CREATE EXTERNAL STREAM mixed_strict (id int64, item string) SETTINGS type='kafka', brokers='${kafka_brokers}', topic='mixed'

statement error 6 Cannot parse message at partition 0 offset 1 of topic mixed: invalid JSON
SELECT id, item FROM table(mixed_strict)

statement ok
CREATE EXTERNAL STREAM mixed (id int64, item string) SETTINGS type='kafka', brokers='${kafka_brokers}', topic='mixed', input_format_skip_errors=true

query rowsort
SELECT id, item FROM table(mixed)
----
1	pen
2	ink

query
SELECT name, type, skipped_messages FROM system.external_streams WHERE name LIKE 'mixed%' ORDER BY name
----
mixed	kafka	1
mixed_raw	kafka	0
mixed_strict	kafka	0
