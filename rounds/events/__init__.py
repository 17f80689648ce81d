"""A Dag van de Dialoog: one event record over many tables (each an ordinary dialogue). Pure, no I/O.

- model.py: the dataclasses, limits and refusal codes.
- tables.py: creating the event, adding and cancelling tables, keys, people.
- serialize.py, integrity.py: to and from plain dicts, and the full check of a record from outside.
Sign-up import is rounds/signups.py; who sits where is rounds/seating.py.
"""

from .model import Event, EventTable, SignUp, TableStatus

__all__ = ["Event", "EventTable", "SignUp", "TableStatus"]
