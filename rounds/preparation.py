"""Creating a dialogue and shaping its rounds while it is being prepared."""

from __future__ import annotations

import random
import secrets

from . import errors as e
from .current import round_by_id
from .errors import DomainError
from .model import (
    MAX_QUESTION_CHARS,
    MAX_TITLE_CHARS,
    CardKind,
    Dialogue,
    Round,
    RoundState,
    Status,
)
from .people import require_facilitator
from .templates import LANGUAGES, NEIGHBOURHOOD, TEMPLATES, THEMES, TemplateTexts, theme_key
from .text import clean_name, clean_text

# No look-alikes: 0/O, 1/I/L are left out so a code read off the wall is typed right.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 5


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(raw: str) -> str:
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


def new_facilitator_key() -> str:
    return secrets.token_urlsafe(18)


def new_dialogue(
    *,
    slug: str,
    title: str,
    theme: str,
    now: float,
    join_code: str | None = None,
    place: str = "",
    date: str = "",
    language: str = "nl",
    template: str = "wijkdialoog",
    facilitator_name: str = "",
    texts: TemplateTexts,
) -> Dialogue:
    """A new dialogue in preparation, with the template's rounds worded by `texts` (language, key) -> text,
    for example `exports.strings.template_text`: the words live in the catalogs, not in this domain."""
    if language not in LANGUAGES:
        raise DomainError(e.INVALID_VALUE, field="language")
    if template not in TEMPLATES:
        raise DomainError(e.INVALID_VALUE, field="template")
    dialogue = Dialogue(
        slug=slug,
        title=clean_name(title, MAX_TITLE_CHARS),
        theme=clean_text(theme, 200, allow_empty=True),
        join_code=join_code or new_join_code(),
        facilitator_key=new_facilitator_key(),
        created_at=now,
        place=clean_text(place, 200, allow_empty=True),
        date=clean_text(date, 40, allow_empty=True),
        language=language,
        facilitator_name=clean_text(facilitator_name, 80, allow_empty=True),
    )
    theme = dialogue.theme
    label = (texts(language, theme_key(theme)) if theme in THEMES else theme) or texts(language, NEIGHBOURHOOD)
    ids: dict[str, str] = {}
    for tpl in TEMPLATES[template]:
        rnd = _append_round(dialogue, texts(language, tpl.title_key),
                            texts(language, tpl.question_key).format(theme=label))
        rnd.card_kind = tpl.card_kind
        ids[tpl.key] = rnd.id
        if tpl.dot_vote:
            rnd.dot_vote = True
            rnd.vote_on_rounds = [ids[k] for k in ("dromen", "wijkagenda") if k in ids]
    return dialogue


def _append_round(dialogue: Dialogue, title: str, question: str) -> Round:
    rnd = Round(id=f"r{dialogue.next_id}", title=title, question=question)
    dialogue.next_id += 1
    dialogue.rounds.append(rnd)
    return rnd


def _require_preparing(dialogue: Dialogue, actor: str) -> None:
    require_facilitator(actor)
    if dialogue.status != Status.PREPARING:
        raise DomainError(e.DIALOGUE_NOT_PREPARING)


def add_round(dialogue: Dialogue, actor: str, title: str, question: str) -> Round:
    _require_preparing(dialogue, actor)
    return _append_round(
        dialogue, clean_name(title, MAX_TITLE_CHARS), clean_text(question, MAX_QUESTION_CHARS)
    )


def remove_round(dialogue: Dialogue, actor: str, round_id: str) -> Round:
    _require_preparing(dialogue, actor)
    rnd = round_by_id(dialogue, round_id)
    dialogue.rounds.remove(rnd)
    for other in dialogue.rounds:
        other.vote_on_rounds = [rid for rid in other.vote_on_rounds if rid != round_id]
    return rnd


def move_round(dialogue: Dialogue, actor: str, round_id: str, new_index: int) -> Round:
    _require_preparing(dialogue, actor)
    rnd = round_by_id(dialogue, round_id)
    if not 0 <= new_index < len(dialogue.rounds):
        raise DomainError(e.INVALID_VALUE, field="index")
    dialogue.rounds.remove(rnd)
    dialogue.rounds.insert(new_index, rnd)
    return rnd


def update_round(
    dialogue: Dialogue,
    actor: str,
    round_id: str,
    *,
    title: str | None = None,
    question: str | None = None,
    card_kind: str | CardKind | None = None,
    speaking_seconds: int | None | str = "keep",
    dot_vote: bool | None = None,
    dots_per_person: int | None = None,
    vote_on_rounds: list[str] | None = None,
    show_dots_live: bool | None = None,
) -> Round:
    """Change a round before the dialogue starts. Checks everything first, then changes it all."""
    _require_preparing(dialogue, actor)
    rnd = round_by_id(dialogue, round_id)
    new_title = clean_name(title, MAX_TITLE_CHARS) if title is not None else rnd.title
    new_question = clean_text(question, MAX_QUESTION_CHARS) if question is not None else rnd.question
    try:
        new_kind = CardKind(card_kind) if card_kind is not None else rnd.card_kind
    except ValueError:
        raise DomainError(e.INVALID_VALUE, field="card_kind") from None
    new_seconds = rnd.speaking_seconds if speaking_seconds == "keep" else speaking_seconds
    if new_seconds is not None and (not isinstance(new_seconds, int) or not 10 <= new_seconds <= 3600):
        raise DomainError(e.INVALID_VALUE, field="speaking_seconds")
    new_dots = rnd.dots_per_person if dots_per_person is None else dots_per_person
    if not isinstance(new_dots, int) or not 1 <= new_dots <= 20:
        raise DomainError(e.INVALID_VALUE, field="dots_per_person")
    known = {r.id for r in dialogue.rounds}
    if vote_on_rounds is not None and not set(vote_on_rounds) <= known:
        raise DomainError(e.UNKNOWN_ROUND)
    rnd.title, rnd.question, rnd.card_kind = new_title, new_question, new_kind
    rnd.speaking_seconds, rnd.dots_per_person = new_seconds, new_dots
    if dot_vote is not None:
        rnd.dot_vote = bool(dot_vote)
    if vote_on_rounds is not None:
        rnd.vote_on_rounds = list(vote_on_rounds)
    if show_dots_live is not None:
        rnd.show_dots_live = bool(show_dots_live)
    return rnd


def set_seating(dialogue: Dialogue, actor: str, participant_ids: list[str]) -> None:
    """The facilitator's seating order: the base that each round's order turns one seat from."""
    require_facilitator(actor)
    by_id = {p.id: p for p in dialogue.participants}
    if sorted(participant_ids) != sorted(by_id):
        raise DomainError(e.INVALID_VALUE, field="seating")
    dialogue.participants = [by_id[pid] for pid in participant_ids]


def plan_round_order(dialogue: Dialogue, actor: str, round_id: str, participant_ids: list[str] | None) -> Round:
    """Set (or clear, with None) the order of a round that has not opened yet."""
    require_facilitator(actor)
    rnd = round_by_id(dialogue, round_id)
    if rnd.state != RoundState.PENDING:
        raise DomainError(e.ROUND_NOT_PENDING)
    known = {p.id for p in dialogue.participants}
    if participant_ids is not None and not set(participant_ids) <= known:
        raise DomainError(e.UNKNOWN_PARTICIPANT)
    rnd.planned_order = list(dict.fromkeys(participant_ids)) if participant_ids is not None else None
    return rnd


def shuffle_round_order(dialogue: Dialogue, actor: str, round_id: str, rng: random.Random) -> Round:
    order = [p.id for p in dialogue.participants if p.present]
    rng.shuffle(order)
    return plan_round_order(dialogue, actor, round_id, order)

