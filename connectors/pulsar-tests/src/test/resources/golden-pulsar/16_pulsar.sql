# Pulsar topics (issue 7), as 15_brokers.sql of the tck for Kafka and NATS: the same SQL over a
# Pulsar topic and a Brook stream gives the same rows; views take a stream into a topic and a topic
# into a Python sink.
#
# Runs in connectors/pulsar-tests (PulsarGoldenTest), in-process and over the wire, against the
# Pulsar broker that module starts; the tck does not run it. ${pulsar_settings} are the settings
# a stream needs to reach that broker (service_url, and any credentials it asks for);
# ${pulsar_topic_prefix} starts each topic name and is new for each run, so the two runs do not
# see each other's messages. The broker creates a topic when it is first used.

statement ok
CREATE STREAM orders (id int64, item string, qty int32)

statement ok
CREATE EXTERNAL STREAM pulsar_orders (id int64, item string, qty int32) SETTINGS type='pulsar', ${pulsar_settings}, topic='${pulsar_topic_prefix}orders', one_message_per_row=true

statement ok
INSERT INTO orders VALUES (1, 'pen', 5), (2, 'ink', 12), (3, 'pen', 30), (4, 'pad', 1)

statement ok
INSERT INTO pulsar_orders VALUES (1, 'pen', 5), (2, 'ink', 12), (3, 'pen', 30), (4, 'pad', 1)

# ---- one query, two sources, the same rows -------------------------------------------------------

query rowsort
SELECT item, count() AS n, sum(qty) AS total FROM table(orders) GROUP BY item
----
ink	1	12
pad	1	1
pen	2	35

query rowsort
SELECT item, count() AS n, sum(qty) AS total FROM table(pulsar_orders) GROUP BY item
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

streaming p1
SELECT id, item FROM pulsar_orders WHERE qty >= 10 LIMIT 2 SETTINGS seek_to='earliest'

results p1
----
2	ink
3	pen

# ---- a view from a stream into a topic -----------------------------------------------------------

statement ok
CREATE EXTERNAL STREAM pulsar_big (id int64, item string) SETTINGS type='pulsar', ${pulsar_settings}, topic='${pulsar_topic_prefix}big_orders', one_message_per_row=true

statement ok
CREATE MATERIALIZED VIEW big_to_pulsar INTO pulsar_big AS SELECT id, item FROM orders WHERE qty >= 10

streaming p2
SELECT id, item FROM pulsar_big LIMIT 2 SETTINGS seek_to='earliest'

statement ok
INSERT INTO orders VALUES (5, 'cap', 50), (6, 'pen', 2), (7, 'ink', 20)

results p2
----
5	cap
7	ink

query rowsort
SELECT id, item FROM table(pulsar_big)
----
5	cap
7	ink

# ---- a view from a topic into a Python sink ------------------------------------------------------

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
CREATE EXTERNAL STREAM pulsar_orders_from_start (id int64, item string, qty int32) SETTINGS type='pulsar', ${pulsar_settings}, topic='${pulsar_topic_prefix}orders', one_message_per_row=true, seek_to='earliest'

statement ok
CREATE MATERIALIZED VIEW ship INTO shipped AS SELECT id, item FROM pulsar_orders_from_start WHERE qty >= 10

statement ok
INSERT INTO pulsar_orders VALUES (8, 'cup', 40)

query rowsort
SELECT id, item FROM shipped_rows
----
2	ink
3	pen
8	cup

statement ok
DROP VIEW ship

statement ok
DROP VIEW big_to_pulsar
