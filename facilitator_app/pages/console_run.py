"""The console while the dialogue runs: the floor, the order, notes, cards and closing the round."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import ui

from rounds import FACILITATOR as F
from rounds import CardKind, Outcome, Round, RoundState, Turn
from rounds.model import MAX_ROUND_NOTES_CHARS, MAX_TURN_NOTE_CHARS
from rounds.talking_piece import open_round

from ..i18n import t
from ..room import Change, Changed, Room
from .common import attempt
from .console_cards import CardsPanel
from .console_floor import ClosingControls, OrderList, confirm_remove
from .console_order import OrderPlanner
from .note_field import NoteBox
from .screen_parts import elapsed_text
from .theme import heading


class RunPanel:
    def __init__(self, room: Room, lang: str, open_next: Callable[[], Awaitable[None]]) -> None:
        self.room, self.lang, self.open_next = room, lang, open_next
        # The parts this panel has drawn; which exist depends on the round (None: not drawn).
        self.timer_label: ui.label | None = None
        self.turn_note: NoteBox | None = None
        self.noted_turn: str | None = None  # the turn the note box writes to
        self.cards: CardsPanel | None = None
        self.planner: OrderPlanner | None = None
        self.order: OrderList | None = None
        self.closing: ClosingControls | None = None

    def act(self, command):
        """Await one room command; a refusal is shown in plain words."""
        return attempt(self.lang, command)

    def build(self) -> None:
        # Dialogs live here, outside the parts that redraw, so a change elsewhere never closes one.
        self.dialog_host = ui.element("div")
        rnd = open_round(self.room.dialogue)
        if rnd is None:
            self._between_rounds()
            return
        index = self.room.dialogue.rounds.index(rnd) + 1
        total = len(self.room.dialogue.rounds)
        with ui.column().classes("w-full wd-card gap-1"):
            ui.label(f"{t(self.lang, 'screen.round_of', n=index, total=total)} \u00b7 {rnd.title}").classes("wd-muted")
            heading(rnd.question, 2).mark("console-question")
        with ui.row().classes("w-full gap-4 items-start"):
            with ui.column().classes("gap-3").style("flex: 3; min-width: 320px"):
                self._floor()
                self.order = OrderList(self.room, self.lang, self.act,
                                       lambda pid: confirm_remove(self.dialog_host, self.room, self.lang, pid))
                self.closing = ClosingControls(self.room, self.lang, self.act, self._close_anyway)
            with ui.column().classes("gap-3").style("flex: 2; min-width: 300px"):
                self._round_notes(rnd, index, "round-notes")
                if rnd.card_kind != CardKind.NONE or rnd.dot_vote:
                    self.cards = CardsPanel(self.room, self.lang, self.act, rnd)

    def update(self, change: Change) -> None:
        if open_round(self.room.dialogue) is None or self.order is None or self.closing is None:
            if change.kind is Changed.PEOPLE and self.planner is not None:
                self.planner.refresh()  # people who join between rounds belong in the next round's order
            return
        if change.kind in (Changed.FLOOR, Changed.PEOPLE, Changed.ROUND):
            self._sync_floor()
            self.order.sync()
            self.closing.sync()
        if self.cards is not None:
            self.cards.update(change)

    def tick(self) -> None:
        rnd = open_round(self.room.dialogue)
        if self.timer_label is not None and not self.timer_label.is_deleted and rnd is not None \
                and rnd.current_turn is not None:
            text, over = elapsed_text(rnd, self.room.clock())
            self.timer_label.set_text(text)
            self.timer_label.classes(add="wd-warm" if over else "", remove="" if over else "wd-warm")

    # -- the floor -------------------------------------------------------------------------------
    def _floor(self) -> None:
        """Built once per round: the buttons stay put under the facilitator's finger; texts change."""
        lang = self.lang
        with ui.column().classes("w-full wd-card gap-2").mark("console-floor"):
            self.floor_title = ui.label().classes("wd-muted")
            with ui.row().classes("items-center gap-3"):
                self.speaker_label = ui.label().classes("text-h5 wd-text").mark("console-speaker")
                self.timer_label = ui.label().classes("wd-chip text-h6")
            with ui.row().classes("gap-2") as self.turn_buttons:
                ui.button(t(lang, "console.spoke"), on_click=lambda: self.act(
                    self.room.end_turn(F, Outcome.SPOKE))).mark("console-spoke")
                ui.button(t(lang, "console.passed"), on_click=lambda: self.act(
                    self.room.end_turn(F, Outcome.PASSED))).props("outline").mark("console-passed")
            self.turn_note = NoteBox("", "", self._save_turn_note, max_chars=MAX_TURN_NOTE_CHARS)
            self.turn_note.classes("w-full").mark("turn-note")
            ui.button(t(lang, "console.next"), icon="skip_next", on_click=lambda: self.act(
                self.room.next_speaker(F))).props("unelevated size=lg").mark("console-next")
        self._sync_floor()

    def _noted(self, rnd: Round) -> Turn | None:
        """The turn the note box is for: the one running, else the one that just ended."""
        return rnd.current_turn or (rnd.turns[-1] if rnd.turns else None)

    def _sync_floor(self) -> None:
        lang, rnd = self.lang, open_round(self.room.dialogue)
        turn = rnd.current_turn
        self.floor_title.set_text(t(lang, "screen.open_conversation") if rnd.open_conversation else
                                  t(lang, "screen.now_speaking"))
        labels = self.room.labels(lang)
        self.speaker_label.set_text(labels.get(turn.participant_id, "?") if turn else t(lang, "console.nobody"))
        self.timer_label.set_visibility(turn is not None)
        self.turn_buttons.set_visibility(turn is not None)
        self.tick()
        noted = self._noted(rnd)
        if self.turn_note is not None and (noted.id if noted else None) != self.noted_turn:
            # Point the box at the new turn; what was typed for the last one is saved to that one.
            self.noted_turn = noted.id if noted else None
            label = t(lang, "console.note_for", name=labels.get(noted.participant_id, "?")) if noted else ""
            self.turn_note.show(label, noted.note if noted else "", self._save_turn_note_for(self.noted_turn))
        if self.turn_note is not None:
            self.turn_note.set_visibility(noted is not None)

    def _save_turn_note_for(self, turn_id: str | None):
        async def save(text: str) -> None:
            if turn_id is not None:
                await self.act(self.room.set_turn_note(F, turn_id, text))
        return save

    async def _save_turn_note(self, text: str) -> None:
        await self._save_turn_note_for(self.noted_turn)(text)

    def _close_anyway(self) -> None:
        lang = self.lang
        with self.dialog_host, ui.dialog() as dialog, ui.card().classes("w-full").style("max-width: 560px"):
            heading(t(lang, "console.close_anyway_title"), 2)
            ui.label(t(lang, "console.close_anyway_intro"))
            # stack-label: the label stays above the box, so it never sits on top of the reason typed in it.
            reason = ui.textarea(t(lang, "console.reason")).props("outlined stack-label maxlength=500").classes(
                "w-full").mark("override-reason")

            async def confirm() -> None:
                done = await self.act(self.room.close_round(F, reason=reason.value or ""))
                if done is not None:
                    dialog.close()

            with ui.row():
                ui.button(t(lang, "console.close_round"), on_click=confirm).mark("override-confirm")
                ui.button(t(lang, "console.cancel"), on_click=dialog.close).props("flat")
        dialog.open()

    # -- notes ----------------------------------------------------------------------------------------
    def _round_notes(self, rnd: Round, number: int, marker: str) -> None:
        async def save(text: str, rid: str = rnd.id) -> None:
            await self.act(self.room.set_round_notes(F, rid, text))

        label = t(self.lang, "console.notes_for_round", n=number, title=rnd.title)
        NoteBox(label, rnd.notes, save, max_chars=MAX_ROUND_NOTES_CHARS).classes("w-full wd-card").mark(marker)

    # -- between rounds -------------------------------------------------------------------------------
    def _between_rounds(self) -> None:
        lang, dialogue = self.lang, self.room.dialogue
        closed = [r for r in dialogue.rounds if r.state == RoundState.CLOSED]
        upcoming = next((r for r in dialogue.rounds if r.state == RoundState.PENDING), None)
        if closed:  # the round just closed can still be written up
            self._round_notes(closed[-1], dialogue.rounds.index(closed[-1]) + 1, "closed-round-notes")
        with ui.column().classes("w-full wd-card gap-2").mark("between-rounds"):
            if upcoming is None:
                return
            heading(t(lang, "console.next_round", title=upcoming.title), 2)
            ui.label(upcoming.question).classes("wd-text text-lg")
            ui.button(t(lang, "console.open_round"), icon="play_arrow", on_click=self.open_next).props(
                "unelevated size=lg").mark("open-next-round")
        # Changes in place (a join adds one row), not redrawn whole per join: that was 42 % of a join's CPU.
        self.planner = OrderPlanner(self.room, lang, upcoming)
