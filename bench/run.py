"""Run the benchmarks (`make bench`): every bench/bench_*.py exposes `run(ctx) -> list[dict]`.

    python bench/run.py                    # all of them, full length
    python bench/run.py --quick            # short smoke run
    python bench/run.py --only home        # one benchmark (repeatable)
    python bench/run.py --save-baseline    # this run becomes bench/results/baseline.json

Writes bench/results/latest.json and latest.md and prints a table comparing this run with
bench/results/baseline.json (or --compare FILE). See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
BASELINE = RESULTS_DIR / "baseline.json"
# What identifies "the same measurement" in two runs.
KEY_FIELDS = ("name", "server", "database", "workers", "clients")
# Above this (% of one core), other processes competed with the benchmark: said in the table.
OTHER_CPU_WARN_PCT = 20


@dataclass
class Context:
    """What a benchmark module's run(ctx) gets."""

    quick: bool
    sqlite: bool
    duration: float  # measured seconds per load run
    warmup: float  # seconds of load before measuring
    workers: int | None  # server processes; None: the benchmark's default
    clients: int | None  # concurrent clients; None: the benchmark's default
    root: Path = ROOT

    def log(self, message: str) -> None:
        print(f"  · {message}", file=sys.stderr, flush=True)


def discover() -> dict[str, Path]:
    return {path.stem.removeprefix("bench_"): path for path in sorted(BENCH_DIR.glob("bench_*.py"))}


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def machine() -> dict:
    info = {
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu_model"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["memory_gib"] = round(int(line.split()[1]) / 1024**2, 1)
                break
    except OSError:
        pass
    return info


def git(*args: str) -> str | None:
    """Output of a read-only git command in the repository, or None."""
    if shutil.which("git") is None:
        return None
    try:
        result = subprocess.run(
            ["git", "--no-optional-locks", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


# --- the table -------------------------------------------------------------------------------


def key(result: dict) -> tuple:
    return tuple(result.get(field) for field in KEY_FIELDS)


def fmt(value, digits: int = 1) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def cpu(result: dict, who: str) -> str:
    seconds = result.get(f"{who}_cpu_s")
    if seconds is None:
        return "—"
    return f"{seconds:.1f} s ({result.get(f'{who}_cpu_pct') or 0:.0f}%)"


def ratio(new, old) -> str:
    return f"×{new / old:.2f}" if new and old else "—"


def comparison(result: dict, baseline: dict | None) -> str:
    if baseline is None:
        return "no baseline"
    old = next((r for r in baseline.get("results", []) if key(r) == key(result)), None)
    if old is None or old.get("skipped") or old.get("error"):
        return "not in baseline"
    text = (
        f"req/s {ratio(result.get('rps'), old.get('rps'))}, "
        f"p50 {ratio(result.get('p50_ms'), old.get('p50_ms'))}, "
        f"p99 {ratio(result.get('p99_ms'), old.get('p99_ms'))}, "
        f"CPU/req {ratio(*(r.get('server_cpu_ms_per_request') for r in (result, old)))}"
    )
    if old.get("duration_s") != result.get("duration_s"):
        text += f" (baseline ran {fmt(old.get('duration_s'), 0)} s)"
    return text


def table(report: dict, baseline: dict | None) -> str:
    header = (
        "| benchmark | server, db | workers × clients | req/s | p50 / p90 / p99 ms | errors "
        "| loadgen CPU | server CPU | db CPU | server CPU ms/req | vs baseline |"
    )
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    for r in report["results"]:
        head = (
            f"| {r['name']} | {r.get('server') or '—'}, {r.get('database') or 'no db'} "
            f"| {fmt(r.get('workers'))} × {fmt(r.get('clients'))} "
        )
        if r.get("skipped") or r.get("error"):
            why = f"skipped: {r['skipped']}" if r.get("skipped") else f"ERROR: {r['error']}"
            why_lines = why.strip().splitlines()
            why = why_lines[0] + (f" … {why_lines[-1].strip()}" if len(why_lines) > 1 else "")
            why = why.replace("|", "/")
            lines.append(head + "| " + " | ".join(["—"] * 7) + f" | {why} |")
            continue
        note = comparison(r, baseline)
        if (r.get("other_cpu_pct") or 0) > OTHER_CPU_WARN_PCT:
            note += f"; ⚠ other processes used {r['other_cpu_pct']:.0f}% of a core meanwhile"
        if r.get("rps_vs_app"):
            note += f"; {r['rps_vs_app']:g}× the app server's req/s"
        latency = " / ".join(fmt(r.get(f"p{p}_ms")) for p in (50, 90, 99))
        lines.append(
            head + f"| {fmt(r.get('rps'))} | {latency} | {fmt(r.get('errors'))} "
            f"| {cpu(r, 'loadgen')} | {cpu(r, 'server')} | {cpu(r, 'db')} "
            f"| {fmt(r.get('server_cpu_ms_per_request'), 2)} | {note} |"
        )
    return "\n".join(lines)


def machine_warning(baseline: dict | None, machine_: dict) -> list[str]:
    cpus = (baseline or {}).get("machine", {}).get("cpu_count")
    if baseline is None or cpus == machine_["cpu_count"]:
        return []
    return [f"- ⚠ the baseline was measured on {cpus} CPUs, not {machine_['cpu_count']}"]


def markdown(report: dict, baseline: dict | None, baseline_path: Path) -> str:
    m = report["machine"]
    base = (
        f"`{baseline_path.name}` of "
        f"{(baseline.get('updated_at') or baseline.get('started_at') or '?')[:10]}"
        if baseline
        else "none (`python bench/run.py --save-baseline` makes one)"
    )
    return "\n".join(
        [
            f"# Benchmarks, {report['started_at']}",
            "",
            f"- commit `{(report.get('git') or 'unknown')[:12]}`"
            f"{' with uncommitted changes' if report.get('git_dirty') else ''}, "
            f"{'quick smoke run' if report['quick'] else 'full run'}",
            f"- machine: {m['cpu_count']} CPUs ({m.get('cpu_model', '?')}), "
            f"Python {m['python']}, {m['platform']}",
            f"- baseline: {base}; ratios are this run / baseline "
            "(req/s: higher is better; latency and server CPU per request: lower is better)",
            *machine_warning(baseline, m),
            "- CPU: seconds over the measured window (% of one core); "
            "the load generator shares the machine with the server",
            "",
            table(report, baseline),
            "",
        ]
    )


def save_baseline(report: dict, benchmarks: list[str]) -> dict:
    """The baseline with this run's rows in place of the earlier rows of the same benchmarks;
    rows of benchmarks that did not run are kept. Each row says when and at which commit it was
    measured. Rows that ended in an error are not saved."""
    old = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    new = [
        {**r, "measured_at": report["started_at"], "git": report["git"]}
        for r in report["results"]
        if not r.get("error")
    ]
    new_keys = {key(r) for r in new}
    kept = [
        r
        for r in old.get("results", [])
        if r.get("benchmark") not in benchmarks and key(r) not in new_keys
    ]
    return {"machine": report["machine"], "updated_at": report["started_at"], "results": kept + new}


# --- main ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    available = discover()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only", action="append", metavar="NAME", help=f"one of: {', '.join(available)}"
    )
    parser.add_argument("--quick", action="store_true", help="short smoke run (3 s per load)")
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    parser.add_argument("--duration", type=float, help="measured seconds (default 20, quick 3)")
    parser.add_argument("--warmup", type=float, help="warm-up seconds (default 3, quick 1)")
    parser.add_argument("--workers", type=int, help="server processes (default: per benchmark)")
    parser.add_argument("--clients", type=int, help="concurrent clients (default: per benchmark)")
    parser.add_argument(
        "--compare", type=Path, default=BASELINE, help="results file to compare with"
    )
    parser.add_argument(
        "--save-baseline", action="store_true", help=f"also write this run to {BASELINE.name}"
    )
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = parser.parse_args(argv)
    if args.save_baseline and (args.quick or args.duration or args.warmup):
        parser.error("--save-baseline takes a full run with the default durations")

    if args.list:
        print("\n".join(available))
        return 0
    selected = {}
    for name in args.only or available:
        short = name.removeprefix("bench_").removesuffix(".py")
        if short not in available:
            parser.error(f"no benchmark {name!r}; there are: {', '.join(available)}")
        selected[short] = available[short]

    # SIGTERM (e.g. from a CI timeout) unwinds like Ctrl-C, so every server is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    ctx = Context(
        quick=args.quick,
        sqlite=args.sqlite,
        duration=args.duration or (3.0 if args.quick else 20.0),
        warmup=args.warmup if args.warmup is not None else (1.0 if args.quick else 3.0),
        workers=args.workers,
        clients=args.clients,
    )
    report = {
        "machine": machine(),
        "git": git("rev-parse", "HEAD") or os.environ.get("CB_BENCH_GIT_COMMIT") or None,
        # Tracked files changed since that commit: the numbers are of the working tree.
        "git_dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
        "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "quick": args.quick,
        "results": [],
    }
    for name, path in selected.items():
        print(f"bench {name}", file=sys.stderr, flush=True)
        try:
            results = load(name, path).run(ctx)
        except KeyboardInterrupt:
            print("interrupted", file=sys.stderr)
            return 130
        except Exception as exc:  # a broken benchmark is reported, the others still run
            results = [{"name": name, "error": f"{type(exc).__name__}: {exc}"}]
        for result in results:
            result.setdefault("benchmark", name)
        report["results"].extend(results)

    RESULTS_DIR.mkdir(exist_ok=True)
    baseline = None
    if args.compare.exists():
        baseline = json.loads(args.compare.read_text())
    text = json.dumps(report, indent=2) + "\n"
    (RESULTS_DIR / "latest.json").write_text(text)
    if args.save_baseline:
        if report["git_dirty"]:
            print(
                "warning: the baseline is of a working tree with uncommitted changes",
                file=sys.stderr,
            )
        merged = save_baseline(report, list(selected))
        BASELINE.write_text(json.dumps(merged, indent=2) + "\n")
    md = markdown(report, baseline, args.compare)
    (RESULTS_DIR / "latest.md").write_text(md)
    print(md)
    print(f"written: {RESULTS_DIR / 'latest.json'}, {RESULTS_DIR / 'latest.md'}", end="")
    print(f", {BASELINE}" if args.save_baseline else "")
    return 1 if any(r.get("error") for r in report["results"]) else 0


if __name__ == "__main__":
    sys.exit(main())
