#!/usr/bin/env python3
"""Latency of `baogao serve` on loopback: POST /api/analyse with a 1 MB text
(tests/fixtures/compilation-22.txt twice: 44 reports) and with one report
(tests/fixtures/renda-yaan.txt), each answered many times in turn on one
kept-alive connection, as the page does; then 100 requests at once, each on
its own connection. Times are wall-clock from the request's first byte sent
to the answer's last byte read, the JSON included.

    python3 benches/serve_latency.py [path/to/baogao]   # default target/release/baogao
"""
import http.client
import json
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/release/baogao")
RUNS = 50


def post(connection, body):
    started = time.perf_counter()
    connection.request("POST", "/api/analyse", body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    answer = response.read()
    elapsed = time.perf_counter() - started
    if response.status != 200:
        raise SystemExit(f"status {response.status}: {answer[:200]!r}")
    return elapsed, len(answer)


def measure(port, name, text):
    body = json.dumps({"text": text}, ensure_ascii=False).encode()
    connection = http.client.HTTPConnection("127.0.0.1", port)
    post(connection, body)  # warm-up
    times = []
    for _ in range(RUNS):
        elapsed, size = post(connection, body)
        times.append(elapsed * 1000)
    times.sort()
    print(
        f"{name}: {len(body) / 1e6:.2f} MB sent, {size / 1e6:.2f} MB answered; "
        f"median {statistics.median(times):.1f} ms, p90 {times[int(RUNS * 0.9)]:.1f} ms, "
        f"max {times[-1]:.1f} ms ({RUNS} runs)"
    )


def burst(port, text, count=100):
    body = json.dumps({"text": text}, ensure_ascii=False).encode()
    results = [None] * count

    def one(i):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        results[i] = post(connection, body)

    started = time.perf_counter()
    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = (time.perf_counter() - started) * 1000
    answered = sum(r is not None for r in results)
    slowest = max(r[0] for r in results if r) * 1000
    print(f"{count} requests at once (one report each): {answered} answered, all within {total:.0f} ms (slowest {slowest:.0f} ms)")


def main():
    server = subprocess.Popen([BIN, "serve", "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        port = int(line.strip().rstrip("/").rsplit(":", 1)[1])
        compilation = (ROOT / "tests/fixtures/compilation-22.txt").read_text()
        report = (ROOT / "tests/fixtures/renda-yaan.txt").read_text()
        measure(port, "1 MB (compilation-22.txt twice)", compilation * 2)
        measure(port, "one report (renda-yaan.txt, 19 KB)", report)
        burst(port, report)
    finally:
        server.kill()
        server.wait()


main()
