"""A real `flashpoint serve` over a real DuckDB file built by `flashpoint ingest` from the demo corpus.

Shared by tests/api and tests/web (import it as ``api.live_server``): the database is built once per session (the
first fixture to ask builds it in the session's temporary folder), each test folder starts its own server.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
DEMO = (ROOT / "examples" / "demo", ROOT / "examples" / "idlib-2020-02-03.txt")


def flashpoint(*args: str) -> list[str]:
    return [sys.executable, "-c", "from flashpoint.cli import main; main()", *args]


def demo_database(folder: Path) -> Path:
    """The demo corpus ingested into ``folder/demo.duckdb`` (built on the first call, reused afterwards)."""
    db = folder / "demo.duckdb"
    if not db.exists():
        done = subprocess.run(flashpoint("ingest", *map(str, DEMO), "--db", str(db)), capture_output=True,
                              text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
    return db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(db: Path, log: Path, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """`flashpoint serve --db DB` on a free localhost port; yields its base URL and stops it afterwards."""
    port = free_port()
    env = {**os.environ, **(extra_env or {})}
    with log.open("w") as out:
        process = subprocess.Popen(flashpoint("serve", "--db", str(db), "--port", str(port)), stdout=out,
                                   stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process, log)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(base: str, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"flashpoint serve exited: {log.read_text()}")
        try:
            if httpx.get(f"{base}/api/meta", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"flashpoint serve did not answer within {seconds} s: {log.read_text()}")
