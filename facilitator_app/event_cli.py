"""`wijkdialoog event create TITLE --tables N`: an event from the command line, with every link printed.

Prints the organiser link, and per table its host link and join URL, in --lang. A sign-up list is
read first: a line that cannot be read stops everything (each problem is printed with its line), so
nothing is half made. Exit status: 0 made, 2 refused (bad input; stderr says why).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from rounds import DomainError
from rounds.events.model import DEFAULT_MAX_PER_TABLE, DEFAULT_MIN_PER_TABLE

from .config import storage_secret
from .events import Events, EventStore, SignupsRefused
from .i18n import refusal, signup_problem, t
from .network import base_url
from .room import Rooms
from .store import Store, data_dir_from

REFUSED = 2
MAX_SIGNUP_FILE_BYTES = 2 * 1024 * 1024  # 2,000 people with every column is far below this


def add_subcommands(subparsers: argparse._SubParsersAction) -> None:
    event = subparsers.add_parser("event", help="a Dag van de Dialoog: one event, many tables")
    actions = event.add_subparsers(dest="event_command", required=True)
    create = actions.add_parser("create", help="a new event with its tables, links and host links")
    create.add_argument("title")
    create.add_argument("--tables", type=int, required=True, help="how many tables")
    create.add_argument("--theme", default="")
    create.add_argument("--date", default="")
    create.add_argument("--place", action="append", default=[], help="a venue (repeat for several)")
    create.add_argument("--signups", help="a CSV of sign-ups (comma or semicolon)")
    create.add_argument("--seed", type=int, help="fixes the seating, for a repeatable plan")
    create.add_argument("--min-per-table", type=int, default=DEFAULT_MIN_PER_TABLE,
                        help=f"the fewest people at a table (default {DEFAULT_MIN_PER_TABLE})")
    create.add_argument("--max-per-table", type=int, default=DEFAULT_MAX_PER_TABLE,
                        help=f"the most people at a table (default {DEFAULT_MAX_PER_TABLE})")
    create.add_argument("--data", default=argparse.SUPPRESS,
                        help="data directory (default ./wijkdialoog-data or $WIJKDIALOOG_DATA)")


def run(args: argparse.Namespace) -> int:
    return asyncio.run(_create(args))


def _say_error(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


async def _create(args: argparse.Namespace) -> int:
    lang = args.lang
    raw: bytes | None = None
    if args.signups:
        path = Path(args.signups)
        try:
            if path.stat().st_size > MAX_SIGNUP_FILE_BYTES:
                _say_error(t(lang, "event_cli.file_too_big", file=path.name))
                return REFUSED
            raw = path.read_bytes()
        except OSError as err:
            _say_error(t(lang, "event_cli.unreadable", file=path.name, reason=err.strerror or ""))
            return REFUSED
    data_dir = data_dir_from(getattr(args, "data", None))
    store = Store(data_dir)
    rooms = Rooms(store)
    events = Events(EventStore(data_dir), rooms, storage_secret(data_dir))
    try:
        made = await events.create(title=args.title, tables=args.tables, theme=args.theme, date=args.date,
                                   places=args.place, language=lang, signups=raw, seed=args.seed,
                                   min_per_table=args.min_per_table, max_per_table=args.max_per_table)
    except SignupsRefused as err:
        _say_error(refusal(lang, err))
        for problem in err.result.problems:
            _say_error("  " + signup_problem(lang, problem))
        return REFUSED
    except DomainError as err:
        _say_error(refusal(lang, err))
        return REFUSED
    base = base_url((args.public_url or "").rstrip("/"), args.port, args.host)
    hall = made.hall
    print(t(lang, "event_cli.made", title=hall.event.title))
    print("  " + t(lang, "event_cli.organiser", url=f"{base}/e/{hall.slug}?key={made.organiser_key}"))
    print("  " + t(lang, "event_cli.event_join", url=f"{base}/e/{hall.slug}/join"))
    for table in hall.event.tables:
        room = hall.table_room(table)
        print(f"  {table.name}")
        host = f"{base}/e/{hall.slug}/host/{table.id}?key={hall.host_key(table)}"
        print("    " + t(lang, "event_cli.host", url=host))
        if room is not None:
            print("    " + t(lang, "event_cli.join", url=f"{base}/join/{room.dialogue.join_code}"))
    if made.signups is not None:
        seated = sum(len(table.seats) for table in hall.event.tables)
        print("  " + t(lang, "event_cli.seated", count=seated))
        for problem in made.signups.problems:
            print("  " + signup_problem(lang, problem))
    return 0
