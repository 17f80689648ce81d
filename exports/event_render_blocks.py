"""The event harvest as a list of blocks (headings, paragraphs, lists, tables), laid out once for every writer.

Markdown, HTML, Word and PDF each turn these few block kinds into their own markup, so the four documents
always hold the same sections in the same order with the same words; only the cover differs per format.
"""

from __future__ import annotations

from dataclasses import dataclass

from rounds import Role

from .event_harvest_model import EventCard, EventHarvest, PlenaryItem
from .strings import kind_heading, role_label


@dataclass
class Heading:
    level: int  # 1: a numbered section, 2: an item or a table, 3: a group within it
    text: str
    anchor: str = ""  # the section's key, for the HTML table of contents


@dataclass
class Para:
    text: str
    note: bool = False  # a legend or a remark: printed smaller or in grey


@dataclass
class Items:
    lines: list[tuple[str, str]]  # (people's words, who and where) per card


@dataclass
class Table:
    header: list[str]
    rows: list[list[str | int]]
    numeric_from: int  # columns from here on hold numbers
    weights: list[float]  # relative widths of the text columns (Word, PDF)


Block = Heading | Para | Items | Table


def _who(card: EventCard, with_table: bool = True) -> str:
    return f"{card.who}, {card.table}" if with_table else card.who


def _item(h: EventHarvest, item: PlenaryItem) -> list[Block]:
    out: list[Block] = [Heading(2, f"{item.rank}. {item.title}"), Para(item.trace.sentence), Para(item.dots_line)]
    out.append(Heading(3, h.t("event.item_dreams")))
    if item.cards:
        out.append(Items([(card.text, _who(card)) for card in item.cards]))
    else:
        out.append(Para(h.t("event.item_none"), note=True))
    if item.pledges:
        out += [Heading(3, kind_heading(h.lang, "pledge")), Items([(c.text, _who(c)) for c in item.pledges])]
    return out


def _agenda(h: EventHarvest) -> list[Block]:
    if not h.agenda:
        return [Para(h.t("event.agenda_empty"))]
    header, rows = h.agenda_table()
    out: list[Block] = [Para(h.t("event.agenda_intro")), Para(h.trace_rule, note=True),
                        Table(header, rows, 2, [1, 6])]
    for item in h.agenda:
        out += _item(h, item)
    return out


def _unpledged(h: EventHarvest) -> list[Block]:
    out: list[Block] = [Para(h.pledge_rule, note=True)]
    if not h.unpledged:
        return out + [Para(h.t("event.unpledged_none"))]
    for table in h.unpledged:
        out += [Heading(2, table.table), Items([(card.text, f"{_who(card, False)} \u2013 {where}")
                                                for card, where in table.dreams])]
    return out


def blocks(h: EventHarvest) -> list[Block]:
    """The report's body, section by section (the cover with title and facts is each writer's own)."""
    out: list[Block] = [Heading(1, h.section("day"), "day"), Para(h.people_line)]
    if h.tables:
        example = f"{role_label(h.lang, Role.RESIDENT)} 1, {h.tables[0].name}"
        note = h.t("labels_note_anonymous" if h.anonymous else "labels_note", example=example)
        out.append(Para(f"{note} {h.t('event.labels_per_table')}", note=True))
    header, rows = h.role_table()
    out.append(Table(header, rows, 1, [3]))
    if h.felt_intro:
        out.append(Para(h.felt_intro))

    out += [Heading(1, h.section("agenda"), "agenda"), *_agenda(h)]

    out += [Heading(1, h.section("differences"), "differences"), Para(h.difference_rule, note=True)]
    if h.differences:
        header, rows = h.difference_table()
        out.append(Table(header, rows, 1, [4]))
    else:
        out.append(Para(h.t("event.differences_none")))

    out += [Heading(1, h.section("unpledged"), "unpledged"), *_unpledged(h)]

    header, rows = h.record_table()
    out += [Heading(1, h.section("record"), "record"), Para(h.record_note, note=True), Table(header, rows, 2, [2, 6])]

    out += [Heading(1, h.section("grouping"), "grouping"), *(Para(line) for line in h.grouping)]

    header, rows = h.tables_table()
    out += [Heading(1, h.section("tables"), "tables"), Table(header, rows, 3, [2, 3, 6])]
    return out
