"""Exceptions raised by newsclean.

The tree::

    NewscleanError                  anything newsclean raises on purpose
    ├── ConfigError                 a pipeline description that cannot be built
    │   └── UnknownFilterError      a filter name nobody registered
    ├── FilterError                 a filter raised while it ran (the cause is chained)
    └── FilterContractError         a filter returned something that is not a valid Drop

Wrong argument *types* (``clean(None)``) raise the built-in :class:`TypeError`.
"""

from __future__ import annotations


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose."""


class ConfigError(NewscleanError, ValueError):
    """A pipeline description (dict, TOML, step list) that cannot be built."""


class UnknownFilterError(ConfigError, LookupError):
    """No filter is registered under the requested name."""


class FilterError(NewscleanError):
    """A filter raised an exception while running; the original is the ``__cause__``.

    Attributes:
        step: the name of the pipeline step whose filter failed.
    """

    def __init__(self, message: str, *, step: str) -> None:
        """Create the error for ``step``."""
        super().__init__(message)
        self.step = step


class FilterContractError(NewscleanError):
    """A filter returned something other than valid :class:`~newsclean.Drop` values.

    Attributes:
        step: the name of the pipeline step whose filter broke the contract.
    """

    def __init__(self, message: str, *, step: str) -> None:
        """Create the error for ``step``."""
        super().__init__(message)
        self.step = step
