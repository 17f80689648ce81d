"""Kill a writing process at 50 random moments: the file always loads and holds every saved action."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from facilitator_app.store import Store

ROOT = Path(__file__).resolve().parents[2]

WRITER = """
import sys, time
from facilitator_app.room import Rooms
from facilitator_app.store import Store
from rounds.people import join
store = Store(sys.argv[1])
slug = sys.argv[2]
if store.exists(slug):
    dialogue = store.load(slug)
else:
    dialogue = Rooms(store, clock=lambda: 0.0).create(title=slug, theme="").dialogue
n = len(dialogue.participants)
print("ready", flush=True)
while True:
    join(dialogue, f"P{n}", "resident", time.time())
    store.save(dialogue)
    print(f"saved {n}", flush=True)
    n += 1
"""


def test_sigkill_never_loses_an_acknowledged_save(tmp_path):
    rng = random.Random(2026)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    acknowledged = -1
    for _ in range(50):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), "crash"],
            stdout=subprocess.PIPE, text=True, env=env,
        )
        assert child.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + rng.uniform(0.0, 0.05)
        while time.monotonic() < deadline:
            line = child.stdout.readline().strip()
            if line.startswith("saved"):
                acknowledged = int(line.split()[1])
        os.kill(child.pid, signal.SIGKILL)
        # Lines already in the pipe were acknowledged before the kill.
        for line in child.stdout.read().splitlines():
            if line.startswith("saved"):
                acknowledged = int(line.split()[1])
        child.wait()
        dialogue = Store(tmp_path).load("crash")
        assert len(dialogue.participants) >= acknowledged + 1
        assert [p.name for p in dialogue.participants] == [f"P{n}" for n in range(len(dialogue.participants))]
    assert acknowledged > 50, "the writer should have made real progress"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["crash.json"]
