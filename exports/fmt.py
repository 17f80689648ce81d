"""Times, dates, durations and shares as people read them, in the harvest's language."""

from __future__ import annotations

from datetime import datetime, tzinfo

from .strings import MONTHS, lang_of


def local(at: float, tz: tzinfo | None) -> datetime:
    """Epoch seconds in the given zone; None means this machine's zone, the room's clock."""
    return datetime.fromtimestamp(at, tz)


def clock(at: float | None, tz: tzinfo | None) -> str:
    return local(at, tz).strftime("%H:%M") if at is not None else ""


def long_date(at: float | None, lang: str, tz: tzinfo | None) -> str:
    if at is None:
        return ""
    day = local(at, tz)
    return f"{day.day} {MONTHS[lang_of(lang)][day.month - 1]} {day.year}"


def duration(seconds: float | None, lang: str) -> str:
    """"45 sec", "12 min", "2 uur 5 min" / "2 h 5 min"."""
    if seconds is None:
        return ""
    total = max(int(round(seconds)), 0)
    if total < 60:
        return f"{total} sec"
    minutes = (total + 30) // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    unit = "uur" if lang_of(lang) == "nl" else "h"
    return f"{hours} {unit} {rest} min" if rest else f"{hours} {unit}"


def minutes_seconds(seconds: float) -> str:
    total = max(int(round(seconds)), 0)
    return f"{total // 60}:{total % 60:02d}"


def share(part: float, whole: float) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"
