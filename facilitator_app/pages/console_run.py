"""The console while the dialogue runs: the floor, the order, notes, cards and closing the round."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import ui

from rounds import FACILITATOR as F
from rounds import Card, CardKind, Outcome, RoundState
from rounds.agenda import ranked_agenda
from rounds.talking_piece import open_round

from ..i18n import t
from ..room import Change, Changed, Room
from .common import attempt
from .console_floor import ClosingControls, OrderList
from .console_order import order_planner
from .screen_parts import elapsed_text
from .theme import heading


class RunPanel:
    def __init__(self, room: Room, lang: str, open_next: Callable[[], Awaitable[None]]) -> None:
        self.room, self.lang, self.open_next = room, lang, open_next
        # The parts this panel has drawn; which exist depends on the round (None: not drawn).
        self.timer_label: ui.label | None = None
        self.cards_box: ui.column | None = None
        self.card_list: ui.refreshable | None = None
        self.dots: ui.refreshable | None = None
        self.author: ui.select | None = None
        self.planner: ui.refreshable | None = None
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
                self.order = OrderList(self.room, self.lang, self.act)
                self.closing = ClosingControls(self.room, self.lang, self.act, self._close_anyway)
            with ui.column().classes("gap-3").style("flex: 2; min-width: 300px"):
                self._notes(rnd)
                if rnd.card_kind != CardKind.NONE or rnd.dot_vote:
                    self._cards()

    def update(self, change: Change) -> None:
        if open_round(self.room.dialogue) is None or self.order is None or self.closing is None:
            if change.kind is Changed.PEOPLE and self.planner is not None:
                self.planner.refresh()  # people who join between rounds belong in the next round's order
            return
        if change.kind is Changed.PEOPLE and self.author is not None:
            labels = self.room.labels(self.lang)
            self.author.set_options({p.id: labels[p.id] for p in self.room.dialogue.participants},
                                    value=self.author.value)
        if change.kind in (Changed.FLOOR, Changed.PEOPLE, Changed.ROUND):
            self._sync_floor()
            self.order.sync()
            self.closing.sync()
        elif change.kind is Changed.CARDS and self.card_list is not None:
            if change.card_added and self.cards_box is not None:
                with self.cards_box:
                    self._card_row(change.subject, self.room.labels(self.lang))
            else:
                self.card_list.refresh()
            if self.dots is not None:
                self.dots.refresh()
        elif change.kind is Changed.VOTES and self.dots is not None:
            self.dots.refresh()

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
            self.shown_turn_id: str | None = None
            self.note_part = ui.refreshable(self._turn_note)
            self.note_part()
            ui.button(t(lang, "console.next"), icon="skip_next", on_click=lambda: self.act(
                self.room.next_speaker(F))).props("unelevated size=lg").mark("console-next")
        self._sync_floor()

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
        if (turn.id if turn else None) != self.shown_turn_id:
            self.shown_turn_id = turn.id if turn else None
            self.note_part.refresh()

    def _turn_note(self) -> None:
        rnd = open_round(self.room.dialogue)
        turn = rnd.current_turn if rnd else None
        if turn is None:
            return
        note = ui.textarea(t(self.lang, "console.turn_note"), value=turn.note).props(
            "outlined autogrow maxlength=1000 debounce=700").classes("w-full").mark("turn-note")
        note.on_value_change(lambda e, tid=turn.id: self.act(self.room.set_turn_note(F, tid, e.value or "")))

    def _close_anyway(self) -> None:
        lang = self.lang
        with self.dialog_host, ui.dialog() as dialog, ui.card().classes("w-full").style("max-width: 560px"):
            heading(t(lang, "console.close_anyway_title"), 2)
            ui.label(t(lang, "console.close_anyway_intro"))
            reason = ui.textarea(t(lang, "console.reason")).props("outlined maxlength=500").classes("w-full").mark(
                "override-reason")

            async def confirm() -> None:
                done = await self.act(self.room.close_round(F, reason=reason.value or ""))
                if done is not None:
                    dialog.close()

            with ui.row():
                ui.button(t(lang, "console.close_round"), on_click=confirm).mark("override-confirm")
                ui.button(t(lang, "console.cancel"), on_click=dialog.close).props("flat")
        dialog.open()

    # -- notes and cards ----------------------------------------------------------------------------
    def _notes(self, rnd) -> None:
        notes = ui.textarea(t(self.lang, "console.round_notes"), value=rnd.notes).props(
            "outlined autogrow maxlength=10000 debounce=800").classes("w-full wd-card").mark("round-notes")
        notes.on_value_change(lambda e, rid=rnd.id: self.act(self.room.set_round_notes(F, rid, e.value or "")))

    def _cards(self) -> None:
        lang, dialogue = self.lang, self.room.dialogue
        rnd = open_round(dialogue)
        labels = self.room.labels(lang)
        with ui.column().classes("w-full wd-card gap-2").mark("console-cards"):
            heading(t(lang, "screen.cards"), 3)
            if rnd.card_kind != CardKind.NONE:
                with ui.row().classes("w-full items-end gap-2 no-wrap"):
                    author = self.author = ui.select({p.id: labels[p.id] for p in dialogue.participants},
                                       label=t(lang, "console.card_for")).props("outlined dense").style(
                        "min-width: 10em").mark("card-for")
                    text = ui.input(t(lang, "console.card_text")).props("outlined dense maxlength=500").classes(
                        "col").mark("card-for-text")

                    async def add() -> None:
                        card = await self.act(self.room.add_card(F, author.value or "", text.value or ""))
                        if card is not None:
                            text.set_value("")

                    ui.button(t(lang, "console.add"), on_click=add).mark("card-for-submit")
            self.card_list = ui.refreshable(self._card_list)
            self.card_list()
        if rnd.dot_vote:
            self.dots = ui.refreshable(self._dots)
            self.dots()

    def _card_list(self) -> None:
        rnd = open_round(self.room.dialogue)
        labels = self.room.labels(self.lang)
        self.cards_box = ui.column().classes("w-full gap-1")
        with self.cards_box:
            for card in rnd.cards:
                self._card_row(card, labels)

    def _dots(self) -> None:
        """The vote as it stands, most dots first: the facilitator sees it even when the screen hides it."""
        dialogue, rnd = self.room.dialogue, open_round(self.room.dialogue)
        with ui.column().classes("w-full wd-card gap-1").mark("console-dots"):
            heading(t(self.lang, "screen.dots"), 3)
            for item in ranked_agenda(dialogue, rnd)[:15]:
                with ui.row().classes("w-full no-wrap gap-2 items-start"):
                    ui.label(str(item.dots)).classes("text-weight-bold").style("min-width: 2em")
                    ui.label(item.card.text).classes("wd-text col")

    def _card_row(self, card: Card, labels: dict[str, str]) -> None:
        lang = self.lang
        with ui.row().classes("w-full items-start no-wrap gap-2").style(
                "border-top: 1px solid var(--wd-line); padding-top: 4px" + ("; opacity: 0.55" if card.hidden else "")
        ).mark("console-card"):
            with ui.column().classes("col gap-0"):
                ui.label(card.text).classes("wd-text" + (" text-strike" if card.hidden else ""))
                ui.label(labels.get(card.author_id, "?")).classes("wd-muted text-caption")
            ui.button(t(lang, "console.unhide" if card.hidden else "console.hide"), on_click=lambda c=card: self.act(
                self.room.set_card_hidden(F, c.id, not c.hidden))).props("flat dense no-caps").mark("hide-card")

    # -- between rounds -------------------------------------------------------------------------------
    def _between_rounds(self) -> None:
        lang, dialogue = self.lang, self.room.dialogue
        upcoming = next((r for r in dialogue.rounds if r.state == RoundState.PENDING), None)
        with ui.column().classes("w-full wd-card gap-2").mark("between-rounds"):
            if upcoming is None:
                return
            heading(t(lang, "console.next_round", title=upcoming.title), 2)
            ui.label(upcoming.question).classes("wd-text text-lg")
            ui.button(t(lang, "console.open_round"), icon="play_arrow", on_click=self.open_next).props(
                "unelevated size=lg").mark("open-next-round")
        self.planner = ui.refreshable(lambda: order_planner(self.room, lang, upcoming))
        self.planner()
