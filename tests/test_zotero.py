"""Zotero in place (classifier/zotero.py, rltaxo zotero push/undo) against a local stand-in of the Zotero
API that keeps versions, answers 412 to stale writes, caps writes at 50 items, paginates and can send
Backoff; a made-up library of 300 papers with collections, child notes, attachments and an untitled item."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from classifier.zotero import Library

from .conftest import run_cli
from .zotero_server import KEY, ZoteroServer


@pytest.fixture
def zotero() -> Any:
    with ZoteroServer() as srv:
        yield srv


def _env(env: dict[str, str], srv: ZoteroServer) -> dict[str, str]:
    return {**env, "RLTAXO_ZOTERO_LIBRARY": "users/1", "RLTAXO_ZOTERO_KEY": KEY, "RLTAXO_ZOTERO_URL": srv.url}


def _label(env: dict[str, str], srv: ZoteroServer, tmp_path: Path) -> tuple[Path, Any]:
    out = tmp_path / "labels.jsonl"
    r = run_cli("batch", "zotero:RL papers", "-o", str(out), env=_env(env, srv))
    assert r.returncode in (0, 1), r.stderr
    return out, r


def _without_tags(items: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(items)
    for item in out.values():
        item.pop("version", None)
        item["data"].pop("version", None)
        item["data"].pop("tags", None)
    return out


def test_round_trip_tags_every_paper_and_changes_nothing_else(zotero: ZoteroServer, env: dict[str, str],
                                                               tmp_path: Path) -> None:  # fmt: skip
    out, r = _label(env, zotero, tmp_path)
    assert "1 Zotero item(s) without a title skipped" in r.stderr
    records = [json.loads(x) for x in out.read_text().splitlines()]
    keys = {rec["bib_key"].split(":", 1)[1] for rec in records}
    in_collection = {k for k, i in zotero.items.items() if "COLLRL01" in i["data"].get("collections", [])
                     and "parentItem" not in i["data"] and i["data"].get("title")}  # fmt: skip
    assert keys == in_collection - {"DUPL0001"} and len(keys) == 200  # notes, attachments, untitled, Other: out
    dup = next(rec for rec in records if rec["bib_key"] == "zotero:ITEM0001")
    assert dup["bib_duplicates"] == ["zotero:DUPL0001"]  # the same paper twice is labelled once
    before = copy.deepcopy(zotero.items)
    r = run_cli("zotero", "push", str(out), "--yes", env=_env(env, zotero))
    assert r.returncode == 0, r.stderr
    assert zotero.writes and max(zotero.writes) <= 50
    assert _without_tags(zotero.items) == _without_tags(before)  # only tags (and versions) changed
    assert zotero.items["DUPL0001"]["data"]["tags"] == zotero.items["ITEM0001"]["data"]["tags"]  # both tagged
    for rec in records:
        key = rec["bib_key"].split(":", 1)[1]
        tags = [t["tag"] for t in zotero.items[key]["data"]["tags"]]
        assert tags.count(f"rltaxo:{rec['result']['leaf']}") == 1
        assert ("to-read" in tags) == ("to-read" in [t["tag"] for t in before[key]["data"]["tags"]])
        assert ("rltaxo:needs-review" in tags) == rec["result"]["needs_review"]
    # a second push finds nothing to do: each tag once
    r = run_cli("zotero", "push", str(out), "--yes", env=_env(env, zotero))
    assert r.returncode == 0 and "nothing to write" in r.stderr


def test_an_edit_made_in_zotero_meanwhile_is_kept(zotero: ZoteroServer, env: dict[str, str], tmp_path: Path) -> None:
    out, _ = _label(env, zotero, tmp_path)
    zotero.before_write = lambda srv: srv.edit("ITEM0001", title="Edited in Zotero", tags=[{"tag": "mine"}])
    r = run_cli("zotero", "push", str(out), "--yes", env=_env(env, zotero))
    assert r.returncode == 0, r.stderr
    assert "changed in Zotero meanwhile" in r.stderr
    data = zotero.items["ITEM0001"]["data"]
    tags = [t["tag"] for t in data["tags"]]
    assert data["title"] == "Edited in Zotero" and "mine" in tags and any(t.startswith("rltaxo:") for t in tags)


def test_undo_restores_the_tags_exactly(zotero: ZoteroServer, env: dict[str, str], tmp_path: Path) -> None:
    out, _ = _label(env, zotero, tmp_path)
    zotero.items["ITEM0004"]["data"]["tags"].append({"tag": "rltaxo:old-label"})  # a label from an older push
    before = {k: sorted(t["tag"] for t in i["data"]["tags"]) for k, i in zotero.items.items()}
    r = run_cli("zotero", "push", str(out), "--yes", env=_env(env, zotero))
    assert r.returncode == 0, r.stderr
    undo_file = next(tmp_path.glob("labels.zotero-undo-*.json"))
    r = run_cli("zotero", "undo", str(undo_file), "--yes", env=_env(env, zotero))
    assert r.returncode == 0, r.stderr
    assert {k: sorted(t["tag"] for t in i["data"]["tags"]) for k, i in zotero.items.items()} == before


def test_dry_run_and_no_confirmation_write_nothing(zotero: ZoteroServer, env: dict[str, str], tmp_path: Path) -> None:
    out, _ = _label(env, zotero, tmp_path)
    r = run_cli("zotero", "push", str(out), "--dry-run", env=_env(env, zotero))
    assert r.returncode == 0 and "would be made (dry run" in r.stderr and "+rltaxo:" in r.stdout
    r = run_cli("zotero", "push", str(out), env=_env(env, zotero))  # no --yes and no terminal to ask on
    assert r.returncode == 2 and "--yes" in r.stderr
    assert not [q for q in zotero.requests if q["method"] == "POST"]
    assert not list(tmp_path.glob("*.zotero-undo-*"))


def test_the_key_is_in_no_output_file_cache_or_error(zotero: ZoteroServer, env: dict[str, str],
                                                     tmp_path: Path) -> None:  # fmt: skip
    out, r1 = _label(env, zotero, tmp_path)
    r2 = run_cli("zotero", "push", str(out), "--yes", env=_env(env, zotero))
    bad = {**_env(env, zotero), "RLTAXO_ZOTERO_KEY": KEY + "-wrong"}
    r3 = run_cli("zotero", "push", str(out), "--yes", env=bad)
    assert r3.returncode == 2 and "refused the key" in r3.stderr
    texts = {f"run {i}": r.stdout + r.stderr for i, r in enumerate((r1, r2, r3))}
    texts |= {str(p): p.read_text(errors="replace") for p in tmp_path.rglob("*") if p.is_file()}
    assert [where for where, t in texts.items() if KEY in t] == []
    sent = [{k.lower(): v for k, v in q["headers"].items()}.get("zotero-api-key") for q in zotero.requests]
    assert set(sent) == {KEY, KEY + "-wrong"}  # the key travels only as its header, to this server


def test_local_api_reads_but_never_writes_and_a_closed_zotero_says_where_to_look(env: dict[str, str],
                                                                                 tmp_path: Path) -> None:  # fmt: skip
    with ZoteroServer(key=None) as local:
        e = {**env, "RLTAXO_ZOTERO_URL": local.url}
        out = tmp_path / "local.jsonl"
        r = run_cli("batch", "zotero:", "-o", str(out), "--zotero-tag", "to-read", env=e)
        assert r.returncode in (0, 1), r.stderr
        assert len(out.read_text().splitlines()) == 150  # every odd item carries "to-read"
        r = run_cli("zotero", "push", str(out), "--yes", env=e)
        assert r.returncode == 2 and "read-only" in r.stderr
    r = run_cli("batch", "zotero:RL papers", "-o", str(tmp_path / "x.jsonl"),
                env={**env, "RLTAXO_ZOTERO_URL": "http://127.0.0.1:9"})  # fmt: skip
    assert r.returncode != 0 and "Allow other applications" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_backoff_and_unknown_collections(zotero: ZoteroServer) -> None:
    waits: list[float] = []
    zotero.backoff_first = True
    lib = Library(zotero.url, "users/1", KEY, sleep=waits.append)
    papers, untitled = lib.papers("COLLRL01")
    assert len(papers) == 201 and untitled == 1 and waits == [1.0]  # the duplicate is two items in Zotero
    assert sum(1 for q in zotero.requests if "collections/COLLRL01" in q["path"]) == 3  # 202 items, 100 a page
    with pytest.raises(Exception, match="no collection named 'Nope'"):
        lib.papers("Nope")


def test_notes_are_added_once_and_undo_removes_them(zotero: ZoteroServer, env: dict[str, str], tmp_path: Path) -> None:
    out, _ = _label(env, zotero, tmp_path)
    parents = {k for k, i in zotero.items.items() if "parentItem" not in i["data"]}
    r = run_cli("zotero", "push", str(out), "--yes", "--note", env=_env(env, zotero))
    assert r.returncode == 0, r.stderr
    notes = [i for i in zotero.items.values() if i["data"].get("itemType") == "note"
             and {"tag": "rltaxo:note"} in i["data"].get("tags", [])]  # fmt: skip
    assert len(notes) == 201 and all(n["data"]["parentItem"] in parents for n in notes)  # the duplicate too
    assert all("<h2>rltaxo: " in n["data"]["note"] and "<script" not in n["data"]["note"] for n in notes)
    r = run_cli("zotero", "push", str(out), "--yes", "--note", env=_env(env, zotero))
    assert r.returncode == 0 and "nothing to write" in r.stderr  # no second note
    undo_file = next(tmp_path.glob("labels.zotero-undo-*.json"))
    r = run_cli("zotero", "undo", str(undo_file), "--yes", env=_env(env, zotero))
    assert r.returncode == 0, r.stderr
    assert not [i for i in zotero.items.values() if {"tag": "rltaxo:note"} in i["data"].get("tags", [])]


def test_a_push_cut_short_and_run_again_ends_with_each_tag_once(zotero: ZoteroServer, env: dict[str, str],
                                                                tmp_path: Path) -> None:  # fmt: skip
    out, _ = _label(env, zotero, tmp_path)
    zotero.fail_write_after = 1  # the second batch of 50 fails: the push stops there
    r = run_cli("zotero", "push", str(out), "--yes", env=_env(env, zotero))
    assert r.returncode == 2 and "re-run to resume" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert zotero.writes == [50]
    zotero.fail_write_after = None
    r = run_cli("zotero", "push", str(out), "--yes", env=_env(env, zotero))
    assert r.returncode == 0, r.stderr
    for rec in (json.loads(x) for x in out.read_text().splitlines()):
        tags = [t["tag"] for t in zotero.items[rec["bib_key"].split(":", 1)[1]]["data"]["tags"]]
        assert sorted(t for t in tags if t.startswith("rltaxo:")) == sorted(
            set(t for t in tags if t.startswith("rltaxo:"))
        )
        assert f"rltaxo:{rec['result']['leaf']}" in tags


def test_a_paper_whose_pdf_is_in_zotero_storage_is_read_from_it(env: dict[str, str], tmp_path: Path) -> None:
    from .pdfs import text_pdf

    storage = tmp_path / "storage"
    with ZoteroServer(key=None) as local:
        att = next(i for i in local.items.values() if i["data"].get("itemType") == "attachment")
        folder = storage / att["key"]
        folder.mkdir(parents=True)
        parent = local.items[att["data"]["parentItem"]]["data"]
        text_pdf(folder / att["data"]["filename"], title=parent["title"],
                 abstract=parent["abstractNote"] or "We study walking robots.")  # fmt: skip
        e = {**env, "RLTAXO_ZOTERO_URL": local.url, "RLTAXO_ZOTERO_STORAGE": str(storage)}
        out = tmp_path / "pdf.jsonl"
        r = run_cli("batch", "zotero:RL papers", "-o", str(out), "--from", "auto", env=e)
        assert r.returncode in (0, 1), r.stderr
        recs = {json.loads(x)["bib_key"]: json.loads(x) for x in out.read_text().splitlines()}
        got = recs[f"zotero:{parent['key']}"]
        assert got["status"] == "ok" and got["result"]["input"] == "pdf", got
        assert sum(rec["result"]["input"] == "pdf" for rec in recs.values() if rec["status"] == "ok") == 1
