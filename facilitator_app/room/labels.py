"""Display names: two people who would look the same on screen are told apart by role and a number."""

from __future__ import annotations

from collections import Counter

from rounds import Dialogue

from ..i18n import role_label


def person_labels(dialogue: Dialogue, lang: str) -> dict[str, str]:
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
