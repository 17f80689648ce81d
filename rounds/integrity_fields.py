"""The field-level checks of the integrity check, and the nesting check on raw JSON text.

Each check raises `IntegrityProblem` with a short English reason naming the field ("not finite: finished_at").
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from enum import Enum
from typing import Any

MAX_TIMESTAMP = 253_402_214_400.0  # 9999-12-31: datetime.fromtimestamp still works in every time zone
DEPTH_LIMIT = 64

_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_JSON_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)


class IntegrityProblem(Exception):
    """A dialogue (or its JSON text) that must not be used. `reason` is short English, for logs and tests."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def check_json_depth(raw: str | bytes, limit: int = DEPTH_LIMIT) -> None:
    """Refuse JSON nested deeper than `limit`, before json.loads meets it with a RecursionError.

    One pass without recursion; brackets inside strings do not count. Text that is not JSON at all
    passes here and is left for json.loads to refuse.
    """
    if isinstance(raw, (bytes, bytearray)):
        try:
            raw = bytes(raw).decode(json.detect_encoding(raw), "surrogatepass")
        except (UnicodeDecodeError, LookupError):
            return
    depth = 0
    for match in _JSON_TOKENS.finditer(raw):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                raise IntegrityProblem("too deeply nested")
        elif token in "]}":
            depth = max(depth - 1, 0)


def _fail(kind: str, where: str) -> IntegrityProblem:
    return IntegrityProblem(f"{kind}: {where}")


def _bool(value: Any, where: str) -> None:
    if not isinstance(value, bool):
        raise _fail("not a boolean", where)


def _int(value: Any, where: str, low: int, high: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _fail("not a whole number", where)
    if not low <= value <= high:
        raise _fail("out of range", where)


def _time(value: Any, where: str, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise _fail("not a number", where)
    if not math.isfinite(value):
        raise _fail("not finite", where)
    if not 0 <= value <= MAX_TIMESTAMP:
        raise _fail("out of range", where)


def _enum(value: Any, kind: type[Enum], where: str) -> None:
    if not isinstance(value, str) or value not in kind._value2member_map_:
        raise _fail("unknown value", where)


def _text(value: Any, where: str, limit: int, *, line: bool = False, empty: bool = False) -> None:
    """The rules of clean_name (line=True) and clean_text: length, no control characters but newlines."""
    if not isinstance(value, str):
        raise _fail("not text", where)
    if len(value) > limit:
        raise _fail("text too long", where)
    if not empty and not value.strip():
        raise _fail("empty text", where)
    allowed = "" if line else "\n"
    if not value.isascii() or not value.isprintable():
        for ch in value:
            category = unicodedata.category(ch)
            if (category == "Cc" and ch not in allowed) or category == "Cs":
                raise _fail("control character", where)


def _ids(values: Any, known: set[str] | dict[str, Any], what: str, where: str) -> None:
    if not isinstance(values, list):
        raise _fail("not a list", where)
    for value in values:
        if not isinstance(value, str) or value not in known:
            raise IntegrityProblem(f"unknown {what} id in {where}")


def _unique_id(value: Any, seen: set[str], what: str, where: str) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise _fail(f"{what} id format", where)
    if value in seen:
        raise _fail(f"duplicate {what} id", where)
    seen.add(value)
