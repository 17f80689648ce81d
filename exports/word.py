"""The harvest as a Word document (A4): headings, lists and tables that people can keep editing.

python-docx opens the template, sets the page, language, properties and footer. The body is written
as WordprocessingML text and parsed once: python-docx looks a style up by name on every paragraph,
which took 5 s for a 2,000-card harvest; this way it takes a fraction of a second.
"""

from __future__ import annotations

import io
import re
import unicodedata
from xml.sax.saxutils import escape

from docx import Document
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

from .model import Harvest, RoundItem

GRAY, ACCENT = "56635C", "2F6B4F"
# Characters XML 1.0 cannot hold (lxml refuses them); they can only come from a hand-edited import.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LANGS = {"nl": "nl-NL", "en": "en-GB"}
STYLES = {"title": "Title", "h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3", "bullet": "List Bullet",
          "number": "List Number", "quote": "Quote", "table": "Light Grid Accent 1"}


def xml_safe(text: object) -> str:
    return _NOT_XML.sub("", str(text))


def _starts_rtl(text: str) -> bool:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("L", "R", "AL"):
            return kind != "L"
    return False


TEXT_WIDTH = 9638  # twips between the margins of an A4 page with 20 mm margins


def _widths(header: list[str], rows: list[list[object]], columns: int, numeric_from: int,
            weights: list[float]) -> list[int]:
    """Number columns as wide as their longest word (within reason); text columns share the rest by weight."""
    fixed: dict[int, int] = {}
    for i in range(numeric_from, columns):
        words = re.split(r"[\s/]+", header[i]) if header else []
        chars = max([len(w) + 1 for w in words] + [len(str(r[i])) for r in rows] + [2])
        fixed[i] = min(110 * chars + 300, 1400)
    budget = TEXT_WIDTH * 0.55
    if sum(fixed.values()) > budget:
        fixed = {i: int(w * budget / sum(fixed.values())) for i, w in fixed.items()}
    rest = TEXT_WIDTH - sum(fixed.values())
    flexible = sum(w for i, w in enumerate(weights) if i not in fixed) or 1.0
    return [fixed[i] if i in fixed else int(rest * w / flexible) for i, w in enumerate(weights)]


def _run(text: str, bold: bool = False, small: bool = False, color: str = "") -> str:
    props = ("<w:b/>" if bold else "") + (f'<w:color w:val="{color}"/>' if color else "") + \
        ('<w:sz w:val="18"/>' if small else "")
    lines = [escape(xml_safe(line)) for line in str(text).split("\n")]
    body = '</w:t><w:br/><w:t xml:space="preserve">'.join(lines)
    return f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}<w:t xml:space="preserve">{body}</w:t></w:r>'


class Body:
    """Paragraphs and tables as XML text, added to the document in one parse."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.style = {key: doc.styles[name].style_id for key, name in STYLES.items()}
        self.parts: list[str] = []

    def para(self, runs: str, style: str = "", keep_next: bool = False, rtl: bool = False, right: bool = False) -> None:
        props = (f'<w:pStyle w:val="{self.style[style]}"/>' if style else "") + ("<w:keepNext/>" if keep_next else "") \
            + ("<w:bidi/>" if rtl else "") + ('<w:jc w:val="right"/>' if right else "")
        self.parts.append(f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{runs}</w:p>")

    def text(self, text: str, style: str = "", bold: bool = False, small: bool = False) -> None:
        self.para(_run(text, bold=bold, small=small, color=GRAY if small else ""), style, rtl=_starts_rtl(text))

    def heading(self, text: str, level: int) -> None:
        self.para(_run(text), "title" if level == 0 else f"h{level}", keep_next=True)

    def item(self, text: str, who: str = "", style: str = "bullet") -> None:
        runs = _run(text) + ("<w:r><w:br/></w:r>" + _run(who, small=True, color=GRAY) if who else "")
        self.para(runs, style)

    def page_break(self) -> None:
        self.parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def table(self, header: list[str], rows: list[list[object]], numeric_from: int = 99,
              weights: list[float] | None = None, style: bool = True) -> None:
        columns = len(header) or (len(rows[0]) if rows else 1)
        widths = _widths(header, rows, columns, numeric_from, weights or [1.0] * columns)

        def cell(value: object, width: int, bold: bool, right: bool) -> str:
            jc = '<w:pPr><w:jc w:val="right"/></w:pPr>' if right else ""
            props = f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            return f"<w:tc>{props}<w:p>{jc}{_run(str(value), bold, small=style)}</w:p></w:tc>"

        look = '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" ' \
            'w:noHBand="0" w:noVBand="1"/>'
        props = (f'<w:tblStyle w:val="{self.style["table"]}"/>' if style else "") + \
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>' + look
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        out = [f"<w:tbl><w:tblPr>{props}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"]
        if header:  # the header row repeats on every page
            out.append("<w:tr><w:trPr><w:tblHeader/></w:trPr>"
                       + "".join(cell(h, w, True, False) for h, w in zip(header, widths, strict=True)) + "</w:tr>")
        for row in rows:
            out.append("<w:tr>" + "".join(cell(v, w, False, i >= numeric_from)
                                          for i, (v, w) in enumerate(zip(row, widths, strict=True))) + "</w:tr>")
        out.append("</w:tbl>")
        self.parts.append("".join(out))
        self.parts.append("<w:p/>")

    def close(self) -> None:
        body = self.doc.element.body
        fragment = parse_xml(f"<w:body {nsdecls('w')}>{''.join(self.parts)}</w:body>")
        section = body.find(qn("w:sectPr"))
        for child in list(fragment):
            section.addprevious(child)


def _round(b: Body, h: Harvest, rnd: RoundItem) -> None:
    b.heading(h.t("round_heading", n=rnd.number, title=rnd.title), 2)
    b.para(_run(rnd.question), "quote", keep_next=True, rtl=_starts_rtl(rnd.question))
    b.para(_run("\n".join(rnd.status), bold=not rnd.everyone_heard))
    for group in rnd.groups:
        b.heading(group.heading, 3)
        for card in group.cards:
            b.item(card.text, card.author)
    if rnd.collects_cards and not rnd.groups:
        b.text(h.t("no_cards"))
    if rnd.hidden:
        b.text(h.t("hidden_one") if rnd.hidden == 1 else h.t("hidden", n=rnd.hidden), small=True)
    if rnd.notes:
        b.heading(h.t("round_notes"), 3)
        for block in re.split(r"\n\s*\n", rnd.notes):
            b.text(block)
    if rnd.turn_notes:
        b.heading(h.t("turn_notes"), 3)
        for note in rnd.turn_notes:
            b.item(note.text, note.who)


def _setup(doc, h: Harvest) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    run_defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
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
    footer = section.footer.paragraphs[0]._p
    words = _run(f"{h.title} \u2013 {h.t('report')} \u2013 ", small=True, color=GRAY)
    footer.append(parse_xml(f"<w:p {nsdecls('w')}>{words}</w:p>")[0])
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    footer.append(field)


def to_docx(h: Harvest) -> bytes:
    doc = Document()
    _setup(doc, h)
    b = Body(doc)
    b.para(_run(h.t("report").upper(), bold=True, small=True, color=ACCENT))
    b.heading(h.title, 0)
    if h.anonymous:
        b.text(h.t("anonymous_note"), bold=True)
    facts = [[h.t(key), value] for key, value in [
        ("theme", h.theme), ("place", h.place), ("date", h.date), ("time", h.time_span),
        ("facilitator", h.facilitator), ("duration", h.duration), ("people", str(h.people_total))] if value]
    b.table([], facts, weights=[1, 3], style=False)

    b.heading(f"1. {h.t('sec_people')}", 1)
    total = h.people_line
    b.text(total)
    b.table([h.t("col_role"), h.t("col_people")], [[r.label, r.people] for r in h.roles], numeric_from=1,
            weights=[2, 1])
    if h.named:
        b.heading(h.t("named_heading"), 3)
        for name, role in h.named:
            b.item(name, role)
    b.text(h.t("labels_note_anonymous" if h.anonymous else "labels_note", example=h.label_example), small=True)

    b.heading(f"2. {h.t('sec_rules')}", 1)
    for rule in h.ground_rules:
        b.item(rule, style="number")

    b.page_break()
    b.heading(f"3. {h.t('sec_rounds')}", 1)
    for rnd in h.rounds:
        _round(b, h, rnd)

    b.page_break()
    b.heading(f"4. {h.t('sec_agenda')}", 1)
    if h.agenda:
        b.text(h.t("agenda_intro"))
        header = [h.t("col_rank"), h.t("col_item"), h.t("col_from"), h.t("col_dots"), *h.agenda_roles]
        rows: list[list[object]] = [
            [a.rank, a.text, a.author, a.dots, *(a.by_role[r] for r in h.agenda_roles)] for a in h.agenda
        ]
        b.table(header, rows, numeric_from=3, weights=[1.6, 7, 3, *([1] * (len(header) - 3))])
    else:
        b.text(h.t("agenda_empty"))

    b.heading(f"5. {h.t('sec_pledges')}", 1)
    for pledge in h.pledges:
        b.item(pledge.text, pledge.who)
    if not h.pledges:
        b.text(h.t("pledges_empty"))

    b.heading(f"6. {h.t('sec_speaking')}", 1)
    b.text(h.t("speaking_intro"))
    if h.felt_heard is not None:
        b.text(h.felt_heard.intro)
    header, rows = h.role_table()
    b.table(header, rows, numeric_from=1)
    if h.felt_heard is not None and h.felt_heard.words:
        b.text(h.felt_heard.words)
    b.heading(h.t("speaking_rounds"), 2)
    b.table([h.t("col_round"), h.t("col_duration"), h.t("col_turns"), h.t("col_over"), h.t("col_talk")],
            [[f"{r.number}. {r.title}", r.duration, r.turns, r.over_time, r.talk] for r in h.rounds], numeric_from=1)
    if h.person_talk:
        b.heading(h.t("speaking_people"), 2)
        b.table([h.t("col_name"), h.t("col_role"), h.t("col_turns"), h.t("col_talk")],
                [[p.name, p.role, p.turns, p.talk] for p in h.person_talk], numeric_from=2)

    b.heading(f"7. {h.t('sec_timeline')}", 1)
    b.table([h.t("time"), ""], [[e.clock, e.text] for e in h.timeline], weights=[1, 8])
    b.close()

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
