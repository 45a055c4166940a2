"""Title + abstract input: the arXiv API client, metadata-carrying reading lists, --from, and eval.

Every text here is made up; the fake arXiv API serves made-up Atom entries on 127.0.0.1."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from classifier.arxiv_api import ArxivApi
from classifier.errors import ConfigError, DownloadError, UnknownArxivId
from classifier.readinglist import dedupe, read_list

from .arxiv_api_server import ArxivApiServer
from .arxiv_server import ArxivServer
from .conftest import ROOT, SAMPLE, run_cli

REWARD = (
    "Language Models That Write Reward Programs for Legged Robots",
    "We prompt a large language model to write reward function code, which is then used to train "
    "reinforcement learning agents on simulated legged locomotion tasks.",
)
RLHF = (
    "Tuning a Chat Model on Rater Preferences",
    "We collect pairwise comparisons from human annotators, train a reward model on them, and fine-tune "
    "the language model with proximal policy optimization against it.",
)
PAPERS = {f"2101.{i:05d}": REWARD for i in range(150)} | {"2202.00001": RLHF}


@pytest.fixture(autouse=True)
def engine_alone(env: dict[str, str]) -> None:
    """These tests check which text was read by the leaf it gets: the hand-written engine's leaves on these
    made-up texts are pinned by its own tests, a learned model's are not."""
    env["RLTAXO_OFFLINE_MODEL"] = "none"


def api_env(env: dict[str, str], url: str, delay: str = "0") -> dict[str, str]:
    return {**env, "RLTAXO_ARXIV_API_URL": url, "RLTAXO_ARXIV_API_DELAY": delay}


def jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text().splitlines() if x.strip()]


# -- the client ------------------------------------------------------------------------------------
def test_ids_go_100_a_request_spaced_and_cached(tmp_path: Path) -> None:
    ids = [f"2101.{i:05d}" for i in range(150)]
    with ArxivApiServer(PAPERS) as srv:
        api = ArxivApi(srv.url, tmp_path, delay_s=0.4)
        got = api.prefetch(ids)
        assert len(got) == 150 and [len(r) for r in srv.requests] == [100, 50]
        assert srv.times[1] - srv.times[0] >= 0.39  # at most one request per delay
        again = ArxivApi(srv.url, tmp_path, delay_s=0.4)  # a new run: everything from the disk cache
        assert again.get("2101.00007").title == REWARD[0]
        assert len(srv.requests) == 2
    meta = got["2101.00003"]
    assert meta.version == "v1" and meta.year == 2031 and meta.authors == ("Ada Madeup",)


def test_unknown_id_malformed_feed_and_server_down(tmp_path: Path) -> None:
    with ArxivApiServer(PAPERS) as srv, pytest.raises(UnknownArxivId, match="knows no such paper"):
        ArxivApi(srv.url, tmp_path, delay_s=0).get("2999.99999")
    with ArxivApiServer(PAPERS, mode="malformed") as srv, pytest.raises(DownloadError, match="not an Atom feed"):
        ArxivApi(srv.url, tmp_path / "b", delay_s=0).get("2101.00001")
    with ArxivApiServer(PAPERS, mode="down") as srv, pytest.raises(DownloadError, match="HTTP 503"):
        ArxivApi(srv.url, tmp_path / "c", delay_s=0).get("2101.00001")
    with pytest.raises(DownloadError, match="give abstracts"):
        ArxivApi("http://127.0.0.1:9/api/query", tmp_path / "d", delay_s=0).get("2101.00001")


@pytest.mark.parametrize("url", ["notaurl", "file:///etc/passwd", "ftp://example.org/q"])
def test_only_http_endpoints(tmp_path: Path, url: str) -> None:
    with pytest.raises(ConfigError, match="RLTAXO_ARXIV_API_URL"):
        ArxivApi(url, tmp_path)


# -- reading lists ---------------------------------------------------------------------------------
def test_lists_carry_titles_and_abstracts(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"title": REWARD[0], "abstract": REWARD[1]}) + "\n"
        + json.dumps({"arxiv_id": "2202.00001v2", "title": RLHF[0]}) + "\n"
        + "not json\n"
    )  # fmt: skip
    items = read_list(tmp_path / "a.jsonl")
    assert items[0].source is not None and items[0].source.has_abstract and items[0].key.startswith("title:")
    assert items[1].source is not None and items[1].source.arxiv_id == "2202.00001"
    assert items[2].error and "line 3" in items[2].error
    (tmp_path / "b.csv").write_text(f'title,abstract\n"{REWARD[0]}","{REWARD[1]}"\n')
    assert read_list(tmp_path / "b.csv")[0].source.has_abstract  # type: ignore[union-attr]
    (tmp_path / "c.bib").write_text(
        "@article{k1,\n title = {Tuning a {Chat} Model},\n abstract = {We collect pairwise comparisons.},\n}\n"
    )
    src = read_list(tmp_path / "c.bib")[0].source
    assert src is not None and src.meta is not None and src.meta.title == "Tuning a Chat Model"
    (tmp_path / "d.ris").write_text(
        f"TY  - JOUR\nTI  - {REWARD[0]}\nAB  - {REWARD[1]}\nUR  - https://arxiv.org/abs/2101.00002v3\nER  - \n"
    )
    ris = read_list(tmp_path / "d.ris")[0]
    assert ris.source is not None and ris.source.arxiv_id == "2101.00002" and ris.source.has_abstract


def test_versions_and_urls_of_one_paper_are_one_item(tmp_path: Path) -> None:
    lst = tmp_path / "l.txt"
    lst.write_text("2101.00005\n2101.00005v2\nhttps://arxiv.org/abs/2101.00005v1\narxiv.org/pdf/2101.00005\n")
    items = dedupe(read_list(lst))
    assert len(items) == 1 and len(items[0].duplicates) == 3


# -- the CLI ---------------------------------------------------------------------------------------
def test_batch_of_ids_asks_the_api_once_and_downloads_no_pdf(env: dict[str, str], tmp_path: Path) -> None:
    lst = tmp_path / "ids.txt"
    lst.write_text("\n".join([*(f"2101.{i:05d}" for i in range(40)), "2202.00001v2", "2999.99999"]) + "\n")
    with ArxivApiServer(PAPERS) as api, ArxivServer({}) as pdfs:
        e = api_env({**env, "RLTAXO_ARXIV_URL": pdfs.url}, api.url)
        r = run_cli("batch", str(lst), "--backend", "offline", env=e)
        assert len(api.requests) == 1 and pdfs.hits == []
    assert r.returncode == 1  # the unknown id
    recs = {x["source"]: x for x in jsonl(tmp_path / "ids.txt.rltaxo.jsonl")}
    assert recs["2999.99999"]["error"]["code"] == "unknown_arxiv_id"
    ok = recs["2202.00001v2"]["result"]
    assert ok["input"] == "abstract" and ok["arxiv_id"] == "2202.00001v2"
    assert ok["leaf"] == "rl4llm/fine-tuning/with-human-feedback"
    assert recs["2101.00000"]["result"]["leaf"] == "llm4rl/reward"


def test_a_markdown_list_labels_the_papers_it_links(env: dict[str, str], tmp_path: Path) -> None:
    """An awesome-list or notes file: the linked papers are the list; prose, headings and code links are
    not failures."""
    md = tmp_path / "reading.md"
    md.write_text(
        "# Papers we should read\n\nA made-up list of papers, kept by hand.\n\n"
        "* Reward programs for robots [[paper](https://arxiv.org/pdf/2101.00003.pdf), [code](https://example.org/x)]\n"
        "| 2021 | Rater preferences | [link](https://arxiv.org/abs/2202.00001v2) | - |\n"
        "- the same robots paper again: arXiv:2101.00003\n"
        "- two at once: 10.48550/arXiv.2101.00004 and https://arxiv.org/abs/2101.00005 #tag\n"
    )
    with ArxivApiServer(PAPERS) as api:
        r = run_cli("batch", str(md), "--backend", "offline", "--json", env=api_env(env, api.url))
    assert r.returncode == 0, r.stderr
    recs = {x["item"]: x for x in jsonl(tmp_path / "reading.md.rltaxo.jsonl")}
    assert sorted(recs) == ["arxiv:2101.00003", "arxiv:2101.00004", "arxiv:2101.00005", "arxiv:2202.00001"]
    assert recs["arxiv:2202.00001"]["result"]["leaf"] == "rl4llm/fine-tuning/with-human-feedback"
    assert recs["arxiv:2101.00003"]["duplicates"] == ["arXiv:2101.00003"]
    empty = tmp_path / "notes.md"
    empty.write_text("# Notes\n\nNothing linked here.\n")
    r = run_cli("batch", str(empty), env=env)
    assert r.returncode == 2 and "no arXiv links" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_a_markdown_digest_is_classified_from_its_abstracts_offline(env: dict[str, str], tmp_path: Path) -> None:
    md = tmp_path / "digest.md"
    md.write_text(
        f"# {REWARD[0]}\n\n**Link**: [PDF](https://arxiv.org/pdf/2101.00003)\n\n**Abstract**: {REWARD[1]}\n\n---\n"
        f"# {RLHF[0]}\n\n**Link**: [PDF](https://arxiv.org/pdf/2202.00001v2)\n\n**Abstract**: {RLHF[1]}\n"
    )
    e = api_env(env, "http://127.0.0.1:9/api/query")  # a closed port: any request would fail
    r = run_cli("batch", str(md), "--backend", "offline", env=e)
    assert r.returncode == 0, r.stderr
    got = {x["item"]: x["result"] for x in jsonl(tmp_path / "digest.md.rltaxo.jsonl")}
    assert got["arxiv:2101.00003"]["leaf"] == "llm4rl/reward" and got["arxiv:2101.00003"]["title"] == REWARD[0]
    assert got["arxiv:2202.00001"]["leaf"] == "rl4llm/fine-tuning/with-human-feedback"
    assert {x["input"] for x in got.values()} == {"abstract"}


def test_json_lines_written_as_python_dicts_are_read_as_literals_only(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    lst = tmp_path / "digest.jsonl"
    lst.write_text(
        repr({"arxiv_id": "arXiv:2101.00003", "title": REWARD[0], "abstract": REWARD[1], "authors": "A. Person"})
        + "\n"
        + f"{{'title': __import__('pathlib').Path({str(marker)!r}).touch(), 'abstract': 'x'}}\n"
        + "['a list', 'not a record']\n"
    )
    items = read_list(lst)
    assert items[0].key == "arxiv:2101.00003" and items[0].source is not None and items[0].source.has_abstract
    assert [i.error and i.error.split(" (")[0] for i in items[1:]] == ["line 2: not JSON", "line 3: not JSON"]
    assert not marker.exists()  # read as a literal: nothing in a list runs


def test_records_spelled_as_the_arxiv_api_zotero_or_a_script_spells_them(tmp_path: Path) -> None:
    """summary (the arXiv API's word for the abstract), capitalised keys, entry_id, an arXiv DOI: each gives
    the paper with its abstract, and no network is needed (they had been sent to the arXiv API)."""
    recs = [
        {"id": "2501.00001", "title": REWARD[0], "summary": REWARD[1]},
        {"Title": RLHF[0], "Abstract": RLHF[1]},
        {"entry_id": "http://arxiv.org/abs/2501.00003v2", "title": REWARD[0], "abstractNote": REWARD[1]},
        {"DOI": "10.48550/arXiv.2501.00004", "title": RLHF[0], "abstract": RLHF[1]},
        {"title": REWARD[0], "abstract": REWARD[1], "abstract_url": "http://arxiv.org/abs/2501.00005v1"},
        {"id": "smith2020", "title": "A Title With Nothing Else"},  # a record's own key: a titled paper, not an error
        {"id": "smith2021"},
    ]
    lst = tmp_path / "api.jsonl"
    lst.write_text("".join(json.dumps(r) + "\n" for r in recs))
    items = read_list(lst)
    srcs = [i.source for i in items[:6]]
    assert all(s is not None and s.meta is not None for s in srcs)
    assert [s.has_abstract for s in srcs] == [True, True, True, True, True, False]  # type: ignore[union-attr]
    ids = [s.arxiv_id for s in srcs]  # type: ignore[union-attr]
    assert ids == ["2501.00001", None, "2501.00003", "2501.00004", "2501.00005", None]
    assert srcs[2].version == "v2" and srcs[1].meta.title == RLHF[0]  # type: ignore[union-attr]
    assert items[6].error and "smith2021" in items[6].error
    (tmp_path / "api.csv").write_text(f'title,summary\n"{REWARD[0]}","{REWARD[1]}"\n')
    assert read_list(tmp_path / "api.csv")[0].source.has_abstract  # type: ignore[union-attr]


def test_json_files_arrays_csl_json_and_wrapped_lists(env: dict[str, str], tmp_path: Path) -> None:
    """A .json list of papers: an array (Zotero's CSL JSON export), an object holding one array, or JSON
    Lines under a .json name; a .json that is no list of papers is one clear error."""
    from classifier.errors import ReadingListError

    csl = [
        {"id": "http://zotero.org/users/1/items/AB12", "type": "article", "title": REWARD[0], "abstract": REWARD[1],
         "URL": "http://arxiv.org/abs/2501.00007v1", "container-title": "Made-Up Workshop", "citation-key": "doe2031",
         "author": [{"family": "Doe", "given": "Jane"}, {"literal": "Team Made Up"}],
         "issued": {"date-parts": [[2031, 2]]}},
        {"id": "http://zotero.org/users/1/items/CD34", "type": "article", "title": RLHF[0], "abstract": RLHF[1]},
    ]  # fmt: skip
    (tmp_path / "zotero.json").write_text(json.dumps(csl, indent=2))
    items = read_list(tmp_path / "zotero.json")
    assert [i.source.arxiv_id for i in items] == ["2501.00007", None]  # type: ignore[union-attr]
    assert all(i.source and i.source.has_abstract for i in items)
    assert items[0].bib == {"citekey": "doe2031", "authors": "Jane Doe; Team Made Up", "year": "2031",
                            "venue": "Made-Up Workshop"}  # fmt: skip
    (tmp_path / "wrapped.json").write_text(json.dumps({"query": "rl", "papers": csl}))
    assert len(read_list(tmp_path / "wrapped.json")) == 2
    (tmp_path / "lines.json").write_text("".join(json.dumps(r) + "\n" for r in csl))
    assert len(read_list(tmp_path / "lines.json")) == 2
    (tmp_path / "one.json").write_text(json.dumps(csl[1]))
    assert read_list(tmp_path / "one.json")[0].source.has_abstract  # type: ignore[union-attr]
    (tmp_path / "scalar.json").write_text("3")
    with pytest.raises(ReadingListError, match="not a list of papers"):
        read_list(tmp_path / "scalar.json")
    r = run_cli("batch", str(tmp_path / "zotero.json"), "-o", str(tmp_path / "z.out.jsonl"), env=env)
    assert r.returncode == 0, r.stderr  # offline: both from their abstracts, no network
    assert "2 labeled" in r.stdout


def test_a_text_line_with_an_id_and_a_note_is_that_paper(tmp_path: Path) -> None:
    lst = tmp_path / "l.txt"
    lst.write_text("2101.00003  the robots paper\nsee https://arxiv.org/abs/2101.00004 # not arXiv:2101.00009\nzzz\n")
    items = read_list(lst)
    assert [i.key for i in items] == ["arxiv:2101.00003", "arxiv:2101.00004", "bad:zzz"]  # a comment stays one
    assert "not an arXiv id" in (items[2].error or "")


def test_list_abstracts_need_no_network_and_ris_round_trips(env: dict[str, str], tmp_path: Path) -> None:
    ris = tmp_path / "lib.ris"
    ris.write_text(
        f"TY  - JOUR\nTI  - {REWARD[0]}\nAB  - {REWARD[1]}\nKW  - robots\nER  - \n\n"
        f"TY  - JOUR\nTI  - {RLHF[0]}\nAB  - {RLHF[1]}\nN1  - arXiv:2202.00001\nER  - \n"
    )
    before = ris.read_text()
    e = api_env(env, "http://127.0.0.1:9/api/query")  # a closed port: any request would fail
    r = run_cli("batch", str(ris), "--format", "ris", "--backend", "offline", env=e)
    assert r.returncode == 0, r.stderr
    assert ris.read_text() == before
    import rispy

    out = rispy.loads((tmp_path / "lib.ris.rltaxo.ris").read_text())
    assert out[0]["keywords"] == ["robots", "rltaxo:llm4rl/reward"]
    assert out[1]["keywords"] == ["rltaxo:rl4llm/fine-tuning/with-human-feedback"]


def test_from_abstract_never_downloads_and_from_pdf_does(env: dict[str, str], tmp_path: Path) -> None:
    with ArxivApiServer(PAPERS) as api, ArxivServer({"2101.00001": SAMPLE}) as pdfs:
        e = api_env({**env, "RLTAXO_ARXIV_URL": pdfs.url}, api.url)
        r = run_cli("classify", "2101.00001", "--from", "abstract", "--json", env=e)
        assert json.loads(r.stdout)["input"] == "abstract" and pdfs.hits == []
        r = run_cli("classify", "2101.00001", "--from", "pdf", "--json", env=e)
        assert json.loads(r.stdout)["input"] == "pdf" and pdfs.hits == ["2101.00001"]
        r = run_cli("classify", "2101.00001", "--json", env=e)  # auto: the PDF is cached now
        assert json.loads(r.stdout)["input"] == "pdf" and len(api.requests) == 1
    r = run_cli("classify", str(SAMPLE), "--from", "abstract", "--json", env=env)  # a local PDF, abstract only
    assert json.loads(r.stdout)["input"] == "abstract"
    r = run_cli("classify", "x.pdf", "--from", "sideways", env=env)
    assert r.returncode == 2 and "--from" in r.stderr


def test_classify_title_abstract_and_stdin(env: dict[str, str]) -> None:
    r = run_cli("classify", "--title", REWARD[0], "--abstract", REWARD[1], "--json", env=env)
    rec = json.loads(r.stdout)
    assert r.returncode == 0 and rec["input"] == "abstract" and rec["leaf"] == "llm4rl/reward"
    assert all(q in REWARD[0] + " " + REWARD[1] for q in rec["evidence"])  # quotes from the metadata
    lines = "\n".join(
        [json.dumps({"title": RLHF[0], "abstract": RLHF[1]}), "{broken", json.dumps({"title": "only a title"})]
    )
    p = subprocess.run(
        [sys.executable, "-m", "classifier", "classify", "-", "--json"],
        input=lines, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )  # fmt: skip
    out = [json.loads(x) for x in p.stdout.splitlines()]
    assert p.returncode == 1 and len(out) == 3  # the broken line fails
    assert out[0]["leaf"] == "rl4llm/fine-tuning/with-human-feedback"
    assert out[1]["error"]["code"] == "not_found" and "not JSON" in out[1]["error"]["message"]
    # a title alone is classified from it and needs review (as in a batch); its own short title is no
    # fabricated quote (it had cost 40% of the confidence for being shorter than a checkable quote)
    assert out[2]["input"] == "title" and out[2]["needs_review"] and out[2]["unverified_evidence"] == []
    r = run_cli("classify", "--title", REWARD[0], env=env)
    assert r.returncode == 0 and "title alone" in r.stdout and "needs review" in r.stdout, r.stderr
    assert run_cli("classify", "--title", " ", env=env).returncode == 2  # nothing to classify


def test_eval_on_own_gold_jsonl_from_abstracts_without_network(env: dict[str, str], tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"title": REWARD[0], "abstract": REWARD[1], "leaf": "llm4rl/reward"}) + "\n"
        + json.dumps({"arxiv_id": "2202.00001", "title": RLHF[0], "abstract": RLHF[1],
                      "leaf": "rl4llm/fine-tuning/with-human-feedback"}) + "\n"
        + json.dumps({"title": "Sorting Socks", "abstract": "A laundry heuristic with no learning.",
                      "leaf": "out-of-scope"}) + "\n"
    )  # fmt: skip
    e = api_env(env, "http://127.0.0.1:9/api/query")
    r = run_cli("eval", "--backend", "offline", "--gold", str(gold), "--from", "abstract", "--json",
                "--out", str(tmp_path / "run"), env=e)  # fmt: skip
    assert r.returncode == 0, r.stderr
    m = json.loads(r.stdout)
    assert m["n"] == 3 and m["missing"] == 0 and m["by_input"]["abstract"]["n"] == 3
    assert m["leaf_accuracy"] == 1.0


def test_eval_abstracts_file_fills_in_and_missing_stays_missing(env: dict[str, str], tmp_path: Path) -> None:
    gold = tmp_path / "g.csv"
    gold.write_text("arxiv_id,leaf\n2101.00001,llm4rl/reward\n2202.00001,rl4llm/fine-tuning/with-human-feedback\n")
    abstracts = tmp_path / "abs.jsonl"
    abstracts.write_text(json.dumps({"arxiv_id": "2101.00001", "title": REWARD[0], "abstract": REWARD[1]}) + "\n")
    e = api_env(env, "http://127.0.0.1:9/api/query")
    r = run_cli("eval", "--backend", "offline", "--gold", str(gold), "--abstracts", str(abstracts), "--json",
                "--out", str(tmp_path / "run"), env=e)  # fmt: skip
    assert r.returncode == 0, r.stderr
    m = json.loads(r.stdout)
    assert m["classified"] == 1 and m["missing"] == 1 and m["unreadable"] == 0
    r = run_cli("eval", "--backend", "offline", "--gold", str(gold), "--no-download", "--out", str(tmp_path / "r2"),
                env=e)  # fmt: skip
    assert r.returncode == 1 and "--abstracts FILE.jsonl" in r.stderr and "2 missing" in r.stdout  # nothing scored
    for bad in (tmp_path / "nope", gold):
        r = run_cli("eval", "--backend", "offline", "--gold", str(gold), "--pdf-dir", str(bad), env=e)
        assert r.returncode == 2 and "--pdf-dir" in r.stderr


def test_zotero_csv_export_is_read_from_its_abstract_note_without_network(env: dict[str, str], tmp_path: Path) -> None:
    """Zotero's CSV names the abstract 'Abstract Note'; a row's own abstract wins over its arXiv URL, and
    rows without a URL are papers, not empty rows (#24)."""
    lst = tmp_path / "zotero.csv"
    with lst.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Key", "Item Type", "Title", "Url", "Abstract Note"])
        w.writerow(["A1", "journalArticle", REWARD[0], "http://arxiv.org/abs/2310.12931", REWARD[1]])
        w.writerow(["B2", "journalArticle", RLHF[0], "", RLHF[1]])
        w.writerow(["C3", "journalArticle", "Sorting Socks", "", "A laundry heuristic with no learning."])
    r = run_cli("batch", str(lst), "-o", str(tmp_path / "o.jsonl"), "--from", "abstract", "--json", env=env)
    assert r.returncode == 0, r.stderr  # env points the arXiv API and downloads at closed ports
    summary = json.loads(r.stdout)
    assert summary["labeled_now"] == 3 and summary["failed_now"] == 0


def test_entries_with_only_a_title_are_classified_from_it_and_flagged(env: dict[str, str], tmp_path: Path) -> None:
    """17% of a real library has no abstract: such an entry is classified from its title, marked input
    "title" and needs_review, instead of failing (a re-run no longer offers it to --retry-failed)."""
    bib = tmp_path / "lib.bib"
    bib.write_text(
        "@inproceedings{kim_reward_2031,\n\ttitle = {Reward Functions Written by {LLMs} for Quadruped \\& Arm},\n"
        "\tdoi = {10.5555/no.arxiv.2031},\n\tyear = {2031},\n}\n\n@misc{empty_2031,\n\tyear = {2031},\n}\n"
    )
    lst = tmp_path / "titles.csv"
    lst.write_text("Title,Abstract Note\nPolicy Gradient Fine-Tuning of Chat Models,\n", encoding="utf-8")
    for reading_list in (bib, lst):
        out = tmp_path / f"{reading_list.stem}.jsonl"
        r = run_cli("batch", str(reading_list), "-o", str(out), "--json", env=env)
        records = [json.loads(line) for line in out.read_text().splitlines()]
        titled = [rec for rec in records if rec["status"] == "ok"]
        assert len(titled) == 1, r.stderr
        res = titled[0]["result"]
        assert res["input"] == "title" and res["needs_review"] is True
        assert any("title alone" in issue for issue in res["issues"])
        if reading_list == bib:
            assert res["title"] == "Reward Functions Written by LLMs for Quadruped & Arm"  # LaTeX decoded
            failed = [rec for rec in records if rec["status"] == "error"]
            assert r.returncode == 1 and "no title" in failed[0]["error"]["message"]  # nothing at all: still fails
        else:
            assert r.returncode == 0, r.stderr
