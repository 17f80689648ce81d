"""A Dag van de Dialoog: one event record over many tables (each an ordinary dialogue). Pure, no I/O.

- model.py: the dataclasses, limits and refusal codes.
- tables.py: creating the event, adding and cancelling tables, keys, people.
- serialize.py, integrity.py: to and from plain dicts, and the full check of a record from outside.
- wall.py (and wall_*.py): the plenary wall: themes, the record of groupings, dots on themes.
- progress.py: how one table is doing, for the organiser's dashboard (counts only, no names).
- merge.py: several laptops: which tables of another venue's export are new, newer or already here.
Sign-up import is rounds/signups.py; who sits where is rounds/seating.py.
"""

from .model import Event, EventTable, SignUp, TableStatus

__all__ = ["Event", "EventTable", "SignUp", "TableStatus"]
