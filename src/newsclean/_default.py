"""The default pipeline behind :func:`newsclean.clean`."""

from __future__ import annotations

import functools

from newsclean._config import pipeline_from_config
from newsclean._model import InputKind, Result
from newsclean._pipeline import Pipeline

# The order matters: cheap, certain rules first, so that later context-based steps
# (teasers, duplicates) see a page without legal lines and menus.
DEFAULT_STEPS: tuple[str, ...] = (
    "dom",
    "dom_content",
    "legal",
    "contact",
    "author_box",
    "disclaimer",
    "prompt",
    "empty_label",
    "navigation",
    "teasers",
    "teaser_lines",
    "comments",
    "near_duplicate",
    "main_content",
    "page_title",
    "metadata",
    "widgets",
)


@functools.cache
def default_pipeline() -> Pipeline:
    """Return the shared default pipeline (immutable, so one instance serves all).

    >>> default_pipeline().names[:2]
    ('dom', 'dom_content')
    """
    return pipeline_from_config({"steps": [{"filter": name} for name in DEFAULT_STEPS]})


def clean(page: str | bytes, *, kind: InputKind | None = None) -> str:
    """Return only the article of ``page``: headline, body paragraphs and subheadings.

    Args:
        page: a page as raw scraped text (one block per line) or HTML.
        kind: force ``"text"`` or ``"html"`` instead of detecting it.

    Raises:
        TypeError: ``page`` is not text.

    >>> clean("Storm hits the coast\\nHome | News | Sport | Weather\\nThe storm arrived at dawn, "
    ...       "and thousands of homes lost power.\\n京ICP备12345678号-1")
    'Storm hits the coast\\nThe storm arrived at dawn, and thousands of homes lost power.'
    """
    return default_pipeline().run(page, kind=kind).text


def clean_and_explain(page: str | bytes, *, kind: InputKind | None = None) -> Result:
    """Clean ``page`` and return the :class:`Result` with one verdict per block."""
    return default_pipeline().run(page, kind=kind)
