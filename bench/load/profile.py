"""Where the server's time goes: py-spy on the app's PID during one phase, summarised as text.

Self time is split by package (ours: facilitator_app/ and rounds/; NiceGUI; Socket.IO; ...), and
the functions of our own code are ranked by inclusive time, so a slow page shows up by name.
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

FRAME_RE = re.compile(r"^(?P<func>.*) \((?P<file>[^:()]+)(?::(?P<line>\d+))?\)$")
# py-spy names files relative to their sys.path entry: "nicegui/element.py", "rounds/cards.py", "json/encoder.py"
PACKAGES = (("facilitator_app", "app: facilitator_app"), ("rounds", "app: rounds"), ("nicegui", "nicegui"),
            ("socketio", "socket.io"), ("engineio", "socket.io"), ("uvicorn", "uvicorn/starlette"),
            ("starlette", "uvicorn/starlette"), ("fastapi", "uvicorn/starlette"), ("tinydb", "tinydb"),
            ("json", "json (stdlib)"), ("asyncio", "asyncio"), ("websockets", "websockets"),
            ("wsproto", "websockets"))
ENTRY_FILES = ("facilitator_app/__main__.py", "facilitator_app/cli.py")  # always on the stack; not informative


def py_spy() -> str | None:
    candidate = Path(sys.executable).with_name("py-spy")
    return str(candidate) if candidate.exists() else shutil.which("py-spy")


def package_of(path: str) -> str:
    parts = path.split("/")[:-1]
    for marker, name in PACKAGES:
        if marker in parts:
            return name
    return "other (stdlib, threads, C)"


def is_ours(path: str) -> bool:
    return package_of(path).startswith("app:") and not path.endswith(ENTRY_FILES)


class Profiler:
    """`py-spy record` of one PID until stop(); idle frames are left out (only time spent working)."""

    def __init__(self, pid: int, output: Path, rate: int = 100) -> None:
        self.output = output
        self.popen: subprocess.Popen | None = None
        exe = py_spy()
        if exe is None:
            return
        self.popen = subprocess.Popen(
            [exe, "record", "--pid", str(pid), "--rate", str(rate), "--format", "raw", "--output", str(output),
             "--nonblocking"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.said: list[bytes] = []
        # py-spy needs a moment to attach; a phase that began before it sampled was missing from its profile
        # ("Ronde beginnen" showed 0.4 s of a 1 s fan-out). Wait until it says it samples.
        sampling = threading.Event()
        threading.Thread(target=self._read_output, args=(sampling,), daemon=True).start()
        sampling.wait(5)

    def _read_output(self, sampling: threading.Event) -> None:
        assert self.popen is not None and self.popen.stdout is not None
        for line in self.popen.stdout:
            self.said.append(line)
            if b"Sampling" in line:
                sampling.set()
        sampling.set()

    def stop(self) -> str:
        if self.popen is None:
            return "py-spy is not installed; no profile."
        self.popen.send_signal(signal.SIGINT)  # py-spy writes its file when interrupted
        try:
            self.popen.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            return "py-spy did not stop; no profile."
        if not self.output.exists():
            return f"py-spy wrote no profile: {b''.join(self.said).decode(errors='replace')[-500:]}"
        return summarise(self.output)


def parse(path: Path) -> list[tuple[list[tuple[str, str]], int]]:
    samples = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = []
        for raw in stack.split(";"):
            match = FRAME_RE.match(raw.strip())
            frames.append((match["func"], match["file"]) if match else (raw.strip(), ""))
        samples.append((frames, int(count)))
    return samples


def summarise(path: Path, top: int = 14) -> str:
    samples = parse(path)
    total = sum(count for _, count in samples)
    if not total:
        return "empty profile"
    by_package: Counter[str] = Counter()
    ours: Counter[str] = Counter()
    for frames, count in samples:
        by_package[package_of(frames[-1][1])] += count
        seen = set()
        for func, file in frames:
            if is_ours(file) and (func, file) not in seen:
                seen.add((func, file))
                ours[f"{file.split('facilitator_app/')[-1]}:{func}"] += count
    lines = [f"  {total} samples while busy (100 per CPU second). Self time by package:"]
    lines += [f"    {share(count, total)}  {name}" for name, count in by_package.most_common()]
    lines.append("  Our functions by inclusive time (the NiceGUI work they trigger included):")
    lines += [f"    {share(count, total)}  {name}" for name, count in ours.most_common(top)]
    return "\n".join(lines)


def share(count: int, total: int) -> str:
    return f"{100 * count / total:5.1f}%"
