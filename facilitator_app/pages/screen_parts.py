"""Pieces of the projector screen that need no page state."""

from __future__ import annotations

from nicegui import ui

from rounds import Card, CardKind, Dialogue, Round


def elapsed_text(rnd: Round, now: float) -> tuple[str, bool]:
    """"1:23" (or "1:23 / 2:00"), and whether the turn has gone past its speaking time."""
    turn = rnd.current_turn
    if turn is None:
        return "", False
    seconds = max(int(now - turn.started_at), 0)
    text = f"{seconds // 60}:{seconds % 60:02d}"
    limit = rnd.speaking_seconds
    if limit:
        text += f" / {limit // 60}:{limit % 60:02d}"
    return text, bool(limit) and seconds > limit


def pledge_count(dialogue: Dialogue) -> int:
    authors = {c.author_id for r in dialogue.rounds for c in r.cards if c.kind == CardKind.PLEDGE and not c.hidden}
    return len(authors)


def card_tile(card: Card, kind: str) -> ui.element:
    with ui.column().classes("w-full gap-0 s-card").mark("screen-card") as tile:
        ui.label(kind).classes("wd-muted").style("font-size: 1.8vh")
        ui.label(card.text).classes("wd-text")
    return tile
