"""Filter names: the built-in table, runtime registrations and installed plugins.

A name maps to a *factory*: a callable that takes the filter's parameters as keywords
and returns a filter (for dataclass filters, the class itself). Third-party packages
declare theirs in the entry-point group ``newsclean.filters``::

    [project.entry-points."newsclean.filters"]
    weibo_share = "newsclean_weibo:WeiboShareFilter"

Entry points are loaded only when their name is asked for, so a broken plugin cannot
break ``import newsclean``.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from importlib.metadata import EntryPoint, entry_points

from newsclean._errors import ConfigError, UnknownFilterError
from newsclean._filter import BlockRule, Filter

FilterFactory = Callable[..., Filter]
ENTRY_POINT_GROUP = "newsclean.filters"

# name -> "module:attribute"; imported on first use.
_BUILTINS: dict[str, str] = {
    "dom": "newsclean.filters.dom:DomHintsFilter",
    "dom_content": "newsclean.filters.dom_content:DomContentFilter",
    "legal": "newsclean.filters.legal:LegalNoticeFilter",
    "contact": "newsclean.filters.contact:ContactRowFilter",
    "author_box": "newsclean.filters.author_box:AuthorBoxFilter",
    "disclaimer": "newsclean.filters.disclaimer:DisclaimerFilter",
    "navigation": "newsclean.filters.navigation:NavigationFilter",
    "empty_label": "newsclean.filters.empty_label:EmptyLabelFilter",
    "prompt": "newsclean.filters.prompt:PromptFilter",
    "metadata": "newsclean.filters.metadata:MetadataFilter",
    "widgets": "newsclean.filters.widgets:WidgetFilter",
    "comments": "newsclean.filters.comments:CommentThreadFilter",
    "page_title": "newsclean.filters.page_title:PageTitleFilter",
    "teasers": "newsclean.filters.teasers:TeaserFilter",
    "teaser_lines": "newsclean.filters.teaser_lines:TeaserLineFilter",
    "near_duplicate": "newsclean.filters.near_duplicate:NearDuplicateFilter",
    "main_content": "newsclean.filters.main_content:MainContentFilter",
}

_lock = threading.Lock()
_registered: dict[str, tuple[FilterFactory, str]] = {}
_loaded: dict[str, tuple[FilterFactory, str]] = {}


def register_filter(
    name: str, factory: FilterFactory | BlockRule, *, replace: bool = False
) -> None:
    """Register ``factory`` under ``name`` for this process (tests, notebooks, apps).

    ``factory`` builds the filter from its parameters (a dataclass filter's class), or
    is a ready filter made with :func:`block_rule`. Installed packages should prefer the
    ``newsclean.filters`` entry-point group.

    Raises:
        ConfigError: the name is invalid, or taken and ``replace`` is false.
    """
    if not isinstance(name, str) or not name or "." in name:
        raise ConfigError(f"filter names must be non-empty and free of '.', not {name!r}")
    if not callable(factory):
        raise TypeError(f"factory for {name!r} is not callable")
    with _lock:
        if not replace and (name in _BUILTINS or name in _registered):
            raise ConfigError(f"filter name {name!r} is taken; pass replace=True to override")
        _registered[name] = (_as_factory(factory, name), "register_filter()")
        _loaded.pop(name, None)


def unregister_filter(name: str) -> None:
    """Forget a name added with :func:`register_filter` (built-ins stay)."""
    with _lock:
        _registered.pop(name, None)
        _loaded.pop(name, None)


def _plugin_entry_points() -> dict[str, list[EntryPoint]]:
    found: dict[str, list[EntryPoint]] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        found.setdefault(ep.name, []).append(ep)
    return found


def _provider(ep: EntryPoint) -> str:
    dist = ep.dist
    if dist is None:
        return "unknown distribution"
    return f"{dist.metadata['Name']} {dist.version}"


class _RuleFactory:
    """Factory for a ready-made filter (a :class:`BlockRule`): it takes no parameters."""

    __slots__ = ("rule",)

    def __init__(self, rule: BlockRule) -> None:
        self.rule = rule

    def __call__(self) -> Filter:
        return self.rule


def _as_factory(obj: object, name: str) -> FilterFactory:
    """Accept a filter class/factory, or a ready filter such as a :class:`BlockRule`."""
    if isinstance(obj, BlockRule):
        return _RuleFactory(obj)
    if not callable(obj):
        raise ConfigError(f"filter {name!r} points at {obj!r}, which is not callable")
    return obj


def get_filter(name: str) -> FilterFactory:
    """Return the factory registered under ``name``.

    Looks in this order: :func:`register_filter`, built-ins, installed entry points.

    Raises:
        UnknownFilterError: nobody provides ``name``; the message lists what exists.
        ConfigError: two installed distributions both claim ``name``, or the plugin
            failed to load.
    """
    with _lock:
        if name in _registered:
            return _registered[name][0]
        if name in _loaded:
            return _loaded[name][0]
    if name in _BUILTINS:
        module, _, attr = _BUILTINS[name].partition(":")
        factory = _as_factory(getattr(importlib.import_module(module), attr), name)
        provider = "builtin"
    else:
        candidates = _plugin_entry_points().get(name, [])
        if not candidates:
            raise UnknownFilterError(
                f"no filter {name!r}; available: {', '.join(sorted(available_filters()))}"
            )
        providers = sorted({_provider(ep) for ep in candidates})
        if len(providers) > 1:
            raise ConfigError(
                f"filter name {name!r} is claimed by several distributions: {', '.join(providers)}"
            )
        ep = candidates[0]
        try:
            loaded = ep.load()
        except Exception as err:
            raise ConfigError(
                f"filter {name!r} from {providers[0]} failed to load ({ep.value}): {err}"
            ) from err
        factory = _as_factory(loaded, name)
        provider = providers[0]
    with _lock:
        _loaded[name] = (factory, provider)
    return factory


def available_filters() -> dict[str, str]:
    """Map every known filter name to who provides it.

    ``"builtin"``, ``"register_filter()"``, or ``"<distribution> <version>"`` for an
    installed plugin. Plugins are listed without being imported.
    """
    names: dict[str, str] = dict.fromkeys(_BUILTINS, "builtin")
    for name, eps in _plugin_entry_points().items():
        if name not in names:
            names[name] = ", ".join(sorted({_provider(ep) for ep in eps}))
    with _lock:
        for name, (_, provider) in _registered.items():
            names[name] = provider
    return dict(sorted(names.items()))


def name_of(flt: object) -> str | None:
    """Return the registered name whose factory builds filters like ``flt``, if any."""
    target = f"{type(flt).__module__}:{type(flt).__qualname__}"
    with _lock:
        pairs = list(_registered.items()) + list(_loaded.items())
    for name, (factory, _) in pairs:
        if factory is type(flt) or (isinstance(factory, _RuleFactory) and factory.rule is flt):
            return name
    for name, spec in _BUILTINS.items():
        if spec == target:
            return name
    for name, eps in _plugin_entry_points().items():
        if any(ep.value == target for ep in eps):
            return name
    return None
