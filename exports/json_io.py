"""The whole dialogue as JSON in a versioned envelope, and reading it back on another machine.

Consent holds here as in every other format. The named export keeps the names of those who agreed
(`name_in_report`); everyone else appears as their label ("Bewoner 2"), and names that may not
appear are replaced in free text exactly as in the Markdown, HTML and CSV harvest. The anonymous
export does the same for everyone, drops the facilitator's name, blanks hidden cards, and takes a
slug made from the title without names. Both can be imported, for a harvest across dialogues.

Device tokens and the facilitator's key are never written: they stay in the file as empty strings
so the shape is the same in every version. Importing any version (schema 1 files may hold them)
drops them as well; the importing app gives the dialogue a fresh key of its own.

Schema versions: 1 wrote the dialogue as it was stored. 2 writes it with consent applied and
without key and tokens; the layout is the same, so 1 and 2 are read by the same code.
"""

from __future__ import annotations

import functools
import json
import types
import typing
from dataclasses import fields, is_dataclass
from typing import Any

from slugify import slugify

from rounds import Dialogue
from rounds import model as domain
from rounds.integrity import IntegrityProblem, check_dialogue, check_json_depth
from rounds.serialize import dialogue_from_dict, dialogue_to_dict

from .people import Naming
from .strings import lang_of

FORMAT = "wijkdialoog-harvest"
SCHEMA_VERSION = 2
# A whole evening's export is a few hundred kB; this leaves room for the biggest real table and keeps a
# stray video or database dump from being parsed in memory.
MAX_IMPORT_BYTES = 20 * 1024 * 1024


class ImportProblem(Exception):
    """The file is not a harvest this version can read. `code`: not_json, not_harvest, newer, damaged, too_big."""

    def __init__(self, code: str, detail: str = "") -> None:
        self.code, self.detail = code, detail
        super().__init__(f"{code}: {detail}" if detail else code)


def _for_export(dialogue: Dialogue, anonymous: bool) -> dict[str, Any]:
    """A copy of the dialogue as a dict with consent applied, and without key and tokens."""
    names = Naming(dialogue, lang_of(dialogue.language), anonymous)
    copy = dialogue_from_dict(json.loads(json.dumps(dialogue_to_dict(dialogue))))
    scrub = names.scrub
    copy.title, copy.theme, copy.place, copy.date = (scrub(copy.title), scrub(copy.theme), scrub(copy.place),
                                                     scrub(copy.date))
    copy.facilitator_key = ""
    copy.blocked_tokens = []  # devices of removed people: as secret as any other device token
    if anonymous:
        copy.facilitator_name = ""
        copy.slug = slugify(copy.title, max_length=60, word_boundary=True) or "wijkdialoog"  # the slug may hold a name
    for person in copy.participants:
        person.token = ""
        if person.id not in names.named:
            person.name, person.name_in_report = names.labels[person.id], False
    for rnd in copy.rounds:
        rnd.title, rnd.question, rnd.notes = scrub(rnd.title), scrub(rnd.question), scrub(rnd.notes)
        if rnd.override:
            rnd.override.reason = scrub(rnd.override.reason)
        for turn in rnd.turns:
            turn.note = scrub(turn.note)
        for card in rnd.cards:
            card.text = "" if card.hidden and anonymous else scrub(card.text)
    for answer in copy.felt_heard:  # "did you feel heard?": the word is free text like any other
        answer.word = scrub(answer.word)
    return dialogue_to_dict(copy)


def to_json(dialogue: Dialogue, anonymous: bool = False) -> str:
    """The dialogue as JSON. Consent applies in both versions; no key and no device tokens in either."""
    data = _for_export(dialogue, anonymous)
    envelope = {"format": FORMAT, "schema_version": SCHEMA_VERSION, "anonymous": anonymous, "dialogue": data}
    return json.dumps(envelope, ensure_ascii=False, indent=1) + "\n"


_SIMPLE = {"str": str, "int": int, "float": (int, float), "bool": bool, "None": type(None)}


def _matches(value: Any, hint: Any) -> bool:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_matches(value, option) for option in typing.get_args(hint))
    if origin is list:
        (item,) = typing.get_args(hint)
        return isinstance(value, list) and all(_matches(v, item) for v in value)
    if hint is type(None):
        return value is None
    if is_dataclass(hint):
        if not isinstance(value, hint):
            return False
        _check(value)
        return True
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, hint)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(domain))


def _check(obj: Any) -> None:
    """Every field of the rebuilt dialogue has the type the domain declares; a hand-edited file may not."""
    hints = _hints(type(obj))
    for f in fields(obj):
        if not _matches(getattr(obj, f.name), hints[f.name]):
            raise ImportProblem("damaged", f"{type(obj).__name__}.{f.name}")


def _without_secrets(data: Any) -> Any:
    """The dialogue's dict with the facilitator's key and every device token empty, whatever the file held.

    A key or token from another machine must never open this one; a missing field is filled the same way.
    Anything that is not shaped like a dialogue is passed on unchanged, to be refused as damaged.
    """
    if not isinstance(data, dict):
        return data
    data = {**data, "facilitator_key": "", "blocked_tokens": []}
    people = data.get("participants")
    if isinstance(people, list):
        data["participants"] = [{**p, "token": ""} if isinstance(p, dict) else p for p in people]
    return data


def read_envelope(raw: str | bytes, *, fmt: str, schema: int, max_bytes: int) -> dict[str, Any]:
    """The outer object of an exported file: size and nesting checked before parsing, then its format and
    schema version (1 up to `schema`). Raises ImportProblem: too_big, damaged, not_json, not_harvest, newer."""
    size = len(raw) if isinstance(raw, (bytes, bytearray)) else len(raw.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise ImportProblem("too_big", f"{size} bytes")
    try:
        check_json_depth(raw)
        envelope = json.loads(raw)
    except IntegrityProblem as problem:
        raise ImportProblem("damaged", problem.reason) from None
    except RecursionError:  # the depth check should stop this first; never let it escape as a crash
        raise ImportProblem("damaged", "too deeply nested") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ImportProblem("not_json", str(exc)) from None
    if not isinstance(envelope, dict) or envelope.get("format") != fmt:
        raise ImportProblem("not_harvest")
    version = envelope.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportProblem("damaged", f"schema_version={version!r}")
    if version > schema:
        raise ImportProblem("newer", f"schema_version={version}")
    return envelope


def from_json(raw: str | bytes) -> Dialogue:
    """A Dialogue from an exported file of any schema version up to this one, without key or device tokens.

    Raises ImportProblem when the file cannot be used: it is checked as fully as a file on disk (size,
    nesting before parsing, then rounds.integrity on the result), so nothing the app cannot draw or
    export gets in.
    """
    envelope = read_envelope(raw, fmt=FORMAT, schema=SCHEMA_VERSION, max_bytes=MAX_IMPORT_BYTES)
    if "dialogue" not in envelope:
        raise ImportProblem("not_harvest")
    try:
        dialogue = dialogue_from_dict(_without_secrets(envelope["dialogue"]))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ImportProblem("damaged", f"{type(exc).__name__}: {exc}") from None
    _check(dialogue)
    if dialogue.language not in ("nl", "en"):
        raise ImportProblem("damaged", "language")
    # Since schema 2 the named export also replaces the names of those who declined by their labels, so
    # its free texts may be longer than typing allows, just like the anonymous export's.
    scrubbed = envelope.get("anonymous") is True or envelope["schema_version"] >= 2
    try:
        check_dialogue(dialogue, anonymous=scrubbed)
    except IntegrityProblem as problem:
        raise ImportProblem("damaged", problem.reason) from None
    return dialogue
