"""The event harvest as a PDF report (A4), with the dialogue harvest's page layout, fonts and headings."""

from __future__ import annotations

from .event_harvest_model import EventHarvest
from .event_render_blocks import Heading, Items, Para, Table, blocks
from .pdf import _heading, _item
from .pdf_layout import Page


def event_pdf(h: EventHarvest) -> bytes:
    pdf = Page(footer_left=f"{h.title} \u2013 {h.report}", footer_right=h.t("page", n="{n}", total="{total}"))
    pdf.set_title(f"{h.report}: {h.title}")
    pdf.set_lang(h.lang)
    pdf.set_creator("Wijkdialoog")
    pdf.set_author("Wijkdialoog")

    pdf.use(9, bold=True)
    pdf.set_text_color(47, 107, 79)
    pdf.paragraph(h.report.upper(), after=1)
    pdf.use(20, bold=True)
    pdf.paragraph(h.title, after=3)
    if h.anonymous:
        pdf.use(10, bold=True)
        pdf.paragraph(h.t("anonymous_note"), after=2)
    for label, value in h.facts():
        pdf.use(10, gray=True)
        y = pdf.get_y()
        pdf.block_at(pdf.LEFT, y, 38, label)
        pdf.use(10)
        pdf.set_y(y + pdf.block_at(pdf.LEFT + 40, y, pdf.width - 40, value) + 0.6)

    for block in blocks(h):
        if isinstance(block, Heading):
            if block.level == 1 and block.anchor in ("agenda", "record"):
                pdf.add_page()
            _heading(pdf, block.text, block.level)
        elif isinstance(block, Para):
            if block.note:
                pdf.use(9, gray=True)
            pdf.paragraph(block.text)
            pdf.use(10)
        elif isinstance(block, Items):
            for words, who in block.lines:
                _item(pdf, words, who)
        elif isinstance(block, Table):
            weights = block.weights + [1.0] * (len(block.header) - len(block.weights))
            pdf.table(block.header, list(block.rows), weights, numeric_from=block.numeric_from)
            pdf.use(10)  # the table leaves its own, smaller size behind
    return bytes(pdf.output())
