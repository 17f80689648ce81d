"""The harvest as Markdown, for mail and wikis. Everything people typed renders as plain text."""

from __future__ import annotations

import re

from .model import Harvest, RoundItem

# CommonMark lets any ASCII punctuation be escaped; these are the ones that can change meaning.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$&])")
_LINE_START = re.compile(r"^([-+=]|\d+[.)])")


def escape_line(line: str) -> str:
    line = _SPECIAL.sub(r"\\\1", line.strip())
    return _LINE_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], line)


def inline(text: str, indent: str = "") -> str:
    """Text for a list item or a short paragraph: line breaks stay line breaks, nothing else happens."""
    lines = [escape_line(line) for line in text.split("\n")]
    return ("\\\n" + indent).join(line for line in lines if line)


def cell(text: str | int) -> str:
    """Text for a table cell: one line, with <br> where the writer pressed enter."""
    return "<br>".join(line for line in (escape_line(x) for x in str(text).split("\n")) if line)


def paragraphs(text: str) -> list[str]:
    """Longer text such as a round's notes: blank lines start a new paragraph."""
    return [inline(block) for block in re.split(r"\n\s*\n", text) if block.strip()]


def table(header: list[str], rows: list[list[str | int]], numeric_from: int | None = None) -> list[str]:
    aligns = ["---:" if numeric_from is not None and i >= numeric_from else "---" for i in range(len(header))]
    out = ["| " + " | ".join(cell(h) for h in header) + " |", "| " + " | ".join(aligns) + " |"]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out + [""]


def _round(h: Harvest, rnd: RoundItem) -> list[str]:
    out = [f"### {inline(h.t('round_heading', n=rnd.number, title=rnd.title))}", ""]
    out += [f"**{inline(h.t('question'))}:** {inline(rnd.question)}", ""]
    out += [inline("\n".join(rnd.status)), ""]
    for group in rnd.groups:
        out += [f"#### {inline(group.heading)}", ""]
        out += [f"- {inline(c.text, '  ')} *({inline(c.author)})*" for c in group.cards] + [""]
    if rnd.collects_cards and not rnd.groups:
        out += [inline(h.t("no_cards")), ""]
    if rnd.hidden:
        out += [f"*{inline(h.t('hidden_one') if rnd.hidden == 1 else h.t('hidden', n=rnd.hidden))}*", ""]
    if rnd.notes:
        out += [f"#### {inline(h.t('round_notes'))}", ""]
        for para in paragraphs(rnd.notes):
            out += [para, ""]
    if rnd.turn_notes:
        out += [f"#### {inline(h.t('turn_notes'))}", ""]
        out += [f"- **{inline(n.who)}:** {inline(n.text, '  ')}" for n in rnd.turn_notes] + [""]
    return out


def to_markdown(h: Harvest) -> str:
    out = [f"# {inline(h.title)}", "", f"**{inline(h.t('report'))}**", ""]
    if h.anonymous:
        out += [f"*{inline(h.t('anonymous_note'))}*", ""]
    facts = [("theme", h.theme), ("place", h.place), ("date", h.date), ("time", h.time_span),
             ("facilitator", h.facilitator), ("duration", h.duration), ("people", str(h.people_total))]
    out += [f"- **{inline(h.t(key))}:** {inline(value)}" for key, value in facts if value] + [""]

    out += [f"## 1. {inline(h.t('sec_people'))}", ""]
    total = h.people_line
    out += [inline(total), ""]
    out += table([h.t("col_role"), h.t("col_people")], [[r.label, r.people] for r in h.roles], numeric_from=1)
    if h.named:
        out += [f"**{inline(h.t('named_heading'))}**", ""]
        out += [f"- {inline(name)} ({inline(role)})" for name, role in h.named] + [""]
    note = "labels_note_anonymous" if h.anonymous else "labels_note"
    out += [inline(h.t(note, example=h.label_example)), ""]

    out += [f"## 2. {inline(h.t('sec_rules'))}", ""]
    out += [f"{i}. {inline(rule)}" for i, rule in enumerate(h.ground_rules, start=1)] + [""]

    out += [f"## 3. {inline(h.t('sec_rounds'))}", ""]
    for rnd in h.rounds:
        out += _round(h, rnd)

    out += [f"## 4. {inline(h.t('sec_agenda'))}", ""]
    if h.agenda:
        out += [inline(h.t("agenda_intro")), ""]
        header = [h.t("col_rank"), h.t("col_item"), h.t("col_from"), h.t("col_dots"), *h.agenda_roles]
        rows: list[list[str | int]] = [
            [a.rank, a.text, a.author, a.dots, *(a.by_role[r] for r in h.agenda_roles)] for a in h.agenda
        ]
        out += table(header, rows)
    else:
        out += [inline(h.t("agenda_empty")), ""]

    out += [f"## 5. {inline(h.t('sec_pledges'))}", ""]
    if h.pledges:
        out += [f"- {inline(p.text, '  ')} *({inline(p.who)})*" for p in h.pledges] + [""]
    else:
        out += [inline(h.t("pledges_empty")), ""]

    out += [f"## 6. {inline(h.t('sec_speaking'))}", "", inline(h.t("speaking_intro")), ""]
    if h.felt_heard is not None:
        out += [inline(h.felt_heard.intro), ""]
    out += table(*h.role_table(), numeric_from=1)
    if h.felt_heard is not None and h.felt_heard.words:
        out += [inline(h.felt_heard.words), ""]
    out += [f"### {inline(h.t('speaking_rounds'))}", ""]
    out += table([h.t("col_round"), h.t("col_duration"), h.t("col_turns"), h.t("col_over"), h.t("col_talk")],
                 [[f"{r.number}. {r.title}", r.duration, r.turns, r.over_time, r.talk] for r in h.rounds],
                 numeric_from=1)
    if h.person_talk:
        out += [f"### {inline(h.t('speaking_people'))}", ""]
        out += table([h.t("col_name"), h.t("col_role"), h.t("col_turns"), h.t("col_talk")],
                     [[p.name, p.role, p.turns, p.talk] for p in h.person_talk], numeric_from=2)

    out += [f"## 7. {inline(h.t('sec_timeline'))}", ""]
    out += [f"- {inline(e.clock)} {inline(e.text, '  ')}" for e in h.timeline] + [""]
    out += ["---", "", f"*{inline(h.t('made_with'))}*", ""]
    return "\n".join(out)
