"""The event harvest as CSV (one row per line of the report, safe in a spreadsheet) and as JSON (the whole view).

Both hold exactly what the documents print: names only where the report shows them, never a hidden card's
text. The JSON is the report's own data for further processing, not an import format: a table's
dialogue travels between laptops with its own JSON export (exports/json_io.py).
"""

from __future__ import annotations

import dataclasses
import json

from .event_harvest_model import EventHarvest
from .spreadsheet import write_rows
from .strings import kind_label

EVENT_HARVEST_FORMAT = "wijkdialoog-event-harvest"
EVENT_HARVEST_SCHEMA = 1


def _rows(h: EventHarvest) -> list[list[object]]:
    def section(key: str) -> str:
        return h.t(f"event.sec_{key}")

    rows: list[list[object]] = []
    agenda = section("agenda")
    for item in h.agenda:
        rows.append([agenda, item.rank, item.title, "", "", item.trace.sentence, "", item.dots, item.dots_line])
        rows += [[agenda, item.rank, item.title, card.table, kind_label(h.lang, card.kind), card.text, card.who, "", ""]
                 for card in item.cards + item.pledges]
    header, table = h.difference_table()
    for diff in h.differences:
        note = "; ".join(f"{label}: {value}" for label, value in zip(header[1:], [
            diff.resident_rank, diff.professional_rank, diff.resident_dots, diff.professional_dots], strict=True))
        rows.append([section("differences"), "", diff.title, "", "", h.difference_rule, "", "", note])
    for dreams in h.unpledged:
        rows += [[section("unpledged"), "", "", dreams.table, kind_label(h.lang, card.kind), card.text, card.who, "",
                  where] for card, where in dreams.dreams]
    header, table = h.record_table()
    for line, row in zip(h.record, table, strict=True):
        note = "; ".join(f"{label}: {value}" for label, value in zip(header[2:], row[2:], strict=True))
        rows.append([section("record"), "", "", line.table, "", line.why, "", "", note])
    rows += [[section("grouping"), "", "", "", "", line, "", "", ""] for line in h.grouping]
    rows += [[section("tables"), "", "", line.name, "", line.status, "", "", f"{h.t('col_people')}: {line.people}"]
             for line in h.tables]
    return rows


def event_csv(h: EventHarvest, excel_nl: bool = False) -> bytes:
    header = [h.t(key) for key in ("event.csv_section", "event.csv_rank", "csv_theme", "event.csv_table", "csv_kind",
                                   "csv_text", "csv_author", "csv_dots", "event.csv_note")]
    return write_rows(header, _rows(h), excel_nl)


def event_json(h: EventHarvest) -> bytes:
    envelope = {"format": EVENT_HARVEST_FORMAT, "schema": EVENT_HARVEST_SCHEMA, "harvest": dataclasses.asdict(h)}
    return json.dumps(envelope, ensure_ascii=False, indent=2).encode("utf-8", "replace")
