"""The command layer: one Room per dialogue, and every change to a dialogue is one named command on it.

Pages call `room.next_speaker(actor)`, `room.add_card(actor, author_id, text)`, ... and draw the typed
`Change` the room emits. Nothing else writes a dialogue. See door.py for the four steps of a command.
"""

from .changes import Change, Changed, Saves
from .door import NEWCOMER
from .rooms import Damaged, DialogueDamaged, Newcomer, Room, Rooms

__all__ = ["NEWCOMER", "Change", "Changed", "Damaged", "DialogueDamaged", "Newcomer", "Room", "Rooms", "Saves"]
