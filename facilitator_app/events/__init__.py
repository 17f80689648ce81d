"""Dag van de Dialoog: one event, many tables (each an ordinary dialogue), one organiser.

- store.py: the event files in <data>/events/.
- keys.py: the organiser key and the host key of each table (derived, only their hashes stored).
- door.py: the four steps of every event command; hall.py and wall_commands.py: the commands.
- registry.py: `Events`, the events of the running app, and the one way to create one.
"""

from .door import EventChange, EventChanged
from .hall import EventHall, SignupsRefused
from .keys import ORGANISER
from .registry import Created, EventDamaged, Events
from .store import EventStore

__all__ = ["ORGANISER", "Created", "EventChange", "EventChanged", "EventDamaged", "EventHall", "EventStore",
           "Events", "SignupsRefused"]
