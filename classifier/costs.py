"""Token totals and an optional cost figure from a user-supplied price table.

Prices change and differ by contract, so none are built in: ``RLTAXO_PRICES`` names a JSON file such as
``{"gpt-4o-mini": {"input": 0.15, "output": 0.60}}`` (US$ per million tokens).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass
class Totals:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    attempts: int = 0
    papers: int = 0

    def add(self, usage: dict[str, Any]) -> None:
        self.prompt_tokens += int(usage.get("prompt_tokens", 0))
        self.completion_tokens += int(usage.get("completion_tokens", 0))
        self.attempts += int(usage.get("attempts", 0))
        self.papers += 1

    def cost(self, model: str) -> float | None:
        price = load_prices().get(model)
        if price is None:
            return None
        return (self.prompt_tokens * price["input"] + self.completion_tokens * price["output"]) / 1e6

    def line(self, model: str) -> str:
        total = self.prompt_tokens + self.completion_tokens
        text = (f"tokens: {total} ({self.prompt_tokens} prompt, {self.completion_tokens} completion) "
                f"in {self.attempts} request(s)")  # fmt: skip
        cost = self.cost(model)
        return text + (f", cost ${cost:.4f}" if cost is not None else "")

    def as_dict(self, model: str) -> dict[str, Any]:
        return {"prompt_tokens": self.prompt_tokens, "completion_tokens": self.completion_tokens,
                "attempts": self.attempts, "cost_usd": self.cost(model)}  # fmt: skip


def load_prices() -> dict[str, dict[str, float]]:
    path = os.environ.get("RLTAXO_PRICES")
    if not path:
        return {}
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return {m: {"input": float(p["input"]), "output": float(p["output"])} for m, p in raw.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(
            f"{path}: unreadable price table ({exc})",
            hint='expected {"model": {"input": USD per 1M tokens, "output": USD per 1M tokens}}',
        ) from exc
