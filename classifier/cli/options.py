"""Options shared by the commands, declared once; settings and the pipeline built from them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import ConfigError

BackendOpt = Annotated[
    str | None,
    typer.Option(
        "--backend",
        "-b",
        help="offline | openai | local | scripted. [default: openai if an endpoint is configured "
        "(OPENAI_API_KEY / OPENAI_BASE_URL), else offline]",
    ),
]
ModelOpt = Annotated[
    str | None, typer.Option("--model", "-m", help="Model name for LLM backends. [env var: RLTAXO_MODEL]")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output (JSON Lines).")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the response cache.")]
ModeOpt = Annotated[
    str | None, typer.Option("--structured-mode", help="json_schema | json_object | prompt | auto. [default: auto]")
]
VotesOpt = Annotated[int | None, typer.Option("--votes", min=1, help="Self-consistency: N samples, majority leaf.")]
RpmOpt = Annotated[
    float | None,
    typer.Option("--rpm", help="At most this many LLM requests a minute, all workers together. [env var: RLTAXO_RPM]"),
]
TpmOpt = Annotated[
    float | None,
    typer.Option(
        "--tpm",
        help="At most this many tokens a minute (prompt + answer budget, as the API counts them), all workers "
        "together. The server's x-ratelimit headers also pause work before a 429. [env var: RLTAXO_TPM]",
    ),
]
MaxTokOpt = Annotated[
    int | None, typer.Option("--max-tokens", min=1, help="Token budget for the whole run; stops cleanly before it.")
]
FromOpt = Annotated[
    str | None,
    typer.Option(
        "--from",
        help="pdf | abstract | auto: read the PDF, only the title + abstract, or a PDF at hand (local or "
        "cached) else the list's or the arXiv API's title + abstract. [default: auto] [env var: RLTAXO_FROM]",
    ),
]
TaxonomyOpt = Annotated[
    str | None,
    typer.Option(
        "--taxonomy",
        "-t",
        help="A taxonomy tree file (JSON; see 'rltaxo taxonomy schema'). [default: the bundled RL/LLM tree] "
        "[env var: RLTAXO_TAXONOMY]",
    ),
]
ExamplesOpt = Annotated[
    Path | None,
    typer.Option(
        "--examples",
        help="Few-shot exemplars for LLM backends: a gold file, e.g. a review's OUT.corrections.jsonl "
        "(never the paper being classified). [env var: RLTAXO_EXAMPLES]",
    ),
]
OfflineModelOpt = Annotated[
    str | None,
    typer.Option(
        "--offline-model",
        help="The offline backend's learned model: a file from 'rltaxo learn', or 'none' for the hand-written "
        "engine alone. [default: the bundled model for the bundled tree] [env var: RLTAXO_OFFLINE_MODEL]",
    ),
]
EscalateOpt = Annotated[
    bool,
    typer.Option(
        "--escalate",
        help="Offline first; only the results it flags for review go to the LLM backend (which must be "
        "configured). Records keep both answers. [env var: RLTAXO_ESCALATE]",
    ),
]
MaxCostOpt = Annotated[
    float | None,
    typer.Option("--max-cost", min=0.0, help="Cost cap for the run in US$ (needs RLTAXO_PRICES); stops cleanly."),
]
ExcerptOpt = Annotated[
    int | None, typer.Option("--excerpt-tokens", min=200, help="Excerpt budget in tokens. [default: 3000]")
]
TimeoutOpt = Annotated[
    float | None, typer.Option("--pdf-timeout", min=0.1, help="Seconds allowed per PDF. [default: 60]")
]
PagesOpt = Annotated[int | None, typer.Option("--max-pages", min=1, help="Most pages read per PDF. [default: 40]")]
FileMbOpt = Annotated[
    float | None, typer.Option("--max-file-mb", min=0.001, help="Largest PDF accepted, in MiB. [default: 200]")
]
MemoryOpt = Annotated[
    int | None,
    typer.Option("--pdf-memory-mb", min=16, help="Address-space cap of the PDF reader, in MiB. [default: 2048]"),
]


def settings_from(**kw: Any) -> Any:
    from ..settings import Limits, Settings

    limit_keys = {
        "pdf_timeout": "timeout_s",
        "max_pages": "max_pages",
        "max_file_mb": "max_file_mb",
        "pdf_memory_mb": "memory_mb",
    }
    limits = {limit_keys[k]: kw.pop(k) for k in list(kw) if k in limit_keys and kw[k] is not None}
    for k in limit_keys:
        kw.pop(k, None)
    if kw.pop("no_cache", False):
        kw["use_cache"] = False
    rename = {"max_tokens": "max_run_tokens", "mode": "structured_mode", "max_cost": "max_cost_usd"}
    kw = {rename.get(k, k): v for k, v in kw.items()}
    base = Settings.from_env(**kw)
    if limits:
        try:
            merged = Limits(**{**base.limits.model_dump(), **limits})
        except ValueError as exc:  # pydantic's ValidationError: a bound out of range (inf, 1e300, ...)
            err = exc.errors()[0] if hasattr(exc, "errors") else {"loc": ("?",), "msg": str(exc)}
            flag = {v: k for k, v in limit_keys.items()}.get(str(err["loc"][0]), str(err["loc"][0]))
            raise ConfigError(f"--{flag.replace('_', '-')}: {err['msg']}") from None
        base = base.model_copy(update={"limits": merged})
    return base


def _announce_backend(settings: Any, explicit: str | None) -> None:
    if explicit or settings.backend:
        return
    if settings.endpoint_configured:
        where = settings.base_url or "api.openai.com"
        typer.echo(f"rltaxo: using the openai backend ({where}, model {settings.model})", err=True)
    else:
        typer.echo(
            "rltaxo: using the offline backend (no LLM endpoint configured; set OPENAI_API_KEY or "
            "OPENAI_BASE_URL to use an LLM)",
            err=True,
        )


PIPELINE_OPTIONS = (
    "taxonomy", "backend", "model", "no_cache", "structured_mode", "votes", "max_tokens", "excerpt_tokens",
    "pdf_timeout", "max_pages", "max_file_mb", "pdf_memory_mb", "input_mode", "max_cost", "examples", "offline_model",
    "escalate", "rpm", "tpm",
)  # fmt: skip


def open_pipeline(
    params: dict[str, Any], *, auto_downloads: bool = False, offline: bool = False, planning: bool = False
) -> Any:
    """Settings from a command's parameters (those it has of PIPELINE_OPTIONS), say which backend
    was picked, and build the one Pipeline the command uses. ``planning``: requests are only built,
    never sent (--dry-run, --export-requests), so an LLM backend needs no endpoint."""
    from ..pipeline import Pipeline

    options = {k: params[k] for k in PIPELINE_OPTIONS if k in params}
    if not options.get("escalate"):
        options.pop("escalate", None)  # unset: RLTAXO_ESCALATE may still say so
    options["mode"] = options.pop("structured_mode", None)
    settings = settings_from(**options)
    if planning and settings.resolved_backend() in ("openai", "local") and not settings.endpoint_configured:
        settings = settings.model_copy(update={"backend": "openai", "base_url": "http://127.0.0.1:9/v1"})
    if not planning:
        _announce_backend(settings, options.get("backend"))
    if settings.resolved_backend() == "offline":
        ignored = [f for f, v in (("--structured-mode", options.get("mode")), ("--votes", options.get("votes"))) if v]
        if ignored:
            typer.echo(f"rltaxo: warning: {' and '.join(ignored)} do nothing with the offline backend", err=True)
    return Pipeline(settings, auto_downloads=auto_downloads, offline=offline)


def load_taxonomy(path: str | None) -> Any:
    """The tree named by --taxonomy, else RLTAXO_TAXONOMY, else the bundled one."""
    from ..taxonomy import load

    return load(path if path is not None else settings_from().taxonomy)
