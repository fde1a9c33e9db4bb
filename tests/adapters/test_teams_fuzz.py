"""A small run of benchmarks/teams_fuzz.py (the full one sends 10,000): malformed activities of
many kinds against the real app, and not one 5xx; the fuzz canary reaches no log line."""
from __future__ import annotations

import runpy
from pathlib import Path

from tests.adapters.test_teams import make_world, production_logging  # noqa: F401  (a fixture)

FUZZ = runpy.run_path(str(Path(__file__).resolve().parents[2] / "benchmarks" / "teams_fuzz.py"))


async def test_300_malformed_activities_get_no_5xx(tmp_path, production_logging):
    caplog = production_logging
    world, server = await make_world(tmp_path, "29:1leader")
    try:
        result = await FUZZ["fuzz"](world.teams.endpoint, world.connector.url, 300, seed=7, concurrency=4, max_seconds=120)
    finally:
        await world.session.close()
        await server.close()
        await world.connector.stop()
        world.services.store.close()
    assert result["sent"] == 300
    assert result["server_errors"] == 0, result
    assert len(result["kinds"]) >= 15
    assert any(s.startswith("4") for s in result["statuses"])
    for record in caplog.records:
        assert FUZZ["CANARY"] not in record.getMessage()
