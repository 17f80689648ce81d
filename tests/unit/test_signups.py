"""Reading a sign-up list: comma or semicolon, Dutch or English, and every bad line reported by number."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rounds import Role
from rounds.events.model import MAX_EVENT_PEOPLE, SignUp
from rounds.signups import (
    COLUMN_MISSING,
    COLUMN_TWICE,
    COLUMN_UNKNOWN,
    FILE_EMPTY,
    FILE_NOT_UTF8,
    LANGUAGE_UNKNOWN,
    LINE_UNREADABLE,
    NAME_TWICE,
    NO_PEOPLE,
    QUOTE_NOT_CLOSED,
    ROLE_MISSING,
    ROLE_UNKNOWN,
    TOO_MANY_FIELDS,
    TOO_MANY_SIGNUPS,
    WISH_CONFLICT,
    WISH_NAME_AMBIGUOUS,
    WISH_NAME_UNKNOWN,
    WISH_SELF,
    YES_NO_UNKNOWN,
    SignupProblem,
    parse_role,
    parse_signups,
)
from rounds.text import clean_name

DUTCH_EXCEL = (
    "\ufeffNaam;Rol;Wijk;Geen telefoon;Taal;Samen met;Niet samen met\r\n"
    "Anna de Vries;bewoner;Noord;;Nederlands;Ben;\r\n"
    "Ben;Professional;;ja;en;;Chris\r\n"
    "Chris;Zorg / welzijn;Zuid;nee;;;\r\n"
).encode()


def _codes(problems: list[SignupProblem]) -> list[tuple[int, str]]:
    return [(p.line, p.code) for p in problems]


def test_a_dutch_excel_file_with_bom_and_semicolons_is_read_whole() -> None:
    result = parse_signups(DUTCH_EXCEL)
    assert result.delimiter == ";" and result.problems == []
    anna, ben, chris = result.signups
    assert (anna.id, anna.name, anna.role, anna.neighbourhood, anna.language) == (
        "p1", "Anna de Vries", Role.RESIDENT, "Noord", "nl")
    assert anna.together == [ben.id] and ben.apart == [chris.id]
    assert (ben.has_phone, chris.has_phone, anna.has_phone) == (False, True, True)
    assert chris.role == Role.CARE_WELFARE and ben.language == "en"
    assert result.next_id == 4


def test_an_english_comma_file_with_a_quoted_list_of_names() -> None:
    text = ('name,role,together with,no phone\n'
            'Anna,resident,"Ben, Chris",\n'
            'Ben,municipality,,yes\n'
            'Chris,business,,\n')
    result = parse_signups(text, next_id=10)
    assert result.delimiter == "," and result.problems == []
    assert [p.id for p in result.signups] == ["p10", "p11", "p12"]
    assert result.signups[0].together == ["p11", "p12"]
    assert [p.role for p in result.signups] == [Role.RESIDENT, Role.MUNICIPALITY, Role.BUSINESS]
    assert result.next_id == 13


def test_every_bad_line_is_reported_with_its_number_and_the_good_ones_are_kept() -> None:
    text = ("naam;rol;geen telefoon;taal\n"
            "Anna;bewoner;;\n"
            ";gemeente;;\n"  # 3: no name
            "Ben;astronaut;;\n"  # 4: unknown role
            "Chris;;;\n"  # 5: no role
            "\n"
            "Daan;bewoner;misschien;xx-yy\n"  # 7: yes/no and language not understood
            "Eva;anders;;;;ja\n"  # 8: text beyond the columns
            "Fenna;ondernemer;;;;\n")  # trailing empty cells, as spreadsheets write them
    result = parse_signups(text)
    assert [p.name for p in result.signups] == ["Anna", "Fenna"]
    assert _codes(result.problems) == [
        (3, "name_empty"), (4, ROLE_UNKNOWN), (5, ROLE_MISSING), (7, YES_NO_UNKNOWN), (7, LANGUAGE_UNKNOWN),
        (8, TOO_MANY_FIELDS)]
    assert result.problems[1].details == {"value": "astronaut"}
    assert result.problems[3].details == {"column": "no_phone", "value": "misschien"}
    assert not any(p.kept for p in result.problems)
    assert [p.id for p in result.signups] == ["p1", "p2"]  # ids are counted over the imported people only


@pytest.mark.parametrize(("word", "role"), [
    ("bewoner", Role.RESIDENT), ("Resident", Role.RESIDENT), ("professional", Role.PROFESSIONAL),
    ("Gemeente", Role.MUNICIPALITY), ("municipality", Role.MUNICIPALITY), ("zorg/welzijn", Role.CARE_WELFARE),
    ("Zorg / Welzijn", Role.CARE_WELFARE), ("care/welfare", Role.CARE_WELFARE), ("care_welfare", Role.CARE_WELFARE),
    ("ondernemer", Role.BUSINESS), ("business", Role.BUSINESS), ("anders", Role.OTHER), (" other ", Role.OTHER),
])
def test_role_words_in_dutch_and_english(word: str, role: Role) -> None:
    assert parse_role(word) == role


def test_a_missing_column_imports_nothing_and_says_which() -> None:
    result = parse_signups("naam,wijk\nAnna,Noord\n")
    assert result.signups == []
    assert [(p.line, p.code, p.details) for p in result.problems] == [(1, COLUMN_MISSING, {"column": "role"})]


def test_a_column_twice_imports_nothing() -> None:
    assert _codes(parse_signups("naam;rol;name\nAnna;bewoner;Anna\n").problems) == [(1, COLUMN_TWICE)]


def test_an_unknown_column_is_ignored_and_mentioned() -> None:
    result = parse_signups("naam,rol,e-mail\nAnna,bewoner,anna@example.org\n")
    assert [p.name for p in result.signups] == ["Anna"]
    assert [(p.code, p.details, p.kept) for p in result.problems] == [(COLUMN_UNKNOWN, {"column": "e-mail"}, True)]


def test_a_file_that_is_not_utf8_names_the_first_bad_line() -> None:
    result = parse_signups("naam;rol\nAnna;bewoner\nRené;bewoner\n".encode("cp1252"))
    assert result.signups == [] and _codes(result.problems) == [(3, FILE_NOT_UTF8)]


def test_empty_files_and_lists_without_people_are_reported() -> None:
    assert _codes(parse_signups(b"").problems) == [(1, FILE_EMPTY)]
    assert _codes(parse_signups("\n\n").problems) == [(1, FILE_EMPTY)]
    assert _codes(parse_signups("naam;rol\n").problems) == [(2, NO_PEOPLE)]


def test_an_unclosed_quote_is_named_instead_of_odd_names() -> None:
    result = parse_signups('naam,rol\nAnna,bewoner\n"Ben,professional\nChris,gemeente\n')
    assert [p.name for p in result.signups] == ["Anna"]
    assert [(p.line, p.code, p.details) for p in result.problems] == [(3, QUOTE_NOT_CLOSED, {"last_line": 4})]


def test_a_line_too_big_to_read_is_reported_and_the_rest_read() -> None:
    result = parse_signups("naam,rol\n" + "A" * 200_000 + ",bewoner\nBen,bewoner\n")
    assert [p.name for p in result.signups] == ["Ben"] and _codes(result.problems) == [(2, LINE_UNREADABLE)]


def test_a_hostile_value_is_echoed_short() -> None:
    result = parse_signups("naam,rol\nAnna," + "x" * 5_000 + "\n")
    assert len(str(result.problems[0].details["value"])) <= 60


def test_wishes_that_cannot_be_used_are_reported_and_the_person_is_kept() -> None:
    text = ("naam;rol;samen met;niet samen met\n"
            "Anna;bewoner;Zoë;\n"  # 2: nobody called Zoë
            "Ben;bewoner;Chris;Chris\n"  # 3: together and apart with Chris
            "Chris;bewoner;chris;\n"  # 4: himself
            "Daan;bewoner;;Ben\n"
            "Ben;gemeente;;\n"  # 6: a second Ben
            "Eva;bewoner;Ben;\n"  # 7: which Ben?
            "Fenna;bewoner;Daan;\n"
            "Daan2;bewoner;;\n")
    result = parse_signups(text)
    assert len(result.signups) == 8
    assert [(p.line, p.code, p.kept) for p in result.problems] == [
        (2, WISH_NAME_UNKNOWN, True), (3, WISH_CONFLICT, True), (4, WISH_SELF, True), (5, WISH_NAME_AMBIGUOUS, True),
        (6, NAME_TWICE, True), (7, WISH_NAME_AMBIGUOUS, True)]
    assert result.problems[4].details == {"value": "Ben", "first_line": 3}
    by_name = {p.name: p for p in result.signups if p.name != "Ben"}
    assert by_name["Anna"].together == [] and by_name["Chris"].together == []
    assert by_name["Fenna"].together == [by_name["Daan"].id]


def test_a_wish_that_contradicts_an_earlier_one_is_dropped() -> None:
    result = parse_signups("naam,rol,samen met,niet samen met\nAnna,bewoner,Ben,\nBen,bewoner,,Anna\n")
    anna, ben = result.signups
    assert anna.together == [ben.id] and ben.apart == []
    assert [(p.line, p.code, p.details) for p in result.problems] == [(3, WISH_CONFLICT, {"value": "Anna"})]


def test_wishes_may_name_people_already_in_the_event() -> None:
    existing = [SignUp(id="p4", name="Anna", role=Role.RESIDENT)]
    result = parse_signups("naam,rol,samen met\nBen,bewoner,anna\nAnna,gemeente,\n", existing=existing, next_id=7)
    ben, anna2 = result.signups
    assert ben.id == "p7" and anna2.id == "p8"
    assert ben.together == []  # two people named Anna now: which one is not clear
    assert _codes(result.problems) == [(2, WISH_NAME_AMBIGUOUS), (3, NAME_TWICE)]
    assert parse_signups("naam,rol,samen met\nBen,bewoner,anna\n", existing=existing).signups[0].together == ["p4"]


def test_a_list_longer_than_an_event_can_hold_imports_nothing() -> None:
    existing = [SignUp(id=f"p{i}", name=f"Iemand {i}", role=Role.RESIDENT) for i in range(MAX_EVENT_PEOPLE - 1)]
    result = parse_signups("naam,rol\nAnna,bewoner\nBen,bewoner\n", existing=existing)
    assert result.signups == [] and _codes(result.problems) == [(3, TOO_MANY_SIGNUPS)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from('ab;,"\n\r\t \u200b\x00Éé') | st.characters(), max_size=300),
       st.sampled_from(["naam;rol;samen met;niet samen met\n", "name,role,no phone,language\n", ""]))
def test_any_text_gives_clean_people_and_numbered_problems(body: str, header: str) -> None:
    text = header + body
    result = parse_signups(text)
    lines = max(1, text.count("\n") + text.count("\r") + 1)
    assert all(1 <= p.line <= lines for p in result.problems)
    ids = {p.id for p in result.signups}
    for person in result.signups:
        assert clean_name(person.name, 40) == person.name
        assert set(person.together) <= ids - {person.id} and set(person.apart) <= ids - {person.id}
        assert not set(person.together) & set(person.apart)
    assert result.next_id == 1 + len(result.signups)
