"""The event harvest as one self-contained, printable HTML file, in the dialogue harvest's look.

No scripts, no external assets; every piece of text goes through `esc` or `text`: people's words are data.
"""

from __future__ import annotations

from .event_harvest_model import EventHarvest
from .event_render_blocks import Heading, Items, Para, Table, blocks
from .html_report import CSS, esc, html_table, text

# A plenary item is printed on one page where it fits; the headings carry their own numbers, the list none.
EXTRA_CSS = """
article.item { break-inside: avoid-page; }
nav.toc ol { list-style: none; padding-left: 0; }
@media print { #agenda, #record, #tables { break-before: page; page-break-before: always; } }
"""


def _body(h: EventHarvest) -> list[str]:
    out: list[str] = []
    open_section = open_item = False
    for block in blocks(h):
        if isinstance(block, Heading):
            if open_item and block.level <= 2:
                out.append("</article>")
                open_item = False
            if block.level == 1:
                if open_section:
                    out.append("</section>")
                out.append(f'<section id="{esc(block.anchor)}">')
                open_section = True
            elif block.level == 2:
                out.append('<article class="item">')
                open_item = True
            out.append(f"<h{block.level + 1}>{esc(block.text)}</h{block.level + 1}>")
        elif isinstance(block, Para):
            out.append(f'<p class="{"muted" if block.note else "status"}">{text(block.text)}</p>')
        elif isinstance(block, Items):
            out.append('<ul class="cards">' + "".join(
                f'<li>{text(words)}<span class="who"><bdi>{esc(who)}</bdi></span></li>' for words, who in block.lines)
                + "</ul>")
        elif isinstance(block, Table):
            out.append(html_table(block.header, block.rows, numeric_from=block.numeric_from, wide=(1,)))
    out += ["</article>"] if open_item else []
    out += ["</section>"] if open_section else []
    return out


def event_html(h: EventHarvest) -> str:
    sections = [b for b in blocks(h) if isinstance(b, Heading) and b.level == 1]
    out = ["<!DOCTYPE html>", f'<html lang="{esc(h.lang)}">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{esc(h.report)}: {esc(h.title)}</title>", f"<style>{CSS}{EXTRA_CSS}</style>", "</head>",
           "<body>", "<main>", '<header class="cover">', f'<p class="kicker">{esc(h.report)}</p>',
           f"<h1>{esc(h.title)}</h1>"]
    if h.anonymous:
        out.append(f'<p class="anonymous">{esc(h.t("anonymous_note"))}</p>')
    out.append('<dl class="facts">')
    out += [f"<dt>{esc(label)}</dt><dd>{text(value)}</dd>" for label, value in h.facts()]
    out += ["</dl>", "</header>", f'<nav class="toc"><h2>{esc(h.t("contents"))}</h2><ol>']
    out += [f'<li><a href="#{esc(s.anchor)}">{esc(s.text)}</a></li>' for s in sections]
    out.append("</ol></nav>")
    out += _body(h)
    out += [f"<footer>{esc(h.t('made_with'))}</footer>", "</main>", "</body>", "</html>", ""]
    return "\n".join(out)
