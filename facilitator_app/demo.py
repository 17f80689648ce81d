"""The sample dialogue that `wijkdialoog --demo` (and `make run`) adds when there is none."""

from __future__ import annotations

import time

from .room import Newcomer, Room, Rooms

DEMO_TITLE = "Wijkdialoog De Linde \u2014 thuis in je buurt"


def ensure_demo(rooms: Rooms, lang: str = "nl") -> str:
    for room in rooms.all():  # a damaged file is listed, not opened; the demo still starts
        if isinstance(room, Room) and room.dialogue.title == DEMO_TITLE:
            return room.slug
    room = rooms.create(
        title=DEMO_TITLE, theme="thuis", place="Buurthuis De Linde", date=time.strftime("%Y-%m-%d"), language=lang,
        people=[Newcomer("Marja", "resident"), Newcomer("Henk", "resident", has_phone=False)],
    )
    return room.slug
