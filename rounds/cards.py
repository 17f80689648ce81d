"""Cards (experiences, dreams, needs, pledges) and dots for the neighbourhood agenda."""

from __future__ import annotations

from collections import Counter

from . import errors as e
from .current import require_open_round
from .errors import DomainError
from .model import (
    FACILITATOR,
    MAX_CARD_CHARS,
    MAX_CARDS_PER_ROUND,
    Card,
    CardKind,
    Dialogue,
    Role,
    Round,
    RoundState,
    Vote,
)
from .people import participant, require_facilitator
from .text import clean_text


def find_card(dialogue: Dialogue, card_id: str) -> tuple[Round, Card]:
    for rnd in dialogue.rounds:
        for card in rnd.cards:
            if card.id == card_id:
                return rnd, card
    raise DomainError(e.UNKNOWN_CARD)


def add_card(dialogue: Dialogue, actor: str, author_id: str, text: str, now: float) -> Card:
    """A participant writes a card in the open round; the facilitator may type one on their behalf."""
    if actor not in (FACILITATOR, author_id):
        raise DomainError(e.NOT_YOUR_CARD)
    rnd = require_open_round(dialogue)
    if rnd.card_kind == CardKind.NONE:
        raise DomainError(e.NO_CARDS_THIS_ROUND)
    participant(dialogue, author_id)
    clean = clean_text(text, MAX_CARD_CHARS)
    if sum(1 for c in rnd.cards if c.author_id == author_id) >= MAX_CARDS_PER_ROUND:
        raise DomainError(e.TOO_MANY_CARDS, limit=MAX_CARDS_PER_ROUND)
    card = Card(
        id=f"c{dialogue.next_id}",
        round_id=rnd.id,
        kind=rnd.card_kind,
        text=clean,
        author_id=author_id,
        created_at=now,
        by_facilitator=actor == FACILITATOR,
    )
    dialogue.next_id += 1
    rnd.cards.append(card)
    return card


def _editable_own_card(dialogue: Dialogue, actor: str, card_id: str) -> tuple[Round, Card]:
    rnd, card = find_card(dialogue, card_id)
    if actor not in (FACILITATOR, card.author_id):
        raise DomainError(e.NOT_YOUR_CARD)
    if rnd.state != RoundState.OPEN:
        raise DomainError(e.ROUND_NOT_OPEN)
    return rnd, card


def edit_card(dialogue: Dialogue, actor: str, card_id: str, text: str, now: float) -> Card:
    _, card = _editable_own_card(dialogue, actor, card_id)
    card.text = clean_text(text, MAX_CARD_CHARS)
    card.updated_at = now
    return card


def delete_card(dialogue: Dialogue, actor: str, card_id: str) -> Card:
    """The author takes back their own card while the round is open. Moderation hides instead."""
    rnd, card = _editable_own_card(dialogue, actor, card_id)
    if any(v.card_id == card_id for r in dialogue.rounds for v in r.votes):
        raise DomainError(e.CARD_HAS_DOTS)
    rnd.cards.remove(card)
    return card


def set_hidden(dialogue: Dialogue, actor: str, card_id: str, hidden: bool) -> Card:
    require_facilitator(actor)
    _, card = find_card(dialogue, card_id)
    card.hidden = bool(hidden)
    return card


def votable_cards(dialogue: Dialogue, rnd: Round) -> list[Card]:
    """Visible cards of the rounds this dot-vote round votes on."""
    targets = set(rnd.vote_on_rounds)
    return [c for r in dialogue.rounds if r.id in targets for c in r.cards if not c.hidden]


def votable_groups(dialogue: Dialogue, rnd: Round) -> list[tuple[int, Round, list[Card]]]:
    """The votable cards per round they came from, with that round's number: dreams apart from needs."""
    targets = set(rnd.vote_on_rounds)
    groups = []
    for number, source in enumerate(dialogue.rounds, start=1):
        cards = [c for c in source.cards if not c.hidden] if source.id in targets else []
        if cards:
            groups.append((number, source, cards))
    return groups


def dots_used(rnd: Round, participant_id: str) -> int:
    return sum(1 for v in rnd.votes if v.participant_id == participant_id)


def dots_left(rnd: Round, participant_id: str) -> int:
    return max(rnd.dots_per_person - dots_used(rnd, participant_id), 0)


def _vote_round(dialogue: Dialogue) -> Round:
    rnd = require_open_round(dialogue)
    if not rnd.dot_vote:
        raise DomainError(e.NOT_A_VOTE_ROUND)
    return rnd


def place_dot(dialogue: Dialogue, actor: str, participant_id: str, card_id: str, now: float) -> Vote:
    if actor not in (FACILITATOR, participant_id):
        raise DomainError(e.NOT_YOUR_CARD)
    rnd = _vote_round(dialogue)
    participant(dialogue, participant_id)
    if card_id not in {c.id for c in votable_cards(dialogue, rnd)}:
        raise DomainError(e.CARD_NOT_VOTABLE)
    if dots_left(rnd, participant_id) <= 0:
        raise DomainError(e.NO_DOTS_LEFT, limit=rnd.dots_per_person)
    vote = Vote(participant_id=participant_id, card_id=card_id, placed_at=now)
    rnd.votes.append(vote)
    return vote


def remove_dot(dialogue: Dialogue, actor: str, participant_id: str, card_id: str) -> Vote:
    if actor not in (FACILITATOR, participant_id):
        raise DomainError(e.NOT_YOUR_CARD)
    rnd = _vote_round(dialogue)
    for vote in reversed(rnd.votes):
        if vote.participant_id == participant_id and vote.card_id == card_id:
            rnd.votes.remove(vote)
            return vote
    raise DomainError(e.NO_DOT_HERE)


def dot_counts(dialogue: Dialogue, rnd: Round) -> Counter[str]:
    """Dots per card id, counting only cards that are still visible."""
    visible = {c.id for c in votable_cards(dialogue, rnd)}
    return Counter(v.card_id for v in rnd.votes if v.card_id in visible)


def dot_counts_by_role(dialogue: Dialogue, rnd: Round) -> dict[str, Counter[Role]]:
    roles = {p.id: p.role for p in dialogue.participants}
    visible = {c.id for c in votable_cards(dialogue, rnd)}
    result: dict[str, Counter[Role]] = {}
    for vote in rnd.votes:
        if vote.card_id in visible:
            result.setdefault(vote.card_id, Counter())[roles.get(vote.participant_id, Role.OTHER)] += 1
    return result
