"""Regenerate requirements.lock: install the project into a fresh virtual environment and freeze it."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEADER = (
    "# Exact versions of every package flashpoint and its tests install (pip constraints: make uses\n"
    "# `pip install -c requirements.lock -e .[test]`). Regenerate with: python tools/dev/lock.py\n"
)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        venv.create(folder, with_pip=True)
        python = str(Path(folder) / "bin" / "python")
        subprocess.run([python, "-m", "pip", "install", "-q", "-e", f"{ROOT}[test]"], check=True)
        frozen = subprocess.run([python, "-m", "pip", "freeze", "--exclude-editable"], check=True,
                                capture_output=True, text=True).stdout
    lines = [line for line in frozen.splitlines() if line and not line.startswith("-e")]
    (ROOT / "requirements.lock").write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"requirements.lock: {len(lines)} packages", file=sys.stderr)


if __name__ == "__main__":
    main()
