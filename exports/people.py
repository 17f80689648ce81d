"""How each person appears in a harvest, and keeping names out of free text.

A person appears by name only when they consented (`name_in_report`) and the harvest is not the
anonymous one. Everyone else is role plus number ("Bewoner 3"), numbered per role in join order.

Free text (cards, notes, reasons) is written by people who know each other's names, so a note
like "Ben vertelt over de moestuin" would leak Ben's name. Every name that may not appear is
replaced in free text by that person's label in brackets. A word that could be two people gets a
neutral "[naam]". This errs on the side of replacing too much: a name that is also a word, such
as "Wil", is replaced when written with a capital.

A dialogue read back from an export already has labels where names were: the person is called
"Bewoner 2" and the text says "[Bewoner 2]". Such a name is replaced only whole (not "Bewoner" or
"Gemeente" on their own), and a name already in brackets is replaced with its brackets, so
writing the harvest again gives the same text instead of "[[Bewoner 2]]".
"""

from __future__ import annotations

import re
from collections import Counter

from rounds import Dialogue, Participant, Role

from .strings import ROLES, role_label, t

_WORD = re.compile(r"\w+")
# A name that is a label already ("Bewoner 2", "Care/welfare 1"), in either language.
_LABEL = re.compile(
    "(?:" + "|".join(re.escape(label) for labels in ROLES.values() for label in labels.values()) + r") \d+"
)
# Little words inside names that are ordinary words on their own ("Anna de Vries").
_PARTICLES = {
    "de", "der", "den", "van", "von", "het", "ten", "ter", "te", "la", "le", "du", "di", "da", "dos", "das",
    "del", "el", "al", "bin", "ibn", "y", "e", "op", "in", "'t",
}


def _variants(name: str) -> set[str]:
    """The full name and the parts of it someone might write on their own."""
    if _LABEL.fullmatch(name):
        return {name}  # a label from an earlier export: "Gemeente" on its own is a word, not this person
    variants = {name}
    for part in re.split(r"[\s\-]+", name):
        part = part.strip(".,;:!?()\"'")
        if len(part) >= 2 and part.lower() not in _PARTICLES:
            variants.add(part)
    # Also as written at the start of a sentence.
    return variants | {v[0].upper() + v[1:] for v in variants}


class Naming:
    """Labels and shown names for one harvest of one dialogue."""

    def __init__(self, dialogue: Dialogue, lang: str, anonymous: bool) -> None:
        self.lang, self.anonymous = lang, anonymous
        self.people: dict[str, Participant] = {p.id: p for p in dialogue.participants}
        self.labels: dict[str, str] = {}
        numbers: Counter[Role] = Counter()
        joined = sorted(enumerate(dialogue.participants), key=lambda pair: (pair[1].joined_at, pair[0]))
        for _, person in joined:
            numbers[person.role] += 1
            self.labels[person.id] = f"{role_label(lang, person.role)} {numbers[person.role]}"
        self.named = {pid for pid, p in self.people.items() if p.name_in_report and not anonymous}
        self._build_scrubber(dialogue)

    def who(self, participant_id: str) -> str:
        """The person's name if it may appear, else role and number."""
        if participant_id in self.named:
            return self.people[participant_id].name
        return self.labels.get(participant_id, "?")

    def role(self, participant_id: str) -> Role:
        person = self.people.get(participant_id)
        return person.role if person else Role.OTHER

    def role_text(self, participant_id: str) -> str:
        return role_label(self.lang, self.role(participant_id))

    def _build_scrubber(self, dialogue: Dialogue) -> None:
        hidden: list[tuple[str, str]] = [
            (p.name, f"[{self.labels[p.id]}]") for p in dialogue.participants if p.id not in self.named
        ]
        if self.anonymous and dialogue.facilitator_name:
            hidden.append((dialogue.facilitator_name, f"[{t(self.lang, 'facilitator_label')}]"))
        shown = [self.people[pid].name for pid in self.named]
        generic = f"[{t(self.lang, 'name_label')}]"
        replacement: dict[str, str] = {}
        for name, label in hidden:
            for form in _variants(name):
                replacement[form] = label if replacement.get(form, label) == label else generic
        for name in shown:
            for form in _variants(name):
                if form in replacement:
                    replacement[form] = generic  # the same word names someone hidden and someone shown
                elif form == name or form == name[0].upper() + name[1:]:
                    replacement[form] = form  # a shown full name stays whole, so its parts are not cut out
        self._replacement = {form: label for form, label in replacement.items() if form != label}
        forms = sorted(replacement, key=len, reverse=True)
        self._words = {w for form in self._replacement for w in _WORD.findall(form)}
        alternatives = "|".join(re.escape(f) for f in forms)
        # A name in brackets is replaced with its brackets: "[Bewoner 2]" stays itself, not "[[Bewoner 2]]".
        self._pattern = (
            re.compile(rf"\[(?P<bracketed>{alternatives})\]|(?<!\w)(?P<bare>{alternatives})(?!\w)") if forms
            else None
        )

    def _replace(self, match: re.Match[str]) -> str:
        form = match.group("bracketed")
        if form is None:
            form = match.group("bare")
        return self._replacement.get(form, match.group(0))

    def scrub(self, text: str) -> str:
        """Free text with every name that may not appear replaced by a label."""
        if not text or self._pattern is None or self._words.isdisjoint(_WORD.findall(text)):
            return text
        return self._pattern.sub(self._replace, text)
