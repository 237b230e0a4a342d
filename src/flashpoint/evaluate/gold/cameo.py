"""The official CAMEO → PLOVER conversion table (``CAMEO2PLOVER-2021.txt``), read where the data lives."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from flashpoint.model.codebook import PLOVER_MODES

TABLE_NAME = "CAMEO2PLOVER-2021.txt"
_LINE = re.compile(r"^\s*(\d{2,4})\s*:\s*([A-Z]+)")


@dataclass(frozen=True)
class CameoToPlover:
    """CAMEO event code → PLOVER type; a code not in the table falls back to its shorter prefixes."""

    source: str
    types: MappingProxyType

    @classmethod
    def read(cls, path: Path) -> CameoToPlover:
        table: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            match = _LINE.match(line)
            if match and match.group(2) in PLOVER_MODES:
                table.setdefault(match.group(1), match.group(2))
        return cls(str(path), MappingProxyType(dict(sorted(table.items()))))

    def plover(self, code: str) -> str | None:
        """The PLOVER type of a CAMEO code ("0874" → "0874", "087", "08"), or None (e.g. test-only codes)."""
        code = code.strip()
        for length in range(len(code), 1, -1):
            found = self.types.get(code[:length])
            if found:
                return found
        return None


def find_table(*folders: Path) -> Path | None:
    """The conversion table in one of ``folders`` or a sibling ``plover-gsr-cameo`` folder."""
    for folder in folders:
        for candidate in (folder / TABLE_NAME, folder.parent / "plover-gsr-cameo" / TABLE_NAME):
            if candidate.is_file():
                return candidate
    return None
