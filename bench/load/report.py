"""Printing the figures as they come, and the targets at the end (also as Markdown)."""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

from .floor import FloorReport
from .measure import CpuMeter, FanOut, percentile
from .room import AppRun
from .stress import WALL_TILES, BurstReport, SoakReport, spread

PAGES = ("phones", "screens")  # what the floor also has; the console is reported on its own


def ms(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.0f} ms"


def fan_line(label: str, result: FanOut, groups: tuple[str, ...] | None = None) -> str:
    s = result.summary(groups)
    until_all = f"; until the last page: p50 {ms(percentile(result.everyone, 50))}, " \
                f"p95 {ms(percentile(result.everyone, 95))}" if result.everyone else ""
    missing = sum(result.missing.get(g, 0) for g in (groups or result.missing))
    return (f"{label}: p50 {ms(s['p50'])}, p95 {ms(s['p95'])}, max {ms(s['max'])} over {s['n']} deliveries"
            f"{until_all}; missing {missing}" + (f"; failed actions {len(result.failed_actions)}"
                                                 if result.failed_actions else ""))


class Report:
    def __init__(self, args: argparse.Namespace, work: Path) -> None:
        self.args, self.work = args, work
        self.lines: list[str] = []
        self.targets: list[tuple[str, str, str]] = []  # (target, measured, met?)
        self.floors: dict[int, FloorReport] = {}
        self.last = time.perf_counter()

    def took(self) -> str:
        """Seconds since the last section was reported, to see where a run's time goes."""
        now = time.perf_counter()
        elapsed, self.last = now - self.last, now
        return f"[{elapsed:.0f} s]"

    def say(self, line: str = "") -> None:
        print(line, flush=True)
        self.lines.append(line)

    def target(self, name: str, measured: str, met: bool | None) -> None:
        self.targets.append((name, measured, "n/a" if met is None else "MET" if met else "MISSED"))

    def header(self, date: str, command: str, machine: str, code: str) -> None:
        self.say(f"# room_load {date}")
        self.say(f"command: {command}")
        self.say(f"code: {code}")
        self.say(f"python {machine}; work dir {self.work}")

    def floor(self, n: int, floor: FloorReport, alone: bool = False) -> None:
        self.floors[n] = floor
        if alone:
            self.say(f"\n## N = {n}: the floor alone (bare NiceGUI page, one label appended per message) {self.took()}")
        else:
            self.say(f"  the floor at N = {n} (bare NiceGUI page, one label appended per message; its messages "
                     f"alternate with the next-speaker taps below)")
        self.say("  " + fan_line("delivery to phones + screens", floor.fan_out, PAGES))
        self.say(f"  server RSS {floor.rss_mib:.0f} MiB; CPU {floor.cpu_ms_per_message:.0f} ms per message; "
                 f"connect errors {len(floor.connect_errors)}")

    def joined(self, n: int, run: AppRun, opened: FanOut, open_profile: str | None = None,
               complete: FanOut | None = None, rss_in_break: float | None = None) -> None:
        assert run.server is not None
        j = run.joins
        self.say(f"\n## N = {n}: the app ({len(run.rooms)} dialogue(s), {self.args.screens} screen(s) and a console "
                 f"each) {self.took()}")
        rate = j.phones / j.seconds if j.seconds else 0
        self.say(f"  joins in the break before the round: {j.phones} phones in {j.seconds:.1f} s ({rate:.1f}/s), "
                 f"per phone {spread([x * 1000 for x in j.per_phone])}"
                 f"; server CPU {j.cpu_seconds * 1000 / max(j.phones, 1):.0f} ms per join; errors {len(j.errors)}")
        for error in j.errors[:5]:
            self.say(f"    ! {error}")
        self.say(f"  quiet break before the round (the welcome): {self.args.break_seconds:g} s")
        self.say("  " + fan_line('"Ronde beginnen" (round opens, every page changes)', opened))
        for group in ("phones", "screens", "console"):
            self.say("      " + fan_line(f'"Ronde beginnen" -> {group}', opened, (group,)))
        if complete is not None:  # the first change above may be only part of the round, if it comes in steps
            self.say("      " + fan_line('"Ronde beginnen" -> phones, until every part is shown (question, '
                                         'place, card box)', complete))
        if rss_in_break is not None:
            self.say(f"  server RSS in the break, before the round opened: {rss_in_break:.0f} MiB")
        self.say(f"  server RSS after joining: {run.server.rss_mib():.0f} MiB")
        if run.join_profile:
            self.say("  profile of the server during the joins (py-spy):")
            self.say(run.join_profile)
        if open_profile:
            self.say('  profile of the server during "Ronde beginnen" (py-spy):')
            self.say(open_profile)

    def fan_out(self, n: int, run: AppRun, floor: FloorReport | None, cards: FanOut, cards_cpu: CpuMeter,
                others: float, moves: FanOut, moves_cpu: CpuMeter, profile: str | None) -> None:
        assert run.server is not None
        rss = run.server.rss_mib()
        self.say(f"  (a) {self.took()} " + fan_line("card -> projector(s)", cards, ("screens",)))
        self.say("      " + fan_line("card -> author's phone", cards, ("author",)))
        self.say("      " + fan_line("card -> console", cards, ("console",)))
        self.say(f"      other phones received {others:.1f} updates per card (phones show only their own cards)")
        self.say("  (b) " + fan_line("next speaker -> phones + projector(s)", moves, PAGES))
        self.say("      " + fan_line("next speaker -> phones", moves, ("phones",)))
        self.say("      " + fan_line("next speaker -> console", moves, ("console",)))
        self.say(f"  (c) server RSS {rss:.0f} MiB; CPU {cards_cpu.ms_per(cards.actions):.0f} ms per card, "
                 f"{moves_cpu.ms_per(moves.actions):.0f} ms per next speaker")
        app95 = moves.summary(PAGES)["p95"]
        if floor is not None:
            f = floor.fan_out.summary(PAGES)
            ratio50, ratio95 = moves.summary(PAGES)["p50"] / f["p50"], app95 / f["p95"]
            self.say(f"  ratio app/floor (next speaker, phones + projectors, same clients): p50 {ratio50:.2f}, "
                     f"p95 {ratio95:.2f}. A card reaches 3 pages, not N, so it has no floor to compare with.")
            if n == 200:
                self.target("ratio app/floor <= 1.5 at N=200 (next speaker, p95)", f"{ratio95:.2f}", ratio95 <= 1.5)
        if profile:
            self.say("  profile of the server during the next-speaker taps (py-spy):")
            self.say(profile)
        if n == 200:
            card95 = cards.summary(("screens",))["p95"]
            self.target("p95 <= 150 ms at N=200: card on projector", ms(card95), card95 <= 150)
            self.target("p95 <= 150 ms at N=200: next speaker on all phones + projector", ms(app95), app95 <= 150)
            self.target("RSS <= 250 MiB at N=200", f"{rss:.0f} MiB", rss <= 250)

    def late_joins(self, n: int, times: list[float], cpu: CpuMeter, errors: list[str]) -> None:
        self.say(f"  late joins while the round runs {self.took()}: {len(times)} in turn, per phone "
                 f"{spread([x * 1000 for x in times])}; server CPU {cpu.ms_per(len(times)):.0f} ms per join; "
                 f"errors {len(errors)}")
        for error in errors[:3]:
            self.say(f"    ! {error}")

    def burst(self, n: int, b: BurstReport, profile: str | None) -> None:
        self.say(f"  (d) {self.took()} burst: {b.phones} phones, one card each at random moments within "
                 f"{b.window:.0f} s")
        self.say(f"      sent {b.sent}, send errors {len(b.send_errors)}, refusals {len(b.refusals)}, "
                 f"confirmed on the author's phone {b.confirmed}")
        self.say(f"      stored in the dialogue files {b.stored}/{b.phones}; received by the console(s) "
                 f"{sum(b.on_consoles)}/{sum(b.expected_per_console)}; drawn on the projector(s) "
                 f"{sum(b.on_screens)}/{sum(b.expected_per_screen)} ({b.on_screens}; it keeps the {WALL_TILES} "
                 f"newest, and a tile replaced within one update is never sent); projector(s) end with the newest "
                 f"cards: {'yes' if all(b.screens_show_newest) else 'NO'}")
        self.say(f"      send -> projector {spread(b.screen_latency_ms)}; last card on a projector "
                 f"{b.last_on_screen_s:.1f} s after the burst began; server CPU "
                 f"{b.cpu.ms_per(max(b.sent, 1)) if b.cpu else math.nan:.0f} ms per card; tracebacks in the "
                 f"server log {b.server_errors}")
        for error in (b.send_errors + b.refusals)[:5]:
            self.say(f"    ! {error}")
        if profile:
            self.say("  profile of the server during the burst (py-spy):")
            self.say(profile)
        lost = b.phones - b.stored + b.missing_on_consoles + b.screens_show_newest.count(False)
        errors = len(b.send_errors) + len(b.refusals) + b.server_errors
        self.target(f"no loss at {n}: all stored, on the console and the newest on the projector, 0 errors",
                    f"stored {b.stored}/{b.phones}, console {sum(b.on_consoles)}/{sum(b.expected_per_console)}, "
                    f"projector newest {'yes' if all(b.screens_show_newest) else 'NO'}, "
                    f"errors {errors}", lost == 0 and errors == 0)

    def soak(self, n: int, s: SoakReport) -> None:
        base, low, high = s.drift()
        self.say(f"  (e) {self.took()} soak {s.seconds:.0f} s with {n} phones: left {s.left}, came back {s.returned}, "
                 f"new joins {s.joined}, cards {s.cards}, next speaker {s.next_speaker}")
        self.say(f"      RSS after a {s.warm_up:.0f} s warm-up: baseline {base:.0f} MiB, range {low:+.1f}% .. "
                 f"{high:+.1f}%; samples (s: MiB) " + ", ".join(f"{a:.0f}: {m:.0f}" for a, m in s.rss_mib[::12]))
        self.say(f"      errors {len(s.errors)}, refusals {len(s.refusals)}, tracebacks in the server log "
                 f"{s.server_errors}")
        for error in (s.errors + s.refusals)[:5]:
            self.say(f"    ! {error}")
        flat = max(abs(low), abs(high)) <= 10
        self.target(f"soak {s.seconds:.0f} s at N={n}: RSS within +-10% after warm-up",
                    f"{low:+.1f}% .. {high:+.1f}% of {base:.0f} MiB", flat)

    def server_log(self, n: int, text: str) -> None:
        problems = [line for line in text.splitlines() if "Traceback" in line or " ERROR" in line
                    or "Error" in line.split(":")[0]]
        self.say(f"  server log: {len(problems)} error lines" + (f"; first: {problems[0][:200]}" if problems else ""))

    def footer(self, wall: float, bench_cpu: float, server_cpu: float, others: float) -> None:
        self.say(f"\n## Targets (run took {wall / 60:.1f} min)")
        self.say(f"  CPU used: servers {server_cpu:.0f} s, load generator {bench_cpu:.0f} s, everything else on the "
                 f"machine {others:.0f} s ({100 * others / wall:.0f}% of one core; other work there slows the figures)")
        if others / wall > 0.25:
            self.say("  WARNING: other processes kept this 2-core machine busy; latencies and the floor are noisy. "
                     "Run again on a quiet machine for figures to keep.")
        for name, measured, met in self.targets:
            self.say(f"  {met:7s} {name}: {measured}")

    def markdown(self) -> str:
        body = "\n".join(self.lines)
        return f"```\n{body}\n```\n"
