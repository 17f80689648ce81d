"""gettext .po catalogs, read once at start-up into plain dicts (no compile step, so a fresh clone just runs).

The catalogs are monolingual ("symbolic msgid"): the msgid is a stable key such as "phone.hello" and every
language, Dutch included, holds its text in msgstr. A plural message has msgid_plural equal to its msgid and
one msgstr per form; which form a count takes follows the catalog's own Plural-Forms header, as in gettext.
Babel writes that header from CLDR (`babel.plural.to_gettext`), so the forms are CLDR's in CLDR's order:
zero, one, two, few, many, other (only those the language has).
"""

from __future__ import annotations

import gettext
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po

Text = str | tuple[str, ...]
FORM_ORDER = ("zero", "one", "two", "few", "many", "other")


def cldr_forms(lang: str) -> tuple[str, ...]:
    """The plural categories of `lang` in msgstr[n] order, as `babel.plural.to_gettext` numbers them."""
    tags = Locale.parse(lang).plural_form.tags
    return tuple(form for form in FORM_ORDER if form in tags or form == "other")


def fields(text: str) -> set[str]:
    """The {placeholders} of a str.format text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@dataclass(frozen=True)
class Messages:
    """One language of one domain: key -> text, or key -> plural forms."""

    lang: str
    texts: dict[str, Text]
    plural_expr: str = "(n != 1)"
    header: str = ""
    sources: dict[str, str] = field(default_factory=dict)  # key -> the translator's comment (#.), for tests
    _index: Callable[[int], int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", gettext.c2py(self.plural_expr))

    def __contains__(self, key: object) -> bool:
        return key in self.texts

    def __iter__(self) -> Iterator[str]:
        return iter(self.texts)

    def is_plural(self, key: str) -> bool:
        return isinstance(self.texts.get(key), tuple)

    def get(self, key: str, count: int | None = None) -> str | None:
        """The text for `key`; for a plural message the form for `count` (without a count: the last, "other")."""
        text = self.texts.get(key)
        if not isinstance(text, tuple):
            return text
        if count is None:
            return text[-1]
        index = self._index(abs(count))
        return text[index] if 0 <= index < len(text) else text[-1]

    def form(self, key: str, index: int) -> str | None:
        text = self.texts.get(key)
        return text[index] if isinstance(text, tuple) and 0 <= index < len(text) else None


def read_messages(path: Path, lang: str) -> Messages:
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, charset="utf-8")
    texts: dict[str, Text] = {}
    sources: dict[str, str] = {}
    for message in catalog:
        if not message.id:  # the header
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        value = message.string
        # An empty msgstr is "not translated yet" in gettext: leave the key out so the fallback language speaks.
        if isinstance(value, tuple):
            if all(value):
                texts[key] = tuple(value)
        elif value:
            texts[key] = value
        sources[key] = " ".join(message.auto_comments)
    return Messages(lang, texts, catalog.plural_expr or "(n != 1)", catalog.header_comment or "", sources)


def load_domain(directory: Path, domain: str) -> dict[str, Messages]:
    """Every language found as <directory>/<lang>/LC_MESSAGES/<domain>.po."""
    found = {}
    for path in sorted(directory.glob(f"*/LC_MESSAGES/{domain}.po")):
        lang = path.parent.parent.name
        found[lang] = read_messages(path, lang)
    return found
