"""Every text the phone can show exists in Arabic, Turkish and Polish, with the plural forms each language needs."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel import Locale

from facilitator_app.i18n import CATALOGS, KINDS, PHONE_LANGUAGES, ROLES, RULES, STATES, ar, nl, pl, plural_form, t, tr
from rounds import CardKind, Role, SpeakerState

PAGES = Path(__file__).resolve().parents[2] / "facilitator_app" / "pages"
NEW = {"ar": ar, "tr": tr, "pl": pl}
CLDR_FORMS = {"zero", "one", "two", "few", "many"}
# Keys the phone shows outside the phone modules: a refusal of any kind, the connection notice, the 429 page.
SHARED_KEYS = {"and", "app_name", "connection_lost", "refused.title", "refused.body"}


def keys_in_phone_sources() -> set[str]:
    """Every catalog key written as a literal in a phone module (phone.py, phone_parts.py, phone_*.py)."""
    found: set[str] = set()
    for path in sorted(PAGES.glob("phone*.py")):
        found |= {key for key in re.findall(r'"([a-z_]+\.[a-z_.]+)"', path.read_text()) if key in nl.STRINGS}
    return found


def phone_keys() -> set[str]:
    prefixed = {k for k in nl.STRINGS if k.startswith(("phone.", "error."))}
    return prefixed | SHARED_KEYS | keys_in_phone_sources()


def plural_bases(catalog: dict[str, str]) -> set[str]:
    return {k.rsplit(".", 1)[0] for k in catalog if k.rsplit(".", 1)[-1] in CLDR_FORMS}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_phone_sources_use_keys_that_the_check_below_covers():
    used = keys_in_phone_sources()
    assert {"phone.hello", "phone.read_question", "phone.large_text", "phone.language"} <= used
    assert used <= phone_keys()


@pytest.mark.parametrize("lang", ["ar", "tr", "pl"])
def test_every_phone_text_is_in_the_catalog(lang):
    catalog = CATALOGS[lang]
    singular = {k for k in phone_keys() if k.rsplit(".", 1)[-1] not in CLDR_FORMS}
    assert sorted(singular - set(catalog)) == []
    # A translation asks for no value the Dutch text does not have, so formatting never fails.
    for key in singular:
        assert fields(catalog[key]) <= fields(nl.STRINGS[key]) | {"count"}, key


@pytest.mark.parametrize("lang", ["ar", "tr", "pl"])
def test_every_count_text_has_the_plural_forms_of_its_language(lang):
    catalog = CATALOGS[lang]
    needed = sorted(Locale.parse(lang).plural_form.tags - {"other"})
    bases = plural_bases(nl.STRINGS) & phone_keys() | {"phone.dots_left", "phone.before_you"}
    for base in sorted(bases):
        have = sorted(form for form in CLDR_FORMS if f"{base}.{form}" in catalog)
        assert base in catalog and have == needed, (base, have, needed)
        for n in range(0, 130):
            assert "{" not in t(lang, base, count=n)


@pytest.mark.parametrize(("lang", "counts"), [
    ("nl", {0: "Je hebt nog 0 stippen", 1: "Je hebt nog 1 stip", 2: "Je hebt nog 2 stippen"}),
    ("pl", {1: "Została ci 1 kropka", 3: "Zostały ci 3 kropki", 5: "Zostało ci 5 kropek",
            12: "Zostało ci 12 kropek", 22: "Zostały ci 22 kropki"}),
    ("ar", {0: "لم تبقَ لديك أي نقطة", 1: "بقيت لديك نقطة واحدة", 2: "بقيت لديك نقطتان",
            3: "بقيت لديك 3 نقاط", 11: "بقيت لديك 11 نقطة", 100: "بقيت لديك 100 نقطة"}),
    ("tr", {1: "1 noktanız kaldı", 4: "4 noktanız kaldı"}),
])
def test_the_plural_form_follows_the_language(lang, counts):
    assert {n: t(lang, "phone.dots_left", count=n) for n in counts} == counts


def test_plural_categories_come_from_cldr():
    assert [plural_form("pl", n) for n in (1, 2, 5, 22)] == ["one", "few", "many", "few"]
    assert [plural_form("ar", n) for n in (0, 1, 2, 3, 11, 100)] == ["zero", "one", "two", "few", "many", "other"]


@pytest.mark.parametrize("lang", ["ar", "tr", "pl"])
def test_roles_states_kinds_and_ground_rules_are_complete(lang):
    assert set(ROLES[lang]) == {r.value for r in Role}
    assert set(STATES[lang]) >= {s.value for s in SpeakerState}
    assert set(KINDS[lang]) == {k.value for k in CardKind}
    assert len(RULES[lang]) == 5 and all(RULES[lang])


@pytest.mark.parametrize("lang", ["ar", "tr", "pl"])
def test_each_new_catalog_says_it_needs_a_native_speaker(lang):
    assert "NEEDS REVIEW BY A NATIVE SPEAKER" in NEW[lang].__doc__


def test_the_phone_languages_are_all_registered():
    assert set(PHONE_LANGUAGES) == set(CATALOGS) == {"nl", "en", "ar", "tr", "pl"}
