# The CPython side of PythonBridgeBenchmark: builds ready-made Python lists (or a generator) once,
# then runs the same loop the Brook benchmark's Python body runs, once per "run" line on stdin,
# and answers each with the loop's own time (perf_counter_ns, taken inside Python) and result.
#
#   python3 cpython_peer.py sink <rows> <file of little-endian float64 values>
#   python3 cpython_peer.py source <rows>
#   python3 cpython_peer.py scalar <rows> <file of little-endian float64 values> <rows per chunk>
import array
import sys
import time


def write(host, value):
    # the loop of the Brook sink body; the sum is returned so the caller can check it
    acc = 0.0
    for h, v in zip(host, value):
        acc += v
    return acc


def read(rows):
    # the generator of the Brook source body
    for i in range(rows):
        yield (i, float(i))


def f(value):
    # the body of the Brook scalar function (PythonBodies.scalarFunction)
    return [v * 2 + 1 for v in value]


def sum_of_f(chunks):
    # what SELECT sum(f(value)) does: one call per chunk, the results added up
    total = 0.0
    for chunk in chunks:
        total += sum(f(chunk))
    return total


def load_values(path):
    values = array.array('d')
    with open(path, 'rb') as file:
        values.frombytes(file.read())
    return values.tolist()


def count_and_sum(rows):
    # what SELECT count(), sum(v) does with the generator's rows
    count = 0
    total = 0.0
    for i, v in read(rows):
        count += 1
        total += v
    return count, total


def main():
    mode = sys.argv[1]
    rows = int(sys.argv[2])
    if mode == 'sink':
        value = load_values(sys.argv[3])
        names = [b'host-%d' % i for i in range(1000)]
        host = [names[i % 1000] for i in range(rows)]

        def run():
            return len(value), write(host, value)
    elif mode == 'scalar':
        value = load_values(sys.argv[3])
        chunk = int(sys.argv[4])
        chunks = [value[i:i + chunk] for i in range(0, rows, chunk)]
        del value

        def run():
            return rows, sum_of_f(chunks)
    elif mode == 'source':
        def run():
            return count_and_sum(rows)
    else:
        raise SystemExit('unknown mode ' + mode)
    print('ready %s' % sys.version.split()[0], flush=True)
    for line in sys.stdin:
        if line.strip() != 'run':
            break
        started = time.perf_counter_ns()
        count, total = run()
        elapsed = time.perf_counter_ns() - started
        print('%d %d %r' % (elapsed, count, total), flush=True)


main()
