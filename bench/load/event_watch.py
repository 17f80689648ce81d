"""Which table an update on the organiser's dashboard is about, and whether it changed more than a clock.

The dashboard is read the way a person reads it: a table's part of the page is everything under the
highest element that names that table ("Tafel 7") and no other. After every update the watch takes a
fingerprint of each table's part (texts, classes, props, by position) and compares it with the last
one; a table whose fingerprint changed "was mentioned".

The dashboard also changes by itself: time used ticks, and talk shares move while someone speaks.
Those would make any action look fast. So figures that look like a clock or a share ("12:30", "43 %",
"5 min", a bar's "width: 43%") are masked before comparing; what an action changes (the round, whether
someone has the floor, how many are not heard, flags) is words and counts. And before the timed
actions the watch looks at the page in quiet moments: a position that changes on its own even when
masked is left out altogether (the run prints how many, with an example).
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import Counter
from typing import Any

from .protocol import Predicate, Tab, Update, element_text

Path = tuple[Any, ...]  # (which mention of the table, then the child positions down from it)
CLOCKLIKE = re.compile(r"\d{1,3}:\d{2}(?::\d{2})?|\d+(?:[.,]\d+)?\s?%|\d+(?:[.,]\d+)?\s?(?:min|minuten|minutes|"
                       r"sec|seconden|seconds|s|u|h|m)\b")


def _children(element: dict[str, Any]) -> list[tuple[str, list[int]]]:
    slots = [(name, list(slot.get("ids") or [])) for name, slot in sorted((element.get("slots") or {}).items())]
    return [("", list(element.get("children") or [])), *slots]


def _view(element: dict[str, Any]) -> str:
    """What a person sees of one element, clock-like figures masked.

    Listener ids are new for every element drawn: they are left out, so a redraw of the same content is
    no change."""
    raw = json.dumps({k: element.get(k) for k in ("tag", "text", "class", "style", "props")}, sort_keys=True,
                     ensure_ascii=False, default=str)
    return CLOCKLIKE.sub("#", raw)


class DashboardWatch:
    def __init__(self, tab: Tab, table_names: dict[str, str]) -> None:
        self.tab = tab
        self.names = table_names  # table id -> the name shown
        self.by_name = {name: tid for tid, name in table_names.items()}
        # One pattern for all names, longest first, so "Tafel 1" is never found inside "Tafel 10".
        alternatives = "|".join(re.escape(n) for n in sorted(self.by_name, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        self.ignored: set[Path] = set()  # changes on its own even with clock-like figures masked: not compared
        self.ignored_example = ""
        self.learning = False
        self.member: dict[int, tuple[str, Path]] = {}  # element id -> (table id, position in the table's part)
        self.kids: dict[int, list[tuple[str, list[int]]]] = {}  # a member's children, to see the structure move
        self.views: dict[str, dict[Path, str]] = {}  # table id -> position -> what is shown there
        self.roots: dict[str, list[int]] = {}  # table id -> the top elements of its part
        self.changed: set[str] = set()  # tables whose part changed in the update being handled
        self.updates = 0
        self.rebuilds = 0  # whole page read again
        self.recollects = 0  # one table's part read again
        self.reasons: Counter[str] = Counter()  # why a part or the whole page was read again
        self.seconds_reading = 0.0  # the load generator's own cost of reading the dashboard
        self._rebuild()
        tab.listeners.insert(0, self._on_update)  # before the waiters look at the same update

    def _tables_named(self, element: dict[str, Any]) -> set[str]:
        text = element_text(element) + " " + str((element.get("props") or {}).get("aria-label", ""))
        return {self.by_name[m] for m in self.pattern.findall(text)}

    # -- what each table's part of the page is ------------------------------------------------------------
    def _rebuild(self) -> None:
        """Find every table's part of the whole page (after a structural change; the page's first draw)."""
        self.rebuilds += 1
        elements = self.tab.elements
        parent: dict[int, int] = {}
        for element_id, element in elements.items():
            for _, ids in _children(element):
                for child in ids:
                    parent[child] = element_id
        mentions = {eid: found for eid, element in elements.items() if (found := self._tables_named(element))}
        below: dict[int, set[str]] = {}  # tables named anywhere under an element (itself included)
        for element_id, found in mentions.items():
            node: int | None = element_id
            while node is not None:
                below.setdefault(node, set()).update(found)
                node = parent.get(node)
        roots: dict[str, list[int]] = {tid: [] for tid in self.names}
        for element_id, found in sorted(mentions.items()):
            if len(found) != 1:
                continue  # an element naming several tables is nobody's part
            (tid,) = found
            node = element_id
            while node in parent and below.get(parent[node]) == found:
                node = parent[node]
            if node not in roots[tid]:
                roots[tid].append(node)
        self.member, self.kids, self.roots = {}, {}, roots
        self.views = {tid: {} for tid in self.names}
        for tid in roots:
            self._recollect(tid)

    def _recollect(self, tid: str) -> None:
        """Read one table's part again from its top elements (its structure changed: a flag, a role row)."""
        for element_id in [e for e, (owner, _) in self.member.items() if owner == tid]:
            del self.member[element_id]
            self.kids.pop(element_id, None)
        self.views[tid] = {}
        for ordinal, top in enumerate(self.roots.get(tid, [])):
            self._collect(tid, top, (ordinal,))

    def _collect(self, tid: str, element_id: int, path: Path) -> None:
        element = self.tab.elements.get(element_id)
        if element is None:
            return
        self.member[element_id] = (tid, path)
        self.kids[element_id] = _children(element)
        self.views[tid][path] = _view(element)
        for slot, ids in self.kids[element_id]:
            for index, child in enumerate(ids):
                self._collect(tid, child, (*path, slot, index))

    # -- comparing ----------------------------------------------------------------------------------------
    def _on_update(self, update: Update, _received: float) -> None:
        started = time.perf_counter()
        self.updates += 1
        changed: dict[str, set[Path]] = {}
        rebuild = False
        moved: set[str] = set()  # tables whose part changed structure
        for key, element in update.items():
            element_id = int(key)
            where = self.member.get(element_id)
            if where is None:
                # A new element naming a table outside every part (a part drawn anew): find the parts again.
                if isinstance(element, dict) and self._tables_named(element):
                    rebuild = True
                    self.reasons[f"new {element.get('tag')} naming a table"] += 1
                continue
            tid, path = where
            if not isinstance(element, dict) or _children(element) != self.kids.get(element_id):
                self.reasons["deleted" if element is None else f"children of a {element.get('tag')}"] += 1
                if element is None and element_id in self.roots.get(tid, []):
                    rebuild = True  # the part itself is gone
                moved.add(tid)
                continue
            view = _view(element)
            if view != self.views[tid].get(path):
                self.views[tid][path] = view
                changed.setdefault(tid, set()).add(path)
        if rebuild or moved:
            before = {tid: self.views.get(tid, {}) for tid in (self.names if rebuild else moved)}
            if rebuild:
                self._rebuild()
            else:
                self.recollects += len(moved)
                for tid in moved:
                    self._recollect(tid)
            for tid, old in before.items():
                part = self.views.get(tid, {})
                if part != old:
                    changed.setdefault(tid, set()).update(p for p in part.keys() | old.keys()
                                                          if part.get(p) != old.get(p))
        if self.learning:
            for tid, paths in changed.items():
                self.ignored.update(p[1:] for p in paths)
                self.ignored_example = self.ignored_example or f"{tid}: {sorted(paths)[0]}"
        self.changed = {tid for tid, paths in changed.items() if any(p[1:] not in self.ignored for p in paths)}
        self.seconds_reading += time.perf_counter() - started

    def mentions(self, table_id: str) -> Predicate:
        """For Tab.expect: the first update after which this table's part of the page changed."""
        return lambda _update: table_id in self.changed

    def found_tables(self) -> int:
        """How many tables have a part of the page (0: the page does not name the tables as expected)."""
        return sum(1 for part in self.views.values() if part)

    # -- learning what changes by itself ------------------------------------------------------------------
    async def learn_clocks(self, seconds: float) -> None:
        """Watch the page while nothing happens; remember the positions that change on their own."""
        self.learning = True
        try:
            await asyncio.sleep(seconds)  # the page's own clock is what is being watched here
        finally:
            self.learning = False

    def describe(self) -> str:
        sizes = [len(p) for p in self.views.values() if p]
        return (f"{self.found_tables()}/{len(self.names)} tables found on the page, "
                f"{min(sizes, default=0)}-{max(sizes, default=0)} elements each; positions that change by "
                f"themselves even without clock figures, left out: {len(self.ignored)}"
                + (f" (e.g. {self.ignored_example})" if self.ignored_example else ""))
