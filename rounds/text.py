"""Cleaning and checking what people type. Refusals name the rule that was broken."""

from __future__ import annotations

import unicodedata

from . import errors as e
from .errors import DomainError

_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


def _is_blank(text: str) -> bool:
    return all(ch.isspace() or ch in _INVISIBLE for ch in text)


def _has_control(text: str, allowed: str = "") -> bool:
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text)


def clean_name(raw: str, max_chars: int) -> str:
    """A display name: trimmed, 1..max_chars characters, one line, no control characters."""
    if not isinstance(raw, str):
        raise DomainError(e.NAME_EMPTY)
    name = raw.strip()
    if not name or _is_blank(name):
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
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").strip()
    if not allow_empty and (not text or _is_blank(text)):
        raise DomainError(e.TEXT_EMPTY)
    if _has_control(text, allowed="\n"):
        raise DomainError(e.TEXT_CONTROL_CHARS)
    if len(text) > max_chars:
        raise DomainError(e.TEXT_TOO_LONG, limit=max_chars)
    return text
