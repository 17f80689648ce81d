"""Whatever people type is printed as plain text, and never runs as a formula in a spreadsheet."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from html.parser import HTMLParser

import docx

from exports import render
from exports.spreadsheet import neutralise

from .helpers import FORMULA_NAME, HOSTILE, HOSTILE_NAME, docx_text, hostile_dialogue, pdf_text


class Collect(HTMLParser):
    """The tags in a page and the text inside each element with class="text"."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.texts: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        if self._depth:
            self._depth += 1
        elif ("class", "text") in attrs:
            self._depth = 1
            self.texts.append("")

    def handle_endtag(self, tag) -> None:
        if self._depth:
            self._depth -= 1

    def handle_data(self, data) -> None:
        if self._depth:
            self.texts[-1] += data


def test_html_shows_every_card_as_text_and_runs_nothing() -> None:
    page = Collect()
    page.feed(render(hostile_dialogue("nl"), "html").decode())
    assert "script" not in page.tags and "b" not in page.tags and "i" not in page.tags
    assert set(page.tags) <= {"html", "head", "meta", "title", "style", "body", "main", "header", "p", "h1", "h2",
                              "h3", "h4", "dl", "dt", "dd", "nav", "ol", "ul", "li", "a", "section", "article",
                              "div", "span", "bdi", "strong", "table", "thead", "tbody", "tr", "th", "td", "time",
                              "br", "footer"}
    for text in HOSTILE:
        assert page.texts.count(text) == 2, text  # once in its round, once in the agenda


def test_html_keeps_the_consented_name_as_written() -> None:
    html = render(hostile_dialogue("nl"), "html").decode()
    assert "&lt;b&gt;Ali&lt;/b&gt; | *Ömer*" in html
    assert HOSTILE_NAME not in html
    assert "<title>Verslag van de wijkdialoog: Test &lt;i&gt;&amp;&lt;/i&gt; | *titel*</title>" in html


def test_html_is_one_file_with_nothing_from_outside() -> None:
    html = render(hostile_dialogue("en"), "html").decode()
    assert not re.search(r"""(src|href)=["'](?!#)""", html)  # only links within the page
    assert "@import" not in html and "url(" not in html
    assert "@media print" in html and "break-inside: avoid" in html


def test_word_shows_every_card_as_text_with_no_formatting_from_it() -> None:
    data = render(hostile_dialogue("nl"), "docx")
    text = docx_text(data)
    for card in HOSTILE:
        assert card in text
    doc = docx.Document(io.BytesIO(data))
    bold_runs = [run.text for p in doc.paragraphs for run in p.runs if run.bold]
    assert not any("bold" in run for run in bold_runs)
    assert HOSTILE_NAME in text and FORMULA_NAME in text


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def test_pdf_prints_every_card_even_arabic_turkish_and_emoji() -> None:
    text = pdf_text(render(hostile_dialogue("nl"), "pdf"))
    squashed = _squash(text)
    for card in HOSTILE:
        if "🎉" in card or "مرحبا" in card:
            continue
        assert _squash(card) in squashed, card
    assert "Çağrı Şükrü Işık ve Ömer: çay için gelin, é ë ü" in text
    assert "<script>alert(1)</script>" in text and '=HYPERLINK("x")' in text
    assert "Feest 🎉 met 🧡 en 👍 en ☺" in text and "\u25a1" not in text  # emoji print; the skin tone is dropped
    for word in "مرحبا بالجميع في حديقة الحي".split():
        assert _squash(word) in squashed  # shaped Arabic still extracts as the same letters
    assert HOSTILE_NAME in text


def test_pdf_wraps_a_500_character_word_instead_of_running_off_the_page() -> None:
    text = pdf_text(render(hostile_dialogue("en"), "pdf"))
    lines = [line for line in text.splitlines() if set(line.strip()) == {"x"}]
    assert len(lines) >= 3 and sum(len(line.strip()) for line in lines) >= 500


def _rows(data: bytes, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def test_csv_neutralises_formulas_and_keeps_the_rest_exact() -> None:
    for fmt, delimiter in (("csv", ","), ("csv-nl", ";")):
        rows = _rows(render(hostile_dialogue("nl"), fmt), delimiter)
        assert rows[0] == ["ronde_nr", "ronde", "soort", "tekst", "auteur", "rol", "stippen", "verborgen"]
        texts = [row[3] for row in rows[1:]]
        assert len(texts) == len(HOSTILE)
        for card, cell in zip(HOSTILE, texts, strict=True):
            assert cell == ("'" + card if card[0] in "=+-@" else card)
        authors = {row[4] for row in rows[1:]}
        assert "'" + FORMULA_NAME in authors and FORMULA_NAME not in authors
        assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)


def test_the_neutraliser_covers_tab_and_carriage_return() -> None:
    assert [neutralise(v) for v in ["\tx", "\rx", "@x", "-1", "+1", "=1", "a=1", 5]] == [
        "'\tx", "'\rx", "'@x", "'-1", "'+1", "'=1", "a=1", 5]


def test_excel_nl_has_a_bom_and_semicolons_and_standard_csv_has_neither() -> None:
    excel = render(hostile_dialogue("nl"), "csv-nl")
    standard = render(hostile_dialogue("nl"), "csv")
    assert excel.startswith(b"\xef\xbb\xbfronde_nr;ronde;") and not standard.startswith(b"\xef\xbb\xbf")
    assert standard.startswith(b"ronde_nr,ronde,")
    rows = _rows(standard, ",")
    multi = next(row for row in rows if row[3].startswith("'-5 degrees"))
    assert multi[3].count("\n") == 4  # line breaks stay inside the quoted cell
