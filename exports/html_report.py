"""The harvest as one self-contained HTML file, laid out as a Dutch verslag, ready to print.

No scripts, no external assets. Every piece of text goes through `esc`: people's words are data.
"""

from __future__ import annotations

from html import escape

from .model import Harvest, RoundItem

CSS = """
:root { --ink: #1d2a24; --muted: #56635c; --line: #c9d3cd; --accent: #2f6b4f; --paper: #fbfaf6; --tint: #eef3ef; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 16px/1.55 "DejaVu Sans", "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
.cover { border-bottom: 3px solid var(--accent); padding-bottom: 1.25rem; margin-bottom: 1.5rem; }
.kicker { margin: 0; color: var(--accent); font-weight: bold; letter-spacing: .04em; text-transform: uppercase;
  font-size: .85rem; }
h1 { font-size: 2.1rem; line-height: 1.2; margin: .3rem 0 1rem; }
h2 { font-size: 1.45rem; margin: 2.25rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; color: var(--accent); }
h4 { font-size: 1rem; margin: 1.1rem 0 .4rem; }
.anonymous { display: inline-block; padding: .2rem .6rem; border: 1px solid var(--accent); border-radius: 4px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1.25rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
nav.toc ol { columns: 2; margin: 0; }
.text { white-space: pre-line; overflow-wrap: anywhere; }
.question { font-style: italic; border-left: 4px solid var(--accent); margin: .5rem 0; padding: .25rem .75rem; }
.status { margin: .5rem 0; }
.status.override { background: #fff4e5; border: 1px solid #e0a44a; padding: .5rem .75rem; border-radius: 4px; }
ul.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
  gap: .6rem; }
ul.cards li { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--accent);
  border-radius: 4px; padding: .55rem .7rem; }
.who { display: block; margin-top: .35rem; color: var(--muted); font-size: .85rem; }
.hidden-note, .muted { color: var(--muted); font-size: .9rem; }
ul.notes li { margin-bottom: .35rem; }
table { border-collapse: collapse; min-width: 60%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--tint); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n { white-space: nowrap; }
td.wide { min-width: 11rem; }
th.n { font-size: .78rem; }
ol.timeline { list-style: none; padding: 0; }
ol.timeline li { display: grid; grid-template-columns: 4rem 1fr; gap: .5rem; padding: .15rem 0; }
ol.timeline time { color: var(--muted); font-variant-numeric: tabular-nums; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line);
  padding-top: .5rem; }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  nav.toc { break-after: page; }
  nav.toc a { color: inherit; text-decoration: none; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  #rounds, #agenda, #speaking { break-before: page; page-break-before: always; }
  article.round + article.round { border-top: 1px solid var(--line); }
  ul.cards { display: block; }
  div.round-head, ul.cards li, ul.notes li, tr, .status, .question, ol.timeline li {
    break-inside: avoid; page-break-inside: avoid;
  }
  thead { display: table-header-group; }
  .status.override { background: none; }
}
"""


def esc(value: object) -> str:
    return escape(str(value), quote=True)


def text(value: object) -> str:
    """People's words: escaped, line breaks kept, direction from the text itself (Arabic reads right to left)."""
    return f'<span class="text" dir="auto">{esc(value)}</span>'


def _card(words: str, who: str) -> str:
    return f'<li>{text(words)}<span class="who"><bdi>{esc(who)}</bdi></span></li>'


def html_table(header: list[str], rows: list[list[object]], numeric_from: int = 99,
               wide: tuple[int, ...] = ()) -> str:
    """A table; columns from `numeric_from` hold numbers, `wide` columns hold the words that matter."""
    def cls(i: int) -> str:
        return ' class="n"' if i >= numeric_from else (' class="wide"' if i in wide else "")

    head = "".join(f"<th{cls(i)} scope=\"col\">{esc(h)}</th>" for i, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(f"<td{cls(i)}>{text(v)}</td>" for i, v in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _round(h: Harvest, rnd: RoundItem) -> str:
    kind = "status" if rnd.everyone_heard else "status override"
    out = [f'<article class="round" id="round-{rnd.number}">',
           '<div class="round-head">',
           f"<h3>{esc(h.t('round_heading', n=rnd.number, title=rnd.title))}</h3>",
           f'<p class="question">{text(rnd.question)}</p>',
           f'<p class="{kind}">' + "<br>".join(esc(line) for line in rnd.status) + "</p>",
           "</div>"]
    for group in rnd.groups:
        out.append(f"<h4>{esc(group.heading)}</h4><ul class=\"cards\">")
        out += [_card(c.text, c.author) for c in group.cards]
        out.append("</ul>")
    if rnd.collects_cards and not rnd.groups:
        out.append(f'<p class="muted">{esc(h.t("no_cards"))}</p>')
    if rnd.hidden:
        note = h.t("hidden_one") if rnd.hidden == 1 else h.t("hidden", n=rnd.hidden)
        out.append(f'<p class="hidden-note">{esc(note)}</p>')
    if rnd.notes:
        out.append(f"<h4>{esc(h.t('round_notes'))}</h4><p class=\"text\" dir=\"auto\">{esc(rnd.notes)}</p>")
    if rnd.turn_notes:
        out.append(f"<h4>{esc(h.t('turn_notes'))}</h4><ul class=\"notes\">")
        out += [f'<li><strong><bdi>{esc(n.who)}</bdi>:</strong> {text(n.text)}</li>'
                for n in rnd.turn_notes]
        out.append("</ul>")
    out.append("</article>")
    return "\n".join(out)


def _people(h: Harvest) -> str:
    total = h.people_line
    out = [f"<p>{esc(total)}</p>",
           html_table([h.t("col_role"), h.t("col_people")], [[r.label, r.people] for r in h.roles], numeric_from=1)]
    if h.named:
        out.append(f"<h3>{esc(h.t('named_heading'))}</h3><ul>")
        out += [f"<li><bdi>{esc(name)}</bdi> ({esc(role)})</li>" for name, role in h.named]
        out.append("</ul>")
    note = "labels_note_anonymous" if h.anonymous else "labels_note"
    out.append(f'<p class="muted">{esc(h.t(note, example=h.label_example))}</p>')
    return "\n".join(out)


def _speaking(h: Harvest) -> str:
    felt = h.felt_heard
    out = [f"<p>{esc(h.t('speaking_intro'))}</p>"]
    out += [f"<p>{esc(felt.intro)}</p>"] if felt is not None else []
    out += [html_table(*h.role_table(), numeric_from=1)]
    out += [f"<p>{text(felt.words)}</p>"] if felt is not None and felt.words else []
    out += [f"<h3>{esc(h.t('speaking_rounds'))}</h3>",
            html_table([h.t("col_round"), h.t("col_duration"), h.t("col_turns"), h.t("col_over"), h.t("col_talk")],
                       [[f"{r.number}. {r.title}", r.duration, r.turns, r.over_time, r.talk] for r in h.rounds],
                       numeric_from=1)]
    if h.person_talk:
        out += [f"<h3>{esc(h.t('speaking_people'))}</h3>",
                html_table([h.t("col_name"), h.t("col_role"), h.t("col_turns"), h.t("col_talk")],
                       [[p.name, p.role, p.turns, p.talk] for p in h.person_talk], numeric_from=2)]
    return "\n".join(out)


def to_html(h: Harvest) -> str:
    facts = [("theme", h.theme), ("place", h.place), ("date", h.date), ("time", h.time_span),
             ("facilitator", h.facilitator), ("duration", h.duration), ("people", str(h.people_total))]
    sections: list[tuple[str, str, str]] = [
        ("people", h.t("sec_people"), _people(h)),
        ("rules", h.t("sec_rules"), "<ol>" + "".join(f"<li>{esc(r)}</li>" for r in h.ground_rules) + "</ol>"),
        ("rounds", h.t("sec_rounds"), "\n".join(_round(h, rnd) for rnd in h.rounds)),
    ]
    if h.agenda:
        header = [h.t("col_rank"), h.t("col_item"), h.t("col_from"), h.t("col_dots"), *h.agenda_roles]
        rows = [[a.rank, a.text, a.author, a.dots, *(a.by_role[r] for r in h.agenda_roles)] for a in h.agenda]
        agenda = f"<p>{esc(h.t('agenda_intro'))}</p>" + html_table(header, rows, numeric_from=3, wide=(1,))
    else:
        agenda = f"<p>{esc(h.t('agenda_empty'))}</p>"
    sections.append(("agenda", h.t("sec_agenda"), agenda))
    if h.pledges:
        pledges = '<ul class="cards">' + "".join(_card(p.text, p.who) for p in h.pledges) + "</ul>"
    else:
        pledges = f"<p>{esc(h.t('pledges_empty'))}</p>"
    sections.append(("pledges", h.t("sec_pledges"), pledges))
    sections.append(("speaking", h.t("sec_speaking"), _speaking(h)))
    timeline = '<ol class="timeline">' + "".join(
        f"<li><time>{esc(e.clock)}</time>{text(e.text)}</li>" for e in h.timeline) + "</ol>"
    sections.append(("timeline", h.t("sec_timeline"), timeline))

    out = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(h.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(h.t('report'))}: {esc(h.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        '<header class="cover">',
        f'<p class="kicker">{esc(h.t("report"))}</p>',
        f"<h1>{esc(h.title)}</h1>",
    ]
    if h.anonymous:
        out.append(f'<p class="anonymous">{esc(h.t("anonymous_note"))}</p>')
    out.append('<dl class="facts">')
    out += [f"<dt>{esc(h.t(key))}</dt><dd>{esc(value)}</dd>" for key, value in facts if value]
    out += ["</dl>", "</header>", f'<nav class="toc"><h2>{esc(h.t("contents"))}</h2><ol>']
    out += [f'<li><a href="#{key}">{esc(title)}</a></li>' for key, title, _ in sections]
    out.append("</ol></nav>")
    for number, (key, title, body) in enumerate(sections, start=1):
        out.append(f'<section id="{key}">\n<h2>{number}. {esc(title)}</h2>\n{body}\n</section>')
    out += [f"<footer>{esc(h.t('made_with'))}</footer>", "</main>", "</body>", "</html>", ""]
    return "\n".join(out)
