"""Times, dates, durations, numbers and shares as people read them, in the harvest's language.

Dates, times and numbers come from Babel (CLDR), so no month name is spelled out here; the duration units
are catalog messages ("duration.hours" is "{n} uur" / "{n} h"), so a translator words them too.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from babel.dates import format_date, format_time
from babel.numbers import format_decimal

from .strings import babel_locale, t


def local(at: float, tz: tzinfo | None) -> datetime:
    """Epoch seconds in the given zone; None means this machine's zone, the room's clock."""
    return datetime.fromtimestamp(at, tz)


def clock(at: float | None, tz: tzinfo | None, lang: str = "nl") -> str:
    """"19:00": both harvest languages write a 24-hour clock (nl and en_GB "short")."""
    return format_time(local(at, tz), "short", locale=babel_locale(lang)) if at is not None else ""


def long_date(at: float | None, lang: str, tz: tzinfo | None) -> str:
    """"3 maart 2026" / "3 March 2026"."""
    return format_date(local(at, tz), "long", locale=babel_locale(lang)) if at is not None else ""


def number(value: float, lang: str, decimals: int = 0) -> str:
    """"3,8" in Dutch, "3.8" in English."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=babel_locale(lang))


def duration(seconds: float | None, lang: str) -> str:
    """"45 sec", "12 min", "2 uur 5 min" / "2 h 5 min"."""
    if seconds is None:
        return ""
    total = max(int(round(seconds)), 0)
    if total < 60:
        return t(lang, "duration.seconds", n=number(total, lang))
    minutes = (total + 30) // 60
    if minutes < 60:
        return t(lang, "duration.minutes", n=number(minutes, lang))
    hours, rest = divmod(minutes, 60)
    if not rest:
        return t(lang, "duration.hours", n=number(hours, lang))
    return t(lang, "duration.hours_minutes", hours=number(hours, lang), minutes=number(rest, lang))


def minutes_seconds(seconds: float) -> str:
    total = max(int(round(seconds)), 0)
    return f"{total // 60}:{total % 60:02d}"


def share(part: float, whole: float) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"
