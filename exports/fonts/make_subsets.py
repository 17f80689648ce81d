"""Rebuild the Noto fallback fonts in this folder from their sources (a maintainer's tool, not run by the app).

DejaVu Sans prints the harvest; these fonts print what it lacks (see exports/pdf_layout.py):

- NotoSansCJKsc-Regular-subset.ttf: Noto Sans CJK SC with the hanzi and kanji of GB 2312 (levels 1 and 2),
  Big5 level 1 and JIS X 0208, all 11,172 Hangul syllables, kana, bopomofo, Hangul jamo, CJK punctuation and
  full-width forms (10,269 hanzi/kanji); its CFF outlines are converted to TrueType ones, because fpdf2
  embeds a CID-keyed CFF font with its own CMap, whose widths pypdf misreads (it puts spaces between
  the characters it extracts).
- NotoSansArabic-Regular-subset.ttf: Noto Sans Arabic, all of it but the hinting (Urdu and Persian letters too).
- NotoSans-Regular-subset.ttf: Noto Sans, only the letters DejaVu Sans lacks (Cyrillic Extended A to C, ...).
- NotoEmoji-Regular-subset.ttf: the monochrome Noto Emoji at weight 400, single code points only.

Sources, on Debian 12:

    apt-get install fonts-noto-cjk fonts-noto-core
    pip download --no-deps manimgx-fonts==2026.9.26.post1   # unzip; manimgx_fonts/NotoEmoji[wght].ttf
    .venv/bin/python exports/fonts/make_subsets.py --emoji /path/to/NotoEmoji[wght].ttf
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable
from fontTools.varLib import instancer

HERE = Path(__file__).parent
CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CJK_SC = 2  # Noto Sans CJK SC in the collection
ARABIC = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf"
SANS = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"
CJK_RANGES = [(0x3000, 0x303F), (0x3040, 0x30FF), (0x3100, 0x312F), (0x3130, 0x318F), (0x31F0, 0x31FF),
              (0xAC00, 0xD7A3), (0xFF00, 0xFFEF)]


def _codec_chars(codec: str, lead: range, trail: list[int]) -> set[int]:
    found: set[int] = set()
    for a in lead:
        for b in trail:
            try:
                found.update(ord(ch) for ch in bytes([a, b]).decode(codec))
            except UnicodeDecodeError:
                continue
    return found


def cjk_code_points() -> set[int]:
    high = list(range(0xA1, 0xFF))
    points = _codec_chars("gb2312", range(0xA1, 0xF8), high)  # GB 2312: symbols, kana, hanzi levels 1 and 2
    points |= _codec_chars("big5", range(0xA4, 0xC7), list(range(0x40, 0x7F)) + high)  # Big5 level 1 hanzi
    points |= _codec_chars("euc_jp", range(0xA1, 0xF5), high)  # JIS X 0208
    for first, last in CJK_RANGES:
        points |= set(range(first, last + 1))
    return points


def _subset(font: TTFont, points: set[int], layout: bool) -> None:
    options = subset.Options()
    options.hinting = False
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.layout_features = ["*"] if layout else []
    sub = subset.Subsetter(options)
    sub.populate(unicodes=points)
    sub.subset(font)


def _to_truetype(font: TTFont, max_err: float = 2.0) -> None:
    """CFF outlines to quadratic TrueType ones (max_err in font units of a 1,000-unit em)."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf[name] = pen.glyph()
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements",
                 "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names: fontTools makes them up the same way on every load
    font.sfntVersion = "\x00\x01\x00\x00"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--emoji", required=True, help="NotoEmoji[wght].ttf")
    args = parser.parse_args()
    dejavu = set(TTFont(HERE / "DejaVuSans.ttf").getBestCmap())

    cjk = TTFont(CJK, fontNumber=CJK_SC, recalcTimestamp=False)
    _subset(cjk, {c for c in cjk_code_points() if c not in dejavu} | {0x20}, layout=False)
    _to_truetype(cjk)
    cjk.save(HERE / "NotoSansCJKsc-Regular-subset.ttf")

    arabic = TTFont(ARABIC, recalcTimestamp=False)
    _subset(arabic, set(arabic.getBestCmap()), layout=True)  # shaped by HarfBuzz: keep its features
    arabic.save(HERE / "NotoSansArabic-Regular-subset.ttf")

    sans = TTFont(SANS, recalcTimestamp=False)
    _subset(sans, {c for c in sans.getBestCmap() if c not in dejavu} | {0x20}, layout=True)
    sans.save(HERE / "NotoSans-Regular-subset.ttf")

    emoji = instancer.instantiateVariableFont(TTFont(args.emoji, recalcTimestamp=False), {"wght": 400}, static=True)
    _subset(emoji, {c for c in emoji.getBestCmap() if c not in dejavu} | {0x20}, layout=False)
    emoji.save(HERE / "NotoEmoji-Regular-subset.ttf")
    for path in sorted(HERE.glob("Noto*-subset.ttf")):
        print(f"{path.name}: {path.stat().st_size // 1024} KiB, {len(TTFont(path).getBestCmap())} code points")


if __name__ == "__main__":
    main()
