"""A small, fast page layout on top of fpdf2, with the bundled DejaVu Sans and Noto fallback fonts.

fpdf2's multi_cell measures a line again for every character it adds, which took 8 s for a
2,000-card harvest. Here lines are wrapped once with the fonts' own advance widths and placed with
`text()`. Only text in a right-to-left script (Arabic, Hebrew) goes through `cell()` with HarfBuzz
shaping, so its letters join and read from right to left; that text is rare.

DejaVu Sans prints Latin, Greek, Cyrillic, Hebrew and most Arabic. A character it lacks is printed in
the first bundled Noto font that has it (exports/fonts/make_subsets.py says what each one covers):
Noto Sans (more Cyrillic and Latin), Noto Sans Arabic (Urdu and Persian letters), Noto Sans CJK SC
(Chinese, Japanese kana and kanji, Korean) and the monochrome Noto Emoji. A fallback font is read only
when a text needs it, so a harvest without such text costs nothing more. Right-to-left text that needs
Noto Sans Arabic is printed in it as a whole, so that its letters still join.

A character that no font has becomes a white square instead of an invisible gap; joiners and emoji
modifiers that would only add more squares or loose colour swatches are dropped.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.bidi import auto_detect_base_direction
from fpdf.fonts import TTFFont

from .pdf_table import TableLayout

FONT_DIR = Path(__file__).parent / "fonts"
FAMILY = "DejaVu"
ARABIC = "NotoArabic"
FALLBACKS = (  # asked in this order for a character DejaVu Sans lacks; regular weight only
    ("NotoSans", "NotoSans-Regular-subset.ttf"),
    (ARABIC, "NotoSansArabic-Regular-subset.ttf"),
    ("NotoCJK", "NotoSansCJKsc-Regular-subset.ttf"),
    ("NotoEmoji", "NotoEmoji-Regular-subset.ttf"),
)
MISSING = "\u25a1"  # white square
_DROP = {0x200D, 0xFE0E, 0xFE0F, 0x20E3} | set(range(0x1F3FB, 0x1F400)) | set(range(0xE0020, 0xE0080))
_ARABIC_SCRIPT = (0x0600, 0x08FF)  # Arabic, Arabic Supplement, Arabic Extended-A/B
_PT = 25.4 / 72  # millimetres per point
RTL_SLACK = 0.96  # lines are measured unshaped; joined Arabic can come out a little wider or narrower

try:  # HarfBuzz shaping for right-to-left scripts; without it such text is still printed, unjoined
    import uharfbuzz  # noqa: F401

    SHAPING = True
except ImportError:  # pragma: no cover - uharfbuzz is a listed dependency
    SHAPING = False


def _is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text if ord(ch) >= 0x0590)


@cache
def fallback_of() -> dict[int, str]:
    """Code point -> the family of the first fallback font that has it; read once per process."""
    found: dict[int, str] = {}
    for family, file in reversed(FALLBACKS):
        found.update(dict.fromkeys(TTFont(FONT_DIR / file, lazy=True).getBestCmap(), family))
    return found


class Page(TableLayout, FPDF):
    """An A4 page that knows its margins, fonts and running footer."""

    LEFT, RIGHT, TOP, BOTTOM = 18.0, 18.0, 18.0, 20.0
    TOTAL_PAGES = "{nb}"  # filled in only by cell(), which only the footer uses

    def __init__(self, footer_left: str, footer_right: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.add_font(FAMILY, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(self.LEFT, self.TOP, self.RIGHT)
        self.set_auto_page_break(False)
        self.c_margin = 0  # blocks are placed exactly; multi_cell would otherwise indent RTL text by 1 mm
        self.alias_nb_pages(self.TOTAL_PAGES)
        self._footer = (footer_left, footer_right)
        self._regular = self.fonts[FAMILY.lower()]
        self._cmap = set(self._regular.cmap) & set(self.fonts[FAMILY.lower() + "B"].cmap)  # both weights have it
        self._special: set[str] = set()  # characters printed so far that not both DejaVu weights have
        self._loaded: list[str] = []  # fallback families added to this document, in FALLBACKS order
        self.set_font(FAMILY, "", 10)
        self._widths: dict[str, dict[int, float]] = {}
        self._word_widths: dict[tuple[str, str], float] = {}
        self._last_wrap: tuple[tuple[str, str, float, float], list[str]] | None = None
        self._gray = True
        self.use(10)
        self.width = self.w - self.LEFT - self.RIGHT
        self.add_page()

    # --- text that the fonts can print --------------------------------------------------------
    def printable(self, text: str) -> str:
        """The text with what no font has as a white square; reads the fallback fonts it needs."""
        if all(ord(ch) in self._cmap or ch == "\n" for ch in text):
            return text
        regular = self._regular.cmap
        out = []
        for ch in text:
            code = ord(ch)
            if code in self._cmap or ch == "\n":
                out.append(ch)
            elif code in regular:  # DejaVu Sans Bold lacks a few letters; the regular weight stands in
                out.append(ch)
                self._note(ch, None)
            elif code in _DROP or (code not in fallback_of() and unicodedata.category(ch) in ("Mn", "Cf")):
                continue
            elif code in fallback_of():
                out.append(ch)
                self._note(ch, fallback_of()[code])
            else:
                out.append(MISSING)
        return "".join(out)

    def _note(self, ch: str, family: str | None) -> None:
        """Remember a character that needs another font than the current one, and add that font."""
        if ch in self._special:
            return
        if not self._special:
            self._widths.clear()  # from now on the widths of the whole chain (see _cw)
        self._special.add(ch)
        if family is None or family in self._loaded:
            return
        self._widths.clear()
        self.add_font(family, "", str(FONT_DIR / dict(FALLBACKS)[family]))
        self._loaded = [name for name, _ in FALLBACKS if name == family or name in self._loaded]
        # for cell(), which shapes right-to-left lines: the same order as _chain(), bold standing in for regular
        self.set_fallback_fonts([FAMILY, *self._loaded], exact_match=False)

    def _chain(self) -> list[TTFFont]:
        """The fonts a character is looked up in, in order, for the current font."""
        head = self.current_font
        chain = [head] if head is self._regular else [head, self._regular]
        return chain + [self.fonts[name.lower()] for name in self._loaded if name.lower() != head.fontkey]

    def use(self, size: float, bold: bool = False, gray: bool = False) -> None:
        if (size, bold) != (self.font_size_pt, self.font_style == "B") or self.font_family != FAMILY.lower():
            self.set_font(FAMILY, "B" if bold else "", size)
        if gray != self._gray:
            self._gray = gray
            self.set_text_color(90, 100, 95) if gray else self.set_text_color(25, 35, 30)

    def _cw(self) -> dict[int, float]:
        """Advance widths (per 1,000 of the font size) of the current font and, where it lacks a character,
        of the font that prints it instead."""
        key = self.current_font.fontkey
        if key not in self._widths:
            if not self._special:
                self._widths[key] = self.current_font.cw
            else:
                merged: dict[int, float] = defaultdict(self.current_font.cw.default_factory)
                for font in reversed(self._chain()):
                    merged.update((code, font.cw[code]) for code in font.cmap)
                self._widths[key] = merged
        return self._widths[key]

    def measure(self, text: str) -> float:
        cw = self._cw()
        return sum(cw[ord(ch)] for ch in text) * self.font_size_pt * 0.001 * _PT

    # --- wrapping -----------------------------------------------------------------------------
    def wrap(self, text: str, width: float) -> list[str]:
        """Greedy line breaking at spaces; a word longer than the line is cut."""
        font = self.current_font.fontkey
        key = (text, font, self.font_size_pt, width)
        if self._last_wrap is not None and self._last_wrap[0] == key:  # measured just before printing
            return self._last_wrap[1]
        text = self.printable(text)  # first: it may add a font, and with it widths
        cw, scale = self._cw(), self.font_size_pt * 0.001 * _PT
        known = self._word_widths
        limit = width / scale
        space = cw[32]
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line, used = "", 0.0
            for word in paragraph.split(" "):
                w = known.get((font, word))
                if w is None:
                    w = known[(font, word)] = sum(cw[ord(ch)] for ch in word)
                if line and used + space + w <= limit:
                    line, used = f"{line} {word}", used + space + w
                    continue
                if line:
                    lines.append(line)
                line, used = "", 0.0
                while w > limit:  # cut a very long word
                    cut, part = 0.0, ""
                    for ch in word:
                        if cut + cw[ord(ch)] > limit and part:
                            break
                        part, cut = part + ch, cut + cw[ord(ch)]
                    lines.append(part)
                    word = word[len(part):]
                    w = sum(cw[ord(ch)] for ch in word)
                line, used = word, w
            lines.append(line)
        self._last_wrap = (key, lines)
        return lines

    def line_height(self) -> float:
        return self.font_size * 1.45

    # --- placing text -------------------------------------------------------------------------
    def room_left(self) -> float:
        return self.h - self.BOTTOM - self.get_y()

    def need(self, height: float) -> None:
        if height > self.room_left():
            self.add_page()

    def lines_of(self, text: str, width: float) -> int:
        before = self._shaping(text)
        if before is None:
            return len(self.wrap(text, width))
        count = len(self.wrap(text, width * RTL_SLACK))
        self._unshape(before)
        return count

    def _line(self, x: float, y: float, width: float, line: str, align: str, shaped: bool) -> None:
        if shaped:  # cell() shapes and orders one line; multi_cell took 12 times longer for the same text
            self.set_xy(x, y)
            self.cell(width, self.line_height(), line, align=align)
            return
        dx = width - self.measure(line) if align == "R" else 0.0
        if self._special and not self._special.isdisjoint(line):
            self._runs(x + dx, y + self.font_size * 1.05, line)
        else:
            self.text(x + dx, y + self.font_size * 1.05, line)

    def _runs(self, x: float, y: float, line: str) -> None:
        """One line in several fonts: each run of characters in the first font of the chain that has them."""
        chain = self._chain()
        runs: list[tuple[TTFFont, list[str]]] = []
        for ch in line:
            code = ord(ch)
            font = next((f for f in chain if code in f.cmap), chain[0])
            if runs and runs[-1][0] is font:
                runs[-1][1].append(ch)
            else:
                runs.append((font, [ch]))
        family, style, size = self.font_family, self.font_style, self.font_size_pt
        scale = size * 0.001 * _PT
        for font, chars in runs:
            run = "".join(chars)
            self.set_font(*self._family_of(font), size)
            self.text(x, y, run)
            x += sum(font.cw[ord(ch)] for ch in run) * scale
        self.set_font(family, style, size)

    def _family_of(self, font: TTFFont) -> tuple[str, str]:
        if font.fontkey == FAMILY.lower() + "B":
            return FAMILY, "B"
        return font.fontkey, ""

    def _shaping(self, text: str) -> tuple[str, str, float] | None:
        """Turn HarfBuzz on for text in a right-to-left script, with the direction of the whole text, and
        switch to Noto Sans Arabic for Arabic-script text that DejaVu Sans cannot print all of. Returns the
        font to go back to afterwards, or None for text that is not shaped."""
        if not (SHAPING and _is_rtl(text)):
            return None
        before = (self.font_family, self.font_style, self.font_size_pt)
        self.printable(text)  # adds the fallback fonts the text needs
        if ARABIC in self._loaded and any(
            _ARABIC_SCRIPT[0] <= ord(ch) <= _ARABIC_SCRIPT[1] and fallback_of().get(ord(ch)) == ARABIC
            for ch in text if ch in self._special
        ):
            self.set_font(ARABIC, "", self.font_size_pt)
        self.set_text_shaping(True, direction=auto_detect_base_direction(text).value.lower())
        return before

    def _unshape(self, before: tuple[str, str, float]) -> None:
        self.set_text_shaping(False)
        self.set_font(*before)

    def block_at(self, x: float, y: float, width: float, text: str, align: str = "L") -> float:
        """Text wrapped into a box at (x, y) on this page; returns its height."""
        lh = self.line_height()
        before = self._shaping(text)
        shaped = before is not None
        lines = self.wrap(text, width * RTL_SLACK if shaped else width)
        for n, line in enumerate(lines):
            self._line(x, y + n * lh, width, line, align, shaped)
        if before is not None:
            self._unshape(before)
        return len(lines) * lh

    def paragraph(self, text: str, indent: float = 0.0, after: float = 1.5) -> None:
        """Text that may run over pages, line by line."""
        width = self.width - indent
        lh = self.line_height()
        before = self._shaping(text)
        shaped = before is not None
        for line in self.wrap(text, width * RTL_SLACK if shaped else width):
            self.need(lh)
            self._line(self.LEFT + indent, self.get_y(), width, line, "L", shaped)
            self.set_y(self.get_y() + lh)
        if before is not None:
            self._unshape(before)
        self.set_y(self.get_y() + after)

    def footer(self) -> None:
        # fpdf2 restores font and colours after the footer; the shaping switch and our colour memo we restore
        saved = (self.text_shaping, self._gray)
        self.set_text_shaping(False)
        self._footer_text()
        self.text_shaping, self._gray = saved

    def _footer_text(self) -> None:
        self.use(8, gray=True)
        y = self.h - self.BOTTOM + 8
        left, right = self._footer
        self.block_at(self.LEFT, y - self.font_size * 1.05, self.width * 0.7, left[:90].split("\n")[0])
        # cell(), not text(): only cell() fills in the page count alias
        self.set_xy(self.LEFT + self.width * 0.7, y - self.font_size * 1.05)
        self.cell(self.width * 0.3, self.font_size * 1.45, right.replace("{n}", str(self.page_no())).replace(
            "{total}", self.TOTAL_PAGES), align="R")
