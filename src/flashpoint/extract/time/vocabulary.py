"""The time vocabulary (``time.v1.yaml``, ``time_aspect.v1.yaml``) as one immutable object, loaded once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from flashpoint.data import fingerprint, read_text

CALENDAR_FILE = "time.v1.yaml"
ASPECT_FILE = "time_aspect.v1.yaml"


@dataclass(frozen=True)
class Unit:
    """A time unit: its length (days, months or hours) and how loosely "N units ago" is meant."""

    name: str
    days: int = 0
    months: int = 0
    hours: int = 0
    tolerance_days: int = 0


@dataclass(frozen=True)
class Precision:
    """Precision codes for spans up to ``max_days`` long."""

    max_days: int
    acled: int | None
    ucdp: int | None


@dataclass(frozen=True)
class TimeVocabulary:
    """Every word and convention the time resolver uses; built from the bundled YAML (plus an analyst's)."""

    version: str
    fingerprint: str
    week_start: int
    months: Mapping[str, int]
    month_names: tuple[str, ...]
    weekdays: Mapping[str, int]
    day_words: Mapping[str, int]
    parts_of_day: tuple[str, ...]
    night_words: tuple[str, ...]
    units: Mapping[str, Unit]
    numbers: Mapping[str, tuple[int, int]]
    ordinal_days: Mapping[str, int]
    plural_without_number: tuple[int, int]
    recent: Mapping[str, Unit]
    parts: Mapping[str, Mapping[str, tuple[int, int]]]
    part_prefix_words: tuple[str, ...]
    part_of_words: tuple[str, ...]
    weekend: tuple[int, int]
    decade_parts: Mapping[str, tuple[int, int]]
    holidays: Mapping[str, tuple[int, int]]
    seasons: Mapping[str, tuple[int, int]]
    future_grace_days: int
    words: Mapping[str, tuple[str, ...]]
    precision: tuple[Precision, ...]
    hedged_precision: tuple[int, int]
    aspect: Mapping[str, frozenset[str]]

    @classmethod
    def load(cls, extra_dir: Path | None = None) -> TimeVocabulary:
        """Read the bundled files, merging same-named files from ``extra_dir`` over them."""
        texts = [read_text(CALENDAR_FILE), read_text(ASPECT_FILE)]
        calendar, aspect = (yaml.load(text, Loader=_LOADER) for text in texts)
        local = ""
        if extra_dir is not None:
            for name, base in ((CALENDAR_FILE, calendar), (ASPECT_FILE, aspect)):
                path = Path(extra_dir) / name
                if path.is_file():
                    extra = path.read_text(encoding="utf-8")
                    texts.append(extra)
                    _merge(base, yaml.load(extra, Loader=_LOADER) or {})
                    local = "+local"
        return cls._build(calendar, aspect, fingerprint(*texts), local)

    @classmethod
    def _build(cls, c: dict[str, Any], a: dict[str, Any], digest: str, local: str) -> TimeVocabulary:
        for key, value in [*c.items(), *a.items()]:
            if isinstance(value, list) and any(isinstance(w, bool) for w in value):
                raise ValueError(f"time vocabulary {key!r}: quote YAML words such as \"on\", \"no\", \"yes\"")
        months = {form: number for number, forms in enumerate(c["months"], 1) for form in forms}
        units: dict[str, Unit] = {}
        for name, spec in c["units"].items():
            unit = Unit(name, spec.get("days", 0), spec.get("months", 0), spec.get("hours", 0),
                        spec.get("tolerance_days", 0))
            units.update({form.lower(): unit for form in spec["forms"]})
        word_keys = ("approximate_before", "approximate_after", "reported_before", "since_words", "now_words",
                     "range_start_words", "range_joiners", "before_words", "after_words", "anchored_previous",
                     "anchored_next", "anchored_same", "weekday_blockers", "strict_months",
                     "strict_month_openers", "same_day_phrases", "holiday_openers")
        return cls(
            version=f"{c['version']}{local}",
            fingerprint=digest,
            week_start=("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday").index(str(c.get("week_starts", "monday")).lower()),
            months=MappingProxyType(months),
            month_names=tuple(forms[0] for forms in c["months"]),
            weekdays=MappingProxyType({name: i for i, name in enumerate(c["weekdays"])}),
            day_words=MappingProxyType({k.lower(): int(v) for k, v in c["day_words"].items()}),
            parts_of_day=tuple(c["parts_of_day"]),
            night_words=tuple(c["night_words"]),
            units=MappingProxyType(units),
            numbers=MappingProxyType({k.lower(): _pair(v) for k, v in c["numbers"].items()}),
            ordinal_days=MappingProxyType({w.lower(): i for i, w in enumerate(c["ordinal_days"], 1)}),
            plural_without_number=_pair(c["plural_without_number"]),
            recent=MappingProxyType({k: Unit(k, v.get("days", 0), v.get("months", 0))
                                     for k, v in c["recent"].items()}),
            parts=MappingProxyType({k: MappingProxyType({u: _pair(r) for u, r in v.items()})
                                    for k, v in c["parts_of_period"].items()}),
            part_prefix_words=tuple(c["part_prefix_words"]),
            part_of_words=tuple(c["part_of_words"]),
            weekend=_pair(c["weekend"]),
            decade_parts=MappingProxyType({k: _pair(v) for k, v in c["decade_parts"].items()}),
            holidays=MappingProxyType({k: _pair(v) for k, v in c["fixed_holidays"].items()}),
            seasons=MappingProxyType({k: _pair(v) for k, v in c["seasons"].items()}),
            future_grace_days=int(c["future_grace_days"]),
            words=MappingProxyType({k: tuple(str(w) for w in c[k]) for k in word_keys}),
            precision=tuple(Precision(p["max_days"], p["acled"], p["ucdp"]) for p in c["precision"]),
            hedged_precision=(c["hedged_precision"]["acled"], c["hedged_precision"]["ucdp"]),
            aspect=MappingProxyType({k: frozenset(str(w).lower() for w in v)
                                     for k, v in a.items() if isinstance(v, list)}),
        )

    def precision_of(self, days: int) -> tuple[int | None, int | None]:
        """(ACLED time_precision, UCDP date_prec) of a span ``days`` long."""
        for row in self.precision:
            if days <= row.max_days:
                return row.acled, row.ucdp
        return None, None


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _pair(value: Any) -> tuple[int, int]:
    if isinstance(value, list | tuple):
        return int(value[0]), int(value[-1])
    return int(value), int(value)


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> None:
    """Merge an analyst's file into the bundled one: mappings key by key, lists extended, scalars replaced."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key].update(value)
        elif isinstance(value, list) and isinstance(base.get(key), list) and key not in ("months", "precision"):
            base[key] = base[key] + [v for v in value if v not in base[key]]
        else:
            base[key] = value
