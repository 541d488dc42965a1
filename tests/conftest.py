"""Shared pytest set-up: Hypothesis profiles and the ``--update-golden`` option."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

# "ci": reproducible and thorough (CI sets the CI variable); "dev": quick local runs.
settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=200,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=60)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden files (fixtures/pages/*.clean.txt, *.verdicts.tsv) from the "
        "current output instead of comparing against them",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether the run was asked to rewrite golden files (``pytest --update-golden``)."""
    return bool(request.config.getoption("--update-golden"))
