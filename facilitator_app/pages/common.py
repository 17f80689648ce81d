"""Small helpers the pages share: running a room action with a plain-language refusal, and labels."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Awaitable
from typing import TypeVar

from nicegui import ui

from rounds import Dialogue, DomainError

from ..i18n import refusal, role_label, t

log = logging.getLogger(__name__)
T = TypeVar("T")


async def attempt(lang: str, action: Awaitable[T]) -> T | None:
    """Await a room action. A refusal is shown in plain words; nothing else changes."""
    try:
        return await action
    except DomainError as err:
        ui.notify(refusal(lang, err), type="warning", position="top", multi_line=True)
    except Exception:
        log.exception("room action failed")
        ui.notify(t(lang, "error.unexpected"), type="negative", position="top")
    return None


def person_labels(dialogue: Dialogue, lang: str) -> dict[str, str]:
    """Display labels; two Annas are told apart by role and a number."""
    counts = Counter(p.name for p in dialogue.participants)
    seen: Counter[str] = Counter()
    labels = {}
    for person in dialogue.participants:
        if counts[person.name] > 1:
            seen[person.name] += 1
            labels[person.id] = f"{person.name} ({role_label(lang, person.role).lower()} {seen[person.name]})"
        else:
            labels[person.id] = person.name
    return labels
