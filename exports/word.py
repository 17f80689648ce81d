"""The harvest as a Word document (A4): headings, lists and tables that people can keep editing."""

from __future__ import annotations

import io
import re
import unicodedata

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from .model import Harvest, RoundItem

GRAY = RGBColor(0x56, 0x63, 0x5C)
ACCENT = RGBColor(0x2F, 0x6B, 0x4F)
# Characters XML 1.0 cannot hold (lxml refuses them); they can only come from a hand-edited import.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LANGS = {"nl": "nl-NL", "en": "en-GB"}


def xml_safe(text: object) -> str:
    return _NOT_XML.sub("", str(text))


def _starts_rtl(text: str) -> bool:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("L", "R", "AL"):
            return kind != "L"
    return False


def _para(doc, text: str = "", style: str | None = None) -> Paragraph:
    paragraph = doc.add_paragraph(style=style)
    if text:
        paragraph.add_run(xml_safe(text))
    if _starts_rtl(text):  # a paragraph that starts in Arabic or Hebrew reads from the right
        paragraph.paragraph_format.element.get_or_add_pPr().append(OxmlElement("w:bidi"))
    return paragraph


def _small(paragraph: Paragraph, text: str, line_break: bool = True) -> None:
    if line_break:
        paragraph.add_run().add_break()
    run = paragraph.add_run(xml_safe(text))
    run.font.size = Pt(9)
    run.font.color.rgb = GRAY


def _item(doc, text: str, who: str = "", style: str = "List Bullet") -> None:
    paragraph = _para(doc, text, style)
    if who:
        _small(paragraph, who)


def _table(doc, header: list[str], rows: list[list[object]], numeric_from: int = 99) -> Table:
    table = doc.add_table(rows=len(rows) + 1, cols=len(header))
    table.style = doc.styles["Light Grid Accent 1"]
    for row_index, (row, values) in enumerate(zip(table.rows, [header, *rows], strict=True)):
        for index, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.text = xml_safe(value)
            if index >= numeric_from and row_index:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header_row = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # repeat the header row on every page
    header_row.append(repeat)
    doc.add_paragraph()
    return table


def _round(doc, h: Harvest, rnd: RoundItem) -> None:
    doc.add_heading(xml_safe(h.t("round_heading", n=rnd.number, title=rnd.title)), level=2)
    question = _para(doc, rnd.question, "Quote")
    question.paragraph_format.keep_with_next = True
    status = _para(doc, "\n".join(rnd.status))
    if not rnd.everyone_heard:
        for run in status.runs:
            run.bold = True
    for group in rnd.groups:
        doc.add_heading(xml_safe(group.heading), level=3)
        for card in group.cards:
            _item(doc, card.text, card.author)
    if rnd.collects_cards and not rnd.groups:
        _para(doc, h.t("no_cards"))
    if rnd.hidden:
        _small(_para(doc), h.t("hidden_one") if rnd.hidden == 1 else h.t("hidden", n=rnd.hidden), False)
    if rnd.notes:
        doc.add_heading(xml_safe(h.t("round_notes")), level=3)
        for block in re.split(r"\n\s*\n", rnd.notes):
            _para(doc, block)
    if rnd.turn_notes:
        doc.add_heading(xml_safe(h.t("turn_notes")), level=3)
        for note in rnd.turn_notes:
            _item(doc, note.text, note.who)


def _setup(doc, h: Harvest) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_defaults.append(lang)
    lang.set(qn("w:val"), _LANGS.get(h.lang, "nl-NL"))  # so Word checks the spelling in the right language
    core = doc.core_properties
    core.title = xml_safe(f"{h.t('report')}: {h.title}")
    core.subject = xml_safe(h.theme)
    core.author = core.last_modified_by = "Wijkdialoog"
    core.language = _LANGS.get(h.lang, "nl-NL")
    core.comments = h.t("anonymous_note") if h.anonymous else ""
    footer = section.footer.paragraphs[0]
    _small(footer, f"{h.title} \u2013 {h.t('report')} \u2013 ", False)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    footer._p.append(field)


def to_docx(h: Harvest) -> bytes:
    doc = Document()
    _setup(doc, h)
    kicker = doc.add_paragraph()
    run = kicker.add_run(xml_safe(h.t("report").upper()))
    run.bold, run.font.size, run.font.color.rgb = True, Pt(9), ACCENT
    doc.add_heading(xml_safe(h.title), level=0)
    if h.anonymous:
        doc.add_paragraph().add_run(xml_safe(h.t("anonymous_note"))).bold = True
    facts = [(h.t(key), value) for key, value in [
        ("theme", h.theme), ("place", h.place), ("date", h.date), ("time", h.time_span),
        ("facilitator", h.facilitator), ("duration", h.duration), ("people", str(h.people_total))] if value]
    table = doc.add_table(rows=len(facts), cols=2)
    for row, (label, value) in zip(table.rows, facts, strict=True):
        row.cells[0].text, row.cells[1].text = xml_safe(label), xml_safe(value)
        row.cells[0].paragraphs[0].runs[0].font.color.rgb = GRAY

    doc.add_heading(xml_safe(f"1. {h.t('sec_people')}"), level=1)
    total = h.t("people_total_one") if h.people_total == 1 else h.t("people_total", n=h.people_total)
    if h.no_phone:
        total += " " + (h.t("no_phone_one") if h.no_phone == 1 else h.t("no_phone", n=h.no_phone))
    _para(doc, total)
    _table(doc, [h.t("col_role"), h.t("col_people")], [[r.label, r.people] for r in h.roles], numeric_from=1)
    if h.named:
        doc.add_heading(xml_safe(h.t("named_heading")), level=3)
        for name, role in h.named:
            _item(doc, name, role)
    _small(_para(doc), h.t("labels_note_anonymous" if h.anonymous else "labels_note", example=h.label_example),
           False)

    doc.add_heading(xml_safe(f"2. {h.t('sec_rules')}"), level=1)
    for rule in h.ground_rules:
        _item(doc, rule, style="List Number")

    doc.add_page_break()
    doc.add_heading(xml_safe(f"3. {h.t('sec_rounds')}"), level=1)
    for rnd in h.rounds:
        _round(doc, h, rnd)

    doc.add_page_break()
    doc.add_heading(xml_safe(f"4. {h.t('sec_agenda')}"), level=1)
    if h.agenda:
        _para(doc, h.t("agenda_intro"))
        header = [h.t("col_rank"), h.t("col_item"), h.t("col_from"), h.t("col_dots"), *h.agenda_roles]
        rows: list[list[object]] = [
            [a.rank, a.text, a.author, a.dots, *(a.by_role[r] for r in h.agenda_roles)] for a in h.agenda
        ]
        _table(doc, header, rows, numeric_from=3)
    else:
        _para(doc, h.t("agenda_empty"))

    doc.add_heading(xml_safe(f"5. {h.t('sec_pledges')}"), level=1)
    for pledge in h.pledges:
        _item(doc, pledge.text, pledge.who)
    if not h.pledges:
        _para(doc, h.t("pledges_empty"))

    doc.add_heading(xml_safe(f"6. {h.t('sec_speaking')}"), level=1)
    _para(doc, h.t("speaking_intro"))
    _table(doc, [h.t("col_role"), h.t("col_people"), h.t("col_share_people"), h.t("col_talk"),
                 h.t("col_share_talk")],
           [[r.label, r.people, r.share_people, r.talk, r.share_talk] for r in h.roles], numeric_from=1)
    doc.add_heading(xml_safe(h.t("speaking_rounds")), level=2)
    _table(doc, [h.t("col_round"), h.t("col_duration"), h.t("col_turns"), h.t("col_over"), h.t("col_talk")],
           [[f"{r.number}. {r.title}", r.duration, r.turns, r.over_time, r.talk] for r in h.rounds], numeric_from=1)
    if h.person_talk:
        doc.add_heading(xml_safe(h.t("speaking_people")), level=2)
        _table(doc, [h.t("col_name"), h.t("col_role"), h.t("col_turns"), h.t("col_talk")],
               [[p.name, p.role, p.turns, p.talk] for p in h.person_talk], numeric_from=2)

    doc.add_heading(xml_safe(f"7. {h.t('sec_timeline')}"), level=1)
    _table(doc, [h.t("time"), ""], [[e.clock, e.text] for e in h.timeline])

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
