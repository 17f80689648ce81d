"""The app's texts: the gettext domain "wijkdialoog" (facilitator_app/i18n/locale/<lang>/LC_MESSAGES/*.po).

The .po files are read once at start-up (no compile step), so a fresh clone runs as it is. Pages ask
`t(lang, key, **values)`; a whole `count` picks the plural form the language needs (gettext's ngettext, with
CLDR's forms); refusals go through `refusal`. See exports/catalog.py for the catalog shape.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.lists import format_list

from exports import strings as harvest
from exports.catalog import Messages, load_domain
from rounds import DomainError
from rounds.signups import SignupProblem

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "wijkdialoog"

# The dialogue (console, projector, harvest) speaks nl or en; a phone may also speak ar, tr and pl.
# Those three cover the phone only: keys they lack fall back to English, then Dutch.
CATALOGS: dict[str, Messages] = load_domain(LOCALE_DIR, DOMAIN)
DIALOGUE_LANGUAGES = ("nl", "en")
PHONE_LANGUAGES = ("nl", "en", "ar", "tr", "pl")
# Each language named in its own language, so someone who reads only that one still finds it.
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English", "ar": "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
                  "tr": "T\u00fcrk\u00e7e", "pl": "Polski"}
RIGHT_TO_LEFT = frozenset({"ar"})
RULE_COUNT = harvest.RULE_COUNT


@cache
def _plural_rule(lang: str):
    return Locale.parse(lang).plural_form


def plural_form(lang: str, count: int) -> str:
    """CLDR's plural category ("zero", "one", "two", "few", "many" or "other") for `count` in `lang`."""
    try:
        return _plural_rule(lang)(count)
    except (UnknownLocaleError, ValueError, TypeError):  # an unknown language: Dutch and English have the same two forms
        return "one" if count == 1 else "other"


def _lookup(lang: str, key: str, count: int | None = None) -> str | None:
    order = [lang] + ([] if lang in DIALOGUE_LANGUAGES else ["en"]) + ["nl"]
    for code in order:
        catalog = CATALOGS.get(code)
        text = catalog.get(key, count) if catalog is not None else None
        if text is not None:
            return text
    return None


def t(lang: str, key: str, **values: object) -> str:
    """A text in `lang`. A plural message takes the form for a whole `count`; without one, its "other" form."""
    count = values.get("count")
    whole = count if isinstance(count, int) and not isinstance(count, bool) else None
    text = _lookup(lang, key, whole) or key
    return text.format(**values) if values else text


def ground_rules(lang: str) -> list[str]:
    """The ground rules in the phone's language (the harvest's catalog has the same words for nl and en)."""
    return [_lookup(lang, f"rule.{i}") or "" for i in range(1, RULE_COUNT + 1)]


def theme_label(theme: str, lang: str) -> str:
    """A preset theme in the dialogue's language; free text stays as typed."""
    return harvest.theme_label(theme, lang)


def names_list(lang: str, names: list[str] | tuple[str, ...]) -> str:
    """"Anna, Ben en Chris" / "Anna, Ben and Chris" / "Anna, Ben i Chris": CLDR's list pattern (Babel)."""
    names = list(names)
    if not names:
        return ""
    locale = harvest.babel_locale(lang) if lang in DIALOGUE_LANGUAGES else lang
    try:
        return format_list(names, locale=locale)
    except (UnknownLocaleError, ValueError):
        return ", ".join(names)


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
    return _lookup(lang, f"role.{role}") or str(role)


def state_label(lang: str, state: str) -> str:
    return _lookup(lang, f"state.{state}") or str(state)


def kind_label(lang: str, kind: str) -> str:
    return _lookup(lang, f"kind.{kind}") or str(kind)


def signup_problem(lang: str, problem: SignupProblem) -> str:
    """One problem of a sign-up list, with its line number: "Regel 4: de rol ontbreekt." """
    values = {"column": "", "value": "", "limit": "", "expected": "", "found": "", "last_line": "",
              **{k: str(v) for k, v in problem.details.items()}}
    text = t(lang, "signup.line", line=problem.line, problem=t(lang, f"signup.{problem.code}", **values))
    return f"{text} {t(lang, 'signup.kept')}" if problem.kept else text
