"""Regenerate docs/review.png, the review page's screenshot in the README (needs playwright and chromium).

    python examples/review_screenshot.py

Labels a dozen made-up abstracts (tests/offline_cases.py) with the offline backend, starts
``rltaxo review`` on them, records two decisions and photographs the page in headless Chromium.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from playwright.sync_api import sync_playwright

    from tests.offline_cases import CASES

    tmp = Path(tempfile.mkdtemp(prefix="rltaxo-shot-"))
    lst = tmp / "reading-list.jsonl"
    lst.write_text("".join(json.dumps({"title": t, "abstract": a}) + "\n" for _, _, t, a in CASES[:14]))
    env = {**os.environ, "RLTAXO_CACHE_DIR": str(tmp / "cache")}
    run = [sys.executable, "-m", "classifier"]
    subprocess.run([*run, "batch", str(lst)], env=env, cwd=ROOT, check=True, capture_output=True)
    results = tmp / "reading-list.jsonl.rltaxo.jsonl"
    server = subprocess.Popen([*run, "review", str(results)], env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        url = server.stderr.readline().split()[2]
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 760})
            page.goto(url)
            page.keyboard.press("a")
            page.wait_for_selector("#list .decided")
            page.keyboard.press("j")
            page.screenshot(path=str(ROOT / "docs" / "review.png"))
            browser.close()
    finally:
        server.terminate()
    print(ROOT / "docs" / "review.png")


if __name__ == "__main__":
    main()
