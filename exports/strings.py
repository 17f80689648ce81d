"""Every word the harvest prints, from the gettext domain "oogst" (exports/locale/<lang>/LC_MESSAGES/oogst.po).

The same catalog holds what a dialogue is made of in its own language: role names, the preset themes, the
ground rules and the five-round template's titles and questions, so `rounds/` keeps no text of its own.
The harvest speaks Dutch or English (the dialogue's language); anything else reads as Dutch.
"""

from __future__ import annotations

from pathlib import Path

from babel.lists import format_list

from rounds.templates import THEMES

from .catalog import Messages, load_domain

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
CATALOGS: dict[str, Messages] = load_domain(LOCALE_DIR, "oogst")
# Babel's locale per harvest language: British English, like the texts (and "Anna, Ben and Chris", no comma).
BABEL_LOCALES = {"nl": "nl_NL", "en": "en_GB"}
RULE_COUNT = 5


def lang_of(language: str) -> str:
    return language if language in CATALOGS else "nl"


def babel_locale(lang: str) -> str:
    return BABEL_LOCALES[lang_of(lang)]


def t(lang: str, key: str, **values: object) -> str:
    """A harvest text. A plural message takes its form from `n`. "<key>_one" still names the one-form of the
    plural message <key> (the writers ask for "hidden_one"), with n = 1."""
    catalog = CATALOGS[lang_of(lang)]
    if key not in catalog and key.endswith("_one") and catalog.is_plural(key[:-4]):
        key, values = key[:-4], {"n": 1, **values}
    count = values.get("n")
    text = catalog.get(key, count if isinstance(count, int) else None)
    if text is None:
        text = CATALOGS["nl"].get(key)
    if text is None:
        raise KeyError(key)
    return text.format(**values) if values else text


def counted(lang: str, key: str, n: int, **values: object) -> str:
    """The plural message `key` in the form its language uses for `n`."""
    return t(lang, key, n=n, **values)


def _label(lang: str, key: str, fallback: str) -> str:
    catalog = CATALOGS[lang_of(lang)]
    return catalog.get(key) or CATALOGS["nl"].get(key) or fallback


def role_label(lang: str, role: str) -> str:
    return _label(lang, f"role.{role}", str(role))


def role_labels(lang: str) -> dict[str, str]:
    """Role key -> name, for the roles the catalog knows."""
    catalog = CATALOGS[lang_of(lang)]
    return {key.removeprefix("role."): str(catalog.get(key)) for key in catalog if key.startswith("role.")}


# Role key -> name per harvest language (exports/people.py recognises "Bewoner 3" in free text with these).
ROLES: dict[str, dict[str, str]] = {lang: role_labels(lang) for lang in CATALOGS}


def kind_label(lang: str, kind: str) -> str:
    # "none" has no word in a table cell: a card of no kind shows an empty cell.
    return "" if str(kind) == "none" else _label(lang, f"kind.{kind}", str(kind))


def kind_heading(lang: str, kind: str) -> str:
    return _label(lang, f"kind_heading.{kind}", str(kind))


def theme_label(theme: str, lang: str) -> str:
    """A preset theme in the dialogue's language; free text stays as typed."""
    return _label(lang, f"theme.{theme}", theme) if theme in THEMES else theme


def theme_labels(theme: str) -> set[str]:
    """A preset theme's words in every harvest language, so a dialogue typed either way finds its theme."""
    return {theme_label(theme, lang) for lang in CATALOGS} if theme in THEMES else set()


def ground_rules(lang: str) -> list[str]:
    return [_label(lang, f"rule.{i}", "") for i in range(1, RULE_COUNT + 1)]


def template_text(lang: str, key: str) -> str:
    """The round template's words ("template.dromen.title", ...), as `rounds.preparation.new_dialogue(texts=...)`
    asks for them."""
    return _label(lang, key, key)


def join_names(lang: str, names: list[str]) -> str:
    """"Ben", "Ben en Chris", "Anna, Ben en Chris" (CLDR's list pattern for the language)."""
    return format_list(list(names), locale=babel_locale(lang)) if names else ""
