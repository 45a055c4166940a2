"""What a run spent: token totals (the one ``Usage`` type) and an optional cost from a price table.

Prices change and differ by contract, so none are built in: ``RLTAXO_PRICES`` (``Settings.prices``)
names a JSON file such as ``{"gpt-4o-mini": {"input": 0.15, "output": 0.60, "batch_input": 0.075,
"batch_output": 0.30}}`` (US$ per million tokens; the ``batch_`` keys are the Batch API's rates).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .files import SMALL_BYTES, read_text
from .result import Usage

Prices = dict[str, dict[str, float]]
KEYS = ("input", "output", "batch_input", "batch_output")  # US$ per million tokens


def _required(p: dict[str, Any]) -> dict[str, float]:
    return {"input": float(p["input"]), "output": float(p["output"])}


def load_prices(path: Path | None) -> Prices:
    if path is None:
        return {}
    try:
        raw = json.loads(read_text(path, what="price table", limit=SMALL_BYTES))
        table = {m: {k: float(v) for k, v in p.items() if k in KEYS} | _required(p) for m, p in raw.items()}
        bad = [(m, k, v) for m, p in table.items() for k, v in p.items() if not (math.isfinite(v) and v >= 0)]
        if bad:  # a negative or NaN price would show $-0.04 and never trip --max-cost
            m, k, v = bad[0]
            raise ValueError(f"{m}.{k} is {v!r}: prices are finite numbers, 0 or more")
        return table
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(
            f"{path}: unreadable price table ({exc})",
            hint='expected {"model": {"input": USD per 1M tokens, "output": USD per 1M tokens}}',
        ) from exc


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
    return text + (f", cost ${spent:.4f}" if spent is not None else "")


def usage_record(usage: Usage, model: str, prices: Prices) -> dict[str, Any]:
    return {"prompt_tokens": usage.prompt_tokens, "completion_tokens": usage.completion_tokens,
            "attempts": usage.attempts, "cost_usd": cost(usage, model, prices)}  # fmt: skip
