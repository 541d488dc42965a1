"""Entry-point discovery, proven with real mini plugin packages installed by pip.

The packages are written into a temporary directory, installed with
``pip install --target`` and used from a fresh interpreter whose ``PYTHONPATH`` points
at that target, exactly as a third-party plugin would be found: through the
``newsclean.filters`` entry-point group, with no change to newsclean.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

_SHOUTING_PY = '''
"""A third-party newsclean filter: drop lines written in capitals."""

from dataclasses import dataclass

from newsclean import Drop


@dataclass(frozen=True, slots=True)
class ShoutingFilter:
    """Drop lines written in capitals (label ``shouting``)."""

    min_chars: int = 4

    def __call__(self, doc, /):
        for block in doc.kept():
            if len(block.text) >= self.min_chars and block.text.isupper():
                yield Drop(block.index, "shouting", "all capitals", {"chars": len(block.text)})
'''

_LOUD_PY = '''
"""A second distribution that also claims the name "loud"."""

from newsclean_shouting import ShoutingFilter as LoudFilter
'''

_BROKEN_PY = '''
"""A plugin whose module fails on import."""

raise RuntimeError("newsclean_broken cannot be imported")
'''

# distribution name, version, module name, module source, entry points
_PACKAGES: list[tuple[str, str, str, str, dict[str, str]]] = [
    (
        "newsclean-shouting",
        "1.2.3",
        "newsclean_shouting",
        _SHOUTING_PY,
        {
            "shouting": "newsclean_shouting:ShoutingFilter",
            "loud": "newsclean_shouting:ShoutingFilter",
        },
    ),
    ("newsclean-loud", "0.4.0", "newsclean_loud", _LOUD_PY, {"loud": "newsclean_loud:LoudFilter"}),
    (
        "newsclean-broken",
        "0.0.1",
        "newsclean_broken",
        _BROKEN_PY,
        {"broken": "newsclean_broken:Broken"},
    ),
]


def _write_package(
    root: Path, dist: str, version: str, module: str, source: str, eps: dict[str, str]
) -> Path:
    pkg = root / dist
    pkg.mkdir()
    entry_lines = "\n".join(f'{name} = "{target}"' for name, target in eps.items())
    (pkg / "pyproject.toml").write_text(
        textwrap.dedent(
            f"""\
            [build-system]
            requires = ["setuptools>=70.1"]
            build-backend = "setuptools.build_meta"

            [project]
            name = "{dist}"
            version = "{version}"

            [tool.setuptools]
            py-modules = ["{module}"]

            [project.entry-points."newsclean.filters"]
            """
        )
        + entry_lines
        + "\n",
        encoding="utf-8",
    )
    (pkg / f"{module}.py").write_text(source.lstrip(), encoding="utf-8")
    return pkg


def _pip_available() -> bool:
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "--version"], capture_output=True, check=False
    )
    return proc.returncode == 0


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Install the mini plugin packages into a private directory; return that directory."""
    if not _pip_available():
        pytest.skip("pip is not available in this interpreter; cannot install plugin packages")
    root = tmp_path_factory.mktemp("plugins")
    site = root / "site"
    pkgs = [_write_package(root, *spec) for spec in _PACKAGES]
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--disable-pip-version-check",
            "--target",
            str(site),
            *map(str, pkgs),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 0, f"pip install failed:\n{proc.stdout}\n{proc.stderr}"
    return site


def run_with_plugins(site: Path, code: str) -> Any:
    """Run ``code`` in a fresh interpreter that sees the plugins; return what it prints as JSON."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in (str(site), os.environ.get("PYTHONPATH")) if p),
    }
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, f"child failed:\n{proc.stdout}\n{proc.stderr}"
    return json.loads(proc.stdout)


def test_available_filters_lists_plugins_with_their_distribution(plugin_site: Path) -> None:
    out = run_with_plugins(
        plugin_site,
        """
        import json, sys
        import newsclean
        found = newsclean.available_filters()
        print(json.dumps({
            "found": found,
            "imported": [m for m in ("newsclean_shouting", "newsclean_loud", "newsclean_broken")
                         if m in sys.modules],
        }))
        """,
    )
    found = out["found"]
    assert found["shouting"] == "newsclean-shouting 1.2.3"
    assert found["broken"] == "newsclean-broken 0.0.1"
    assert found["loud"] == "newsclean-loud 0.4.0, newsclean-shouting 1.2.3"
    assert found["legal"] == "builtin"
    assert out["imported"] == []  # listing does not import plugins


def test_get_filter_loads_the_plugin_lazily(plugin_site: Path) -> None:
    out = run_with_plugins(
        plugin_site,
        """
        import json, sys
        import newsclean
        before = "newsclean_shouting" in sys.modules
        factory = newsclean.get_filter("shouting")
        after = "newsclean_shouting" in sys.modules
        flt = factory(min_chars=2)
        print(json.dumps({
            "before": before,
            "after": after,
            "factory": f"{factory.__module__}:{factory.__qualname__}",
            "name_of": newsclean.Pipeline([flt]).names,
            "labels": newsclean.Pipeline([flt]).run("Calm words.\\nBUY NOW\\nOK").labels(),
        }))
        """,
    )
    assert out["before"] is False
    assert out["after"] is True
    assert out["factory"] == "newsclean_shouting:ShoutingFilter"
    assert out["name_of"] == ["shouting"]
    assert out["labels"] == {"1": "shouting", "2": "shouting"}


def test_pipeline_from_toml_uses_the_plugin(plugin_site: Path, tmp_path: Path) -> None:
    config = tmp_path / "pipeline.toml"
    config.write_text(
        '[[steps]]\nfilter = "legal"\n\n'
        '[[steps]]\nname = "caps"\nfilter = "shouting"\nmin_chars = 6\n',
        encoding="utf-8",
    )
    out = run_with_plugins(
        plugin_site,
        f"""
        import json
        from newsclean import Pipeline
        from newsclean.testing import check_filter
        pipe = Pipeline.from_toml({str(config)!r})
        result = pipe.run("Storm hits the coast\\nREAD MORE NOW\\nBIG\\nThe storm arrived at dawn.")
        check_filter(pipe["caps"])
        print(json.dumps({{
            "names": pipe.names,
            "labels": result.labels(),
            "steps": [v.step for v in result.verdicts],
            "text": result.text,
            "toml_round_trip": Pipeline.from_config(pipe.to_config()) == pipe,
            "config": pipe.to_config(),
        }}))
        """,
    )
    assert out["names"] == ["legal", "caps"]
    assert out["labels"] == {"1": "shouting"}
    assert out["steps"] == [None, "caps", None, None]
    assert out["text"] == "Storm hits the coast\nBIG\nThe storm arrived at dawn."
    assert out["toml_round_trip"] is True
    assert out["config"]["steps"][1] == {"name": "caps", "filter": "shouting", "min_chars": 6}


def test_broken_plugin_breaks_nothing_else(plugin_site: Path) -> None:
    out = run_with_plugins(
        plugin_site,
        """
        import json
        import newsclean
        from newsclean import ConfigError, Pipeline
        errors = {}
        try:
            newsclean.get_filter("broken")
        except ConfigError as err:
            errors["get_filter"] = [type(err).__name__, str(err), type(err.__cause__).__name__]
        try:
            Pipeline.from_config({"steps": [{"filter": "broken"}]})
        except ConfigError as err:
            errors["config"] = [type(err).__name__, str(err)]
        shouting = Pipeline.from_config({"steps": [{"filter": "shouting"}]})
        print(json.dumps({
            "errors": errors,
            "clean": newsclean.clean("Calm words.\\n京ICP备12345678号-1"),
            "shouting": shouting.run("Calm.\\nLOUD LINE").labels(),
            "still_listed": "broken" in newsclean.available_filters(),
        }))
        """,
    )
    kind, message, cause = out["errors"]["get_filter"]
    assert kind == "ConfigError"
    assert "'broken'" in message
    assert "newsclean-broken 0.0.1" in message
    assert "cannot be imported" in message
    assert cause == "RuntimeError"
    assert out["errors"]["config"][0] == "ConfigError"
    assert out["shouting"] == {"1": "shouting"}
    assert out["still_listed"] is True
    assert out["clean"].startswith("Calm words.")


def test_two_distributions_claiming_one_name_is_an_error_naming_both(plugin_site: Path) -> None:
    out = run_with_plugins(
        plugin_site,
        """
        import json, sys
        import newsclean
        try:
            newsclean.get_filter("loud")
        except newsclean.ConfigError as err:
            print(json.dumps({
                "error": str(err),
                "unknown": isinstance(err, newsclean.UnknownFilterError),
                "imported": "newsclean_loud" in sys.modules,
            }))
        else:
            print(json.dumps({"error": None}))
        """,
    )
    assert out["error"] is not None
    assert "'loud'" in out["error"]
    assert "newsclean-shouting 1.2.3" in out["error"]
    assert "newsclean-loud 0.4.0" in out["error"]
    assert out["unknown"] is False
    assert out["imported"] is False  # neither claimant is loaded


def test_plugins_are_invisible_without_the_install(plugin_site: Path) -> None:
    import newsclean

    assert "shouting" not in newsclean.available_filters()
    with pytest.raises(newsclean.UnknownFilterError):
        newsclean.get_filter("shouting")
