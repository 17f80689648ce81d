"""The neighbourhood agenda: the one ranking of cards by dots, used by the projector, the console and the harvest.

The rule, in one place:
- A card is on the agenda when it is visible and has at least one dot. A card nobody voted for is not.
- Most dots first. Equal dots share a rank ("1, 2, 2, 4") and keep the order they were written in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .cards import dot_counts, votable_cards
from .model import Card, Dialogue, Round

T = TypeVar("T")


def competition_ranks(items: Sequence[T], dots: Callable[[T], int]) -> list[tuple[int, T]]:
    """Items sorted by dots (most first, stable), each with its shared rank. Zero-dot items are left out."""
    ordered = sorted((item for item in items if dots(item) > 0), key=lambda item: -dots(item))
    ranked: list[tuple[int, T]] = []
    for index, item in enumerate(ordered):
        same = ranked and dots(ranked[-1][1]) == dots(item)
        ranked.append((ranked[-1][0] if same else index + 1, item))
    return ranked


@dataclass(frozen=True)
class AgendaItem:
    rank: int
    card: Card
    dots: int


def _vote_rounds(dialogue: Dialogue, rnd: Round | None) -> list[Round]:
    return [rnd] if rnd is not None else [r for r in dialogue.rounds if r.dot_vote]


def dots_per_card(dialogue: Dialogue, rnd: Round | None = None) -> Counter[str]:
    """Dots on each visible card, in one vote round or summed over every vote round."""
    counts: Counter[str] = Counter()
    for vote_round in _vote_rounds(dialogue, rnd):
        counts.update(dot_counts(dialogue, vote_round))
    return counts


def ranked_agenda(dialogue: Dialogue, rnd: Round | None = None) -> list[AgendaItem]:
    """The agenda of one vote round, or (rnd None) of the whole dialogue."""
    counts = dots_per_card(dialogue, rnd)
    seen: set[str] = set()
    cards: list[Card] = []
    for vote_round in _vote_rounds(dialogue, rnd):
        for card in votable_cards(dialogue, vote_round):
            if card.id not in seen:
                seen.add(card.id)
                cards.append(card)
    order = _writing_order(dialogue)
    cards.sort(key=lambda card: order[card.id])
    return [AgendaItem(rank, card, counts[card.id]) for rank, card in competition_ranks(cards, lambda c: counts[c.id])]


def _writing_order(dialogue: Dialogue) -> dict[str, int]:
    return {card.id: index for index, card in enumerate(c for r in dialogue.rounds for c in r.cards)}
