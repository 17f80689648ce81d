"""The phone's own language and large text (issue 12): chosen on the phone, kept the way issue 9 allows.

Before joining, a visitor's choice travels in the address (`?lang=ar&text=large`), so a visit writes nothing
to disk; once someone has joined it is kept in their own user storage, so a reload or a sleeping phone keeps
it. The projector, the console and the harvest keep the dialogue's language; people's own words are never
translated.
"""

from __future__ import annotations

import hashlib
import html
import json
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from nicegui import app, ui
from starlette.requests import Request

from rounds import Dialogue

from ..i18n import LANGUAGE_NAMES, PHONE_LANGUAGES, RIGHT_TO_LEFT, t
from ..visitor_storage import keep_phone_look, phone_look
from .refused import preferred_language
from .theme import aria_label

STATIC = Path(__file__).resolve().parent.parent / "static"
STATIC_URL = "/wd-static"
LARGE, NORMAL = "large", "normal"
CURRENT = ' aria-current="true"'


def register_static() -> None:
    # Cached files instead of inline code: a phone that reloads (they sleep a lot) fetches them once.
    app.add_static_files(STATIC_URL, STATIC, max_cache_age=86400)


@cache
def static_version(name: str) -> str:
    """A short content hash in the address, so a new version is fetched despite the long cache."""
    return hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:10]


@dataclass
class PhoneLook:
    lang: str
    large: bool
    path: str  # the page's own address without the query, e.g. /join/ABCDE
    chosen: bool = False  # chosen on this phone (in the address or by a tap), not just derived

    @property
    def rtl(self) -> bool:
        return self.lang in RIGHT_TO_LEFT

    def kept_address(self) -> str:
        """This page's address carrying the look only when it was chosen (a derived one is derived again)."""
        return self.address() if self.chosen else self.path

    def address(self, *, lang: str | None = None, large: bool | None = None) -> str:
        large = self.large if large is None else large
        query = {"lang": lang or self.lang} | ({"text": LARGE} if large else {})
        return f"{self.path}?{urllib.parse.urlencode(query)}"


def choose_look(request: Request, default_lang: str) -> PhoneLook:
    """Address first (a choice just made), then what this phone kept, then Accept-Language, then the dialogue's."""
    kept = phone_look()
    asked = request.query_params.get("lang", "")
    if asked in PHONE_LANGUAGES:
        lang = asked
    elif kept.get("lang") in PHONE_LANGUAGES:
        lang = kept["lang"]
    else:
        lang = preferred_language(request.headers.get("accept-language"), default_lang)
    text = request.query_params.get("text", "")
    large = text == LARGE if text in (LARGE, NORMAL) else bool(kept.get("large", False))
    chosen = asked in PHONE_LANGUAGES or text in (LARGE, NORMAL)
    return PhoneLook(lang, large, request.url.path, chosen)


def keep_look(look: PhoneLook, dialogue: Dialogue, person_id: str) -> None:
    """For someone who has joined and made a choice: the phone remembers, so the address may lose its query.

    A look that was only derived (Accept-Language, the dialogue's language) is derived again next time:
    nothing is written for it, so most phones keep no storage at all.
    """
    if look.chosen:
        keep_phone_look(dialogue, person_id, lang=look.lang, large=look.large)


def apply_look(look: PhoneLook) -> None:
    """Large text on the page from its first paint, and the phone's script and styles (cached files)."""
    ui.add_head_html(
        f'<link rel="stylesheet" href="{STATIC_URL}/phone.css?v={static_version("phone.css")}">'
        f'<script defer src="{STATIC_URL}/phone.js?v={static_version("phone.js")}"></script>')
    if look.large:
        ui.add_body_html("<script>document.documentElement.classList.add('wd-large');</script>")


def isolate(text: str, look: PhoneLook) -> str:
    """A name inside a right-to-left sentence, kept whole in its own direction ("يتحدث الآن: Anna (1)").

    Only on a right-to-left page: in a Dutch sentence the Unicode bidi algorithm already places an Arabic
    name right, and the text stays exactly what a Dutch reader (or a test) expects.
    """
    return f"\u2068{text}\u2069" if look.rtl else text  # FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE


def language_links(look: PhoneLook) -> str:
    """Each language named in itself, as a link to this page in that language; the current one marked."""
    def link(code: str) -> str:
        on = code == look.lang
        return (f'<a href="{html.escape(look.address(lang=code))}" lang="{code}" hreflang="{code}" '
                f'class="wd-lang{" wd-lang-on" if on else ""}"{CURRENT if on else ""}>'
                f'{html.escape(LANGUAGE_NAMES[code])}</a>')

    return "".join(link(code) for code in PHONE_LANGUAGES)


def look_bar(look: PhoneLook, on_large: Callable[[PhoneLook], None] | None = None) -> None:
    """The language buttons (each language named in itself) and the large-text switch, all 44 px targets.

    A language is a new address (the server draws every text again); large text switches in place.
    """
    lang = look.lang
    group = ui.html(language_links(look), sanitize=False).classes("wd-look w-full").mark("phone-languages")
    group.props["role"] = "group"
    aria_label(group, t(lang, "phone.language"))
    large = ui.button(t(lang, "phone.large_text"), icon="format_size").props(
        "no-caps outline" if not look.large else "no-caps unelevated").classes("w-full").mark("large-text")
    large.props["aria-pressed"] = "true" if look.large else "false"

    def switch() -> None:
        look.large, look.chosen = not look.large, True
        large.props["aria-pressed"] = "true" if look.large else "false"
        large.props(remove="outline unelevated").props("unelevated" if look.large else "outline")
        ui.run_javascript(f"document.documentElement.classList.toggle('wd-large', {json.dumps(look.large)});"
                          f"history.replaceState(null, '', {json.dumps(look.address())});")
        if on_large is not None:
            on_large(look)

    large.on_click(switch)
