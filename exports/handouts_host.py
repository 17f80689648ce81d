"""The host's half of a handout sheet: the host link (QR code and text), the table, the ground rules and
the rounds in order.

Left column: the link, which is a key, with the warning to keep the sheet to yourself, and at the foot
how to cut and fold the sheet. Right column: what the host reads from during the dialogue. The rules
and rounds shrink together to fit; past the smallest size, long questions are cut with "…" and, as a
last resort, the last rounds are left out with a line saying how many.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .handouts_layout import CUT, HEIGHT, WIDTH, Sheet
from .handouts_qr import draw_qr, quiet_zone
from .strings import ground_rules, t, theme_label

if TYPE_CHECKING:
    from .handouts import HandoutTable

TOP = CUT + 9.0  # clear of the scissors line, and of the cut if the scissors wander
BOTTOM = HEIGHT - 10.0
LEFT, LEFT_WIDTH = 12.0, 52.0  # the QR code is as wide as the column
RIGHT = LEFT + LEFT_WIDTH + 10.0
RIGHT_WIDTH = WIDTH - 12.0 - RIGHT
BODY_SIZES = (9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0)  # pt; 6 pt is about the least a host reads by lamplight
NUMBER_INDENT = 5.0


@dataclass(frozen=True)
class _Cut:
    """How much of the rounds is shown: lines per question (None = all) and the number of rounds."""

    question_lines: int | None
    rounds: int


def host_half(sheet: Sheet, table: HandoutTable, *, event_title: str, theme: str, date: str, lang: str,
              number: int, total: int) -> None:
    _link_column(sheet, table, lang)
    _how_to(sheet, lang)
    y = _header(sheet, table, event_title=event_title, theme=theme, date=date, lang=lang)
    sheet.style(7, gray=True)
    footer = t(lang, "handout.sheet", n=number, total=total)
    foot_y = BOTTOM - sheet.line_height()
    sheet.box(RIGHT, foot_y, RIGHT_WIDTH, footer, max_lines=1, align="R")
    size, cut = _fit_body(sheet, table, lang, foot_y - 2 - y)
    _body(sheet, table, lang, y, size, cut, draw=True)


def _link_column(sheet: Sheet, table: HandoutTable, lang: str) -> None:
    y = TOP
    if table.host_url:
        draw_qr(sheet, LEFT, y, LEFT_WIDTH, table.host_url)
        y += LEFT_WIDTH + quiet_zone(table.host_url, LEFT_WIDTH)
        sheet.style(10, bold=True, leading=1.25)
        y += sheet.box(LEFT, y, LEFT_WIDTH, t(lang, "handout.keep_secret")) + 1
        sheet.style(7.5, gray=True, leading=1.3)
        y += sheet.box(LEFT, y, LEFT_WIDTH, t(lang, "handout.secret_why")) + 1.5
        # The whole link, however small: a host without a camera types it over. Never cut it.
        sheet.style(6.5, leading=1.3)
        sheet.box(LEFT, y, LEFT_WIDTH, table.host_url)
    else:
        sheet.style(9, bold=True, leading=1.3)
        sheet.box(LEFT, y, LEFT_WIDTH, t(lang, "handout.no_host_link"))


def _how_to(sheet: Sheet, lang: str) -> None:
    sheet.style(7, gray=True, leading=1.3)
    text = t(lang, "handout.how_to")
    height = sheet.height_of(text, LEFT_WIDTH, max_lines=6)
    sheet.box(LEFT, BOTTOM - height, LEFT_WIDTH, text, max_lines=6)


def _header(sheet: Sheet, table: HandoutTable, *, event_title: str, theme: str, date: str, lang: str) -> float:
    """Who this sheet is for and which table; returns where the body starts."""
    y = TOP
    sheet.style(8, bold=True, accent=True, leading=1.3)
    y += sheet.box(RIGHT, y, RIGHT_WIDTH, t(lang, "handout.host_kicker").upper(), max_lines=1) + 0.5
    sheet.fitted(table.name, RIGHT_WIDTH, 16, (20, 18, 16, 14, 12, 11), bold=True, leading=1.15, max_lines=2)
    y += sheet.box(RIGHT, y, RIGHT_WIDTH, table.name, max_lines=2) + 1
    sheet.style(8.5, gray=True, leading=1.3)
    meta = " \u00b7 ".join(part.strip() for part in (event_title, date, table.place) if part.strip())
    if meta:
        y += sheet.box(RIGHT, y, RIGHT_WIDTH, meta, max_lines=2)
    if theme.strip():
        y += sheet.box(RIGHT, y, RIGHT_WIDTH, f"{t(lang, 'theme')}: {theme_label(theme.strip(), lang)}", max_lines=2)
    return y + 3


def _fit_body(sheet: Sheet, table: HandoutTable, lang: str, room: float) -> tuple[float, _Cut]:
    everything = _Cut(None, len(table.rounds))
    for size in BODY_SIZES:
        if _body(sheet, table, lang, 0, size, everything, draw=False) <= room:
            return size, everything
    size = BODY_SIZES[-1]
    for lines in (4, 3, 2, 1):
        cut = _Cut(lines, len(table.rounds))
        if _body(sheet, table, lang, 0, size, cut, draw=False) <= room:
            return size, cut
    shown = len(table.rounds)
    while shown > 0 and _body(sheet, table, lang, 0, size, _Cut(1, shown), draw=False) > room:
        shown -= 1
    return size, _Cut(1, shown)


def _body(sheet: Sheet, table: HandoutTable, lang: str, y: float, size: float, cut: _Cut, draw: bool) -> float:
    """The ground rules and the rounds from `y` down at `size` pt; returns their height. With draw=False it
    only measures, through the very same steps, so the fitting and the drawing cannot disagree."""
    start = y

    def text(x: float, width: float, words: str, max_lines: int | None = None) -> float:
        return sheet.box(x, y, width, words, max_lines) if draw else sheet.height_of(words, width, max_lines)

    inner = RIGHT + NUMBER_INDENT
    inner_width = RIGHT_WIDTH - NUMBER_INDENT
    sheet.style(size + 1, bold=True, accent=True, leading=1.3)
    y += text(RIGHT, RIGHT_WIDTH, t(lang, "sec_rules"), 1) + 0.4
    for number, rule in enumerate(ground_rules(lang), start=1):
        sheet.style(size, leading=1.3)
        text(RIGHT, NUMBER_INDENT, f"{number}.", 1)
        y += text(inner, inner_width, rule) + 0.3
    if not table.rounds:
        return y - start
    y += 2.5
    sheet.style(size + 1, bold=True, accent=True, leading=1.3)
    y += text(RIGHT, RIGHT_WIDTH, t(lang, "sec_rounds"), 1) + 0.4
    for number, (title, question) in enumerate(table.rounds[:cut.rounds], start=1):
        sheet.style(size, bold=True, leading=1.3)
        text(RIGHT, NUMBER_INDENT, f"{number}.", 1)
        y += text(inner, inner_width, title, 2)
        sheet.style(size, leading=1.3)
        y += text(inner, inner_width, question, cut.question_lines) + 1.2
    hidden = len(table.rounds) - cut.rounds
    if hidden:
        sheet.style(size, gray=True, leading=1.3)
        y += text(inner, inner_width, t(lang, "handout.more_rounds", n=hidden), 1)
    return y - start
