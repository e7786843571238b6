"""Treaty status: the engine on one date, the import of data/, and the participants endpoint.

Three rows (bench/README.md, "treaties"):

- `treaties-engine`: the status of every state on every instrument for one date
  (`EventIndex.standings_at`), in this process, from the CSV files; time per call after the
  index is built (the goal is under 2 ms), and the build time.
- `treaties-import`: `import_treaties data/` into an empty database, then again (nothing to
  change), timed inside one Django process (start-up not counted), production settings.
- `treaties-participants`: GET /api/v1/instruments/rome_statute/participants?as_of=... from the
  production web server (`commonbonds serve`, gunicorn) on PostgreSQL (or SQLite with
  --sqlite), the data loaded by `bootstrap`, the API rate limit off.
"""

from __future__ import annotations

import csv
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common
from common import PG_HOST, PG_PORT, PG_USER, commonbonds_command, postgres_unavailable, psql

PG_DB = "cb_bench_treaties"
AS_OF = "2026-11-28"  # data/README.md: the data cut-off
PATH = f"/api/v1/instruments/rome_statute/participants?as_of={AS_OF}"


def run(ctx) -> list[dict]:
    results = [engine_result(ctx)]
    database = "sqlite" if ctx.sqlite else "postgresql"
    reason = None if ctx.sqlite else postgres_unavailable()
    for name, measure in (
        ("treaties-import", import_result),
        ("treaties-participants", http_result),
    ):
        row = {"name": name, "server": None, "database": database, "workers": None, "clients": None}
        if name == "treaties-participants":
            row.update(
                server="gunicorn",
                workers=ctx.workers or 2 * (os.cpu_count() or 1) + 1,
                clients=ctx.clients or 8,
                duration_s=ctx.duration,
            )
        if reason:
            results.append({**row, "skipped": f"{reason}; `--sqlite` runs it on SQLite instead"})
            continue
        try:
            results.append({**row, **measure(ctx, row)})
        except Exception as exc:
            results.append({**row, "error": f"{type(exc).__name__}: {exc}"})
    return results


# --- the engine, in this process ---------------------------------------------------------------


def engine_result(ctx) -> dict:
    sys.path.insert(0, str(ctx.root))
    from commonbonds.treaties import engine  # pure Python: no Django needed

    data = Path(ctx.root) / "data"

    def day(value: str) -> datetime.date | None:
        return datetime.date.fromisoformat(value) if value else None

    with (data / "instruments.csv").open(encoding="utf-8") as f:
        instruments = [
            engine.Instrument(
                slug=r["slug"],
                rule=engine.Rule(r["entry_into_force_rule"]),
                parent=r["parent"] or None,
                general_entry_into_force=day(r["general_entry_into_force"]),
            )
            for r in csv.DictReader(f)
        ]
    with (data / "treaty_actions.csv").open(encoding="utf-8") as f:
        events = [
            engine.Event(
                event_id=r["event_id"],
                state=r["state_iso3"],
                instrument=r["instrument"],
                action=engine.Action(r["action"]),
                date=day(r["date"]),
                known_by=day(r["known_by"]),
                confirmed=r["confirmed"] == "true",
            )
            for r in csv.DictReader(f)
        ]
    as_of = datetime.date.fromisoformat(AS_OF)
    start = time.perf_counter()
    index = engine.EventIndex(instruments, events)
    index.standings_at(as_of)  # builds the timelines (include_unconfirmed=True)
    build_ms = (time.perf_counter() - start) * 1000
    calls = 2000 if ctx.quick else 20000
    timings = []
    for _ in range(calls):
        t0 = time.perf_counter()
        result = index.standings_at(as_of)
        timings.append(time.perf_counter() - t0)
    timings.sort()
    states = sum(len(per) for per in result.values())
    ctx.log(f"treaties-engine: {calls} calls, {states} standings each")
    return {
        "name": "treaties-engine",
        "server": None,
        "database": None,
        "workers": None,
        "clients": None,
        "calls": calls,
        "standings_per_call": states,
        "events": len(events),
        "build_ms": round(build_ms, 1),
        "rps": round(calls / sum(timings), 1),
        "mean_ms": round(1000 * statistics.fmean(timings), 4),
        "p50_ms": round(1000 * timings[len(timings) // 2], 4),
        "p90_ms": round(1000 * timings[int(len(timings) * 0.9)], 4),
        "p99_ms": round(1000 * timings[int(len(timings) * 0.99)], 4),
        "goal_ms": 2.0,
    }


# --- the import --------------------------------------------------------------------------------

IMPORT_SCRIPT = """
import json, time, django
django.setup()
from commonbonds.treaties import actions
from commonbonds.treaties.importer import read_dataset
times = {}
t = time.perf_counter()
dataset = read_dataset(DATA)
times["read_and_check_s"] = time.perf_counter() - t
t = time.perf_counter()
first = actions.import_treaty_data(dataset=dataset)
times["first_s"] = time.perf_counter() - t
t = time.perf_counter()
second = actions.import_treaty_data(dataset=read_dataset(DATA))
times["second_s"] = time.perf_counter() - t
times["created"] = first.created
times["changed_on_second_run"] = second.created + second.changed
print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in times.items()}))
"""


def import_result(ctx, row: dict) -> dict:
    with database(ctx, "import") as (tmp, database_url):
        env = server_env(ctx.root, tmp, database_url)
        command = commonbonds_command()
        ctx.log("treaties-import: migrate")
        common.run_logged([*command, "migrate", "--noinput"], env, tmp / "setup.log", 600)
        ctx.log("treaties-import: import twice")
        script = IMPORT_SCRIPT.replace("DATA", repr(str(Path(ctx.root) / "data")))
        done = subprocess.run(
            [sys.executable, "-c", script],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr else "failed")
        return json.loads(done.stdout.strip().splitlines()[-1])


# --- the participants endpoint -----------------------------------------------------------------


def http_result(ctx, row: dict) -> dict:
    workers, clients = row["workers"], row["clients"]
    with database(ctx, "http") as (tmp, database_url):
        env = server_env(ctx.root, tmp, database_url)
        command = commonbonds_command()
        log_path = tmp / "server.log"
        ctx.log("treaties-participants: migrate, bootstrap (imports the data)")
        common.run_logged([*command, "migrate", "--noinput"], env, tmp / "setup.log", 600)
        common.run_logged([*command, "bootstrap"], env, tmp / "setup.log", 600)
        port = common.free_port()
        argv = [*command, "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
        server = common.start_process(argv, env, log_path)
        try:
            common.wait_until_healthy(port, "/healthz", server, log_path)
            status, body = common.http_get(port, PATH)
            if status != 200:
                raise RuntimeError(f"GET {PATH} answered {status}: {body[:300]!r}")
            ctx.log(f"treaties-participants: {clients} clients, {ctx.duration:g} s")
            result = common.measure(
                server.pid,
                port,
                PATH,
                clients,
                ctx.warmup,
                ctx.duration,
                database_cpu=None if ctx.sqlite else lambda: common.postgres_cpu_seconds(PG_DB),
            )
            result["participants"] = len(json.loads(body)["participants"])
            return result
        finally:
            common.stop_process_group(server)


# --- helpers ----------------------------------------------------------------------------------


class database:
    """A temporary directory and an empty database (PostgreSQL cb_bench_treaties, or SQLite)."""

    def __init__(self, ctx, label: str):
        self.ctx, self.label = ctx, label
        self.tmp: tempfile.TemporaryDirectory | None = None

    def __enter__(self):
        self.tmp = tempfile.TemporaryDirectory(prefix=f"cb-bench-treaties-{self.label}-")
        tmp = Path(self.tmp.name)
        if self.ctx.sqlite:
            return tmp, f"sqlite:///{tmp / 'bench.sqlite3'}"
        psql(f"drop database if exists {PG_DB} with (force)")
        psql(f"create database {PG_DB}")
        return tmp, f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{PG_DB}"

    def __exit__(self, *exc):
        if not self.ctx.sqlite:
            psql(f"drop database if exists {PG_DB} with (force)", check=False)
        if self.tmp is not None:
            self.tmp.cleanup()


def server_env(root: Path, tmp: Path, database_url: str) -> dict[str, str]:
    return common.server_env(
        root,
        tmp,
        database_url,
        CB_DATA_DIR=str(Path(root) / "data"),
        CB_DEMO="0",
        CB_API_RATE_LIMIT="",
    )
