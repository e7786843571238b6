"""HTTP/1.1 load generator, run in its own process so that its CPU time is its own.

    python bench/loadgen.py --url http://127.0.0.1:8000/ --clients 8 --warmup 3 --duration 20

N client threads, each with one keep-alive connection (http.client; when the server closes a
connection, as gunicorn's sync workers do after every response, the client opens a new one and
counts it). Every client sends GET requests back to back: first a warm-up whose requests are not
counted, then the measured window. A request counts when it completes inside the window.

Prints one JSON object per line on stdout:
    {"event": "measure_start"}   at the start of the window (the caller samples the server then)
    {"event": "measure_end"}     at its end
    {"event": "result", ...}     the numbers
Only loopback addresses are accepted. Every loop is bounded in count and in time.
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import json
import math
import resource
import sys
import threading
import time
from collections import Counter
from urllib.parse import urlsplit

MAX_REQUESTS_PER_CLIENT = 2_000_000  # count bound (memory: one float per measured request)
ERROR_PAUSE_S = 0.05  # after a failed request, so a dead server is not hammered in a tight loop
MAX_DURATION_S = 600.0
MAX_CLIENTS = 256


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def percentile(sorted_values: list[float], pct: float) -> float | None:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return None
    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def cpu_seconds() -> float:
    """User + system CPU time of this process (all its threads) so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Client(threading.Thread):
    def __init__(self, host, port, path, timeout, window_start, window_end):
        super().__init__(daemon=True)
        self.host, self.port, self.path, self.timeout = host, port, path, timeout
        self.window_start, self.window_end = window_start, window_end
        self.latencies: list[float] = []  # seconds, successful requests completed in the window
        self.errors: Counter[str] = Counter()  # failures completed in the window, by kind
        self.body_bytes = 0  # of the successful requests in the window
        self.connections = 0  # TCP connections opened, whole run
        self.sent = 0  # requests sent, whole run

    def run(self) -> None:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        headers = {"User-Agent": "commonbonds-bench", "Accept": "text/html"}
        try:
            while self.sent < MAX_REQUESTS_PER_CLIENT:
                start = time.perf_counter()
                if start >= self.window_end:
                    break
                if conn.sock is None:
                    self.connections += 1
                error = None
                size = 0
                try:
                    conn.request("GET", self.path, headers=headers)
                    response = conn.getresponse()
                    size = len(response.read())
                    if response.status != 200:
                        error = f"HTTP {response.status}"
                except (OSError, http.client.HTTPException) as exc:
                    error = type(exc).__name__
                    conn.close()
                end = time.perf_counter()
                self.sent += 1
                if self.window_start <= end <= self.window_end:
                    if error is None:
                        self.latencies.append(end - start)
                        self.body_bytes += size
                    else:
                        self.errors[error] += 1
                if error is not None:
                    time.sleep(ERROR_PAUSE_S)
        finally:
            conn.close()


def emit(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def sleep_until(deadline: float) -> None:
    while (left := deadline - time.perf_counter()) > 0:
        time.sleep(min(left, 0.5))


def run_load(url: str, clients: int, warmup: float, duration: float, timeout: float) -> dict:
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname or not is_loopback(parts.hostname):
        raise SystemExit(f"loadgen: only http:// URLs on loopback addresses are allowed: {url}")
    if not (1 <= clients <= MAX_CLIENTS) or not (0 < duration <= MAX_DURATION_S) or warmup < 0:
        raise SystemExit("loadgen: clients 1..256, duration 0..600 s, warm-up >= 0")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    port = parts.port or 80

    begin = time.perf_counter()
    window_start = begin + warmup
    window_end = window_start + duration
    threads = [
        Client(parts.hostname, port, path, timeout, window_start, window_end)
        for _ in range(clients)
    ]
    for thread in threads:
        thread.start()

    sleep_until(window_start)
    cpu_start, wall_start = cpu_seconds(), time.perf_counter()
    emit({"event": "measure_start"})
    sleep_until(window_end)
    cpu_end, wall_end = cpu_seconds(), time.perf_counter()
    emit({"event": "measure_end"})
    for thread in threads:
        thread.join(timeout + 5)
    stuck = sum(thread.is_alive() for thread in threads)

    latencies = sorted(x for thread in threads for x in thread.latencies)
    errors: Counter[str] = Counter()
    for thread in threads:
        errors.update(thread.errors)
    body_bytes = sum(thread.body_bytes for thread in threads)
    cpu = cpu_end - cpu_start
    wall = wall_end - wall_start

    def ms(value: float | None) -> float | None:
        return None if value is None else round(value * 1000, 2)

    return {
        "event": "result",
        "url": url,
        "clients": clients,
        "warmup_s": warmup,
        "duration_s": duration,
        "requests": len(latencies),
        "rps": round(len(latencies) / duration, 1),
        "p50_ms": ms(percentile(latencies, 50)),
        "p90_ms": ms(percentile(latencies, 90)),
        "p99_ms": ms(percentile(latencies, 99)),
        "max_ms": ms(latencies[-1] if latencies else None),
        "errors": sum(errors.values()),
        "error_kinds": dict(errors),
        "bytes_per_response": round(body_bytes / len(latencies)) if latencies else None,
        "connections_opened": sum(thread.connections for thread in threads),
        "requests_sent_total": sum(thread.sent for thread in threads),
        "loadgen_cpu_s": round(cpu, 2),
        "loadgen_cpu_pct": round(100 * cpu / wall, 1) if wall > 0 else None,
        "stuck_clients": stuck,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="http://127.0.0.1:PORT/path (loopback only)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (threads)")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds not counted")
    parser.add_argument("--duration", type=float, default=20.0, help="measured seconds")
    parser.add_argument("--timeout", type=float, default=10.0, help="socket timeout, seconds")
    args = parser.parse_args(argv)
    emit(run_load(args.url, args.clients, args.warmup, args.duration, args.timeout))


if __name__ == "__main__":
    main()
