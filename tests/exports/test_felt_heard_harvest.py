""""Did you feel heard?" in every harvest format: per role beside the talk time, never with a name."""

from __future__ import annotations

import json
import re

import pytest

from exports import FORMATS, build_harvest, from_json, render, to_json
from rounds import FACILITATOR as F
from rounds import Dialogue
from rounds.feedback import answer_felt_heard

from .helpers import check_golden, docx_text, pdf_text
from .story import NAMES, START, TZ, evening
from .test_anonymous_and_binary import names_in, readable

# (name, score, word). Residents: Anna 5, Ben 2, Joop 3 (no phone: the facilitator types it) -> 3.3 on average.
# Daan is the only one from the municipality and Emine the only one from care and welfare: one answer each.
ANSWERS = {
    "nl": [("Anna de Vries", 5, "gehoord"), ("Ben Jansen", 2, "Ben vond het te snel"), ("Joop", 3, ""),
           ("Daan Visser", 4, "fijn"), ("Emine Yılmaz", 1, "")],
    "en": [("Anna de Vries", 5, "heard"), ("Ben Jansen", 2, "Ben found it too fast"), ("Joop", 3, ""),
           ("Daan Visser", 4, "nice"), ("Emine Yılmaz", 1, "")],
}
AVERAGES = {"nl": ("3,3", "4,0", "1,0"), "en": ("3.3", "4.0", "1.0")}


def answered_evening(lang: str) -> Dialogue:
    dialogue = evening(lang)
    people = {p.name: p for p in dialogue.participants}
    for n, (name, score, word) in enumerate(ANSWERS[lang]):
        person = people[name]
        actor = person.id if person.has_phone else F
        answer_felt_heard(dialogue, actor, person.id, score, word, START + 9000 + n)
    return dialogue


def text_of(fmt: str, data: bytes) -> str:
    if fmt == "docx":
        return docx_text(data)
    if fmt == "pdf":
        return re.sub(r"\s+", " ", pdf_text(data))
    if fmt == "md":
        return data.decode().replace("\\", "")  # "3\.3": Markdown escapes a number that starts a cell
    return data.decode("utf-8-sig")


def test_the_harvest_counts_and_averages_the_answers_per_role() -> None:
    harvest = build_harvest(answered_evening("nl"), tz=TZ)
    rows = {r.label: (r.answers, r.felt, r.share_talk) for r in harvest.roles}
    assert rows["Bewoner"][:2] == (3, "3,3")
    assert rows["Gemeente"][:2] == (1, "4,0")  # a single answer: still only a count and a score
    assert rows["Zorg/welzijn"][:2] == (1, "1,0")
    assert rows["Professional"][:2] == (0, "\u2013")
    assert harvest.felt_heard is not None
    assert harvest.felt_heard.intro.startswith("Na de laatste ronde gaven 5 van de 8 deelnemers antwoord")
    assert "Gemiddeld: 3,0." in harvest.felt_heard.intro


def test_the_words_come_without_name_or_role_in_alphabetical_order() -> None:
    harvest = build_harvest(answered_evening("nl"), tz=TZ)
    assert harvest.felt_heard.words == ("Woorden die mensen erbij gaven (zonder naam of rol, op alfabet): "
                                        "[Bewoner 2] vond het te snel, fijn, gehoord.")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "json"])
def test_every_format_shows_the_answers_per_role(lang: str, fmt: str) -> None:
    text = text_of(fmt, render(answered_evening(lang), fmt, tz=TZ))
    for average in AVERAGES[lang]:
        assert average in text
    question = "Voelde je je gehoord?" if lang == "nl" else "Did you feel heard?"
    assert question in text
    before = text_of(fmt, render(evening(lang), fmt, tz=TZ))  # nobody answered: nothing about it
    assert AVERAGES[lang][0] not in before and question not in before


def test_the_csv_has_one_row_per_role_and_none_per_person() -> None:
    rows = render(answered_evening("nl"), "csv", tz=TZ).decode().splitlines()
    felt = [row for row in rows if "Voelde je je gehoord?" in row]
    assert len(felt) == len(build_harvest(evening("nl"), tz=TZ).roles)
    assert any(row.endswith(",Gemeente,,") and "1 antwoord, 4,0 " in row for row in felt)
    assert any(",Bewoner," in row and "3 antwoorden, gemiddeld 3,3 " in row for row in felt)
    assert not any(names_in(row) for row in felt)


def test_the_table_with_names_never_has_the_answers() -> None:
    md = render(answered_evening("nl"), "md", tz=TZ).decode()
    per_person = md.split("### Per persoon")[1].split("## 7.")[0]
    assert "Gehoord" not in per_person and "Daan Visser" in per_person


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_name_anywhere_in_an_anonymous_file_with_answers(lang: str, fmt: str) -> None:
    data = render(answered_evening(lang), fmt, anonymous=True, tz=TZ)
    for text in readable(fmt, data):
        assert names_in(text) == []
    if fmt != "json":
        assert AVERAGES[lang][1] in text_of(fmt, data)  # the municipality's single answer, as a score only


def test_the_json_keeps_the_answers_and_scrubs_their_words() -> None:
    dialogue = answered_evening("nl")
    data = json.loads(to_json(dialogue, anonymous=True))
    answers = data["dialogue"]["felt_heard"]
    assert [a["score"] for a in answers] == [5, 2, 3, 4, 1]
    assert "[Bewoner 2] vond het te snel" in [a["word"] for a in answers]
    back = from_json(to_json(dialogue, anonymous=True))
    again = build_harvest(back, anonymous=True, tz=TZ)
    assert [(r.answers, r.felt) for r in again.roles] == [
        (r.answers, r.felt) for r in build_harvest(dialogue, anonymous=True, tz=TZ).roles]
    assert not any(name in to_json(dialogue, anonymous=True) for name in NAMES)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_the_answered_evening_matches_its_golden_file(lang: str, fmt: str) -> None:
    check_golden(f"{lang}/kersentuin-felt-heard.{fmt}", render(answered_evening(lang), fmt, tz=TZ))
