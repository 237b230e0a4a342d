"""Fuzz every route from the server's own OpenAPI schema (schemathesis strategies, driven by hypothesis): no input
may cause a 5xx or leak a stack trace."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

MAX_EXAMPLES = 25


@pytest.fixture(scope="session")
def api_schema(base_url: str):
    return schemathesis.openapi.from_url(f"{base_url}/openapi.json")


def test_no_input_causes_a_server_error(api_schema) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 6
    statuses: dict[str, set[int]] = {}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def call(case) -> None:
            response = case.call(timeout=60)
            assert response.status_code < 500, (f"{case.method} {case.formatted_path} → {response.status_code}: "
                                                f"{response.text[:300]}")
            assert "Traceback" not in response.text
            statuses.setdefault(case.operation.label, set()).add(response.status_code)

        call()
    assert len(statuses) == len(operations)
