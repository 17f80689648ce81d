"""On a table's phone page: the way to the plenary wall's dots, shown only while the event's voting is open.

Kept apart from event_vote.py, which imports phone.py: the phone page can import this without a cycle.
"""

from __future__ import annotations

from nicegui import ui

from ..events import EventChange, EventChanged, EventHall
from ..i18n import t
from .event_wall_access import vote_path


def wall_vote_button(hall: EventHall, lang: str) -> ui.button:
    """"Stem op de thema’s", shown and hidden live as the organiser opens and closes the voting."""
    button = ui.button(t(lang, "phone.wall_vote_button"), icon="how_to_vote",
                       on_click=lambda: ui.navigate.to(vote_path(hall.slug))).props("size=lg unelevated").classes(
        "w-full").mark("phone-wall-vote")
    button.set_visibility(hall.wall.voting_open)

    def changed(change: EventChange) -> None:
        # Opening and closing return the wall; a dot returns a count and changes nothing here.
        if change.kind is EventChanged.VOTES and not isinstance(change.subject, int):
            button.set_visibility(hall.wall.voting_open)

    hall.changed.subscribe(changed)
    return button
