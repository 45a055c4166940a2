"""``--escalate``: the offline backend answers first; what it flags for review goes to the LLM backend.

Most papers of a reading list are clear to a calibrated offline model, so only the doubtful ones cost a
request. The result keeps both answers: ``decided_by`` says which one stands, ``offline_answer`` what the
offline model said when the LLM overrode it. An LLM error fails the item like any LLM error (a batch
retries it with ``--retry-failed``); the offline answer is never passed off as the LLM's.
"""

from __future__ import annotations

from ..excerpt import Excerpt
from ..ingest import Paper
from ..result import REVIEW_THRESHOLD, Verdict
from . import Backend


class EscalatingBackend(Backend):
    name = "escalate"

    def __init__(self, offline: Backend, llm: Backend) -> None:
        self.offline = offline
        self.llm = llm
        self.model = f"{offline.model}+{llm.model}"
        self.prompt_version = llm.prompt_version
        self.cacheable = llm.cacheable  # the LLM's answers cost money: keep them like the LLM's own

    def doubtful(self, v: Verdict) -> bool:
        """The offline answer would be marked needs_review (below its threshold, or with an issue)."""
        below = REVIEW_THRESHOLD if v.review_below is None else v.review_below
        return v.confidence < below or bool(v.issues)

    def _kept(self, first: Verdict) -> Verdict:
        return first.model_copy(update={"decided_by": "offline", "model": self.model})

    def settle_offline(self, paper: Paper, excerpt: Excerpt) -> Verdict | None:
        """The offline answer where it stands, else None: the paper goes to the LLM (the Batch API and
        --dry-run ask this before building a request)."""
        first = self.offline.classify(paper, excerpt)
        return None if self.doubtful(first) else self._kept(first)

    def classify(self, paper: Paper, excerpt: Excerpt) -> Verdict:
        first = self.offline.classify(paper, excerpt)
        if not self.doubtful(first):
            return self._kept(first)
        answer = self.llm.classify(paper, excerpt)
        mine = {"leaf": first.leaf, "confidence": first.confidence, "model": first.model}
        # the record names the pair (resuming compares it); the answering model is in decided_by
        return answer.model_copy(update={"decided_by": "llm", "offline_answer": mine, "model": self.model})

    # -- the Batch API and other runners: the LLM's request, answered elsewhere ------------------------
    def request_body(self, paper: Paper, excerpt: Excerpt) -> dict[str, object]:
        return self.llm.request_body(paper, excerpt)  # type: ignore[attr-defined]

    def verdict_from_completion(self, body: object) -> Verdict:
        answer: Verdict = self.llm.verdict_from_completion(body)  # type: ignore[attr-defined]
        return answer.model_copy(update={"decided_by": "llm", "model": self.model})

    def cache_params(self) -> dict[str, object]:
        return {"offline": self.offline.model, **self.llm.cache_params()}

    def close(self) -> None:
        self.llm.close()
        self.offline.close()
