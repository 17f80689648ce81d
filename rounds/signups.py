"""Reading a sign-up list (CSV) for an event. Pure: the text comes in, sign-ups and problems go out.

Comma and semicolon files are both common (a Dutch Excel writes semicolons); UTF-8 with or without BOM.
Every problem names its line and a machine code with details, so the UI can say it in Dutch or English.
A line with a problem in a required part (name, role, a yes/no, a language) is left out; a problem with
a wish or a name seen twice is reported with `kept=True`: the person is imported, without that wish.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .errors import DomainError
from .events.model import LANGUAGE_TAG, MAX_EVENT_PEOPLE, MAX_NEIGHBOURHOOD_CHARS, MAX_WISHES, SignUp
from .model import MAX_NAME_CHARS, Role
from .signup_words import HEADER_KEY, LANGUAGE_WORDS, NO, ROLE_OF, YES
from .text import clean_name, look_alike_key

# Problem codes (besides the name codes of rounds.errors: name_empty, name_too_long, name_control_chars).
FILE_NOT_UTF8 = "file_not_utf8"
FILE_EMPTY = "file_empty"
TOO_MANY_SIGNUPS = "too_many_signups"
COLUMN_MISSING = "column_missing"
COLUMN_UNKNOWN = "column_unknown"  # kept: the column is ignored
COLUMN_TWICE = "column_twice"
LINE_UNREADABLE = "line_unreadable"
QUOTE_NOT_CLOSED = "quote_not_closed"  # a " opened and never closed swallows the lines after it
NO_PEOPLE = "no_people"  # column names, but nobody on the list
TOO_MANY_FIELDS = "too_many_fields"
ROLE_MISSING = "role_missing"
ROLE_UNKNOWN = "role_unknown"
YES_NO_UNKNOWN = "yes_no_unknown"
LANGUAGE_UNKNOWN = "language_unknown"
NAME_TWICE = "name_twice"  # kept: two people may share a name, but it is often a double sign-up
WISH_NAME_UNKNOWN = "wish_name_unknown"  # kept, without the wish
WISH_NAME_AMBIGUOUS = "wish_name_ambiguous"  # kept, without the wish
WISH_SELF = "wish_self"  # kept, without the wish
WISH_CONFLICT = "wish_conflict"  # kept: "together with" and "apart from" the same person; both dropped
TOO_MANY_WISHES = "too_many_wishes"  # kept, with the first MAX_WISHES

_WISH_SEPARATORS = str.maketrans({",": "\n", ";": "\n", "|": "\n", "/": "\n"})
_SHOWN_CHARS = 60  # a value echoed in a message: enough to recognise, never a whole hostile field


@dataclass(frozen=True)
class SignupProblem:
    line: int  # line number in the file, the header is line 1 (or the first non-empty line)
    code: str
    details: dict[str, str | int] = field(default_factory=dict)
    kept: bool = False  # the person was imported; only the named part was not


@dataclass
class SignupImport:
    signups: list[SignUp]
    problems: list[SignupProblem]
    delimiter: str  # "," or ";" ("" when the file could not be read at all)
    next_id: int  # the event's next_id after these people (pass it on to add_people's event)


def _shown(value: str) -> str:
    return value if len(value) <= _SHOWN_CHARS else value[: _SHOWN_CHARS - 1] + "\u2026"


def _words(value: str) -> str:
    return " ".join(value.casefold().replace(" /", "/").replace("/ ", "/").split())


def parse_role(word: str) -> Role | None:
    """A Dutch or English role word ("bewoner", "Zorg / welzijn", "municipality") as a Role; None if unknown."""
    return ROLE_OF.get(_words(word.replace("_", "/")))


def parse_language(word: str) -> str | None:
    """"Nederlands", "English", "AR" -> a short language tag; "" when empty; None when not understood."""
    text = _words(word)
    if not text:
        return ""
    tag = LANGUAGE_WORDS.get(text, text)
    return tag if LANGUAGE_TAG.fullmatch(tag) else None


def _header_key(cell: str) -> str:
    text = _words(cell.lstrip("\ufeff").strip("\"'*:?").replace("_", " ").replace("-", " "))
    return HEADER_KEY.get(text, "")


def detect_delimiter(line: str) -> str:
    """Semicolon when the header has more semicolons than commas outside quotes, else comma."""
    counts = {",": 0, ";": 0}
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch in counts and not quoted:
            counts[ch] += 1
    return ";" if counts[";"] > counts[","] else ","


def _decode(raw: str | bytes) -> tuple[str, SignupProblem | None]:
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff"), None
    try:
        return bytes(raw).decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = bytes(raw)[: error.start].count(b"\n") + 1
        return "", SignupProblem(line, FILE_NOT_UTF8)


class _Reader:
    """One pass over the rows; remembers where each record starts, for line numbers in the problems."""

    def __init__(self, text: str, problems: list[SignupProblem]) -> None:
        first = next((ln for ln in io.StringIO(text, newline="") if ln.strip()), "")
        self.delimiter = detect_delimiter(first)
        self._rows = csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter)
        self._problems = problems

    def __iter__(self) -> Iterator[tuple[int, int, list[str]]]:
        while True:
            start = self._rows.line_num + 1
            try:
                row = next(self._rows)
            except StopIteration:
                return
            except csv.Error:
                self._problems.append(SignupProblem(start, LINE_UNREADABLE))
                continue
            cells = [cell.strip() for cell in row]
            if any(cells):  # blank lines and the empty rows a spreadsheet appends are not sign-ups
                yield start, self._rows.line_num, cells


def _columns(line: int, cells: list[str], problems: list[SignupProblem]) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = _header_key(cell)
        if not key:
            if cell:
                problems.append(SignupProblem(line, COLUMN_UNKNOWN, {"column": _shown(cell)}, kept=True))
        elif key in columns:
            problems.append(SignupProblem(line, COLUMN_TWICE, {"column": key}))
            return None
        else:
            columns[key] = index
    missing = [key for key in ("name", "role") if key not in columns]
    for key in missing:
        problems.append(SignupProblem(line, COLUMN_MISSING, {"column": key}))
    return None if missing else columns


def _yes_no(value: str) -> bool | None:
    text = _words(value)
    return True if text in YES else False if text in NO else None


def _person(line: int, cells: list[str], columns: dict[str, int], width: int, problems: list[SignupProblem]
            ) -> tuple[SignUp, dict[str, list[str]]] | None:
    """One data line as a sign-up without id and wishes (resolved later), or None after reporting why."""
    before = len(problems)
    if any(cells[width:]):  # empty cells past the header are what spreadsheets write; text there is not
        problems.append(SignupProblem(line, TOO_MANY_FIELDS, {"expected": width, "found": len(cells)}))

    def cell(key: str) -> str:
        index = columns.get(key)
        return cells[index] if index is not None and index < len(cells) else ""

    def text(key: str, limit: int, *, optional: bool = False) -> str:
        if optional and not cell(key):
            return ""
        try:
            return clean_name(cell(key), limit)
        except DomainError as error:
            problems.append(SignupProblem(line, error.code, {"column": key, **error.details}))
            return ""

    name = text("name", MAX_NAME_CHARS)
    neighbourhood = text("neighbourhood", MAX_NEIGHBOURHOOD_CHARS, optional=True)
    role = parse_role(cell("role"))
    if role is None:
        code = ROLE_MISSING if not cell("role") else ROLE_UNKNOWN
        problems.append(SignupProblem(line, code, {"value": _shown(cell("role"))}))
    no_phone = _yes_no(cell("no_phone"))
    if no_phone is None:
        problems.append(SignupProblem(line, YES_NO_UNKNOWN, {"column": "no_phone", "value": _shown(cell("no_phone"))}))
    language = parse_language(cell("language"))
    if language is None:
        problems.append(SignupProblem(line, LANGUAGE_UNKNOWN, {"value": _shown(cell("language"))}))
    if len(problems) > before or role is None:
        return None
    wishes = {kind: [w.strip() for w in cell(kind).translate(_WISH_SEPARATORS).split("\n") if w.strip()]
              for kind in ("together", "apart")}
    person = SignUp(id="", name=name, role=role, neighbourhood=neighbourhood, has_phone=not no_phone,
                    language=language or "")
    return person, wishes


def _resolve_wishes(people: list[tuple[int, SignUp, dict[str, list[str]]]], existing: Sequence[SignUp],
                    problems: list[SignupProblem]) -> None:
    """Turn the names in "together with" / "apart from" into ids of this file's or the event's people."""
    directory: dict[str, list[str]] = {}
    for person in [*existing, *(p for _, p, _ in people)]:
        directory.setdefault(look_alike_key(person.name), []).append(person.id)
    for line, person, wishes in people:
        for kind in ("together", "apart"):
            chosen: list[str] = getattr(person, kind)
            for raw in wishes[kind]:
                matches = directory.get(look_alike_key(raw), [])
                found = [pid for pid in matches if pid != person.id]  # "anna" naming the other Anna is clear
                detail = {"column": kind, "value": _shown(raw)}
                if not matches:
                    problems.append(SignupProblem(line, WISH_NAME_UNKNOWN, detail, kept=True))
                elif not found:
                    problems.append(SignupProblem(line, WISH_SELF, detail, kept=True))
                elif len(found) > 1:
                    problems.append(SignupProblem(line, WISH_NAME_AMBIGUOUS, detail, kept=True))
                elif found[0] not in chosen:
                    chosen.append(found[0])
            if len(chosen) > MAX_WISHES:
                problems.append(SignupProblem(line, TOO_MANY_WISHES, {"column": kind, "limit": MAX_WISHES},
                                              kept=True))
                del chosen[MAX_WISHES:]
    _drop_conflicts(people, existing, problems)


def _drop_conflicts(people: list[tuple[int, SignUp, dict[str, list[str]]]], existing: Sequence[SignUp],
                    problems: list[SignupProblem]) -> None:
    """"Together with" and "apart from" the same person: by one person both go; across two, the later one."""
    names = {p.id: p.name for p in [*existing, *(q for _, q, _ in people)]}
    wished: dict[tuple[str, str], str] = {}  # unordered pair -> kind, of the wishes already accepted
    for person in existing:
        for kind in ("together", "apart"):
            for other in getattr(person, kind):
                wished.setdefault((min(person.id, other), max(person.id, other)), kind)
    for line, person, _ in people:
        for other in [pid for pid in person.together if pid in person.apart]:
            problems.append(SignupProblem(line, WISH_CONFLICT, {"value": _shown(names[other])}, kept=True))
            person.together.remove(other)
            person.apart.remove(other)
        for kind in ("together", "apart"):
            chosen: list[str] = getattr(person, kind)
            for other in list(chosen):
                pair = (min(person.id, other), max(person.id, other))
                if wished.setdefault(pair, kind) != kind:
                    problems.append(SignupProblem(line, WISH_CONFLICT, {"value": _shown(names[other])}, kept=True))
                    chosen.remove(other)


def parse_signups(raw: str | bytes, *, existing: Sequence[SignUp] = (), next_id: int = 1) -> SignupImport:
    """Read a sign-up CSV. New people get ids "p<next_id>", "p<next_id + 1>", ...

    Wishes may name people of this file or `existing` ones (the event's people already imported);
    names are matched the way they look on screen ("anna " = "Anna").
    """
    text, problem = _decode(raw)
    if problem is not None:
        return SignupImport([], [problem], "", next_id)
    problems: list[SignupProblem] = []
    reader = _Reader(text, problems)
    rows = iter(reader)
    header = next(rows, None)
    if header is None:
        return SignupImport([], [*problems, SignupProblem(1, FILE_EMPTY)], reader.delimiter, next_id)
    columns = _columns(header[0], header[2], problems)
    if columns is None:
        return SignupImport([], problems, reader.delimiter, next_id)
    room = MAX_EVENT_PEOPLE - len(existing)
    people: list[tuple[int, SignUp, dict[str, list[str]]]] = []
    seen: dict[str, int] = {look_alike_key(p.name): 0 for p in existing}
    count = 0
    for count, (line, last_line, cells) in enumerate(rows, start=1):
        if count > room:
            return SignupImport([], [SignupProblem(line, TOO_MANY_SIGNUPS, {"limit": MAX_EVENT_PEOPLE})],
                                reader.delimiter, next_id)
        if last_line > line and any("\n" in cells[columns[key]] for key in ("name", "role")
                                    if columns[key] < len(cells)):
            # A line break in a name or role is never meant: a quote was opened and not closed.
            problems.append(SignupProblem(line, QUOTE_NOT_CLOSED, {"last_line": last_line}))
            continue
        parsed = _person(line, cells, columns, len(header[2]), problems)
        if parsed is None:
            continue
        person, wishes = parsed
        person.id = f"p{next_id + len(people)}"
        key = look_alike_key(person.name)
        if key in seen:
            problems.append(SignupProblem(line, NAME_TWICE, {"value": _shown(person.name),
                                                             "first_line": seen[key]}, kept=True))
        seen.setdefault(key, line)
        people.append((line, person, wishes))
    if count == 0:
        problems.append(SignupProblem(header[0] + 1, NO_PEOPLE))
    _resolve_wishes(people, existing, problems)
    problems.sort(key=lambda p: p.line)  # stable: a line's problems keep the order they were found in
    return SignupImport([p for _, p, _ in people], problems, reader.delimiter, next_id + len(people))
