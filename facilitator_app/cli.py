"""The `wijkdialoog` command: start the app, or work with the dialogues on this machine."""

from __future__ import annotations

import argparse
import os
import sys

from . import harvest_cli
from .config import Settings
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
    print("Wijkdialoog is gestart.", flush=True)
    print(f"  Gespreksleider (facilitator): {state.facilitator_link()}", flush=True)
    for slug in state.store.slugs():
        try:
            dialogue = state.store.load(slug)
        except StoreError as err:
            print(f"  ! {err}", file=sys.stderr, flush=True)
            continue
        print(f"  {dialogue.title}: meedoen (join) {state.join_url(dialogue.join_code)}", flush=True)
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
    main.add_argument("--host", default="0.0.0.0")
    main.add_argument("--port", type=int, default=8080)
    main.add_argument("--public-url", default="", help="address for the QR code, e.g. behind a hotspot")
    main.add_argument("--lang", choices=["nl", "en"], default="nl", help="default language for new dialogues")
    main.add_argument("--demo", action="store_true", help="add the sample dialogue if it is missing")
    sub = main.add_subparsers(dest="command")
    listing = sub.add_parser("list", help="the dialogues on this machine, with status")
    listing.add_argument("--data", default=argparse.SUPPRESS)
    harvest_cli.add_subcommands(sub)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "list":
        return _list(args)
    if args.command in ("export", "import", "harvest"):
        return harvest_cli.run(args)
    return _serve(args)


if __name__ == "__main__":
    sys.exit(main())
