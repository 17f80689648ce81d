"""The handout sheet: the harvest's A4 page and font chain, with type that shrinks to fit a fixed box.

A handout has no flowing text: every block has a fixed place on its half of the sheet, so a long table
name or question must get smaller (and, past the smallest size that still reads, be cut with "…")
instead of running into the fold or the other half.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from .pdf_layout import RTL_SLACK, Page

WIDTH, HEIGHT = 210.0, 297.0  # A4 portrait, mm
CUT = HEIGHT / 2  # the two A5 halves meet here
FOLD = CUT / 2  # the table tent folds here: its apex
ACCENT = (47, 107, 79)  # the report's green
LINE_GRAY = (150, 160, 155)
ELLIPSIS = "\u2026"


class Sheet(Page):
    """A4 sheets with no running footer (a sheet is cut in two) and adjustable leading for big type."""

    def __init__(self) -> None:
        super().__init__(footer_left="", footer_right="")
        self.leading = 1.3

    def footer(self) -> None:
        """No footer: it would land on the host's half and say nothing useful there."""

    def line_height(self) -> float:
        # The report's 1.45 is made for reading paragraphs; a 40 pt name needs far less air between lines.
        return self.font_size * self.leading

    def style(self, size: float, bold: bool = False, gray: bool = False, accent: bool = False,
              leading: float = 1.3) -> None:
        self.use(size, bold=bold, gray=gray)
        self.leading = leading
        if accent:
            self.set_text_color(*ACCENT)
            self._gray = None  # type: ignore[assignment]  # the next use() sets its colour again

    @contextmanager
    def upside_down(self, x: float, y: float) -> Iterator[None]:
        """Everything drawn inside is turned half a circle around (x, y)."""
        with self.rotation(180, x, y):
            yield
        # fpdf2 restores the text colour on leaving; Page.use() must not trust its memo of it
        self._gray = None  # type: ignore[assignment]

    # --- measuring -----------------------------------------------------------------------------
    def wrapped(self, text: str, width: float, max_lines: int | None = None) -> list[str]:
        """The lines `text` takes at the current style, at most `max_lines` of them (the last one then ends
        in "…")."""
        before = self._shaping(text)
        lines = list(self.wrap(text, width * RTL_SLACK if before is not None else width))
        if before is not None:
            self._unshape(before)
        if max_lines is None or len(lines) <= max_lines:
            return lines
        lines = lines[:max_lines]
        last = lines[-1].rstrip()
        while last and self.measure(last + ELLIPSIS) > width:
            last = last[:-1].rstrip()
        lines[-1] = last + ELLIPSIS
        return lines

    def fitted(self, text: str, width: float, height: float, sizes: Sequence[float], *, bold: bool = False,
               leading: float = 1.15, max_lines: int = 3) -> float:
        """The largest of `sizes` (largest first) at which `text` fits the box in `max_lines` lines, else the
        smallest; the style is left at the size returned."""
        for size in sizes:
            self.style(size, bold=bold, leading=leading)
            lines = len(self.wrapped(text, width))
            if lines <= max_lines and lines * self.line_height() <= height + 0.01:
                return size
        return sizes[-1]

    def height_of(self, text: str, width: float, max_lines: int | None = None) -> float:
        return len(self.wrapped(text, width, max_lines)) * self.line_height()

    # --- drawing -------------------------------------------------------------------------------
    def box(self, x: float, y: float, width: float, text: str, max_lines: int | None = None,
            align: str = "L") -> float:
        """`text` wrapped into `width` at (x, y) in the current style, cut at `max_lines`; returns its height."""
        lines = self.wrapped(text, width, max_lines)
        before = self._shaping(text)
        lh = self.line_height()
        for n, line in enumerate(lines):
            self._line(x, y + n * lh, width, line, align, before is not None)
        if before is not None:
            self._unshape(before)
        return len(lines) * lh

    def dashed_line(self, y: float, dash: float, gap: float, width: float = 0.3) -> None:
        """A guide across the whole sheet, to cut or fold along."""
        self.set_draw_color(*LINE_GRAY)
        self.set_line_width(width)
        self.set_dash_pattern(dash=dash, gap=gap)
        self.line(0, y, WIDTH, y)
        self.set_dash_pattern()
