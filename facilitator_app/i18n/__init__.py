"""One string catalog per language. Pages ask `t(lang, key, **values)`; refusals go through `refusal`."""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError
from babel.lists import format_list

from rounds import DomainError
from rounds.templates import GROUND_RULES

from . import ar, en, nl, pl, tr

# The dialogue (console, projector, harvest) speaks nl or en; a phone may also speak these three.
# Arabic, Turkish and Polish cover the phone only: keys they lack fall back to English, then Dutch.
CATALOGS = {"nl": nl.STRINGS, "en": en.STRINGS, "ar": ar.STRINGS, "tr": tr.STRINGS, "pl": pl.STRINGS}
ROLES = {"nl": nl.ROLES, "en": en.ROLES, "ar": ar.ROLES, "tr": tr.ROLES, "pl": pl.ROLES}
STATES = {"nl": nl.STATES, "en": en.STATES, "ar": ar.STATES, "tr": tr.STATES, "pl": pl.STATES}
KINDS = {"nl": nl.KINDS, "en": en.KINDS, "ar": ar.KINDS, "tr": tr.KINDS, "pl": pl.KINDS}
RULES = {"ar": ar.RULES, "tr": tr.RULES, "pl": pl.RULES}

PHONE_LANGUAGES = ("nl", "en", "ar", "tr", "pl")
# Each language named in its own language, so someone who reads only that one still finds it.
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English", "ar": "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
                  "tr": "T\u00fcrk\u00e7e", "pl": "Polski"}
RIGHT_TO_LEFT = frozenset({"ar"})


@cache
def _plural_rule(lang: str):
    return Locale.parse(lang).plural_form


def plural_form(lang: str, count: int) -> str:
    """CLDR's plural category ("zero", "one", "two", "few", "many" or "other") for `count` in `lang`."""
    try:
        return _plural_rule(lang)(count)
    except (UnknownLocaleError, ValueError, TypeError):  # an unknown language: Dutch and English have the same two forms
        return "one" if count == 1 else "other"


def t(lang: str, key: str, **values: object) -> str:
    """A text in `lang`. With a whole `count`, the key's plural form (".one", ".few", ...) is used where the
    catalog has it; the plain key is the "other" form."""
    catalog = CATALOGS.get(lang, nl.STRINGS)
    count = values.get("count")
    if isinstance(count, int) and not isinstance(count, bool):
        form = plural_form(lang, count)
        if form != "other" and f"{key}.{form}" in catalog:
            key = f"{key}.{form}"
    text = catalog.get(key) or (lang not in ("nl", "en") and en.STRINGS.get(key)) or nl.STRINGS.get(key) or key
    return text.format(**values) if values else text


def ground_rules(lang: str) -> list[str]:
    """The ground rules for a phone. The domain keeps nl and en; the phone-only languages keep theirs here."""
    return GROUND_RULES.get(lang) or RULES.get(lang) or GROUND_RULES["nl"]


def names_list(lang: str, names: list[str] | tuple[str, ...]) -> str:
    """"Anna, Ben en Chris" / "Anna, Ben and Chris"."""
    names = list(names)
    if not names:
        return ""
    if lang not in ("nl", "en") and lang in CATALOGS:  # Arabic joins with "و", Polish with "i": CLDR knows
        return format_list(names, locale=lang)
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {t(lang, 'and')} {names[-1]}"


def refusal(lang: str, error: DomainError) -> str:
    """A domain refusal in plain words, naming the people involved."""
    values = {
        "names": names_list(lang, error.names),
        "waiting": names_list(lang, error.details.get("waiting", [])),
        "limit": error.details.get("limit", ""),
        "round": error.details.get("round", ""),
        "field": error.details.get("field", ""),
    }
    key = f"error.{error.code}"
    if error.code == "already_had_turn" and not values["waiting"]:
        key = "error.already_done"
    return t(lang, key, **values)


def role_label(lang: str, role: str) -> str:
    return ROLES.get(lang, nl.ROLES).get(str(role), str(role))


def state_label(lang: str, state: str) -> str:
    return STATES.get(lang, nl.STATES).get(str(state), str(state))


def kind_label(lang: str, kind: str) -> str:
    return KINDS.get(lang, nl.KINDS).get(str(kind), str(kind))
