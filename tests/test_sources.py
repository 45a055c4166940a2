import pytest

from classifier.errors import SourceNotFound
from classifier.sources import parse_arxiv, parse_source


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


@pytest.mark.parametrize("text", ["nope.pdf", "1234.5", "https://example.com/paper.pdf"])
def test_unknown_source_is_a_clear_error(text: str) -> None:
    with pytest.raises(SourceNotFound):
        parse_source(text)
