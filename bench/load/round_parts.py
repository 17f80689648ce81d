"""When does a phone show *every* part of a round that just opened, not only its first change?

A phone's first update after "Ronde beginnen" is what the fan-out figure times. If the app sends a round
in steps (the question first, the card box a moment later), that figure alone would flatter it: this
predicate waits until the page, as the browser would draw it, shows the question, the phone's place in
the turn order and, in a card round, the card box.
"""

from __future__ import annotations

from typing import Any

from facilitator_app.i18n import kind_label, t

from .people import LANG
from .protocol import Predicate, Tab, Update, element_text
from .servers import DialogueInfo


def shown_texts(elements: dict[int, dict[str, Any]]) -> set[str]:
    """The texts of the elements that are drawn: neither they nor any parent carries Quasar's "hidden"."""
    parent = {child: pid for pid, e in elements.items() for child in e.get("children") or []}
    hidden: dict[int, bool] = {}

    def is_hidden(element_id: int) -> bool:
        if element_id not in hidden:
            element = elements.get(element_id)
            up = parent.get(element_id)
            hidden[element_id] = element is None or "hidden" in (element.get("class") or []) or (
                up is not None and is_hidden(up))
        return hidden[element_id]

    return {element_text(e) for element_id, e in elements.items() if not is_hidden(element_id)}


def turn_texts(phones: int) -> set[str]:
    """Every line a phone can show for its place in the order when a round opens (nobody speaks yet)."""
    return {t(LANG, "phone.next_is_you", count=0)} | {t(LANG, "phone.before_you", count=n) for n in range(1, phones)}


def every_part_shown(tab: Tab, info: DialogueInfo, places: set[str]) -> Predicate:
    """True on the update after which the phone shows the question, its place and (card round) the card box."""
    card_title = t(LANG, "phone.cards_title", kind=kind_label(LANG, info.card_kind)) if info.card_kind not in (
        "", "none") else None

    def check(_: Update) -> bool:  # the tab has applied the update before its waiters are asked
        texts = shown_texts(tab.elements)
        return info.question in texts and bool(texts & places) and (card_title is None or card_title in texts)

    return check
