"""The phone's live view for one participant. Each part redraws only for this one client, on its own events."""

from __future__ import annotations

from nicegui import ui

from rounds import CardKind, Outcome, Role, RoundState, SpeakerState, Status
from rounds.cards import dots_left, votable_groups
from rounds.talking_piece import open_round

from ..events import EventHall
from ..i18n import role_label, t
from ..room import Change, Changed, Room
from .common import attempt
from .event_vote_button import wall_vote_button
from .phone_feedback import FeltHeardPart
from .phone_look import PhoneLook, isolate, keep_look, look_bar
from .phone_round import CardsPart, RoundPart
from .phone_voice import ground_rules_panel
from .theme import aria_label, heading


class PhoneView:
    def __init__(self, room: Room, person_id: str, lang: str, look: PhoneLook | None = None,
                 hall: EventHall | None = None) -> None:
        self.room, self.person_id, self.lang = room, person_id, lang
        self.hall = hall  # the event this table belongs to, if any: its plenary voting is offered here
        self.look = look or PhoneLook(lang, False, f"/join/{room.dialogue.join_code}")

    @property
    def person(self):
        return self.room.person(self.person_id)

    def build(self) -> None:
        lang = self.lang
        with ui.row().classes("w-full items-center justify-between"):
            self.greeting = ui.label().classes("text-lg").mark("phone-hello")
        if self.hall is not None:
            wall_vote_button(self.hall, lang)
        self.dialog_host = ui.element("div")  # outside the redrawn parts, so a change never closes a dialog
        self.your_turn: ui.column | None = None
        self.dots_shown = False
        self.round_part = RoundPart(self.room, lang)
        self.turn_part = ui.refreshable(self._turn)
        self.turn_part()
        self.cards_box = ui.element("div").classes("w-full")  # the cards part goes here once a card round opens
        self.cards: CardsPart | None = None
        self._sync_cards()
        self.dots_part = ui.refreshable(self._dots)
        self.dots_part()
        self.felt_heard = FeltHeardPart(self.room, self.person_id, self.lang)  # "did you feel heard?" at the end
        self.felt_heard.build()
        self._greet()
        change_name = ui.expansion(t(lang, "phone.change_name")).classes("w-full wd-card q-mt-lg")

        def fill_change_name(_=None) -> None:  # made when first opened: most people never do
            if change_name.default_slot.children:
                return
            with change_name:
                name = ui.input(t(lang, "phone.name"), value=self.person.name).props("outlined maxlength=40")
                role = ui.select({r.value: role_label(lang, r.value) for r in Role}, value=self.person.role.value,
                                 label=t(lang, "phone.role")).props("outlined")

                async def save() -> None:
                    me = self.person_id
                    if await attempt(lang, self.room.rename(me, me, name=name.value or "",
                                                            role=role.value)) is not None:
                        self._greet()

                ui.button(t(lang, "phone.card_save"), on_click=save)

        change_name.on_value_change(fill_change_name)
        ground_rules_panel(lang)
        look_bar(self.look, on_large=lambda look: keep_look(look, self.room.dialogue, self.person_id))
        self.room.changed.subscribe(self.update)

    def _greet(self) -> None:
        self.greeting.set_text(t(self.lang, "phone.hello", name=isolate(self.person.name, self.look)))

    def update(self, change: Change) -> None:
        """Every change in the room comes here once per phone, and this phone's parts take what they show.

        One subscription per phone: with 500 phones each change calls 500 handlers, not 1,000 (a handler call
        costs NiceGUI a slot context and a check for a coroutine, for a part that mostly has nothing to do).
        """
        if self.room.person(self.person_id) is None:  # taken out of the dialogue: the page says so
            ui.navigate.reload()
            return
        self.felt_heard.update(change)
        if change.kind in (Changed.ROUND, Changed.PLAN, Changed.REMOVED):
            self.round_part.sync()  # texts change in place: 200 phones change at once when a round opens
            if self.your_turn is None:
                self.turn_part.refresh()  # the first round this phone sees: the turn part is made now
            else:
                self._sync_turn()  # then it stays: with 200 phones, drawing it anew was half of a round's opening
            self._sync_cards()
            if self.dots_shown or self._vote_round() is not None:  # most rounds have no dots: nothing to redraw
                self.dots_part.refresh()
        elif change.kind is Changed.FLOOR:
            self._sync_turn()
        elif change.kind is Changed.PEOPLE:
            self._sync_turn()  # only texts that really changed are sent to the phone
            if change.person_id == self.person_id:
                self._greet()
        elif change.kind is Changed.CARDS:
            card = change.subject
            if getattr(card, "author_id", None) == self.person_id and self.cards is not None:
                self.cards.cards_changed()
            if self._vote_round() is not None:
                self.dots_part.refresh()
        elif change.kind is Changed.VOTES and change.person_id == self.person_id:
            self.dots_part.refresh()

    # -- parts ---------------------------------------------------------------------------------
    def _rounds_ahead(self) -> list:
        """The open round and the rounds still to come: the parts they need are made with the page."""
        if self.room.dialogue.status == Status.FINISHED:
            return []
        return [r for r in self.room.dialogue.rounds if r.state in (RoundState.OPEN, RoundState.PENDING)]

    def _sync_cards(self) -> None:
        """The cards part is made with the page when a card round is still to come, then kept (hidden between).

        Made hidden beforehand, a card round's opening only changes a few texts on each phone: making it then
        on 200 phones at once was a quarter of the server's work when "Ronde beginnen" was tapped. Every phone
        held it after that first card round anyway, so RSS once the round runs is the same.
        """
        if self.cards is not None:
            self.cards.sync()
            return
        if any(r.card_kind != CardKind.NONE for r in self._rounds_ahead()):
            with self.cards_box:
                self.cards = CardsPart(self.room, self.person_id, self.lang, self.dialog_host)

    def _turn(self) -> None:
        """Built with the page while a round is open or still to come; `_sync_turn` then changes texts and visibility.

        Made hidden beforehand for the same reason as the cards part: a round's opening then makes no elements.
        The "your turn" card's heading and buttons are made only on the phone whose turn it is, and taken
        away when the turn ends: one phone at a time holds them, and a round opens without making 200.
        """
        if not self._rounds_ahead():
            return
        # The "your turn" card is filled only on the phone whose turn it is (one phone at a time), then emptied.
        self.your_turn = ui.column().classes("w-full wd-card gap-3").style(
            "border: 3px solid var(--wd-primary)").mark("your-turn")
        with ui.column().classes("w-full wd-card gap-1").mark("phone-turn") as self.status_card:
            self.speaking_now = ui.label().classes("text-lg")
            self.main_line = ui.label().classes("text-h6")
            self.sub_line = ui.label().classes("wd-muted")
        self._sync_turn()

    def _turn_texts(self) -> tuple[bool, str, str, str, str]:
        """(my turn?, who speaks now, main line, its marker, second line) for this phone."""
        dialogue, lang, me = self.room.dialogue, self.lang, self.person_id
        rnd = open_round(dialogue)
        current = rnd.current_turn
        if current is not None and current.participant_id == me:
            return True, "", "", "", ""
        speaking = ""
        if current is not None:
            name = self.room.labels(lang).get(current.participant_id, "?")
            speaking = t(lang, "phone.speaking_now", name=isolate(name, self.look))
        summary = self.room.summary()
        state = summary.states.get(me, SpeakerState.WAITING)
        if state in (SpeakerState.SPOKE, SpeakerState.PASSED_FINAL):
            return False, speaking, t(lang, "phone.open_conversation" if rnd.open_conversation else
                                      "phone.heard"), "phone-heard", ""
        if state == SpeakerState.LEFT:
            return False, speaking, t(lang, "phone.left"), "phone-left", ""
        queue = summary.queue
        if me not in queue:
            return False, speaking, t(lang, "phone.passed_once") if state == SpeakerState.PASSED else "", "", ""
        before = queue.index(me)
        key = "phone.next_is_you" if before == 0 else "phone.before_you"  # plural forms come from the catalog
        second = t(lang, "phone.passed_once") if state == SpeakerState.PASSED else ""
        return False, speaking, t(lang, key, count=before), "phone-place", second

    def _sync_turn(self) -> None:
        if self.your_turn is None or self.your_turn.is_deleted:
            return
        if open_round(self.room.dialogue) is None:  # between rounds there is no turn to show
            self._fill_your_turn(False)
            self.your_turn.set_visibility(False)
            self.status_card.set_visibility(False)
            return
        mine, speaking, main, marker, second = self._turn_texts()
        self._fill_your_turn(mine)
        self.your_turn.set_visibility(mine)
        self.status_card.set_visibility(not mine and bool(speaking or main or second))
        for label, text in ((self.speaking_now, speaking), (self.main_line, main), (self.sub_line, second)):
            label.set_text(text)
            label.set_visibility(bool(text))
        self.main_line.mark(marker)

    def _fill_your_turn(self, mine: bool) -> None:
        assert self.your_turn is not None
        filled = bool(self.your_turn.default_slot.children)
        if mine and not filled:
            lang = self.lang
            with self.your_turn:
                heading(t(lang, "phone.your_turn"), 1).style("color: var(--wd-primary)")
                ui.label(t(lang, "phone.your_turn_hint"))
                with ui.row().classes("w-full no-wrap gap-3"):
                    ui.button(t(lang, "phone.done"), on_click=lambda: self._end(Outcome.SPOKE)).props(
                        "size=xl unelevated").classes("col").mark("turn-done")
                    ui.button(t(lang, "phone.pass"), on_click=lambda: self._end(Outcome.PASSED)).props(
                        "size=xl outline").classes("col").mark("turn-pass")
        elif filled and not mine:
            self.your_turn.clear()

    async def _end(self, outcome: Outcome) -> None:
        await attempt(self.lang, self.room.end_turn(self.person_id, outcome))

    def _vote_round(self):
        rnd = open_round(self.room.dialogue)
        return rnd if rnd is not None and rnd.dot_vote else None

    def _dots(self) -> None:
        rnd, lang = self._vote_round(), self.lang
        self.dots_shown = rnd is not None
        if rnd is None:
            return
        mine: dict[str, int] = {}
        for vote in rnd.votes:
            if vote.participant_id == self.person_id:
                mine[vote.card_id] = mine.get(vote.card_id, 0) + 1
        left = dots_left(rnd, self.person_id)
        with ui.column().classes("w-full wd-card gap-2").mark("phone-dots"):
            heading(t(lang, "phone.dots_title"), 2)
            ui.label(t(lang, "phone.dots_left", count=left)).classes("text-h6").mark("dots-left")
            for number, source, cards in votable_groups(self.room.dialogue, rnd):
                # Dreams and needs come from different rounds: each group under its own heading.
                heading(t(lang, "phone.dots_from", n=number, title=source.title), 3, "q-mt-sm").mark("dots-group")
                for card in cards:
                    with ui.row().classes("w-full items-center no-wrap gap-2").style(
                            "border-top: 1px solid var(--wd-line); padding-top: 6px"):
                        ui.label(card.text).classes("wd-text col")
                        ui.label("\u25cf" * mine.get(card.id, 0)).classes("text-primary text-h6").mark("my-dots")
                        minus = ui.button("\u2212", on_click=lambda c=card: self._dot(c.id, False)).props("outline")
                        minus.set_enabled(card.id in mine)
                        aria_label(minus, t(lang, "phone.dot_remove_for", card=card.text))
                        plus = ui.button("+", on_click=lambda c=card: self._dot(c.id, True)).props("unelevated")
                        plus.set_enabled(left > 0)
                        aria_label(plus, t(lang, "phone.dot_add_for", card=card.text))

    async def _dot(self, card_id: str, add: bool) -> None:
        me = self.person_id
        command = self.room.place_dot(me, me, card_id) if add else self.room.remove_dot(me, me, card_id)
        await attempt(self.lang, command)
