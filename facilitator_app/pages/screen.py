"""Projector `/d/{slug}/screen`: read-only, large, readable from the back of the room, never scrolls."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nicegui import ui

from rounds import Card, Status
from rounds.agenda import ranked_agenda
from rounds.talking_piece import open_round

from ..i18n import ground_rules, kind_label, role_label, t, theme_label
from ..room import Change, Changed, DialogueDamaged, Room
from .damaged import damaged_page
from .screen_access import may_see_screen
from .screen_parts import card_tile, elapsed_text, join_block, join_corner, pledge_count
from .screen_style import SCREEN_CSS
from .theme import frame, heading, page_language

if TYPE_CHECKING:
    from ..app import AppState

# Before the start, "Anna · Bewoner" chips at 28 px fit under the ground rules at 1280x720 for 11 people with
# long names (tests/browser/test_projector_sizes.py checks 10); beyond that, names only.
ROLES_ON_THE_WALL_UP_TO = 10


def register(state: AppState) -> None:
    @ui.page("/d/{slug}/screen")
    def screen(slug: str, s: str | None = None) -> None:
        if not may_see_screen(state, slug, s):  # nothing of the dialogue, not even whether it exists
            with frame(t(state.settings.lang, "app_name"), state.settings.lang):
                heading(t(state.settings.lang, "app_name"))
                ui.label(t(state.settings.lang, "screen.locked")).classes("text-lg").mark("screen-locked")
            return
        try:
            room = state.rooms.get(slug)
        except DialogueDamaged:  # a friendly page on the wall, not a 500; the reason is for the console
            damaged_page(state.settings.lang, slug)
            return
        if room is None:
            with frame(t(state.settings.lang, "app_name"), state.settings.lang):
                heading(t(state.settings.lang, "phone.wrong_code_title"))
            return
        ui.add_css(SCREEN_CSS)
        # NiceGUI pads its content box; the wall is exactly one window high, so that padding made it scroll.
        ui.query(".nicegui-content").style("padding: 0")
        ScreenView(state, room).build()


class ScreenView:
    def __init__(self, state: AppState, room: Room) -> None:
        self.state, self.room = state, room
        self.lang = room.dialogue.language
        self.timer_label: ui.label | None = None
        self.cards_box: ui.column | None = None
        self.joined_box: ui.element | None = None  # the names on the welcome screen, changed in place
        self.joined_title: ui.label | None = None
        self.joined_chips: dict[str, ui.label] = {}
        self.people_part: ui.refreshable | None = None
        self.side_part: ui.refreshable | None = None

    def build(self) -> None:
        ui.page_title(self.room.dialogue.title)
        page_language(self.lang)
        with ui.element("main").classes("wd-screen w-full").mark("screen"):
            self.body = ui.refreshable(self._body)
            self.body()
        self.room.changed.subscribe(self.update)
        self.state.tick.subscribe(self.tick)

    def update(self, change: Change) -> None:
        in_round = self.people_part is not None and open_round(self.room.dialogue) is not None
        if change.kind in (Changed.NOTES, Changed.FELT_HEARD):
            return  # notes and how people felt heard are not on the wall
        if change.kind is Changed.PEOPLE and self.joined_box is not None and not self.joined_box.is_deleted:
            # At the door 200 phones join within minutes: one name more, not the whole wall (and its QR) again.
            self._sync_joined()
            return
        if change.kind in (Changed.FLOOR, Changed.PEOPLE) and in_round:
            self.people_part.refresh()  # the speaker and who is heard; the cards stay as they are
        elif change.kind is Changed.VOTES and in_round and self.side_part is not None:
            self.side_part.refresh()
        elif change.kind is not Changed.CARDS:
            self.body.refresh()
        else:
            card = change.subject
            added = isinstance(card, Card) and change.card_added
            if added and self.cards_box is not None and not card.hidden:
                self._append_card(card)
            elif self.side_part is not None and open_round(self.room.dialogue) is not None:
                self.side_part.refresh()
            else:
                self.body.refresh()

    def tick(self) -> None:
        rnd = open_round(self.room.dialogue)
        if self.timer_label is None or rnd is None or rnd.current_turn is None:
            return
        text, over = elapsed_text(rnd, self.room.clock())
        self.timer_label.set_text(text)
        self.timer_label.classes(add="over" if over else "", remove="" if over else "over")

    # -- layout --------------------------------------------------------------------------------
    def _body(self) -> None:
        dialogue = self.room.dialogue
        self.timer_label, self.cards_box, self.joined_box = None, None, None
        self.people_part, self.side_part = None, None
        rnd = open_round(dialogue)
        if dialogue.status == Status.FINISHED:
            self._finished()
        elif rnd is None:
            self._welcome(between_rounds=dialogue.status == Status.RUNNING)
        else:
            self._round(rnd)

    def _welcome(self, between_rounds: bool) -> None:
        lang, dialogue = self.lang, self.room.dialogue
        with ui.row().classes("w-full no-wrap gap-8 items-start").style("flex: 1; min-height: 0"):
            with ui.column().classes("col gap-3").style("min-width: 0; align-self: stretch; overflow: hidden"):
                heading(dialogue.title, 1, "s-title")
                ui.label(theme_label(dialogue.theme, lang)).classes("s-sub")
                closed = [r for r in dialogue.rounds if r.state == "closed"]
                if between_rounds and closed and closed[-1].dot_vote:
                    # The vote just closed: now everyone sees the result. The top three, so that a full
                    # table's names still fit below at their size; the end screen shows five.
                    self._agenda_top(closed[-1], 3)
                else:
                    heading(t(lang, "screen.rules"), 2, "s-text text-weight-bold q-mt-md")
                    with ui.element("ul").classes("s-text"):
                        for rule in ground_rules(lang):
                            with ui.element("li"):
                                ui.label(rule)
                self.joined_title = heading("", 2, "s-text text-weight-bold q-mt-md")
                self.joined_box = ui.element("div").classes("s-chips").style(
                    "flex: 1 1 0; min-height: 0; overflow: hidden; align-content: flex-start").mark("screen-joined")
                self.joined_chips = {}
                self._sync_joined()
            join_block(lang, self.state.join_url(dialogue.join_code), dialogue.join_code, "min(52vh, 34vw)")

    def _sync_joined(self) -> None:
        """Who has joined: new names are added, changed ones change, people who left go; the rest stays."""
        lang, box, title = self.lang, self.joined_box, self.joined_title
        assert box is not None and title is not None
        labels = self.room.labels(lang)
        present = [p for p in self.room.dialogue.participants if p.present]
        title.set_text(t(lang, "screen.joined", count=len(present)))
        # Roles beside the names while they fit; a full table's names at 28 px leave no room for them.
        with_role = len(present) <= ROLES_ON_THE_WALL_UP_TO
        wanted = {p.id: f"{labels[p.id]} \u00b7 {role_label(lang, p.role)}" if with_role else labels[p.id]
                  for p in present}
        for pid in [pid for pid in self.joined_chips if pid not in wanted]:
            self.joined_chips.pop(pid).delete()
        for index, (pid, text) in enumerate(wanted.items()):
            chip = self.joined_chips.get(pid)
            if chip is not None:
                chip.set_text(text)
                continue
            with box:
                chip = self.joined_chips[pid] = ui.label(text).classes("wd-chip s-chip")
            if index < len(box.default_slot.children) - 1:  # someone who came back takes their own place
                chip.move(box, target_index=index)

    def _round(self, rnd) -> None:
        lang, dialogue = self.lang, self.room.dialogue
        index = dialogue.rounds.index(rnd) + 1
        with ui.row().classes("w-full items-start justify-between no-wrap gap-6"):
            with ui.column().classes("gap-1").style("min-width: 0; flex: 1"):
                ui.label(f"{t(lang, 'screen.round_of', n=index, total=len(dialogue.rounds))} \u00b7 "
                         f"{rnd.title}").classes("s-sub")
                heading(rnd.question, 1, "s-question").mark("screen-question")
            join_corner(lang, self.state.join_url(dialogue.join_code), dialogue.join_code)
        with ui.row().classes("w-full no-wrap gap-6").style("flex: 1; min-height: 0"):
            with ui.column().classes("gap-2").style("flex: 3; min-width: 0; overflow: hidden"):
                self.people_part = ui.refreshable(self._people)
                self.people_part()
            # Stretched to the row's height, so the cards know how much room there is (see .s-cards).
            with ui.column().classes("gap-2").style("flex: 2; min-width: 0; overflow: hidden; align-self: stretch"):
                self.side_part = ui.refreshable(self._side)
                self.side_part()

    def _people(self) -> None:
        rnd = open_round(self.room.dialogue)
        if rnd is None:  # a late event for a round that has just closed; the body redraws anyway
            return
        labels = self.room.labels(self.lang)
        self._speaker(rnd, labels)
        self._order(rnd, labels)

    def _side(self) -> None:
        lang, rnd = self.lang, open_round(self.room.dialogue)
        self.cards_box = None
        if rnd is None:
            return
        if rnd.dot_vote:
            self._dots(rnd)
        elif rnd.card_kind == "none":
            heading(t(lang, "screen.rules"), 2, "s-text text-weight-bold")
            with ui.element("ul").classes("s-text wd-card"):
                for rule in ground_rules(lang):
                    with ui.element("li").classes("q-my-xs"):
                        ui.label(rule)
        else:
            heading(t(lang, "screen.cards"), 2, "s-text text-weight-bold")
            self.cards_box = ui.column().classes("w-full gap-2 s-cards").mark("screen-cards")
            for card in [c for c in rnd.cards if not c.hidden][-6:]:
                self._append_card(card)

    def _speaker(self, rnd, labels) -> None:
        lang = self.lang
        turn = rnd.current_turn
        with ui.column().classes("wd-card s-speaker-card w-full gap-0").mark("screen-speaker"):
            ui.label(t(lang, "screen.open_conversation") if rnd.open_conversation else
                     t(lang, "screen.now_speaking")).classes("s-sub")
            if turn is None:
                ui.label(t(lang, "screen.nobody_speaking")).classes("s-question wd-muted")
                return
            with ui.row().classes("items-center").style("column-gap: 1.5vw; row-gap: 0"):  # timer beside the name
                ui.label(labels.get(turn.participant_id, "?")).classes("s-speaker wd-text").mark(
                    "screen-speaker-name")
                text, over = elapsed_text(rnd, self.room.clock())
                self.timer_label = ui.label(text).classes("s-timer" + (" over" if over else "")).mark("screen-timer")

    def _order(self, rnd, labels) -> None:
        lang = self.lang
        by_state = self.room.summary().states
        heard = [pid for pid, st in by_state.items() if st in ("spoke", "passed_final")]
        to_come = [pid for pid, st in by_state.items() if st in ("waiting", "passed")]
        for title, ids, css, mark in ((t(lang, "screen.heard"), heard, "wd-chip-done", "screen-heard"),
                                      (t(lang, "screen.to_come"), to_come, "", "screen-to-come")):
            ui.label(f"{title} ({len(ids)})").classes("s-text text-weight-bold")
            with ui.element("div").classes("s-chips").mark(mark):
                for pid in ids:
                    ui.label(labels.get(pid, "?")).classes(f"wd-chip s-chip {css}")

    def _append_card(self, card: Card) -> None:
        if self.cards_box is None:
            return
        with self.cards_box:
            tile = card_tile(card, kind_label(self.lang, card.kind))
        tile.move(self.cards_box, target_index=0)
        while len(self.cards_box.default_slot.children) > 6:
            self.cards_box.default_slot.children[-1].delete()

    def _dots(self, rnd) -> None:
        lang = self.lang
        heading(t(lang, "screen.dots"), 2, "s-text text-weight-bold")
        if not rnd.show_dots_live:
            ui.label(t(lang, "screen.dots_hidden")).classes("s-text wd-muted").mark("screen-dots-hidden")
            return
        with ui.column().classes("w-full gap-2 s-cards").mark("screen-dots"):
            for item in ranked_agenda(self.room.dialogue, rnd)[:7]:
                with ui.row().classes("w-full no-wrap items-center gap-3 s-card"):
                    ui.label(str(item.dots)).classes("text-weight-bold").style("min-width: 2.5em; font-size: 3.2vh")
                    with ui.column().classes("gap-0"):
                        ui.label(kind_label(lang, item.card.kind)).classes("wd-muted").style("font-size: 1.8vh")
                        ui.label(item.card.text).classes("wd-text")

    def _agenda_top(self, vote_round, count: int = 5) -> None:
        ui.label(t(self.lang, "screen.agenda_top")).classes("s-text text-weight-bold q-mt-md")
        with ui.column().classes("w-full gap-2").mark("screen-agenda"):
            for item in ranked_agenda(self.room.dialogue, vote_round)[:count]:
                with ui.row().classes("w-full no-wrap items-center gap-3 s-card"):
                    ui.label(f"{item.rank}.").classes("text-weight-bold")
                    ui.label(item.card.text).classes("wd-text col")
                    ui.label(f"{item.dots} \u25cf").classes("text-weight-bold")

    def _finished(self) -> None:
        lang, dialogue = self.lang, self.room.dialogue
        heading(dialogue.title, 1, "s-title")
        heading(t(lang, "screen.summary"), 2, "s-question")
        vote_round = next((r for r in dialogue.rounds if r.dot_vote), None)
        with ui.row().classes("w-full no-wrap gap-8").style("flex: 1; min-height: 0").mark("screen-summary"):
            with ui.column().classes("gap-2").style("flex: 3; min-width: 0"):
                if vote_round is not None:
                    self._agenda_top(vote_round)
            with ui.column().classes("gap-3 items-center justify-center").style("flex: 2"):
                ui.label(t(lang, "screen.pledges", count=pledge_count(dialogue))).classes("s-question").mark(
                    "screen-pledges")
                ui.label(t(lang, "screen.thanks")).classes("s-sub")
