""""Did you feel heard?" in the harvest: per role, beside the talk time, and never per person.

Only counts and averages per role are printed; a role with a single answer still shows just "1" and
its score, never a name. The words people added are listed on their own, sorted, without name or
role, and with the names of people who may not appear replaced as in every other free text.
"""

from __future__ import annotations

from dataclasses import dataclass

from rounds import Dialogue

from .people import Naming
from .strings import counted, t


@dataclass
class FeltHeardView:
    intro: str  # "6 of the 8 participants answered ... Average: 3.8."
    words: str  # "Words people added ...: fijn, gehoord." or "" when nobody added a word


def average(value: float | None, lang: str) -> str:
    """"3,8" in Dutch, "3.8" in English; a dash when nobody in that group answered."""
    if value is None:
        return "\u2013"
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def felt_heard_view(dialogue: Dialogue, names: Naming) -> FeltHeardView | None:
    """What the harvest says about the answers; None for a dialogue in which nobody answered."""
    lang = names.lang
    known = {p.id for p in dialogue.participants}
    scores = [a.score for a in dialogue.felt_heard if a.participant_id in known]
    if not scores:
        return None
    intro = counted(lang, "felt_intro", len(scores), people=len(dialogue.participants),
                    average=average(sum(scores) / len(scores), lang))
    # Sorted, so the order of the words says nothing about who answered when.
    words = sorted({names.scrub(a.word) for a in dialogue.felt_heard if a.word and a.participant_id in known},
                   key=str.casefold)
    return FeltHeardView(intro, t(lang, "felt_words", words=", ".join(words)) if words else "")
