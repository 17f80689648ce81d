"""The console before the start: edit the rounds, see who joined, plan the first round's order."""

from __future__ import annotations

from nicegui import ui

from rounds import FACILITATOR as F
from rounds import CardKind, Participant, Round, RoundState

from ..i18n import kind_label, role_label, t
from ..room import Change, Changed, Room
from .common import Coalesced, attempt
from .console_floor import confirm_remove
from .console_order import OrderPlanner
from .theme import aria_label, heading


class PersonRow:
    """Someone who joined: drawn once, then only the name and role change (a join adds one row, no more)."""

    def __init__(self, panel: PreparePanel, pid: str) -> None:
        lang = panel.lang
        with ui.row().classes("items-center gap-2") as self.element:
            self.name = ui.label().classes("wd-text text-weight-medium")
            self.role = ui.label().classes("wd-muted")
            self.no_phone = ui.icon("phone_disabled").classes("wd-muted")
            self.no_phone.tooltip(t(lang, "console.no_phone"))
            self.remove = ui.button(icon="person_remove", on_click=lambda: confirm_remove(
                panel.dialog_host, panel.room, lang, pid)).props("flat dense round").mark("remove-person")

    def show(self, lang: str, name: str, person: Participant) -> None:
        self.name.set_text(name)
        self.role.set_text(role_label(lang, person.role))
        self.no_phone.set_visibility(not person.has_phone)
        aria_label(self.remove, f"{t(lang, 'console.remove_person')}: {name}")


class PreparePanel:
    def __init__(self, room: Room, lang: str) -> None:
        self.room, self.lang = room, lang
        self.person_rows: dict[str, PersonRow] = {}
        self.planner: OrderPlanner | None = None
        self._later = Coalesced(self._sync_people)

    def act(self, command):
        return attempt(self.lang, command)

    def build(self) -> None:
        self.dialog_host = ui.element("div")  # outside the parts that redraw
        with ui.row().classes("w-full gap-4 items-start"):
            with ui.column().classes("gap-3").style("flex: 3; min-width: 340px"):
                heading(t(self.lang, "console.rounds"), 2)
                for index, rnd in enumerate(self.room.dialogue.rounds):
                    self._round_editor(index, rnd)
                self._new_round()
            with ui.column().classes("gap-3").style("flex: 2; min-width: 300px"):
                self._people()
                first = next((r for r in self.room.dialogue.rounds if r.state == RoundState.PENDING), None)
                if first is not None:
                    self.planner = OrderPlanner(self.room, self.lang, first)

    def update(self, change: Change) -> None:
        if change.kind in (Changed.PEOPLE, Changed.REMOVED):
            self._later()  # a burst of joins at the door is shown a few times a second
            if self.planner is not None:
                self.planner.refresh()

    def _people(self) -> None:
        with ui.column().classes("w-full wd-card gap-1").mark("console-people"):
            self.people_title = heading("", 3)
            self.nobody = ui.label(t(self.lang, "console.nobody_joined")).classes("wd-muted")
            self.people_box = ui.column().classes("w-full gap-1")
        self._sync_people()

    def _sync_people(self) -> None:
        lang, dialogue = self.lang, self.room.dialogue
        if self.people_box.is_deleted:  # the console has moved on; its body draws anew
            return
        labels = self.room.labels(lang)
        self.people_title.set_text(t(lang, "screen.joined", count=len(dialogue.participants)))
        self.nobody.set_visibility(not dialogue.participants)
        ids = {p.id for p in dialogue.participants}
        for pid in [pid for pid in self.person_rows if pid not in ids]:
            self.person_rows.pop(pid).element.delete()
        for person in dialogue.participants:  # people are only ever added at the end
            row = self.person_rows.get(person.id)
            if row is None:
                with self.people_box:
                    row = self.person_rows[person.id] = PersonRow(self, person.id)
            row.show(lang, labels[person.id], person)

    def _round_editor(self, index: int, rnd: Round) -> None:
        lang = self.lang
        total = len(self.room.dialogue.rounds)
        with ui.expansion(f"{index + 1}. {rnd.title}", caption=kind_label(lang, rnd.card_kind)).classes(
                "w-full wd-card").mark("round-editor"):
            title = ui.input(t(lang, "console.round_title"), value=rnd.title).props("outlined maxlength=120").classes(
                "w-full")
            question = ui.textarea(t(lang, "console.round_question"), value=rnd.question).props(
                "outlined autogrow maxlength=500").classes("w-full").mark("round-question")
            with ui.row().classes("w-full items-center gap-4"):
                kinds = {k.value: kind_label(lang, k.value) for k in CardKind}
                kind = ui.select(kinds, value=rnd.card_kind.value, label=t(lang, "console.card_kind")).props(
                    "outlined").style("min-width: 12em")
                timed = ui.checkbox(t(lang, "console.timed"), value=rnd.speaking_seconds is not None)
                seconds = ui.number(t(lang, "console.seconds"), value=rnd.speaking_seconds or 120, min=10, max=3600,
                                    step=10).props("outlined").style("width: 9em")
                seconds.bind_visibility_from(timed, "value")
            with ui.row().classes("w-full items-center gap-4"):
                vote = ui.checkbox(t(lang, "console.dot_vote"), value=rnd.dot_vote)
                dots = ui.number(t(lang, "console.dots"), value=rnd.dots_per_person, min=1, max=20).props(
                    "outlined").style("width: 9em")
                live = ui.checkbox(t(lang, "console.dots_live"), value=rnd.show_dots_live)
                dots.bind_visibility_from(vote, "value")
                live.bind_visibility_from(vote, "value")
            others = {r.id: r.title for r in self.room.dialogue.rounds}
            targets = ui.select(others, value=list(rnd.vote_on_rounds), multiple=True,
                                label=t(lang, "console.vote_on")).props("outlined use-chips").classes("w-full")
            targets.bind_visibility_from(vote, "value")

            async def save() -> None:
                if await self.act(self.room.update_round(
                        F, rnd.id, title=title.value or "", question=question.value or "", card_kind=kind.value,
                        speaking_seconds=int(seconds.value or 0) if timed.value else None, dot_vote=vote.value,
                        dots_per_person=int(dots.value or 0), vote_on_rounds=list(targets.value or []),
                        show_dots_live=live.value)) is not None:
                    ui.notify(t(lang, "console.saved"), type="positive")

            with ui.row().classes("gap-2"):
                ui.button(t(lang, "phone.card_save"), on_click=save).mark("round-save")
                ui.button(icon="arrow_upward", on_click=lambda: self.act(
                    self.room.move_round(F, rnd.id, index - 1))).props(
                    f'flat aria-label="{t(lang, "console.up")}"').set_enabled(index > 0)
                ui.button(icon="arrow_downward", on_click=lambda: self.act(
                    self.room.move_round(F, rnd.id, index + 1))).props(
                    f'flat aria-label="{t(lang, "console.down")}"').set_enabled(index < total - 1)
                ui.button(t(lang, "console.remove_round"), icon="delete", on_click=lambda: self.act(
                    self.room.remove_round(F, rnd.id))).props("flat color=grey-8")

    def _new_round(self) -> None:
        lang = self.lang
        with ui.expansion(t(lang, "console.add_round"), icon="add").classes("w-full wd-card").mark("add-round"):
            title = ui.input(t(lang, "console.round_title")).props("outlined maxlength=120").classes("w-full")
            question = ui.textarea(t(lang, "console.round_question")).props("outlined autogrow maxlength=500").classes(
                "w-full")
            ui.button(t(lang, "console.add"), on_click=lambda: self.act(
                self.room.add_round(F, title.value or "", question.value or "")))
