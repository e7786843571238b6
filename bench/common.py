"""Helpers shared by the benchmarks: servers in their own process group, /proc sampling, the load
generator in its own process. Linux only (reads /proc)."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
CPUS = os.cpu_count() or 1


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


# --- processes -------------------------------------------------------------------------------


def start_process(argv: list[str], env: dict[str, str], log_path: Path) -> subprocess.Popen:
    """Start a server in a new session (its own process group), output to log_path."""
    with open(log_path, "ab") as log:
        return subprocess.Popen(
            argv,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop_process_group(proc: subprocess.Popen | None, grace_s: float = 15.0) -> None:
    """SIGTERM the process group, then SIGKILL what is left after grace_s."""
    if proc is None:
        return
    for sig, wait_s in ((signal.SIGTERM, grace_s), (signal.SIGKILL, 5.0)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=wait_s)
        except subprocess.TimeoutExpired:
            continue
        # The leader is gone; make sure no straggler of the group survives it.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        return


def run_logged(argv: list[str], env: dict[str, str], log_path: Path, timeout_s: float) -> None:
    """Run a setup command to completion; raise RuntimeError with the log's tail if it fails."""
    with open(log_path, "ab") as log:
        log.write(f"\n$ {' '.join(argv)}\n".encode())
        log.flush()
        try:
            result = subprocess.run(
                argv,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=timeout_s,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise RuntimeError(f"{' '.join(argv[-2:])} took over {timeout_s:.0f} s") from exc
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(argv[1:])} exited {result.returncode}:\n{tail(log_path, 15)}"
        )


# --- /proc sampling --------------------------------------------------------------------------


def _stat_fields(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name (field 3, "state", is index 0)."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return raw[raw.rindex(")") + 2 :].split()


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat_fields(int(entry))
            if fields and int(fields[1]) == pid:
                found.append(int(entry))
    return found


def tree_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a server's master and its workers.

    The master's cutime/cstime hold the time of workers that exited and were reaped (gunicorn
    restarts workers after --max-requests), so the difference of two samples counts them too.
    """
    total = 0
    for member in [pid, *children(pid)]:
        fields = _stat_fields(member)
        if fields:  # utime, stime, cutime, cstime are fields 14-17 of stat: indexes 11-14 here
            total += sum(int(value) for value in fields[11:15])
    return total / CLOCK_TICKS


def tree_pss_mib(pid: int) -> float | None:
    """Proportional set size of the master and its workers (shared pages counted once)."""
    total_kib = 0
    for member in [pid, *children(pid)]:
        try:
            text = Path(f"/proc/{member}/smaps_rollup").read_text()
        except OSError:
            return None
        for line in text.splitlines():
            if line.startswith("Pss:"):
                total_kib += int(line.split()[1])
    return round(total_kib / 1024, 1)


def postgres_cpu_seconds(database: str) -> float:
    """CPU time of the PostgreSQL backends connected to one database (their process titles read
    "postgres: ... USER DATABASE HOST(PORT) STATE"). Backends that ended are not counted."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            title = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, UnicodeDecodeError):
            continue
        if title.startswith("postgres: ") and f" {database} " in title:
            fields = _stat_fields(int(entry))
            if fields:
                total += int(fields[11]) + int(fields[12])
    return total / CLOCK_TICKS


def machine_busy_seconds() -> float:
    """CPU seconds all CPUs spent busy (not idle or waiting for I/O) since boot, /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    busy = sum(values[:8]) - values[3] - values[4]  # guest time is already inside user time
    return busy / CLOCK_TICKS


def machine_busy_pct(seconds: float = 1.0) -> float:
    """How busy the machine is now: % of all its CPUs over the next `seconds`."""
    before, start = machine_busy_seconds(), time.monotonic()
    time.sleep(seconds)
    return round(100 * (machine_busy_seconds() - before) / (time.monotonic() - start) / CPUS, 1)


# --- HTTP ------------------------------------------------------------------------------------


def http_get(port: int, path: str, timeout: float = 10.0) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"User-Agent": "commonbonds-bench"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def wait_until_healthy(
    port: int, path: str, proc: subprocess.Popen, log_path: Path, timeout_s: float = 60.0
) -> None:
    """Poll until GET path answers 200; RuntimeError if the server exits or never answers."""
    deadline = time.monotonic() + timeout_s
    last = "no answer"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}:\n{tail(log_path)}")
        try:
            status, body = http_get(port, path, timeout=5)
            if status == 200:
                return
            last = f"HTTP {status}: {body[:200]!r}"
        except OSError as exc:
            last = type(exc).__name__
        time.sleep(0.25)
    raise RuntimeError(f"{path} not healthy after {timeout_s:.0f} s ({last}):\n{tail(log_path)}")


# --- the load generator ----------------------------------------------------------------------


def run_loadgen(
    port: int,
    path: str,
    clients: int,
    warmup_s: float,
    duration_s: float,
    on_event: Callable[[str], None],
) -> dict:
    """Run bench/loadgen.py in its own process against 127.0.0.1:port and return its result.

    on_event("measure_start") and on_event("measure_end") are called when the measured window
    opens and closes, so the caller can sample the server at the same moments.
    """
    timeout_s = 10.0
    argv = [
        sys.executable,
        str(BENCH_DIR / "loadgen.py"),
        "--url",
        f"http://127.0.0.1:{port}{path}",
        "--clients",
        str(clients),
        "--warmup",
        str(warmup_s),
        "--duration",
        str(duration_s),
        "--timeout",
        str(timeout_s),
    ]
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True)
    watchdog = threading.Timer(warmup_s + duration_s + timeout_s + 30, proc.kill)
    watchdog.start()
    result = None
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            message = json.loads(line)
            if message["event"] == "result":
                result = message
            else:
                on_event(message["event"])
        proc.wait(timeout=10)
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if result is None:
        raise RuntimeError(f"the load generator exited {proc.returncode} without a result")
    del result["event"]
    return result


def measure(
    server_pid: int | None,
    port: int,
    path: str,
    clients: int,
    warmup_s: float,
    duration_s: float,
    database_cpu: Callable[[], float] | None = None,
) -> dict:
    """Load 127.0.0.1:port/path and add to the load generator's result what the server (its
    process tree), the database (database_cpu(), if given) and the whole machine used over the
    measured window. "other_cpu_s" is what none of those used: other processes on the machine."""
    samples: dict[str, tuple[float, float, float]] = {}

    def on_event(event: str) -> None:
        samples[event] = (
            tree_cpu_seconds(server_pid) if server_pid else 0.0,
            database_cpu() if database_cpu else 0.0,
            machine_busy_seconds(),
        )

    busy_before = machine_busy_pct()
    result = run_loadgen(port, path, clients, warmup_s, duration_s, on_event)
    result["machine_busy_before_pct"] = busy_before
    if {"measure_start", "measure_end"} <= samples.keys():
        start, end = samples["measure_start"], samples["measure_end"]
        server_s, database_s, busy_s = (b - a for a, b in zip(start, end, strict=True))
        if server_pid:
            result["server_cpu_s"] = round(server_s, 2)
            result["server_cpu_pct"] = round(100 * server_s / duration_s, 1)
            if result["requests"]:
                result["server_cpu_ms_per_request"] = round(1000 * server_s / result["requests"], 2)
        if database_cpu:
            result["db_cpu_s"] = round(database_s, 2)
            result["db_cpu_pct"] = round(100 * database_s / duration_s, 1)
        result["machine_cpu_pct"] = round(100 * busy_s / duration_s / CPUS, 1)
        other_s = busy_s - server_s - database_s - result["loadgen_cpu_s"]
        result["other_cpu_s"] = round(max(0.0, other_s), 2)
        result["other_cpu_pct"] = round(100 * max(0.0, other_s) / duration_s, 1)
    if server_pid:
        result["server_pss_mib"] = tree_pss_mib(server_pid)
    return result


# --- the production server's environment and PostgreSQL (shared by the benchmarks) ----------

PG_HOST, PG_PORT, PG_USER = "127.0.0.1", 5432, "postgres"
PSQL = [
    "psql",
    "-h",
    PG_HOST,
    "-p",
    str(PG_PORT),
    "-U",
    PG_USER,
    "-X",
    "-q",
    "-v",
    "ON_ERROR_STOP=1",
]


def server_env(root: Path, tmp: Path, database_url: str, **extra: str) -> dict[str, str]:
    """Production settings from the environment, none of the caller's CB_* variables.

    `extra` adds or overrides variables (a benchmark's own, e.g. CB_DEMO="1").
    """
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("CB_") and k != "DJANGO_SETTINGS_MODULE"
    }
    # Serve the code of the tree this bench/ is in (the same as the editable install's, unless
    # bench/ was copied into an exported tree, e.g. `git archive` of an older commit).
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "commonbonds.settings.production",
            "CB_SECRET_KEY": secrets.token_urlsafe(45),  # 60 characters
            "CB_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CB_SECURE_SSL_REDIRECT": "0",
            "CB_DATABASE_URL": database_url,
            "CB_VAR_DIR": str(tmp / "var"),
            "CB_STATIC_ROOT": str(tmp / "var" / "static"),
            # Settings also read a .env file for variables the environment lacks: pin the ones
            # that would change what is measured. No Redis (local-memory cache, database queue).
            "CB_REDIS_URL": "",
            "CB_TASK_BACKEND": "database",
            "CB_SENTRY_DSN": "",
            "CB_DEBUG": "0",
            # gunicorn's control socket defaults to ~/.gunicorn/gunicorn.ctl, shared by every
            # gunicorn on the machine; keep this one's in the temporary directory.
            "XDG_RUNTIME_DIR": str(tmp),
            **extra,
        }
    )
    return env


def commonbonds_command() -> list[str]:
    script = Path(sys.executable).parent / "commonbonds"
    return [str(script)] if script.exists() else [sys.executable, "-m", "commonbonds"]


def psql(sql: str, check: bool = True, timeout: int = 120) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [*PSQL, "-c", sql],
        env={**os.environ, "PGCONNECT_TIMEOUT": "5"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if check and result.returncode != 0:
        raise RuntimeError(f"psql -c {sql!r}: {result.stderr.strip()}")
    return result


def postgres_unavailable() -> str | None:
    """Why PostgreSQL cannot be used, or None."""
    if shutil.which("psql") is None:
        return "psql not found (PostgreSQL client)"
    try:
        result = psql("select 1", check=False)
    except subprocess.TimeoutExpired:
        return f"PostgreSQL at {PG_HOST}:{PG_PORT} did not answer"
    if result.returncode != 0:
        first = (result.stderr.strip().splitlines() or ["?"])[0]
        return f"PostgreSQL not reachable at {PG_HOST}:{PG_PORT} ({first})"
    return None
