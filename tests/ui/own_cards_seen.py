"""What a phone's own-card list shows, read from its one HTML element as a browser would read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from nicegui.testing import User
from nicegui.testing.user_interaction import UserInteraction


@dataclass
class SeenCard:
    words: str = ""
    card_id: str = ""
    edit: dict[str, str] = field(default_factory=dict)  # the "Aanpassen" button's attributes, and its label
    read: dict[str, str] = field(default_factory=dict)  # the "Lees voor" button's attributes, and its label


class _Reader(HTMLParser):
    """Card words are in `div[data-card]`, a button's label in its `span.block`; neither holds other tags."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[SeenCard] = []
        self.button: dict[str, str] = {}
        self.reading: str | None = None  # "words" or "label" while inside one of them

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if "data-card" in found:
            self.cards.append(SeenCard(card_id=found["data-card"]))
            self.reading = "words"
        elif tag == "button":
            card = self.cards[-1]
            self.button = card.edit if "data-edit" in found else card.read
            self.button.update(found, label="")
        elif tag == "span" and found.get("class") == "block":
            self.reading = "label"

    def handle_endtag(self, tag: str) -> None:
        self.reading = None

    def handle_data(self, data: str) -> None:
        if self.reading == "words":
            self.cards[-1].words += data
        elif self.reading == "label":
            self.button["label"] += data


def own_cards(phone: User) -> list[SeenCard]:
    """The person's own cards in the order the list shows them."""
    reader = _Reader()
    reader.feed(phone.find(marker="own-cards").elements.pop().content)
    return reader.cards


def tap_edit(phone: User, card_id: str) -> None:
    """A tap on "Aanpassen" under one card: the list's click listener sends that card's id."""
    UserInteraction(phone, {phone.find(marker="own-cards").elements.pop()}, None).trigger("click", card_id)
