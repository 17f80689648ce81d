"""The speaking order and the closing controls, updated in place.

Rows and buttons are made once and then only change text, colour and state, so a tap never lands on
a button that is being redrawn, and a change costs one small update instead of a new list.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from nicegui import background_tasks, ui

from rounds import FACILITATOR as F
from rounds.talking_piece import floor_refusal, open_round

from ..i18n import names_list, refusal, role_label, state_label, t
from ..room import Room
from .common import attempt
from .theme import aria_label, heading

CHIP = {"speaking": "wd-chip-speaking", "asked_again": "wd-chip-speaking", "spoke": "wd-chip-done",
        "passed_final": "wd-chip-done", "passed": "wd-chip-passed", "left": "wd-chip-left"}
ALL_CHIPS = " ".join(set(CHIP.values()))


class OrderRow:
    """One person in the open round's order: nine elements, made once, then only texts and states change.

    With 200 people a round's opening made 200 rows of fourteen elements (a menu, tooltips, a spacer and
    a hidden warning each): 57 % of the server's work while every phone waited for the new round
    (py-spy, issue 10). Hover texts are now plain `title`s, "without a phone" is part of the role text,
    taking someone out is one button with the confirmation dialog, and the warning is made when needed.
    """

    def __init__(self, panel: OrderList, pid: str) -> None:
        self.panel, self.pid = panel, pid
        lang = panel.lang
        self.refused: ui.label | None = None  # "why not", made on the first refused tap
        self.shown: tuple | None = None  # what the row shows now; an unchanged row sends nothing
        with ui.column().classes("w-full gap-0").mark(f"order-{pid}") as self.element:
            with ui.row().classes("w-full items-center no-wrap gap-2"):
                self.name = ui.label().classes("wd-text text-weight-medium").style("min-width: 8em")
                self.role = ui.label().classes("wd-muted")
                self.state = ui.label().classes("wd-chip").style("white-space: nowrap").mark("order-state")
                self.give = ui.button(t(lang, "console.give_floor"), on_click=self.give_floor).props(
                    "flat dense no-caps no-wrap").classes("q-ml-auto")
                self.presence = ui.button(on_click=self.toggle_presence).props("flat dense no-caps no-wrap")
                self.remove = ui.button(icon="person_remove", on_click=lambda: panel.confirm_remove(self.pid)).props(
                    "flat dense round").mark("remove-person")

    def sync(self, labels: dict[str, str], people: dict, summary) -> None:
        dialogue, lang = self.panel.room.dialogue, self.panel.lang
        person = people[self.pid]
        state = summary.states.get(self.pid, "waiting")
        reason = floor_refusal(dialogue, open_round(dialogue), self.pid, summary)
        why = refusal(lang, reason) if reason is not None else None
        if self.refused is not None:
            self.refused.set_visibility(False)  # whatever was refused, the room has moved on
        shown = (labels[self.pid], person.role, person.has_phone, person.present, state, why)
        if shown == self.shown:
            return  # a change elsewhere in the room: nothing of this row to send (200 rows per tap otherwise)
        self.shown = shown
        name = labels[self.pid]
        self.name.set_text(name)
        role = role_label(lang, person.role)
        self.role.set_text(role if person.has_phone else f"{role} \u00b7 {t(lang, 'console.no_phone')}")
        aria_label(self.give, t(lang, "console.give_floor_to", name=name))
        aria_label(self.remove, f"{t(lang, 'console.remove_person')}: {name}")
        self.state.set_text(state_label(lang, state))
        self.state.classes(remove=ALL_CHIPS, add=CHIP.get(state, ""))
        # Looks disabled but stays tappable: a tap shows why (tablets have no hover).
        self.give.props(remove="color aria-disabled") if why is None else self.give.props(
            "color=grey-7 aria-disabled=true")
        self.give.mark("give-floor" if why is None else "give-floor-disabled")
        self.give.props["title"] = why or t(lang, "console.give_floor")
        self.presence.set_text(t(lang, "console.mark_left" if person.present else "console.mark_back"))
        aria_label(self.presence, t(lang, "console.mark_left_for" if person.present else "console.mark_back_for",
                                    name=name))

    async def give_floor(self) -> None:
        rnd = open_round(self.panel.room.dialogue)
        reason = floor_refusal(self.panel.room.dialogue, rnd, self.pid) if rnd else None
        if reason is not None:
            if self.refused is None:
                # A refused "give the floor" says why right here, where the facilitator is looking.
                with self.element:
                    self.refused = ui.label().classes("wd-warm text-body2 q-px-sm").mark("floor-refused")
            self.refused.set_text(refusal(self.panel.lang, reason))
            self.refused.set_visibility(True)
            return
        await self.panel.act(self.panel.room.give_floor(F, self.pid))

    async def toggle_presence(self) -> None:
        room = self.panel.room
        person = room.person(self.pid)
        if person is not None and person.present:
            await self.panel.act(room.mark_left(F, self.pid))
        else:
            await self.panel.act(room.mark_back(F, self.pid))


FIRST_ROWS = 12  # drawn with the change: the top of the order, what the facilitator looks at first
FILL_DELAY = 0.3  # seconds: the phones get the new round first; the facilitator sees the top rows at once
STEP_PAUSE = 0.05  # seconds between steps; with none, a card sent meanwhile waited for every step (470 ms)
ROWS_PER_STEP = 20  # then the rest, a few rows at a time, after the phones have been sent the new round
QUIET_WAIT = 1.0  # seconds a step waits for a moment without commands: the phones' cards and taps go first


class OrderList:
    """The open round's order. A new round with 200 people is drawn in steps: the first rows at once, the
    others once the phones have their update, so the room does not wait for the console (issue 10)."""

    def __init__(self, room: Room, lang: str, act: Callable, confirm_remove: Callable[[str], None]) -> None:
        self.room, self.lang, self.act, self.confirm_remove = room, lang, act, confirm_remove
        self.rows: dict[str, OrderRow] = {}
        self.filling = False
        with ui.column().classes("w-full wd-card gap-1").mark("console-order"):
            heading(t(lang, "console.order"), 3)
            self.box = ui.column().classes("w-full gap-1")
        self.sync()

    def sync(self) -> None:
        rnd = open_round(self.room.dialogue)
        if rnd is None or self.box.is_deleted:
            return
        for pid in [pid for pid in self.rows if pid not in rnd.order]:  # taken out of the dialogue
            self.rows.pop(pid).element.delete()
        missing = [pid for pid in rnd.order if pid not in self.rows]
        self._add(missing[:FIRST_ROWS])
        self._sync_rows(rnd, self.rows.values())
        if len(missing) > FIRST_ROWS and not self.filling:
            self.filling = True
            background_tasks.create(self._fill(), name="order rows")

    def _add(self, pids: list[str]) -> list[OrderRow]:
        with self.box:
            made = [OrderRow(self, pid) for pid in pids]
        self.rows.update((row.pid, row) for row in made)
        return made

    def _sync_rows(self, rnd, rows) -> None:
        labels, summary = self.room.labels(self.lang), self.room.summary()
        people = {p.id: p for p in self.room.dialogue.participants}
        for row in rows:
            row.sync(labels, people, summary)
        # Rows stand in the round's order (someone who came back moves to the end); rows still to be made
        # come later in that order, so the ones there keep their places among themselves.
        children = self.box.default_slot.children
        drawn = [pid for pid in rnd.order if pid in self.rows]
        for index, pid in enumerate(drawn):
            element = self.rows[pid].element
            if index >= len(children) or children[index] is not element:
                element.move(self.box, target_index=index)

    async def _fill(self) -> None:
        try:
            await asyncio.sleep(FILL_DELAY)
            while not self.box.is_deleted:
                # Rows wait for a moment without commands. Drawn while everyone sent a card just after a round
                # opened, 250 rows made the slowest 5 % of 500 cards wait 0.2-0.4 s for the projector.
                await self.room.until_quiet(QUIET_WAIT)
                if self.box.is_deleted:
                    return
                rnd = open_round(self.room.dialogue)
                missing = [pid for pid in rnd.order if pid not in self.rows] if rnd is not None else []
                if not missing:
                    return
                self._sync_rows(rnd, self._add(missing[:ROWS_PER_STEP]))
                await asyncio.sleep(STEP_PAUSE)  # a card or a tap passes several awaits: let it through
        finally:
            self.filling = False


class ClosingControls:
    def __init__(self, room: Room, lang: str, act: Callable, close_anyway: Callable) -> None:
        self.room, self.lang, self.act = room, lang, act
        with ui.column().classes("w-full wd-card gap-2").mark("console-closing"):
            self.status = ui.label().classes("wd-text").mark("still-waiting")
            self.close_hint = ui.label(t(lang, "console.close_needs_everyone")).classes("wd-muted").mark(
                "close-hint")
            with ui.row().classes("gap-2"):
                self.close = ui.button(t(lang, "console.close_round"), icon="check", on_click=lambda: self.act(
                    self.room.close_round(F))).mark("close-round")
                self.anyway = ui.button(t(lang, "console.close_anyway"), on_click=close_anyway).props(
                    "outline").mark("close-anyway")
                self.conversation = ui.button(t(lang, "console.open_conversation"), on_click=lambda: self.act(
                    self.room.open_conversation(F))).props("outline").mark("open-conversation")
        self.sync()

    def sync(self) -> None:
        dialogue, lang = self.room.dialogue, self.lang
        rnd = open_round(dialogue)
        if rnd is None:
            return
        pending = self.room.summary().not_heard
        labels = self.room.labels(lang)
        if pending:
            self.status.set_text(t(lang, "console.still_waiting", names=names_list(lang, [labels[p] for p in pending])))
            self.status.classes(remove="text-positive text-weight-medium")
        else:
            self.status.set_text(t(lang, "console.everyone_heard"))
            self.status.classes(add="text-positive text-weight-medium")
        self.close.set_enabled(not pending)
        self.close.props("outline color=grey-8" if pending else "unelevated color=primary")
        self.close_hint.set_visibility(bool(pending))
        self.anyway.set_visibility(bool(pending))
        self.conversation.set_visibility(not pending and not rnd.open_conversation)


def confirm_remove(host: ui.element, room: Room, lang: str, person_id: str) -> None:
    """Ask before taking someone out: it cannot be undone, and their cards and dots go with them."""
    name = room.labels(lang).get(person_id, "?")
    with host, ui.dialog() as dialog, ui.card().classes("w-full").style("max-width: 560px"):
        heading(t(lang, "console.remove_title", name=name), 2)
        ui.label(t(lang, "console.remove_intro", name=name)).classes("wd-text")

        async def confirm() -> None:
            if await attempt(lang, room.remove_person(F, person_id)) is not None:
                dialog.close()

        with ui.row():
            ui.button(t(lang, "console.remove_confirm"), on_click=confirm).props("color=negative").mark(
                "remove-confirm")
            ui.button(t(lang, "console.cancel"), on_click=dialog.close).props("flat")
    dialog.open()
