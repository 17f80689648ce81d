"""Read aloud on the phone (issue 12): the round's question, the ground rules and the person's own card.

The browser's own speechSynthesis speaks (static/phone.js): it works offline with the phone's voices and
nothing leaves the phone. A button is only shown while the browser has a voice for the phone's language;
the click is handled in the browser alone, so reading aloud costs the server nothing.
"""

from __future__ import annotations

from nicegui import ui

from ..i18n import ground_rules, t
from .theme import aria_label, list_button


def read_aloud(label: str, text: str, speech_lang: str, *, name: str | None = None) -> ui.element:
    """A button that reads `text` aloud in `speech_lang` (the language the text is in); `name` is what a
    screen reader says when the label alone is vague. A light button (`list_button`); a person's own cards
    have theirs in the list's markup instead (own_cards.py)."""
    # No click listener of its own: phone.js reads aloud whatever `[data-read]` button is tapped. A listener
    # made every change of the text send it along (half of the question's update when a round opens).
    button = list_button(label, props="icon=volume_up outline no-caps").classes(f"wd-speak wd-speak-{speech_lang}")
    button.props["data-read"] = text  # what is read: the browser takes it from here, so it can change in place
    button.props["data-read-lang"] = speech_lang
    if name:
        aria_label(button, name)
    return button


def set_read_text(button: ui.element, text: str) -> None:
    """What a read-aloud button reads from now on (the phone's question when a new round opens)."""
    if button.props.get("data-read") != text:
        button.props["data-read"] = text
        button.update()


def question_text(title: str, question: str) -> str:
    return f"{title}. {question}"


def rules_text(lang: str) -> str:
    return " ".join([t(lang, "phone.rules_title") + ".", *ground_rules(lang)])


def ground_rules_list(lang: str) -> None:
    """The ground rules as a list, with a button that reads them aloud."""
    with ui.element("ul").classes("wd-card text-lg").mark("phone-rules"):
        for rule in ground_rules(lang):
            with ui.element("li").classes("q-my-sm"):
                ui.label(rule)
    read_aloud(t(lang, "phone.read_rules"), rules_text(lang), lang).mark("read-rules")


def ground_rules_panel(lang: str) -> None:
    """After joining: the ground rules stay one tap away, to read again or hear. Made when first opened."""
    panel = ui.expansion(t(lang, "phone.rules_title")).classes("w-full wd-card")

    def fill(_=None) -> None:
        if not panel.default_slot.children:
            with panel:
                ground_rules_list(lang)

    panel.on_value_change(fill)


def read_question(lang: str, dialogue_lang: str, title: str, question: str) -> ui.element:
    # A round keeps its question in the dialogue's language: it is read as it stands, by a voice for that
    # language (an Arabic voice cannot read Dutch), while the button speaks the phone's language.
    return read_aloud(t(lang, "phone.read_question"), question_text(title, question), dialogue_lang).mark(
        "read-question")
