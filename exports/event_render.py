"""The event harvest's files: one per format, named like the harvest across dialogues, and the Markdown.

`event_harvest_files(harvest)` gives {file name: bytes} for Markdown, HTML, Word, PDF, CSV and JSON:
`dag-oost-oogst.pdf`, `dag-oost-oogst-anoniem.pdf` in Dutch; `dag-oost-harvest-anonymous.pdf` in English.
"""

from __future__ import annotations

from slugify import slugify

from .event_harvest_model import EventHarvest
from .event_render_blocks import Heading, Items, Para, Table, blocks
from .event_render_data import event_csv, event_json
from .event_render_html import event_html
from .md import inline, table
from .strings import t

EVENT_FORMATS = ("md", "html", "docx", "pdf", "csv", "json")


def event_filename(slug: str, fmt: str, anonymous: bool = False, lang: str = "nl") -> str:
    """`<event>-oogst.md`, `<event>-oogst-anoniem.pdf`; in English `<event>-harvest-anonymous.pdf`."""
    if fmt not in EVENT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(EVENT_FORMATS)}")
    name = f"{slugify(slug, max_length=60) or 'dag-van-de-dialoog'}-{t(lang, 'file_harvest')}"
    if anonymous:
        name += f"-{t(lang, 'file_anonymous')}"
    return f"{name}.{fmt}"


def event_markdown(h: EventHarvest) -> str:
    out = [f"# {inline(h.title)}", "", f"**{inline(h.report)}**", ""]
    if h.anonymous:
        out += [f"*{inline(h.t('anonymous_note'))}*", ""]
    out += [f"- **{inline(label)}:** {inline(value)}" for label, value in h.facts()] + [""]
    for block in blocks(h):
        if isinstance(block, Heading):
            out += [f"{'#' * (block.level + 1)} {inline(block.text)}", ""]
        elif isinstance(block, Para):
            out += [f"*{inline(block.text)}*" if block.note else inline(block.text), ""]
        elif isinstance(block, Items):
            out += [f"- {inline(words, '  ')} *({inline(who)})*" for words, who in block.lines] + [""]
        elif isinstance(block, Table):
            out += table(block.header, block.rows, numeric_from=block.numeric_from)
    out += ["---", "", f"*{inline(h.t('made_with'))}*", ""]
    return "\n".join(out)


def event_harvest_files(harvest: EventHarvest) -> dict[str, bytes]:
    """Every format of one event harvest, by file name, in the order people look for them."""
    def name(fmt: str) -> str:
        return event_filename(harvest.slug, fmt, harvest.anonymous, harvest.lang)

    from .event_render_docx import event_docx  # Word and PDF libraries: loaded by the first export only
    from .event_render_pdf import event_pdf

    # "replace": a lone surrogate from a hand-edited import must not stop the whole harvest
    return {
        name("md"): event_markdown(harvest).encode("utf-8", "replace"),
        name("html"): event_html(harvest).encode("utf-8", "replace"),
        name("docx"): event_docx(harvest),
        name("pdf"): event_pdf(harvest),
        name("csv"): event_csv(harvest),
        name("json"): event_json(harvest),
    }
