"""One settings object: environment first, CLI flags override. Secrets never leave it in a dump."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .errors import ConfigError


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rltaxo"


class Limits(BaseModel):
    """Bounds applied to every PDF, so that no input can hang the tool or eat the machine."""

    model_config = ConfigDict(frozen=True)

    timeout_s: float = Field(
        60.0,
        gt=0,
        le=86_400,
        description="Wall-clock bound for reading one PDF, in seconds.",
    )
    memory_mb: int = Field(
        2048, ge=16, le=1_048_576, description="Address-space bound for the process that parses one PDF, in MiB."
    )
    max_file_mb: float = Field(200.0, gt=0, le=100_000, description="Largest PDF file accepted, in MiB.")
    max_pages: int = Field(40, ge=1, le=100_000, description="Most pages ever extracted from one PDF.")
    max_chars: int = Field(2_000_000, description="Most characters of text kept from one PDF.")


_FLAGS = {"input_mode": "--from", "max_run_tokens": "--max-tokens", "max_cost_usd": "--max-cost"}


def _env(name: str) -> Any:
    """A field read from one named environment variable (and settable by its field name in code)."""
    return AliasChoices(name, name.lower())


class Settings(BaseSettings):
    """Everything configurable, each with the environment variable that sets it (pydantic-settings reads
    them; a field without a named variable is ``RLTAXO_<FIELD>``). Arguments given in code or by the CLI win."""

    model_config = SettingsConfigDict(
        frozen=True, env_prefix="RLTAXO_", env_ignore_empty=True, extra="ignore", populate_by_name=True
    )

    backend: str | None = Field(
        None,
        description="Backend name; None picks 'openai' when an endpoint is configured, else 'offline'.",
        validation_alias=_env("RLTAXO_BACKEND"),
    )
    model: str = Field(
        "gpt-4o-mini", description="Model name for LLM backends (RLTAXO_MODEL).", validation_alias=_env("RLTAXO_MODEL")
    )
    api_key: SecretStr | None = Field(
        None,
        description="API key (OPENAI_API_KEY); never printed.",
        exclude=True,
        validation_alias=_env("OPENAI_API_KEY"),
    )
    base_url: str | None = Field(
        None, description="OpenAI-compatible endpoint (OPENAI_BASE_URL).", validation_alias=_env("OPENAI_BASE_URL")
    )
    arxiv_url: str = Field(
        "https://arxiv.org/pdf/",
        description="Base URL PDFs are fetched from by arXiv id (RLTAXO_ARXIV_URL).",
        validation_alias=_env("RLTAXO_ARXIV_URL"),
    )
    download_delay_s: float = Field(
        3.0,
        ge=0,
        le=600,
        description="Pause between two downloads, to be polite to arXiv (RLTAXO_DOWNLOAD_DELAY).",
        validation_alias=_env("RLTAXO_DOWNLOAD_DELAY"),
    )
    arxiv_api_url: str = Field(
        "https://export.arxiv.org/api/query",
        description="arXiv API query endpoint for titles and abstracts by id (RLTAXO_ARXIV_API_URL).",
        validation_alias=_env("RLTAXO_ARXIV_API_URL"),
    )
    arxiv_api_delay_s: float = Field(
        3.0,
        ge=0,
        le=600,
        description="Pause between two arXiv API requests (RLTAXO_ARXIV_API_DELAY).",
        validation_alias=_env("RLTAXO_ARXIV_API_DELAY"),
    )
    doi_api_url: str = Field(
        "https://api.openalex.org/works",
        description="OpenAlex works endpoint: abstracts of list entries known by DOI only (RLTAXO_DOI_API_URL).",
        validation_alias=_env("RLTAXO_DOI_API_URL"),
    )
    zotero_library: str = Field(
        "",
        max_length=40,
        description="Zotero web API library: users/<id> or groups/<id> (RLTAXO_ZOTERO_LIBRARY); unset: the local API.",
        validation_alias=_env("RLTAXO_ZOTERO_LIBRARY"),
    )
    zotero_key: SecretStr | None = Field(
        None,
        description="Zotero web API key (RLTAXO_ZOTERO_KEY): sent as a header only, never printed or cached.",
        validation_alias=_env("RLTAXO_ZOTERO_KEY"),
    )
    zotero_url: str | None = Field(
        None,
        description="Zotero API base URL (RLTAXO_ZOTERO_URL): default the local API, or api.zotero.org with a library.",
        validation_alias=_env("RLTAXO_ZOTERO_URL"),
    )
    zotero_storage: Path = Field(
        Path("~/Zotero/storage").expanduser(),
        description="Zotero's storage folder, where its PDFs are (RLTAXO_ZOTERO_STORAGE).",
        validation_alias=_env("RLTAXO_ZOTERO_STORAGE"),
    )
    mailto: str = Field(
        "",
        max_length=200,
        description="Your e-mail, sent to OpenAlex as its polite pool asks (RLTAXO_MAILTO); never sent elsewhere.",
        validation_alias=_env("RLTAXO_MAILTO"),
    )
    input_mode: Literal["pdf", "abstract", "auto"] = Field(
        "auto",
        description="What to read: the PDF, the title + abstract only, or auto (a local or cached PDF, "
        "else the list's or the arXiv API's title + abstract).",
        validation_alias=_env("RLTAXO_FROM"),
    )
    cache_dir: Path = Field(
        default_factory=default_cache_dir,
        description="Download and response cache.",
        validation_alias=_env("RLTAXO_CACHE_DIR"),
    )
    use_cache: bool = Field(True, description="Read and write the response cache.")
    excerpt_tokens: int = Field(
        3000,
        ge=200,
        le=200_000,
        description="Token budget for the excerpt sent to a backend.",
        validation_alias=_env("RLTAXO_EXCERPT_TOKENS"),
    )
    limits: Limits = Field(default_factory=Limits, description="Bounds on every PDF.")
    structured_mode: str = Field("auto", description="json_schema | json_object | prompt | auto.")
    timeout_s: float = Field(
        120.0,
        gt=0,
        le=3600,
        description="HTTP timeout for one LLM request, in seconds (RLTAXO_TIMEOUT).",
        validation_alias=_env("RLTAXO_TIMEOUT"),
    )
    max_attempts: int = Field(6, ge=1, le=20, description="Attempts per LLM request (rate limits, 5xx, timeouts).")
    offline_model: str | None = Field(
        None,
        description="The offline backend's learned model: a model file from rltaxo learn, or 'none' for the "
        "hand-written engine alone. Default: the bundled model for the bundled tree, the engine for others.",
    )
    escalate: bool = Field(False, description="Offline first; results it flags for review go to the LLM backend.")
    max_wait_s: float = Field(
        120.0, ge=0, le=3600, allow_inf_nan=False, description="Longest total backoff for one LLM request, in s."
    )
    temperature: float = Field(
        0.0, ge=0, le=2, allow_inf_nan=False, description="Sampling temperature (0 for reproducible runs)."
    )
    seed: int = Field(1234, description="Sampling seed where the server supports it.")
    votes: int = Field(1, ge=1, le=25, description="Self-consistency samples per paper (majority leaf; each paid).")
    max_run_tokens: int | None = Field(None, description="Token budget for a whole run; stops cleanly.")
    rpm: float | None = Field(
        None, gt=0, le=1_000_000, allow_inf_nan=False, description="Requests per minute at most (a token bucket)."
    )
    tpm: float | None = Field(
        None,
        gt=0,
        le=1e9,
        allow_inf_nan=False,
        description="Tokens per minute at most, prompt and answer budget counted as the API does (a token bucket).",
    )
    max_cost_usd: float | None = Field(
        None, gt=0, description="Cost cap for a whole run in US$ (the shipped prices, or RLTAXO_PRICES); stops cleanly."
    )
    batch_poll_s: float = Field(
        20.0, gt=0, le=3600, description="First pause between two Batch API polls with --wait (backs off to 60 s)."
    )
    few_shot: int = Field(8, description="Gold exemplars in the prompt, one per leaf (never the paper itself).")
    local_model: Path | None = Field(
        validation_alias=_env("RLTAXO_LOCAL_MODEL"),
        default=None,
        description="GGUF file for the local backend; none means the bundled test model (RLTAXO_LOCAL_MODEL).",
    )
    script: Path | None = Field(
        validation_alias=_env("RLTAXO_SCRIPT"),
        default=None,
        description="JSON script of answers for the scripted backend (RLTAXO_SCRIPT).",
    )
    prices: Path | None = Field(
        validation_alias=_env("RLTAXO_PRICES"),
        default=None,
        description="JSON price table, US$ per million tokens per model (RLTAXO_PRICES).",
    )
    gold: Path | None = Field(
        validation_alias=_env("RLTAXO_GOLD"),
        default=None,
        description="Gold labels for eval; none means the survey's studies (RLTAXO_GOLD).",
    )
    examples: Path | None = Field(
        None,
        description="Few-shot exemplars for LLM backends: a gold file, e.g. a review's corrections "
        "(RLTAXO_EXAMPLES); default: the survey's studies, for the bundled tree.",
    )
    prompts_dir: Path | None = Field(
        None, description="Override the prompt files (RLTAXO_PROMPTS_DIR).", validation_alias=_env("RLTAXO_PROMPTS_DIR")
    )
    taxonomy: Path | None = Field(
        None,
        description="A taxonomy tree file; none means the bundled RL/LLM tree (RLTAXO_TAXONOMY).",
        validation_alias=_env("RLTAXO_TAXONOMY"),
    )

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """The environment, with the CLI's overrides on top; a bad value is a ConfigError naming the
        variable (or the flag) it came from."""
        given = {k: v for k, v in overrides.items() if v is not None}
        _warn_unknown_variables()
        try:
            return cls(**given)  # type: ignore[arg-type]  # pydantic-settings: keyword init reads the environment too
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = str(err["loc"][0]) if err["loc"] else "?"
            field = _BY_VARIABLE.get(loc.upper(), loc)
            if field in given:
                where, value = _FLAGS.get(field, "--" + field.replace("_", "-")), given[field]
            else:
                where = loc.upper() if loc.upper() in _BY_VARIABLE else "RLTAXO_" + field.upper()
                value = os.environ.get(where, err.get("input"))
            raise ConfigError(f"{where}={value!r}: {err['msg']}") from None

    @field_validator("base_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        """An endpoint that is no http(s) URL fails here, in one line, not deep inside the HTTP client."""
        if value is None:
            return None
        import urllib.parse

        try:
            parts = urllib.parse.urlsplit(value)
            parts.port  # noqa: B018  (raises on a port that is no number)
        except ValueError as exc:
            raise ValueError(f"not a URL ({exc})") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("not an http(s) URL with a host")
        return value

    @property
    def endpoint_configured(self) -> bool:
        return bool(self.api_key or self.base_url)

    def resolved_backend(self) -> str:
        if self.backend:
            return self.backend
        return "openai" if self.endpoint_configured else "offline"


_WARNED: set[str] = set()


def _warn_unknown_variables() -> None:
    """A misspelt RLTAXO_* variable would be ignored without a word: say so once, with the closest name."""
    import difflib
    import sys

    known = set(_BY_VARIABLE) | {"RLTAXO_" + name.upper() for name in Settings.model_fields}
    for var in sorted(os.environ):
        if var.startswith("RLTAXO_") and var not in known and var not in _WARNED:
            _WARNED.add(var)
            close = difflib.get_close_matches(var, sorted(known), n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            print(f"rltaxo: warning: {var} is not a setting{hint}; ignored", file=sys.stderr)


#: environment variable -> field, for messages that name the variable a bad value came from
_BY_VARIABLE = {
    str(choice.choices[0]): name
    for name, f in Settings.model_fields.items()
    if isinstance((choice := f.validation_alias), AliasChoices)
}
