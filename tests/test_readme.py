"""Every command in the README's usage sections runs as written (from a fresh copy, offline) and exits 0.

Commands that need the network or an API key say so in their comment and are left out; commands on
../shared/corpus run where it is present."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CORPUS, ROOT

NEEDS = ("needs the network", "needs OPENAI_API_KEY", "eval/runs/gpt", "needs Zotero", "needs the web API")


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    usage = text[text.index("## Usage") : text.index("### Backends")]
    commands: list[str] = []
    for block in re.findall(r"```bash\n(.*?)```", usage, re.DOTALL):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if not line.startswith("rltaxo "):
                continue
            comment = " ".join([line, *(x for x in lines[i + 1 : i + 3] if x.startswith(" "))])
            if any(n in comment for n in NEEDS):
                continue
            commands.append(line)
    return commands


@pytest.mark.slow
@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_runs_as_written(command: str, env: dict[str, str], tmp_path: Path) -> None:
    if "../shared" in command and not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is not present")
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copytree(ROOT / "examples", repo / "examples")
    (tmp_path / "shared").symlink_to(CORPUS.parent, target_is_directory=True)
    script = f'rltaxo() {{ "{sys.executable}" -m classifier "$@"; }}\n{command}\n'
    r = subprocess.run(
        ["bash", "-c", script], cwd=repo, env={**env, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
        timeout=300, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert r.returncode == 0, f"{command}\n{r.stderr[-2000:]}"


def test_readme_has_commands_to_check() -> None:
    commands = readme_commands()
    assert len(commands) >= 12 and any(c.startswith("rltaxo batch") for c in commands)
