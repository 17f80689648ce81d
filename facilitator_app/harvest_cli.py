"""`wijkdialoog export`, `import` and `harvest`: the harvest from the command line.

`add_subcommands(subparsers)` adds the three commands to the main parser; `run(args)` carries one
out and returns the exit status: 0 done, 1 could not (unknown dialogue, a file that cannot be read),
2 refused: by the gate (the dialogue is not finished; stderr says exactly what is missing) or because a
file is damaged, too big or not an export. `harvest` still harvests every other dialogue, then exits 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from exports import FORMATS, ImportProblem, from_json, message, missing_for_harvest, write_all
from exports.across import combine
from exports.across_render import ACROSS_FORMATS, across_filename, render_across
from exports.json_io import MAX_IMPORT_BYTES
from rounds import Dialogue

from .room import Rooms
from .store import Store, StoreError, data_dir_from

COULD_NOT = 1
NOT_READY = REFUSED = 2

# The CLI's own words, Dutch first with the English after it, like the rest of the CLI.
SAY = {
    "unknown": "Onbekende wijkdialoog (unknown dialogue): {slug}",
    "damaged": "Dit bestand kan niet gebruikt worden (cannot use this file): {detail}",
    "unreadable": "Kan het bestand niet lezen (cannot read the file): {detail}",
    "not_harvest": "Dit is geen wijkdialoog-export (not a Wijkdialoog export): {detail}",
    "newer": "Dit bestand komt uit een nieuwere versie (made by a newer version): {detail}",
    "too_big": "Dit bestand is te groot (file too big): {detail}",
    "left_out": "Niet in de oogst (left out of the harvest): {file}",
    "imported": "Ingelezen als (imported as): {slug}",
}


def _data_arg(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: without --data here, the main parser's --data (if given before the command) stays.
    parser.add_argument("--data", default=argparse.SUPPRESS,
                        help="data directory (default ./wijkdialoog-data or $WIJKDIALOOG_DATA)")


def add_subcommands(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help="the harvest of one finished dialogue, as files")
    export.add_argument("slug")
    export.add_argument("--format", choices=[*FORMATS, "all"], default="all")
    export.add_argument("--anonymous", action="store_true", help="without any names")
    export.add_argument("--out", help="folder (default <data dir>/exports/<slug>/)")
    _data_arg(export)

    restore = subparsers.add_parser("import", help="restore a dialogue from its JSON export")
    restore.add_argument("file")
    _data_arg(restore)

    harvest = subparsers.add_parser("harvest", help="the harvest across the finished dialogues, per theme")
    harvest.add_argument("files", nargs="*", help="JSON exports to include as well, without importing them")
    harvest.add_argument("--theme", help="only this theme, by key (thuis) or by its words")
    harvest.add_argument("--format", choices=[*ACROSS_FORMATS, "all"], default="all")
    harvest.add_argument("--lang", choices=["nl", "en"], help="language (default: the first dialogue's)")
    harvest.add_argument("--anonymous", action="store_true", help="without any names")
    harvest.add_argument("--out", help="folder (default <data dir>/exports/oogst/)")
    _data_arg(harvest)


def _store(args: argparse.Namespace) -> Store:
    return Store(data_dir_from(getattr(args, "data", None)))


def _export(args: argparse.Namespace) -> int:
    store = _store(args)
    if not store.exists(args.slug):
        print(SAY["unknown"].format(slug=args.slug), file=sys.stderr)
        return 1
    try:
        dialogue = store.load(args.slug)
    except StoreError as err:
        print(_store_problem(err), file=sys.stderr)
        return REFUSED
    missing = missing_for_harvest(dialogue)
    if missing:
        print(message(missing, dialogue.language), file=sys.stderr)
        return NOT_READY
    out = Path(args.out) if args.out else store.data_dir / "exports" / dialogue.slug
    formats = FORMATS if args.format == "all" else (args.format,)
    for path in write_all(dialogue, out, anonymous=args.anonymous, formats=formats):
        print(path)
    return 0


def _read(path: str) -> Dialogue:
    try:
        size = Path(path).stat().st_size
        if size > MAX_IMPORT_BYTES:  # asked before reading, so a huge file is never loaded into memory
            raise ImportProblem("too_big", f"{size // 2**20} MB, at most {MAX_IMPORT_BYTES // 2**20} MB")
        raw = Path(path).read_bytes()
    except OSError as err:
        raise ImportProblem("unreadable", str(err)) from None
    return from_json(raw)


def _problem(err: ImportProblem, path: str) -> str:
    return SAY.get(err.code, SAY["damaged"]).format(detail=f"{path} ({err.detail or err.code})")


def _store_problem(err: StoreError) -> str:
    return SAY["damaged"].format(detail=f"{err.path} ({err.detail or err.code})")


def _exit_for(err: ImportProblem) -> int:
    return COULD_NOT if err.code == "unreadable" else REFUSED


def _import(args: argparse.Namespace) -> int:
    try:
        dialogue = _read(args.file)
    except ImportProblem as err:
        print(_problem(err, args.file), file=sys.stderr)
        return _exit_for(err)
    room = Rooms(_store(args)).import_dialogue(dialogue)
    print(SAY["imported"].format(slug=room.slug))
    return 0


def _harvest(args: argparse.Namespace) -> int:
    store = _store(args)
    dialogues: list[Dialogue] = []
    status = 0  # one bad file is named and left out; the others are still harvested
    for slug in store.slugs():
        try:
            dialogues.append(store.load(slug))
        except StoreError as err:
            print(_store_problem(err), file=sys.stderr)
            print(SAY["left_out"].format(file=err.path.name), file=sys.stderr)
            status = REFUSED
    for path in args.files:
        try:
            dialogues.append(_read(path))
        except ImportProblem as err:
            print(_problem(err, path), file=sys.stderr)
            print(SAY["left_out"].format(file=Path(path).name), file=sys.stderr)
            status = max(status, _exit_for(err))
    across = combine(dialogues, theme=args.theme, lang=args.lang, anonymous=args.anonymous)
    out = Path(args.out) if args.out else store.data_dir / "exports" / "oogst"
    out.mkdir(parents=True, exist_ok=True)
    for fmt in ACROSS_FORMATS if args.format == "all" else (args.format,):
        path = out / across_filename(fmt, args.theme, args.anonymous, across.lang)
        path.write_bytes(render_across(across, fmt))
        print(path)
    return status


def run(args: argparse.Namespace) -> int:
    """Carry out `export`, `import` or `harvest`; returns the exit status."""
    commands = {"export": _export, "import": _import, "harvest": _harvest}
    if args.command not in commands:
        raise ValueError(f"not a harvest command: {args.command!r}")
    return commands[args.command](args)
