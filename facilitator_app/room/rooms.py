"""The rooms of one running app, and the one way to create or import a dialogue."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from exports.strings import template_text
from rounds import Dialogue, Role
from rounds.people import join, require_facilitator
from rounds.preparation import new_dialogue, new_facilitator_key, new_join_code

from ..store import Store, StoreError
from .card_commands import CardCommands
from .changes import Changed
from .feedback_commands import FeedbackCommands
from .floor_commands import FloorCommands
from .people_commands import PeopleCommands
from .plan_commands import PlanCommands

log = logging.getLogger(__name__)


class Room(PeopleCommands, FloorCommands, CardCommands, PlanCommands, FeedbackCommands):
    """One per dialogue, the single writer. Each use case is one named command (see the mixins)."""

    async def replace_with_newer_copy(self, actor: str, newer: Dialogue) -> Dialogue:
        """A later export of a table that ran on another laptop replaces this imported copy (issue 11).

        The copy keeps its own slug, join code and key; device tokens from elsewhere are never trusted.
        """
        def replace(dialogue: Dialogue, _now: float) -> Dialogue:
            require_facilitator(actor)
            keep = dialogue.slug, dialogue.join_code, dialogue.facilitator_key
            vars(dialogue).update(vars(newer))
            dialogue.slug, dialogue.join_code, dialogue.facilitator_key = keep
            dialogue.blocked_tokens = []
            for person in dialogue.participants:
                person.token = ""
            return dialogue
        return await self._act(Changed.PLAN, actor, replace)


class DialogueDamaged(Exception):
    """A dialogue's file cannot be used. The file is left as it is; other dialogues keep working."""

    def __init__(self, slug: str, reason: str) -> None:
        self.slug, self.reason = slug, reason
        super().__init__(f"{slug}: {reason}")


@dataclass(frozen=True)
class Damaged:
    slug: str
    reason: str


@dataclass(frozen=True)
class Newcomer:
    """Someone added while creating a dialogue (the demo's people, or a sign-up list)."""

    name: str
    role: str | Role
    has_phone: bool = True


class Rooms:
    def __init__(self, store: Store, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.clock = clock
        self._rooms: dict[str, Room] = {}

    def get(self, slug: str) -> Room | None:
        """The room of a dialogue, opened on first use. Raises DialogueDamaged for a file that cannot be used."""
        if slug not in self._rooms:
            if not self.store.exists(slug):
                return None
            try:
                dialogue = self.store.load(slug)
                self._own_join_code(dialogue)
            except StoreError as err:
                raise DialogueDamaged(slug, err.detail or err.code) from None
            except OSError as err:  # the fresh code could not be saved; strerror carries no path
                raise DialogueDamaged(slug, err.strerror or type(err).__name__) from None
            self._rooms[slug] = Room(self.store, dialogue, self.clock)
        return self._rooms[slug]

    def _own_join_code(self, dialogue: Dialogue) -> None:
        """A copied file (`cp X.json kopie.json`) holds X's join code: give the copy a fresh one, saved.

        Runs before the room exists, so no page is drawing this dialogue yet. The original keeps its code,
        so phones with the printed code still reach it (the store's index says who owns a code).
        """
        owner = self.store.slug_for_code(dialogue.join_code)
        if owner in (None, dialogue.slug):
            return
        old = dialogue.join_code
        dialogue.join_code = self._fresh_code()
        self.store.save(dialogue)
        log.warning("%s had join code %s, which %s already uses (a copied file?); it now has join code %s",
                    dialogue.slug, old, owner, dialogue.join_code)

    def by_code(self, code: str) -> Room | None:
        slug = self.store.slug_for_code(code)
        if not slug:
            return None
        try:
            return self.get(slug)
        except DialogueDamaged:
            return None

    def all(self) -> list[Room | Damaged]:
        """Every dialogue on this machine; a damaged file is listed with its reason instead of breaking the list."""
        found: list[Room | Damaged] = []
        for slug in self.store.slugs():
            try:
                room = self.get(slug)
            except DialogueDamaged as err:
                found.append(Damaged(slug, err.reason))
                continue
            if room is not None:
                found.append(room)
        return found

    def dialogues(self) -> list[Dialogue]:
        return [room.dialogue for room in self.all() if isinstance(room, Room)]

    def _fresh_code(self) -> str:
        code = new_join_code()
        while self.store.slug_for_code(code) is not None:
            code = new_join_code()
        return code

    def create(self, *, title: str, theme: str, people: Iterable[Newcomer] = (), **fields) -> Room:
        """A new dialogue from a template (place, date, language, template, facilitator_name in fields)."""
        now = self.clock()
        dialogue = new_dialogue(slug=self.store.unique_slug(title), title=title, theme=theme, now=now,
                                join_code=self._fresh_code(), texts=template_text, **fields)
        for person in people:
            join(dialogue, person.name, person.role, now, has_phone=person.has_phone)
        return self._add(dialogue)

    def import_dialogue(self, dialogue: Dialogue) -> Room:
        """A dialogue from another laptop, beside the others: its own slug, key, and a join code nobody else has.

        Device tokens from elsewhere are never trusted here: phones join this copy afresh.
        """
        dialogue.slug = self.store.unique_slug(dialogue.title)
        if self.store.slug_for_code(dialogue.join_code) is not None:  # the printed code stays when it is free
            dialogue.join_code = self._fresh_code()
        dialogue.facilitator_key = new_facilitator_key()
        for person in dialogue.participants:
            person.token = ""  # an empty token matches no phone: people join this copy afresh
        return self._add(dialogue, imported=True)

    def _add(self, dialogue: Dialogue, *, imported: bool = False) -> Room:
        self.store.save(dialogue, imported=imported)
        room = self._rooms[dialogue.slug] = Room(self.store, dialogue, self.clock)
        return room
