"""rltaxo review: the server without a browser, the static export, corrections flowing back, and the
page in a real browser (Playwright driving Debian's chromium; skipped where there is none)."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT, run_cli
from .offline_cases import CASES

EVIL = "<script>alert(1)</script> Reward code"


@pytest.fixture
def results(env: dict[str, str], tmp_path: Path) -> Path:
    """A batch's results on made-up papers, one with a title that is an attack."""
    lst = tmp_path / "list.jsonl"
    rows = [{"title": t, "abstract": a} for _, _, t, a in CASES[:8]]
    rows.append({"title": EVIL, "abstract": "We ask a large language model to write reward functions for a robot "
                 "trained with reinforcement learning."})  # fmt: skip
    lst.write_text("".join(json.dumps(r) + "\n" for r in rows))
    r = run_cli("batch", str(lst), env=env)
    assert r.returncode == 0, r.stderr
    return tmp_path / "list.jsonl.rltaxo.jsonl"


class Server:
    def __init__(self, results: Path, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "classifier", "review", str(results)], env=env, cwd=ROOT,
                                     stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)  # fmt: skip
        assert self.proc.stderr is not None
        line = self.proc.stderr.readline()
        assert "http://127.0.0.1:" in line, line
        self.url = line.split()[2]
        self.port = int(self.url.rsplit(":", 1)[1].strip("/"))

    def call(self, path: str, body: object = None, host: str | None = None, ctype: str = "application/json") -> tuple:
        data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
        req = urllib.request.Request(self.url.rstrip("/") + path, data=data, method="POST" if data else "GET")
        req.add_header("content-type", ctype)
        if host:
            req.add_header("Host", host)
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return resp.status, resp.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    def papers(self) -> list[dict]:
        return json.loads(self.call("/api/papers")[1])["papers"]

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        self.proc.wait(10)


@pytest.fixture
def server(results: Path, env: dict[str, str]) -> Iterator[Server]:
    srv = Server(results, env)
    yield srv
    srv.stop()


def corrections(results: Path) -> list[dict]:
    path = results.with_name("list.jsonl.rltaxo.corrections.jsonl")
    return [json.loads(x) for x in path.read_text().splitlines()] if path.exists() else []


def test_the_page_lists_doubtful_papers_first_and_escapes_titles(server: Server) -> None:
    status, html = server.call("/")
    assert status == 200 and "<script>alert(1)" not in html and "\\u003cscript\\u003ealert(1)" in html
    papers = server.papers()
    flags = [p["needs_review"] for p in papers]
    assert flags == sorted(flags, reverse=True)  # flagged first, then by confidence


def test_a_decision_is_saved_as_a_gold_row(server: Server, results: Path) -> None:
    first = server.papers()[0]
    status, body = server.call("/api/decisions", {"item": first["item"], "leaf": "llm4rl/goal", "note": "goals"})
    assert status == 200, body
    rows = corrections(results)
    assert len(rows) == 1 and rows[0]["leaf"] == "llm4rl/goal" and rows[0]["original_leaf"] == first["leaf"]
    assert rows[0]["decision"] == "changed" and rows[0]["abstract"] and rows[0]["note"] == "goals"
    assert server.papers()[0]["decision"]["leaf"] == "llm4rl/goal"  # reopening shows it


def test_host_header_404s_and_bad_requests_are_refused(server: Server, results: Path) -> None:
    assert server.call("/", host="evil.example:80")[0] == 421
    assert server.call("/", host=f"127.0.0.1:{server.port + 1}")[0] == 421
    assert server.call("/", host=f"localhost:{server.port}")[0] == 200
    assert server.call("/no/such/page")[0] == 404
    item = server.papers()[0]["item"]
    assert server.call("/api/decisions", {"item": "nobody", "leaf": "llm4rl/goal"})[0] == 404
    assert server.call("/api/decisions", {"item": item, "leaf": "llm4rl/nope"})[0] == 400
    assert server.call("/api/decisions", b"item=x", ctype="application/x-www-form-urlencoded")[0] == 415
    assert server.call("/api/decisions", b"{not json")[0] == 400
    assert corrections(results) == []  # nothing was written by any of these


def test_concurrent_posts_each_land_as_one_whole_line(server: Server, results: Path) -> None:
    items = [p["item"] for p in server.papers()]
    codes: list[int] = []

    def post(i: int) -> None:
        codes.append(server.call("/api/decisions", {"item": items[i % len(items)], "leaf": "out-of-scope",
                                                    "note": f"n{i}" * 50})[0])  # fmt: skip

    threads = [threading.Thread(target=post, args=(i,)) for i in range(24)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert codes == [200] * 24
    assert len(corrections(results)) == 24  # every line parses: no interleaving


def test_sigkill_between_two_decisions_loses_nothing(results: Path, env: dict[str, str]) -> None:
    srv = Server(results, env)
    a, b = srv.papers()[:2]
    assert srv.call("/api/decisions", {"item": a["item"], "leaf": "llm4rl/policy"})[0] == 200
    srv.stop(signal.SIGKILL)
    srv = Server(results, env)
    try:
        assert srv.call("/api/decisions", {"item": b["item"], "leaf": b["leaf"]})[0] == 200  # accepted as is
        decided = {p["item"]: p["decision"] for p in srv.papers() if p["decision"]}
    finally:
        srv.stop()
    assert decided[a["item"]]["leaf"] == "llm4rl/policy" and decided[b["item"]]["decision"] == "confirmed"


def test_static_export_is_one_file_without_controls(results: Path, env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    r = run_cli("review", str(results), "--html", str(out), env=env)
    assert r.returncode == 0, r.stderr
    html = out.read_text()
    assert '"editable": false' in html and "<script>alert(1)" not in html and "http" not in html.split("<script")[0]
    assert run_cli("review", str(tmp_path / "missing.jsonl"), env=env).returncode == 2


def test_corrections_flow_back_to_outputs_eval_and_exemplars(
    server: Server, results: Path, env: dict[str, str], tmp_path: Path
) -> None:
    papers = server.papers()
    changed, kept = papers[0], papers[1]
    new_leaf = "llm4rl/goal" if changed["leaf"] != "llm4rl/goal" else "llm4rl/reward"
    server.call("/api/decisions", {"item": changed["item"], "leaf": new_leaf})
    server.call("/api/decisions", {"item": kept["item"], "leaf": kept["leaf"]})
    server.stop()
    # batch outputs use the reviewer's labels and say so
    r = run_cli("batch", str(tmp_path / "list.jsonl"), "--csv", env=env)
    assert r.returncode == 0, r.stderr
    rows = (tmp_path / "list.jsonl.rltaxo.csv").read_text().splitlines()
    row = next(x for x in rows if changed["item"] in x)
    assert new_leaf in row and "changed" in row and changed["leaf"] in row
    assert any(kept["item"] in x and "confirmed" in x for x in rows)
    md = (tmp_path / "list.jsonl.rltaxo.md").read_text()
    assert "changed by a person" in md and "confirmed by a person" in md
    # the corrections file is a gold file
    gold = results.with_name("list.jsonl.rltaxo.corrections.jsonl")
    r = run_cli("eval", "--gold", str(gold), "--json", "--no-download", "--out", str(tmp_path / "run"), env=env)
    assert r.returncode == 0, r.stderr
    m = json.loads(r.stdout)
    assert m["n"] == 2 and m["leaf_accuracy"] == 0.5  # the classifier still says what it said; the person differs
    # and exemplars for an LLM backend, never the paper itself
    from classifier.backends.openai_compat import OpenAIBackend
    from classifier.ingest import Paper
    from classifier.settings import Settings
    from classifier.taxonomy import bundled

    backend = OpenAIBackend(Settings(base_url="http://127.0.0.1:9/v1", examples=gold), bundled())
    other = Paper("x", "0", "Another made-up title", "", [], "", 0, 0)
    assert f"→ {new_leaf}" in backend.examples(other)
    own = Paper("x", "0", changed["title"], "", [], "", 0, 0)
    assert changed["title"] not in backend.examples(own)


# -- in a real browser ------------------------------------------------------------------------------
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def chromium_page(url: str) -> Iterator[Any]:
    """The page at ``url`` in Chromium, driven by Playwright (closed after)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto(url)
            yield page
        finally:
            browser.close()


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (Debian: apt-get install chromium)")
def test_review_page_in_chromium(server: Server, results: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    dialogs: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(server.url)
        # an attack in a title is text, never markup
        page.select_option("#f-leaf", "")
        assert page.locator("#list .row", has_text=EVIL).count() == 1
        assert dialogs == [] and page.locator("#list script").count() == 0
        # keyboard: j moves the selection down, k back up
        first = page.locator("#list .row.sel").get_attribute("data-item")
        page.keyboard.press("j")
        second = page.locator("#list .row.sel").get_attribute("data-item")
        assert second != first
        page.keyboard.press("k")
        assert page.locator("#list .row.sel").get_attribute("data-item") == first
        # change the selected paper's leaf, reload: the decision persisted
        page.select_option("#leaf-select", "rl+llm/with-language-feedback")
        page.fill("#note", "plans with feedback")
        page.click("#save")
        page.wait_for_selector("#detail .decided")
        page.reload()
        page.select_option("#f-leaf", "rl+llm/with-language-feedback")
        row = page.locator(f'#list .row[data-item="{first}"]')
        assert row.count() == 1 and "changed" in row.inner_text()
        # accept with the keyboard; filter by flag
        page.select_option("#f-leaf", "")
        page.select_option("#f-flag", "undecided")
        before = page.locator("#list .row").count()
        page.locator("#list").click(position={"x": 5, "y": 5})
        page.keyboard.press("a")
        page.wait_for_function(f"document.querySelectorAll('#list .row').length === {before - 1}")
        browser.close()
    rows = corrections(results)
    assert len(rows) == 2 and rows[0]["leaf"] == "rl+llm/with-language-feedback" and rows[1]["decision"] == "confirmed"


@pytest.fixture
def mixed(env: dict[str, str], tmp_path: Path) -> Path:
    """Results with a failed item, bibliographic fields, and an out-of-scope paper (its sub-facts unused)."""
    lst = tmp_path / "mixed.jsonl"
    rows = [{"title": t, "abstract": a, "citekey": f"key{i}", "authors": "Doe, Jane", "year": "2031"}
            for i, (_, _, t, a) in enumerate(CASES[:6])]  # fmt: skip
    rows.append(
        {
            "title": "Sorting socks",
            "abstract": "A laundry heuristic pairs socks by colour in a household study of chores.",
        }
    )
    rows.append({"arxiv_id": "2101.00001"})  # no abstract, and the arXiv API is off here: fails
    lst.write_text("".join(json.dumps(r) + "\n" for r in rows))
    r = run_cli("batch", str(lst), "-o", str(tmp_path / "mixed.out.jsonl"), env=env)
    assert r.returncode == 1, r.stderr  # the one failure
    return tmp_path / "mixed.out.jsonl"


def test_undo_appends_a_row_and_the_decision_is_gone_everywhere(mixed: Path, env: dict[str, str]) -> None:
    srv = Server(mixed, env)
    try:
        srv_papers = srv.papers()
        item = srv_papers[0]["item"]
        assert srv.call("/api/undo", {"item": item})[0] == 404  # nothing to undo yet
        assert srv.call("/api/decisions", {"item": item, "leaf": "rl+llm/with-language-feedback"})[0] == 200
        assert srv.papers()[0]["decision"]["leaf"] == "rl+llm/with-language-feedback"
        status, body = srv.call("/api/undo", {"item": item})
        assert status == 200 and json.loads(body)["decision"] == "undone"
        assert all(p["decision"] is None for p in srv.papers())
    finally:
        srv.stop()
    lines = mixed.with_name("mixed.out.corrections.jsonl").read_text().splitlines()
    assert [json.loads(x)["decision"] for x in lines] == ["changed", "undone"]  # append-only history
    r = run_cli("report", str(mixed), "--csv", env=env)
    assert r.returncode == 0, r.stderr
    assert "rl+llm/with-language-feedback" not in mixed.with_name("mixed.out.csv").read_text()
    # as a gold file, the undone decision is no label (a second, kept decision is)
    other = srv_papers[1]
    Corrections = __import__("classifier.review.corrections", fromlist=["Corrections"]).Corrections
    Corrections(mixed.with_name("mixed.out.corrections.jsonl")).append(other, "llm4rl/goal")
    r = run_cli("eval", "--backend", "offline", "--gold", str(mixed.with_name("mixed.out.corrections.jsonl")),
                "--json", "--out", str(mixed.parent / "ev"), env=env)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["n"] == 1


def test_the_page_data_has_bib_fields_failed_items_and_unused_facts(mixed: Path) -> None:
    from classifier.review.view import load_failed, load_papers
    from classifier.taxonomy import bundled

    papers = load_papers(mixed, bundled(), {})
    keyed = [p for p in papers if p["citekey"]]
    assert keyed and keyed[0]["authors"] == "Doe, Jane" and keyed[0]["year"] == "2031" and keyed[0]["abstract"]
    socks = next(p for p in papers if p["title"] == "Sorting socks")
    assert socks["leaf"] == "out-of-scope"
    applies = {f["question"]: f["applies"] for f in socks["facts"]}
    assert applies["combines_rl_and_llm"] is True and applies["feedback_is_human"] is False
    failed = load_failed(mixed)
    assert len(failed) == 1 and "2101.00001" in failed[0]["source"] and failed[0]["reason"]


def test_markdown_and_csv_reflect_a_review(mixed: Path, env: dict[str, str]) -> None:
    import csv

    from classifier.review.corrections import Corrections, corrections_path
    from classifier.review.view import load_papers
    from classifier.taxonomy import bundled

    papers = load_papers(mixed, bundled(), {})
    doubtful = [p for p in papers if p["needs_review"]]
    assert doubtful, "the made-up list should have a doubtful paper"
    Corrections(corrections_path(mixed)).append(doubtful[0], doubtful[0]["leaf"])  # confirmed by a person
    assert run_cli("report", str(mixed), "--csv", env=env).returncode == 0
    md = mixed.with_name("mixed.out.md").read_text()
    assert f"{len(doubtful) - 1} labels are marked **needs review**" in md
    rows = {r["item"]: r for r in csv.DictReader(mixed.with_name("mixed.out.csv").open())}
    assert rows[doubtful[0]["item"]]["needs_review"] == "no" and rows[doubtful[0]["item"]]["reviewed"] == "confirmed"


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (Debian: apt-get install chromium)")
def test_review_page_search_abstract_failed_and_undo_in_chromium(mixed: Path, env: dict[str, str]) -> None:
    srv = Server(mixed, env)
    try:
        with chromium_page(srv.url) as page:
            total = page.locator("#list .row").count()
            assert page.locator("#failed-list li", has_text="2101.00001").count() == 1  # a failed item, listed
            page.fill("#search", "sorting socks")
            page.wait_for_function("document.querySelectorAll('#list .row').length === 1")
            assert "laundry heuristic" in page.locator("#abstract").inner_text()  # the abstract is shown
            assert page.locator("#detail li.na").count() >= 1  # unused sub-facts greyed
            page.fill("#search", "key1")
            page.wait_for_function("document.querySelectorAll('#list .row').length === 1")
            assert "Doe, Jane" in page.locator("#bib").inner_text()
            page.select_option("#leaf-select", "llm4rl/goal")
            page.click("#save")
            page.wait_for_selector("#undo")
            page.click("#undo")
            page.wait_for_selector("#undo", state="detached")
            page.fill("#search", "")
            page.wait_for_function(f"document.querySelectorAll('#list .row').length === {total}")
            page.reload()
            assert page.locator("#list .row", has_text="changed").count() == 0
    finally:
        srv.stop()
    decisions = [json.loads(x)["decision"] for x in
                 mixed.with_name("mixed.out.corrections.jsonl").read_text().splitlines()]  # fmt: skip
    assert decisions == ["changed", "undone"]


def test_a_title_saying___TITLE___stays_data_and_odd_records_are_skipped(tmp_path: Path) -> None:
    from classifier.review.view import load_papers, render_page
    from classifier.taxonomy import bundled

    out = tmp_path / "odd.jsonl"
    base = {"status": "ok", "source": "s"}
    rows = [
        {
            **base,
            "item": "a",
            "result": {"title": "A study of __TITLE__ and \\\\1 \\\\g<0>", "leaf": "llm4rl/reward", "confidence": 0.7},
        },
        {**base, "item": "b", "result": {"title": "NaN", "leaf": "llm4rl/reward", "confidence": float("nan")}},
        {**base, "item": "c", "result": {"title": "odd", "leaf": "llm4rl/reward", "confidence": "high"}},
        {**base, "item": "d", "result": {"title": "too sure", "leaf": "llm4rl/reward", "confidence": 7}},
    ]
    out.write_text("".join(json.dumps(r) + "\n" for r in rows))
    papers = load_papers(out, bundled(), {})
    assert [p["item"] for p in papers] == ["a", "d"] and papers[1]["confidence"] == 1.0
    page = render_page(papers, bundled(), title="res\\\\ults.jsonl", editable=False)
    blob = page.split('<script type="application/json" id="data">')[1].split("</script>")[0]
    assert json.loads(blob)["papers"][0]["title"] == "A study of __TITLE__ and \\\\1 \\\\g<0>"
    assert "<title>rltaxo review: res\\\\ults.jsonl</title>" in page


def test_the_server_bounds_bodies_and_says_when_the_results_are_gone(results: Path, env: dict[str, str]) -> None:
    srv = Server(results, env)
    try:
        item = srv.papers()[0]["item"]
        status, body = srv.call("/api/decisions", {"item": item, "leaf": "llm4rl/goal", "note": "x" * 60_000})
        assert status == 400 and "x" * 100 not in body  # refused, and not echoed
        results.rename(results.with_name("moved.jsonl"))
        status, body = srv.call("/api/papers")
        assert status == 410 and "gone" in body and "Traceback" not in body
        assert srv.call("/api/decisions", {"item": item, "leaf": "llm4rl/goal"})[0] == 410
    finally:
        srv.stop()


def test_the_server_reads_the_results_again_when_they_change(results: Path, env: dict[str, str]) -> None:
    """The papers are kept between requests (a 50,000-record file took 1.3 s a decision when each one
    re-read it; eval/bench/review_bench.py), and read again when the file changes."""
    srv = Server(results, env)
    try:
        before = srv.papers()
        first = before[0]
        assert srv.call("/api/decisions", {"item": first["item"], "leaf": "llm4rl/goal"})[0] == 200
        assert next(p for p in srv.papers() if p["item"] == first["item"])["decision"]["leaf"] == "llm4rl/goal"
        tree = json.loads(results.read_text().splitlines()[0])["result"]["taxonomy"]
        res = {"title": "Added later", "leaf": "llm4rl/reward", "confidence": 0.5, "taxonomy": tree}
        extra = {"item": "title:added", "source": "s", "status": "ok", "result": res}
        with results.open("a") as fh:
            fh.write(json.dumps(extra) + "\n")
        assert len(srv.papers()) == len(before) + 1
    finally:
        srv.stop()


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (Debian: apt-get install chromium)")
def test_a_long_list_draws_a_window_that_grows_as_it_is_walked_or_scrolled(tmp_path: Path, env: dict[str, str]) -> None:
    """A reading list of thousands: the page draws the first rows, more as the list is scrolled or walked
    with j, and moving the selection does not redraw the list (eval/bench/review_bench.py times it)."""
    from classifier.taxonomy import bundled

    tax = bundled()
    out = tmp_path / "long.jsonl"
    out.write_text("".join(json.dumps({"item": f"title:{i:04d}", "source": f"Paper {i}", "status": "ok", "result": {
        "title": f"Made-up paper {i}", "abstract": "We study things.", "leaf": tax.labels[i % len(tax.labels)],
        "confidence": 0.5, "taxonomy": f"{tax.name} ({tax.short_hash})"}}) + "\n" for i in range(1000)))  # fmt: skip
    srv = Server(out, env)
    try:
        with chromium_page(srv.url) as page:
            assert page.locator("#list .row").count() == 200
            assert "800 more" in page.locator("#more").inner_text()
            first_row = page.locator("#list .row").first.element_handle()
            for _ in range(250):
                page.keyboard.press("j")
            sel = page.locator("#list .row.sel")
            assert sel.count() == 1 and sel.get_attribute("data-i") == "250"
            assert page.locator("#list .row").count() == 400  # one more window, drawn as j walked past the first
            assert first_row.evaluate("r => r.isConnected")  # walking redrew nothing
            page.locator("#list").evaluate("b => { b.scrollTop = b.scrollHeight; }")
            page.wait_for_function("document.querySelectorAll('#list .row').length === 600")
            page.fill("#search", "paper 999")
            page.wait_for_function("document.querySelectorAll('#list .row').length === 1")
            assert page.locator("#count").inner_text() == "1 of 1000 papers" and page.locator("#more").count() == 0
    finally:
        srv.stop()
