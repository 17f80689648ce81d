"""Display names: two people who would look the same on screen are told apart by role and a number."""

from __future__ import annotations

from collections import Counter

from rounds import Dialogue
from rounds.text import look_alike_key

from ..i18n import role_label


def person_labels(dialogue: Dialogue, lang: str) -> dict[str, str]:
    # "Anna" and "Аnna" (a Cyrillic А) look the same on the wall: they are told apart like two Annas.
    keys = {p.id: look_alike_key(p.name) for p in dialogue.participants}
    counts = Counter(keys.values())
    seen: Counter[str] = Counter()
    labels = {}
    for person in dialogue.participants:
        key = keys[person.id]
        if counts[key] > 1:
            seen[key] += 1
            labels[person.id] = f"{person.name} ({role_label(lang, person.role).lower()} {seen[key]})"
        else:
            labels[person.id] = person.name
    return labels
