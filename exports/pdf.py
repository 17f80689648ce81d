"""The harvest as a PDF report (A4): DejaVu Sans, with Noto fallback fonts, so every name and card prints."""

from __future__ import annotations

from .model import Harvest, RoundItem
from .pdf_layout import Page


def _heading(pdf: Page, text: str, level: int) -> None:
    size, before = {1: (15, 6), 2: (12, 4), 3: (10.5, 2.5)}[level]
    pdf.use(size, bold=True)
    lh = pdf.line_height()
    pdf.need(lh * pdf.lines_of(text, pdf.width) + before + 14)  # keep a heading with what follows it
    if pdf.get_y() > pdf.TOP + 1:
        pdf.set_y(pdf.get_y() + before)
    pdf.paragraph(text, after=0.5 if level == 1 else 0.8)
    if level == 1:
        pdf.set_draw_color(47, 107, 79)
        pdf.set_line_width(0.4)
        pdf.line(pdf.LEFT, pdf.get_y(), pdf.LEFT + pdf.width, pdf.get_y())
        pdf.set_y(pdf.get_y() + 2.5)
    pdf.use(10)


def _item(pdf: Page, text: str, who: str = "", bullet: str = "\u2022") -> None:
    """One card or list item: a bullet, the words, and who wrote it in grey underneath."""
    pdf.use(10)
    lh = pdf.line_height()
    first = min(pdf.lines_of(text, pdf.width - 5), 3)
    pdf.need(lh * (first + (1 if who else 0)))
    pdf.text(pdf.LEFT + 0.5, pdf.get_y() + pdf.font_size * 1.05, bullet)
    pdf.paragraph(text, indent=5, after=0 if who else 1.2)
    if who:
        pdf.use(8.5, gray=True)
        pdf.paragraph(who, indent=5, after=1.6)
        pdf.use(10)


def _round(pdf: Page, h: Harvest, rnd: RoundItem) -> None:
    _heading(pdf, h.t("round_heading", n=rnd.number, title=rnd.title), 2)
    pdf.use(10, bold=True)
    pdf.paragraph(f"{h.t('question')}:", after=0)
    pdf.use(10)
    pdf.paragraph(rnd.question, indent=5)
    if not rnd.everyone_heard:
        pdf.use(10, bold=True)
    pdf.paragraph("\n".join(rnd.status), after=2)
    pdf.use(10)
    for group in rnd.groups:
        _heading(pdf, group.heading, 3)
        for card in group.cards:
            _item(pdf, card.text, card.author)
    if rnd.collects_cards and not rnd.groups:
        pdf.paragraph(h.t("no_cards"))
    if rnd.hidden:
        pdf.use(9, gray=True)
        pdf.paragraph(h.t("hidden_one") if rnd.hidden == 1 else h.t("hidden", n=rnd.hidden))
        pdf.use(10)
    if rnd.notes:
        _heading(pdf, h.t("round_notes"), 3)
        pdf.paragraph(rnd.notes)
    if rnd.turn_notes:
        _heading(pdf, h.t("turn_notes"), 3)
        for note in rnd.turn_notes:
            _item(pdf, note.text, note.who)


def to_pdf(h: Harvest) -> bytes:
    pdf = Page(footer_left=f"{h.title} \u2013 {h.t('report')}", footer_right=h.t("page", n="{n}", total="{total}"))
    pdf.set_title(f"{h.t('report')}: {h.title}")
    pdf.set_lang(h.lang)
    pdf.set_creator("Wijkdialoog")
    pdf.set_author("Wijkdialoog")

    pdf.use(9, bold=True)
    pdf.set_text_color(47, 107, 79)
    pdf.paragraph(h.t("report").upper(), after=1)
    pdf.use(20, bold=True)
    pdf.paragraph(h.title, after=3)
    if h.anonymous:
        pdf.use(10, bold=True)
        pdf.paragraph(h.t("anonymous_note"), after=2)
    pdf.use(10)
    for key, value in [("theme", h.theme), ("place", h.place), ("date", h.date), ("time", h.time_span),
                       ("facilitator", h.facilitator), ("duration", h.duration), ("people", str(h.people_total))]:
        if value:
            pdf.use(10, gray=True)
            y = pdf.get_y()
            pdf.block_at(pdf.LEFT, y, 38, h.t(key))
            pdf.use(10)
            pdf.set_y(y + pdf.block_at(pdf.LEFT + 40, y, pdf.width - 40, value) + 0.6)

    _heading(pdf, f"1. {h.t('sec_people')}", 1)
    total = h.people_line
    pdf.paragraph(total)
    pdf.table([h.t("col_role"), h.t("col_people")], [[r.label, r.people] for r in h.roles], [3, 1], numeric_from=1)
    if h.named:
        _heading(pdf, h.t("named_heading"), 3)
        for name, role in h.named:
            _item(pdf, name, role)
    pdf.use(9, gray=True)
    pdf.paragraph(h.t("labels_note_anonymous" if h.anonymous else "labels_note", example=h.label_example))

    _heading(pdf, f"2. {h.t('sec_rules')}", 1)
    for number, rule in enumerate(h.ground_rules, start=1):
        _item(pdf, rule, bullet=f"{number}.")

    pdf.add_page()
    _heading(pdf, f"3. {h.t('sec_rounds')}", 1)
    for rnd in h.rounds:
        _round(pdf, h, rnd)

    pdf.add_page()
    _heading(pdf, f"4. {h.t('sec_agenda')}", 1)
    if h.agenda:
        pdf.paragraph(h.t("agenda_intro"))
        header = [h.t("col_rank"), h.t("col_item"), h.t("col_from"), h.t("col_dots"), *h.agenda_roles]
        rows: list[list[object]] = [
            [a.rank, a.text, a.author, a.dots, *(a.by_role[r] for r in h.agenda_roles)] for a in h.agenda
        ]
        pdf.table(header, rows, [1, 7, 3, 1, *([1] * len(h.agenda_roles))], numeric_from=3)
    else:
        pdf.paragraph(h.t("agenda_empty"))

    _heading(pdf, f"5. {h.t('sec_pledges')}", 1)
    for pledge in h.pledges:
        _item(pdf, pledge.text, pledge.who)
    if not h.pledges:
        pdf.paragraph(h.t("pledges_empty"))

    _heading(pdf, f"6. {h.t('sec_speaking')}", 1)
    pdf.paragraph(h.t("speaking_intro"))
    if h.felt_heard is not None:
        pdf.paragraph(h.felt_heard.intro)
    header, rows = h.role_table()
    pdf.table(header, rows, [3, 1.4, 2, 2, 2, 2, 2][:len(header)], numeric_from=1)
    if h.felt_heard is not None and h.felt_heard.words:
        pdf.use(10)  # the table leaves its own, smaller size behind
        pdf.paragraph(h.felt_heard.words)
    _heading(pdf, h.t("speaking_rounds"), 2)
    pdf.table([h.t("col_round"), h.t("col_duration"), h.t("col_turns"), h.t("col_over"), h.t("col_talk")],
              [[f"{r.number}. {r.title}", r.duration, r.turns, r.over_time, r.talk] for r in h.rounds],
              [5, 2, 1.4, 1.6, 2], numeric_from=1)
    if h.person_talk:
        _heading(pdf, h.t("speaking_people"), 2)
        pdf.table([h.t("col_name"), h.t("col_role"), h.t("col_turns"), h.t("col_talk")],
                  [[p.name, p.role, p.turns, p.talk] for p in h.person_talk], [4, 3, 1.4, 2], numeric_from=2)

    _heading(pdf, f"7. {h.t('sec_timeline')}", 1)
    for event in h.timeline:
        pdf.use(10)
        pdf.need(pdf.line_height() * pdf.lines_of(event.text, pdf.width - 15))
        pdf.use(10, gray=True)
        y = pdf.get_y()
        pdf.block_at(pdf.LEFT, y, 14, event.clock)
        pdf.use(10)
        pdf.set_y(y + pdf.block_at(pdf.LEFT + 15, y, pdf.width - 15, event.text) + 0.8)
    return bytes(pdf.output())
