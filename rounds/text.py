"""Cleaning and checking what people type. Refusals name the rule that was broken.

What comes in is cleaned before it is checked: characters nobody can see are removed, so "An\u200bna"
is stored as "Anna" and "\u202eAnna.exe" cannot show reversed. Right-to-left text needs none of the
removed controls: Arabic and Hebrew show correctly by themselves. Kept are the two joiners (ZWJ, ZWNJ)
between two visible non-ASCII characters, which emoji sequences and Persian or Indic words need, the
tags of a flag such as the Scottish one, and the visible Arabic number signs. The result is NFC.
"""

from __future__ import annotations

import re
import unicodedata

from . import errors as e
from .errors import DomainError

_JOINERS = frozenset({"\u200c", "\u200d"})  # ZWNJ, ZWJ
# Format characters (Unicode category Cf) that are visible: Arabic, Syriac and Kaithi number signs.
_VISIBLE_FORMAT = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2"
                            "\U000110bd\U000110cd")
# Not category Cf, but invisible and of no use in a name or a card: the combining grapheme joiner,
# the Hangul fillers and the Khmer inherent vowels. Often used to make a name look blank or the same.
_INVISIBLE_OTHER = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0")
# A subdivision flag: black flag, tag letters or digits, cancel tag (the flags of Scotland, Wales, ...).
_FLAG_TAGS = re.compile("\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f")
_LINE_SEPARATORS = ("\u2028", "\u2029")


def _removable(ch: str) -> bool:
    category = unicodedata.category(ch)
    if category == "Cf":
        return ch not in _VISIBLE_FORMAT
    return category == "Cs" or ch in _INVISIBLE_OTHER  # Cs: a lone surrogate cannot even be saved as UTF-8


def _joins(ch: str | None) -> bool:
    """A joiner may stand next to this character: visible, not ASCII, not a space, not another joiner."""
    return ch is not None and ord(ch) > 0x7F and not ch.isspace() and ch not in _JOINERS


def strip_invisible(text: str) -> str:
    """Remove bidi controls, zero-width and other invisible characters; keep joiners where they join."""
    if text.isascii():
        return text
    flag_tags = {i for m in _FLAG_TAGS.finditer(text) for i in range(m.start() + 1, m.end())}
    kept = [ch for i, ch in enumerate(text) if ch in _JOINERS or i in flag_tags or not _removable(ch)]
    return "".join(
        ch
        for i, ch in enumerate(kept)
        if ch not in _JOINERS or (i > 0 and i + 1 < len(kept) and _joins(kept[i - 1]) and _joins(kept[i + 1]))
    )


def _normalise(text: str) -> str:
    # NFC before and after: before, so singletons such as the Kelvin sign are already letters when the
    # joiners are judged; after, so a mark split off by a removed character is composed again.
    return unicodedata.normalize("NFC", strip_invisible(unicodedata.normalize("NFC", text)))


def _has_control(text: str, allowed: str = "") -> bool:
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text)


def clean_name(raw: str, max_chars: int) -> str:
    """A display name: trimmed, 1..max_chars characters, one line, no control or invisible characters."""
    if not isinstance(raw, str):
        raise DomainError(e.NAME_EMPTY)
    for separator in _LINE_SEPARATORS:
        raw = raw.replace(separator, " ")
    name = _normalise(raw).strip()
    if not name:
        raise DomainError(e.NAME_EMPTY)
    if _has_control(name):
        raise DomainError(e.NAME_CONTROL_CHARS)
    if len(name) > max_chars:
        raise DomainError(e.NAME_TOO_LONG, limit=max_chars)
    return name


def clean_text(raw: str, max_chars: int, *, allow_empty: bool = False) -> str:
    """Free text such as a card: trimmed, newlines allowed, other control characters refused."""
    if not isinstance(raw, str):
        raise DomainError(e.TEXT_EMPTY)
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    for separator in _LINE_SEPARATORS:
        text = text.replace(separator, "\n")
    text = _normalise(text).strip()
    if not allow_empty and not text:
        raise DomainError(e.TEXT_EMPTY)
    if _has_control(text, allowed="\n"):
        raise DomainError(e.TEXT_CONTROL_CHARS)
    if len(text) > max_chars:
        raise DomainError(e.TEXT_TOO_LONG, limit=max_chars)
    return text


# Letters of other scripts that look like Latin letters. Capitals are mapped before casefolding,
# because the Cyrillic "В" looks like "B" while its lower case "в" does not look like "b".
_LOOK_ALIKES = str.maketrans(
    {
        # Cyrillic
        "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "Ј": "J", "К": "K", "М": "M", "О": "O",
        "Р": "P", "Ѕ": "S", "Т": "T", "Х": "X", "У": "Y", "Ү": "Y", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W", "Ӏ": "l",
        "а": "a", "с": "c", "ԁ": "d", "е": "e", "һ": "h", "і": "i", "ј": "j", "ӏ": "l", "о": "o", "р": "p",
        "ԛ": "q", "ѕ": "s", "ԝ": "w", "х": "x", "у": "y", "ү": "y",
        # Greek
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
        "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "Ϲ": "C",
        "α": "a", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "υ": "u", "χ": "x", "ϲ": "c", "ϳ": "j",
    }
)


def look_alike_key(name: str) -> str:
    """A key under which two names that look the same on screen are equal ("Anna", "Аnna", "ANNA ")."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(ch for ch in text if ch not in _JOINERS and not _removable(ch))
    text = unicodedata.normalize("NFKC", text).translate(_LOOK_ALIKES).casefold().translate(_LOOK_ALIKES)
    return " ".join(unicodedata.normalize("NFKC", text).split())
