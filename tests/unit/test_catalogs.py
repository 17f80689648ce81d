"""The gettext catalogs are complete, with the plural forms each language needs and the same placeholders.

Two domains: "wijkdialoog" (the app, facilitator_app/i18n/locale) and "oogst" (the harvest, the themes, the
ground rules and the round template, exports/locale). The console, the projector and the harvest speak only
the dialogue's language, Dutch or English, so nl and en must hold every message. Arabic, Turkish and Polish
serve the phone only: they must hold every message the phone can show (the rest falls back to English).
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.pofile import read_po
from babel.plural import to_gettext

from exports import strings as harvest
from exports.catalog import cldr_forms, fields
from facilitator_app.i18n import (
    CATALOGS,
    PHONE_LANGUAGES,
    ground_rules,
    names_list,
    plural_form,
    role_label,
    state_label,
    t,
)
from facilitator_app.i18n import kind_label as app_kind_label
from rounds import CardKind, Role, SpeakerState, templates

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "facilitator_app" / "pages"
PHONE_ONLY = ("ar", "tr", "pl")
# Keys the phone shows outside the phone modules: a refusal of any kind, the connection notice, the 429 page.
SHARED_KEYS = {"and", "app_name", "connection_lost", "refused.title", "refused.body"}
PO_FILES = sorted([*ROOT.glob("facilitator_app/i18n/locale/*/LC_MESSAGES/*.po"),
                   *ROOT.glob("exports/locale/*/LC_MESSAGES/*.po")])
NL = CATALOGS["nl"]


def keys_in_phone_sources() -> set[str]:
    """Every catalog key written as a literal in a phone module (phone.py, phone_parts.py, phone_*.py)."""
    found: set[str] = set()
    for path in sorted(PAGES.glob("phone*.py")):
        found |= {key for key in re.findall(r'"([a-z_]+\.[a-z_.]+)"', path.read_text()) if key in NL}
    return found


def phone_keys() -> set[str]:
    prefixed = {k for k in NL if k.startswith(("phone.", "error.", "role.", "state.", "kind.", "rule."))}
    return prefixed | SHARED_KEYS | keys_in_phone_sources()


def all_fields(text: str | tuple[str, ...]) -> set[str]:
    return set().union(*(fields(s) for s in text)) if isinstance(text, tuple) else fields(text)


def test_the_phone_sources_use_keys_that_the_check_below_covers():
    used = keys_in_phone_sources()
    assert {"phone.hello", "phone.read_question", "phone.large_text", "phone.language"} <= used
    assert used <= phone_keys()


def test_english_has_every_dutch_message_of_the_app_and_of_the_harvest():
    assert sorted(set(NL) - set(CATALOGS["en"])) == []
    assert sorted(set(CATALOGS["en"]) - set(NL)) == []
    assert set(harvest.CATALOGS) == {"nl", "en"}
    assert sorted(set(harvest.CATALOGS["nl"]) ^ set(harvest.CATALOGS["en"])) == []


@pytest.mark.parametrize("lang", PHONE_ONLY)
def test_every_phone_message_is_in_the_phone_only_catalogs(lang):
    assert sorted(phone_keys() - set(CATALOGS[lang])) == []


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_plural_forms_header_is_cldrs_and_every_plural_message_has_that_many_forms(po):
    lang = po.parent.parent.name
    with po.open("rb") as handle:
        catalog = read_po(handle)
    assert catalog.plural_forms == to_gettext(Locale.parse(lang).plural_form)
    choose = gettext.c2py(catalog.plural_expr)
    forms = cldr_forms(lang)
    # The header's formula numbers the forms in the order the loader and the translators' comments assume.
    assert all(forms[choose(n)] == plural_form(lang, n) for n in range(0, 250))
    plural = [m for m in catalog if m.id and isinstance(m.id, tuple)]
    assert plural, po
    for message in plural:
        assert len(message.string) == len(forms) == catalog.num_plurals, message.id
        assert all(message.string), message.id


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_placeholders_match_the_dutch_source(po):
    lang, domain = po.parent.parent.name, po.stem
    source = (CATALOGS if domain == "wijkdialoog" else harvest.CATALOGS)["nl"].texts
    translated = (CATALOGS if domain == "wijkdialoog" else harvest.CATALOGS)[lang].texts
    for key, text in translated.items():
        wanted = all_fields(source[key])
        # A one-form may leave out the number ("1 stip"); a count may be spelled by the translation itself.
        assert all_fields(text) <= wanted | {"count", "n"}, (lang, key)
        if not isinstance(text, tuple):
            assert all_fields(text) >= wanted - {"count", "n"}, (lang, key)


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_each_message_shows_the_dutch_source_and_the_new_languages_ask_for_review(po):
    lang = po.parent.parent.name
    text = po.read_text(encoding="utf-8")
    lines = text.splitlines()
    messages = sum(line.startswith('msgid "') for line in lines) - 1  # less the header
    assert messages == sum(line.startswith("#. nl: ") for line in lines)  # one source comment per message
    assert ("NEEDS REVIEW BY A NATIVE SPEAKER" in text) == (lang in PHONE_ONLY)


@pytest.mark.parametrize(("lang", "counts"), [
    ("nl", {0: "Je hebt nog 0 stippen", 1: "Je hebt nog 1 stip", 2: "Je hebt nog 2 stippen"}),
    ("en", {1: "You have 1 dot left", 3: "You have 3 dots left"}),
    ("pl", {1: "Została ci 1 kropka", 3: "Zostały ci 3 kropki", 5: "Zostało ci 5 kropek",
            12: "Zostało ci 12 kropek", 22: "Zostały ci 22 kropki"}),
    ("ar", {0: "لم تبقَ لديك أي نقطة", 1: "بقيت لديك نقطة واحدة", 2: "بقيت لديك نقطتان",
            3: "بقيت لديك 3 نقاط", 11: "بقيت لديك 11 نقطة", 100: "بقيت لديك 100 نقطة"}),
    ("tr", {1: "1 noktanız kaldı", 4: "4 noktanız kaldı"}),
])
def test_the_plural_form_follows_the_language(lang, counts):
    assert {n: t(lang, "phone.dots_left", count=n) for n in counts} == counts


@pytest.mark.parametrize("lang", PHONE_LANGUAGES)
def test_no_count_leaves_a_placeholder(lang):
    for key in phone_keys():
        if CATALOGS[lang].is_plural(key):
            assert all("{" not in t(lang, key, count=n, name="Ben") for n in range(0, 130)), key


def test_the_harvest_counts_in_the_right_form():
    assert harvest.t("nl", "hidden", n=1) == harvest.t("nl", "hidden_one")
    assert harvest.t("nl", "hidden_one").startswith("1 kaartje is")
    assert harvest.t("en", "people_total", n=2) == "2 participants."
    assert harvest.counted("en", "people_total", 1) == "1 participant."


def test_lists_dates_and_numbers_come_from_babel():
    from exports import fmt
    assert names_list("nl", ["Anna", "Ben", "Chris"]) == "Anna, Ben en Chris"
    assert names_list("en", ["Anna", "Ben", "Chris"]) == "Anna, Ben and Chris"
    assert names_list("pl", ["Anna", "Ben", "Chris"]) == "Anna, Ben i Chris"
    assert harvest.join_names("nl", ["Ben"]) == "Ben"
    noon = 1_772_539_200.0  # 3 March 2026, 12:00 UTC
    from datetime import UTC
    assert fmt.long_date(noon, "nl", UTC) == "3 maart 2026"
    assert fmt.long_date(noon, "en", UTC) == "3 March 2026"
    assert fmt.number(3.8, "nl", 1) == "3,8" and fmt.number(3.8, "en", 1) == "3.8"


@pytest.mark.parametrize("lang", PHONE_LANGUAGES)
def test_roles_states_kinds_and_ground_rules_are_complete(lang):
    catalog = CATALOGS[lang]
    assert all(f"role.{r.value}" in catalog and role_label(lang, r.value) for r in Role)
    assert all(f"state.{s.value}" in catalog and state_label(lang, s.value) for s in SpeakerState)
    assert all(f"kind.{k.value}" in catalog and app_kind_label(lang, k.value) for k in CardKind)
    assert len(ground_rules(lang)) == 5 and all(ground_rules(lang))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_app_and_the_harvest_use_the_same_role_names_and_ground_rules(lang):
    assert {r.value: role_label(lang, r.value) for r in Role} == {r.value: harvest.role_label(lang, r.value)
                                                                  for r in Role}
    assert ground_rules(lang) == harvest.ground_rules(lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_domain_holds_only_keys_and_the_catalog_words_the_template(lang):
    for tpl in templates.DEFAULT_TEMPLATE:
        assert harvest.template_text(lang, tpl.title_key) != tpl.title_key
        assert harvest.template_text(lang, tpl.question_key) != tpl.question_key
    for theme in templates.THEMES:
        assert harvest.theme_label(theme, lang) != theme
    assert not hasattr(templates, "GROUND_RULES") and not hasattr(templates, "theme_label")  # no words in rounds/


def test_the_phone_languages_are_all_registered():
    assert set(PHONE_LANGUAGES) == set(CATALOGS) == {"nl", "en", "ar", "tr", "pl"}
