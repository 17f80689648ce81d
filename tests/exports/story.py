"""One fixed, realistic evening at the table, played through the real domain with a fixed clock.

Eight people, five rounds. Round 4 (the agenda) is closed by override before Ben and Sanne were
heard; a card is hidden; Joop has no phone, so the facilitator types his cards; Anna, Daan and
Maryam agreed to have their names in the report, the others did not. Ids and tokens are fixed so
the golden files stay the same from run to run.
"""

from __future__ import annotations

from datetime import timedelta, timezone

from exports.strings import template_text
from rounds import FACILITATOR as F
from rounds import Dialogue, Outcome
from rounds.cards import add_card, place_dot, set_hidden
from rounds.notes import set_round_notes, set_turn_note
from rounds.people import join, mark_left
from rounds.preparation import new_dialogue, plan_round_order
from rounds.talking_piece import (
    close_round,
    end_turn,
    next_speaker,
    open_next_round,
    open_round,
    summarize,
)

START = 1_795_802_400.0  # Friday 27 November 2026, 19:00 in the Netherlands
TZ = timezone(timedelta(hours=1), "CET")

# (key, name, role, has_phone, name_in_report)
PEOPLE = [
    ("anna", "Anna de Vries", "resident", True, True),
    ("ben", "Ben Jansen", "resident", True, False),
    ("chris", "Chris Bakker", "professional", True, False),
    ("daan", "Daan Visser", "municipality", True, True),
    ("emine", "Emine Yılmaz", "care_welfare", True, False),
    ("joop", "Joop", "resident", False, False),
    ("maryam", "مريم العلي", "resident", True, True),
]
LATE = ("sanne", "Sanne Smit", "resident", True, False)
NAMES = [p[1] for p in PEOPLE] + [LATE[1]]
FACILITATOR_NAME = "Fatima el Amrani"

TEXT = {
    "nl": {
        "title": "Wijkdialoog De Kersentuin",
        "place": "Buurthuis De Linde, Utrecht",
        "note_ben": "Ben woont al 30 jaar in de wijk en kent iedereen.",
        "note_joop": "Joop vertelt over de moestuin achter de flat.",
        "notes_r2": "Veel verhalen over de moestuin.\n\nAnna en Joop willen samen iets opzetten.",
        "exp": ["De moestuin brengt mensen bij elkaar.", "De buurtbus naar de markt.",
                "Koffie op woensdag in het buurthuis.", "Ik heb niets met de buurt."],
        "dream": ["Een bankje bij elke voordeur.", "Een buurthuis dat elke dag open is.", "Samen eten met de straat."],
        "need": ["Een vaste plek voor de moestuin.", "Iemand die de buurtapp bijhoudt.", "Meer licht in het park."],
        "reason": "De tijd was op; we praten in de volgende bijeenkomst verder.",
        "pledge": ["Ik bel morgen de woningcorporatie over de moestuin.", "Ik zet de koffie klaar op woensdag.",
                   "Ik nodig mijn buren uit voor het buurtfeest."],
    },
    "en": {
        "title": "Cherry Garden neighbourhood dialogue",
        "place": "De Linde community centre, Utrecht",
        "note_ben": "Ben has lived here for 30 years and knows everyone.",
        "note_joop": "Joop talks about the vegetable garden behind the flats.",
        "notes_r2": "Many stories about the vegetable garden.\n\nAnna and Joop want to start something together.",
        "exp": ["The vegetable garden brings people together.", "The neighbourhood bus to the market.",
                "Coffee on Wednesdays at the community centre.", "I don't care about the neighbourhood."],
        "dream": ["A bench by every front door.", "A community centre open every day.",
                  "Dinner with the whole street."],
        "need": ["A permanent place for the vegetable garden.", "Someone to keep the neighbourhood app going.",
                 "More light in the park."],
        "reason": "Time was up; we will continue at the next meeting.",
        "pledge": ["Tomorrow I will call the housing association about the garden.",
                   "I will make the coffee on Wednesday.", "I will invite my neighbours to the street party."],
    },
}


class Clock:
    def __init__(self) -> None:
        self.now = START

    def tick(self, seconds: float = 5.0) -> float:
        self.now += seconds
        return self.now


KEY_OF: dict[str, str] = {}  # fixed participant id -> story key


def _fix_id(dialogue: Dialogue, person, key: str) -> None:
    """Replace the random id and token by fixed ones (without the name in them), wherever already used."""
    old = person.id
    number = len(dialogue.participants)
    person.id, person.token = f"{number:012x}", f"device-token-{number}"
    KEY_OF[person.id] = key
    for rnd in dialogue.rounds:
        rnd.order = [person.id if pid == old else pid for pid in rnd.order]


def _go_around(dialogue: Dialogue, clock: Clock, seconds: dict[str, float], outcomes: dict[str, list[Outcome]],
               leave_out: frozenset[str] = frozenset()) -> None:
    """Give the floor in order until everyone is heard, or until the next one up is in leave_out."""
    rnd = open_round(dialogue)
    asked: dict[str, int] = {}
    while True:
        candidates = summarize(dialogue, rnd).queue
        if not candidates or KEY_OF[candidates[0]] in leave_out:
            return
        turn = next_speaker(dialogue, F, clock.tick(10))
        key = KEY_OF[turn.participant_id]
        n = asked.get(key, 0)
        asked[key] = n + 1
        outcome = outcomes.get(key, [Outcome.SPOKE, Outcome.SPOKE])[min(n, 1)]
        end_turn(dialogue, turn.participant_id, outcome, clock.tick(seconds.get(key, 60) if outcome == "spoke" else 8))


def evening(language: str = "nl") -> Dialogue:
    text = TEXT[language]
    clock = Clock()
    dialogue = new_dialogue(slug="kersentuin", title=text["title"], theme="thuis", now=clock.now - 3600,
                            join_code="KTN42", place=text["place"], language=language,
                            facilitator_name=FACILITATOR_NAME, texts=template_text)
    dialogue.facilitator_key = "fixed-facilitator-key"
    pid = {}
    for key, name, role, phone, consent in PEOPLE:
        person = join(dialogue, name, role, clock.tick(60), has_phone=phone, name_in_report=consent)
        _fix_id(dialogue, person, key)
        pid[key] = person.id
    speak = {"anna": 95, "ben": 140, "chris": 70, "daan": 180, "emine": 60, "joop": 45, "maryam": 80, "sanne": 50}

    # 1. Getting acquainted: Chris passes first, then speaks when asked again.
    open_next_round(dialogue, F, clock.tick(300))
    _go_around(dialogue, clock, speak, {"chris": [Outcome.PASSED, Outcome.SPOKE]})
    ben_turn = next(t for t in dialogue.rounds[0].turns if t.participant_id == pid["ben"])
    set_turn_note(dialogue, F, ben_turn.id, text["note_ben"])
    close_round(dialogue, F, clock.tick(30))

    # 2. Experiences: Sanne arrives late; the facilitator types Joop's card; one card is hidden.
    open_next_round(dialogue, F, clock.tick(60))
    sanne = join(dialogue, LATE[1], LATE[2], clock.tick(20), has_phone=LATE[3], name_in_report=LATE[4])
    _fix_id(dialogue, sanne, LATE[0])
    pid["sanne"] = sanne.id
    authors = ["anna", "ben", "daan", "chris"]
    for key, card in zip(authors, text["exp"], strict=True):
        add_card(dialogue, pid[key], pid[key], card, clock.tick(15))
    add_card(dialogue, F, pid["joop"], text["exp"][1] + " (Joop)", clock.tick(15))
    hidden = dialogue.rounds[1].cards[3]
    set_hidden(dialogue, F, hidden.id, True)
    _go_around(dialogue, clock, speak, {})
    joop_turn = next(t for t in dialogue.rounds[1].turns if t.participant_id == pid["joop"])
    set_turn_note(dialogue, F, joop_turn.id, text["note_joop"])
    set_round_notes(dialogue, F, dialogue.rounds[1].id, text["notes_r2"])
    close_round(dialogue, F, clock.tick(30))

    # 3. Dreams: Emine passes twice and is done for this round.
    open_next_round(dialogue, F, clock.tick(60))
    for key, card in zip(["maryam", "sanne", "ben"], text["dream"], strict=True):
        add_card(dialogue, pid[key], pid[key], card, clock.tick(15))
    _go_around(dialogue, clock, speak, {"emine": [Outcome.PASSED, Outcome.PASSED]})
    close_round(dialogue, F, clock.tick(30))

    # 4. Agenda: needs, dots, and closed by override before Ben and Sanne were heard.
    last = [pid["ben"], pid["sanne"]]
    plan_round_order(dialogue, F, dialogue.rounds[3].id, [p for p in pid.values() if p not in last] + last)
    agenda = open_next_round(dialogue, F, clock.tick(60))
    for key, card in zip(["daan", "anna", "emine"], text["need"], strict=True):
        add_card(dialogue, pid[key], pid[key], card, clock.tick(15))
    dream_cards = [c.id for c in dialogue.rounds[2].cards]
    need_cards = [c.id for c in agenda.cards]
    dots = {
        "anna": [need_cards[0], need_cards[0], dream_cards[0]], "ben": [need_cards[0], dream_cards[1], need_cards[2]],
        "chris": [need_cards[1], need_cards[1], need_cards[2]], "daan": [need_cards[1], need_cards[2], need_cards[0]],
        "emine": [need_cards[0], dream_cards[2]], "joop": [need_cards[0]], "maryam": [dream_cards[0], need_cards[2]],
    }
    for key, cards in dots.items():
        for card_id in cards:
            place_dot(dialogue, F if key == "joop" else pid[key], pid[key], card_id, clock.tick(3))
    _go_around(dialogue, clock, speak, {}, leave_out=frozenset({"ben", "sanne"}))
    close_round(dialogue, F, clock.tick(30), override_reason=text["reason"])

    # 5. My step: Chris has to leave before his turn.
    open_next_round(dialogue, F, clock.tick(60))
    mark_left(dialogue, F, pid["chris"], clock.tick(5))
    for key, card in zip(["anna", "joop", "sanne"], text["pledge"], strict=True):
        add_card(dialogue, F if key == "joop" else pid[key], pid[key], card, clock.tick(15))
    _go_around(dialogue, clock, speak, {})
    close_round(dialogue, F, clock.tick(30))
    return dialogue
