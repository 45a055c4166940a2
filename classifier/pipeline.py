"""source → PDF → Paper → Excerpt → backend → validated ClassificationResult. Eval and batch reuse it."""

from __future__ import annotations

from pathlib import Path

from . import backends
from .cache import ResultCache, cache_key
from .excerpt import Excerpt, build_excerpt
from .ingest import Paper, read_pdf_guarded
from .result import ClassificationResult, QuoteChecker, Verdict
from .settings import Settings
from .sources import Downloader, Source, parse_source


class Reader:
    """Source → Paper: local paths as they are, arXiv ids through the download cache, under the limits."""

    def __init__(self, settings: Settings) -> None:
        self.limits = settings.limits
        self.downloader = Downloader(settings.arxiv_url, settings.cache_dir, delay_s=settings.download_delay_s)

    def locate(self, source: Source) -> Path:
        if source.path is not None:
            return source.path
        return self.downloader.fetch(source)

    def read(self, source: Source) -> Paper:
        return read_pdf_guarded(self.locate(source), self.limits)


class Pipeline:
    """Holds what is shared across papers: settings, one backend, the reader and the cache."""

    def __init__(self, settings: Settings, backend: backends.Backend | None = None) -> None:
        self.settings = settings
        self.backend = backend or backends.create(settings.resolved_backend(), settings)
        self.reader = Reader(settings)
        self.cache = ResultCache(settings.cache_dir / "results")

    def read(self, source: Source) -> Paper:
        return self.reader.read(source)

    def excerpt(self, paper: Paper) -> Excerpt:
        return build_excerpt(paper, self.settings.excerpt_tokens)

    def classify(self, text_or_source: str | Source) -> ClassificationResult:
        source = parse_source(text_or_source) if isinstance(text_or_source, str) else text_or_source
        paper = self.read(source)
        return self.classify_paper(source, paper)

    def classify_paper(self, source: Source, paper: Paper) -> ClassificationResult:
        excerpt = self.excerpt(paper)
        b = self.backend
        key = cache_key(
            pdf=paper.sha256,
            excerpt=excerpt.sha256,
            prompt=b.prompt_version,
            model=b.model,
            backend=b.name,
            params=b.cache_params(),
        )
        use_cache = b.cacheable and self.settings.use_cache
        if use_cache:
            hit = self.cache.get(key)
            if hit is not None:
                hit.update(source=source.raw, key=source.key, cached=True)
                hit["usage"] = {"prompt_tokens": 0, "completion_tokens": 0, "attempts": 0}
                return ClassificationResult.model_validate(hit)
        verdict = b.classify(paper, excerpt)
        result = self._finish(source, paper, excerpt, verdict)
        if use_cache:
            self.cache.put(key, result.model_dump(mode="json", exclude={"top_class", "path"}))
        return result

    def _finish(self, source: Source, paper: Paper, excerpt: Excerpt, v: Verdict) -> ClassificationResult:
        found, missing = QuoteChecker(paper.text).split(v.evidence)
        confidence, issues = v.confidence, list(v.issues)
        if missing:
            issues.append(f"{len(missing)} evidence quote(s) not found in the paper's text")
            confidence *= 0.8 if found else 0.6
        return ClassificationResult(
            source=source.raw,
            key=source.key,
            title=paper.title,
            leaf=v.leaf,
            confidence=round(confidence, 3),
            rationale=v.rationale,
            evidence=found,
            unverified_evidence=missing,
            facts=v.facts,
            cues=v.cues,
            issues=issues,
            votes=v.votes,
            backend=self.backend.name,
            model=v.model or self.backend.model,
            prompt_version=self.backend.prompt_version,
            pdf_sha256=paper.sha256,
            excerpt_sha256=excerpt.sha256,
            excerpt_tokens=excerpt.tokens,
            pages_read=paper.pages_read,
            pages_total=paper.pages_total,
            usage=v.usage,
        )

    def close(self) -> None:
        self.backend.close()
