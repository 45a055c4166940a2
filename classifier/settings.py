"""One settings object: environment first, CLI flags override. Secrets never leave it in a dump."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, SecretStr


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rltaxo"


class Limits(BaseModel):
    """Bounds applied to every PDF, so that no input can hang the tool or eat the machine."""

    model_config = ConfigDict(frozen=True)

    timeout_s: float = Field(60.0, description="Wall-clock bound for reading one PDF, in seconds.")
    memory_mb: int = Field(2048, description="Address-space bound for the process that parses one PDF.")
    max_file_mb: float = Field(200.0, description="Largest PDF file accepted, in MiB.")
    max_pages: int = Field(40, description="Most pages ever extracted from one PDF.")
    max_chars: int = Field(2_000_000, description="Most characters of text kept from one PDF.")


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
        3.0, description="Pause between two downloads, to be polite to arXiv (RLTAXO_DOWNLOAD_DELAY)."
    )
    cache_dir: Path = Field(default_factory=default_cache_dir, description="Download and response cache.")
    use_cache: bool = Field(True, description="Read and write the response cache.")
    excerpt_tokens: int = Field(3000, description="Token budget for the excerpt sent to a backend.")
    limits: Limits = Field(default_factory=Limits, description="Bounds on every PDF.")
    structured_mode: str = Field("auto", description="json_schema | json_object | prompt | auto.")
    timeout_s: float = Field(120.0, description="HTTP timeout for one LLM request, in seconds (RLTAXO_TIMEOUT).")
    max_attempts: int = Field(6, description="Attempts per LLM request (rate limits, 5xx, timeouts).")
    max_wait_s: float = Field(120.0, description="Longest total backoff for one LLM request, in seconds.")
    temperature: float = Field(0.0, description="Sampling temperature (0 for reproducible runs).")
    seed: int = Field(1234, description="Sampling seed where the server supports it.")
    votes: int = Field(1, description="Self-consistency samples per paper (majority leaf).")
    max_run_tokens: int | None = Field(None, description="Token budget for a whole run; stops cleanly.")
    few_shot: int = Field(8, description="Gold exemplars in the prompt, one per leaf (never the paper itself).")
    prompts_dir: Path | None = Field(None, description="Override the prompt files (RLTAXO_PROMPTS_DIR).")

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        env = os.environ
        values: dict[str, object] = {}
        if env.get("OPENAI_API_KEY"):
            values["api_key"] = SecretStr(env["OPENAI_API_KEY"])
        if env.get("OPENAI_BASE_URL"):
            values["base_url"] = env["OPENAI_BASE_URL"]
        if env.get("RLTAXO_MODEL"):
            values["model"] = env["RLTAXO_MODEL"]
        if env.get("RLTAXO_BACKEND"):
            values["backend"] = env["RLTAXO_BACKEND"]
        if env.get("RLTAXO_ARXIV_URL"):
            values["arxiv_url"] = env["RLTAXO_ARXIV_URL"]
        if env.get("RLTAXO_DOWNLOAD_DELAY"):
            values["download_delay_s"] = float(env["RLTAXO_DOWNLOAD_DELAY"])
        if env.get("RLTAXO_TIMEOUT"):
            values["timeout_s"] = float(env["RLTAXO_TIMEOUT"])
        if env.get("RLTAXO_EXCERPT_TOKENS"):
            values["excerpt_tokens"] = int(env["RLTAXO_EXCERPT_TOKENS"])
        if env.get("RLTAXO_CACHE_DIR"):
            values["cache_dir"] = Path(env["RLTAXO_CACHE_DIR"])
        if env.get("RLTAXO_PROMPTS_DIR"):
            values["prompts_dir"] = Path(env["RLTAXO_PROMPTS_DIR"])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.model_validate(values)

    @property
    def endpoint_configured(self) -> bool:
        return bool(self.api_key or self.base_url)

    def resolved_backend(self) -> str:
        if self.backend:
            return self.backend
        return "openai" if self.endpoint_configured else "offline"
