"""The `wijkdialoog` command: start the app, or work with the dialogues on this machine."""

from __future__ import annotations

import argparse
import os
import sys

from . import event_cli, harvest_cli
from .config import Settings
from .i18n import t
from .store import Store, StoreError, data_dir_from


def _serve(args: argparse.Namespace) -> int:
    settings = Settings(
        data_dir=data_dir_from(args.data), host=args.host, port=args.port,
        public_url=(args.public_url or "").rstrip("/"), lang=args.lang, demo=args.demo,
    )
    os.environ.update(settings.to_env())
    # NiceGUI keeps app.storage.user beside the dialogues, not in whatever folder the app was started
    # from. It reads this when it is imported, so nicegui is imported only after this line.
    os.environ.setdefault("NICEGUI_STORAGE_PATH", str(settings.data_dir.resolve() / ".nicegui"))
    from nicegui import ui

    from .app import build, run_kwargs

    state = build(settings)
    lang = settings.lang  # the whole start-up output follows --lang: one language, never a mix
    print(t(lang, "startup.started"), flush=True)
    print("  " + t(lang, "startup.facilitator", url=state.facilitator_link()), flush=True)
    for slug in state.store.slugs():
        try:
            dialogue = state.store.load(slug)
        except StoreError as err:
            # The technical reason is English; the home page shows it. Here only words in the chosen language.
            key = f"startup.{err.code}" if err.code in ("unreadable", "unknown_schema") else "startup.damaged"
            print("  ! " + t(lang, key, file=err.path.name), file=sys.stderr, flush=True)
            continue
        print("  " + t(lang, "startup.dialogue", title=dialogue.title, url=state.join_url(dialogue.join_code)),
              flush=True)
    ui.run(**run_kwargs(state))
    return 0


def _list(args: argparse.Namespace) -> int:
    store = Store(data_dir_from(getattr(args, "data", None)))
    for slug in store.slugs():
        try:
            dialogue = store.load(slug)
        except StoreError as err:
            print(f"{slug}\t!\t{err}")
            continue
        print(f"{slug}\t{dialogue.status}\t{len(dialogue.participants)}\t{dialogue.title}")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="wijkdialoog", description="Wijkdialoog: a live neighbourhood dialogue.")
    main.add_argument("--data", help="data directory (default ./wijkdialoog-data or $WIJKDIALOOG_DATA)")
    main.add_argument("--host", default="0.0.0.0",
                      help="address to listen on (default 0.0.0.0: every network); links and the QR code use it")
    main.add_argument("--port", type=int, default=8080)
    main.add_argument("--public-url", default="",
                      help="address for the links and the QR code, e.g. behind a proxy; always wins")
    main.add_argument("--lang", choices=["nl", "en"], default="nl",
                      help="language of new dialogues and of the start-up lines")
    main.add_argument("--demo", action="store_true", help="add the sample dialogue if it is missing")
    sub = main.add_subparsers(dest="command")
    listing = sub.add_parser("list", help="the dialogues on this machine, with status")
    listing.add_argument("--data", default=argparse.SUPPRESS)
    harvest_cli.add_subcommands(sub)
    event_cli.add_subcommands(sub)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "list":
        return _list(args)
    if args.command in ("export", "import", "harvest"):
        return harvest_cli.run(args)
    if args.command == "event":
        return event_cli.run(args)
    return _serve(args)


if __name__ == "__main__":
    sys.exit(main())
