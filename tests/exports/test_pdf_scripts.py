"""The PDF prints every script people write in: Chinese, Japanese, Korean, Arabic and Urdu, Cyrillic, emoji.

DejaVu Sans has no Chinese, so names and cards in it used to come out as white squares. Each text here
must come back out of the PDF as the same characters, and every character drawn must use a real glyph of
the font that draws it: not glyph 0 (.notdef, the empty box) and not an empty outline.
"""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ContentStream

from exports import render

from .helpers import pdf_text
from .story import TZ, evening

NAME = "李明"
TITLE = "邻里对话 De Kersentuin"
ROUND_TITLE = "梦想与希望"  # a bold heading
CJK = "邻居帮我搬家"
JAPANESE_KOREAN = "ありがとう、ご近所さん 안녕하세요 이웃 여러분"
CYRILLIC = "Соседи помогли мне переехать (ԩ)"  # the last letter is not in DejaVu Sans
URDU = "ہمارے محلے میں سب کو خوش آمدید"  # ہ and ے are not in DejaVu Sans
ARABIC = "مرحبا بالجميع في حديقة الحي"
EMOJI = "Buurtfeest 🎉🧡👍🏽 met 邻居"  # on the agenda: a table cell


def world_evening():
    dialogue = evening("nl")
    dialogue.title = TITLE
    anna = next(p for p in dialogue.participants if p.name == "Anna de Vries")  # she is named in the report
    anna.name = NAME
    dialogue.rounds[1].cards[0].text = CJK
    dialogue.rounds[1].cards[1].text = JAPANESE_KOREAN
    dialogue.rounds[2].title = ROUND_TITLE
    dialogue.rounds[2].cards[0].text = URDU
    dialogue.rounds[2].cards[1].text = ARABIC
    dialogue.rounds[2].cards[2].text = CYRILLIC
    dialogue.rounds[3].cards[0].text = EMOJI
    dialogue.rounds[1].notes = f"{CJK} {EMOJI} {CYRILLIC}"
    return dialogue


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def drawn_glyphs(data: bytes) -> list[tuple[str, int, str]]:
    """(font, glyph id, character) for every character that a page's content stream draws."""
    reader = PdfReader(io.BytesIO(data))
    found: list[tuple[str, int, str]] = []
    fonts: dict[str, tuple[bytes, dict[int, str], TTFont]] = {}
    for page in reader.pages:
        resources = page["/Resources"]["/Font"]
        current = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                name = str(operands[0])
                if name not in fonts:
                    fonts[name] = _font(resources[name].get_object())
                current = name
            elif operator in (b"Tj", b"TJ"):
                strings = operands[0] if operator == b"TJ" else [operands[0]]
                gid_map, to_unicode, ttf = fonts[current]
                for string in strings:
                    if isinstance(string, (int, float)):  # a kerning step in a TJ array
                        continue
                    raw = string.original_bytes if hasattr(string, "original_bytes") else bytes(string)
                    for i in range(0, len(raw), 2):
                        code = int.from_bytes(raw[i:i + 2], "big")
                        gid = int.from_bytes(gid_map[code * 2:code * 2 + 2], "big")
                        found.append((ttf["name"].getDebugName(4), gid, to_unicode.get(code, "")))
                        _assert_real_glyph(ttf, gid, to_unicode.get(code, ""))
    return found


def _font(font) -> tuple[bytes, dict[int, str], TTFont]:
    assert font["/Subtype"] == "/Type0", font  # every font is an embedded TrueType subset
    cid_font = font["/DescendantFonts"][0].get_object()
    gid_map = cid_font["/CIDToGIDMap"].get_object().get_data()
    ttf = TTFont(io.BytesIO(cid_font["/FontDescriptor"]["/FontFile2"].get_object().get_data()))
    to_unicode: dict[int, str] = {}
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    for code, chars in re.findall(r"<([0-9A-F]{4})> <([0-9A-F]+)>", cmap):
        to_unicode[int(code, 16)] = bytes.fromhex(chars).decode("utf-16-be")
    return gid_map, to_unicode, ttf


def _assert_real_glyph(ttf: TTFont, gid: int, char: str) -> None:
    font = ttf["name"].getDebugName(4)
    assert gid != 0, f"{char!r} is drawn with .notdef in {font}"
    assert gid < ttf["maxp"].numGlyphs, f"{char!r}: glyph {gid} is not in {font}"
    if char.strip() and unicodedata.category(char[0]) not in ("Cf", "Mn", "Zs"):
        glyph = ttf["glyf"][ttf.getGlyphOrder()[gid]]
        assert glyph.numberOfContours != 0, f"{char!r} has an empty glyph in {font}"


@pytest.fixture(scope="module")
def pdfs() -> dict[bool, bytes]:
    dialogue = world_evening()
    return {anonymous: render(dialogue, "pdf", anonymous, tz=TZ) for anonymous in (False, True)}


@pytest.mark.parametrize("anonymous", [False, True], ids=["named", "anonymous"])
def test_every_script_comes_back_out_of_the_pdf(pdfs: dict[bool, bytes], anonymous: bool) -> None:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdfs[anonymous])).pages)  # not the title
    squashed = _squash(text)
    for card in (TITLE, ROUND_TITLE, CJK, JAPANESE_KOREAN, CYRILLIC, "Buurtfeest 🎉🧡👍 met 邻居"):
        assert _squash(card) in squashed, card
    for word in (URDU + " " + ARABIC).split():
        assert _squash(word) in squashed, word  # shaped right to left, still the same letters
    assert "\u25a1" not in text  # no white square stood in for anything
    assert (NAME in text) is not anonymous  # the named version prints the name; the anonymous one does not
    assert NAME not in pdf_text(pdfs[True])  # nor its metadata


@pytest.mark.parametrize("anonymous", [False, True], ids=["named", "anonymous"])
def test_every_character_drawn_has_a_real_glyph(pdfs: dict[bool, bytes], anonymous: bool) -> None:
    glyphs = drawn_glyphs(pdfs[anonymous])
    chars = {char for _, _, char in glyphs}
    for char in "李明邻居梦あ안Сԩہے🎉🧡👍":
        if char in NAME and anonymous:
            continue
        assert char in chars, char
    fonts = {font for font, _, char in glyphs}
    assert {"DejaVu Sans", "DejaVu Sans Bold", "Noto Sans CJK SC", "Noto Emoji Regular", "Noto Sans Arabic Regular",
            "Noto Sans Regular"} <= fonts


def test_a_harvest_in_plain_latin_embeds_only_dejavu() -> None:
    reader = PdfReader(io.BytesIO(render(evening("nl"), "pdf", tz=TZ)))
    names = {str(font.get_object()["/BaseFont"]) for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}
    assert all("DejaVu" in name for name in names), names  # the fallback fonts are read only when needed
