"""Whatever bytes the knowledge file holds, loading it either works or raises KnowledgeError."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from celacbot.knowledge.loader import KnowledgeError, load_knowledge_base
from tests.knowledge.samples import VALID_FAQ

# Pieces of YAML syntax, so that examples reach the parser and the models, not only the decoder.
YAML_PIECES = st.sampled_from(
    [
        *VALID_FAQ.splitlines(keepends=True),
        "\n",
        " ",
        "  ",
        "\t",
        ": ",
        "- ",
        "? ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&a ",
        "*a",
        "!!str ",
        "!x ",
        "'",
        '"',
        "#",
        "---\n",
        "...\n",
        "|\n",
        ">-\n",
        "%YAML 1.1\n",
        "\ufeff",
        "\r\n",
        "no",
        "1.10",
        "2024-11-13",
        "~",
        "\x00",
        "\u2028",
        "é",
    ]
)
SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def load_outcome(path: Path, raw: bytes) -> None:
    path.write_bytes(raw)
    try:
        load_knowledge_base(path)
    except KnowledgeError as exc:
        assert exc.problems
        assert all("\n" not in problem for problem in exc.problems)


@SETTINGS
@given(raw=st.binary(max_size=2000))
def test_arbitrary_bytes_raise_only_knowledge_error(tmp_path: Path, raw: bytes) -> None:
    load_outcome(tmp_path / "faq.yaml", raw)


@SETTINGS
@given(pieces=st.lists(YAML_PIECES, max_size=80))
def test_yaml_like_text_raises_only_knowledge_error(tmp_path: Path, pieces: list[str]) -> None:
    load_outcome(tmp_path / "faq.yaml", "".join(pieces).encode("utf-8", "surrogatepass"))


@SETTINGS
@given(text=st.text(max_size=500))
def test_arbitrary_text_raises_only_knowledge_error(tmp_path: Path, text: str) -> None:
    load_outcome(tmp_path / "faq.yaml", text.encode("utf-8", "surrogatepass"))
