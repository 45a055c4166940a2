"""Any OpenAI-compatible endpoint through the openai SDK, with a structured-output schema.

Modes: ``json_schema`` (strict schema: OpenAI, vLLM), ``json_object`` (JSON mode, schema in the prompt:
llama-cpp-python's server), ``prompt`` (schema in the prompt only). ``auto`` starts strict and steps
down when the server rejects a mode. Whatever the mode, every answer is validated here, re-asked once
with the error, then reported: several servers accept a schema and ignore it.
"""

from __future__ import annotations

import json
import math
import re
import threading
import time
from collections import Counter
from typing import Any

from .. import errors as E
from .. import prompts
from ..answer import LlmAnswer, answer_schema, parse_answer
from ..evidence import normalise_for_match
from ..excerpt import Excerpt, estimate_tokens
from ..gold import Study
from ..ingest import Paper
from ..result import Usage, Verdict, same_model
from ..retry import Pacer, RateGate, call_with_retries, retry_after_s
from ..settings import Settings
from ..taxonomy import Taxonomy
from . import Backend

MODES = ("json_schema", "json_object", "prompt")
COMPLETION_TOKENS = 900


class Budget:
    """A run's token and cost caps, shared by every worker; a call that could cross one is never made.
    The cost of a call is counted before it at its worst (every completion token used)."""

    def __init__(self, cap: int | None, cost_cap: float | None = None, price: dict[str, float] | None = None) -> None:
        self.cap = cap
        self.cost_cap = cost_cap
        self.price = price or {}
        self.used = 0
        self.spent = 0.0
        self._lock = threading.Lock()

    def _cost(self, prompt: int, completion: int) -> float:
        return (prompt * self.price.get("input", 0.0) + completion * self.price.get("output", 0.0)) / 1e6

    def check(self, prompt: int, completion: int = 0) -> None:
        estimate = prompt + completion
        with self._lock:
            if self.cap is not None and self.used + estimate > self.cap:
                raise E.BudgetExceeded(
                    f"token budget reached: {self.used} used of {self.cap}, next call needs up to {estimate}",
                    hint="raise --max-tokens, or re-run later: finished papers are cached",
                )
            worst = self._cost(prompt, completion)
            if self.cost_cap is not None and self.spent + worst > self.cost_cap:
                raise E.BudgetExceeded(
                    f"cost cap reached: ${self.spent:.4f} spent of ${self.cost_cap:g}, "
                    f"next call could cost ${worst:.4f}",
                    hint="raise --max-cost, or re-run later: finished papers are cached",
                )

    def spend(self, prompt: int, completion: int = 0) -> None:
        with self._lock:
            self.used += prompt + completion
            self.spent += self._cost(prompt, completion)


def _count(value: object) -> int:
    """A token count as the server gave it; a non-integer is not worth failing a paid answer over."""
    try:
        return max(0, int(value or 0))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


# Any spelling of the frame's tag: spaces, a closing slash at either end, and invisible characters
# (zero-width spaces, soft hyphens: Unicode format characters) removed first.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_PAPER_TAG = re.compile(r"<\s*/?\s*p\s*a\s*p\s*e\s*r\s*/?\s*>", re.IGNORECASE)


def redact(text: str, secret: str) -> str:
    """``text`` with the key, and any run of 6 or more of its first characters (as servers echo a partial
    key: "Incorrect API key provided: sk-abc1****"), replaced by ``***``."""
    if not secret:
        return text
    text = text.replace(secret, "***")
    head = secret[:6]
    if len(secret) < 12 or head not in text:
        return text
    out, i = [], 0
    while (j := text.find(head, i)) >= 0:
        k = j + len(head)
        while k < len(text) and k - j < len(secret) and text[k] == secret[k - j]:
            k += 1
        out += [text[i:j], "***"]
        i = k
    return "".join(out) + text[i:]


MAX_ANSWER_BYTES = 2_000_000  # a chat completion of 800 answer tokens is a few KB


def _strip_fences(text: str) -> str:
    m = re.search(r"```(?:json)?\s*(.*?)```", text, re.DOTALL)
    if m:
        return m.group(1)
    start, end = text.find("{"), text.rfind("}")
    return text[start : end + 1] if start != -1 and end > start else text


class OpenAIBackend(Backend):
    name = "openai"
    cacheable = True

    def __init__(self, settings: Settings, tax: Taxonomy, examples: list[Study] | None = None) -> None:
        """``examples``: few-shot exemplars (default: the bundled gold studies, for the bundled tree only)."""
        if not settings.endpoint_configured:
            raise E.ConfigError(
                "the openai backend needs an endpoint",
                hint="set OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (a local server), or use --backend offline",
            )
        self.settings = settings
        self.model = settings.model
        self.tax = tax
        self.prompts = prompts.load(settings.prompts_dir)
        self.prompt_version = f"{self.prompts.version}+t{tax.short_hash}"
        self.mode = settings.structured_mode
        if self.mode not in (*MODES, "auto"):
            raise E.ConfigError(f"unknown structured mode {self.mode!r}", hint=f"one of {', '.join(MODES)}, auto")
        self.gate = RateGate()
        self.pacer = Pacer(self.gate, settings.rpm, settings.tpm)
        self.budget = Budget(settings.max_run_tokens, settings.max_cost_usd, _price(settings))
        self._secret = settings.api_key.get_secret_value() if settings.api_key else ""
        self._client: Any = None
        self._system = prompts.system_prompt(self.prompts, tax)
        self._schema = answer_schema(tax)
        self._bounded_schema = answer_schema(tax, bounded=True)  # attached in json_object mode
        self._studies = examples if examples is not None else _default_examples(tax, settings.examples)

    # -- plumbing ----------------------------------------------------------------------------
    def client(self) -> Any:
        if self._client is None:
            import openai

            self._client = openai.OpenAI(
                api_key=self._secret or "no-key-needed",
                base_url=self.settings.base_url,
                max_retries=0,  # tenacity is the one retry layer
                timeout=self.settings.timeout_s,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def cache_params(self) -> dict[str, object]:
        s = self.settings
        return {
            "base_url": s.base_url,
            # the mode asked for, not the one detected: "auto" settles on a mode after the first answer, and
            # a key that changed then would miss on every re-run (a paid request each time)
            "mode": s.structured_mode,
            "temperature": s.temperature,
            "seed": s.seed,
            "votes": s.votes,
            "few_shot": s.few_shot,
        }

    def _redact(self, text: str) -> str:
        return redact(text, self._secret)

    # -- prompt ------------------------------------------------------------------------------
    def examples(self, paper: Paper) -> str:
        """Exemplars, one per leaf first, never the paper being classified (same arXiv id or title)."""
        own = normalise_for_match(paper.title)
        pool = [
            s
            for s in self._studies
            if normalise_for_match(s.title) != own and not (s.arxiv_id and s.arxiv_id == paper.arxiv_id)
        ]
        chosen, seen = [], set()
        for study in pool:
            if study.leaf not in seen:
                chosen.append(study)
                seen.add(study.leaf)
        chosen = chosen[: self.settings.few_shot]
        lines = [
            self.prompts.render("example", title=s.title, leaf=s.leaf, short_name=s.short_name, year=str(s.year))
            for s in chosen
        ]
        return "\n".join(line.rstrip("\n") for line in lines) or "(none)"

    def messages(self, paper: Paper, excerpt: Excerpt, mode: str) -> list[dict[str, str]]:
        if mode == "json_schema":
            fmt = "Answer with the JSON object the response schema describes."
        else:
            fmt = "Answer with one JSON object, and nothing else, that follows this JSON schema:\n" + json.dumps(
                self._schema, indent=None
            )
        # the paper is data: it must not be able to close the <paper> frame around it
        framed = _PAPER_TAG.sub("[tag removed]", _INVISIBLE.sub("", excerpt.text))
        note = {
            "abstract": "You see only its title and abstract, not the full text: decide from them, "
            "and quote only them.",
            "title": "You see only its title: no abstract or text is at hand. Decide from the title as best you can, "
            "say in the rationale that you saw only the title, and quote only the title.",
        }.get(paper.input, "You see excerpts of its full text.")
        user = self.prompts.render(
            "user",
            excerpt=framed,
            examples=self.examples(paper),
            format_instructions=fmt,
            title=paper.title,
            source_note=note,
        )
        return [{"role": "system", "content": self._system}, {"role": "user", "content": user}]

    def response_format(self, mode: str) -> dict[str, Any] | None:
        if mode == "json_schema":
            return {
                "type": "json_schema",
                "json_schema": {"name": "taxonomy_answer", "strict": True, "schema": self._schema},
            }
        if mode == "json_object":  # llama-cpp-python turns the attached schema into a grammar
            return {"type": "json_object", "schema": self._bounded_schema}
        return None

    # -- one request -------------------------------------------------------------------------
    def complete_json(self, system: str, user: str, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        """One structured answer (json_schema, or json_object / the prompt where the server needs it), through
        the same retry layer, budget and redaction as classification."""
        mode = "json_schema" if self.mode in ("auto", "json_schema") else self.mode
        fmt: dict[str, Any] | None = None
        if mode == "json_schema":
            fmt = {"type": "json_schema", "json_schema": {"name": name, "strict": True, "schema": schema}}
        elif mode == "json_object":
            fmt = {"type": "json_object", "schema": schema}
        else:
            user += "\n\nAnswer with one JSON object following this schema:\n" + json.dumps(schema)
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        text = self._request(messages, mode, Usage(), 0.0, 0, fmt=fmt)
        try:
            data = json.loads(_strip_fences(text))
        except ValueError as exc:
            raise E.InvalidOutputError(f"{self.model}: the answer is not JSON ({exc})") from None
        if not isinstance(data, dict):
            raise E.InvalidOutputError(f"{self.model}: the answer is not a JSON object")
        return data

    def _request(
        self,
        messages: list[dict[str, str]],
        mode: str,
        usage: Usage,
        temperature: float,
        seed: int,
        fmt: dict[str, Any] | None = None,
    ) -> str:
        import openai

        prompt_tokens = sum(estimate_tokens(m["content"]) for m in messages)
        self.budget.check(prompt_tokens, COMPLETION_TOKENS)
        kwargs: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "temperature": temperature,
            "seed": seed,
            "max_tokens": COMPLETION_TOKENS,
        }
        fmt = fmt or self.response_format(mode)
        if fmt:
            kwargs["response_format"] = fmt

        def attempt() -> str:
            self.pacer.acquire(prompt_tokens + COMPLETION_TOKENS)
            usage.attempts += 1
            try:
                resp = self._complete(kwargs)
            except openai.APIStatusError as exc:
                raise self._map_status(exc) from None
            except openai.APITimeoutError:
                raise E.TransientBackendError(
                    f"{self.model}: no answer within {self.settings.timeout_s:g} s", hint="raise it with RLTAXO_TIMEOUT"
                ) from None
            except openai.APIConnectionError as exc:
                raise E.TransientBackendError(
                    f"cannot reach {self.settings.base_url or 'api.openai.com'}: {self._redact(str(exc))}",
                    hint="is the server running? check OPENAI_BASE_URL",
                ) from None
            except (ValueError, TypeError, openai.APIResponseValidationError) as exc:  # a 200 that is not JSON
                raise E.InvalidOutputError(
                    f"{self.model}: the server's answer is not a chat completion ({self._redact(str(exc))[:120]})",
                    hint="does OPENAI_BASE_URL point at an OpenAI-compatible API?",
                ) from None
            try:
                return self._content(resp, usage)
            except (AttributeError, TypeError, IndexError, KeyError) as exc:  # "message": null and the like
                raise E.InvalidOutputError(
                    f"{self.model}: malformed chat completion ({type(exc).__name__}: {self._redact(str(exc))[:120]})"
                ) from None

        return call_with_retries(
            attempt, gate=self.gate, max_attempts=self.settings.max_attempts, max_wait_s=self.settings.max_wait_s
        )

    def _complete(self, kwargs: dict[str, Any]) -> Any:
        """One chat completion, its whole transfer bounded by RLTAXO_TIMEOUT (the SDK's timeout bounds each
        read only, so a server dripping a byte at a time would hold it for ever) and its size by
        MAX_ANSWER_BYTES."""
        import openai
        from openai.types.chat import ChatCompletion

        deadline = time.monotonic() + self.settings.timeout_s
        body = bytearray()
        with self.client().chat.completions.with_streaming_response.create(**kwargs) as raw:
            self.pacer.observe(raw.headers)
            for chunk in raw.iter_bytes():
                body += chunk
                if time.monotonic() > deadline:
                    raise openai.APITimeoutError(request=raw.http_request)
                if len(body) > MAX_ANSWER_BYTES:
                    raise E.InvalidOutputError(
                        f"{self.model}: the answer is over {MAX_ANSWER_BYTES // 1_000_000} MB; not read further"
                    )
        data = json.loads(body)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return ChatCompletion.construct(**data)

    def _content(self, resp: Any, usage: Usage) -> str:
        """The answer text of a completion, its usage counted; every server-given string is redacted."""
        if resp.usage is not None:
            prompt, completion = _count(resp.usage.prompt_tokens), _count(resp.usage.completion_tokens)
            usage.prompt_tokens += prompt
            usage.completion_tokens += completion
            self.budget.spend(prompt, completion)
        if not resp.choices:
            raise E.InvalidOutputError(f"{self.model}: answer had no choices")
        choice = resp.choices[0]
        refusal = getattr(choice.message, "refusal", None)
        if refusal:
            raise E.RefusalError(f"{self.model} refused: {self._redact(' '.join(str(refusal).split()))[:200]}")
        if choice.finish_reason == "content_filter":
            raise E.ContentFilterError(f"{self.model}: the answer was stopped by the content filter")
        if choice.finish_reason == "length":
            raise E.LengthError(
                f"{self.model}: the answer was cut off at {COMPLETION_TOKENS} tokens (finish_reason=length)",
                hint="use a model that follows the schema, or a smaller --excerpt-tokens",
            )
        return str(choice.message.content or "")

    def _map_status(self, exc: Any) -> E.BackendError:
        status = exc.status_code
        body = exc.body if isinstance(exc.body, dict) else {}
        inner = body.get("error", body) if isinstance(body.get("error", body), dict) else {}
        code = str(inner.get("code") or body.get("code") or "")
        detail = self._redact(" ".join(str(inner.get("message") or exc.message or "").split()))[:200]
        where = f"{self.model} (HTTP {status})"
        if status == 401 or status == 403:
            return E.AuthError(f"{where}: authentication failed: {detail}", hint="check OPENAI_API_KEY")
        if code == "insufficient_quota":
            return E.QuotaError(f"{where}: quota exhausted: {detail}", hint="check your plan and billing")
        if status == 429:
            headers = exc.response.headers if exc.response is not None else {}
            return E.with_retry_after(E.RateLimitError(f"{where}: rate limited: {detail}"), retry_after_s(headers))
        if status >= 500:
            return E.TransientBackendError(f"{where}: server error: {detail}")
        if status in (408, 409):
            return E.TransientBackendError(f"{where}: {detail}")
        return E.BadRequestError(f"{where}: request rejected: {detail}")

    # -- answer ------------------------------------------------------------------------------
    def _parse(self, content: str) -> LlmAnswer:
        content = self._redact(content)  # a key the model echoes must reach no output, cache or record
        try:
            data = json.loads(_strip_fences(content))
        except json.JSONDecodeError as exc:
            raise E.InvalidOutputError(f"{self.model}: answer is not JSON ({exc.msg} at char {exc.pos})") from None
        try:
            return parse_answer(self.tax, data)
        except ValueError as exc:
            detail = self._redact(str(exc))[:300]
            raise E.InvalidOutputError(f"{self.model}: answer does not fit the schema ({detail})") from None

    def _first_answer(self, paper: Paper, excerpt: Excerpt, usage: Usage, t: float, seed: int) -> tuple[str, list]:
        """Send the request; in ``auto`` mode a 400 that rejects the structured-output mode steps down
        (json_schema, then json_object, then prompt) and the mode that worked is kept for later papers."""
        modes = MODES if self.mode == "auto" else (self.mode,)
        for i, mode in enumerate(modes):
            messages = self.messages(paper, excerpt, mode)
            try:
                content = self._request(messages, mode, usage, t, seed)
            except E.BadRequestError:
                if i == len(modes) - 1:
                    raise
                continue
            self.mode = mode
            return content, messages
        raise AssertionError("unreachable")

    def _sample(self, paper: Paper, excerpt: Excerpt, usage: Usage, temperature: float, seed: int) -> LlmAnswer:
        content, messages = self._first_answer(paper, excerpt, usage, temperature, seed)
        try:
            return self._parse(content)
        except E.InvalidOutputError as first:
            repair = self.prompts.render("repair", error=first.message, labels=prompts.labels_text(self.tax))
            messages = [
                *messages,
                {"role": "assistant", "content": content[:4000]},
                {"role": "user", "content": repair},
            ]
            content = self._request(messages, self.mode, usage, temperature, seed)
            try:
                return self._parse(content)
            except E.InvalidOutputError as second:
                raise E.InvalidOutputError(f"{second.message}, also after one re-ask") from None

    def classify(self, paper: Paper, excerpt: Excerpt) -> Verdict:
        usage = Usage()
        s = self.settings
        if s.votes <= 1:
            answers = [self._sample(paper, excerpt, usage, s.temperature, s.seed)]
        else:
            answers = [self._sample(paper, excerpt, usage, max(s.temperature, 0.7), s.seed + i) for i in range(s.votes)]
        return self._verdict(answers, usage)

    # -- the Batch API and other runners (vLLM) send the very same request ----------------------
    def request_body(self, paper: Paper, excerpt: Excerpt) -> dict[str, Any]:
        """The chat-completions body of the normal path's first request, in ``json_schema`` mode."""
        return {
            "model": self.model,
            "messages": self.messages(paper, excerpt, "json_schema"),
            "temperature": self.settings.temperature,
            "seed": self.settings.seed,
            "max_tokens": COMPLETION_TOKENS,
            "response_format": self.response_format("json_schema"),
        }

    def verdict_from_completion(self, body: Any) -> Verdict:
        """A chat completion produced elsewhere (a batch result line), checked as the normal path checks
        its answers; an unusable one is an InvalidOutputError (the caller may retry it normally)."""
        usage = Usage(attempts=1)

        def get(obj: Any, key: str) -> Any:
            return obj.get(key) if isinstance(obj, dict) else None

        u = get(body, "usage")
        usage.prompt_tokens, usage.completion_tokens = (
            _count(get(u, "prompt_tokens")),
            _count(get(u, "completion_tokens")),
        )
        choices = get(body, "choices")
        if not isinstance(choices, list) or not choices:
            raise E.InvalidOutputError(f"{self.model}: batch result has no choices")
        message = get(choices[0], "message")
        if get(message, "refusal"):
            raise E.RefusalError(f"{self.model} refused: {self._redact(str(get(message, 'refusal')))[:200]}")
        if get(choices[0], "finish_reason") == "length":
            raise E.LengthError(f"{self.model}: the answer was cut off at {COMPLETION_TOKENS} tokens")
        content = get(message, "content")
        if not isinstance(content, str):
            raise E.InvalidOutputError(f"{self.model}: batch result has no answer text")
        verdict = self._verdict([self._parse(content)], usage)
        answered = get(body, "model")
        if isinstance(answered, str) and same_model(answered, self.model):  # the dated snapshot that answered
            verdict.model = answered
        return verdict

    def _verdict(self, answers: list[LlmAnswer], usage: Usage) -> Verdict:
        tally = Counter(a.leaf for a in answers)
        leaf, count = tally.most_common(1)[0]
        best = next(a for a in answers if a.leaf == leaf)
        issues: list[str] = []
        confidence = best.confidence if len(answers) == 1 else count / len(answers)
        if not math.isfinite(confidence):  # NaN or infinity: no confidence at all, and flagged
            issues.append(f"the model's confidence {confidence:g} is not a number; taken as 0")
            confidence = 0.0
        elif not 0.0 <= confidence <= 1.0:
            issues.append(f"the model's confidence {confidence:g} is outside [0, 1]; clamped")
            confidence = min(max(confidence, 0.0), 1.0)
        implied = self.tax.leaf_for(best.facts) if best.facts is not None and self.tax.rules else leaf
        if implied != leaf:
            issues.append(f"leaf {leaf} disagrees with the model's own decision facts, which imply {implied}")
            confidence *= 0.5
        return Verdict(
            leaf=leaf,
            confidence=round(confidence, 3),
            rationale=best.reasoning,
            evidence=best.evidence,
            facts=best.facts,
            fact_evidence=best.fact_quotes,
            issues=issues,
            usage=usage,
            model=self.model,
            votes=dict(tally) if len(answers) > 1 else None,
        )


def _default_examples(tax: Taxonomy, path: Any = None) -> list[Study]:
    """The exemplars file (``--examples``: any gold file, such as a review's corrections), else the
    bundled gold studies for the bundled tree only (their labels are its leaves)."""
    from ..gold import load
    from ..taxonomy import bundled

    if path is not None:
        return load(path, tax)
    return load(tax=tax) if tax.sha256 == bundled().sha256 else []


def _price(settings: Settings) -> dict[str, float] | None:
    """The model's price, which ``--max-cost`` needs (a cap without a price could never be kept)."""
    if settings.max_cost_usd is None:
        return None
    from ..costs import load_prices

    prices = load_prices(settings.prices)
    price = prices.get(settings.model)
    if price is None:
        raise E.ConfigError(
            f"--max-cost needs the price of {settings.model}, which {prices.label} does not have",
            hint="set RLTAXO_PRICES to a JSON file with its input and output prices",
        )
    return price
