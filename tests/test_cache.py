"""The response cache: a bad entry is a miss, an unwritable folder is refused before any paid call."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classifier.pipeline import Pipeline

from .conftest import SAMPLE, run_cli
from .fake_openai import FakeOpenAI
from .test_openai_backend import KEY, settings


@pytest.mark.parametrize("entry", ["{}", '{"leaf": "no/such-leaf"}', "[1, 2]", "not json"])
def test_a_cache_entry_that_is_not_a_result_is_a_miss_and_is_overwritten(tmp_path: Path, entry: str) -> None:
    with FakeOpenAI() as fake:
        pipe = Pipeline(settings(fake, tmp_path))
        first = pipe.classify(str(SAMPLE))
        files = list((tmp_path / "cache" / "results").rglob("*.json"))
        assert len(files) == 1 and fake.count == 1
        files[0].write_text(entry)
        again = pipe.classify(str(SAMPLE))  # no traceback: a miss, asked again, entry rewritten
        assert again.leaf == first.leaf and fake.count == 2 and not again.cached
        assert json.loads(files[0].read_text())["leaf"] == first.leaf
        assert pipe.classify(str(SAMPLE)).cached and fake.count == 2
        pipe.close()


@pytest.mark.parametrize("kind", ["file", "devnull"])
def test_an_unwritable_cache_is_refused_before_any_paid_call(env: dict[str, str], tmp_path: Path, kind: str) -> None:
    cache = tmp_path / "cache"
    if kind == "file":
        cache.write_text("not a folder")
    else:
        cache = Path("/dev/null")
    with FakeOpenAI() as fake:
        e = {**env, "OPENAI_BASE_URL": fake.url, "OPENAI_API_KEY": KEY, "RLTAXO_CACHE_DIR": str(cache)}
        r = run_cli("classify", str(SAMPLE), "--structured-mode", "json_object", env=e)
        assert fake.count == 0
    assert r.returncode == 2 and "cache folder cannot be written" in r.stderr and "RLTAXO_CACHE_DIR" in r.stderr
    assert "Traceback" not in r.stderr
    r = run_cli("classify", str(SAMPLE), "--backend", "offline", env={**env, "RLTAXO_CACHE_DIR": str(cache)})
    assert r.returncode == 0  # the offline backend caches nothing


def test_an_extracted_paper_is_read_once(tmp_path: Path) -> None:
    from classifier.pipeline import Reader
    from classifier.settings import Settings
    from classifier.sources import parse_source

    reader = Reader(Settings(cache_dir=tmp_path))
    first = reader.read(parse_source(str(SAMPLE)))
    [entry] = list((tmp_path / "papers").rglob("*.json"))
    data = json.loads(entry.read_text())
    data["title"] = "Served From The Paper Cache"
    entry.write_text(json.dumps(data))
    again = Reader(Settings(cache_dir=tmp_path)).read(parse_source(str(SAMPLE)))
    assert again.title == "Served From The Paper Cache" and again.text == first.text  # no PDF was read
    entry.write_text("{}")  # a broken entry: read the PDF again, and store it anew
    third = Reader(Settings(cache_dir=tmp_path)).read(parse_source(str(SAMPLE)))
    assert third.title == first.title and json.loads(entry.read_text())["title"] == first.title
    nocache = Reader(Settings(cache_dir=tmp_path / "other", use_cache=False)).read(parse_source(str(SAMPLE)))
    assert nocache.title == first.title and not (tmp_path / "other" / "papers").exists()
