"""What a run spent: token totals (the one ``Usage`` type) and a cost from a dated price table.

rltaxo ships OpenAI's published rates (``prices.json`` beside this module, with the month they were
read); ``RLTAXO_PRICES`` (``Settings.prices``) names a JSON file in the same format that overrides
any model in it, e.g. ``{"$as_of": "2026-06", "gpt-4o-mini": {"input": 0.15, "output": 0.60,
"batch_input": 0.075, "batch_output": 0.30}}`` (US$ per million tokens; the ``batch_`` keys are the
Batch API's rates; keys starting with ``$`` are notes). A dated snapshot name (``gpt-4o-mini-2024-07-18``,
as the API reports; ``result.base_model``) is priced as its model when the table has no row for the snapshot itself.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .files import SMALL_BYTES, read_text
from .result import Usage, base_model

KEYS = ("input", "output", "batch_input", "batch_output")  # US$ per million tokens


@dataclass
class Prices:
    """Rates per model, and where they come from (shown beside every cost, since prices change)."""

    rates: dict[str, dict[str, float]] = field(default_factory=dict)
    label: str = "rltaxo's table"

    def get(self, model: str) -> dict[str, float] | None:
        return self.rates.get(model) or self.rates.get(base_model(model))


def _required(p: dict[str, Any]) -> dict[str, float]:
    return {"input": float(p["input"]), "output": float(p["output"])}


def _parse(text: str) -> tuple[dict[str, dict[str, float]], str]:
    raw = json.loads(text)
    if not isinstance(raw, dict):
        raise ValueError("not a JSON object of models")
    rows = {m: p for m, p in raw.items() if not m.startswith("$")}
    table = {m: {k: float(v) for k, v in p.items() if k in KEYS} | _required(p) for m, p in rows.items()}
    bad = [(m, k, v) for m, p in table.items() for k, v in p.items() if not (math.isfinite(v) and v >= 0)]
    if bad:  # a negative or NaN price would show $-0.04 and never trip --max-cost
        m, k, v = bad[0]
        raise ValueError(f"{m}.{k} is {v!r}: prices are finite numbers, 0 or more")
    return table, str(raw.get("$as_of", ""))


def bundled_prices() -> Prices:
    rates, as_of = _parse(files("classifier").joinpath("prices.json").read_text(encoding="utf-8"))
    return Prices(rates, f"rltaxo's table of {as_of}")


def load_prices(path: Path | None) -> Prices:
    """rltaxo's table, with the rows of ``path`` (RLTAXO_PRICES) over it."""
    base = bundled_prices()
    if path is None:
        return base
    try:
        rates, as_of = _parse(read_text(path, what="price table", limit=SMALL_BYTES))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(
            f"{path}: unreadable price table ({exc})",
            hint='expected {"model": {"input": USD per 1M tokens, "output": USD per 1M tokens}}',
        ) from exc
    return Prices(base.rates | rates, f"{path.name}{f' of {as_of}' if as_of else ''} over {base.label}")


def total(usages: Any) -> Usage:
    """The sum of many results' usage (``Usage`` objects or their JSON dicts)."""
    out = Usage()
    for u in usages:
        out.add(u if isinstance(u, Usage) else Usage.model_validate(u or {}))
    return out


def cost(usage: Usage, model: str, prices: Prices, rate: str = "") -> float | None:
    """US$ for ``usage`` at the normal rate, or at the ``batch_`` rate (None when the table lacks it)."""
    price = prices.get(model) or {}
    into, out = price.get(rate + "input"), price.get(rate + "output")
    if into is None or out is None:
        return None
    return (usage.prompt_tokens * into + usage.completion_tokens * out) / 1e6


def usage_line(usage: Usage, model: str, prices: Prices) -> str:
    text = (f"tokens: {usage.total_tokens} ({usage.prompt_tokens} prompt, {usage.completion_tokens} completion) "
            f"in {usage.attempts} request(s)")  # fmt: skip
    spent = cost(usage, model, prices)
    return text + (f", cost ${spent:.4f} (prices: {prices.label})" if spent is not None else "")


def usage_record(usage: Usage, model: str, prices: Prices) -> dict[str, Any]:
    return {"prompt_tokens": usage.prompt_tokens, "completion_tokens": usage.completion_tokens,
            "attempts": usage.attempts, "cost_usd": cost(usage, model, prices)}  # fmt: skip
