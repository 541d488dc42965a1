"""newsclean: turn scraped web pages into clean article text.

>>> import newsclean
>>> print(newsclean.clean("Budget passes after long debate\\n"
...                       "Lawmakers approved the budget on Tuesday, ending a month of talks.\\n"
...                       "Copyright © 2024 Example News. All Rights Reserved."))
Budget passes after long debate
Lawmakers approved the budget on Tuesday, ending a month of talks.
"""

import contextlib

from newsclean._config import pipeline_from_config, pipeline_from_toml
from newsclean._default import clean, clean_and_explain, default_pipeline
from newsclean._errors import (
    ConfigError,
    FilterContractError,
    FilterError,
    NewscleanError,
    UnknownFilterError,
)
from newsclean._filter import BlockRule, Filter, block_rule
from newsclean._model import Block, Document, Drop, Result, Teaser, Verdict
from newsclean._pipeline import Pipeline
from newsclean._registry import (
    ENTRY_POINT_GROUP,
    available_filters,
    get_filter,
    register_filter,
    unregister_filter,
)
from newsclean._segment import split_lines

__version__ = "0.1.0"

__all__ = [
    "ENTRY_POINT_GROUP",
    "Block",
    "BlockRule",
    "ConfigError",
    "Document",
    "Drop",
    "Filter",
    "FilterContractError",
    "FilterError",
    "NewscleanError",
    "Pipeline",
    "Result",
    "Teaser",
    "UnknownFilterError",
    "Verdict",
    "__version__",
    "available_filters",
    "block_rule",
    "clean",
    "clean_and_explain",
    "default_pipeline",
    "get_filter",
    "pipeline_from_config",
    "pipeline_from_toml",
    "register_filter",
    "split_lines",
    "unregister_filter",
]

# Show public names as newsclean.X in reprs and docs, not as private modules.
for _name in __all__:
    _obj = globals()[_name]
    if hasattr(_obj, "__module__") and not isinstance(_obj, str):
        with contextlib.suppress(AttributeError, TypeError):
            _obj.__module__ = "newsclean"
del _name, _obj
