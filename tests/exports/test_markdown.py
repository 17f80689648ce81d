"""The Markdown renders as plain text in a CommonMark renderer (markdown-it, with GFM tables)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from exports import render
from exports.md import cell, inline

from .helpers import HOSTILE, HOSTILE_NAME, hostile_dialogue

MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def plain(children) -> str:
    """The text a reader sees, refusing any markup other than line breaks."""
    out = []
    for token in children:
        if token.type == "text":
            out.append(token.content)
        elif token.type in ("hardbreak", "softbreak"):
            out.append("\n")
        elif token.type == "html_inline" and token.content == "<br>":
            out.append("\n")
        else:
            raise AssertionError(f"markup {token.type!r} in {children!r}")
    return "".join(out)


def expected(text: str) -> str:
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def list_item(text: str) -> str:
    tokens = MD.parse(f"- {inline(text, '  ')}\n")
    assert [t.type for t in tokens] == ["bullet_list_open", "list_item_open", "paragraph_open", "inline",
                                        "paragraph_close", "list_item_close", "bullet_list_close"], text
    return plain(tokens[3].children)


def table_cell(text: str) -> str:
    tokens = MD.parse(f"| a | b |\n| --- | --- |\n| {cell(text)} | z |\n")
    inlines = [t for t in tokens if t.type == "inline"]
    assert len(inlines) == 4, text  # the cell did not spill into more columns or rows
    assert plain(inlines[3].children) == "z"
    return plain(inlines[2].children)


def test_each_hostile_card_is_one_plain_list_item() -> None:
    for text in HOSTILE:
        assert list_item(text) == expected(text)


def test_each_hostile_card_is_one_plain_table_cell() -> None:
    for text in HOSTILE:
        assert table_cell(text) == expected(text)


# Text people type: letters, digits, punctuation (all the Markdown characters) and line breaks.
typed = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"), include_characters="\n"),
                max_size=60)


@settings(max_examples=300, deadline=None)
@given(typed)
def test_any_typed_text_stays_plain_text_in_a_list(text: str) -> None:
    if expected(text):
        assert list_item(text) == expected(text)


@settings(max_examples=300, deadline=None)
@given(typed)
def test_any_typed_text_stays_in_its_table_cell(text: str) -> None:
    if expected(text):
        assert table_cell(text) == expected(text)


def test_the_whole_hostile_harvest_renders_without_html_or_emphasis() -> None:
    source = render(hostile_dialogue("nl"), "md").decode()
    html = MD.render(source)
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "<strong>bold</strong>" not in html and "<a href" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<h1>") == 1  # "# not a heading" stayed text
    assert "&lt;b&gt;Ali&lt;/b&gt; | *Ömer*" in html  # a consented name with markup in it, as written
    agenda = html.split("<table>")[2]
    assert agenda.count("<tr>") == len(HOSTILE) + 1  # "| a | b |" did not add a row or columns
    assert HOSTILE_NAME not in source  # it is in there, but escaped
