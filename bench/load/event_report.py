"""The Dag van de Dialoog figures, printed as they come (in room_load's style), and the targets at the end."""

from __future__ import annotations

import math

from .event_phases import Phase
from .event_run import EventRun
from .report import Report, fan_line, ms
from .stress import spread

TABLE_PAGES = ("phones", "screens")  # "a table's own fan-out": its phones and its projector
RATIO_TARGET = 1.5  # "as fast as a single dialogue's": within the ratio room_load allows against its floor
DASHBOARD_TARGET_MS = 300.0
RSS_TARGET_MIB = 400.0


def ratio(a: float, b: float) -> float:
    return a / b if b and not math.isnan(a) and not math.isnan(b) else math.nan


class EventReport(Report):
    def header(self, date: str, command: str, machine: str, code: str) -> None:
        self.say(f"# event_load {date}")
        self.say(f"command: {command}")
        self.say(f"code: {code}")
        self.say(f"python {machine}; work dir {self.work}")

    def baseline(self, run: EventRun, opened: Phase, alone: Phase) -> None:
        assert run.server is not None
        j = run.joins
        self.say(f"\n## baseline: one dialogue of {j.phones} phones, its console and projector, on its own server "
                 f"{self.took()}")
        self.say(f"  joins: {j.phones} in {j.seconds:.1f} s, per phone {spread([x * 1000 for x in j.per_phone])}; "
                 f"errors {len(j.errors)}")
        self.say("  " + fan_line('"Ronde beginnen"', opened.event, TABLE_PAGES))
        self.say("  " + fan_line("alone: next speaker -> its phones + projector", alone.baseline, TABLE_PAGES))
        cpu = alone.cpu.ms_per(alone.baseline.actions) if alone.cpu else math.nan
        self.say(f"  server RSS {run.server.rss_mib():.0f} MiB; server CPU {cpu:.0f} ms per action")

    def event_joined(self, run: EventRun, opened: Phase, warm: Phase) -> None:
        assert run.server is not None and run.plan is not None
        j = run.joins
        organiser = [name for name, viewer in (("dashboard", run.dashboard), ("wall", run.wall)) if viewer]
        self.say(f"\n## the event: {run.table_count} tables x {run.per_table} phones, {len(run.rooms)} consoles, "
                 f"{run.screen_count * len(run.rooms)} projectors"
                 + "".join(f", {name}" for name in organiser) + f" {self.took()}")
        self.say(f"  event /e/{run.plan.slug} made through the service (Events.create, start, each table's "
                 f"round 1 closed) in {run.setup_seconds:.1f} s; consoles and projectors opened in "
                 f"{run.viewers_seconds:.1f} s")
        for name, viewer in (("dashboard", run.dashboard), ("wall", run.wall)):
            note = run.notes.get(name)
            self.say(f"  {name}: " + (note if viewer is None else f"open ({viewer.path.split('?')[0]})"))
        rate = j.phones / j.seconds if j.seconds else 0
        self.say(f"  joins: {j.phones} phones in {j.seconds:.1f} s ({rate:.1f}/s), per phone "
                 f"{spread([x * 1000 for x in j.per_phone])}; server CPU {j.cpu_seconds * 1000 / max(j.phones, 1):.0f}"
                 f" ms per join; errors {len(j.errors)}")
        for error in j.errors[:5]:
            self.say(f"    ! {error}")
        self.say(f"  server RSS after everyone joined: {run.rss_after_join:.0f} MiB")
        if run.join_profile:
            self.say("  profile of the server during the joins (py-spy):")
            self.say(run.join_profile)
        self.say("  " + fan_line('"Ronde beginnen" at each table -> its phones + projector', opened.event,
                                 TABLE_PAGES))
        if run.watch is not None:
            self.say("  " + fan_line('"Ronde beginnen" at each table -> dashboard', opened.event, ("dashboard",)))
        self.say("  " + fan_line("first action at each table (cold) -> its phones + projector", warm.event,
                                 TABLE_PAGES))
        if run.watch is not None:
            self.say("  " + fan_line("first action at each table (cold) -> dashboard", warm.event, ("dashboard",)))

    def learned(self, run: EventRun) -> None:
        if run.watch is not None:
            self.say(f"  dashboard as read by the bench: {run.watch.describe()}")

    def phase(self, title: str, run: EventRun, phase: Phase, profile: str | None = None) -> None:
        assert run.server is not None
        self.say(f"\n## {title} {self.took()}")
        actions, failed = phase.event.actions, phase.event.failed_actions
        rate = f" (random moments, mean {phase.rate:g}/s)" if phase.rate else ""
        self.say(f"  {actions} timed actions in {phase.seconds:.0f} s{rate}; skipped {phase.skipped} (table busy or "
                 f"out of rounds); failed {len(failed)}"
                 + (f"; baseline failed {len(phase.baseline.failed_actions)}" if phase.baseline.failed_actions else ""))
        for failure in (phase.event.failed_actions + phase.baseline.failed_actions)[:5]:
            self.say(f"    ! {failure}")
        self.say("  " + fan_line("table's fan-out -> its phones + projector", phase.event, TABLE_PAGES))
        self.say("  " + fan_line("-> its console", phase.event, ("console",)))
        if run.watch is not None:
            self.say("  " + fan_line("-> the dashboard (an update that changes this table's part)", phase.event,
                                     ("dashboard",)))
        if phase.baseline.actions:
            self.say("  " + fan_line("baseline (single 7-phone dialogue, same moments) -> phones + projector",
                                     phase.baseline, TABLE_PAGES))
            e, b = phase.event.summary(TABLE_PAGES), phase.baseline.summary(TABLE_PAGES)
            self.say(f"  ratio event table / baseline: p50 {ratio(e['p50'], b['p50']):.2f}, "
                     f"p95 {ratio(e['p95'], b['p95']):.2f}")
        cpu = phase.cpu.ms_per(actions + phase.baseline.actions) if phase.cpu else math.nan
        self.say(f"  server RSS {run.server.rss_mib():.0f} MiB; event server CPU {cpu:.0f} ms per action"
                 + (" (baseline server not counted)" if phase.baseline.actions else ""))
        if profile:
            self.say("  profile of the event server during this part (py-spy):")
            self.say(profile)

    def pages(self, run: EventRun) -> None:
        self.say("  server RSS after: " + ", ".join(f"{moment} {mib:.0f} MiB" for moment, mib in run.rss_samples))
        # A socket dropped under load (engineio: "packet queue is empty") shows as "missing" deliveries above.
        lost = sum(1 for room in run.rooms for p in room.phones
                   if p.tab is not None and (p.tab.sio is None or not p.tab.sio.connected))
        self.say(f"  phones whose socket was lost during the run: {lost} of {sum(len(r.phones) for r in run.rooms)}")
        for name, viewer in (("dashboard", run.dashboard), ("wall", run.wall)):
            if viewer is not None:
                stats = viewer.stats
                self.say(f"  {name} received {stats.updates} updates in the whole run; socket errors "
                         f"{len(stats.errors)}")
        if run.watch is not None:
            self.say(f"  the bench spent {run.watch.seconds_reading * 1000:.0f} ms reading "
                     f"{run.watch.updates} dashboard updates (whole page read {run.watch.rebuilds} times, one table's "
                     f"part {run.watch.recollects} times; "
                     f"the load generator's own time, not the server's); why: "
                     + (", ".join(f"{n}x {why}" for why, n in run.watch.reasons.most_common(4)) or "-"))

    def event_targets(self, run: EventRun, one: Phase, many: Phase, rss_end: float) -> None:
        if run.watch is not None:
            for name, phase in (("all tables at once", many), ("one at a time", one)):
                if not phase.event.actions:
                    continue
                p95 = phase.event.summary(("dashboard",))["p95"]
                missing = phase.event.missing.get("dashboard", 0)
                self.target(f"action -> dashboard p95 <= {DASHBOARD_TARGET_MS:.0f} ms ({name})",
                            f"{ms(p95)} (missing {missing})", p95 <= DASHBOARD_TARGET_MS and not missing)
        else:
            self.target("action -> dashboard p95 <= 300 ms", run.notes.get("dashboard", "not measured"), None)
        if one.baseline.actions:
            e, b = one.event.summary(TABLE_PAGES), one.baseline.summary(TABLE_PAGES)
            r95 = ratio(e["p95"], b["p95"])
            self.target(f"table fan-out as fast as a single dialogue's (p95 ratio <= {RATIO_TARGET})",
                        f"{ms(e['p95'])} vs {ms(b['p95'])}: {r95:.2f}", r95 <= RATIO_TARGET)
        many_p95 = many.event.summary(TABLE_PAGES)["p95"]
        self.target("table fan-out, all tables at once (p95; for comparison with the baseline)", ms(many_p95), None)
        rss = max([rss_end, *(mib for _, mib in run.rss_samples)])
        self.target(f"server RSS <= {RSS_TARGET_MIB:.0f} MiB (highest of the samples)",
                    f"{rss:.0f} MiB", rss <= RSS_TARGET_MIB)
        j = run.joins
        self.target("joins per second", f"{j.phones / j.seconds if j.seconds else 0:.1f}/s", None)

