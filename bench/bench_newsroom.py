"""The newsroom on the production web server (`commonbonds serve`: gunicorn, production
settings, PostgreSQL; SQLite with --sqlite):

- a news item and the home page, uncached and with the newsroom's page cache
  (CB_PAGE_CACHE_SECONDS, Django's local-memory cache in each worker: no Redis here);
- the site search (`/search/?q=…`) over 1,000 demo pages, and over 10,000 (not with --quick).

The site is a demo site (CB_DEMO=1): demo content is what we generate, and a demo site lists
and searches it (docs/newsroom.md). Generating the pages is reported as setup time.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import common
from common import PG_HOST, PG_PORT, PG_USER, commonbonds_command, postgres_unavailable, psql

PG_DB = "cb_bench_newsroom"
SEARCH_PATH = "/search/?q=reparations+victims"
NEWS_PATH = "/news/demo-news-1/"
NEWS_ITEMS = 200
CACHE_SECONDS = 300
CACHED_SETTINGS = f"""from commonbonds.settings.production import *  # noqa: F403

CB_PAGE_CACHE_SECONDS = {CACHE_SECONDS}
"""


def run(ctx) -> list[dict]:
    workers = ctx.workers or 2 * (os.cpu_count() or 1) + 1  # `commonbonds serve`'s default
    clients = ctx.clients or 8
    search_clients = ctx.clients or 4
    database = "sqlite" if ctx.sqlite else "postgresql"

    def row(name: str, n_clients: int = clients, **extra) -> dict:
        return {
            "name": name,
            "server": "gunicorn",
            "database": database,
            "workers": workers,
            "clients": n_clients,
            "duration_s": ctx.duration,
            **extra,
        }

    sizes = [1000] if ctx.quick else [1000, 10000]
    planned = [
        row("newsroom-news-item"),
        row("newsroom-news-item-cached"),
        row("newsroom-home"),
        row("newsroom-home-cached"),
        *(row(f"newsroom-search-{n}-pages", search_clients) for n in sizes),
    ]
    if not ctx.sqlite and (reason := postgres_unavailable()):
        return [
            {**r, "skipped": f"{reason}; `--sqlite` runs it on SQLite instead"} for r in planned
        ]

    results: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="cb-bench-newsroom-") as tmp_name:
        tmp = Path(tmp_name)
        created_db = False
        server = None
        try:
            if ctx.sqlite:
                database_url = f"sqlite:///{tmp / 'bench.sqlite3'}"
            else:
                psql(f"drop database if exists {PG_DB} with (force)")
                psql(f"create database {PG_DB}")
                created_db = True
                database_url = f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{PG_DB}"
            env = server_env(ctx.root, tmp, database_url)
            (tmp / "cb_bench_cached_settings.py").write_text(CACHED_SETTINGS)
            cached_env = {
                **env,
                "DJANGO_SETTINGS_MODULE": "cb_bench_cached_settings",
                "PYTHONPATH": os.pathsep.join([str(tmp), env["PYTHONPATH"]]),
            }
            command = commonbonds_command()
            log = tmp / "setup.log"
            ctx.log("newsroom: migrate, collectstatic, bootstrap --no-data")
            for args in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
                common.run_logged([*command, *args], env, log, timeout_s=900)
            common.run_logged([*command, "bootstrap", "--no-data"], env, log, 300)
            generated = 0
            setup_s = generate(ctx, command, env, log, pages=sizes[0], news=NEWS_ITEMS)
            generated = sizes[0]

            def measure(name: str, path: str, server_env_: dict, n_clients: int, extra: dict):
                nonlocal server
                port = common.free_port()
                log_path = tmp / f"{name}.log"
                argv = [*command, "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
                server = common.start_process(argv, server_env_, log_path)
                common.wait_until_healthy(port, "/healthz", server, log_path)
                status, body = common.http_get(port, path)
                if status != 200:
                    raise RuntimeError(f"GET {path} answered {status}: {body[:300]!r}")
                ctx.log(
                    f"{name}: {n_clients} clients, {ctx.warmup:g} s warm-up, {ctx.duration:g} s"
                )
                result = common.measure(
                    server.pid,
                    port,
                    path,
                    n_clients,
                    ctx.warmup,
                    ctx.duration,
                    database_cpu=None if ctx.sqlite else lambda: common.postgres_cpu_seconds(PG_DB),
                )
                common.stop_process_group(server)
                server = None
                results.append({**row(name, n_clients), **extra, "path": path, **result})

            for path, name in ((NEWS_PATH, "newsroom-news-item"), ("/", "newsroom-home")):
                measure(name, path, env, clients, {"cache": "off"})
                measure(
                    f"{name}-cached", path, cached_env, clients, {"cache": f"{CACHE_SECONDS} s"}
                )
            for size in sizes:
                if size > generated:
                    setup_s = generate(ctx, command, env, log, pages=size - generated, news=0)
                    generated = size
                measure(
                    f"newsroom-search-{size}-pages",
                    SEARCH_PATH,
                    env,
                    search_clients,
                    {"pages": size, "news_items": NEWS_ITEMS, "generate_s": round(setup_s, 1)},
                )
        except Exception as exc:
            done = {r["name"] for r in results}
            results += [
                {**r, "error": f"{type(exc).__name__}: {exc}"}
                for r in planned
                if r["name"] not in done
            ]
        finally:
            common.stop_process_group(server)
            if created_db:
                psql(f"drop database if exists {PG_DB} with (force)", check=False)
    return results


def generate(ctx, command, env, log, *, pages: int, news: int) -> float:
    ctx.log(f"newsroom: demo_content --pages {pages} --news {news}")
    start = time.monotonic()
    args = [
        *command,
        "demo_content",
        "--pages",
        str(pages),
        "--news",
        str(news),
        "--seed",
        str(pages),
    ]
    common.run_logged(args, env, log, timeout_s=3600)
    return time.monotonic() - start


# --- the environment (as bench_home.py) ------------------------------------------------------


def server_env(root: Path, tmp: Path, database_url: str) -> dict[str, str]:
    return common.server_env(root, tmp, database_url, CB_DEMO="1")
