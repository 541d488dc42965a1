"""Root pytest configuration: doctest collection of optional integrations.

``pytest --doctest-modules`` imports every module under src/; the datatrove integration
needs its optional extra at import time, so without the extra it is left out of collection
(its own tests in tests/test_integrations.py skip or fail as they decide).
"""

from __future__ import annotations

import importlib.util

collect_ignore_glob: list[str] = []
if importlib.util.find_spec("datatrove") is None:
    collect_ignore_glob.append("src/newsclean/integrations/datatrove.py")
