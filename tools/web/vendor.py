"""Vendor the dashboard's browser libraries from npm into src/flashpoint/web/static/vendor/ (dev-only).

    python tools/web/vendor.py            # fetch with npm into a temporary folder, copy the built files

Nothing is fetched at run time: the copied files are committed with their licences, and VENDOR.md lists each
file with its package, version, licence and SHA-256. Re-run only to upgrade (change the pins below).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "src" / "flashpoint" / "web" / "static" / "vendor"

# (package, version, licence, [(file in the package, file in vendor/<package>/)])
PACKAGES = (
    ("leaflet", "1.9.4", "BSD-2-Clause", (
        ("dist/leaflet.js", "leaflet.js"), ("dist/leaflet.css", "leaflet.css"),
        ("dist/images/layers.png", "images/layers.png"), ("dist/images/layers-2x.png", "images/layers-2x.png"),
        ("dist/images/marker-icon.png", "images/marker-icon.png"),
        ("dist/images/marker-icon-2x.png", "images/marker-icon-2x.png"),
        ("dist/images/marker-shadow.png", "images/marker-shadow.png"), ("LICENSE", "LICENSE"))),
    ("topojson-client", "3.1.0", "ISC", (
        ("dist/topojson-client.min.js", "topojson-client.min.js"), ("LICENSE", "LICENSE"))),
    ("world-atlas", "2.0.2", "ISC (Natural Earth data: public domain)", (
        ("countries-50m.json", "countries-50m.json"), ("LICENSE", "LICENSE"))),
    ("swagger-ui-dist", "5.35.0", "Apache-2.0", (
        ("swagger-ui-bundle.js", "swagger-ui-bundle.js"), ("swagger-ui.css", "swagger-ui.css"),
        ("LICENSE", "LICENSE"), ("NOTICE", "NOTICE"))),
)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "package.json").write_text(json.dumps({"name": "flashpoint-vendor", "private": True}))
        specs = [f"{name}@{version}" for name, version, _, _ in PACKAGES]
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", *specs], cwd=work,
                       check=True)
        if TARGET.exists():
            shutil.rmtree(TARGET)
        lines = ["# Vendored browser files", "", "Copied from npm by `tools/web/vendor.py`; served offline by "
                 "`flashpoint serve`. Do not edit by hand.", "",
                 "| package | version | licence | file | sha256 |", "|---|---|---|---|---|"]
        for name, version, licence, files in PACKAGES:
            for source, dest in files:
                target = TARGET / name / dest
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(work / "node_modules" / name / source, target)
                digest = hashlib.sha256(target.read_bytes()).hexdigest()[:16]
                lines.append(f"| {name} | {version} | {licence} | {name}/{dest} | {digest}… |")
        (TARGET / "VENDOR.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"vendored {len(PACKAGES)} packages into {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
