"""source → PDF → Paper → Excerpt → backend → validated ClassificationResult. Eval and batch reuse it."""

from __future__ import annotations

import re
from pathlib import Path

from . import __version__, backends
from .arxiv_api import ArxivApi
from .cache import PaperCache, ResultCache, cache_key
from .doi_api import DoiApi
from .errors import CorruptPdf, DownloadError, InvalidOutputError, NotAPdf, SourceNotFound
from .evidence import QuoteChecker
from .excerpt import Excerpt, build_excerpt
from .ingest import INGEST_VERSION, Paper, read_pdf_guarded
from .result import REVIEW_THRESHOLD, ClassificationResult, Verdict
from .settings import Settings
from .sources import Downloader, Source, parse_source, sha256_file
from .taxonomy import Taxonomy, load

ADDRESSES_MODEL = re.compile(
    r"\b(?:ignore|disregard|forget) (?:all |any )?(?:the |your )?(?:previous|prior|above|earlier) "
    r"(?:instructions|prompts?)"
    r"|\b(?:answer|respond|reply|classify|label|output)(?: this(?: paper)?| it)? (?:with|as)\b"
    r"|\byou (?:are|must|should) (?:an? )?(?:AI|assistant|language model|classifier|now)\b"
    r"|\b(?:system|assistant) prompt\b",
    re.IGNORECASE,
)


class Reader:
    """Source → Paper, by the input mode: a PDF (local, cached or downloaded), or title + abstract (the
    source's own, or the arXiv API's). ``auto`` prefers a PDF already at hand, then metadata; it downloads
    a PDF only where ``auto_downloads`` is set (``rltaxo classify ID`` on one paper)."""

    def __init__(self, settings: Settings, *, auto_downloads: bool = False, offline: bool = False) -> None:
        self.limits = settings.limits
        self.mode = settings.input_mode
        self.auto_downloads = auto_downloads
        self.offline = offline
        self.downloader = Downloader(settings.arxiv_url, settings.cache_dir, delay_s=settings.download_delay_s)
        self.papers = (
            PaperCache(settings.cache_dir / "papers", INGEST_VERSION, settings.limits.model_dump())
            if settings.use_cache
            else None
        )
        self.api = ArxivApi(settings.arxiv_api_url, settings.cache_dir, delay_s=settings.arxiv_api_delay_s)
        self.doi_api = DoiApi(settings.doi_api_url, settings.cache_dir, mailto=settings.mailto)

    def locate(self, source: Source) -> Path:
        if source.path is not None:
            return source.path
        if source.arxiv_id is None:
            raise SourceNotFound(
                f"{source.raw}: only a title and abstract, no PDF", hint="use --from abstract or --from auto"
            )
        cached = self.downloader.cached_path(source.arxiv_id, source.version)
        if cached.exists() or not self.offline:
            return cached if cached.exists() else self.downloader.fetch(source)
        raise DownloadError(f"arXiv:{source.arxiv_id}: no local PDF, and downloads are off")

    def has_pdf_at_hand(self, source: Source) -> bool:
        return source.path is not None or (
            source.arxiv_id is not None and self.downloader.cached_path(source.arxiv_id, source.version).exists()
        )

    def needs_api(self, source: Source) -> bool:
        """Whether reading this source will ask the arXiv API (so a batch can ask for many at once)."""
        if self.mode == "pdf" or source.arxiv_id is None or source.has_abstract or source.path is not None:
            return False
        return self.mode == "abstract" or not (self.has_pdf_at_hand(source) or self.auto_downloads)

    def read(self, source: Source) -> Paper:
        if self.mode == "pdf":
            return self._pdf(source)
        if self.mode == "abstract":
            if source.has_abstract:
                return self._meta(source)
            if source.path is not None:
                return self._pdf(source).abstract_only()
            return self._api(source)
        if self.has_pdf_at_hand(source):
            return self._pdf(source)
        if source.has_abstract:
            return self._meta(source)
        # nothing to download without an id (a title alone): the API path classifies it from the title
        return self._pdf(source) if self.auto_downloads and source.arxiv_id is not None else self._api(source)

    def _pdf(self, source: Source) -> Paper:
        path = self.locate(source)
        try:
            paper = self._read_cached(path)
        except (CorruptPdf, NotAPdf) as exc:
            if source.path is not None or self.offline:
                raise
            self.downloader.forget(source)  # a cached download that does not parse: fetch it once more
            try:
                paper = read_pdf_guarded(self.downloader.fetch(source), self.limits)
            except (CorruptPdf, NotAPdf):
                self.downloader.forget(source)
                raise exc from None
        paper.arxiv_version = source.version
        paper.arxiv_id = source.arxiv_id
        return paper

    def _read_cached(self, path: Path) -> Paper:
        """The extracted paper from the paper cache when this exact PDF was read before, else a guarded read."""
        if self.papers is None or not path.is_file():
            return read_pdf_guarded(path, self.limits)
        digest = sha256_file(path)
        hit = self.papers.get(digest)
        if hit is not None:
            try:
                paper = Paper.from_json({**hit, "path": str(path)})
                if paper.sha256 == digest:
                    return paper
            except (TypeError, KeyError, ValueError):
                pass  # an entry of another shape: read the PDF again
        paper = read_pdf_guarded(path, self.limits)
        self.papers.put(digest, paper.to_json())
        return paper

    def _meta(self, source: Source) -> Paper:
        assert source.meta is not None
        paper = Paper.from_metadata(source.meta.title, source.meta.abstract, source.raw)
        paper.arxiv_version = source.version or source.meta.version
        paper.arxiv_id = source.arxiv_id
        return paper

    def _api(self, source: Source) -> Paper:
        if source.arxiv_id is None:
            if source.meta is not None and source.meta.title.strip():
                return self._meta(source)  # a title is all there is: classified from it, and marked so
            raise SourceNotFound(f"{source.raw}: no abstract and no arXiv id to look one up")
        if self.offline:
            raise DownloadError(
                f"arXiv:{source.arxiv_id}: no PDF or abstract at hand, and the network is off",
                hint="give abstracts (--abstracts FILE.jsonl, or a list with title and abstract) or PDFs",
            )
        meta = self.api.get(source.arxiv_id)
        paper = Paper.from_metadata(meta.title, meta.abstract, f"arXiv API: {source.arxiv_id}")
        paper.arxiv_version = source.version or meta.version
        paper.arxiv_id = source.arxiv_id
        return paper


class Pipeline:
    """Holds what is shared across papers: settings, the taxonomy, one backend, the reader and the cache."""

    def __init__(
        self,
        settings: Settings | None = None,
        backend: backends.Backend | None = None,
        *,
        taxonomy: Taxonomy | None = None,
        auto_downloads: bool = False,
        offline: bool = False,
    ) -> None:
        settings = settings or Settings.from_env()
        self.settings = settings
        self.taxonomy = taxonomy or load(settings.taxonomy)
        self.backend = backend or backends.create(settings.resolved_backend(), settings, self.taxonomy)
        self.reader = Reader(settings, auto_downloads=auto_downloads, offline=offline)
        self.cache = ResultCache(settings.cache_dir / "results")
        if self.backend.cacheable and settings.use_cache:
            self.cache.check()

    def read(self, source: Source) -> Paper:
        return self.reader.read(source)

    def excerpt(self, paper: Paper) -> Excerpt:
        return build_excerpt(paper, self.settings.excerpt_tokens)

    def classify(self, text_or_source: str | Source) -> ClassificationResult:
        source = parse_source(text_or_source) if isinstance(text_or_source, str) else text_or_source
        paper = self.read(source)
        return self.classify_paper(source, paper)

    def cache_key(self, paper: Paper, excerpt: Excerpt) -> str:
        b = self.backend
        return cache_key(
            tool=__version__,
            pdf=paper.sha256,
            excerpt=excerpt.sha256,
            prompt=b.prompt_version,
            model=b.model,
            backend=b.name,
            params=b.cache_params(),
            taxonomy=self.taxonomy.sha256,
        )

    def cached(self, source: Source, paper: Paper, excerpt: Excerpt) -> ClassificationResult | None:
        """The response cache's answer for this paper, if this backend caches and one is there."""
        if not (self.backend.cacheable and self.settings.use_cache):
            return None
        hit = self.cache.get(self.cache_key(paper, excerpt))
        if hit is None:
            return None
        hit.update(source=source.raw, key=source.key, cached=True)
        hit["usage"] = {"prompt_tokens": 0, "completion_tokens": 0, "attempts": 0}
        try:
            result = ClassificationResult.model_validate(hit)
        except ValueError:  # {}, an edited leaf, an older rltaxo's entry: a miss, overwritten later
            return None
        return result if self.taxonomy.is_label(result.leaf) else None

    def classify_paper(self, source: Source, paper: Paper) -> ClassificationResult:
        excerpt = self.excerpt(paper)
        hit = self.cached(source, paper, excerpt)
        if hit is not None:
            return hit
        return self.finish(source, paper, excerpt, self.backend.classify(paper, excerpt))

    def finish(self, source: Source, paper: Paper, excerpt: Excerpt, verdict: Verdict) -> ClassificationResult:
        """A backend's verdict checked and turned into a result, and cached (also for Batch API answers)."""
        result = self._finish(source, paper, excerpt, verdict)
        if self.backend.cacheable and self.settings.use_cache:
            self.cache.put(self.cache_key(paper, excerpt), result.model_dump(mode="json"))
        return result

    def _finish(self, source: Source, paper: Paper, excerpt: Excerpt, v: Verdict) -> ClassificationResult:
        tax = self.taxonomy
        try:
            leaf = tax.check_label(v.leaf)
        except ValueError as exc:
            raise InvalidOutputError(f"{self.backend.name}: {exc}") from None
        checker = QuoteChecker(paper.text)
        found, missing = checker.split(v.evidence)
        confidence, issues = v.confidence, list(v.issues)
        if missing:
            issues.append(f"{len(missing)} evidence quote(s) not found in the paper's text")
            confidence *= 0.8 if found else 0.6
        addressed = [q for q in [*found, *v.fact_evidence.values()] if ADDRESSES_MODEL.search(q)]
        if addressed:  # text that speaks to the model is an injection, not evidence for a label
            issues.append(f"{len(addressed)} evidence quote(s) address the model (instructions in the paper?)")
            confidence *= 0.5
        fact_evidence = {k: q for k, q in v.fact_evidence.items() if q in checker}
        if len(fact_evidence) < len(v.fact_evidence):
            issues.append(f"{len(v.fact_evidence) - len(fact_evidence)} fact quote(s) not found in the paper's text")
        if paper.input == "title":
            issues.append("classified from its title alone (no abstract, arXiv id or PDF was given for it)")
        return ClassificationResult(
            source=source.raw,
            key=source.key,
            title=paper.title,
            abstract=paper.abstract[:4000],
            input=paper.input,
            arxiv_id=(source.arxiv_id + (paper.arxiv_version or "")) if source.arxiv_id else None,
            leaf=leaf,
            top_class=tax.top_class(leaf),
            path=tax.path_names(leaf),
            confidence=round(confidence, 3),
            rationale=v.rationale,
            evidence=found,
            unverified_evidence=missing,
            facts=v.facts,
            fact_evidence=fact_evidence,
            cues=v.cues,
            issues=issues,
            needs_review=confidence < (REVIEW_THRESHOLD if v.review_below is None else v.review_below) or bool(issues),
            votes=v.votes,
            runner_up=v.runner_up,
            runner_up_confidence=v.runner_up_confidence,
            engine_leaf=v.engine_leaf,
            decided_by=v.decided_by,
            offline_answer=v.offline_answer,
            backend=self.backend.name,
            model=v.model or self.backend.model,
            prompt_version=self.backend.prompt_version,
            taxonomy=f"{tax.name} ({tax.short_hash})",
            pdf_sha256=paper.sha256,
            excerpt_sha256=excerpt.sha256,
            excerpt_tokens=excerpt.tokens,
            pages_read=paper.pages_read,
            pages_total=paper.pages_total,
            usage=v.usage,
        )

    def close(self) -> None:
        self.backend.close()
