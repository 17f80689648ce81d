"""What the server keeps per browser (NiceGUI's app.storage.user), and for whom.

Anyone on the room's Wi-Fi can load a page, so a visit by itself must not cost disk space. NiceGUI
keeps a user's storage in memory for every request, but writes a file only once it holds something
(FilePersistentDict.backup skips an empty dict without a file). So the rule here is: read freely,
write only for someone who has joined a dialogue or holds the facilitator key. A phone is recognised
by `device_token` (an HMAC of the signed cookie's browser id), which needs no storage at all.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING, Any

from nicegui import app

from rounds.model import MAX_CARD_CHARS

if TYPE_CHECKING:
    from rounds import Dialogue

FACILITATOR_KEY = "facilitator_key"
TOKENS = "tokens"  # slug -> token, written by earlier versions; still read so those phones stay known
DRAFTS = "drafts"
PHONE_LOOK = "phone"  # {"lang": "ar", "large": True}: how this phone wants to be spoken to, across dialogues
EVENT_KEYS = "event_keys"  # "<event>" (organiser) or "<event>/<table id>" (host) -> the key that opened it
MAX_EVENT_KEYS = 50
MAX_DRAFTS = 20  # one per open round is all a phone needs; old ones go first


def device_token(secret: str, browser_id: str, slug: str) -> str:
    """The token a dialogue file holds for this browser: never the cookie itself, only this HMAC."""
    return hmac.new(secret.encode(), f"{browser_id}:{slug}".encode(), hashlib.sha256).hexdigest()


def browser_id() -> str:
    """The id in the signed session cookie (set by NiceGUI's middleware for every request)."""
    return str(app.storage.browser.get("id", ""))


def _stored(name: str) -> Any:
    # .get never writes: an empty user storage stays empty, so NiceGUI writes no file for it.
    return app.storage.user.get(name)


def remembered_key() -> str | None:
    key = _stored(FACILITATOR_KEY)
    return key if isinstance(key, str) else None


def remember_key(key: str) -> None:
    """Only called after the key matched: the facilitator's browser is the one visitor worth a file."""
    app.storage.user[FACILITATOR_KEY] = key


def forget_key() -> None:
    app.storage.user.pop(FACILITATOR_KEY, None)


def remembered_event_key(grant: str) -> str | None:
    """The organiser key ("<event>") or host key ("<event>/<table id>") this browser opened with."""
    keys = _stored(EVENT_KEYS)
    key = keys.get(grant) if isinstance(keys, dict) else None
    return key if isinstance(key, str) else None


def remembered_event_grants() -> dict[str, str]:
    keys = _stored(EVENT_KEYS)
    return {k: v for k, v in keys.items() if isinstance(v, str)} if isinstance(keys, dict) else {}


def remember_event_key(grant: str, key: str) -> None:
    """Only called after the key matched, like the app key: an organiser's or host's browser keeps it."""
    keys = remembered_event_grants()
    keys.pop(grant, None)
    keys[grant] = key
    app.storage.user[EVENT_KEYS] = dict(list(keys.items())[-MAX_EVENT_KEYS:])


def forget_event_keys() -> None:
    app.storage.user.pop(EVENT_KEYS, None)


def remembered_token(slug: str) -> str | None:
    tokens = _stored(TOKENS)
    token = tokens.get(slug) if isinstance(tokens, dict) else None
    return token if isinstance(token, str) and token else None


def _is_participant(dialogue: Dialogue, person_id: str) -> bool:
    return any(p.id == person_id for p in dialogue.participants)


def card_draft(slug: str, round_id: str) -> str:
    drafts = _stored(DRAFTS)
    text = drafts.get(f"{slug}:{round_id}", "") if isinstance(drafts, dict) else ""
    return text[:MAX_CARD_CHARS] if isinstance(text, str) else ""


def keep_card_draft(dialogue: Dialogue, person_id: str, round_id: str, text: str) -> None:
    """Keeps a half-written card across a reload, for someone who has joined, cut to the card limit."""
    if not _is_participant(dialogue, person_id):
        return
    key = f"{dialogue.slug}:{round_id}"
    old = _stored(DRAFTS)
    drafts = {k: v for k, v in old.items() if k != key} if isinstance(old, dict) else {}
    if text:
        drafts[key] = text[:MAX_CARD_CHARS]
    # Dicts keep insertion order, so the oldest drafts are the first ones.
    app.storage.user[DRAFTS] = dict(list(drafts.items())[-MAX_DRAFTS:])


def drop_card_draft(slug: str, round_id: str) -> None:
    drafts = _stored(DRAFTS)
    if isinstance(drafts, dict) and f"{slug}:{round_id}" in drafts:
        app.storage.user[DRAFTS] = {k: v for k, v in drafts.items() if k != f"{slug}:{round_id}"}


def phone_look() -> dict[str, Any]:
    """This phone's own language and large-text choice, as far as it is valid; {} when nothing is kept."""
    look = _stored(PHONE_LOOK)
    if not isinstance(look, dict):
        return {}
    kept: dict[str, Any] = {}
    lang = look.get("lang")
    if isinstance(lang, str) and lang.isascii() and lang.isalpha() and len(lang) <= 3:
        kept["lang"] = lang
    if isinstance(look.get("large"), bool):
        kept["large"] = look["large"]
    return kept


def keep_phone_look(dialogue: Dialogue, person_id: str, *, lang: str | None = None,
                    large: bool | None = None) -> None:
    """Remembers the phone's language or large text, only for someone who has joined (before that the
    choice travels in the page's address, so a visitor still costs no disk space)."""
    if not _is_participant(dialogue, person_id):
        return
    look = phone_look()
    changed = dict(look)
    if lang is not None:
        changed["lang"] = lang
    if large is not None:
        changed["large"] = large
    if changed != look:  # a reload that changes nothing writes nothing
        app.storage.user[PHONE_LOOK] = changed
