"""Check the actor dictionary files (dev-only): provenance of every row, ACLED names really seen, alias clashes.

    python tools/actors/check_dictionary.py [--acled ../shared/data/external/acled-notes]

Exit status 1 when a row claims an ACLED name that the shared ACLED exports do not show, a row has no provenance,
or two unscoped entries share an alias.
"""

from __future__ import annotations

import argparse
import csv
import glob
import io
import sys
from pathlib import Path

from flashpoint.data import read_text
from flashpoint.extract.actors.text import cased_words, is_acronym, words

ROOT = Path(__file__).resolve().parents[2]
ACLED_CLAIM = "acled-notes 2020 exports (name"


def rows(name: str) -> list[dict[str, str]]:
    lines = [line for line in read_text(name).splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def acled_names(folder: Path) -> set[str]:
    names: set[str] = set()
    for path in sorted(glob.glob(str(folder / "*.csv"))):
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for column in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"):
                    for name in filter(None, (row.get(column) or "").split("; ")):
                        names.add(name)
                        names.update(part.strip() for part in name.split(" and/or "))
    return names


def check(folder: Path | None) -> list[str]:
    problems: list[str] = []
    seen = acled_names(folder) if folder else set()
    states = {row["id"]: row for row in rows("actor_states.v1.csv")}
    aliases: dict[tuple[str, ...], set[str]] = {}
    for row in [*states.values(), *rows("actors.v1.csv")]:
        name = row["name"] or states.get(row["id"], {}).get("name", "")
        if not row["provenance"]:
            problems.append(f"{row['id']}: no provenance")
        if seen and ACLED_CLAIM in row["provenance"] and name not in seen and "{country}" not in name:
            problems.append(f"{row['id']}: {name!r} is marked as an ACLED name but the shared exports do not show it")
        if not row.get("scope"):
            for alias in filter(None, row["aliases"].split("|")):
                key = tuple(cased_words(alias)) if is_acronym(alias) else tuple(words(alias))
                aliases.setdefault(key, set()).add(row["id"])
    for key, ids in sorted(aliases.items()):
        if len(ids) > 1:
            problems.append(f"alias {' '.join(key)!r} is shared by unscoped entries {sorted(ids)}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--acled", type=Path, default=ROOT.parent / "shared" / "data" / "external" / "acled-notes")
    args = parser.parse_args()
    problems = check(args.acled if args.acled.is_dir() else None)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
