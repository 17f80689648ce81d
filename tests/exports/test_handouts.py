"""The handouts of a Dag van de Dialoog: one A4 sheet per table, a table tent on top and the host sheet below.

What is on a page is read back from the PDF itself (tests/exports/pdf_geometry.py): the text, where each
run of it lands, and the QR codes as the grid of squares a phone's camera would see.
"""

from __future__ import annotations

import io
import re

import pytest
import qrcode
from pypdf import PdfReader

from exports.handouts import NO_JOIN_URL, NO_TABLES, TOO_MANY_TABLES, HandoutError, HandoutTable, handouts_pdf
from exports.strings import ground_rules, template_text
from rounds.events.model import MAX_TABLE_NAME_CHARS, MAX_TABLES

from .pdf_geometry import Box, FilledPath, TextRun, bounds, modules, read_page
from .test_pdf_scripts import drawn_glyphs

A4 = (595.28, 841.89)  # points
CUT, FOLD = 148.5, 74.25  # mm from the top: between the halves, and the tent's fold
BASE = "http://192.168.178.23:8080"
TEMPLATE = ("kennismaken", "ervaringen", "dromen", "wijkagenda", "doen")
ARABIC_NAME = "طاولة الحديقة"
CHINESE_NAME = "邻里之桌"


def template_rounds(lang: str) -> tuple[tuple[str, str], ...]:
    return tuple((template_text(lang, f"template.{key}.title"),
                  template_text(lang, f"template.{key}.question").format(theme="thuis in je buurt"))
                 for key in TEMPLATE)


def table(name: str, code: str, lang: str = "nl", host: bool = True, **changes) -> HandoutTable:
    values = dict(name=name, place="Wijkcentrum De Linde", join_url=f"{BASE}/join/{code}", join_code=code,
                  host_url=f"{BASE}/d/tafel-{code.lower()}?host=Zx8fQ2mN4pL7sT1vB9cD3eR6" if host else "",
                  rounds=template_rounds(lang))
    values.update(changes)
    return HandoutTable(**values)


def make(tables: list[HandoutTable], lang: str = "nl") -> bytes:
    return handouts_pdf(event_title="Dag van de Dialoog 2026", theme="thuis", date="zaterdag 7 november 2026",
                        lang=lang, tables=tables)


def squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_texts(data: bytes) -> list[str]:
    return [squashed(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def fresh_qr(data: str) -> list[list[bool]]:
    """The code `qrcode` itself makes for `data`, at the error correction the handouts promise (M)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def turned(grid: list[list[bool]]) -> list[list[bool]]:
    return [row[::-1] for row in grid[::-1]]


TABLES = [table("De Kersentuin", "K7PQ2"), table("Het Bankje", "M3XRT"), table("De Linde", "Z9HWB")]


@pytest.fixture(scope="module")
def dutch() -> bytes:
    return make(TABLES)


def test_one_a4_page_per_table_with_its_name_code_and_addresses(dutch: bytes) -> None:
    reader = PdfReader(io.BytesIO(dutch))
    assert len(reader.pages) == len(TABLES)
    for page, text, tab in zip(reader.pages, page_texts(dutch), TABLES, strict=True):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.5)
        for words in (tab.name, tab.join_code, tab.join_url, tab.host_url, "Scan de code met je telefoon",
                      "Houd dit blad voor jezelf.", "Dag van de Dialoog 2026", "Wijkcentrum De Linde"):
            assert squashed(words) in text, words
        for other in TABLES:
            if other is not tab:  # each sheet holds one table: no other table's code or key
                assert other.join_code not in text and squashed(other.host_url) not in text


def _qr_codes(data: bytes, page_no: int) -> list[FilledPath]:
    return [path for path in read_page(data, page_no)[1] if len(path.rects) > 50]


def test_each_tent_face_holds_the_join_link_and_the_host_sheet_the_host_link(dutch: bytes) -> None:
    for page_no, tab in enumerate(TABLES):
        codes = sorted(_qr_codes(dutch, page_no), key=lambda path: bounds(path).top)
        assert len(codes) == 3
        upside_down, upright, host = codes
        # the upper face is printed turned around, so that it stands the right way up once folded
        assert bounds(upside_down).bottom < FOLD < bounds(upright).top and bounds(upright).bottom < CUT
        assert modules(upside_down) == turned(fresh_qr(tab.join_url))
        assert modules(upright) == fresh_qr(tab.join_url)
        assert bounds(host).top > CUT
        assert modules(host) == fresh_qr(tab.host_url)
        assert bounds(upright).right - bounds(upright).left >= 50  # large: read from across a table


def test_the_host_sheet_lists_the_ground_rules_and_the_rounds_in_order(dutch: bytes) -> None:
    text = page_texts(dutch)[0]
    for rule in ground_rules("nl"):
        assert squashed(rule) in text
    positions = []
    for title, question in template_rounds("nl"):
        assert squashed(question) in text
        positions.append(text.index(squashed(title)))
    assert positions == sorted(positions)


def test_english_handouts_speak_english() -> None:
    text = page_texts(make([table("The Cherry Garden", "K7PQ2", lang="en")], lang="en"))[0]
    for words in ("Scan the code with your phone", "Keep this sheet to yourself.", "Ground rules",
                  ground_rules("en")[0], template_rounds("en")[2][1], "Sheet 1 of 1"):
        assert squashed(words) in text, words
    assert squashed("Scan de code") not in text


def test_a_table_without_a_host_link_says_so_and_prints_no_host_code() -> None:
    data = make([table("De Kersentuin", "K7PQ2", host=False)])
    assert squashed("Deze tafel heeft nu geen link voor de gespreksleider.") in page_texts(data)[0]
    assert all(bounds(path).bottom < CUT for path in _qr_codes(data, 0))


def test_arabic_and_chinese_table_names_print_with_real_glyphs() -> None:
    data = make([table(ARABIC_NAME, "K7PQ2"), table(CHINESE_NAME, "M3XRT")])
    chars = {char for _, _, char in drawn_glyphs(data)}  # fails on any .notdef or empty glyph
    assert set(ARABIC_NAME.replace(" ", "")) | set(CHINESE_NAME) <= chars
    arabic, chinese = page_texts(data)
    assert CHINESE_NAME in chinese
    assert all(squashed(word) in arabic for word in ARABIC_NAME.split())  # shaped, the same letters
    assert "\u25a1" not in arabic + chinese  # no white square stood in for a letter


def _region(run: TextRun) -> tuple[float, float]:
    """The band of the sheet a run must stay in: the upper tent face, the lower one, or the host sheet."""
    middle = (run.box.top + run.box.bottom) / 2
    return (0, FOLD) if middle < FOLD else (FOLD, CUT) if middle < CUT else (CUT, 297)


def _assert_in_place(data: bytes) -> None:
    runs, paths = read_page(data, 0)
    # a reader needs 4 modules of white around a code
    codes = [bounds(path).grown((bounds(path).right - bounds(path).left) / len(modules(path)) * 4)
             for path in paths if len(path.rects) > 50]
    for run in runs:
        top, bottom = _region(run)
        assert top <= run.box.top and run.box.bottom <= bottom, f"{run.text!r} crosses a fold or cut: {run.box}"
        assert 4 <= run.box.left and run.box.right <= 206, f"{run.text!r} runs off the sheet: {run.box}"
        for code in codes:
            assert not run.box.overlaps(code), f"{run.text!r} is on a QR code or its white margin: {run.box}"


LONGEST_NAME = "Ontmoetingsplek Mantelzorgcafé Buurtkamer van de Oude Westwijk"[:MAX_TABLE_NAME_CHARS]


def test_the_longest_name_a_table_can_have_prints_whole_and_in_place() -> None:
    data = make([table(LONGEST_NAME, "K7PQ2")])
    _assert_in_place(data)
    assert page_texts(data)[0].count(squashed(LONGEST_NAME)) == 3  # both tent faces and the host sheet


def test_a_long_name_and_long_rounds_stay_inside_their_half() -> None:
    name = (LONGEST_NAME + " ") * 4  # longer than a table may be named: cut short, but never out of place
    question = ("Wat zou er in onze buurt anders moeten, zodat iedereen die zorgt voor een ander zich gezien "
                "voelt? ") * 5
    rounds = tuple((f"Ronde over dromen, wensen en wat we samen kunnen doen, deel {n}", question[:500])
                   for n in range(1, 13))
    data = make([table(name, "K7PQ2", rounds=rounds, place="Buurthuis " * 20)])
    _assert_in_place(data)
    text = page_texts(data)[0]
    assert squashed("Ronde over dromen") in text  # the rounds are there, cut short to fit
    assert squashed(LONGEST_NAME + "\u2026") in text or squashed(LONGEST_NAME + " Ontmoetings") in text
    assert squashed("en nog") in text  # the rounds that did not fit are counted


def test_the_ordinary_sheet_is_in_place_too(dutch: bytes) -> None:
    _assert_in_place(dutch)


@pytest.mark.parametrize("lang, words", [("nl", "Er zijn geen tafels om af te drukken."),
                                         ("en", "There are no tables to print.")])
def test_no_tables_is_a_clear_error(lang: str, words: str) -> None:
    with pytest.raises(HandoutError) as raised:
        make([], lang=lang)
    assert raised.value.code == NO_TABLES and str(raised.value) == words
    assert isinstance(raised.value, ValueError)


def test_too_many_tables_and_a_table_without_join_address_are_refused() -> None:
    with pytest.raises(HandoutError) as raised:
        make([TABLES[0]] * (MAX_TABLES + 1))
    assert raised.value.code == TOO_MANY_TABLES and str(MAX_TABLES) in str(raised.value)
    with pytest.raises(HandoutError) as raised:
        make([TABLES[0], table("Het Bankje", "M3XRT", join_url=" ")], lang="en")
    assert raised.value.code == NO_JOIN_URL and "Het Bankje" in str(raised.value)


def test_the_boxes_of_the_geometry_reader_overlap_as_expected() -> None:
    """The overlap check the layout tests rely on must itself be able to say yes."""
    assert Box(0, 0, 10, 10).overlaps(Box(9, 9, 20, 20))
    assert not Box(0, 0, 10, 10).overlaps(Box(10.5, 0, 20, 10))
