"""200-500 phones on one laptop: the live room under load, against a bare NiceGUI floor. Prints figures.

Starts the app as a child process on a free loopback port with running dialogues (at most
--per-dialogue phones each; the app allows 300 people per dialogue), opens a console and
--screens projectors per dialogue, and lets N simulated phones join through the join page. The
simulated clients speak NiceGUI's own protocol (bench/load/protocol.py). Then it measures:

  (a) a card from one phone: until the projector(s), the author's phone and the console show it
      (other phones show nobody else's card and receive nothing; the figure says how many they got);
  (b) "Volgende spreker" on the console: until every phone, the projector(s) and the console got the change;
  (c) server RSS and CPU ms per action;
  (d) every phone sends one card within --burst-window seconds: all stored and on the projector?
  (e) a soak: phones leave, return and join, cards arrive, the floor moves; RSS flat after warm-up?
  and the floor: the same clients on a bare page that appends one label per message, its messages
  interleaved with the next-speaker taps so that both meet the machine in the same state.

    .venv/bin/python bench/room_load.py                      # the full run (about 15 minutes)
    .venv/bin/python bench/room_load.py --sizes 200 --soak 60 --parts floor,fanout,soak
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import math
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
if "--app-root" in sys.argv[:-1]:  # before the app's modules are imported: they come from that tree
    os.environ["WIJKDIALOOG_BENCH_APP_ROOT"] = sys.argv[sys.argv.index("--app-root") + 1]
    sys.path.insert(0, str(Path(os.environ["WIJKDIALOOG_BENCH_APP_ROOT"]).resolve()))

from load.floor import FloorRun  # noqa: E402
from load.measure import generator_collection_paused  # noqa: E402
from load.profile import Profiler  # noqa: E402
from load.report import Report  # noqa: E402
from load.room import AppRun, measure_cards, measure_late_joins, measure_next_speaker  # noqa: E402
from load.servers import APP_ROOT, SERVER_CPU_SECONDS, code_version, machine_busy_seconds  # noqa: E402
from load.stress import burst, soak  # noqa: E402

PARTS = ("floor", "fanout", "burst", "soak")


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--sizes", default="200,500",
                        help="numbers of phones, one app run each (default 200,500); the soak runs with the "
                             "first, the burst with the largest")
    parser.add_argument("--screens", type=int, default=1, help="projector screens per dialogue (default 1)")
    parser.add_argument("--per-dialogue", type=int, default=250,
                        help="phones per dialogue; more phones open more dialogues (default 250; the app's "
                             "limit is 300 people per dialogue)")
    parser.add_argument("--actions", type=int, default=10, help="cards and next-speaker taps timed per size")
    parser.add_argument("--late-joins", type=int, default=3, help="people joining while the round runs")
    parser.add_argument("--break-seconds", type=float, default=5.0,
                        help="quiet seconds between the last join and \"Ronde beginnen\" (the welcome; default 5)")
    parser.add_argument("--burst-window", type=float, default=10.0, help="seconds in which every phone sends a card")
    parser.add_argument("--soak", type=float, default=600.0, help="soak seconds (default 600; 0 skips it)")
    parser.add_argument("--soak-card-every", type=float, default=1.0,
                        help="seconds between cards in the soak (default 1; 0 sends none, to tell a leak from content)")
    parser.add_argument("--parts", default=",".join(PARTS), help=f"which parts to run (default {','.join(PARTS)})")
    parser.add_argument("--join-concurrency", type=int, default=10, help="phones joining at the same time")
    parser.add_argument("--profile", action="store_true",
                        help="py-spy the server during the next-speaker taps and the burst; print where the time goes")
    parser.add_argument("--app-root", type=Path, default=APP_ROOT,
                        help="source tree of the app to run, e.g. a git worktree of an older commit (default: "
                             "this one); the bench itself always runs from this tree")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the temporary data and logs")
    parser.add_argument("--markdown", type=Path, help="also write the summary as Markdown to this file")
    args = parser.parse_args(argv)
    args.sizes = [int(n) for n in args.sizes.split(",") if n.strip()]
    args.parts = {p.strip() for p in args.parts.split(",") if p.strip()}
    unknown = args.parts - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    return args


async def run_size(n: int, args: argparse.Namespace, work: Path, report: Report) -> None:
    dialogues = max(math.ceil(n / args.per_dialogue), 1)
    floor = FloorRun(work / f"floor-{n}", n, args.screens * dialogues) if "floor" in args.parts else None
    run = (AppRun(work / f"app-{n}", n, args.screens, args.per_dialogue, args.app_root)
           if args.parts - {"floor"} else None)
    try:
        if run is None:
            assert floor is not None
            await floor.start()
            with generator_collection_paused():
                for k in range(args.actions):
                    await floor.send_one(k)
            report.floor(n, floor.report(), alone=True)
            return
        await run.start(args.join_concurrency, args.profile)
        assert run.server is not None
        await asyncio.sleep(args.break_seconds)  # nobody opens the round the instant the last phone is in
        rss_in_break = run.server.rss_mib()
        profiler = Profiler(run.server.pid, work / f"profile-open-round-{n}.txt") if args.profile else None
        with generator_collection_paused():
            opened, complete = await run.open_round()
        report.joined(n, run, opened, profiler.stop() if profiler else None, complete, rss_in_break)
        if "fanout" in args.parts:
            with generator_collection_paused():
                cards, cards_cpu, others = await measure_cards(run, args.actions)
            if floor is not None:
                await floor.start()  # now, so its idle sockets do not weigh on the joins
            profiler = Profiler(run.server.pid, work / f"profile-next-{n}.txt") if args.profile else None
            with generator_collection_paused():
                moves, next_cpu = await measure_next_speaker(run, args.actions, floor.send_one if floor else None)
            profile = profiler.stop() if profiler else None
            floor_report = floor.report() if floor is not None else None
            if floor is not None:
                await floor.stop()
                report.floor(n, floor_report)
            report.fan_out(n, run, floor_report, cards, cards_cpu, others, moves, next_cpu, profile)
        if "burst" in args.parts and n == max(args.sizes):
            profiler = Profiler(run.server.pid, work / f"profile-burst-{n}.txt") if args.profile else None
            with generator_collection_paused():
                result = await burst(run, args.burst_window, args.seed)
            report.burst(n, result, profiler.stop() if profiler else None)
        if "fanout" in args.parts and args.late_joins:
            report.late_joins(n, *await measure_late_joins(run, args.late_joins))
        if "soak" in args.parts and args.soak > 0 and n == args.sizes[0]:
            report.soak(n, await soak(run, args.soak, args.seed,
                                      card_every=args.soak_card_every or args.soak * 2))
        report.server_log(n, run.server.log_text())
    finally:
        if floor is not None:
            await floor.stop()
        if run is not None:
            await run.stop()


async def main(args: argparse.Namespace) -> int:
    work = Path(tempfile.mkdtemp(prefix="room-load-"))
    me = psutil.Process()
    started, cpu_start, machine_start = time.perf_counter(), sum(me.cpu_times()[:2]), machine_busy_seconds()
    report = Report(args, work)
    report.header(datetime.datetime.now().astimezone().isoformat(timespec="seconds"), " ".join(sys.argv),
                  f"{platform.python_version()} on {os.cpu_count()} CPUs", code_version(args.app_root))
    try:
        for n in args.sizes:
            await run_size(n, args, work, report)
    finally:
        bench_cpu = sum(me.cpu_times()[:2]) - cpu_start
        others = machine_busy_seconds() - machine_start - bench_cpu - sum(SERVER_CPU_SECONDS)
        report.footer(time.perf_counter() - started, bench_cpu, sum(SERVER_CPU_SECONDS), others)
        if args.markdown:
            args.markdown.write_text(report.markdown(), encoding="utf-8")
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0

if __name__ == "__main__":
    sys.exit(asyncio.run(main(arguments())))
