"""Engine + store benchmark: median time to apply one action and save it.

A dialogue with 200 participants, 5 rounds, 2,000 cards and 1,000 turns; measured alone on disk
and again with 100 other dialogues beside it. Prints figures; it is not a test.

    .venv/bin/python bench/engine_bench.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from facilitator_app.room import Room, Rooms  # noqa: E402
from facilitator_app.store import Store  # noqa: E402
from rounds import FACILITATOR as F  # noqa: E402
from rounds import Dialogue, Outcome  # noqa: E402
from rounds.cards import add_card  # noqa: E402
from rounds.people import join  # noqa: E402
from rounds.talking_piece import close_round, end_turn, next_speaker, open_next_round  # noqa: E402


def big_dialogue(store: Store, title: str) -> Dialogue:
    dialogue = Rooms(store, clock=lambda: 0.0).create(title=title, theme="thuis").dialogue
    now = 1.0
    for n in range(200):
        join(dialogue, f"Deelnemer {n}", ["resident", "professional", "municipality"][n % 3], now)
    for index in range(5):
        open_next_round(dialogue, F, now)
        for _ in range(200):  # 5 x 200 = 1,000 turns
            now += 30
            next_speaker(dialogue, F, now)
            end_turn(dialogue, F, Outcome.SPOKE, now + 25)
        if index >= 0:
            for n in range(400):  # 5 x 400 = 2,000 cards (round 1 collects none; the facilitator adds kinds)
                dialogue.rounds[index].card_kind = dialogue.rounds[index].card_kind if index else "experience"
                add_card(dialogue, F, dialogue.participants[n % 200].id, f"Kaartje {index}-{n} met wat tekst", now)
        if index < 4:
            close_round(dialogue, F, now)
    store.save(dialogue)
    return dialogue


def measure(store: Store, dialogue: Dialogue, samples: int = 200) -> list[float]:
    """One action = the facilitator's note on a turn in the open round + saving the whole file.

    The store re-encodes only the rounds an action touched (here the open one); the other rounds
    reuse their JSON from the last save. The file written is complete every time.
    """
    turn = dialogue.rounds[4].turns[-1]
    times = []
    for n in range(samples):
        start = time.perf_counter()
        turn.note = f"aantekening {n}"
        store.save(dialogue, only_rounds={dialogue.rounds[4].id})
        times.append((time.perf_counter() - start) * 1000)
    return times


def measure_commands(store: Store, dialogue: Dialogue, samples: int = 200) -> list[float]:
    """One action through the one door: `room.set_turn_note` on the open round (check, domain, save, emit)."""
    room = Room(store, dialogue)
    turn = dialogue.rounds[4].turns[-1]

    async def run_all() -> list[float]:
        times = []
        for n in range(samples):
            start = time.perf_counter()
            await room.set_turn_note(F, turn.id, f"aantekening {n}")
            times.append((time.perf_counter() - start) * 1000)
        return times

    return asyncio.run(run_all())


def report(label: str, times: list[float]) -> None:
    times = sorted(times)
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"{label}: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms over {len(times)} actions")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        dialogue = big_dialogue(store, "Groot")
        size = store.path_for(dialogue.slug).stat().st_size
        cards = sum(len(r.cards) for r in dialogue.rounds)
        turns = sum(len(r.turns) for r in dialogue.rounds)
        print(f"dialogue: {len(dialogue.participants)} participants, {len(dialogue.rounds)} rounds, "
              f"{cards} cards, {turns} turns, file {size / 1024:.0f} KiB")
        report("alone on disk", measure(store, dialogue))
        report("one command through the room (note on a turn)", measure_commands(store, dialogue))
        full = []
        for _ in range(50):
            start = time.perf_counter()
            store.save(dialogue)
            full.append((time.perf_counter() - start) * 1000)
        report("re-encoding every round (worst case)", full)
        for n in range(100):
            big = Rooms(store, clock=lambda: 0.0).create(title=f"Ander {n}", theme="").dialogue
            for k in range(50):
                join(big, f"P{k}", "resident", 0)
            store.save(big)
        fresh = Store(Path(tmp))
        loaded = fresh.load(dialogue.slug)
        report("with 100 other dialogues on disk", measure(fresh, loaded))
        report("one command through the room, 100 others on disk", measure_commands(fresh, loaded))


if __name__ == "__main__":
    main()
