"""The event harvest's wall side: the plenary agenda traced back to its stories, where residents and
professionals disagree, the dreams nobody pledged to act on, and how the themes were formed.

The rules, in one place (the report states each of them in its own words):
- Tracing: an agenda item rests on the EXPERIENCE cards that the writers of its dream and need cards
  wrote at the same table. The people behind them are counted once each, per role. Hidden cards never
  count, neither as a dream nor as an experience.
- Very different ranks: residents' dots give one ranking, the dots of professionals and the municipality
  (PROFESSIONAL_ROLES) another; an item is flagged when its two ranks differ by max(2, ceil(n / 3)) or
  more for n items. Only when both groups placed dots: otherwise there is nothing to compare.
- Pledged: a dream is pledged when the theme it is grouped into also holds a pledge card that is not hidden.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from rounds import Card, CardKind, Role
from rounds.agenda import competition_ranks
from rounds.events.model import PROFESSIONAL_ROLES
from rounds.events.wall import CardRef, Wall, cards_in, theme_of, wall_result

from .event_harvest_model import EventCard, PlenaryItem, RankDifference, TableDreams, Trace
from .event_harvest_tables import Tables
from .strings import role_label, t

ITEM_KINDS = (CardKind.DREAM, CardKind.NEED)


@dataclass
class Found:
    """A card the wall points at, as it is now at its table."""

    table_id: str
    card: Card


class WallCards:
    """The wall's card references resolved against the tables, with what could not be used counted."""

    def __init__(self, tables: Tables, wall: Wall) -> None:
        self.tables, self.wall = tables, wall
        self._cards: dict[CardRef, Card] = {
            (seat.table.id, card.id): card
            for seat in tables.seats for rnd in seat.dialogue.rounds for card in rnd.cards
        }
        # (table id, writer id) -> how many visible experiences that person wrote at that table
        self.experiences: Counter[tuple[str, str]] = Counter(
            (ref[0], card.author_id) for ref, card in self._cards.items()
            if card.kind == CardKind.EXPERIENCE and not card.hidden)
        self.themes = {theme.id: theme for theme in wall.themes}
        self.grouped = cards_in(wall)
        self.hidden_on_wall: Counter[str] = Counter()
        self.gone_from_wall: Counter[str] = Counter()
        for refs in self.grouped.values():
            for ref in refs:
                card = self._cards.get(ref)
                if card is None and ref[0] in tables.by_id:
                    self.gone_from_wall[ref[0]] += 1  # taken out with the person who wrote it
                elif card is not None and card.hidden:
                    self.hidden_on_wall[ref[0]] += 1

    def visible(self, refs: list[CardRef]) -> list[Found]:
        found = [(ref, self._cards.get(ref)) for ref in refs]
        return [Found(ref[0], card) for ref, card in found if card is not None and not card.hidden]

    def pledged_themes(self) -> set[str]:
        return {theme_id for theme_id, refs in self.grouped.items()
                if any(f.card.kind == CardKind.PLEDGE for f in self.visible(refs))}

    def card(self, found: Found) -> EventCard:
        seat = self.tables.by_id[found.table_id]
        return EventCard(self.tables.scrub(found.card.text, found.table_id), found.card.kind,
                         seat.names.who(found.card.author_id), self.tables.name(seat.table))

    def title(self, theme_id: str) -> str:
        theme = self.themes.get(theme_id)
        return self.tables.scrub(theme.title) if theme else ""


def _trace(cards: WallCards, items: list[Found]) -> Trace:
    lang, tables = cards.tables.lang, cards.tables
    writers = {(f.table_id, f.card.author_id) for f in items}
    people = [writer for writer in writers if cards.experiences[writer]]
    experiences = sum(cards.experiences[writer] for writer in people)
    roles: Counter[Role] = Counter(tables.by_id[table_id].names.role(pid) for table_id, pid in people)
    at_tables = len({table_id for table_id, _ in people})
    if not experiences:
        sentence = t(lang, "event.trace_none")
    else:
        who = ", ".join(t(lang, f"event.people_role.{role}", n=roles[role]) for role in Role if roles[role])
        sentence = t(lang, "event.trace", n=experiences, tables=t(lang, "event.trace_tables", n=at_tables),
                     people=who)
    return Trace(experiences, at_tables, {role_label(lang, role): roles[role] for role in Role if roles[role]},
                 sentence)


def plenary_agenda(cards: WallCards) -> tuple[list[PlenaryItem], list[str]]:
    """The wall's themes ranked by dots, each traced back to its stories; and the role columns used."""
    lang = cards.tables.lang
    results = wall_result(cards.wall)
    voted = {role for result in results for role, n in result.by_role.items() if n}
    columns = [role for role in Role if role in voted]
    items = []
    for result in results:
        found = cards.visible(list(result.cards))
        dreams = [f for f in found if f.card.kind in ITEM_KINDS]
        by_role = {role_label(lang, role): result.by_role.get(role, 0) for role in columns}
        spread = ", ".join(f"{label}: {n}" for label, n in by_role.items() if n)
        dots_line = t(lang, "event.dots_line", n=result.dots, roles=spread) if spread else t(lang, "event.dots_none")
        items.append(PlenaryItem(
            result.rank, cards.tables.scrub(result.title), result.dots, by_role, dots_line, _trace(cards, dreams),
            [cards.card(f) for f in dreams], [cards.card(f) for f in found if f.card.kind == CardKind.PLEDGE]))
    return items, [role_label(lang, role) for role in columns]


def _ranks(items: list[PlenaryItem], dots: dict[int, int]) -> dict[int, int]:
    """Rank per item (by position) for one group's dots; items that group gave no dot share the last rank."""
    ranked = competition_ranks(list(range(len(items))), lambda i: dots[i])
    ranks = {i: rank for rank, i in ranked}
    return {i: ranks.get(i, len(ranked) + 1) for i in range(len(items))}


def threshold(n: int) -> int:
    return max(2, math.ceil(n / 3))


def rank_differences(items: list[PlenaryItem], lang: str) -> tuple[list[RankDifference], str]:
    """The items residents and professionals rank very differently, and the rule as the report states it."""
    resident = role_label(lang, Role.RESIDENT)
    professional = {role_label(lang, role) for role in PROFESSIONAL_ROLES}
    res = {i: item.by_role.get(resident, 0) for i, item in enumerate(items)}
    pro = {i: sum(n for label, n in item.by_role.items() if label in professional) for i, item in enumerate(items)}
    n = len(items)
    rule = t(lang, "event.difference_rule", n=n, threshold=threshold(n))
    if not any(res.values()) or not any(pro.values()):
        return [], rule + " " + t(lang, "event.difference_one_side")
    res_rank, pro_rank = _ranks(items, res), _ranks(items, pro)
    return [RankDifference(item.title, res_rank[i], pro_rank[i], res[i], pro[i]) for i, item in enumerate(items)
            if abs(res_rank[i] - pro_rank[i]) >= threshold(n)], rule


def unpledged_dreams(cards: WallCards) -> list[TableDreams]:
    """Per table, the dreams in a theme without a pledge and the dreams grouped nowhere."""
    lang, tables = cards.tables.lang, cards.tables
    where = theme_of(cards.wall)
    active = {theme.id for theme in cards.wall.themes if not theme.retired}
    pledged = cards.pledged_themes()
    out = []
    for seat in tables.seats:
        dreams = []
        for rnd in seat.dialogue.rounds:
            for card in rnd.cards:
                if card.kind != CardKind.DREAM or card.hidden:
                    continue
                theme_id = where.get((seat.table.id, card.id), "")
                if theme_id in active and theme_id in pledged:
                    continue
                place = (t(lang, "event.unpledged_in_theme", theme=cards.title(theme_id)) if theme_id in active
                         else t(lang, "event.unpledged_nowhere"))
                dreams.append((cards.card(Found(seat.table.id, card)), place))
        if dreams:
            out.append(TableDreams(tables.name(seat.table), dreams))
    return out


def grouping_record(cards: WallCards, agenda: list[PlenaryItem]) -> list[str]:
    """How the themes were formed, in a few sentences: counts only, from the wall's append-only record."""
    lang, wall = cards.tables.lang, cards.wall
    retired_at = {theme.retired_at for theme in wall.themes if theme.retired}
    where: dict[CardRef, str] = {}
    put = moved = taken_out = 0
    for grouping in wall.groupings:  # appended in time order
        ref = (grouping.table_id, grouping.card_id)
        before = where.get(ref, "")
        if grouping.theme_id and before:
            moved += 1
        elif grouping.theme_id:
            put += 1
        elif grouping.at not in retired_at:  # the cards of a retired theme go back by themselves
            taken_out += 1
        where[ref] = grouping.theme_id
    lines = [t(lang, "event.grouping_themes", n=len(wall.themes)),
             t(lang, "event.grouping_put", n=put, cards=len(where)),
             t(lang, "event.grouping_moves", n=moved) if moved else t(lang, "event.grouping_no_moves")]
    if taken_out:
        lines.append(t(lang, "event.grouping_taken_out", n=taken_out))
    renamed = {rename.theme_id for rename in wall.renames}
    if renamed:
        lines.append(t(lang, "event.grouping_renamed", n=len(renamed)))
    retired = sum(1 for theme in wall.themes if theme.retired)
    if retired:
        lines.append(t(lang, "event.grouping_retired", n=retired))
    no_dots = len(cards.grouped) - len(agenda)  # live themes nobody put a dot on
    if no_dots > 0:
        lines.append(t(lang, "event.grouping_no_dots", n=no_dots))
    return lines
