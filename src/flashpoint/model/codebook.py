"""The controlled vocabularies of the contract (ACLED, PLOVER, sectors), read from the bundled codebook files.

The vocabularies are frozen into ``Literal`` types when this module is imported, so the JSON Schema lists them.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Literal

from flashpoint.data import read_yaml

_ACLED = read_yaml("codebooks/acled.v1.yaml")
_PLOVER = read_yaml("codebooks/plover.v1.yaml")

ACLED_SUBTYPES: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {event: tuple(spec["sub_event_types"]) for event, spec in _ACLED["event_types"].items()}
)
ACLED_DISORDER: MappingProxyType[str, str] = MappingProxyType(
    {event: spec["disorder_type"] for event, spec in _ACLED["event_types"].items()}
)
ACLED_ESCALATION: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {event: tuple(spec["escalation"]) for event, spec in _ACLED["event_types"].items() if "escalation" in spec}
)
ACLED_ABSORBS: MappingProxyType[str, MappingProxyType[str, str]] = MappingProxyType(
    {event: MappingProxyType(dict(spec["absorbs"])) for event, spec in _ACLED["event_types"].items()
     if "absorbs" in spec}
)
ACLED_INTER_LABELS: MappingProxyType[int, str] = MappingProxyType(
    {int(code): label for code, label in _ACLED["inter_codes"].items()}
)
PLOVER_MODES: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {name: tuple(spec["modes"]) for name, spec in _PLOVER["types"].items()}
)
PLOVER_CONTEXTS: tuple[str, ...] = tuple(_PLOVER["contexts"])
SECTORS: MappingProxyType[str, str] = MappingProxyType(dict(_PLOVER["sectors"]))

AcledEventType = Literal[tuple(ACLED_SUBTYPES)]  # type: ignore[valid-type]
AcledSubEventType = Literal[tuple(s for subs in ACLED_SUBTYPES.values() for s in subs)]  # type: ignore[valid-type]
DisorderType = Literal[tuple(_ACLED["disorder_types"])]  # type: ignore[valid-type]
PloverType = Literal[tuple(PLOVER_MODES)]  # type: ignore[valid-type]
PloverContext = Literal[PLOVER_CONTEXTS]  # type: ignore[valid-type]
Sector = Literal[tuple(SECTORS)]  # type: ignore[valid-type]

CODEBOOK_VERSIONS = MappingProxyType({"acled": _ACLED["version"], "plover": _PLOVER["version"]})
