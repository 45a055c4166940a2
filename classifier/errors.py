"""One exception tree for the whole tool.

Library code raises these with the facts a message needs; only the CLI turns them into one-line
messages and exit codes. ``code`` is a stable, machine-readable name used in JSON error records.
"""

from __future__ import annotations


class RltaxoError(Exception):
    """Base class: every error the tool expects to meet in normal use."""

    code = "error"
    #: Whether trying the same thing again later may succeed (used by batch ``--retry-failed``).
    transient = False

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def one_line(self) -> str:
        text = self.message if not self.hint else f"{self.message} ({self.hint})"
        return " ".join(text.split())

    def __str__(self) -> str:
        return self.one_line()

    def __reduce__(self) -> tuple[object, ...]:
        # keep message and hint when errors cross a process boundary (the guarded PDF reader)
        return (_rebuild, (type(self), self.message, self.hint, dict(self.__dict__)))


def _rebuild(cls: type[RltaxoError], message: str, hint: str | None, state: dict[str, object]) -> RltaxoError:
    exc = cls(message, hint=hint)
    exc.__dict__.update(state)
    return exc


class UsageError(RltaxoError):
    code = "usage"


class ConfigError(RltaxoError):
    code = "config"


# --- sources -----------------------------------------------------------------------------------
class SourceError(RltaxoError):
    code = "source"


class SourceNotFound(SourceError):
    code = "not_found"


class UnknownArxivId(SourceError):
    code = "unknown_arxiv_id"


class DownloadError(SourceError):
    code = "download"
    transient = True


# --- PDFs --------------------------------------------------------------------------------------
class PdfError(RltaxoError):
    code = "pdf"


class NotAPdf(PdfError):
    code = "not_pdf"


class CorruptPdf(PdfError):
    code = "corrupt_pdf"


class EncryptedPdf(PdfError):
    code = "encrypted_pdf"


class NoTextPdf(PdfError):
    code = "no_text"


class PdfTooLarge(PdfError):
    code = "pdf_too_large"


class PdfTimeout(PdfError):
    code = "pdf_timeout"


class PdfMemoryLimit(PdfError):
    code = "pdf_memory"


# --- prompts -----------------------------------------------------------------------------------
class TaxonomyError(RltaxoError):
    """A tree file that cannot be used; ``problems`` lists every problem, one line each."""

    code = "taxonomy"

    def __init__(self, message: str, *, hint: str | None = None, problems: list[str] | None = None) -> None:
        super().__init__(message, hint=hint)
        self.problems = problems or [message]


class PromptError(RltaxoError):
    code = "prompt"


# --- backends ----------------------------------------------------------------------------------
class BackendError(RltaxoError):
    code = "backend"


class AuthError(BackendError):
    code = "auth"


class QuotaError(BackendError):
    code = "quota"


class BadRequestError(BackendError):
    code = "bad_request"


class RateLimitError(BackendError):
    code = "rate_limit"
    transient = True


class TransientBackendError(BackendError):
    """5xx, timeouts and dropped connections: retried, then reported with this type."""

    code = "backend_unavailable"
    transient = True


class RefusalError(BackendError):
    code = "refusal"


class ContentFilterError(BackendError):
    code = "content_filter"


class LengthError(BackendError):
    code = "length"


class InvalidOutputError(BackendError):
    code = "invalid_output"


class BudgetExceeded(BackendError):
    code = "budget"


# --- data --------------------------------------------------------------------------------------
class GoldLabelError(RltaxoError):
    code = "gold_labels"


class ReadingListError(RltaxoError):
    code = "reading_list"


def with_retry_after(exc: RateLimitError, seconds: float | None) -> RateLimitError:
    """Attach the server's Retry-After (seconds) to a rate-limit error for the retry layer."""
    exc.retry_after = seconds  # type: ignore[attr-defined]
    return exc


class OutputError(RltaxoError):
    """An output cannot be written, would overwrite an input, or is held by another run."""

    code = "output"
