import pytest

from classifier.errors import SourceNotFound
from classifier.sources import find_arxiv, parse_arxiv, parse_source


@pytest.mark.parametrize(
    "text",
    [
        "2310.12931",
        "arXiv:2310.12931",
        "arxiv:2310.12931v2",
        "https://arxiv.org/abs/2310.12931",
        "https://arxiv.org/pdf/2310.12931v1",
        "http://arxiv.org/pdf/2310.12931.pdf",
        "arxiv.org/abs/2310.12931/",
        "10.48550/arXiv.2310.12931",
        "https://doi.org/10.48550/arXiv.2310.12931",
        "https://arxiv.org/html/2310.12931v2#S3",  # arXiv's HTML view
        "https://arxiv.org/abs/2310.12931?context=cs.CL",
        "https://ar5iv.labs.arxiv.org/html/2310.12931",
        "https://huggingface.co/papers/2310.12931",
        "https://www.alphaxiv.org/abs/2310.12931",
    ],
)
def test_arxiv_spellings_share_one_key(text: str) -> None:
    src = parse_source(text)
    assert src.arxiv_id == "2310.12931"
    assert src.key == "arxiv:2310.12931"


def test_old_style_ids() -> None:
    assert parse_arxiv("hep-th/9901001") == ("hep-th/9901001", None)
    assert parse_arxiv("math.GT/0309136v2") == ("math.GT/0309136", "v2")


def test_existing_file_wins(tmp_path) -> None:
    p = tmp_path / "2310.12931"
    p.write_bytes(b"%PDF-1.4")
    assert parse_source(str(p)).path == p


@pytest.mark.parametrize("text", ["nope.pdf", "1234.5", "https://example.com/paper.pdf",
                                  "https://notarxiv.org/abs/2310.12931"])  # fmt: skip
def test_unknown_source_is_a_clear_error(text: str) -> None:
    with pytest.raises(SourceNotFound):
        parse_source(text)


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("* Title [[paper](https://arxiv.org/pdf/2310.12931.pdf), [code](https://example.org/x)]", ["2310.12931"]),
        (
            "| 2023 | T | [a](https://arxiv.org/abs/2310.12931) | [b](http://arxiv.org/abs/2310.12931v2) |",
            ["2310.12931"],
        ),
        ("2310.12931  a note after the id", ["2310.12931"]),
        (
            "arXiv:2106.09685v2 and arxiv: 1707.06347, and 10.48550/arXiv.2203.02155",
            ["2106.09685", "1707.06347", "2203.02155"],
        ),
        ("https://arxiv.org/abs/hep-th/9901001v1", ["hep-th/9901001"]),
        ("release 2023.12345 of a tool, page 1234.56789", []),  # numbers in prose are not ids
        ("arxiv.org/abs/2310.129311", []),  # too many digits: not this id
    ],
)
def test_ids_linked_inside_a_line(text: str, ids: list[str]) -> None:
    assert [src.arxiv_id for src in find_arxiv(text)] == ids
