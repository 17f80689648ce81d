"""What the harvest says about the evening: who was heard, who is named, what the agenda is."""

from __future__ import annotations

from exports import build_harvest, render

from .story import FACILITATOR_NAME, TZ, evening


def test_an_override_round_says_why_and_who_was_not_heard() -> None:
    harvest = build_harvest(evening("nl"), tz=TZ)
    agenda_round = harvest.rounds[3]
    assert not agenda_round.everyone_heard
    assert agenda_round.override_reason.startswith("De tijd was op")
    assert agenda_round.not_heard == ["Bewoner 2", "Bewoner 5"]  # Ben and Sanne, who did not consent
    assert "Niet gehoord: Bewoner 2 en Bewoner 5." in agenda_round.status
    assert [r.everyone_heard for r in harvest.rounds] == [True, True, True, False, True]


def test_every_other_round_says_everyone_was_heard() -> None:
    harvest = build_harvest(evening("en"), tz=TZ)
    assert [("Everyone was heard." in r.status) for r in harvest.rounds] == [True, True, True, False, True]


def test_spoke_passed_and_away_are_counted_per_person() -> None:
    rounds = build_harvest(evening("nl"), tz=TZ).rounds
    assert (rounds[0].spoke, rounds[0].passed) == (7, 0)  # Chris passed, then spoke when asked again
    assert (rounds[2].spoke, rounds[2].passed) == (7, 1)  # Emine passed twice
    assert (rounds[4].spoke, rounds[4].away) == (7, 1)  # Chris left before his turn


def test_names_only_with_consent_and_labels_numbered_per_role_in_join_order() -> None:
    harvest = build_harvest(evening("nl"), tz=TZ)
    assert [name for name, _ in harvest.named] == ["Anna de Vries", "Daan Visser", "مريم العلي"]
    authors = [c.author for c in harvest.rounds[1].groups[0].cards]
    assert authors == ["Anna de Vries", "Bewoner 2", "Daan Visser", "Bewoner 3"]
    assert harvest.rounds[2].groups[0].cards[0].author == "مريم العلي"
    assert harvest.rounds[3].groups[0].cards[2].author == "Zorg/welzijn 1"


def test_names_of_people_who_did_not_consent_are_taken_out_of_notes() -> None:
    harvest = build_harvest(evening("nl"), tz=TZ)
    assert harvest.rounds[0].turn_notes[0].text.startswith("[Bewoner 2] woont al 30 jaar")
    assert harvest.rounds[1].notes.endswith("Anna en [Bewoner 3] willen samen iets opzetten.")
    md = render(evening("nl"), "md", tz=TZ).decode()
    for hidden in ("Ben", "Jansen", "Joop", "Chris", "Emine", "Sanne"):
        assert hidden not in md


def test_hidden_cards_are_counted_not_shown() -> None:
    dialogue = evening("nl")
    hidden = next(c for c in dialogue.rounds[1].cards if c.hidden)
    harvest = build_harvest(dialogue, tz=TZ)
    assert harvest.rounds[1].hidden == 1
    for fmt in ("md", "html", "csv", "csv-nl"):
        assert hidden.text not in render(dialogue, fmt, tz=TZ).decode("utf-8-sig")


def test_the_agenda_is_ranked_by_dots_with_a_breakdown_per_role() -> None:
    harvest = build_harvest(evening("nl"), tz=TZ)
    ranked = [(a.rank, a.text, a.dots) for a in harvest.agenda]
    assert ranked[:3] == [(1, "Een vaste plek voor de moestuin.", 6), (2, "Meer licht in het park.", 4),
                          (3, "Iemand die de buurtapp bijhoudt.", 3)]
    assert [a.rank for a in harvest.agenda][-2:] == [5, 5]  # a shared place
    assert harvest.agenda_roles == ["Bewoner", "Professional", "Gemeente", "Zorg/welzijn"]
    assert harvest.agenda[0].by_role == {"Bewoner": 4, "Professional": 0, "Gemeente": 1, "Zorg/welzijn": 1}
    assert all(sum(a.by_role.values()) == a.dots for a in harvest.agenda)


def test_pledges_say_who_does_what() -> None:
    pledges = build_harvest(evening("nl"), tz=TZ).pledges
    assert [(p.who, p.text) for p in pledges] == [
        ("Anna de Vries", "Ik bel morgen de woningcorporatie over de moestuin."),
        ("Bewoner 3", "Ik zet de koffie klaar op woensdag."),
        ("Bewoner 5", "Ik nodig mijn buren uit voor het buurtfeest."),
    ]


def test_speaking_time_per_role_sets_talk_against_people() -> None:
    roles = {r.label: r for r in build_harvest(evening("nl"), tz=TZ).roles}
    assert (roles["Bewoner"].people, roles["Bewoner"].share_people) == (5, "62%")
    assert roles["Bewoner"].share_talk == "56%"
    assert roles["Gemeente"].share_talk == "28%"  # one civil servant took more than a quarter of the time


def test_individual_talk_time_only_for_those_who_consented() -> None:
    harvest = build_harvest(evening("nl"), tz=TZ)
    assert [p.name for p in harvest.person_talk] == ["Anna de Vries", "Daan Visser", "مريم العلي"]
    assert harvest.person_talk[1].talk == "15:00"  # Daan spoke 3 minutes in each of five rounds
    assert build_harvest(evening("nl"), anonymous=True, tz=TZ).person_talk == []


def test_the_header_has_title_theme_place_date_facilitator_and_duration() -> None:
    harvest = build_harvest(evening("nl"), tz=TZ)
    assert (harvest.theme, harvest.date, harvest.duration) == ("thuis in je buurt, elkaar zien", "27 november 2026",
                                                              "1 uur 12 min")
    assert harvest.facilitator == FACILITATOR_NAME
    assert build_harvest(evening("en"), tz=TZ).date == "27 November 2026"


def test_the_timeline_lists_rounds_and_the_override() -> None:
    timeline = [f"{e.clock} {e.text}" for e in build_harvest(evening("nl"), tz=TZ).timeline]
    assert timeline[0] == "19:12 De wijkdialoog begint."
    assert timeline[-1] == "20:23 De wijkdialoog is afgerond."
    assert any(line.startswith("20:09 Ronde 4 is gesloten voordat iedereen gehoord was.") for line in timeline)
