"""Abstracts by DOI from OpenAlex (classifier/doi_api.py) for list entries with a DOI and no abstract,
against a local stand-in: batched, polite (mailto, one 429 waited out), cached, never fatal."""

from __future__ import annotations

import json
from pathlib import Path

from classifier.doi_api import DoiApi, abstract_from_index, normal_doi

from .conftest import run_cli
from .openalex_server import OpenAlexServer, inverted

ABSTRACT = "We let a language model write reward functions that train a walking robot with reinforcement learning."


def test_doi_forms_and_inverted_abstracts() -> None:
    assert normal_doi("https://doi.org/10.5555/AbC.1") == normal_doi("doi:10.5555/abc.1") == "10.5555/abc.1"
    assert normal_doi("not a doi") == ""
    assert abstract_from_index(inverted(ABSTRACT)) == ABSTRACT
    assert abstract_from_index(None) == ""


def test_lookups_are_batched_polite_and_cached(tmp_path: Path) -> None:
    works = {f"10.5555/w{i}": (f"Work {i}", f"Abstract of work {i} with words.") for i in range(70)}
    with OpenAlexServer(works, throttle_first=True) as api:
        client = DoiApi(api.url, tmp_path, mailto="me@example.org", delay_s=0)
        got = client.lookup([*works, "10.5555/unknown"])
        assert len(got) == 70 and got["10.5555/w3"]["abstract"] == "Abstract of work 3 with words."
        assert len(api.queries) == 3  # a 429 waited out, then 50 + 21 DOIs
        assert all(q["mailto"] == "me@example.org" for q in api.queries)
        assert len(api.queries[1]["filter"].split("|")) == 50
        again = DoiApi(api.url, tmp_path, delay_s=0).lookup([*works, "10.5555/unknown"])
        assert again == got and len(api.queries) == 3  # all from the cache, the miss included


def test_a_library_entry_with_a_doi_gets_its_abstract(env: dict[str, str], tmp_path: Path) -> None:
    bib = tmp_path / "lib.bib"
    bib.write_text(
        "@article{doe_2031,\n\ttitle = {Walking Robots and Their Rewards},\n\tdoi = {10.5555/Walk.2031},\n}\n\n"
        "@article{roe_2032,\n\ttitle = {A Paper OpenAlex Does Not Know},\n\tdoi = {10.5555/none},\n}\n"
    )
    with OpenAlexServer({"10.5555/walk.2031": ("Walking Robots and Their Rewards", ABSTRACT)}) as api:
        out = tmp_path / "out.jsonl"
        r = run_cli("batch", str(bib), "-o", str(out), env={**env, "RLTAXO_DOI_API_URL": api.url})
        assert r.returncode == 0, r.stderr
        assert "asking OpenAlex for 2 abstracts by DOI (1 request(s))" in r.stderr
    results = {json.loads(x)["bib_key"]: json.loads(x)["result"] for x in out.read_text().splitlines()}
    assert results["doe_2031"]["input"] == "abstract" and results["doe_2031"]["abstract"] == ABSTRACT
    assert results["roe_2032"]["input"] == "title" and results["roe_2032"]["needs_review"] is True


def test_no_openalex_is_a_warning_and_the_titles_still_count(env: dict[str, str], tmp_path: Path) -> None:
    bib = tmp_path / "lib.bib"
    bib.write_text("@article{doe_2031,\n\ttitle = {Walking Robots and Their Rewards},\n\tdoi = {10.5555/w},\n}\n")
    r = run_cli("batch", str(bib), "-o", str(tmp_path / "out.jsonl"), env=env)  # env: OpenAlex on a closed port
    assert r.returncode == 0, r.stderr
    assert "cannot reach OpenAlex" in r.stderr and "classified from their titles" in r.stderr
    rec = json.loads((tmp_path / "out.jsonl").read_text())
    assert rec["status"] == "ok" and rec["result"]["input"] == "title"
