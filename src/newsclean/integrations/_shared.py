"""What the engine integrations share: one cached runner per pipeline description."""

from __future__ import annotations

import functools

from newsclean._batch import WorkerSpec
from newsclean._records import Runner, make_runner


@functools.cache
def runner_for(config: str | None, skip: tuple[str, ...]) -> Runner:
    """Build (once per process) the runner of the default or ``config`` pipeline.

    Pipelines are immutable, so every task of a worker process shares one.

    Raises:
        ConfigError: the configuration is invalid.
    """
    return make_runner(WorkerSpec(config, skip).pipeline().run)
