"""Generate the country, demonym and state-forces files of the actor dictionary (dev-only).

Sources: pycountry (every ISO 3166-1 country), countryinfo 1.0.1 (MIT: short names, alternate spellings,
demonyms, capitals), ACLED actor *names* seen in the shared ACLED exports (state-force names with their period),
and tools/actors/curated_countries.csv. Run from the repository root:

    pip install countryinfo==1.0.1
    python tools/actors/build_countries.py --acled ../shared/data/external/acled-notes

Writes src/flashpoint/data/actor_countries.v1.csv, demonyms.v1.csv and actor_states.v1.csv.
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import re
import unicodedata
from pathlib import Path

import countryinfo
import pycountry

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "flashpoint" / "data"
CURATED = Path(__file__).with_name("curated_countries.csv")
STATE_NAME = re.compile(r"^(Military Forces|Police Forces|Government) of (.+?) \((\d{4})-\)$")
# Alternate spellings that are ordinary English words or names, never a country in running text.
BLOCKED_ALIASES = frozenset({"Island", "Mann", "Mannin", "Viti", "Thai", "Guiana", "Prathet", "Zhonghua", "Sarnam"})
CI_VERSION = "countryinfo 1.0.1"
PC_VERSION = f"pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else ''}".strip()


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _read_curated() -> dict[str, dict[str, str]]:
    lines = [line for line in CURATED.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {row["iso3"]: row for row in csv.DictReader(lines)}


def _countryinfo() -> dict[str, dict]:
    folder = Path(countryinfo.__file__).parent / "data"
    out: dict[str, dict] = {}
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso3 = (record.get("ISO") or {}).get("alpha3")
        if iso3 and (iso3 not in out or record.get("demonym")):
            out[iso3] = record
    return out


def _acled_state_names(folder: Path | None) -> dict[tuple[str, str], tuple[str, str]]:
    """(kind, state in the name) → (full ACLED name, period start), latest period wins."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    if folder is None:
        return found
    for path in sorted(glob.glob(str(folder / "*.csv"))):
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for column in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"):
                    for name in filter(None, (row.get(column) or "").split("; ")):
                        match = STATE_NAME.match(name)
                        if match:
                            key = (match.group(1), match.group(2))
                            if key not in found or match.group(3) > found[key][1]:
                                found[key] = (name, match.group(3))
    return found


def _good_alias(alias: str, iso2: str, iso3: str) -> bool:
    alias = alias.strip()
    if not alias or alias in {iso2, iso3} or alias in BLOCKED_ALIASES or _ascii(alias) != alias:
        return False
    if "," in alias or "(" in alias:
        return False
    return " " in alias or len(alias) >= 5


def _write(path: Path, header: list[str], fieldnames: list[str], rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        for line in header:
            handle.write(f"# {line}\n")
        writer = csv.DictWriter(handle, fieldnames=fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def build(acled_folder: Path | None) -> None:
    curated = _read_curated()
    info = _countryinfo()
    acled = _acled_state_names(acled_folder)
    countries: list[dict[str, str]] = []
    demonyms: dict[str, list[tuple[int, str, str]]] = {}
    states: list[dict[str, str]] = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        iso3, iso2 = country.alpha_3, country.alpha_2
        record = info.get(iso3, {})
        cur = curated.get(iso3, {})
        short = cur.get("acled_name") or getattr(country, "common_name", None) or record.get("name") or country.name
        state = cur.get("state_name") or short
        aliases = {
            country.name,
            short,
            getattr(country, "official_name", "") or "",
            getattr(country, "common_name", "") or "",
            record.get("name", ""),
        }
        aliases |= set(record.get("altSpellings") or ())
        aliases = {a for a in aliases if _good_alias(a, iso2, iso3)}
        aliases |= {a for a in (cur.get("aliases") or "").split("|") if a}
        provenance = f"{PC_VERSION}; {CI_VERSION} (names)" + ("; curated" if cur else "")
        countries.append(
            {
                "iso3": iso3,
                "name": short,
                "state": state,
                "aliases": "|".join(sorted(aliases)),
                "provenance": provenance,
            }
        )
        population = int(record.get("population") or 0)
        for word in (record.get("demonym") or "").split(","):
            word = word.strip()
            if word and _ascii(word) == word and word not in {"French Polynesian"} | BLOCKED_ALIASES:
                demonyms.setdefault(word, []).append((population, iso3, CI_VERSION))
        for word in filter(None, (cur.get("demonyms") or "").split("|")):
            demonyms.setdefault(word, []).append((10**12, iso3, "curated"))
        for kind, prefix, sector in (
            ("Military Forces", "mil", "MIL"),
            ("Police Forces", "pol", "COP"),
            ("Government", "gov", "GOV"),
        ):
            seen = acled.get((kind, state)) or acled.get((kind, state.removeprefix("the ")))
            if seen:
                name, source = seen[0], f"acled-notes 2020 exports (name); {PC_VERSION}"
            else:
                name = f"{kind} of {state}"
                source = f"{PC_VERSION} (no ACLED period known: name without period)"
            states.append(
                {
                    "id": f"{prefix}-{iso3}",
                    "name": name,
                    "country": iso3,
                    "sector": sector,
                    "inter": "1",
                    "wikidata": "",
                    "aliases": "",
                    "scope": "",
                    "provenance": source,
                }
            )
    claimed = {a: row["iso3"] for row in curated.values() for a in (row.get("aliases") or "").split("|") if a}
    for row in countries:
        kept = [a for a in row["aliases"].split("|") if a and claimed.get(a, row["iso3"]) == row["iso3"]]
        row["aliases"] = "|".join(kept)
    demonym_rows = []
    for word, candidates in sorted(demonyms.items()):
        population, iso3, source = max(candidates)
        demonym_rows.append({"word": word, "iso3": iso3, "provenance": source})
        if source != "curated" and re.search(r"(an|i)$", word) and f"{word}s" not in demonyms:
            demonym_rows.append({"word": f"{word}s", "iso3": iso3, "provenance": f"{source} (+s plural)"})
    demonym_rows.sort(key=lambda r: (r["word"], r["iso3"]))
    licence = "pycountry (LGPL-2.1, ISO 3166 facts), countryinfo (MIT); curated rows Apache-2.0 (this project)"
    _write(
        DATA / "actor_countries.v1.csv",
        [
            "version: actor_countries.v1",
            "source: generated by tools/actors/build_countries.py from pycountry, "
            "countryinfo 1.0.1 and tools/actors/curated_countries.csv",
            f"licence: {licence}",
            "name = the country as ACLED writes it in 'Civilians (<name>)'",
            "state = the country as in 'Military Forces of <state>'",
        ],
        ["iso3", "name", "state", "aliases", "provenance"],
        countries,
    )
    _write(
        DATA / "demonyms.v1.csv",
        [
            "version: demonyms.v1",
            "source: countryinfo 1.0.1 'demonym' field (ambiguous words go to the most "
            "populous country) + curated rows (tools/actors/curated_countries.csv)",
            f"licence: {licence}",
        ],
        ["word", "iso3", "provenance"],
        demonym_rows,
    )
    _write(
        DATA / "actor_states.v1.csv",
        [
            "version: actor_states.v1",
            "source: generated by tools/actors/build_countries.py: the state forces and "
            "government of every pycountry country; ACLED's name with its period where the shared ACLED 2020 exports "
            "show one, else the name without a period",
            f"licence: {licence}",
            "same columns as actors.v1.csv; rows there with the same id add aliases and override fields",
        ],
        ["id", "name", "country", "sector", "inter", "wikidata", "aliases", "scope", "provenance"],
        states,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--acled", type=Path, default=ROOT.parent / "shared" / "data" / "external" / "acled-notes")
    args = parser.parse_args()
    build(args.acled if args.acled.is_dir() else None)


if __name__ == "__main__":
    main()
