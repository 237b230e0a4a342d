"""Load test of `flashpoint serve` on localhost: a real server process over a large event database.

    python benchmarks/bench_api_load.py [--db FILE | --reports N] [--seconds 30] [--clients 50] [--burst 200]
                                        [--workers N]

1. ``--clients`` concurrent clients for ``--seconds`` s, each sending filtered list queries (country, type, date
   window, point and radius, text, actor; sort orders; following `next` cursors) one after another: latency
   percentiles, requests per second, errors. Target: p99 < 500 ms at 50 clients.
2. ``--burst`` concurrent clients for ``--burst-seconds`` s, mixing lists, stats, event pages and documents.
   Target: zero errors.

Without ``--db`` a database is built from ``--reports`` synthetic reports (default 180,000, which the store merges
into about 10⁵ events; minutes, kept in ~/.cache/flashpoint/ for the next run). Bounded and local: the server
listens on 127.0.0.1 on a free port and is stopped at the end. Prints JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from api_load_db import build

COUNTRIES = ("SYR", "IRQ", "AFG", "YEM", "UKR", "NGA", "MLI", "BFA", "SOM", "COD", "LBY", "SDN")
TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Air/drone strike")
SORTS = ("date", "-date", "-fatalities", "-updated")
TEXTS = ("clashes", "market", "bomb", "village", "protest")
ACTORS = ("Military Forces", "Civilians", "Protesters")
POINTS = ("36.2,37.1,50", "33.3,44.4,40", "15.3,44.2,60", "49.9,36.2,80", "12.0,13.2,60", "2.0,45.3,40")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "flashpoint"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def list_query(rng: random.Random, span: tuple[str, str]) -> dict[str, str]:
    """A filtered list query as the dashboard sends them: one or two filters, a sort order, a page."""
    params = {"limit": str(rng.choice((20, 50, 100))), "sort": rng.choice(SORTS)}
    filters = rng.sample(("country", "type", "dates", "near", "q", "actor"), rng.choice((1, 2)))
    if "country" in filters:
        params["country"] = rng.choice(COUNTRIES)
    if "type" in filters:
        params["type"] = rng.choice(TYPES)
    if "dates" in filters:
        first = time.mktime(time.strptime(span[0], "%Y-%m-%d"))
        last = time.mktime(time.strptime(span[1], "%Y-%m-%d"))
        start = rng.uniform(first, last)
        params["since"] = time.strftime("%Y-%m-%d", time.localtime(start))
        params["until"] = time.strftime("%Y-%m-%d", time.localtime(start + rng.choice((7, 30, 90)) * 86400))
    if "near" in filters:
        params["near"] = rng.choice(POINTS)
    if "q" in filters:
        params["q"] = rng.choice(TEXTS)
    if "actor" in filters:
        params["actor"] = rng.choice(ACTORS)
    return params


class Recorder:
    def __init__(self):
        self.latencies: dict[str, list[float]] = {}
        self.errors: dict[str, int] = {}

    def add(self, kind: str, seconds: float, ok: bool, why: str = "") -> None:
        self.latencies.setdefault(kind, []).append(seconds)
        if not ok:
            self.errors[why] = self.errors.get(why, 0) + 1

    def summary(self, wall: float) -> dict:
        every = sorted(s for values in self.latencies.values() for s in values)
        out = {"requests": len(every), "requests_per_s": round(len(every) / wall, 1),
               "errors": sum(self.errors.values()), "error_kinds": dict(sorted(self.errors.items())),
               **percentiles(every)}
        out["by_kind"] = {kind: {"requests": len(v), **percentiles(sorted(v))}
                          for kind, v in sorted(self.latencies.items())}
        return out


def percentiles(values: list[float]) -> dict:
    if not values:
        return {}

    def at(q: float) -> float:
        return round(1000 * values[min(len(values) - 1, int(q * len(values)))], 1)

    return {"p50_ms": at(0.50), "p95_ms": at(0.95), "p99_ms": at(0.99), "max_ms": round(1000 * values[-1], 1)}


async def timed(client: httpx.AsyncClient, recorder: Recorder, kind: str, path: str,
                params: dict | None = None) -> httpx.Response | None:
    began = time.perf_counter()
    try:
        response = await client.get(path, params=params)
    except httpx.HTTPError as err:
        recorder.add(kind, time.perf_counter() - began, False, type(err).__name__)
        return None
    recorder.add(kind, time.perf_counter() - began, response.status_code == 200, f"HTTP {response.status_code}")
    return response


async def list_client(client: httpx.AsyncClient, recorder: Recorder, rng: random.Random, until: float,
                      span: tuple[str, str]) -> None:
    while time.perf_counter() < until:
        params = list_query(rng, span)
        response = await timed(client, recorder, "list", "/api/events", params)
        if response is not None and response.status_code == 200 and rng.random() < 0.3:
            following = response.json()["next"]
            if following:
                await timed(client, recorder, "list (next page)", "/api/events", {**params, "cursor": following})


async def mixed_client(client: httpx.AsyncClient, recorder: Recorder, rng: random.Random, until: float,
                       span: tuple[str, str], ids: list[str], docs: list[str]) -> None:
    while time.perf_counter() < until:
        roll = rng.random()
        if roll < 0.55:
            await timed(client, recorder, "list", "/api/events", list_query(rng, span))
        elif roll < 0.70:
            where = list_query(rng, span)
            await timed(client, recorder, "stats", "/api/stats",
                        {k: v for k, v in where.items() if k not in ("limit", "sort")})
        elif roll < 0.90:
            await timed(client, recorder, "event", f"/api/events/{rng.choice(ids)}")
        else:
            await timed(client, recorder, "document", f"/api/documents/{rng.choice(docs)}")


async def phase(base: str, clients: int, seconds: float, mixed: bool, span: tuple[str, str], ids: list[str],
                docs: list[str], seed: int) -> dict:
    recorder = Recorder()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        began = time.perf_counter()
        until = began + seconds
        tasks = []
        for n in range(clients):
            rng = random.Random(seed * 1000 + n)
            tasks.append(mixed_client(client, recorder, rng, until, span, ids, docs) if mixed
                         else list_client(client, recorder, rng, until, span))
        await asyncio.gather(*tasks)
        wall = time.perf_counter() - began
    return {"clients": clients, "seconds": round(wall, 1), **recorder.summary(wall)}


def sample(base: str) -> tuple[tuple[str, str], list[str], list[str]]:
    """The date span, and a fixed sample of event ids and of their source documents' ids to ask for."""
    with httpx.Client(base_url=base, timeout=60) as client:
        first = client.get("/api/events", params={"sort": "date", "limit": 1}).json()["data"][0]["date_start"]
        last = client.get("/api/events", params={"sort": "-date", "limit": 1}).json()["data"][0]["date_start"]
        page = client.get("/api/events", params={"sort": "-fatalities", "limit": 500}).json()["data"]
        ids = sorted(e["id"] for e in page)
        docs = sorted({s["doc"] for i in ids[:50] for s in client.get(f"/api/events/{i}").json()["sources"]})
    return (first, last), ids, docs


def wait_for(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("flashpoint serve exited")
        try:
            if httpx.get(f"{base}/api/meta", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    sys.exit("flashpoint serve did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing database (default: build one)")
    parser.add_argument("--reports", type=int, default=180_000, help="synthetic reports to build a database from")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--burst-seconds", type=float, default=15)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="server processes")
    args = parser.parse_args()
    db = args.db or build(cache_dir() / f"bench-api-{args.reports}.duckdb", args.reports)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-c", "from flashpoint.cli import main; main()", "serve", "--db", str(db),
               "--port", str(port), "--workers", str(args.workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(base, server)
        span, ids, docs = sample(base)
        events = httpx.get(f"{base}/api/meta", timeout=30).json()["events"]
        result = {"database": db.name, "events": events, "cpu_count": os.cpu_count(), "workers": args.workers,
                  "filtered_lists": asyncio.run(phase(base, args.clients, args.seconds, False, span, ids, docs, 1)),
                  "burst_mixed": asyncio.run(phase(base, args.burst, args.burst_seconds, True, span, ids, docs, 2))}
    finally:
        server.terminate()
        server.wait(timeout=30)
    lists = result["filtered_lists"]
    result["targets"] = {"p99_under_500_ms_at_50_clients": lists.get("p99_ms", 1e9) < 500,
                         "zero_errors_at_200_clients": result["burst_mixed"]["errors"] == 0}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
