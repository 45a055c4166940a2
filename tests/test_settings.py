"""Settings own every environment variable: typed, validated, and named in the error when bad."""

from __future__ import annotations

from pathlib import Path

import pytest

from classifier.errors import ConfigError
from classifier.settings import Settings

from .conftest import run_cli


def test_named_variables_reach_their_fields(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("RLTAXO_LOCAL_MODEL", "RLTAXO_SCRIPT", "RLTAXO_PRICES", "RLTAXO_GOLD", "RLTAXO_TAXONOMY"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    monkeypatch.setenv("RLTAXO_FROM", "abstract")
    monkeypatch.setenv("RLTAXO_VOTES", "3")  # a field without a named variable: RLTAXO_<FIELD>
    s = Settings.from_env()
    assert s.local_model == tmp_path / "rltaxo_local_model" and s.script == tmp_path / "rltaxo_script"
    assert s.prices == tmp_path / "rltaxo_prices" and s.gold == tmp_path / "rltaxo_gold"
    assert s.taxonomy == tmp_path / "rltaxo_taxonomy" and s.input_mode == "abstract" and s.votes == 3
    assert Settings.from_env(input_mode="pdf").input_mode == "pdf"  # the CLI's value wins


@pytest.mark.parametrize(
    ("var", "value", "named"),
    [("RLTAXO_TIMEOUT", "abc", "RLTAXO_TIMEOUT='abc'"), ("RLTAXO_VOTES", "many", "RLTAXO_VOTES='many'"),
     ("RLTAXO_FROM", "web", "RLTAXO_FROM='web'"), ("RLTAXO_DOWNLOAD_DELAY", "-1", "RLTAXO_DOWNLOAD_DELAY='-1'")],
)  # fmt: skip
def test_a_bad_value_names_its_variable(monkeypatch: pytest.MonkeyPatch, var: str, value: str, named: str) -> None:
    monkeypatch.setenv(var, value)
    with pytest.raises(ConfigError, match=named):
        Settings.from_env()


def test_a_bad_flag_value_names_the_flag() -> None:
    with pytest.raises(ConfigError, match="--from='web'"):
        Settings.from_env(input_mode="web")


def test_the_key_is_never_dumped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-123")
    s = Settings.from_env()
    assert s.endpoint_configured and "sk-secret-123" not in repr(s) and "api_key" not in s.model_dump()


# --- #24: one validation for flags and variables ------------------------------------------------------
@pytest.mark.parametrize(
    ("var", "value"),
    [("RLTAXO_VOTES", "500"), ("RLTAXO_VOTES", "0"), ("RLTAXO_MAX_ATTEMPTS", "0"), ("RLTAXO_MAX_WAIT_S", "-5"),
     ("RLTAXO_TEMPERATURE", "-1"), ("RLTAXO_TEMPERATURE", "nan"), ("OPENAI_BASE_URL", "http://[::1"),
     ("OPENAI_BASE_URL", "ftp://example")],
)  # fmt: skip
def test_bad_variables_are_one_line_exit_2(var: str, value: str, env: dict[str, str]) -> None:
    r = run_cli("classify", "--title", "A Title", "--abstract", "An abstract.", env={**env, var: value})
    assert r.returncode == 2 and f"{var}=" in r.stderr and "internal error" not in r.stderr, r.stderr


def test_a_misspelt_variable_is_named_with_the_closest_real_one(env: dict[str, str]) -> None:
    r = run_cli("tree", env={**env, "RLTAXO_TEMPRATURE": "0.5"})
    assert r.returncode == 0
    assert "RLTAXO_TEMPRATURE is not a setting (did you mean RLTAXO_TEMPERATURE?)" in r.stderr
