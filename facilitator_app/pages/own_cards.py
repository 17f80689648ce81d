"""A person's own cards on their phone: one element for the whole list, however many cards they write.

In a hall of 200 phones about 600 cards arrive in ten minutes, and each author's phone lists its own for
the whole round. As three NiceGUI elements per card (its text, "Aanpassen" and "Lees voor") the cards were
most of the server's growth in the 600 s soak (BENCHMARKS.md, issue 10). Now the list is one HTML element:
a card is a few hundred bytes of markup, and a change of one's own cards sends the list again (a person
writes a handful per round).

The buttons are plain HTML with Quasar's button classes, so they look like every other button. "Lees voor"
is handled in the browser by phone.js (`[data-read]`), like every read-aloud button. "Aanpassen" reaches the
server through one click listener on the list, which sends the tapped card's id. "Weghalen" is in the dialog
"Aanpassen" opens: a card is rarely taken away, and not by a slip of the finger beside "Aanpassen".
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from rounds import Card

from ..i18n import t

# What Quasar's QBtn renders for `flat dense` and `outline no-caps` in the primary colour.
_BUTTON = "q-btn q-btn-item non-selectable no-outline q-btn--rectangle text-primary q-btn--actionable q-focusable " \
          "q-hoverable"
FLAT = f"{_BUTTON} q-btn--flat q-btn--dense"
OUTLINE = f"{_BUTTON} q-btn--outline q-btn--no-uppercase"
# The tapped "Aanpassen" sends its card's id; a tap anywhere else in the list sends nothing.
EDIT_TAP_JS = "(e) => { const b = e.target.closest && e.target.closest('[data-edit]'); if (b) emit(b.dataset.edit); }"


def _content(label: str, icon: str = "") -> str:
    mark = f'<i class="q-icon notranslate material-icons on-left" aria-hidden="true">{icon}</i>' if icon else ""
    return (f'<span class="q-focus-helper" tabindex="-1"></span><span class="q-btn__content text-center col '
            f'items-center q-anchor--skip justify-center row">{mark}<span class="block">{escape(label)}</span></span>')


def own_cards_html(cards: Iterable[Card], lang: str) -> str:
    """The list's markup: each card's words (escaped), then "Aanpassen" and "Lees voor" with names that say
    which card they are for. People write in their own language, most likely the one their phone is set to."""
    code = escape(lang)  # for the attributes; a language code, but escaped like everything else
    edit, read = _content(t(lang, "phone.card_edit")), _content(t(lang, "phone.read_aloud"), "volume_up")
    parts = []
    for card in cards:
        words, read_name = escape(card.text), escape(t(lang, "phone.read_card", card=card.text))
        parts.append(
            f'<div class="wd-text text-base wd-own-card" data-card="{escape(card.id)}">{words}</div>'
            f'<button type="button" class="{FLAT}" data-edit="{escape(card.id)}" '
            f'aria-label="{escape(t(lang, "phone.card_edit_for", card=card.text))}">{edit}</button>'
            f'<button type="button" class="{OUTLINE} wd-speak wd-speak-{code}" data-read="{words}" '
            f'data-read-lang="{code}" aria-label="{read_name}">{read}</button>')
    return "".join(parts)
