"""`flashpoint ingest` through the command line: stdin, --published, and a second run that changes nothing."""

from __future__ import annotations

from store.corpus import REPORTS
from typer.testing import CliRunner

from flashpoint.store import Store


def test_ingest_from_stdin_then_again(cli_app, db_path):
    runner = CliRunner()
    text = REPORTS[3][3]
    first = runner.invoke(cli_app, ["ingest", "--db", str(db_path), "--published", "2021-03-10", "-"], input=text)
    assert first.exit_code == 0, first.output
    assert "1 extracted" in first.stderr
    again = runner.invoke(cli_app, ["ingest", "--db", str(db_path), "--published", "2021-03-10", "-"], input=text)
    assert again.exit_code == 0 and "1 unchanged" in again.stderr
    with Store.open(db_path, read_only=True) as store:
        (stored,) = list(store.iter_events())
        assert stored.event.date.start.isoformat() == "2021-03-09"
        assert [r["documents"] for r in store.runs()] == [1, 1]
