"""The event harvest as a Word document (A4), written with the dialogue harvest's fast `Body` (exports/word.py)."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

from .event_harvest_model import EventHarvest
from .event_render_blocks import Heading, Items, Para, Table, blocks
from .word import _LANGS, ACCENT, GRAY, Body, _run, xml_safe


def _setup(doc, h: EventHarvest) -> None:
    """A4 with 20 mm margins, the document's language for the spell checker, its properties and a footer."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(20)
    run_defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_defaults.append(lang)
    lang.set(qn("w:val"), _LANGS.get(h.lang, "nl-NL"))
    core = doc.core_properties
    core.title = xml_safe(f"{h.report}: {h.title}")
    core.subject = xml_safe(h.theme)
    core.author = core.last_modified_by = "Wijkdialoog"
    core.language = _LANGS.get(h.lang, "nl-NL")
    core.comments = h.t("anonymous_note") if h.anonymous else ""
    footer = section.footer.paragraphs[0]._p
    words = _run(f"{h.title} \u2013 {h.report} \u2013 ", small=True, color=GRAY)
    footer.append(parse_xml(f"<w:p {nsdecls('w')}>{words}</w:p>")[0])
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    footer.append(field)


def event_docx(h: EventHarvest) -> bytes:
    doc = Document()
    _setup(doc, h)
    b = Body(doc)
    b.para(_run(h.report.upper(), bold=True, small=True, color=ACCENT))
    b.heading(h.title, 0)
    if h.anonymous:
        b.text(h.t("anonymous_note"), bold=True)
    b.table([], [[label, value] for label, value in h.facts()], weights=[1, 3], style=False)
    for block in blocks(h):
        if isinstance(block, Heading):
            if block.level == 1 and block.anchor in ("agenda", "record"):
                b.page_break()
            b.heading(block.text, block.level)
        elif isinstance(block, Para):
            b.text(block.text, small=block.note)
        elif isinstance(block, Items):
            for words, who in block.lines:
                b.item(words, who)
        elif isinstance(block, Table):
            columns = len(block.header)
            weights = block.weights + [1.0] * (columns - len(block.weights))
            b.table(block.header, list(block.rows), numeric_from=block.numeric_from, weights=weights)
    b.close()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
