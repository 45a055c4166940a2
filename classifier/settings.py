"""One settings object: environment first, CLI flags override. Secrets never leave it in a dump."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from .errors import ConfigError


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rltaxo"


class Limits(BaseModel):
    """Bounds applied to every PDF, so that no input can hang the tool or eat the machine."""

    model_config = ConfigDict(frozen=True)

    timeout_s: float = Field(60.0, gt=0, le=86_400, description="Wall-clock bound for reading one PDF, in seconds.")
    memory_mb: int = Field(
        2048, ge=16, le=1_048_576, description="Address-space bound for the process that parses one PDF, in MiB."
    )
    max_file_mb: float = Field(200.0, gt=0, le=100_000, description="Largest PDF file accepted, in MiB.")
    max_pages: int = Field(40, ge=1, le=100_000, description="Most pages ever extracted from one PDF.")
    max_chars: int = Field(2_000_000, description="Most characters of text kept from one PDF.")


_ENV = {  # environment variable -> setting (the API key is handled apart: it is a secret)
    "OPENAI_BASE_URL": "base_url",
    "RLTAXO_MODEL": "model",
    "RLTAXO_BACKEND": "backend",
    "RLTAXO_ARXIV_URL": "arxiv_url",
    "RLTAXO_DOWNLOAD_DELAY": "download_delay_s",
    "RLTAXO_ARXIV_API_URL": "arxiv_api_url",
    "RLTAXO_ARXIV_API_DELAY": "arxiv_api_delay_s",
    "RLTAXO_TIMEOUT": "timeout_s",
    "RLTAXO_EXCERPT_TOKENS": "excerpt_tokens",
    "RLTAXO_CACHE_DIR": "cache_dir",
    "RLTAXO_PROMPTS_DIR": "prompts_dir",
    "RLTAXO_FROM": "input_mode",
    "RLTAXO_TAXONOMY": "taxonomy",
}

_FLAGS = {"input_mode": "--from", "max_run_tokens": "--max-tokens"}


class Settings(BaseModel):
    """Everything configurable, each with the environment variable that sets it."""

    model_config = ConfigDict(frozen=True)

    backend: str | None = Field(
        None, description="Backend name; None picks 'openai' when an endpoint is configured, else 'offline'."
    )
    model: str = Field("gpt-4o-mini", description="Model name for LLM backends (RLTAXO_MODEL).")
    api_key: SecretStr | None = Field(None, description="API key (OPENAI_API_KEY); never printed.", exclude=True)
    base_url: str | None = Field(None, description="OpenAI-compatible endpoint (OPENAI_BASE_URL).")
    arxiv_url: str = Field(
        "https://arxiv.org/pdf/", description="Base URL PDFs are fetched from by arXiv id (RLTAXO_ARXIV_URL)."
    )
    download_delay_s: float = Field(
        3.0, ge=0, le=600, description="Pause between two downloads, to be polite to arXiv (RLTAXO_DOWNLOAD_DELAY)."
    )
    arxiv_api_url: str = Field(
        "https://export.arxiv.org/api/query",
        description="arXiv API query endpoint for titles and abstracts by id (RLTAXO_ARXIV_API_URL).",
    )
    arxiv_api_delay_s: float = Field(
        3.0, ge=0, le=600, description="Pause between two arXiv API requests (RLTAXO_ARXIV_API_DELAY)."
    )
    input_mode: Literal["pdf", "abstract", "auto"] = Field(
        "auto",
        description="What to read: the PDF, the title + abstract only, or auto (a local or cached PDF, "
        "else the list's or the arXiv API's title + abstract).",
    )
    cache_dir: Path = Field(default_factory=default_cache_dir, description="Download and response cache.")
    use_cache: bool = Field(True, description="Read and write the response cache.")
    excerpt_tokens: int = Field(3000, ge=200, le=200_000, description="Token budget for the excerpt sent to a backend.")
    limits: Limits = Field(default_factory=Limits, description="Bounds on every PDF.")
    structured_mode: str = Field("auto", description="json_schema | json_object | prompt | auto.")
    timeout_s: float = Field(
        120.0, gt=0, le=3600, description="HTTP timeout for one LLM request, in seconds (RLTAXO_TIMEOUT)."
    )
    max_attempts: int = Field(6, description="Attempts per LLM request (rate limits, 5xx, timeouts).")
    max_wait_s: float = Field(120.0, description="Longest total backoff for one LLM request, in seconds.")
    temperature: float = Field(0.0, description="Sampling temperature (0 for reproducible runs).")
    seed: int = Field(1234, description="Sampling seed where the server supports it.")
    votes: int = Field(1, description="Self-consistency samples per paper (majority leaf).")
    max_run_tokens: int | None = Field(None, description="Token budget for a whole run; stops cleanly.")
    few_shot: int = Field(8, description="Gold exemplars in the prompt, one per leaf (never the paper itself).")
    prompts_dir: Path | None = Field(None, description="Override the prompt files (RLTAXO_PROMPTS_DIR).")
    taxonomy: Path | None = Field(
        None, description="A taxonomy tree file; none means the bundled RL/LLM tree (RLTAXO_TAXONOMY)."
    )

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Environment first, then the CLI's overrides; a bad value is a ConfigError naming its variable."""
        env = os.environ
        values: dict[str, object] = {}
        origin: dict[str, str] = {}
        if env.get("OPENAI_API_KEY"):
            values["api_key"] = SecretStr(env["OPENAI_API_KEY"])
        for var, name in _ENV.items():
            if env.get(var):
                values[name] = env[var]
                origin[name] = var
        values.update({k: v for k, v in overrides.items() if v is not None})
        for k, v in overrides.items():
            if v is not None:  # a flag given on the command line wins, and names itself
                origin.pop(k, None)
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            err = exc.errors()[0]
            field = str(err["loc"][0]) if err["loc"] else "?"
            where = origin.get(field, _FLAGS.get(field, "--" + field.replace("_", "-")))
            raise ConfigError(f"{where}={values.get(field)!r}: {err['msg']}") from None

    @property
    def endpoint_configured(self) -> bool:
        return bool(self.api_key or self.base_url)

    def resolved_backend(self) -> str:
        if self.backend:
            return self.backend
        return "openai" if self.endpoint_configured else "offline"
