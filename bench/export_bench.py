"""Harvest benchmark: every export format for a 200-participant, 2,000-card finished dialogue.

Prints the time per format and for `write_all` (all seven files, one harvest view shared), named
and anonymous. Target: all formats together in at most 2 s. It prints figures; it is not a test.

    .venv/bin/python bench/export_bench.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exports import FORMATS, render, write_all  # noqa: E402
from exports.strings import template_text  # noqa: E402
from rounds import FACILITATOR as F  # noqa: E402
from rounds import CardKind, Dialogue, Outcome  # noqa: E402
from rounds.cards import add_card, place_dot, votable_cards  # noqa: E402
from rounds.notes import set_turn_note  # noqa: E402
from rounds.people import join  # noqa: E402
from rounds.preparation import new_dialogue  # noqa: E402
from rounds.talking_piece import close_round, end_turn, next_speaker, open_next_round  # noqa: E402

ROLES = ["resident", "resident", "professional", "municipality", "care_welfare", "business"]
WORDS = ("een bankje bij de speeltuin meer licht in het park koffie op woensdag de moestuin achter de flat "
         "samen eten met de straat iemand die de buurtapp bijhoudt").split()


def big_dialogue() -> Dialogue:
    dialogue = new_dialogue(slug="groot", title="Grote wijkdialoog", theme="thuis", now=0, place="Sporthal",
                            facilitator_name="Fatima el Amrani", texts=template_text)
    dialogue.rounds[0].card_kind = CardKind.EXPERIENCE  # the first round collects cards too: 5 x 400
    now = 1.0
    for n in range(200):
        join(dialogue, f"Deelnemer {n}", ROLES[n % len(ROLES)], now, has_phone=n % 10 != 0,
             name_in_report=n % 3 == 0)
    for index in range(5):
        rnd = open_next_round(dialogue, F, now)
        for n in range(400):
            text = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(6 + n % 12)) + f" ({index}-{n})"
            card = add_card(dialogue, F, dialogue.participants[n % 200].id, text, now)
            card.hidden = n % 97 == 0
        if rnd.dot_vote:
            cards = votable_cards(dialogue, rnd)
            for n, person in enumerate(dialogue.participants):
                for k in range(3):
                    place_dot(dialogue, F, person.id, cards[(n * 7 + k * 13) % 60].id, now)
        for n in range(200):
            now += 30
            turn = next_speaker(dialogue, F, now)
            end_turn(dialogue, F, Outcome.PASSED if n % 17 == 0 else Outcome.SPOKE, now + 20 + n % 150)
            if n % 5 == 0:
                set_turn_note(dialogue, F, turn.id, f"Deelnemer {n} vertelt over de buurt")
        for _ in range(20):  # those who passed are asked again
            try:
                end_turn(dialogue, F, Outcome.SPOKE, next_speaker(dialogue, F, now + 5).started_at + 10)
            except Exception:  # noqa: BLE001 - nobody left to ask
                break
        close_round(dialogue, F, now + 60, override_reason="Tijd" if index == 3 else None)
    return dialogue


def timed(action, repeat: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main() -> None:
    start = time.perf_counter()
    dialogue = big_dialogue()
    cards = sum(len(r.cards) for r in dialogue.rounds)
    turns = sum(len(r.turns) for r in dialogue.rounds)
    print(f"dialogue: {len(dialogue.participants)} participants, {len(dialogue.rounds)} rounds, {cards} cards, "
          f"{turns} turns, status {dialogue.status} (built in {time.perf_counter() - start:.1f} s)")
    for anonymous in (False, True):
        label = "anonymous" if anonymous else "named"
        total = 0.0
        parts = []
        for fmt in FORMATS:
            ms, data = timed(lambda fmt=fmt, anon=anonymous: render(dialogue, fmt, anon))
            total += ms
            parts.append(f"{fmt} {ms:.0f} ms ({len(data) // 1024} KiB)")
        print(f"{label}, one render() per format (median of 3): " + ", ".join(parts))
        print(f"{label}, sum of the seven renders: {total:.0f} ms")
        with tempfile.TemporaryDirectory() as folder:
            ms, _ = timed(lambda folder=folder, anon=anonymous: write_all(dialogue, folder, anon))
        print(f"{label}, write_all (all seven files, one harvest view): {ms:.0f} ms")


if __name__ == "__main__":
    main()
