"""The app as `python -m facilitator_app` starts it, plus one read-only route that tells where memory went.

Started by bench/card_memory.py as a child process. `GET /_bench/memory` collects garbage and answers the
server's RSS, the bytes tracemalloc traces (when WIJKDIALOOG_BENCH_TRACE=1), and every NiceGUI client's
page and elements by type. `?snapshot=NAME` keeps a tracemalloc snapshot; `?compare=NAME` also answers
the lines that grew most since it. Nothing here is part of the app.

    python bench/load/memory_server.py --data DIR --port 8090
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tracemalloc
from collections import Counter
from pathlib import Path

import psutil

TRACE = os.environ.get("WIJKDIALOOG_BENCH_TRACE") == "1"


def page_kind(path: str) -> str:
    if path.startswith("/join"):
        return "phone"
    if path.endswith("/screen"):
        return "screen"
    if path.startswith("/d/"):
        return "console"
    return path or "?"


def package_of(filename: str) -> str:
    """nicegui, facilitator_app, rounds, the standard library's module, ...: what a traced block belongs to."""
    parts = Path(filename).parts
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1]
    for name in ("facilitator_app", "rounds", "exports"):
        if name in parts:
            return name
    return Path(filename).stem


def clients_report() -> list[dict]:
    from nicegui import Client

    report = []
    for client in list(Client.instances.values()):
        page = getattr(client, "page", None)
        path = getattr(page, "path", "") or ""
        kinds = Counter(type(e).__name__ for e in client.elements.values())
        report.append({"page": page_kind(path), "elements": len(client.elements), "by_type": dict(kinds),
                       "history": len(client.outbox.message_history)})
    return report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--app-root", type=Path, required=True)
    args = parser.parse_args()
    sys.path.insert(0, str(args.app_root))
    if TRACE:
        tracemalloc.start(1)

    from facilitator_app.config import Settings

    settings = Settings(data_dir=args.data, host=args.host, port=args.port,
                        public_url=f"http://{args.host}:{args.port}")
    os.environ.update(settings.to_env())
    from nicegui import app, ui

    from facilitator_app.app import build, run_kwargs

    state = build(settings)
    snapshots: dict[str, tracemalloc.Snapshot] = {}

    @app.get("/_bench/memory")
    def memory(snapshot: str = "", compare: str = "") -> dict:
        gc.collect()
        answer: dict = {"rss": psutil.Process().memory_info().rss, "clients": clients_report(),
                        "traced": tracemalloc.get_traced_memory()[0] if TRACE else None}
        if TRACE and (snapshot or compare):
            now = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
            if compare in snapshots:
                stats = now.compare_to(snapshots[compare], "lineno")
                answer["grown"] = [(str(s.traceback), s.size_diff, s.count_diff) for s in stats[:60]]
                by_package: Counter = Counter()
                for stat in now.compare_to(snapshots[compare], "filename"):
                    by_package[package_of(stat.traceback[0].filename)] += stat.size_diff
                answer["packages"] = by_package.most_common()
                # get_traced_memory() would count the kept snapshot too: the snapshots' own difference does not
                answer["traced_grown"] = sum(by_package.values())
            if snapshot:
                snapshots[snapshot] = now
        return answer

    print(f"facilitator: {state.facilitator_link()}", flush=True)
    ui.run(**run_kwargs(state))


if __name__ in {"__main__", "__mp_main__"}:
    main()
