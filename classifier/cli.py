"""The command line: parse arguments, call one function, turn errors into one line and an exit code.

Exit codes: 0 all done, 1 some item failed, 2 usage or configuration error, 130 interrupted.
Heavy modules (pypdf, openai) are imported inside commands so ``rltaxo --help`` stays fast.
"""

from __future__ import annotations

import json
import os
import re
import sys
from typing import Annotated, Any

import typer

from .errors import (
    ConfigError,
    GoldLabelError,
    OutputError,
    PromptError,
    ReadingListError,
    RltaxoError,
    TaxonomyError,
    UsageError,
)

app = typer.Typer(
    name="rltaxo",
    help="Place RL/LLM research papers in the RL/LLM Taxonomy Tree (Pternea et al., arXiv 2402.01874).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
_STATE = {"debug": False}

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
_USAGE_ERRORS = (UsageError, ConfigError, PromptError, GoldLabelError, ReadingListError, OutputError, TaxonomyError)

# -- shared options ------------------------------------------------------------------------------
BackendOpt = Annotated[
    str | None,
    typer.Option(
        "--backend",
        "-b",
        help="offline | openai | local | scripted. Default: openai if an endpoint "
        "is configured (OPENAI_API_KEY / OPENAI_BASE_URL), else offline.",
    ),
]
ModelOpt = Annotated[str | None, typer.Option("--model", "-m", help="Model name for LLM backends [env RLTAXO_MODEL].")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output (JSON Lines).")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the response cache.")]
ModeOpt = Annotated[
    str | None, typer.Option("--structured-mode", help="json_schema | json_object | prompt | auto (default).")
]
VotesOpt = Annotated[int | None, typer.Option("--votes", min=1, help="Self-consistency: N samples, majority leaf.")]
MaxTokOpt = Annotated[
    int | None, typer.Option("--max-tokens", min=1, help="Token budget for the whole run; stops cleanly before it.")
]
FromOpt = Annotated[
    str | None,
    typer.Option(
        "--from",
        help="pdf | abstract | auto (default): read the PDF, only the title + abstract, or a PDF at hand "
        "(local or cached) else the list's or the arXiv API's title + abstract [env RLTAXO_FROM].",
    ),
]
TaxonomyOpt = Annotated[
    str | None,
    typer.Option(
        "--taxonomy",
        "-t",
        help="A taxonomy tree file (JSON; see 'rltaxo taxonomy schema'); default: the bundled RL/LLM tree "
        "[env RLTAXO_TAXONOMY].",
    ),
]
ExcerptOpt = Annotated[int | None, typer.Option("--excerpt-tokens", min=200, help="Excerpt budget (default 3000).")]
TimeoutOpt = Annotated[float | None, typer.Option("--pdf-timeout", min=0.1, help="Seconds allowed per PDF (60).")]
PagesOpt = Annotated[int | None, typer.Option("--max-pages", min=1, help="Most pages read per PDF (40).")]
FileMbOpt = Annotated[float | None, typer.Option("--max-file-mb", min=0.001, help="Largest PDF accepted (200 MiB).")]
MemoryOpt = Annotated[
    int | None, typer.Option("--pdf-memory-mb", min=16, help="Address-space cap of the PDF reader (2048 MiB).")
]


def settings_from(**kw: Any) -> Any:
    from .settings import Limits, Settings

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
    rename = {"max_tokens": "max_run_tokens", "mode": "structured_mode"}
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
    "pdf_timeout", "max_pages", "max_file_mb", "pdf_memory_mb", "input_mode",
)  # fmt: skip


def open_pipeline(params: dict[str, Any], *, auto_downloads: bool = False, offline: bool = False) -> Any:
    """Settings from a command's parameters (those it has of PIPELINE_OPTIONS), say which backend
    was picked, and build the one Pipeline the command uses."""
    from .pipeline import Pipeline

    options = {k: params[k] for k in PIPELINE_OPTIONS if k in params}
    options["mode"] = options.pop("structured_mode", None)
    settings = settings_from(**options)
    _announce_backend(settings, options.get("backend"))
    if settings.resolved_backend() == "offline":
        ignored = [f for f, v in (("--structured-mode", options.get("mode")), ("--votes", options.get("votes"))) if v]
        if ignored:
            typer.echo(f"rltaxo: warning: {' and '.join(ignored)} do nothing with the offline backend", err=True)
    return Pipeline(settings, auto_downloads=auto_downloads, offline=offline)


def fail(exc: BaseException) -> int:
    """Print one line for an error and return the exit code; re-raise under --debug."""
    if _STATE["debug"]:
        raise exc
    if isinstance(exc, KeyboardInterrupt):
        typer.echo("rltaxo: interrupted", err=True)
        return EXIT_INTERRUPTED
    if isinstance(exc, RltaxoError):
        typer.echo(f"rltaxo: error: {clean(exc.one_line())}", err=True)
        return EXIT_USAGE if isinstance(exc, _USAGE_ERRORS) else EXIT_FAILED
    typer.echo(f"rltaxo: internal error: {type(exc).__name__}: {exc} (re-run with --debug for a traceback)", err=True)
    return EXIT_FAILED


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks instead of one-line errors.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    _STATE["debug"] = debug
    if version:
        from . import __version__

        typer.echo(f"rltaxo {__version__}")
        raise typer.Exit(0)


# -- tree --------------------------------------------------------------------------------------------
@app.command()
def tree(taxonomy: TaxonomyOpt = None, json_out: JsonOpt = False) -> None:
    """Show the taxonomy in use as a tree, with a one-line definition of every node."""
    try:
        tax = load_taxonomy(taxonomy)
    except Exception as exc:
        raise typer.Exit(fail(exc)) from None
    if json_out:
        nodes = [
            {"id": n.id, "name": n.name, "parent": n.parent, "leaf": n.is_leaf, "definition": n.definition}
            for n in tax.nodes.values()
        ]
        info = {"name": tax.name, "source": tax.source, "sha256": tax.sha256, "out_of_scope": tax.out_of_scope}
        typer.echo(json.dumps(info | {"labels": list(tax.labels), "nodes": nodes}, indent=2))
        return

    def show(node_id: str, prefix: str, last: bool, depth: int) -> None:
        n = tax.nodes[node_id]
        branch = "" if depth == 0 else ("└── " if last else "├── ")
        label = typer.style(n.name, bold=True) + (typer.style(f"  [{n.id}]", fg="cyan") if n.is_leaf else "")
        typer.echo(f"{prefix}{branch}{label} — {n.definition}")
        child_prefix = prefix + ("" if depth == 0 else ("    " if last else "│   "))
        for i, kid in enumerate(n.children):
            show(kid, child_prefix, i == len(n.children) - 1, depth + 1)

    typer.echo(typer.style(tax.name, underline=True) + (f"  ({tax.origin})" if tax.origin != "bundled" else ""))
    for top in tax.top_classes:
        show(top, "", True, 0)
    o = tax.nodes[tax.out_of_scope]
    typer.echo(typer.style(o.name, bold=True) + typer.style(f"  [{o.id}]", fg="cyan") + f" — {o.definition}")


def load_taxonomy(path: str | None) -> Any:
    """The tree named by --taxonomy, else RLTAXO_TAXONOMY, else the bundled one."""
    from .taxonomy import load

    return load(path if path is not None else settings_from().taxonomy)


# -- inspect ------------------------------------------------------------------------------------------
@app.command()
def inspect(
    sources: Annotated[list[str], typer.Argument(help="PDF paths, arXiv ids or arxiv.org URLs.")],
    json_out: JsonOpt = False,
    excerpt_tokens: ExcerptOpt = None,
    pdf_timeout: TimeoutOpt = None,
    max_pages: PagesOpt = None,
    max_file_mb: FileMbOpt = None,
    pdf_memory_mb: MemoryOpt = None,
) -> None:
    """Show what the classifier reads: title, abstract, sections, the excerpt and its size."""
    from .excerpt import build_excerpt
    from .pipeline import Reader
    from .sources import parse_source

    try:
        settings = settings_from(
            excerpt_tokens=excerpt_tokens,
            pdf_timeout=pdf_timeout,
            max_pages=max_pages,
            max_file_mb=max_file_mb,
            pdf_memory_mb=pdf_memory_mb,
        )
    except Exception as exc:
        raise typer.Exit(fail(exc)) from None
    reader = Reader(settings)
    code = EXIT_OK
    for raw in sources:
        try:
            paper = reader.read(parse_source(raw))
            ex = build_excerpt(paper, settings.excerpt_tokens)
        except KeyboardInterrupt as exc:
            raise typer.Exit(fail(exc)) from None
        except RltaxoError as exc:
            code = max(code, fail(exc))
            if json_out:
                typer.echo(json.dumps({"source": raw, "error": exc.code, "message": exc.one_line()}))
            continue
        sections = [s.heading for s in paper.sections if s.heading != "Front matter"]
        if json_out:
            typer.echo(
                json.dumps(
                    {
                        "source": raw,
                        "path": paper.path,
                        "sha256": paper.sha256,
                        "title": paper.title,
                        "abstract": paper.abstract,
                        "sections": sections,
                        "excerpt": ex.text,
                        "excerpt_tokens": ex.tokens,
                        "pages_read": paper.pages_read,
                        "pages_total": paper.pages_total,
                        "notes": paper.notes,
                    }
                )
            )
            continue
        typer.echo(typer.style(clean(paper.title) or "(no title found)", bold=True))
        typer.echo(f"  source     {clean(raw)}  ({paper.pages_read} of {paper.pages_total} pages read)")
        typer.echo(f"  abstract   {clean(paper.abstract[:600]) or '(none found)'}")
        typer.echo(f"  sections   {clean(' | '.join(sections)) or '(none found)'}")
        typer.echo(f"  excerpt    ~{ex.tokens} tokens: {', '.join(p.name for p in ex.parts)}")
        typer.echo("")
        typer.echo(clean(ex.text))
        typer.echo("")
    raise typer.Exit(code)


# -- classify -----------------------------------------------------------------------------------------
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: object) -> str:
    """Text from a paper or a file name, safe for a terminal: escape sequences and control characters go."""
    return _CONTROL.sub("", str(text))


def _print_result(r: Any) -> None:
    typer.echo(typer.style(clean(r.title or r.source), bold=True) + f"  ({clean(r.source)})")
    typer.echo("  " + typer.style(" › ".join(r.path), fg="green", bold=True) + f"   [{r.leaf}]")
    cache = ", cached" if r.cached else ""
    read = "title + abstract" if r.input == "abstract" else f"{r.pages_read}/{r.pages_total} pages"
    review = typer.style("  · needs review", fg="yellow", bold=True) if r.needs_review else ""
    typer.echo(f"  confidence {r.confidence:.2f} · {r.backend}/{r.model} · {read}{cache}{review}")
    typer.echo(f"  why: {clean(r.rationale)}")
    if r.fact_evidence:
        for fact, quote in r.fact_evidence.items():
            value = (r.facts or {}).get(fact)
            answer = ("yes" if value else "no") if isinstance(value, bool) else clean(value or "")
            typer.echo(f"  {fact.replace('_', ' ')} = {answer}: “{clean(quote)}”")
    else:
        for quote in r.evidence:
            typer.echo(f"  “{clean(quote)}”")
    for issue in r.issues:
        typer.echo(typer.style(f"  ! {clean(issue)}", fg="yellow"))


def _classify_sources(raw: list[str], title: str | None, abstract: str | None) -> list[Any]:
    """What ``classify`` was given: arguments, ``-`` (JSON Lines on stdin), and/or --title/--abstract."""
    from .errors import SourceNotFound
    from .sources import metadata_source, source_from_record

    items: list[Any] = []
    for text in raw:
        if text != "-":
            items.append(text)
            continue
        for n, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                items.append(source_from_record(json.loads(line)))
            except ValueError as exc:
                items.append(SourceNotFound(f"stdin line {n}: not JSON ({exc})"))
            except RltaxoError as exc:
                items.append(exc)
    if title is not None or abstract is not None:
        if not (abstract or "").strip():
            raise UsageError("--title needs --abstract too (the abstract is what decides)")
        items.append(metadata_source(title or "", abstract or "", raw=(title or "")[:80] or "(title + abstract)"))
    if not items:
        raise UsageError("nothing to classify", hint="give PDF paths, arXiv ids, '-' for JSON Lines, or --abstract")
    return items


@app.command()
def classify(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="PDF paths, arXiv ids (2310.12931, arXiv:…), arxiv.org URLs, or - for JSON Lines on "
            "stdin (objects with arxiv_id, url, path, title, abstract)."
        ),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="Classify from this title (with --abstract).")] = None,
    abstract: Annotated[str | None, typer.Option("--abstract", help="Classify from this abstract.")] = None,
    taxonomy: TaxonomyOpt = None,
    input_mode: FromOpt = None,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    json_out: JsonOpt = False,
    no_cache: NoCacheOpt = False,
    structured_mode: ModeOpt = None,
    votes: VotesOpt = None,
    max_tokens: MaxTokOpt = None,
    excerpt_tokens: ExcerptOpt = None,
    pdf_timeout: TimeoutOpt = None,
    max_pages: PagesOpt = None,
    max_file_mb: FileMbOpt = None,
    pdf_memory_mb: MemoryOpt = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, max=64, help="Papers in flight at once.")] = 4,
) -> None:
    """Classify papers into a taxonomy leaf, with confidence, rationale and evidence quotes."""
    try:
        items = _classify_sources(sources or [], title, abstract)
        pipe = open_pipeline(locals(), auto_downloads=True)
    except Exception as exc:
        raise typer.Exit(fail(exc)) from None
    from .costs import Totals

    code = EXIT_OK
    totals = Totals()

    def attempt(item: Any) -> Any:
        if isinstance(item, RltaxoError):
            return item
        try:
            return pipe.classify(item)
        except RltaxoError as exc:
            return exc

    def label(item: Any) -> str:
        return item if isinstance(item, str) else getattr(item, "raw", "-")

    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=max(1, min(workers, len(items))))
    try:
        # several sources are read in parallel (each PDF in its own process); output keeps their order
        for item, result in zip(items, pool.map(attempt, items)):
            if isinstance(result, RltaxoError):
                code = max(code, fail(result))
                if json_out:
                    typer.echo(json.dumps({"source": label(item), "error": result.code, "message": result.one_line()}))
                continue
            totals.add(result.usage.model_dump())
            if json_out:
                typer.echo(result.model_dump_json())
            else:
                _print_result(result)
    except KeyboardInterrupt as exc:
        code = fail(exc)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)  # every finished result is printed; do not wait for requests or back-offs in flight
    finally:
        pool.shutdown(wait=code != EXIT_INTERRUPTED, cancel_futures=True)
        pipe.close()
    if totals.attempts:
        typer.echo(f"rltaxo: {totals.line(pipe.backend.model)}", err=True)
    raise typer.Exit(code)


def _register_subcommands() -> None:
    """Eval and batch live in their own modules to keep this one small."""
    from . import cli_batch, cli_eval, cli_taxonomy

    cli_eval.register(app)
    cli_batch.register(app)
    cli_taxonomy.register(app)


def main() -> None:
    _register_subcommands()
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)


__all__ = ["app", "fail", "main", "settings_from"]
