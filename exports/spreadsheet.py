"""The cards as CSV, one row per card, safe to open in a spreadsheet. Below them, when anyone answered
"did you feel heard?", one row per role with the answers and the role's share of the talk time.

Two flavours: standard (comma, UTF-8) and "Excel NL" (semicolon, UTF-8 with a byte order mark,
which is what Dutch Excel expects when you double-click the file). A cell that starts with
=, +, -, @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text
instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io

from .model import Harvest
from .strings import kind_label

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_rows(header: list[str], rows: list[list[object]], excel_nl: bool = False) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";" if excel_nl else ",", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    writer.writerows([neutralise(v) for v in row] for row in rows)
    text = out.getvalue()
    return ("\ufeff" + text if excel_nl else text).encode("utf-8", "replace")


def to_csv(h: Harvest, excel_nl: bool = False) -> bytes:
    header = [h.t(k) for k in ("csv_round_no", "csv_round", "csv_kind", "csv_text", "csv_author", "csv_role",
                               "csv_dots", "csv_hidden")]
    yes, no = h.t("yes"), h.t("no")
    rows: list[list[object]] = [
        [rnd.number, rnd.title, kind_label(h.lang, card.kind), card.text, card.author, card.role, card.dots,
         yes if card.hidden else no]
        for rnd in h.rounds for card in rnd.cards
    ]
    if h.felt_heard is not None:  # one row per role, never per person, below the cards
        keys = {0: "csv_felt_none", 1: "csv_felt_one"}
        rows += [["", h.t("csv_felt_round"), "", h.t(keys.get(r.answers, "csv_felt"), n=r.answers, average=r.felt,
                                                        share_talk=r.share_talk), "", r.label, "", ""]
                 for r in h.roles]
    return write_rows(header, rows, excel_nl)
