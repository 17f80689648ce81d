"""The console's cards and dots in a round: cards as they come in, a card or dots on someone's behalf."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from rounds import FACILITATOR as F
from rounds import Card, CardKind, Round
from rounds.agenda import ranked_agenda
from rounds.cards import dots_left, votable_groups
from rounds.talking_piece import open_round

from ..i18n import t
from ..room import Change, Changed, Room
from .theme import aria_label, heading, list_button

SHOWN_CARDS = 40  # the newest cards the console lists; older ones come a page at a time


class CardsPanel:
    """Built once per round. Cards change in place; the dot parts redraw for this one console only.

    In a hall of 200 phones a round brings 600 cards in ten minutes. The console lists the newest
    SHOWN_CARDS of them, and "Toon oudere kaartjes" adds older ones a page at a time: a facilitator moderates
    what comes in, and the harvest keeps every card. So the console's memory and its work per card stay the
    same however many cards arrive (in the 600 s soak the full list grew the server by 15 %, and a burst of
    cards redrew it). A card is three elements in one flat list, without wrappers (bench/card_memory.py):
    its text, who wrote it and "Verbergen", laid out by the list's grid (.wd-card-list in theme.py).
    Hiding, changing or taking away a card changes that card's elements only.
    """

    def __init__(self, room: Room, lang: str, act: Callable, rnd: Round) -> None:
        self.room, self.lang, self.act = room, lang, act
        self.author: ui.select | None = None
        self.cards_box: ui.element | None = None
        self.rows: dict[str, CardRow] = {}  # card id -> its elements in the list, oldest first
        self.limit = SHOWN_CARDS  # how many of the newest cards are listed
        self.older: tuple[ui.label, ui.button] | None = None  # "12 oudere kaartjes", made when there are some
        self.dots: ui.refreshable | None = None
        self.dots_for: ui.refreshable | None = None
        self.voter: str | None = None  # whose dots the facilitator is placing
        labels = room.labels(lang)
        with ui.column().classes("w-full wd-card gap-2").mark("console-cards"):
            heading(t(lang, "screen.cards"), 3)
            if rnd.card_kind != CardKind.NONE:
                self._card_for_form(labels)
            self.older_box = ui.element("div").classes("w-full")
            self.cards_box = ui.element("div").classes("w-full wd-card-list")
            self._sync_cards(rnd)
        if rnd.dot_vote:
            self.dots = ui.refreshable(self._dots)
            self.dots()
            self.dots_for = ui.refreshable(self._dots_for)
            self.dots_for()

    def update(self, change: Change) -> None:
        if change.kind is Changed.PEOPLE:
            if self.author is not None:
                labels = self.room.labels(self.lang)
                self.author.set_options({p.id: labels[p.id] for p in self.room.dialogue.participants},
                                        value=self.author.value)
            if self.dots_for is not None:
                self.dots_for.refresh()
            self._name_authors()
        elif change.kind is Changed.CARDS:
            self._card_changed(change.subject)
            self._redraw_dots()
        elif change.kind is Changed.VOTES:
            self._redraw_dots()

    def _name_authors(self) -> None:
        """Who wrote each listed card, as the room names them now: after a rename, or a second Anna who joined.
        Only names that changed are sent."""
        if self.rows:
            labels = self.room.labels(self.lang)
            for row in self.rows.values():
                row.author.set_text(labels.get(row.author_id, "?"))

    def _card_changed(self, card: object) -> None:
        """A card was added, hidden or shown again, changed or taken away: that card changes in the list."""
        rnd = open_round(self.room.dialogue)
        if self.cards_box is None or rnd is None or not isinstance(card, Card):
            return
        now = next((c for c in rnd.cards if c.id == card.id), None)
        row = self.rows.get(card.id)
        if now is not None and row is not None:
            row.show(now)
        self._sync_cards(rnd)

    def _sync_cards(self, rnd: Round) -> None:
        """The list shows the newest `limit` cards, oldest first. New cards are added at the end and the
        oldest shown one goes; only a card taken away in between draws the (short) list again.

        Several cards can arrive in one write (a burst of 500 phones): they are added together.
        """
        assert self.cards_box is not None
        window = rnd.cards[-self.limit:]
        wanted = [c.id for c in window]
        listed = set(wanted)
        gone = [i for i in self.rows if i not in listed]
        for card_id in gone:
            self.rows.pop(card_id).delete()
        kept = list(self.rows)
        labels = None
        if kept == wanted[:len(kept)]:
            for card in window[len(kept):]:
                labels = labels or self.room.labels(self.lang)
                with self.cards_box:
                    self.rows[card.id] = CardRow(self, card, labels)
        else:
            self.cards_box.clear()
            self.rows = {}
            labels = self.room.labels(self.lang)
            with self.cards_box:
                for card in window:
                    self.rows[card.id] = CardRow(self, card, labels)
        self._sync_older(len(rnd.cards) - len(window))

    def _sync_older(self, count: int) -> None:
        """How many older cards are not listed, and the button that lists more of them."""
        if count and self.older is None:
            with self.older_box, ui.row().classes("w-full items-center gap-2"):
                label = ui.label().classes("wd-muted").mark("older-cards")
                button = ui.button(t(self.lang, "console.show_older"), on_click=self._show_older).props(
                    "flat dense no-caps").mark("show-older")
            self.older = (label, button)
        if self.older is not None:
            self.older[0].set_text(t(self.lang, "console.older_cards", count=count))
            self.older_box.set_visibility(bool(count))

    def _show_older(self) -> None:
        rnd = open_round(self.room.dialogue)
        if rnd is not None:
            self.limit += SHOWN_CARDS
            self._sync_cards(rnd)

    def _redraw_dots(self) -> None:
        if self.dots is not None:
            self.dots.refresh()
        if self.dots_for is not None:
            self.dots_for.refresh()

    def _card_for_form(self, labels: dict[str, str]) -> None:
        lang, dialogue = self.lang, self.room.dialogue
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

    def _dots(self) -> None:
        """The vote as it stands, most dots first: the facilitator sees it even when the screen hides it."""
        dialogue, rnd = self.room.dialogue, open_round(self.room.dialogue)
        if rnd is None:
            return
        with ui.column().classes("w-full wd-card gap-1").mark("console-dots"):
            heading(t(self.lang, "screen.dots"), 3)
            for item in ranked_agenda(dialogue, rnd)[:15]:
                with ui.row().classes("w-full no-wrap gap-2 items-start"):
                    ui.label(f"{item.rank}.").classes("wd-muted").style("min-width: 1.6em")
                    ui.label(item.card.text).classes("wd-text col")
                    ui.label(f"{item.dots} \u25cf").classes("text-weight-bold")

    def _dots_for(self) -> None:
        """Dots on behalf of someone without a phone, within the same budget as everyone else."""
        lang, dialogue, rnd = self.lang, self.room.dialogue, open_round(self.room.dialogue)
        if rnd is None:
            return
        labels = self.room.labels(lang)
        voters = {p.id: labels[p.id] for p in dialogue.participants if not p.has_phone and p.present}
        if not voters:
            return
        if self.voter not in voters:
            self.voter = next(iter(voters))
        who = voters[self.voter]
        mine: dict[str, int] = {}
        for vote in rnd.votes:
            if vote.participant_id == self.voter:
                mine[vote.card_id] = mine.get(vote.card_id, 0) + 1
        left = dots_left(rnd, self.voter)
        with ui.column().classes("w-full wd-card gap-2").mark("console-dots-for"):
            heading(t(lang, "console.dots_for"), 3)
            ui.select(voters, value=self.voter, label=t(lang, "console.dots_for_who"),
                      on_change=lambda e: self._choose_voter(e.value)).props("outlined dense").mark("dots-for-who")
            ui.label(t(lang, "console.dots_for_left", name=who, count=left)).classes(
                "text-weight-medium").mark("dots-for-left")
            for number, source, cards in votable_groups(dialogue, rnd):
                ui.label(t(lang, "phone.dots_from", n=number, title=source.title)).classes("wd-muted q-mt-sm")
                for card in cards:
                    with ui.row().classes("w-full items-center no-wrap gap-2"):
                        ui.label(card.text).classes("wd-text col")
                        ui.label("\u25cf" * mine.get(card.id, 0)).classes("text-primary")
                        minus = ui.button("\u2212", on_click=lambda c=card: self.act(
                            self.room.remove_dot(F, self.voter, c.id))).props("outline dense")
                        minus.set_enabled(card.id in mine)
                        aria_label(minus, t(lang, "console.dot_remove_for", name=who, card=card.text))
                        plus = ui.button("+", on_click=lambda c=card: self.act(
                            self.room.place_dot(F, self.voter, c.id))).props("unelevated dense").mark("dot-for")
                        plus.set_enabled(left > 0)
                        aria_label(plus, t(lang, "console.dot_add_for", name=who, card=card.text))

    def _choose_voter(self, person_id: str | None) -> None:
        self.voter = person_id
        if self.dots_for is not None:
            self.dots_for.refresh()


class CardRow:
    """One card in the console's list: its text, "Verbergen" (or "Tonen") and who wrote it."""

    def __init__(self, panel: CardsPanel, card: Card, labels: dict[str, str]) -> None:
        self.panel, self.card_id, self.author_id = panel, card.id, card.author_id
        self.text = ui.label(card.text).classes("wd-text wd-card-text").mark("console-card")
        self.author = ui.label(labels.get(card.author_id, "?")).classes("wd-muted text-caption")
        self.hide = list_button("", self._toggle, "flat dense no-caps").mark("hide-card")
        self.hidden: bool | None = None
        self.show(card)

    def show(self, card: Card) -> None:
        """The card as it is now: its text, and whether it is hidden from the screen."""
        lang = self.panel.lang
        self.text.set_text(card.text)
        if card.hidden != self.hidden:
            self.hidden = card.hidden
            faded = "wd-card-hidden"
            for part in (self.text, self.author):
                part.classes(add=faded if card.hidden else "", remove="" if card.hidden else faded)
            self.hide.props["label"] = t(lang, "console.unhide" if card.hidden else "console.hide")
        aria_label(self.hide, t(lang, "console.unhide_card" if card.hidden else "console.hide_card", card=card.text))
        self.hide.update()

    async def _toggle(self) -> None:
        panel = self.panel
        await panel.act(panel.room.set_card_hidden(F, self.card_id, not self.hidden))

    def delete(self) -> None:
        for element in (self.text, self.author, self.hide):
            element.delete()
