"""Every dialogue the app writes passes the integrity check; a damaged or hostile one is refused by name."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports.strings import template_text
from rounds import FACILITATOR as F
from rounds import Dialogue, DomainError, Outcome, Status
from rounds.cards import add_card, place_dot, set_hidden
from rounds.integrity import IntegrityProblem, check_dialogue, check_json_depth
from rounds.people import join, mark_back, mark_left
from rounds.preparation import new_dialogue
from rounds.serialize import dialogue_from_dict, dialogue_to_dict
from rounds.talking_piece import close_round, end_turn, next_speaker, open_next_round

from .helpers import Clock, table


def _go_around(dialogue: Dialogue, clock: Clock, outcomes: list[str]) -> None:
    for outcome in outcomes:
        next_speaker(dialogue, F, clock.tick())
        end_turn(dialogue, F, outcome, clock.tick(30))


def _finished_story() -> Dialogue:
    """The whole default dialogue: turns, passes, an override, hidden cards, dots, and the end."""
    clock = Clock()
    dialogue, people = table("Anna", "Ben", "Chris", "مريم", "Zoë 👩🏽\u200d🦱", clock=clock)
    anna, ben, chris = people["Anna"], people["Ben"], people["Chris"]
    check_dialogue(dialogue)
    open_next_round(dialogue, F, clock.tick())  # kennismaken
    next_speaker(dialogue, F, clock.tick())
    check_dialogue(dialogue)  # a running turn in the open round
    end_turn(dialogue, F, "spoke", clock.tick(200))  # over time
    _go_around(dialogue, clock, ["passed", "spoke", "spoke", "spoke", "spoke"])
    close_round(dialogue, F, clock.tick())
    open_next_round(dialogue, F, clock.tick())  # ervaringen
    add_card(dialogue, anna.id, anna.id, "Het buurthuis is open", clock.tick())
    hidden = add_card(dialogue, F, ben.id, "Iets wat weg moet", clock.tick())
    set_hidden(dialogue, F, hidden.id, True)
    mark_left(dialogue, F, chris.id, clock.tick())
    next_speaker(dialogue, F, clock.tick())
    close_round(dialogue, F, clock.tick(), override_reason="De tijd is om")  # with an override
    mark_back(dialogue, F, chris.id)
    open_next_round(dialogue, F, clock.tick())  # dromen
    dreams = [add_card(dialogue, p.id, p.id, f"Droom van {p.name}", clock.tick()) for p in people.values()]
    late = join(dialogue, "Dirk", "professional", clock.tick())
    _go_around(dialogue, clock, ["spoke"] * 6)
    close_round(dialogue, F, clock.tick())
    open_next_round(dialogue, F, clock.tick())  # wijkagenda: votes on dromen and itself
    need = add_card(dialogue, late.id, late.id, "Een bankje bij de speeltuin\nen een boom", clock.tick())
    for person in people.values():
        place_dot(dialogue, person.id, person.id, dreams[0].id, clock.tick())
        place_dot(dialogue, F, person.id, need.id, clock.tick())
    _go_around(dialogue, clock, ["spoke"] * 6)
    close_round(dialogue, F, clock.tick())
    open_next_round(dialogue, F, clock.tick())  # doen
    add_card(dialogue, anna.id, anna.id, "Ik zet de koffie", clock.tick())
    close_round(dialogue, F, clock.tick(), override_reason="Einde van de avond")
    assert dialogue.status == Status.FINISHED
    return dialogue


def _round_trip(dialogue: Dialogue) -> Dialogue:
    return dialogue_from_dict(json.loads(json.dumps(dialogue_to_dict(dialogue))))


def test_the_dialogues_the_app_writes_pass() -> None:
    check_dialogue(new_dialogue(slug="leeg", title="Leeg", theme="", now=0, template="leeg", texts=template_text))
    check_dialogue(new_dialogue(slug="en", title="Our street", theme="thuis", now=0, language="en",
                                texts=template_text))
    finished = _finished_story()
    check_dialogue(finished)
    check_dialogue(_round_trip(finished))
    assert finished.rounds[1].override is not None and finished.rounds[1].override.not_heard


def test_anonymous_looking_data_passes() -> None:
    dialogue = _round_trip(_finished_story())
    dialogue.facilitator_key, dialogue.facilitator_name = "", ""
    for person in dialogue.participants:
        person.token = ""
    for rnd in dialogue.rounds:
        for card in rnd.cards:
            if card.hidden:
                card.text = ""
    check_dialogue(dialogue)


def test_a_real_anonymous_export_passes() -> None:
    from exports.json_io import from_json, to_json

    dialogue = _finished_story()
    dialogue.participants[0].name = "Al"  # a short name: the scrubbed texts grow
    dialogue.rounds[2].cards[0].text = " ".join(["Al"] * 160)
    check_dialogue(dialogue)
    imported = from_json(to_json(dialogue, anonymous=True))
    check_dialogue(imported, anonymous=True)
    with pytest.raises(IntegrityProblem, match="text too long"):
        check_dialogue(imported)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, 9), max_size=60), st.randoms(use_true_random=False))
def test_random_play_always_passes(steps: list[int], rng: Any) -> None:
    clock = Clock()
    dialogue, people = table("A", "B", "C", clock=clock)
    ids = [p.id for p in people.values()]
    actions: list[Callable[[], object]] = [
        lambda: open_next_round(dialogue, F, clock.tick()),
        lambda: next_speaker(dialogue, F, clock.tick()),
        lambda: end_turn(dialogue, F, rng.choice(list(Outcome)), clock.tick(rng.randint(0, 300))),
        lambda: close_round(dialogue, F, clock.tick(), override_reason=rng.choice([None, "tijd"])),
        lambda: add_card(dialogue, F, rng.choice(ids), "kaartje", clock.tick()),
        lambda: place_dot(dialogue, F, rng.choice(ids), f"c{rng.randint(1, dialogue.next_id)}", clock.tick()),
        lambda: mark_left(dialogue, F, rng.choice(ids), clock.tick()),
        lambda: mark_back(dialogue, F, rng.choice(ids)),
        lambda: ids.append(join(dialogue, "Nieuw", "other", clock.tick()).id),
        lambda: set_hidden(dialogue, F, f"c{rng.randint(1, dialogue.next_id)}", True),
    ]
    for step in steps:
        try:
            actions[step]()
        except DomainError:
            pass
        check_dialogue(dialogue)
    check_dialogue(_round_trip(dialogue))


# Refusals: each names what is wrong.

def _data() -> dict[str, Any]:
    return dialogue_to_dict(_finished_story())


def _refused(data: dict[str, Any], reason: str) -> None:
    dialogue = dialogue_from_dict(json.loads(json.dumps(data)))
    with pytest.raises(IntegrityProblem) as err:
        check_dialogue(dialogue)
    assert err.value.reason == reason


def test_a_5_mb_card_is_refused() -> None:
    data = _data()
    data["rounds"][1]["cards"][0]["text"] = "x" * 5_000_000
    _refused(data, "text too long: rounds[1].cards[0].text")


def test_nan_and_infinity_are_refused() -> None:
    data = _data()
    text = json.dumps(data).replace(f'"finished_at": {data["finished_at"]}', '"finished_at": NaN')
    with pytest.raises(IntegrityProblem, match=r"^not finite: finished_at$"):
        check_dialogue(dialogue_from_dict(json.loads(text)))
    data["rounds"][2]["turns"][0]["started_at"] = float("inf")
    _refused(data, "not finite: rounds[2].turns[0].started_at")


def test_a_vote_for_a_missing_card_is_refused() -> None:
    data = _data()
    data["rounds"][3]["votes"][0]["card_id"] = "c999"
    _refused(data, "vote for a missing card in rounds[3].votes[0].card_id")


def test_a_vote_for_a_card_outside_the_voted_rounds_is_refused() -> None:
    data = _data()
    data["rounds"][3]["votes"][0]["card_id"] = data["rounds"][1]["cards"][0]["id"]  # ervaringen: not voted on
    _refused(data, "vote for a missing card in rounds[3].votes[0].card_id")


def test_an_unknown_participant_in_an_order_is_refused() -> None:
    data = _data()
    data["rounds"][1]["order"].append("deadbeef0000")
    _refused(data, "unknown participant id in rounds[1].order")


def test_a_bad_join_code_is_refused() -> None:
    for code in ["ABC", "ABCDEF", "abcde", "ABCD0", "ABCDI", "AB/CD"]:
        data = _data()
        data["join_code"] = code
        _refused(data, "join code format")


def _edit(path: str, value: Any) -> dict[str, Any]:
    data = _data()
    *parents, last = path.split(".")
    target: Any = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    target[int(last) if last.isdigit() else last] = value
    return data


@pytest.mark.parametrize(
    "path,value,reason",
    [
        ("participants.0.name", "x" * 41, "text too long: participants[0].name"),
        ("participants.0.name", "An\nna", "control character: participants[0].name"),
        ("participants.0.name", "An\ud800na", "control character: participants[0].name"),
        ("participants.0.name", "   ", "empty text: participants[0].name"),
        ("participants.0.id", "facilitator", "reserved id: participants[0].id"),
        ("participants.1.id", None, "participant id format: participants[1].id"),
        ("participants.0.token", "../../x", "token format: participants[0].token"),
        ("participants.0.present", "yes", "not a boolean: participants[0].present"),
        ("participants.0.joined_at", -1, "out of range: participants[0].joined_at"),
        ("participants.0.joined_at", 1e300, "out of range: participants[0].joined_at"),
        ("participants.0.joined_at", "1000", "not a number: participants[0].joined_at"),
        ("slug", "../etc/passwd", "slug format"),
        ("title", "", "empty text: title"),
        ("theme", "a\x1bb", "control character: theme"),
        ("language", "fr", "unknown language"),
        ("facilitator_key", "a b", "facilitator key format"),
        ("next_id", 3, "next_id not above every id used"),
        ("next_id", 0, "out of range: next_id"),
        ("next_id", 10**100, "out of range: next_id"),
        ("next_id", True, "not a whole number: next_id"),
        ("rounds.0.dots_per_person", 0, "out of range: rounds[0].dots_per_person"),
        ("rounds.0.dots_per_person", 21, "out of range: rounds[0].dots_per_person"),
        ("rounds.0.speaking_seconds", 5, "out of range: rounds[0].speaking_seconds"),
        ("rounds.0.speaking_seconds", 60.0, "not a whole number: rounds[0].speaking_seconds"),
        ("rounds.0.notes", "x" * 10_001, "text too long: rounds[0].notes"),
        ("rounds.0.question", "", "empty text: rounds[0].question"),
        ("rounds.0.turns.0.note", "x" * 1_001, "text too long: rounds[0].turns[0].note"),
        ("rounds.1.override.reason", "x" * 501, "text too long: rounds[1].override.reason"),
        ("rounds.1.override.not_heard", ["nobody"], "unknown participant id in rounds[1].override.not_heard"),
        ("rounds.0.planned_order", ["nobody"], "unknown participant id in rounds[0].planned_order"),
        ("rounds.0.order", "abc", "not a list: rounds[0].order"),
        ("rounds.3.vote_on_rounds", ["r99"], "unknown round id in rounds[3].vote_on_rounds"),
        ("rounds.0.turns.0.participant_id", "nobody", "unknown participant id in rounds[0].turns[0].participant_id"),
        ("rounds.0.turns.0.ended_at", 0, "ends before it starts: rounds[0].turns[0]"),
        ("rounds.0.turns.0.outcome", None, "outcome without end or end without outcome: rounds[0].turns[0]"),
        ("rounds.1.cards.0.author_id", "nobody", "unknown participant id in rounds[1].cards[0].author_id"),
        ("rounds.1.cards.0.round_id", "r3", "card in the wrong round: rounds[1].cards[0].round_id"),
        ("rounds.1.cards.0.text", "", "empty text: rounds[1].cards[0].text"),
        ("rounds.1.id", "r1", "duplicate round id: rounds[1].id"),
        ("rounds.3.state", "open", "finished with a round not closed"),
        ("status", "preparing", "preparing with a round already opened"),
    ],
)
def test_damaged_fields_are_refused(path: str, value: Any, reason: str) -> None:
    _refused(_edit(path, value), reason)


def test_duplicates_and_impossible_states_are_refused() -> None:
    data = _data()
    data["rounds"][2]["cards"][1]["id"] = data["rounds"][2]["cards"][0]["id"]
    _refused(data, "duplicate card id: rounds[2].cards[1].id")

    data = _data()
    data["rounds"][2]["turns"][0]["id"] = data["rounds"][0]["turns"][0]["id"]
    _refused(data, "duplicate turn id: rounds[2].turns[0].id")

    data = _data()
    data["participants"][1]["token"] = data["participants"][0]["token"]
    _refused(data, "duplicate token: participants[1].token")

    data = _data()
    data["rounds"][3]["votes"].extend(copy.deepcopy(data["rounds"][3]["votes"][:1]) * 20)
    _refused(data, "more dots than allowed: rounds[3].votes")

    data = _data()
    data["rounds"][2]["votes"] = copy.deepcopy(data["rounds"][3]["votes"][:1])
    _refused(data, "votes in a round without dot vote: rounds[2].votes")

    data = _data()
    card = data["rounds"][2]["cards"][0]
    data["rounds"][2]["cards"] += [{**card, "id": f"c{1000 + i}"} for i in range(20)]
    data["next_id"] = 2000
    _refused(data, "too many cards by one author: rounds[2].cards")

    data = _data()
    data["status"] = "running"
    data["rounds"][3]["state"] = data["rounds"][4]["state"] = "open"
    _refused(data, "more than one open round")

    data = _data()
    data["rounds"][0]["turns"][0].update(ended_at=None, outcome=None)
    _refused(data, "running turn outside the open round")


def test_too_many_participants_is_refused() -> None:
    data = _data()
    person = data["participants"][0]
    data["participants"] += [{**person, "id": f"p{i}", "token": f"t{i}"} for i in range(300)]
    _refused(data, "too many participants")


# Nesting, before json.loads.

def test_deep_nesting_is_refused_before_json_loads() -> None:
    hostile = "[" * 100_000 + "]" * 100_000
    with pytest.raises(RecursionError):
        json.loads(hostile)
    for raw in (hostile, hostile.encode(), "[" * 70, '{"a":' * 70):
        with pytest.raises(IntegrityProblem, match="too deeply nested"):
            check_json_depth(raw)


def test_ordinary_json_passes_the_depth_check() -> None:
    text = json.dumps({"format": "x", "dialogue": _data()}, ensure_ascii=False, indent=1)
    check_json_depth(text)
    check_json_depth(text.encode("utf-8"))
    check_json_depth(text.encode("utf-16"))
    check_json_depth("[" * 64 + "]" * 64)
    check_json_depth(json.dumps(["[" * 1000, "{\\\"" * 100, "\u05e9\u05dc\u05d5\u05dd [[["]))
    check_json_depth(b"\xff\xfe\xfd not json")  # left for json.loads to refuse
    with pytest.raises(IntegrityProblem):
        check_json_depth("[" * 10 + "]" * 10 + "[" * 65)
    with pytest.raises(IntegrityProblem):
        check_json_depth("[" * 3, limit=2)
