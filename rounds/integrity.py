"""One full check of a dialogue that comes from outside: a file on disk or an imported harvest.

A damaged or hostile file must break nothing: no NaN in a timer, no 5 MB card on the wall, no vote for
a card that does not exist, no participant called "facilitator". `check_json_depth` runs on the raw text
before `json.loads`; `check_dialogue` on what `serialize.dialogue_from_dict` built. Both raise
`IntegrityProblem` with a short English reason that names the field, e.g. "not finite: rounds[2].opened_at".
"""

from __future__ import annotations

import re
from collections import Counter

from .integrity_fields import (  # noqa: F401  (IntegrityProblem, check_json_depth and the limits are public here)
    DEPTH_LIMIT,
    MAX_TIMESTAMP,
    IntegrityProblem,
    _bool,
    _enum,
    _fail,
    _ids,
    _int,
    _text,
    _time,
    _unique_id,
    check_json_depth,
)
from .model import (
    FACILITATOR,
    FELT_HEARD_HIGHEST,
    FELT_HEARD_LOWEST,
    MAX_CARD_CHARS,
    MAX_CARDS_PER_ROUND,
    MAX_FELT_HEARD_WORD_CHARS,
    MAX_NAME_CHARS,
    MAX_PARTICIPANTS,
    MAX_QUESTION_CHARS,
    MAX_REASON_CHARS,
    MAX_ROUND_NOTES_CHARS,
    MAX_TITLE_CHARS,
    MAX_TURN_NOTE_CHARS,
    CardKind,
    Dialogue,
    Outcome,
    Role,
    Round,
    RoundState,
    Status,
)
from .preparation import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH
from .templates import LANGUAGES

# The limits preparation.new_dialogue applies to these fields (literals there).
MAX_THEME_CHARS = MAX_PLACE_CHARS = 200
MAX_DATE_CHARS = 40
MAX_FACILITATOR_NAME_CHARS = 80
# The anonymous export replaces names in free text by longer labels ("Al" -> "[Zorg/welzijn 12]").
ANONYMOUS_GROWTH = 10
MAX_NEXT_ID = 10**12

_SECRET = re.compile(r"[A-Za-z0-9_-]{0,128}")  # device tokens and the facilitator key; empty once exported
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")  # the store's file name: no dots, no slashes
_COUNTED_ID = re.compile(r"[rct]([0-9]{1,13})")  # round, turn and card ids come from next_id


def _check_header(d: Dialogue, growth: int) -> None:
    if not isinstance(d.slug, str) or not _SLUG.fullmatch(d.slug):
        raise IntegrityProblem("slug format")
    _text(d.title, "title", MAX_TITLE_CHARS * growth, line=True)
    _text(d.theme, "theme", MAX_THEME_CHARS * growth, empty=True)
    _text(d.place, "place", MAX_PLACE_CHARS * growth, empty=True)
    _text(d.date, "date", MAX_DATE_CHARS * growth, empty=True)
    _text(d.facilitator_name, "facilitator_name", MAX_FACILITATOR_NAME_CHARS, empty=True)
    code = d.join_code
    if not isinstance(code, str) or len(code) != JOIN_CODE_LENGTH or not set(code) <= set(JOIN_CODE_ALPHABET):
        raise IntegrityProblem("join code format")
    if not isinstance(d.facilitator_key, str) or not _SECRET.fullmatch(d.facilitator_key):
        raise IntegrityProblem("facilitator key format")
    if d.language not in LANGUAGES:
        raise IntegrityProblem("unknown language")
    _enum(d.status, Status, "status")
    _time(d.created_at, "created_at")
    _time(d.started_at, "started_at", optional=True)
    _time(d.finished_at, "finished_at", optional=True)
    _int(d.next_id, "next_id", 1, MAX_NEXT_ID)
    if not isinstance(d.participants, list) or not isinstance(d.rounds, list):
        raise IntegrityProblem("not a list: participants or rounds")
    _bool(d.joining_locked, "joining_locked")
    if not isinstance(d.removals, list) or not isinstance(d.blocked_tokens, list):
        raise IntegrityProblem("not a list: removals or blocked_tokens")
    for i, removal in enumerate(d.removals):
        _time(removal.at, f"removals[{i}].at")
        _int(removal.cards, f"removals[{i}].cards", 0, MAX_NEXT_ID)
        _int(removal.dots, f"removals[{i}].dots", 0, MAX_NEXT_ID)
    if len(d.blocked_tokens) > MAX_PARTICIPANTS * 10:
        raise IntegrityProblem("too many blocked devices")
    for i, token in enumerate(d.blocked_tokens):
        if not isinstance(token, str) or not _SECRET.fullmatch(token):
            raise IntegrityProblem(f"token format: blocked_tokens[{i}]")


def _check_participants(d: Dialogue) -> set[str]:
    if len(d.participants) > MAX_PARTICIPANTS:
        raise IntegrityProblem("too many participants")
    ids: set[str] = set()
    tokens: set[str] = set()
    for i, p in enumerate(d.participants):
        at = f"participants[{i}]"
        _unique_id(p.id, ids, "participant", f"{at}.id")
        if p.id == FACILITATOR:
            raise _fail("reserved id", f"{at}.id")
        _text(p.name, f"{at}.name", MAX_NAME_CHARS, line=True)
        _enum(p.role, Role, f"{at}.role")
        if not isinstance(p.token, str) or not _SECRET.fullmatch(p.token):
            raise _fail("token format", f"{at}.token")
        if p.token and p.token in tokens:
            raise _fail("duplicate token", f"{at}.token")
        tokens.add(p.token)
        for flag in ("has_phone", "present", "name_in_report"):
            _bool(getattr(p, flag), f"{at}.{flag}")
        _time(p.joined_at, f"{at}.joined_at")
    return ids


def _check_round(rnd: Round, at: str, people: set[str], round_ids: set[str], seen: dict[str, set[str]],
                 growth: int) -> None:
    _text(rnd.title, f"{at}.title", MAX_TITLE_CHARS * growth, line=True)
    _text(rnd.question, f"{at}.question", MAX_QUESTION_CHARS * growth)
    _text(rnd.notes, f"{at}.notes", MAX_ROUND_NOTES_CHARS * growth, empty=True)
    _enum(rnd.card_kind, CardKind, f"{at}.card_kind")
    _enum(rnd.state, RoundState, f"{at}.state")
    for flag in ("dot_vote", "show_dots_live", "open_conversation"):
        _bool(getattr(rnd, flag), f"{at}.{flag}")
    _int(rnd.dots_per_person, f"{at}.dots_per_person", 1, 20)
    if rnd.speaking_seconds is not None:
        _int(rnd.speaking_seconds, f"{at}.speaking_seconds", 10, 3600)
    _time(rnd.opened_at, f"{at}.opened_at", optional=True)
    _time(rnd.closed_at, f"{at}.closed_at", optional=True)
    _ids(rnd.vote_on_rounds, round_ids, "round", f"{at}.vote_on_rounds")
    _ids(rnd.order, people, "participant", f"{at}.order")
    if len(set(rnd.order)) != len(rnd.order):
        raise _fail("duplicate participant id", f"{at}.order")
    if rnd.planned_order is not None:
        _ids(rnd.planned_order, people, "participant", f"{at}.planned_order")
    for kind in ("turns", "cards", "votes"):
        if not isinstance(getattr(rnd, kind), list):
            raise _fail("not a list", f"{at}.{kind}")
    for j, turn in enumerate(rnd.turns):
        where = f"{at}.turns[{j}]"
        _unique_id(turn.id, seen["turn"], "turn", f"{where}.id")
        _ids([turn.participant_id], people, "participant", f"{where}.participant_id")
        _time(turn.started_at, f"{where}.started_at")
        _time(turn.ended_at, f"{where}.ended_at", optional=True)
        if turn.ended_at is not None and turn.ended_at < turn.started_at:
            raise _fail("ends before it starts", where)
        if turn.outcome is not None:
            _enum(turn.outcome, Outcome, f"{where}.outcome")
        if (turn.ended_at is None) != (turn.outcome is None):
            raise _fail("outcome without end or end without outcome", where)
        for flag in ("over_time", "open_conversation", "ended_by_facilitator"):
            _bool(getattr(turn, flag), f"{where}.{flag}")
        _text(turn.note, f"{where}.note", MAX_TURN_NOTE_CHARS * growth, empty=True)
    authors: Counter[str] = Counter()
    for j, card in enumerate(rnd.cards):
        where = f"{at}.cards[{j}]"
        _unique_id(card.id, seen["card"], "card", f"{where}.id")
        if card.round_id != rnd.id:
            raise _fail("card in the wrong round", f"{where}.round_id")
        _enum(card.kind, CardKind, f"{where}.kind")
        _bool(card.hidden, f"{where}.hidden")
        _bool(card.by_facilitator, f"{where}.by_facilitator")
        _text(card.text, f"{where}.text", MAX_CARD_CHARS * growth, empty=card.hidden)  # hidden: "" once exported
        _ids([card.author_id], people, "participant", f"{where}.author_id")
        _time(card.created_at, f"{where}.created_at")
        _time(card.updated_at, f"{where}.updated_at", optional=True)
        authors[card.author_id] += 1
        if authors[card.author_id] > MAX_CARDS_PER_ROUND:
            raise _fail("too many cards by one author", f"{at}.cards")
    if rnd.override is not None:
        _text(rnd.override.reason, f"{at}.override.reason", MAX_REASON_CHARS * growth)
        _ids(rnd.override.not_heard, people, "participant", f"{at}.override.not_heard")
        _time(rnd.override.at, f"{at}.override.at")


def _check_votes(rnd: Round, at: str, people: set[str], cards_of: dict[str, set[str]]) -> None:
    if rnd.votes and not rnd.dot_vote:
        raise _fail("votes in a round without dot vote", f"{at}.votes")
    votable = set().union(*(cards_of[rid] for rid in rnd.vote_on_rounds))
    dots: Counter[str] = Counter()
    for j, vote in enumerate(rnd.votes):
        where = f"{at}.votes[{j}]"
        _ids([vote.participant_id], people, "participant", f"{where}.participant_id")
        if not isinstance(vote.card_id, str) or vote.card_id not in votable:
            raise IntegrityProblem(f"vote for a missing card in {where}.card_id")
        _time(vote.placed_at, f"{where}.placed_at")
        dots[vote.participant_id] += 1
        if dots[vote.participant_id] > rnd.dots_per_person:
            raise _fail("more dots than allowed", f"{at}.votes")


def _check_felt_heard(d: Dialogue, people: set[str], growth: int) -> None:
    """Answers exist only once the dialogue is finished, at most one per person, each on the 1..5 scale."""
    if not isinstance(d.felt_heard, list):
        raise IntegrityProblem("not a list: felt_heard")
    if d.felt_heard and d.status != Status.FINISHED:
        raise IntegrityProblem("felt_heard before the dialogue finished")
    answered: set[str] = set()
    for i, answer in enumerate(d.felt_heard):
        where = f"felt_heard[{i}]"
        _ids([answer.participant_id], people, "participant", f"{where}.participant_id")
        if answer.participant_id in answered:
            raise _fail("second answer of one person", f"{where}.participant_id")
        answered.add(answer.participant_id)
        _int(answer.score, f"{where}.score", FELT_HEARD_LOWEST, FELT_HEARD_HIGHEST)
        _time(answer.at, f"{where}.at")
        _text(answer.word, f"{where}.word", MAX_FELT_HEARD_WORD_CHARS * growth, empty=True)
        _bool(answer.by_facilitator, f"{where}.by_facilitator")


def _check_state(d: Dialogue) -> None:
    open_rounds = [r for r in d.rounds if r.state == RoundState.OPEN]
    if len(open_rounds) > 1:
        raise IntegrityProblem("more than one open round")
    running = [(r, t) for r in d.rounds for t in r.turns if t.ended_at is None]
    if len(running) > 1:
        raise IntegrityProblem("more than one running turn")
    if running:
        rnd, turn = running[0]
        if rnd.state != RoundState.OPEN or rnd.turns[-1] is not turn:
            raise IntegrityProblem("running turn outside the open round")
    if d.status == Status.FINISHED and any(r.state != RoundState.CLOSED for r in d.rounds):
        raise IntegrityProblem("finished with a round not closed")
    if d.status == Status.PREPARING and any(r.state != RoundState.PENDING for r in d.rounds):
        raise IntegrityProblem("preparing with a round already opened")


def check_dialogue(dialogue: Dialogue, *, anonymous: bool = False) -> None:
    """Raise IntegrityProblem on the first thing in the dialogue the app could not safely use.

    `anonymous=True` for an anonymous export: its free texts may be longer than the typing limits,
    because names in them were replaced by labels.
    """
    growth = ANONYMOUS_GROWTH if anonymous else 1
    _check_header(dialogue, growth)
    people = _check_participants(dialogue)
    round_ids: set[str] = set()
    for i, rnd in enumerate(dialogue.rounds):
        _unique_id(rnd.id, round_ids, "round", f"rounds[{i}].id")
    seen: dict[str, set[str]] = {"turn": set(), "card": set()}
    for i, rnd in enumerate(dialogue.rounds):
        _check_round(rnd, f"rounds[{i}]", people, round_ids, seen, growth)
    cards_of = {rnd.id: {c.id for c in rnd.cards} for rnd in dialogue.rounds}
    for i, rnd in enumerate(dialogue.rounds):
        _check_votes(rnd, f"rounds[{i}]", people, cards_of)
    counted = [int(m.group(1)) for ident in (round_ids | seen["turn"] | seen["card"])
               if (m := _COUNTED_ID.fullmatch(ident))]
    if counted and dialogue.next_id <= max(counted):
        raise IntegrityProblem("next_id not above every id used")
    _check_state(dialogue)
    _check_felt_heard(dialogue, people, growth)
