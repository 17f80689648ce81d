"""Small builders so story tests read like the story."""

from __future__ import annotations

from exports.strings import template_text
from rounds import FACILITATOR, Dialogue, Participant
from rounds.people import join
from rounds.preparation import new_dialogue
from rounds.talking_piece import open_next_round


class Clock:
    """The injected clock: tests move time by hand."""

    def __init__(self, start: float = 1_000.0) -> None:
        self.now = start

    def tick(self, seconds: float = 1.0) -> float:
        self.now += seconds
        return self.now


def table(
    *names: str, template: str = "wijkdialoog", clock: Clock | None = None
) -> tuple[Dialogue, dict[str, Participant]]:
    clock = clock or Clock()
    dialogue = new_dialogue(slug="test", title="Wijkdialoog Test", theme="thuis", now=clock.now, template=template,
                            texts=template_text)
    people = {name: join(dialogue, name, "resident", clock.tick()) for name in names}
    return dialogue, people


def running_table(*names: str, clock: Clock | None = None) -> tuple[Dialogue, dict[str, Participant]]:
    clock = clock or Clock()
    dialogue, people = table(*names, clock=clock)
    open_next_round(dialogue, FACILITATOR, clock.tick())
    return dialogue, people


def order_names(dialogue: Dialogue, round_index: int = 0) -> list[str]:
    lookup = {p.id: p.name for p in dialogue.participants}
    return [lookup[pid] for pid in dialogue.rounds[round_index].order]
