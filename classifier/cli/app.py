"""The one Typer app, the root options, and the one error boundary of the command line.

Library code raises typed errors (``classifier.errors``); only here do they become one line on stderr and
an exit code. Anything else (a bug) also becomes one line and exit 1; ``--debug`` re-raises instead.
"""

from __future__ import annotations

import re
import sys
from typing import Annotated, Any

import typer

from ..errors import (
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
    help="Place research papers in a taxonomy: by default the RL/LLM Taxonomy Tree (Pternea et al., arXiv "
    "2402.01874); any survey's tree with --taxonomy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
_STATE = {"debug": False}

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
_USAGE_ERRORS = (UsageError, ConfigError, PromptError, GoldLabelError, ReadingListError, OutputError, TaxonomyError)
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: object) -> str:
    """Text from a paper or a file name, safe for a terminal: escape sequences and control characters go."""
    return _CONTROL.sub("", str(text))


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


def error_record(source: str, exc: BaseException) -> dict[str, Any]:
    """The one shape of a failed item in JSON output (``classify --json``, ``inspect --json``, ``batch``)."""
    if isinstance(exc, RltaxoError):
        code, message = exc.code, exc.one_line()
    else:
        code, message = "internal", f"{type(exc).__name__}: {exc}"
    return {"source": source, "status": "error", "error": {"code": code, "message": message}}


def _version(value: bool) -> None:
    """Eager, so ``rltaxo --version`` works on its own (a group otherwise wants a command first)."""
    if value:
        from .. import __version__

        typer.echo(f"rltaxo {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks instead of one-line errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    _STATE["debug"] = debug


_PARAGRAPH = re.compile(r"(?<!\n)\n(?!\n)")


def command() -> Any:
    """The click command behind the app, its help made to read well at any width: a flag is shown as a
    flag (Typer labels it ``<bool>``), and a help text's line breaks inside a paragraph are joined, so
    the terminal wraps whole words instead of keeping the source file's breaks."""
    root = typer.main.get_command(app)
    todo: list[Any] = [root]  # Typer's own copy of click's classes: read by their attributes
    while todo:
        cmd = todo.pop()
        if cmd.help:
            cmd.help = _PARAGRAPH.sub(" ", cmd.help.strip())
        help_option = cmd.get_help_option(typer.Context(cmd))  # made on demand: made here, so it is a flag too
        for param in [*cmd.params, *([help_option] if help_option else [])]:
            if getattr(param, "is_flag", False):
                param.metavar = ""
            if getattr(param, "help", None):  # "[default: x]" and "[env var: X]" are text, not Rich markup
                param.help = param.help.replace("[", "\\[")
        todo.extend(getattr(cmd, "commands", {}).values())
    return root


def main() -> None:
    """The console script: run the app inside the one error boundary."""
    try:
        command()(prog_name="rltaxo")
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # a bug anywhere: one line and exit 1, or the traceback under --debug
        if "--debug" in sys.argv[1:]:
            raise
        sys.exit(fail(exc))
