"""The event harvest's content: the plenary agenda traced to its stories, rank differences, unpledged dreams,
the record of hidden and removed cards, how the themes were formed, and a line per table."""

from __future__ import annotations

import pytest

from exports.event_harvest import build_event_harvest
from exports.event_harvest_wall import threshold
from rounds import Role
from rounds.events.wall import group_card, new_wall, rename_theme, retire_theme
from rounds.feedback import answer_felt_heard

from .fixtures.event_day import CARDS, EARLY_REASON, START, Day, event_day


def harvest(day: Day, **options):
    return build_event_harvest(day.event, day.dialogues, day.wall, **options)


def item(h, title: str):
    return next(i for i in h.agenda if i.title == title)


@pytest.mark.parametrize(("lang", "sentence"), [
    ("nl", "Dit punt rust op 5 ervaringen van 3 tafels: 1 bewoner, 2 professionals, 1 persoon van de gemeente."),
    ("en", "This item rests on 5 experiences from 3 tables: 1 resident, 2 professionals, "
           "1 person from the municipality."),
])
def test_an_agenda_item_rests_on_the_experiences_its_writers_told_at_their_tables(lang, sentence):
    # "Ontmoeten" holds dreams of Bert (t1), Fleur (t2) and Hanna (t3) and Chris's need (t1). Their visible
    # experiences: Bert 1 (his second one is hidden), Fleur 1, Hanna 1, Chris 2; people counted once each.
    h = harvest(event_day(lang))
    trace = item(h, "Ontmoeten").trace
    assert (trace.experiences, trace.tables, trace.sentence) == (5, 3, sentence)
    assert sum(trace.people_by_role.values()) == 4


def test_the_trace_counts_people_per_role_and_says_so_when_an_item_rests_on_no_experience():
    h = harvest(event_day("nl"))
    assert item(h, "Groen en spelen").trace.sentence == "Dit punt rust op 2 ervaringen van 2 tafels: 2 bewoners."
    assert item(h, "Licht en veiligheid").trace.sentence == "Dit punt rust op 1 ervaring van 1 tafel: 1 bewoner."
    assert item(h, "Verkeer").trace.experiences == 0  # Ilse wrote the need and no experience
    assert item(h, "Verkeer").trace.sentence.startswith("Dit punt rust nog niet op ervaringen")
    assert "rust op" in h.trace_rule and "Verborgen kaartjes tellen nooit mee" in h.trace_rule


def test_each_item_shows_its_dots_per_role_and_its_dreams_and_needs_without_hidden_cards():
    h = harvest(event_day("nl"))
    assert [(i.rank, i.title, i.dots) for i in h.agenda] == [
        (1, "Groen en spelen", 6), (1, "Verkeer", 6), (3, "Ontmoeten", 5), (3, "Licht en veiligheid", 5)]
    assert h.agenda_roles == ["Bewoner", "Gemeente", "Zorg/welzijn"]
    green = item(h, "Groen en spelen")
    assert green.by_role == {"Bewoner": 5, "Gemeente": 1, "Zorg/welzijn": 0}
    assert green.dots_line == "6 stippen (Bewoner: 5, Gemeente: 1)."
    assert [(c.text, c.who, c.table) for c in green.cards] == [
        (CARDS["anna_dream"][3], "Anna de Vries", "Tafel 1"), (CARDS["dirk_dream"][3], "Bewoner 1", "Tafel 2")]
    assert [c.text for c in item(h, "Licht en veiligheid").cards] == [CARDS["eva_need"][3]]  # not the hidden dream


def test_a_name_from_another_table_becomes_a_neutral_label_and_the_own_tables_labels_stay():
    day = event_day("nl")
    card = next(c for rnd in day.dialogue("Tafel 1").rounds for c in rnd.cards if c.id == day.card["bert_dream"])
    card.text = "Samen met Eva Smit en Bert, en [Dirk Mulder] ook."  # Eva and Dirk sit at Tafel 2
    texts = [c.text for c in item(harvest(day), "Ontmoeten").cards]
    # At Tafel 2 Eva is "Bewoner 2", like Bert at Tafel 1: her label here would point at Bert.
    assert texts[0] == "Samen met [naam] en [Bewoner 2], en [naam] ook."


def test_themes_residents_and_professionals_rank_far_apart_are_flagged_and_near_ones_are_not():
    # Residents rank Groen 1, Ontmoeten 2, Licht 3, Verkeer 4; the municipality the other way round.
    h = harvest(event_day("nl"))
    assert [(d.title, d.resident_rank, d.professional_rank) for d in h.differences] == [
        ("Groen en spelen", 1, 4), ("Verkeer", 4, 1)]  # 3 apart: flagged; Ontmoeten and Licht are 1 apart
    assert "2 of meer plaatsen" in h.difference_rule and "Er zijn 4 thema’s" in h.difference_rule


@pytest.mark.parametrize(("n", "limit"), [(1, 2), (3, 2), (6, 2), (7, 3), (9, 3), (10, 4), (30, 10)])
def test_very_differently_means_at_least_two_places_or_a_third_of_the_items(n, limit):
    assert threshold(n) == limit


def test_without_dots_from_one_side_nothing_is_compared():
    day = event_day("en")
    day.wall.dots = [dot for dot in day.wall.dots if dot.role == Role.RESIDENT]
    h = harvest(day)
    assert h.differences == []
    assert "only one of the two groups placed dots" in h.difference_rule


def test_dreams_in_a_theme_without_a_pledge_and_dreams_in_no_theme_are_listed_per_table():
    h = harvest(event_day("nl"))
    listed = {d.table: [(card.text, where) for card, where in d.dreams] for d in h.unpledged}
    assert listed == {
        "Tafel 1": [("Samen eten met [Professional 1] en de hele straat.",
                     "In thema “Ontmoeten”, zonder “Mijn stap”.")],
        "Tafel 2": [("Net als [naam] een buurthuis dat elke dag open is.",
                     "In thema “Ontmoeten”, zonder “Mijn stap”.")],
        "Tafel 3": [(CARDS["gijs_dream"][3], "In geen thema."),
                    (CARDS["hanna_dream"][3], "In thema “Ontmoeten”, zonder “Mijn stap”.")],
    }  # Anna's and Dirk's dreams share "Groen en spelen" with Anna's pledge; the hidden dream is never listed


def test_a_pledge_grouped_into_the_theme_takes_its_dreams_off_the_list():
    day = event_day("nl")
    group_card(day.wall, day.table_id["Tafel 2"], day.card["eva_pledge"], day.themes["Ontmoeten"], START + 9000)
    h = harvest(day)
    assert {d.table: [card.text for card, _ in d.dreams] for d in h.unpledged} == {
        "Tafel 3": [CARDS["gijs_dream"][3]]}


def test_hidden_and_removed_cards_and_people_are_counted_per_table_with_the_reason():
    h = harvest(event_day("nl"))
    record = {r.table: r for r in h.record}
    one = record["Tafel 1"]
    assert (one.hidden, one.removed_people, one.removed_cards, one.removed_dots) == (1, 1, 1, 0)
    assert "verborg 1 kaartje" in one.why and "haalde 1 deelnemer uit het gesprek" in one.why
    assert record["Tafel 2"].why == "Niets verborgen of weggehaald."
    assert "1 verborgen kaartje lag op de muur" in record["Tafel 3"].why
    assert "zonder teksten en zonder namen" in h.record_note.lower()


def test_the_grouping_record_counts_groupings_moves_renames_and_retired_themes():
    day = event_day("en")
    assert harvest(day).grouping == ["The organiser made 4 themes.",
                                     "Cards were put into a theme 11 times (11 different cards).",
                                     "A card was moved to another theme once."]
    rename_theme(day.wall, day.themes["Verkeer"], "Veilig oversteken", START + 9000)
    retire_theme(day.wall, day.themes["Licht en veiligheid"], START + 9001)
    h = harvest(day)
    assert "1 theme was renamed later." in h.grouping
    assert "1 theme was set aside later; it is not on the agenda." in h.grouping
    assert [i.title for i in h.agenda] == ["Groen en spelen", "Veilig oversteken", "Ontmoeten"]


def test_every_table_has_a_line_and_an_early_close_carries_its_reason_without_names():
    h = harvest(event_day("nl"))
    lines = {line.name: line for line in h.tables}
    assert lines["Tafel 1"].status == "Alle 4 rondes zijn afgerond."
    assert (lines["Tafel 1"].place, lines["Tafel 1"].people) == ("Buurthuis De Linde", 3)  # the troll left
    assert lines["Tafel 3"].status == ("4 rondes gehouden. Ronde 4 is eerder gesloten, voordat iedereen gehoord was. "
                                       "Reden: De tijd was op; [Zorg/welzijn 1] moest weg.")
    assert "Ilse" in EARLY_REASON
    assert lines["Tafel 4"].status == "Afgezegd."
    assert h.tables_line == "3 tafels gingen door. 1 tafel is afgezegd: Tafel 4."


def test_the_day_counts_people_per_role_over_all_tables_and_felt_heard_only_when_anyone_answered():
    day = event_day("nl")
    h = harvest(day)
    assert [(r.label, r.people, r.answers, r.felt) for r in h.roles] == [
        ("Bewoner", 5, 2, "4,5"), ("Professional", 2, 0, "\u2013"), ("Gemeente", 1, 0, "\u2013"),
        ("Zorg/welzijn", 1, 0, "\u2013")]
    assert "2 van de 9 deelnemers" in h.felt_intro
    for dialogue in day.dialogues.values():
        dialogue.felt_heard = []
    assert harvest(day).felt_intro == ""
    hanna = day.person["hanna"]
    answer_felt_heard(day.dialogue("Tafel 3"), hanna, hanna, 2, "", START + 9000)
    assert [(r.label, r.answers, r.felt) for r in harvest(day).roles][1] == ("Professional", 1, "2,0")


def test_an_empty_wall_gives_an_empty_agenda_and_every_dream_is_unpledged():
    day = event_day("en")
    day.wall = new_wall()
    h = harvest(day)
    assert h.agenda == [] and h.differences == []
    assert sum(len(d.dreams) for d in h.unpledged) == 6  # every visible dream; the hidden one never
    assert all(where == "In no theme." for d in h.unpledged for _, where in d.dreams)
