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
from .phone_voice import question_text, read_card, read_question, set_read_text
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

    A new card round changes the title, the hint and the draft in the box; the list of this person's own
    cards is the only thing drawn again, when one of them changes.
    """

    def __init__(self, room: Room, person_id: str, lang: str, dialog_host: ui.element) -> None:
        self.room, self.person_id, self.lang, self.dialog_host = room, person_id, lang, dialog_host
        self.round_id: str | None = None  # the round the box writes to
        self.shown_cards = 0
        with ui.column().classes("w-full wd-card gap-2").mark("phone-cards") as self.element:
            self.title = heading("", 2)
            self.text = ui.textarea(t(lang, "phone.card_label")).props(
                f"outlined autogrow maxlength={MAX_CARD_CHARS}").classes("w-full").mark("card-input")
            # A draft survives a reload; it is never longer than a card may be.
            self.text.on_value_change(self._keep_draft)
            # Set now for the usual card round, so when one opens on 200 phones the box is not sent again.
            self.text.props["placeholder"] = t(lang, "phone.card_placeholder")
            ui.button(t(lang, "phone.card_add"), on_click=self._send).classes("w-full").mark("card-send")
            self.own = ui.refreshable(self._own_cards)
            self.own()
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
        if self.shown_cards or self._mine(rnd):
            self.own.refresh()

    def cards_changed(self) -> None:
        """One of this person's cards was added, changed or taken away."""
        self.own.refresh()

    def _mine(self, rnd) -> list:
        return [c for c in rnd.cards if c.author_id == self.person_id]

    def _keep_draft(self, event) -> None:
        if self.round_id is not None:
            keep_card_draft(self.room.dialogue, self.person_id, self.round_id, event.value or "")

    async def _send(self) -> None:
        me, round_id = self.person_id, self.round_id
        card = await attempt(self.lang, self.room.add_card(me, me, self.text.value or ""))
        if card is not None:
            self.text.set_value("")
            if round_id is not None:
                drop_card_draft(self.room.dialogue.slug, round_id)
            ui.notify(t(self.lang, "phone.card_added"), type="positive", position="top")

    def _own_cards(self) -> None:
        rnd = open_round(self.room.dialogue)
        mine = self._mine(rnd) if rnd is not None and rnd.id == self.round_id else []
        self.shown_cards = len(mine)
        for card in mine:
            self._own_card(card)

    def _own_card(self, card) -> None:
        lang = self.lang
        with ui.column().classes("w-full gap-1 q-pa-sm").style("border-top: 1px solid var(--wd-line)"):
            ui.label(card.text).classes("wd-text text-base").mark("own-card")
            with ui.row().classes("gap-2"):
                async def remove() -> None:
                    await attempt(lang, self.room.delete_card(self.person_id, card.id))

                def edit() -> None:
                    with self.dialog_host, ui.dialog() as dialog, ui.card().classes("w-full"):
                        box = ui.textarea(value=card.text).props("outlined autogrow").classes("w-full")

                        async def save() -> None:
                            done = await attempt(lang, self.room.edit_card(self.person_id, card.id, box.value or ""))
                            if done is not None:
                                dialog.close()

                        ui.button(t(lang, "phone.card_save"), on_click=save).classes("w-full")
                    dialog.open()

                ui.button(t(lang, "phone.card_edit"), on_click=edit).props("flat dense")
                ui.button(t(lang, "phone.card_delete"), on_click=remove).props("flat dense color=grey-8")
                read_card(lang, card.text)
