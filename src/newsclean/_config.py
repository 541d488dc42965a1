"""Pipelines to and from plain data (dicts) and TOML files.

The format is a list of steps, in run order::

    [[steps]]
    filter = "legal"

    [[steps]]
    name = "teasers_strict"      # optional; defaults to the filter name
    filter = "teasers"
    threshold = 85               # any other key is a parameter of the filter

Parameters are the fields of the filter's dataclass; unknown keys and values of the
wrong type raise :class:`~newsclean.ConfigError` naming the step and the valid keys.
"""

from __future__ import annotations

import dataclasses
import json
import math
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsclean._errors import ConfigError
from newsclean._filter import Filter
from newsclean._registry import FilterFactory, get_filter, name_of

if TYPE_CHECKING:
    from newsclean._pipeline import Pipeline

_RESERVED = ("name", "filter")
Scalar = str | int | float | bool


def pipeline_from_config(config: Mapping[str, Any]) -> Pipeline:
    """Build a pipeline from ``{"steps": [{"filter": ..., "name": ..., **params}]}``.

    Raises:
        ConfigError: the structure is wrong, a filter is unknown, or a parameter is
            unknown or of the wrong type.
    """
    from newsclean._pipeline import Pipeline

    if not isinstance(config, Mapping):
        raise ConfigError(f"a pipeline config must be a mapping, not {type(config).__name__}")
    unknown = set(config) - {"steps"}
    if unknown:
        raise ConfigError(f"unknown top-level keys {sorted(unknown)}; expected: steps")
    steps = config.get("steps", [])
    if not isinstance(steps, list):
        raise ConfigError("'steps' must be a list of tables")
    built: list[tuple[str, Filter]] = []
    for position, step in enumerate(steps):
        if not isinstance(step, Mapping):
            raise ConfigError(f"step #{position} must be a table, not {type(step).__name__}")
        filter_name = step.get("filter")
        if not isinstance(filter_name, str):
            raise ConfigError(f"step #{position} needs a 'filter' name (a string)")
        name = step.get("name", filter_name)
        if not isinstance(name, str):
            raise ConfigError(f"step #{position}: 'name' must be a string")
        params = {k: v for k, v in step.items() if k not in _RESERVED}
        built.append((name, build_filter(filter_name, params, step=name)))
    return Pipeline(built)


def pipeline_from_toml(path: str | Path) -> Pipeline:
    """Build a pipeline from a TOML file (see the module docstring for the format).

    Raises:
        ConfigError: the file is not valid TOML or not a valid pipeline.
        OSError: the file cannot be read.
    """
    with open(path, "rb") as fh:
        try:
            data = tomllib.load(fh)
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(f"{path}: invalid TOML: {err}") from err
    return pipeline_from_config(data)


def build_filter(filter_name: str, params: Mapping[str, Any], *, step: str) -> Filter:
    """Create the filter registered as ``filter_name`` with ``params``, checking them."""
    factory = get_filter(filter_name)
    params = _check_params(factory, params, step=step, filter_name=filter_name)
    try:
        return factory(**params)
    except (TypeError, ValueError) as err:
        raise ConfigError(f"step {step!r} ({filter_name}): {err}") from err


def reconfigure(step: str, flt: Filter, params: Mapping[str, Any]) -> Filter:
    """Return a copy of dataclass filter ``flt`` with ``params`` changed."""
    if not dataclasses.is_dataclass(flt) or isinstance(flt, type):
        raise ConfigError(f"step {step!r}: {flt!r} has no parameters to configure")
    params = _check_params(type(flt), params, step=step, filter_name=type(flt).__name__)
    try:
        return dataclasses.replace(flt, **params)
    except (TypeError, ValueError) as err:
        raise ConfigError(f"step {step!r}: {err}") from err


def _check_params(
    factory: FilterFactory, params: Mapping[str, Any], *, step: str, filter_name: str
) -> dict[str, Any]:
    """Validate ``params`` against a dataclass filter's fields; return them normalised.

    TOML and JSON have lists where filters keep tuples (hashable, immutable), so lists
    become tuples wherever the field's default is a tuple.
    """
    checked = dict(params)
    if not (isinstance(factory, type) and dataclasses.is_dataclass(factory)):
        return checked  # a plain factory checks its own keywords; TypeError becomes ConfigError
    fields = {f.name: f for f in dataclasses.fields(factory) if f.init}
    for key, value in params.items():
        if key not in fields:
            expected = ", ".join(sorted(fields)) or "(no parameters)"
            raise ConfigError(
                f"step {step!r}: {filter_name} has no parameter {key!r}; expected: {expected}"
            )
        default = _default_of(fields[key])
        if default is not dataclasses.MISSING and not _same_kind(default, value):
            raise ConfigError(
                f"step {step!r}: {filter_name}.{key} must be {type(default).__name__}, "
                f"not {type(value).__name__} ({value!r})"
            )
        if isinstance(default, tuple) and isinstance(value, list):
            checked[key] = tuple(value)
    return checked


def _default_of(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return dataclasses.MISSING


def _same_kind(default: Any, value: Any) -> bool:
    """Whether ``value`` may stand where the field's default value stands."""
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float)) and math.isfinite(value)
    if isinstance(default, (tuple, list, frozenset)):
        return isinstance(value, (tuple, list, frozenset))
    return default is None or isinstance(value, type(default))


def pipeline_to_config(pipeline: Pipeline) -> dict[str, Any]:
    """Describe ``pipeline`` as plain data; parameters equal to defaults are left out.

    Raises:
        ConfigError: a step's filter is not a registered dataclass filter.
    """
    steps: list[dict[str, Any]] = []
    for name, flt in pipeline.steps:
        filter_name = name_of(flt)
        if filter_name is None:
            raise ConfigError(
                f"step {name!r} ({type(flt).__qualname__}) is not a registered filter; "
                "register it to write the pipeline as config"
            )
        entry: dict[str, Any] = {}
        if name != filter_name:
            entry["name"] = name
        entry["filter"] = filter_name
        if dataclasses.is_dataclass(flt) and not isinstance(flt, type):
            for f in dataclasses.fields(flt):
                value = getattr(flt, f.name)
                if f.init and value != _default_of(f):
                    entry[f.name] = list(value) if isinstance(value, (tuple, frozenset)) else value
        steps.append(entry)
    return {"steps": steps}


def pipeline_to_toml(pipeline: Pipeline) -> str:
    """Write ``pipeline`` as TOML text readable by :func:`pipeline_from_toml`."""
    parts: list[str] = []
    for step in pipeline_to_config(pipeline)["steps"]:
        lines = ["[[steps]]"]
        lines.extend(f"{key} = {_toml_value(value)}" for key, value in step.items())
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        # JSON string escapes are valid TOML basic-string escapes.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise ConfigError(f"cannot write {value!r} ({type(value).__name__}) as TOML")
