"""The phone's round and card parts, made once and then changed in place.

When the facilitator taps "Ronde beginnen", 200 phones change at once. Drawing each phone's round and
card parts anew made about 20 elements per phone, and deleted as many (BENCHMARKS.md, issue 10). Now a
new round changes a few texts; only the list of a person's own cards is drawn again, and only on their
own phone.
"""

from __future__ import annotations

from nicegui import ui

from rounds import CardKind, Status
from rounds.model import MAX_CARD_CHARS
from rounds.talking_piece import open_round

from ..i18n import kind_label, t
from ..room import Room
from ..visitor_storage import card_draft, drop_card_draft, keep_card_draft
from .common import attempt
from .own_cards import EDIT_TAP_JS, own_cards_html
from .phone_voice import question_text, read_question, set_read_text
from .theme import heading, set_heading_text


class RoundPart:
    """Where the dialogue is: waiting for the start, the round's title and question, between rounds, finished."""

    def __init__(self, room: Room, lang: str) -> None:
        self.room, self.lang = room, lang
        with ui.column().classes("w-full wd-card gap-1").mark("phone-round"):
            self.finished = heading(t(lang, "phone.finished"), 2)
            self.waiting = ui.label().classes("text-lg")
            self.title = ui.label().classes("wd-muted text-base wd-text w-full")
            self.question = heading("", 2).mark("phone-question")
            self.read = read_question(lang, room.dialogue.language, "", "")
        self.sync()

    def sync(self) -> None:
        dialogue, lang = self.room.dialogue, self.lang
        rnd = open_round(dialogue)
        finished = dialogue.status == Status.FINISHED
        self.finished.set_visibility(finished)
        waiting = "" if finished or rnd is not None else t(
            lang, "phone.waiting_start" if dialogue.status == Status.PREPARING else "phone.round_closed")
        self.waiting.set_text(waiting)
        self.waiting.set_visibility(bool(waiting))
        in_round = rnd is not None and not finished
        for part in (self.title, self.question, self.read):
            part.set_visibility(in_round)
        if in_round:
            self.title.set_text(rnd.title)
            set_heading_text(self.question, rnd.question)
            set_read_text(self.read, question_text(rnd.title, rnd.question))


class CardsPart:
    """Writing cards: made in the first card round this phone sees, hidden in rounds without cards.

    A new card round changes the title, the hint and the draft in the box. The list of this person's own
    cards is one element (`own_cards.py`): in a hall of 200 phones each card is held by its author's phone
    for the whole round (bench/card_memory.py), so a card adds markup to that element, not elements.
    """

    def __init__(self, room: Room, person_id: str, lang: str, dialog_host: ui.element) -> None:
        self.room, self.person_id, self.lang, self.dialog_host = room, person_id, lang, dialog_host
        self.round_id: str | None = None  # the round the box writes to
        self.shown: list[tuple[str, str]] = []  # (id, words) of the own cards the list shows now
        self.editor: CardEditor | None = None  # made on the first tap on "Aanpassen": most people never do
        with ui.column().classes("w-full wd-card gap-2").mark("phone-cards") as self.element:
            self.title = heading("", 2)
            self.text = ui.textarea(t(lang, "phone.card_label")).props(
                f"outlined autogrow maxlength={MAX_CARD_CHARS}").classes("w-full").mark("card-input")
            # A draft survives a reload; it is never longer than a card may be.
            self.text.on_value_change(self._keep_draft)
            # Set now for the usual card round, so when one opens on 200 phones the box is not sent again.
            self.text.props["placeholder"] = t(lang, "phone.card_placeholder")
            ui.button(t(lang, "phone.card_add"), on_click=self._send).classes("w-full").mark("card-send")
            self.own = ui.html("", sanitize=False).classes("w-full wd-own-cards").mark("own-cards")  # escaped
            self.own.on("click", self._own_tapped, js_handler=EDIT_TAP_JS)
        self.sync()

    def sync(self) -> None:
        rnd, lang = open_round(self.room.dialogue), self.lang
        if rnd is None or rnd.card_kind == CardKind.NONE:
            self.element.set_visibility(False)
            return
        self.element.set_visibility(True)
        if rnd.id == self.round_id:
            return
        self.round_id = rnd.id
        pledge = rnd.card_kind == CardKind.PLEDGE
        set_heading_text(self.title, t(lang, "phone.pledge_title") if pledge else t(
            lang, "phone.cards_title", kind=kind_label(lang, rnd.card_kind)))
        placeholder = t(lang, "phone.pledge_placeholder" if pledge else "phone.card_placeholder")
        if self.text.props.get("placeholder") != placeholder:
            self.text.props["placeholder"] = placeholder  # sends the box again, so only when it changes
        self.text.set_value(card_draft(self.room.dialogue.slug, rnd.id))
        self._show_own(rnd)

    def cards_changed(self) -> None:
        """One of this person's cards was added, changed or taken away: the list shows their cards as they are."""
        rnd = open_round(self.room.dialogue)
        if rnd is None or rnd.id != self.round_id:
            return  # a card of a round that is not in the box; `sync` draws the next round's list
        self._show_own(rnd)

    def _show_own(self, rnd) -> None:
        mine = [c for c in rnd.cards if c.author_id == self.person_id]
        shown = [(c.id, c.text) for c in mine]  # a copy: an edit changes the card itself
        if shown != self.shown:  # unchanged: nothing is sent
            self.own.set_content(own_cards_html(mine, self.lang))
            self.shown = shown

    def _keep_draft(self, event) -> None:
        if self.round_id is not None:
            keep_card_draft(self.room.dialogue, self.person_id, self.round_id, event.value or "")

    async def _send(self) -> None:
        me, round_id, text = self.person_id, self.round_id, self.text.value or ""
        # Emptied at the tap, not after: the new card shows in the list while the room is still saving it,
        # and a box emptied after that would wipe what someone has begun to type for the next card.
        self.text.set_value("")
        card = await attempt(self.lang, self.room.add_card(me, me, text))
        if card is None:
            if not self.text.value:
                self.text.set_value(text)  # refused: the words come back, to be changed
            return
        if round_id is not None:
            drop_card_draft(self.room.dialogue.slug, round_id)
        ui.notify(t(self.lang, "phone.card_added"), type="positive", position="top")

    def _own_tapped(self, event) -> None:
        """ "Aanpassen" under one of the cards: the list sends that card's id (anything else is ignored)."""
        card = next(((card_id, words) for card_id, words in self.shown if card_id == event.args), None)
        if card is None:
            return
        if self.editor is None:  # made on the first tap: most people never change a card
            with self.dialog_host:
                self.editor = CardEditor(self)
        self.editor.open(*card)


class CardEditor:
    """The dialog to change or take away a card: one per phone, made on first use, pointed at the card tapped."""

    def __init__(self, part: CardsPart) -> None:
        self.part = part
        self.card_id = ""
        lang = part.lang
        with ui.dialog() as self.dialog, ui.card().classes("w-full"):
            self.box = ui.textarea(t(lang, "phone.card_label")).props(
                f"outlined autogrow maxlength={MAX_CARD_CHARS}").classes("w-full").mark("card-edit-input")
            ui.button(t(lang, "phone.card_save"), on_click=self._save).classes("w-full").mark("card-edit-save")
            ui.button(t(lang, "phone.card_delete"), on_click=self._delete).props("flat color=grey-8").classes(
                "w-full").mark("card-edit-delete")

    def open(self, card_id: str, text: str) -> None:
        self.card_id = card_id
        self.box.set_value(text)
        self.dialog.open()

    async def _save(self) -> None:
        part = self.part
        done = await attempt(part.lang, part.room.edit_card(part.person_id, self.card_id, self.box.value or ""))
        if done is not None:
            self.dialog.close()

    async def _delete(self) -> None:
        part = self.part
        if await attempt(part.lang, part.room.delete_card(part.person_id, self.card_id)) is not None:
            self.box.set_value("")  # the card is gone: its words are not kept in the closed dialog either
            self.dialog.close()
