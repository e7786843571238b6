"""The home page `/` served by the production web server (`commonbonds serve`: gunicorn) with
production settings on PostgreSQL (or SQLite with --sqlite), and, when nginx is installed, the
same bytes served as a static file by nginx for comparison."""

from __future__ import annotations

import grp
import os
import pwd
import tempfile
import time
from pathlib import Path

import common
from common import (
    PG_HOST,
    PG_PORT,
    PG_USER,
    commonbonds_command,
    postgres_unavailable,
    psql,
    server_env,
)

PG_DB = "cb_bench"
NGINX = Path("/usr/sbin/nginx")


def run(ctx) -> list[dict]:
    workers = ctx.workers or 2 * (os.cpu_count() or 1) + 1  # `commonbonds serve`'s default
    clients = ctx.clients or 8
    database = "sqlite" if ctx.sqlite else "postgresql"
    row = {
        "name": "home",
        "server": "gunicorn",
        "database": database,
        "workers": workers,
        "clients": clients,
        "duration_s": ctx.duration,
    }
    if not ctx.sqlite and (reason := postgres_unavailable()):
        return [{**row, "skipped": f"{reason}; `--sqlite` runs it on SQLite instead"}]

    results = []
    with tempfile.TemporaryDirectory(prefix="cb-bench-home-") as tmp_name:
        tmp = Path(tmp_name)
        server = None
        created_db = False
        log_path = tmp / "server.log"
        try:
            if ctx.sqlite:
                database_url = f"sqlite:///{tmp / 'bench.sqlite3'}"
            else:
                psql(f"drop database if exists {PG_DB} with (force)")
                psql(f"create database {PG_DB}")
                created_db = True
                database_url = f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{PG_DB}"
            env = server_env(ctx.root, tmp, database_url)
            command = commonbonds_command()
            ctx.log("home: migrate, collectstatic, bootstrap --no-data")
            for args in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
                common.run_logged([*command, *args], env, tmp / "setup.log", timeout_s=600)
            common.run_logged([*command, "bootstrap", "--no-data"], env, tmp / "setup.log", 300)

            port = common.free_port()
            ctx.log(f"home: gunicorn, {workers} workers, on 127.0.0.1:{port}")
            argv = [*command, "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
            server = common.start_process(argv, env, log_path)
            common.wait_until_healthy(port, "/healthz", server, log_path)
            status, body = common.http_get(port, "/")
            if status != 200:
                raise RuntimeError(f"GET / answered {status}: {body[:300]!r}")

            ctx.log(f"home: {clients} clients, {ctx.warmup:g} s warm-up, {ctx.duration:g} s")
            result = common.measure(
                server.pid,
                port,
                "/",
                clients,
                ctx.warmup,
                ctx.duration,
                database_cpu=None if ctx.sqlite else lambda: common.postgres_cpu_seconds(PG_DB),
            )
            # gunicorn restarts a worker after --max-requests (2000 + up to 200 jitter).
            boots = log_path.read_text(errors="replace").count("Booting worker")
            result["worker_restarts"] = max(0, boots - workers)
            results.append({**row, **result})
            common.stop_process_group(server)
            server = None
        except Exception as exc:
            return [{**row, "error": f"{type(exc).__name__}: {exc}"}]
        finally:
            common.stop_process_group(server)
            if created_db:
                psql(f"drop database if exists {PG_DB} with (force)", check=False)
        try:
            results.append(nginx_result(ctx, tmp, body, clients, results[0]))
        except Exception as exc:
            results.append({**nginx_row(ctx, clients), "error": f"{type(exc).__name__}: {exc}"})
    return results


# --- the application server ------------------------------------------------------------------


# --- the same bytes from nginx ---------------------------------------------------------------


def nginx_row(ctx, clients: int) -> dict:
    return {
        "name": "home-static-nginx",
        "server": "nginx",
        "database": None,
        "workers": os.cpu_count() or 1,
        "clients": clients,
        "duration_s": ctx.duration,
    }


def nginx_result(ctx, tmp: Path, body: bytes, clients: int, app: dict) -> dict:
    row = nginx_row(ctx, clients)
    if not NGINX.exists():
        return {**row, "skipped": "nginx not installed (apt install nginx)"}
    root = tmp / "nginx"
    www = root / "www"
    for folder in (root, www, root / "logs"):
        folder.mkdir(exist_ok=True)
    for folder in (tmp, root, www):
        folder.chmod(0o755)  # nginx workers may run as another user
    (www / "index.html").write_bytes(body)
    (www / "index.html").chmod(0o644)
    port = common.free_port()
    conf = root / "nginx.conf"
    conf.write_text(nginx_conf(root, www, port, row["workers"]))
    log_path = root / "logs" / "console.log"
    argv = [str(NGINX), "-p", f"{root}/", "-c", str(conf), "-e", str(root / "logs" / "error.log")]
    ctx.log(f"home: nginx on 127.0.0.1:{port}")
    server = common.start_process(argv, dict(os.environ), log_path)
    try:
        try:
            common.wait_until_healthy(port, "/", server, log_path, timeout_s=15)
        except RuntimeError as exc:
            return {**row, "skipped": f"nginx did not start: {exc}"}
        time.sleep(0.2)
        result = common.measure(server.pid, port, "/", clients, ctx.warmup, ctx.duration)
    finally:
        common.stop_process_group(server)
    if app.get("rps") and result.get("rps"):
        result["rps_vs_app"] = round(result["rps"] / app["rps"], 1)
    return {**row, **result}


def nginx_conf(root: Path, www: Path, port: int, workers: int) -> str:
    user = ""
    if os.geteuid() == 0:
        try:
            nobody = pwd.getpwnam("nobody")
            user = f"user nobody {grp.getgrgid(nobody.pw_gid).gr_name};"
        except KeyError:
            user = "user root root;"
    temp = "\n".join(
        f"    {kind}_temp_path {root / (kind + '_temp')};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}
daemon off;
worker_processes {workers};
pid {root / "nginx.pid"};
error_log {root / "logs" / "error.log"} warn;
events {{ worker_connections 512; }}
http {{
    access_log off;
    types {{ }}
    default_type "text/html; charset=utf-8";
    keepalive_requests 1000000;
{temp}
    server {{
        listen 127.0.0.1:{port};
        root {www};
        location / {{ index index.html; }}
    }}
}}
"""
