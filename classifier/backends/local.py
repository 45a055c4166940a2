"""The openai backend against a llama.cpp server that rltaxo starts and stops itself."""

from __future__ import annotations

from pydantic import SecretStr

from ..gold import Study
from ..local_server import LocalServer
from ..settings import Settings
from ..taxonomy import Taxonomy
from .openai_compat import OpenAIBackend


class LocalBackend(OpenAIBackend):
    """``--backend local``: a GGUF on this machine (RLTAXO_LOCAL_MODEL, default: the bundled test model)."""

    name = "local"

    def __init__(self, settings: Settings, tax: Taxonomy, examples: list[Study] | None = None) -> None:
        self.server = LocalServer(settings.local_model).start()
        mode = "json_object" if settings.structured_mode == "auto" else settings.structured_mode
        local = settings.model_copy(
            update={
                "base_url": self.server.base_url,
                "api_key": SecretStr("local"),
                "structured_mode": mode,
                "model": self.server.model_path.name,
            }
        )
        try:
            super().__init__(local, tax, examples)
        except BaseException:
            self.server.stop()
            raise

    def cache_params(self) -> dict[str, object]:
        return {**super().cache_params(), "base_url": "local"}  # the port changes every run

    def close(self) -> None:
        super().close()
        self.server.stop()
