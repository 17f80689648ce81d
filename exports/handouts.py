"""Handouts for a Dag van de Dialoog: one A4 sheet per table, to print, cut in two and fold.

How a sheet is used (A4 portrait, two A5 halves, one above the other):

- **Top half: the table tent.** Cut the sheet along the scissors line across the middle. Fold the top
  half in two along its own dotted middle line and stand it on the table as a little roof. Both faces
  carry the same thing: the table's name, the join QR code, "Scan de code met je telefoon", the join
  address and the join code in large letters, and the event's title. The face above the fold line is
  printed upside down, so that once folded both faces stand the right way up, and the people on both
  sides of the table can read and scan it.
- **Bottom half: the host sheet**, printed the normal way up. It holds the host link as a QR code and as
  text, the table's name, the ground rules and the rounds in order.

Why not the simpler "fold the A4 in two, tent on one face and host sheet on the other": the host link is
a key. On the back of a standing tent, anyone on that side of the table could photograph it and open the
host's console. Cut off, the host sheet stays in the host's hands; the tent faces are A5 halves of 210 x
74 mm, still wide enough for a 56 mm QR code and a name in up to 44 pt.

Everything is placed at a fixed spot on its half; text shrinks to fit (exports/handouts_layout.py), so
nothing crosses the fold or the cut. The QR codes are vector squares (exports/handouts_qr.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rounds.events.model import MAX_TABLES

from .handouts_host import host_half
from .handouts_layout import CUT, FOLD, WIDTH, Sheet
from .handouts_qr import draw_qr
from .strings import lang_of, t

QR_SIZE = 56.0  # mm: a phone reads it from across a table; it leaves 9 mm white to the fold and the cut
QR_LEFT = 14.0
TEXT_LEFT = QR_LEFT + QR_SIZE + 9.0
TEXT_RIGHT = WIDTH - 12.0  # home printers cannot print the last 4-6 mm of a sheet
NAME_SIZES = tuple(float(s) for s in range(44, 13, -2))  # pt, largest first; 14 pt still reads across a table
NO_TABLES, TOO_MANY_TABLES, NO_JOIN_URL = "no_tables", "too_many_tables", "no_join_url"


@dataclass(frozen=True)
class HandoutTable:
    name: str
    place: str
    join_url: str
    join_code: str
    host_url: str  # "" when the table has no host link now: its sheet then says so instead of a QR code
    rounds: tuple[tuple[str, str], ...]  # (title, question), in order


class HandoutError(ValueError):
    """Handouts that cannot be printed. `str(error)` says why in the language asked for; `code` is one of
    NO_TABLES, TOO_MANY_TABLES and NO_JOIN_URL for a caller that words it itself."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def handouts_pdf(*, event_title: str, theme: str, date: str, lang: str, tables: Sequence[HandoutTable]) -> bytes:
    """One A4 page per table, in the order given: the table tent on top, the host sheet below."""
    lang = lang_of(lang)
    _check(lang, tables)
    sheet = Sheet()
    sheet.set_title(t(lang, "handout.doc_title", title=event_title))
    sheet.set_lang(lang)
    sheet.set_creator("Wijkdialoog")
    sheet.set_author("Wijkdialoog")
    for number, table in enumerate(tables, start=1):
        if number > 1:
            sheet.add_page()
        _guides(sheet, lang)
        _tent_face(sheet, table, event_title, lang)
        with sheet.upside_down(WIDTH / 2, FOLD):  # the face that, folded, stands facing the other way
            _tent_face(sheet, table, event_title, lang)
        host_half(sheet, table, event_title=event_title, theme=theme, date=date, lang=lang,
                  number=number, total=len(tables))
    return bytes(sheet.output())


def _check(lang: str, tables: Sequence[HandoutTable]) -> None:
    if not tables:
        raise HandoutError(NO_TABLES, t(lang, "handout.error.no_tables"))
    if len(tables) > MAX_TABLES:
        raise HandoutError(TOO_MANY_TABLES, t(lang, "handout.error.too_many_tables", limit=MAX_TABLES))
    for table in tables:
        if not table.join_url.strip():
            raise HandoutError(NO_JOIN_URL, t(lang, "handout.error.no_join_url", name=table.name))


def _guides(sheet: Sheet, lang: str) -> None:
    """The scissors line between the halves and the fold line of the tent, each with a small label."""
    sheet.dashed_line(CUT, dash=3, gap=2, width=0.35)
    sheet.dashed_line(FOLD, dash=0.8, gap=1.6, width=0.25)
    sheet.style(7, gray=True)
    lh = sheet.line_height()
    # \u2702 is the scissors in DejaVu Sans. Both labels sit on the right of the upright face, where there
    # is no QR code: a mark inside a code's white margin can stop a phone from reading it.
    sheet.box(WIDTH - 66, CUT - lh - 0.6, 60, f"{t(lang, 'handout.cut')}  \u2702", align="R")
    sheet.box(WIDTH - 66, FOLD + 0.6, 60, t(lang, "handout.fold"), align="R")


def _tent_face(sheet: Sheet, table: HandoutTable, event_title: str, lang: str) -> None:
    """One face of the tent on the band between the fold and the cut, the right way up."""
    top = FOLD + (CUT - FOLD - QR_SIZE) / 2
    bottom = top + QR_SIZE
    draw_qr(sheet, QR_LEFT, top, QR_SIZE, table.join_url)
    x, width = TEXT_LEFT, TEXT_RIGHT - TEXT_LEFT

    # From the bottom up: the code, the address and the call to scan keep their size; the name gets the rest.
    sheet.style(32, bold=True, leading=1.0)
    code_height = sheet.line_height()
    code_size = sheet.font_size
    label = t(lang, "handout.code")
    sheet.style(11, gray=True, leading=1.0)
    label_width = sheet.measure(label)
    y = bottom - code_height
    sheet.box(x, y + (code_size - sheet.font_size) * 1.05, label_width + 1, label)  # on the code's baseline
    sheet.style(32, bold=True, leading=1.0)
    sheet.box(x + label_width + 3, y, width - label_width - 3, table.join_code, max_lines=1)

    sheet.style(11, leading=1.2)
    url_height = sheet.height_of(table.join_url, width, max_lines=2)
    y -= url_height + 2.5
    sheet.box(x, y, width, table.join_url, max_lines=2)
    sheet.style(9, gray=True, leading=1.2)
    y -= sheet.line_height()
    sheet.box(x, y, width, t(lang, "handout.or_go_to"), max_lines=1)

    sheet.style(14, bold=True, accent=True, leading=1.2)
    scan = t(lang, "handout.scan")
    y -= sheet.height_of(scan, width, max_lines=2) + 3
    sheet.box(x, y, width, scan, max_lines=2)

    sheet.style(9, gray=True, leading=1.2)
    heading = " \u00b7 ".join(part for part in (event_title.strip(), table.place.strip()) if part)
    name_top = top + (sheet.box(x, top, width, heading, max_lines=1) + 1.5 if heading else 0)
    room = y - 3 - name_top
    sheet.fitted(table.name, width, room, NAME_SIZES, bold=True, leading=1.12)
    sheet.box(x, name_top, width, table.name, max_lines=max(1, int(room / sheet.line_height())))
