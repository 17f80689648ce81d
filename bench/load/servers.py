"""Start the app (or the bare floor app) as a child process on a free loopback port, and watch it.

Only processes started here are stopped here, by their own PID.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
# The app's own modules (to prepare dialogues, read labels) come from the tree being measured, so a bench of
# today can measure an older commit (--app-root) and a tree that others are editing need not import.
APP_ROOT_ENV = "WIJKDIALOOG_BENCH_APP_ROOT"
APP_ROOT = Path(os.environ.get(APP_ROOT_ENV) or ROOT).resolve()
sys.path.insert(0, str(APP_ROOT))

from facilitator_app.room import Rooms  # noqa: E402
from facilitator_app.store import Store  # noqa: E402
from rounds import FACILITATOR, RoundState  # noqa: E402
from rounds.talking_piece import close_round, open_next_round  # noqa: E402

HOST = "127.0.0.1"
# Every simulated phone comes from this machine's loopback addresses, so the app's limits for joins from all
# addresses together (150 a minute) would stop a bench hall; the app reads this only for benchmarking.
BENCH_JOIN_LIMIT = "100000"
MiB = 1024 * 1024
SERVER_CPU_SECONDS: list[float] = []  # CPU used by each stopped server, to tell our load from the machine's


def machine_busy_seconds() -> float:
    """CPU seconds spent by every process on the machine so far (all cores)."""
    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


def code_version(root: Path = ROOT) -> str:
    """The commit measured, and which app files differed from it (others may be editing while we measure)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True,
                              timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "facilitator_app", "rounds"], cwd=root,
                               capture_output=True, text=True, timeout=10).stdout.split("\n")
    except (OSError, subprocess.SubprocessError):
        return "unknown (no git)"
    changed = [line[3:] for line in dirty if line.strip()]
    return f"{head}" + (f" with uncommitted changes in {', '.join(changed)}" if changed else " (clean)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@dataclass
class DialogueInfo:
    slug: str
    title: str
    join_code: str
    path: Path
    question: str = ""  # the round the bench opens ("Ervaringen"): its question and its cards' kind
    card_kind: str = ""


def prepare_dialogues(data_dir: Path, count: int) -> list[DialogueInfo]:
    """Running dialogues between round 1 (closed) and round 2 ("Ervaringen", experience cards); nobody joined.

    People join in the break, as in a hall where everyone scans the QR code at the door; the
    facilitator then opens "Ervaringen" from the console and everyone present is in its order.
    """
    store = Store(data_dir)
    infos = []
    for n in range(count):
        now = time.time()
        dialogue = Rooms(store, clock=lambda now=now: now).create(title=f"Groot {n + 1}", theme="thuis").dialogue
        open_next_round(dialogue, FACILITATOR, now)
        close_round(dialogue, FACILITATOR, now, override_reason="bench")
        store.save(dialogue)
        path = data_dir / f"{dialogue.slug}.json"
        upcoming = next(r for r in dialogue.rounds if r.state == RoundState.PENDING)
        infos.append(DialogueInfo(dialogue.slug, dialogue.title, dialogue.join_code, path, upcoming.question,
                                  str(upcoming.card_kind)))
    return infos


def stored_card_texts(path: Path) -> list[str]:
    """Every card text in the dialogue's file, read the way any other program would read it."""
    data = json.loads(path.read_text(encoding="utf-8"))
    texts = []
    for record in data["_default"].values():
        for rnd in record["dialogue"]["rounds"]:
            texts.extend(card["text"] for card in rnd.get("cards", []))
    return texts


def screen_path(data_dir: Path, slug: str) -> str:
    """The projector's own link, with the same token the app makes from its storage secret."""
    from types import SimpleNamespace

    from facilitator_app.config import storage_secret
    from facilitator_app.pages.screen_access import screen_path as app_screen_path

    return app_screen_path(SimpleNamespace(secret=storage_secret(data_dir)), slug)  # type: ignore[arg-type]


class ServerProcess:
    def __init__(self, name: str, make_argv: Callable[[int], list[str]], log_path: Path, storage_dir: Path,
                 cwd: Path = ROOT) -> None:
        self.name, self.log_path = name, log_path
        self.port = free_port()
        self.base_url = f"http://{HOST}:{self.port}"
        env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
        env["NICEGUI_STORAGE_PATH"] = str(storage_dir)  # app.storage.user files stay in the temp dir
        env["WIJKDIALOOG_BENCH_JOIN_LIMIT"] = BENCH_JOIN_LIMIT
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(log_path, "w", encoding="utf-8")  # closed in stop()
        self.popen = subprocess.Popen(make_argv(self.port), env=env, cwd=cwd,
                                      stdout=self._log, stderr=subprocess.STDOUT)
        self.process = psutil.Process(self.popen.pid)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def wait_ready(self, health_path: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.popen.poll() is not None:
                raise RuntimeError(f"{self.name} exited: {self.log_path.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(self.base_url + health_path, timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not answer {health_path} within {timeout:.0f} s")

    def log_text(self) -> str:
        if not self._log.closed:
            self._log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def rss_mib(self) -> float:
        return self.process.memory_info().rss / MiB

    def cpu_seconds(self) -> float:
        times = self.process.cpu_times()
        return times.user + times.system

    def stop(self) -> None:
        if self.popen.poll() is None:
            SERVER_CPU_SECONDS.append(self.cpu_seconds())
            self.popen.terminate()
            try:
                self.popen.wait(10)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(5)
        self._log.close()


def start_app(data_dir: Path, work_dir: Path, app_root: Path = ROOT) -> tuple[ServerProcess, str]:
    """The app as a user starts it; returns the process and the facilitator key it printed.

    `app_root` is the source tree to run (`python -m facilitator_app` from there), e.g. a `git worktree` of
    an older commit, so "before" and "after" can be measured in turns on the same machine.
    """
    def argv(port: int) -> list[str]:
        return [PYTHON, "-m", "facilitator_app", "--data", str(data_dir), "--host", HOST, "--port", str(port),
                "--public-url", f"http://{HOST}:{port}"]

    server = ServerProcess("app", argv, work_dir / "app.log", work_dir / "nicegui-storage", cwd=app_root)
    server.wait_ready("/healthz")
    match = re.search(r"\?key=(\S+)", server.log_text())
    if match is None:
        server.stop()
        raise RuntimeError("the app printed no facilitator link")
    return server, match.group(1)


def start_floor(work_dir: Path) -> ServerProcess:
    script = str(Path(__file__).with_name("floor_app.py"))
    server = ServerProcess("floor", lambda port: [PYTHON, script, "--host", HOST, "--port", str(port)],
                           work_dir / "floor.log", work_dir / "floor-storage")
    server.wait_ready("/healthz")
    return server
