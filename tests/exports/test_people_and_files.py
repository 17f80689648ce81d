"""Names in free text, file names, and the time formats."""

from __future__ import annotations

from datetime import timedelta, timezone

import pytest

from exports import across_filename, filename, render
from exports.fmt import clock, duration
from exports.people import Naming
from exports.strings import template_text
from rounds.people import join
from rounds.preparation import new_dialogue


def naming(anonymous: bool = False) -> Naming:
    dialogue = new_dialogue(slug="x", title="X", theme="thuis", now=0, facilitator_name="Fatima el Amrani",
                            texts=template_text)
    join(dialogue, "Anna de Vries", "resident", 1, name_in_report=True)
    join(dialogue, "Wil", "resident", 2)
    join(dialogue, "Anna Bakker", "professional", 3)
    join(dialogue, "Jan-Willem", "municipality", 4)
    return Naming(dialogue, "nl", anonymous)


def test_a_hidden_name_in_free_text_becomes_its_label() -> None:
    names = naming()
    assert names.scrub("Wil vertelt. Jan-Willem en Willem knikken.") == \
        "[Bewoner 2] vertelt. [Gemeente 1] en [Gemeente 1] knikken."
    assert names.scrub("ik wil een bankje") == "ik wil een bankje"  # the word, not the name
    assert names.scrub("Bakker") == "[Professional 1]"


def test_a_shown_name_stays_and_a_first_name_two_people_share_becomes_neutral() -> None:
    names = naming()
    assert names.scrub("Anna de Vries zegt") == "Anna de Vries zegt"
    assert names.scrub("Anna zegt") == "[naam] zegt"  # Anna de Vries or Anna Bakker: not guessed


def test_anonymous_replaces_everyone_including_the_facilitator() -> None:
    names = naming(anonymous=True)
    assert names.scrub("Anna de Vries en Fatima") == "[Bewoner 1] en [gespreksleider]"
    assert names.who(next(iter(names.people))) == "Bewoner 1"


def test_a_label_already_in_the_text_is_not_bracketed_twice() -> None:
    names = naming()
    assert names.scrub("[Bewoner 2] en [Wil] en [Anna]") == "[Bewoner 2] en [Bewoner 2] en [naam]"
    assert names.scrub("[Anna de Vries] zegt") == "[Anna de Vries] zegt"  # a shown name keeps its brackets


def test_a_person_read_back_with_a_label_for_a_name_is_replaced_only_whole() -> None:
    """After an import the one who declined is called "Gemeente 1": the word "Gemeente" is still a word."""
    dialogue = new_dialogue(slug="x", title="X", theme="thuis", now=0, texts=template_text)
    join(dialogue, "Gemeente 1", "municipality", 1)
    join(dialogue, "Zorg/welzijn 1", "care_welfare", 2)
    names = Naming(dialogue, "nl", anonymous=False)
    text = "De Gemeente en Zorg/welzijn luisteren. [Gemeente 1] zegt dat Gemeente 1 komt."
    assert names.scrub(text) == "De Gemeente en Zorg/welzijn luisteren. [Gemeente 1] zegt dat [Gemeente 1] komt."
    assert names.scrub("[Zorg/welzijn 1] knikt") == "[Zorg/welzijn 1] knikt"
    assert Naming(dialogue, "en", anonymous=True).scrub("[Gemeente 1] says") == "[Municipality 1] says"


def test_text_without_names_is_returned_as_is() -> None:
    text = "De moestuin brengt mensen bij elkaar."
    assert naming().scrub(text) is text


@pytest.mark.parametrize(("fmt", "anonymous", "name"), [
    ("md", False, "buurt.md"), ("pdf", True, "buurt-anoniem.pdf"), ("csv-nl", False, "buurt-excel.csv"),
    ("csv-nl", True, "buurt-anoniem-excel.csv"), ("json", False, "buurt.json"),
])
def test_file_names(fmt: str, anonymous: bool, name: str) -> None:
    assert filename("buurt", fmt, anonymous) == name


@pytest.mark.parametrize(("fmt", "anonymous", "lang", "name"), [
    ("md", True, "en", "kersentuin-anonymous.md"), ("md", True, "nl", "kersentuin-anoniem.md"),
    ("csv-nl", True, "en", "kersentuin-anonymous-excel.csv"), ("pdf", False, "en", "kersentuin.pdf"),
    ("json", True, "fr", "kersentuin-anoniem.json"),  # a language the harvest does not speak: Dutch
])
def test_file_names_follow_the_dialogues_language(fmt: str, anonymous: bool, lang: str, name: str) -> None:
    assert filename("kersentuin", fmt, anonymous, lang) == name


@pytest.mark.parametrize(("fmt", "theme", "anonymous", "lang", "name"), [
    ("md", None, False, "en", "harvest.md"), ("md", None, True, "en", "harvest-anonymous.md"),
    ("md", None, False, "nl", "oogst.md"), ("md", None, True, "nl", "oogst-anoniem.md"),
    ("html", "thuis", False, "nl", "oogst-thuis.html"), ("csv-nl", "thuis", True, "en", "harvest-thuis-anonymous.csv"),
    ("md", "!!!", False, "en", "harvest-theme.md"),
])
def test_harvest_across_file_names_follow_its_language(fmt: str, theme: str | None, anonymous: bool, lang: str,
                                                       name: str) -> None:
    assert across_filename(fmt, theme, anonymous, lang) == name
    if lang == "nl":
        assert across_filename(fmt, theme, anonymous) == name  # Dutch unless told otherwise


def test_a_slug_never_becomes_a_path() -> None:
    assert filename("../../etc/passwd", "md") == "etc-passwd.md"
    with pytest.raises(ValueError):
        filename("x", "exe")


def test_an_unknown_format_is_refused_before_anything_else() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render(new_dialogue(slug="x", title="X", theme="", now=0, texts=template_text), "odt")


def test_times_and_durations() -> None:
    cet = timezone(timedelta(hours=1))
    assert clock(1_795_802_400.0, cet) == "19:00"
    assert [duration(s, "nl") for s in (45, 90, 3600, 4380)] == ["45 sec", "2 min", "1 uur", "1 uur 13 min"]
    assert duration(4380, "en") == "1 h 13 min"
