"""Pieces of the projector screen that need no page state."""

from __future__ import annotations

from nicegui import ui

from rounds import Card, CardKind, Dialogue, Round

from ..i18n import t
from ..network import qr_svg


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


def join_block(lang: str, url: str, code: str, size: str) -> None:
    """Big on the welcome screen: the QR code, the address and the code, to read from the back of the room."""
    with ui.column().classes("items-center gap-1").mark("screen-join"):
        ui.label(t(lang, "screen.join_here")).classes("s-text text-weight-bold")
        ui.html(qr_svg(url), sanitize=False).classes("s-qr").style(
            f"width: {size}; height: {size}; background: #fff").mark("screen-qr")
        ui.label(f"{t(lang, 'screen.or_type')} {url}").classes("s-url text-center").mark("screen-url")
        ui.label(code).classes("s-code").mark("screen-code")


def join_corner(lang: str, url: str, code: str) -> None:
    """Small and quiet in a corner all evening, for whoever comes in late: QR, address and code."""
    with ui.row().classes("items-center no-wrap gap-3 s-corner").mark("screen-join-corner"):
        with ui.column().classes("gap-0 items-end"):
            ui.label(t(lang, "screen.join_corner")).classes("wd-muted")
            ui.label(url).classes("s-corner-url").mark("screen-corner-url")
            ui.label(code).classes("s-corner-code")
        ui.html(qr_svg(url), sanitize=False).classes("s-qr").style(
            "width: 15vh; height: 15vh; background: #fff").mark("screen-corner-qr")
