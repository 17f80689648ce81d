"""The event harvest's table side: who took part, how each table went, and what was hidden or taken out.

Names follow each table's own harvest (exports/people.py): a name only with consent, none in the
anonymous version, and "Bewoner 2" numbered within the table. Free text can also name someone from
another table ("Ben van tafel 3 zei ..."), so it goes through the other tables' scrubbers too; to keep
that cheap for a hall of tables, only the tables that have a name sharing a word with the text are asked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from rounds import Dialogue, Role
from rounds.events import Event, EventTable, TableStatus
from rounds.feedback import answers_by_role

from . import fmt
from .event_harvest_model import RecordLine, RoleCount, TableLine
from .felt_heard import average
from .people import _PARTICLES, Naming
from .strings import join_names, role_label, t

_WORD = re.compile(r"\w+")
_MASK = "\ue000"  # a private-use character: no name contains it, and it is no word character


@dataclass
class Seat:
    """One table that went ahead, with its dialogue and how its people are named."""

    table: EventTable
    dialogue: Dialogue
    names: Naming


class Tables:
    """The tables that went ahead, in the event's order, and one scrubber over all of them."""

    def __init__(self, event: Event, dialogues: Mapping[str, Dialogue], lang: str, anonymous: bool) -> None:
        self.event, self.lang, self.anonymous = event, lang, anonymous
        self.seats = [Seat(table, dialogues[table.id], Naming(dialogues[table.id], lang, anonymous))
                      for table in event.tables
                      if table.status == TableStatus.PLANNED and table.id in dialogues]
        self.by_id = {seat.table.id: seat for seat in self.seats}
        self._tables_of_word: dict[str, set[str]] = {}
        for seat in self.seats:
            for name in [p.name for p in seat.dialogue.participants] + [seat.dialogue.facilitator_name]:
                words = _WORD.findall(name)
                for word in words:
                    # "de" in "Anna de Vries" is no name on its own (Naming never replaces it either), and it
                    # is in nearly every Dutch text: it would ask every table of the hall about every card.
                    if len(words) == 1 or (len(word) >= 2 and word.casefold() not in _PARTICLES):
                        self._tables_of_word.setdefault(word.casefold(), set()).add(seat.table.id)
        self._done: dict[tuple[str, str], str] = {}  # table names and theme titles come back many times
        self._generic = f"[{t(lang, 'name_label')}]"
        self._tags: dict[str, re.Pattern[str]] = {}

    def scrub(self, text: str, own: str = "") -> str:
        """Free text with the names that may not appear replaced: by their labels for the writer's own table
        ("[Bewoner 2]"), and by a neutral "[naam]" for anyone from another table, whose label would point
        at someone else at this one. Errs on the side of replacing: a shown name at this table that is a
        hidden name at another is replaced too."""
        if not text:
            return text
        key = (text, own)
        if key not in self._done:
            self._done[key] = self._scrub(text, own)
        return self._done[key]

    def _scrub(self, text: str, own: str) -> str:
        seat = self.by_id.get(own)
        if seat is not None:
            text = seat.names.scrub(text)
        others: set[str] = set()
        for word in _WORD.findall(text):
            others |= self._tables_of_word.get(word.casefold(), set())
        others.discard(own)
        if not others:
            return text
        # The own table's labels are set aside first, so that only what another table puts in turns neutral.
        own_tags = self._own_tags(seat)
        kept = own_tags.findall(text)
        text = own_tags.sub(_MASK, text)
        for seat in self.seats:  # in the event's order, so the same text always comes out the same
            if seat.table.id in others:
                text = seat.names.scrub(text)
                for label in seat.names.labels.values():
                    text = text.replace(f"[{label}]", self._generic)
        for tag in kept:
            text = text.replace(_MASK, tag, 1)
        return text

    def _own_tags(self, seat: Seat | None) -> re.Pattern[str]:
        """"[Bewoner 2]" for each label of this table, and the neutral "[naam]"."""
        key = seat.table.id if seat else ""
        if key not in self._tags:
            tags = [self._generic] + ([f"[{label}]" for label in seat.names.labels.values()] if seat else [])
            self._tags[key] = re.compile("|".join(re.escape(tag) for tag in sorted(tags, key=len, reverse=True)))
        return self._tags[key]

    def name(self, table: EventTable) -> str:
        return self.scrub(table.name)


def tables_line(tables: Tables) -> str:
    lang = tables.lang
    line = t(lang, "event.tables_held", n=len(tables.seats))
    cancelled = [tables.name(x) for x in tables.event.tables if x.status == TableStatus.CANCELLED]
    if cancelled:
        line += " " + t(lang, "event.tables_cancelled", n=len(cancelled), names=join_names(lang, cancelled))
    return line


def people_line(tables: Tables) -> str:
    lang = tables.lang
    people = [p for seat in tables.seats for p in seat.dialogue.participants]
    line = t(lang, "people_total", n=len(people))
    no_phone = sum(1 for p in people if not p.has_phone)
    if no_phone:
        line += " " + t(lang, "no_phone", n=no_phone)
    return line


def roles_and_felt(tables: Tables) -> tuple[list[RoleCount], str]:
    """People per role over all tables and, when anyone answered, "did you feel heard?" per role."""
    lang = tables.lang
    people: Counter[Role] = Counter(p.role for seat in tables.seats for p in seat.dialogue.participants)
    answers: Counter[Role] = Counter()
    points: Counter[Role] = Counter()
    for seat in tables.seats:
        for role, answered in answers_by_role(seat.dialogue).items():
            answers[role] += answered.answers
            points[role] += (answered.average or 0.0) * answered.answers
    total = sum(people.values())
    rows = [RoleCount(role_label(lang, role), people[role], fmt.share(people[role], total), answers[role],
                      average(points[role] / answers[role] if answers[role] else None, lang))
            for role in Role if people[role]]
    answered = sum(answers.values())
    if not answered:
        return rows, ""
    intro = t(lang, "event.felt_intro", n=answered, people=total,
              average=average(sum(points.values()) / answered, lang))
    return rows, intro


def _status(tables: Tables, seat: Seat) -> str:
    lang, rounds = tables.lang, seat.dialogue.rounds
    early = [(number, rnd) for number, rnd in enumerate(rounds, start=1) if rnd.override is not None]
    if not early:
        return t(lang, "event.table_finished", n=len(rounds))
    parts = [t(lang, "event.table_rounds", n=len(rounds))]
    parts += [t(lang, "event.table_early", n=number,
                reason=tables.scrub(rnd.override.reason, seat.table.id).rstrip(". ") if rnd.override else "")
              for number, rnd in early]
    return " ".join(parts)


def table_lines(tables: Tables) -> list[TableLine]:
    """Every table of the event, the cancelled ones too, in the event's order."""
    lines = []
    for table in tables.event.tables:
        seat = tables.by_id.get(table.id)
        place = tables.scrub(table.place or (seat.dialogue.place if seat else ""), table.id)
        if seat is None:
            lines.append(TableLine(tables.name(table), place, 0, t(tables.lang, "event.table_cancelled")))
        else:
            lines.append(TableLine(tables.name(table), place, len(seat.dialogue.participants), _status(tables, seat)))
    return lines


def record_lines(tables: Tables, hidden_on_wall: Counter[str], gone_from_wall: Counter[str]) -> list[RecordLine]:
    """Per table: cards the host hid, people taken out with their cards and dots, and why. Never a text.

    `hidden_on_wall` and `gone_from_wall` count, per table id, cards grouped on the plenary wall that were
    hidden or no longer exist (taken out with their writer): they count nowhere on the agenda either.
    """
    lang = tables.lang
    lines = []
    for seat in tables.seats:
        dialogue, table_id = seat.dialogue, seat.table.id
        hidden = sum(1 for rnd in dialogue.rounds for c in rnd.cards if c.hidden)
        removed = dialogue.removals
        why = []
        if hidden:
            why.append(t(lang, "event.why_hidden", n=hidden))
        if removed:
            why.append(t(lang, "event.why_removed", n=len(removed)))
        if hidden_on_wall[table_id]:
            why.append(t(lang, "event.why_hidden_on_wall", n=hidden_on_wall[table_id]))
        if gone_from_wall[table_id]:
            why.append(t(lang, "event.why_gone_from_wall", n=gone_from_wall[table_id]))
        lines.append(RecordLine(tables.name(seat.table), hidden, len(removed), sum(r.cards for r in removed),
                                sum(r.dots for r in removed), " ".join(why) or t(lang, "event.why_nothing")))
    return lines
