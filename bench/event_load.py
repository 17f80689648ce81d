"""A Dag van de Dialoog on one laptop: 40 tables of 7 phones, their hosts' consoles and projectors, the
organiser's dashboard and the plenary wall, all on one app server. Prints figures.

The event is made before the server starts, through the app's own service (Events.create, in the same
data folder and with the same storage secret). Then the bench opens the dashboard (/e/<event>?key=<organiser
key>) and the wall (/e/<event>/wall), one console (/d/<slug> with the app's key) and --screens projectors per
table, and lets every phone join its table's /join/<code> page. Simulated browsers speak NiceGUI's own
protocol (bench/load/protocol.py). It measures:

  - joins per second and server RSS after everyone joined;
  - a host's action (give the floor, next speaker) until that table's phones and projector have it, and until
    the dashboard receives an update that changes that table's part of the page;
  - the same action in a single 7-phone dialogue on its own server (the baseline), alone first and then
    alternating with the event's actions, so "as fast as a single dialogue" is compared at the same moments;
  - all tables at once: actions spread over every table at --rate per second for --seconds.

    .venv/bin/python bench/event_load.py                    # about 3-4 minutes
    .venv/bin/python bench/event_load.py --tables 80 --rate 8 --seconds 60 --profile
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
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

from load.event_actions import TableDriver  # noqa: E402
from load.event_phases import all_at_once, baseline_alone, one_at_a_time, open_rounds, warm_up  # noqa: E402
from load.event_report import EventReport  # noqa: E402
from load.event_run import MODES, BaselineRun, EventRun  # noqa: E402
from load.profile import Profiler  # noqa: E402
from load.servers import ROOT, SERVER_CPU_SECONDS, code_version, machine_busy_seconds  # noqa: E402


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--tables", type=int, default=40, help="tables in the event (default 40)")
    parser.add_argument("--per-table", type=int, default=7, help="phones per table (default 7)")
    parser.add_argument("--screens", type=int, default=1, help="projectors per table (default 1)")
    parser.add_argument("--baseline-actions", type=int, default=14,
                        help="timed actions in the single dialogue before the event starts (default 14; 0: "
                             "no baseline at all)")
    parser.add_argument("--one-at-a-time", type=int, default=40,
                        help="actions at one table after another, each after a baseline action (default 40)")
    parser.add_argument("--rate", type=float, default=4.0,
                        help="mean actions per second over all tables at once, at random moments (default 4: each "
                             "of 40 hosts every 10 s, about 8 times a real hall where a turn lasts 1-2 minutes)")
    parser.add_argument("--seed", type=int, default=11, help="for the random moments and tables")
    parser.add_argument("--seconds", type=float, default=30.0, help="seconds of all tables at once (default 30)")
    parser.add_argument("--quiet", type=float, default=6.0,
                        help="seconds of watching the dashboard with nothing happening, twice, to learn what "
                             "changes by itself (default 6: its clocks move every 5 s)")
    parser.add_argument("--dashboard", choices=MODES, default="auto",
                        help="auto: measure the dashboard when the page exists (default); on: fail without it")
    parser.add_argument("--wall", choices=MODES, default="auto", help="the plenary wall, as --dashboard")
    parser.add_argument("--join-concurrency", type=int, default=10, help="phones joining at the same time")
    parser.add_argument("--profile", action="store_true",
                        help="py-spy the event server during the joins and all tables at once; print where the "
                             "time goes")
    parser.add_argument("--app-root", type=Path, default=ROOT,
                        help="source tree of the app to run (e.g. a git worktree of an older commit)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data and logs")
    parser.add_argument("--markdown", type=Path, help="also write the output as Markdown to this file")
    return parser.parse_args(argv)


async def run_baseline(args: argparse.Namespace, work: Path, report: EventReport
                       ) -> tuple[BaselineRun, TableDriver]:
    # Enough rounds for every baseline action (7 a round with 7 people), with some to spare.
    needed = (args.baseline_actions + args.one_at_a_time + 1) // max(args.per_table, 1) + 2
    baseline = BaselineRun(work / "baseline", args.per_table, args.screens, needed, args.app_root)
    await baseline.start(args.join_concurrency)
    assert baseline.server is not None
    driver = TableDriver(baseline.rooms[0], "baseline")
    opened = await open_rounds([driver])
    alone = await baseline_alone(driver, args.baseline_actions, baseline.server.cpu_seconds)
    report.baseline(baseline, opened, alone)
    return baseline, driver


async def run_event(args: argparse.Namespace, work: Path, report: EventReport) -> None:
    baseline: BaselineRun | None = None
    base_driver: TableDriver | None = None
    run = EventRun(work / "event", args.tables, args.per_table, args.screens, args.app_root, args.dashboard,
                   args.wall)
    try:
        if args.baseline_actions > 0:
            baseline, base_driver = await run_baseline(args, work, report)
        await run.start(args.join_concurrency, args.profile)
        assert run.server is not None
        drivers = [TableDriver(room, table.name, table.table_id, run.watch)
                   for room, table in zip(run.rooms, run.tables, strict=True)]
        opened = await open_rounds(drivers)
        run.note_rss("rounds open")
        if run.watch is not None:
            await run.watch.learn_clocks(args.quiet)  # rounds open, nobody has the floor: time used ticks
        warm = await warm_up(drivers, run.server.cpu_seconds)
        if run.watch is not None:
            await run.watch.learn_clocks(args.quiet)  # every floor taken: talk time and shares tick too
        run.note_rss("first actions")
        report.event_joined(run, opened, warm)
        report.learned(run)
        one = await one_at_a_time(drivers, args.one_at_a_time, base_driver, run.server.cpu_seconds, run.all_tabs)
        if args.one_at_a_time:
            run.note_rss("one at a time")
            report.phase("one action at a time" + (", alternating with the baseline" if base_driver else ""), run,
                         one)
        if baseline is not None:
            await baseline.stop()
            baseline = None
        profiler = Profiler(run.server.pid, work / "profile-all-at-once.txt") if args.profile else None
        many = await all_at_once(drivers, args.rate, args.seconds, run.server.cpu_seconds, run.all_tabs, args.seed)
        report.phase(f"all tables at once: {args.rate:g} actions/s for {args.seconds:g} s", run, many,
                     profiler.stop() if profiler else None)
        rss_end = run.note_rss("all at once")
        report.pages(run)
        report.event_targets(run, one, many, rss_end)
        report.server_log(len(run.rooms), run.server.log_text())
    finally:
        if baseline is not None:
            await baseline.stop()
        await run.stop()


async def main(args: argparse.Namespace) -> int:
    work = Path(tempfile.mkdtemp(prefix="event-load-"))
    me = psutil.Process()
    started, cpu_start, machine_start = time.perf_counter(), sum(me.cpu_times()[:2]), machine_busy_seconds()
    report = EventReport(args, work)
    report.header(datetime.datetime.now().astimezone().isoformat(timespec="seconds"), " ".join(sys.argv),
                  f"{platform.python_version()} on {os.cpu_count()} CPUs", code_version(args.app_root))
    try:
        await run_event(args, work, report)
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
