"""The harvest across dialogues as Markdown, printable HTML and CSV."""

from __future__ import annotations

from slugify import slugify

from .across import Across, Line, ThemeHarvest
from .html_report import CSS, esc, html_table, text
from .md import inline, table
from .spreadsheet import write_rows
from .strings import join_names, kind_label, t


def _residents(a: Across, theme: ThemeHarvest) -> str:
    return a.t("across_residents", residents=theme.residents, people=theme.people, share=theme.share_residents)


def _skipped(a: Across) -> str:
    return a.t("across_skipped", titles=join_names(a.lang, a.skipped)) if a.skipped else ""


def _md_lines(lines: list[Line]) -> list[str]:
    return [f"- {inline(line.text, '  ')} *({inline(line.who)}, {inline(line.dialogue)})*" for line in lines]


def _md_theme(a: Across, theme: ThemeHarvest) -> list[str]:
    out = [f"## {inline(a.t('across_theme', theme=theme.label))}", ""]
    out += [inline(_residents(a, theme)), ""]
    out += [f"### {inline(a.t('across_dialogues'))}", ""]
    out += table([a.t("col_dialogue"), a.t("place"), a.t("date"), a.t("people"), a.t("col_residents")],
                 [[d.title, d.place, d.date, d.people, d.residents] for d in theme.dialogues], numeric_from=3)
    out += [f"### {inline(a.t('across_dreams'))}", ""]
    out += (_md_lines(theme.dreams) or [inline(a.t("across_none"))]) + [""]
    out += [f"### {inline(a.t('across_agenda'))}", ""]
    if theme.agenda:
        out += [inline(a.t("across_agenda_intro")), ""]
        out += table([a.t("col_rank"), a.t("col_item"), a.t("col_dialogue"), a.t("col_dots"), *theme.agenda_roles],
                     [[x.rank, x.text, x.dialogue, x.dots, *x.by_role.values()] for x in theme.agenda])
    else:
        out += [inline(a.t("across_none")), ""]
    out += [f"### {inline(a.t('across_pledges'))}", ""]
    out += (_md_lines(theme.pledges) or [inline(a.t("across_none"))]) + [""]
    return out


def across_markdown(a: Across) -> str:
    out = [f"# {inline(a.title)}", ""]
    if a.anonymous:
        out += [f"*{inline(a.t('anonymous_note'))}*", ""]
    if a.skipped:
        out += [inline(_skipped(a)), ""]
    if not a.themes:
        out += [inline(a.t("across_empty")), ""]
    for theme in a.themes:
        out += _md_theme(a, theme)
    out += ["---", "", f"*{inline(a.t('made_with'))}*", ""]
    return "\n".join(out)


def _html_lines(a: Across, lines: list[Line]) -> str:
    if not lines:
        return f'<p class="muted">{esc(a.t("across_none"))}</p>'
    return '<ul class="cards">' + "".join(
        f'<li>{text(line.text)}<span class="who"><bdi>{esc(line.who)}</bdi> \u2013 {esc(line.dialogue)}</span></li>'
        for line in lines) + "</ul>"


def _html_theme(a: Across, theme: ThemeHarvest) -> str:
    out = ['<section class="theme">', f"<h2>{esc(a.t('across_theme', theme=theme.label))}</h2>",
           f"<p>{esc(_residents(a, theme))}</p>",
           f"<h3>{esc(a.t('across_dialogues'))}</h3>",
           html_table([a.t("col_dialogue"), a.t("place"), a.t("date"), a.t("people"), a.t("col_residents")],
                       [[d.title, d.place, d.date, d.people, d.residents] for d in theme.dialogues], numeric_from=3),
           f"<h3>{esc(a.t('across_dreams'))}</h3>", _html_lines(a, theme.dreams),
           f"<h3>{esc(a.t('across_agenda'))}</h3>"]
    if theme.agenda:
        out += [f"<p>{esc(a.t('across_agenda_intro'))}</p>",
                html_table([a.t("col_rank"), a.t("col_item"), a.t("col_dialogue"), a.t("col_dots"),
                             *theme.agenda_roles],
                            [[x.rank, x.text, x.dialogue, x.dots, *x.by_role.values()] for x in theme.agenda],
                            numeric_from=3, wide=(1,))]
    else:
        out.append(f'<p class="muted">{esc(a.t("across_none"))}</p>')
    out += [f"<h3>{esc(a.t('across_pledges'))}</h3>", _html_lines(a, theme.pledges), "</section>"]
    return "\n".join(out)


def across_html(a: Across) -> str:
    out = ["<!DOCTYPE html>", f'<html lang="{esc(a.lang)}">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{esc(a.title)}</title>",
           f"<style>{CSS}\n@media print {{ section.theme + section.theme {{ break-before: page; }} }}</style>",
           "</head>", "<body>", "<main>", '<header class="cover">', f"<h1>{esc(a.title)}</h1>"]
    if a.anonymous:
        out.append(f'<p class="anonymous">{esc(a.t("anonymous_note"))}</p>')
    if a.skipped:
        out.append(f'<p class="muted">{esc(_skipped(a))}</p>')
    out.append("</header>")
    if not a.themes:
        out.append(f"<p>{esc(a.t('across_empty'))}</p>")
    out += [_html_theme(a, theme) for theme in a.themes]
    out += [f"<footer>{esc(a.t('made_with'))}</footer>", "</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def across_csv(a: Across, excel_nl: bool = False) -> bytes:
    header = [a.t(k) for k in ("csv_theme", "csv_dialogue", "csv_kind", "csv_text", "csv_author", "csv_dots")]
    rows: list[list[object]] = []
    for theme in a.themes:
        kinds = ((kind_label(a.lang, "dream"), theme.dreams), (a.t("sec_agenda"), theme.agenda),
                 (kind_label(a.lang, "pledge"), theme.pledges))
        for kind, lines in kinds:
            rows += [[theme.label, line.dialogue, kind, line.text, line.who, line.dots] for line in lines]
    return write_rows(header, rows, excel_nl)


ACROSS_FORMATS = ("md", "html", "csv")


def across_filename(fmt: str, theme: str | None = None, anonymous: bool = False, lang: str = "nl") -> str:
    """In the harvest's language (`lang`): `oogst.md`, `oogst-thuis.html`, `oogst-anoniem.csv` in Dutch,
    `harvest.md`, `harvest-anonymous.csv` in English."""
    name = t(lang, "file_harvest")
    if theme:
        name += f"-{slugify(theme, max_length=40) or t(lang, 'file_theme')}"
    if anonymous:
        name += f"-{t(lang, 'file_anonymous')}"
    return f"{name}.{'csv' if fmt == 'csv-nl' else fmt}"


def render_across(a: Across, fmt: str) -> bytes:
    if fmt == "md":
        return across_markdown(a).encode("utf-8", "replace")
    if fmt == "html":
        return across_html(a).encode("utf-8", "replace")
    if fmt in ("csv", "csv-nl"):
        return across_csv(a, excel_nl=fmt == "csv-nl")
    raise ValueError(f"unknown format {fmt!r}; choose from md, html, csv")
