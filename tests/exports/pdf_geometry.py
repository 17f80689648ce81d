"""Where things land on a PDF page, read back from its content stream: text runs and filled rectangles.

A small interpreter of the PDF operators fpdf2 writes (q Q cm, BT Tf Td Tm Tj TJ, re f), so a test can
check what a reader's eye or a phone's camera would see without trusting the code that did the layout:
text widths come from the font's own /W table in the file, positions through every transformation
(a face printed upside down included). Results are in millimetres from the top left of the page.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import ContentStream

MM = 72 / 25.4  # points per millimetre
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return self.left < other.right and other.left < self.right and self.top < other.bottom and \
            other.top < self.bottom

    def grown(self, by: float) -> Box:
        return Box(self.left - by, self.top - by, self.right + by, self.bottom + by)


@dataclass(frozen=True)
class TextRun:
    text: str
    box: Box  # from the descender to the ascender, start to end of the run
    upside_down: bool


@dataclass(frozen=True)
class FilledPath:
    rects: tuple[Box, ...]  # each subpath rectangle, in page millimetres


def _mul(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _box(points: list[tuple[float, float]], page_height: float) -> Box:
    xs = [x / MM for x, _ in points]
    ys = [(page_height - y) / MM for _, y in points]
    return Box(min(xs), min(ys), max(xs), max(ys))


def _widths(font) -> tuple[dict[int, float], float, dict[int, str]]:
    """Glyph advance per character code (per 1,000 of the font size), the default, and the code's text."""
    cid_font = font["/DescendantFonts"][0].get_object()
    widths: dict[int, float] = {}
    w = list(cid_font.get("/W", []))
    i = 0
    while i < len(w):
        first = int(w[i])
        if isinstance(w[i + 1], list):  # first [w1 w2 ...]; else first last w
            for n, width in enumerate(w[i + 1]):
                widths[first + n] = float(width)
            i += 2
        else:
            for code in range(first, int(w[i + 1]) + 1):
                widths[code] = float(w[i + 2])
            i += 3
    to_unicode: dict[int, str] = {}
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    for code, chars in re.findall(r"<([0-9A-F]{4})> <([0-9A-F]+)>", cmap):
        to_unicode[int(code, 16)] = bytes.fromhex(chars).decode("utf-16-be")
    return widths, float(cid_font.get("/DW", 1000)), to_unicode


def read_page(data: bytes, page_no: int) -> tuple[list[TextRun], list[FilledPath]]:
    """The text runs and filled paths of one page (0-based)."""
    reader = PdfReader(io.BytesIO(data))
    page = reader.pages[page_no]
    page_height = float(page.mediabox.height)
    fonts = page["/Resources"].get("/Font", {})
    runs: list[TextRun] = []
    paths: list[FilledPath] = []
    ctm, stack = IDENTITY, []
    tm = line = IDENTITY
    font, size = None, 0.0
    pending: list[Box] = []
    read: dict[str, tuple[dict[int, float], float, dict[int, str]]] = {}
    for operands, op in ContentStream(page.get_contents(), reader).operations:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            ctm = _mul(tuple(float(v) for v in operands), ctm)
        elif op == b"BT":
            tm = line = IDENTITY
        elif op == b"Tf":
            if operands[0] not in read:
                read[operands[0]] = _widths(fonts[operands[0]].get_object())
            font, size = read[operands[0]], float(operands[1])
        elif op in (b"Td", b"TD"):
            line = tm = _mul((1, 0, 0, 1, float(operands[0]), float(operands[1])), line)
        elif op == b"Tm":
            line = tm = tuple(float(v) for v in operands)
        elif op in (b"Tj", b"TJ"):
            parts = operands[0] if op == b"TJ" else [operands[0]]
            start, text, advance = tm, [], 0.0
            widths, default, to_unicode = font
            for part in parts:
                if isinstance(part, (int, float)):  # a kerning step in a TJ array, in 1/1,000 of the size
                    advance -= float(part) / 1000 * size
                    continue
                raw = part.original_bytes if hasattr(part, "original_bytes") else bytes(part)
                for i in range(0, len(raw), 2):
                    code = int.from_bytes(raw[i:i + 2], "big")
                    advance += widths.get(code, default) / 1000 * size
                    text.append(to_unicode.get(code, ""))
            tm = _mul((1, 0, 0, 1, advance, 0), tm)
            full = _mul(start, ctm)
            corners = [_apply(full, x, y) for x in (0, advance) for y in (-0.25 * size, 0.95 * size)]
            runs.append(TextRun("".join(text), _box(corners, page_height), upside_down=full[3] < 0))
        elif op == b"re":
            x, y, w, h = (float(v) for v in operands)
            pending.append(_box([_apply(ctm, x, y), _apply(ctm, x + w, y + h)], page_height))
        elif op in (b"f", b"f*", b"F", b"B", b"B*"):
            if pending:
                paths.append(FilledPath(tuple(pending)))
            pending = []
        elif op in (b"n", b"S"):
            pending = []
    return runs, paths


def modules(path: FilledPath) -> list[list[bool]]:
    """The grid of dark squares a filled path draws, as a QR reader would see it on the page."""
    module = min(r.bottom - r.top for r in path.rects)
    left = min(r.left for r in path.rects)
    top = min(r.top for r in path.rects)
    count = round((max(r.right for r in path.rects) - left) / module)
    grid = [[False] * count for _ in range(round((max(r.bottom for r in path.rects) - top) / module))]
    for r in path.rects:
        row = round((r.top - top) / module)
        for col in range(round((r.left - left) / module), round((r.right - left) / module)):
            grid[row][col] = True
    return grid


def bounds(path: FilledPath) -> Box:
    return Box(min(r.left for r in path.rects), min(r.top for r in path.rects),
               max(r.right for r in path.rects), max(r.bottom for r in path.rects))
