"""The only place that touches the disk: one TinyDB JSON file per dialogue, written atomically.

Layout: <data dir>/<slug>.json holding {"_default": {"1": {"schema_version": N, "dialogue": {...}}}}.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from slugify import slugify
from tinydb import TinyDB
from tinydb.storages import Storage

from rounds import Dialogue
from rounds.serialize import dialogue_from_dict, dialogue_to_dict, round_to_dict

SCHEMA_VERSION = 1
DEFAULT_DATA_DIR = "wijkdialoog-data"

# Migrations take the stored dict of version N and return version N+1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), check_circular=False)


class StoreError(Exception):
    """A dialogue file cannot be used. The file is left exactly as it is."""

    def __init__(self, code: str, path: Path, detail: str = "") -> None:
        self.code, self.path, self.detail = code, path, detail
        super().__init__(f"{code}: {path}{': ' + detail if detail else ''}")


def data_dir_from(arg: str | None = None) -> Path:
    return Path(arg or os.environ.get("WIJKDIALOOG_DATA") or DEFAULT_DATA_DIR)


class AtomicJSONStorage(Storage):
    """TinyDB storage that never leaves half a file: temp file, fsync, os.replace, fsync the folder.

    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, Any] | None:
        if not self.path.exists():
            return None
        text = self.path.read_text(encoding="utf-8")
        if not text.strip():
            raise StoreError("damaged", self.path, "empty file")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise StoreError("damaged", self.path, str(exc)) from None
        if not isinstance(data, dict):
            raise StoreError("damaged", self.path, "not a JSON object")
        return data

    def write(self, data: dict[str, Any]) -> None:
        self.write_text(dump_json(data))

    def write_text(self, text: str) -> None:
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        dir_fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    def close(self) -> None:
        pass


class Store:
    """One store object per data directory, and every read and write goes through its lock.

    TinyDB is not thread-safe, and a save may run in a worker thread (run.io_bound) while the
    event loop reads: the lock makes sure there is exactly one writer and no reader sees a file
    while it is being replaced.
    """

    def __init__(self, data_dir: str | Path) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._dbs: dict[str, TinyDB] = {}
        self._codes: dict[str, str] | None = None  # join code -> slug, built once on first use
        self._round_json: dict[str, dict[str, str]] = {}  # slug -> round id -> JSON of its last save
        for stale in self.data_dir.glob(".*.tmp"):  # left by a crash mid-write; the real file is intact
            stale.unlink(missing_ok=True)

    def path_for(self, slug: str) -> Path:
        return self.data_dir / f"{slug}.json"

    def _db(self, slug: str) -> TinyDB:
        if slug not in self._dbs:
            self._dbs[slug] = TinyDB(self.path_for(slug), storage=AtomicJSONStorage)
        return self._dbs[slug]

    def slugs(self) -> list[str]:
        return sorted(p.stem for p in self.data_dir.glob("*.json") if not p.name.startswith("."))

    def unique_slug(self, title: str) -> str:
        base = slugify(title, max_length=60, word_boundary=True) or "dialoog"
        slug, n = base, 2
        while self.path_for(slug).exists() or slug in self._dbs:
            slug, n = f"{base}-{n}", n + 1
        return slug

    def _code_index(self) -> dict[str, str]:
        if self._codes is None:
            codes: dict[str, str] = {}
            for slug in self.slugs():
                try:
                    codes[self.load(slug).join_code] = slug
                except StoreError:
                    continue  # a damaged file is reported where it is opened, not here
            self._codes = codes
        return self._codes

    def slug_for_code(self, code: str) -> str | None:
        with self._lock:
            return self._code_index().get(code)

    def save(self, dialogue: Dialogue, only_rounds: set[str] | None = None) -> None:
        """Write the whole dialogue file. When this returns, it is on disk.

        `only_rounds` says which rounds the action changed: the other rounds reuse the JSON text
        of their last save, which keeps an action on a big dialogue cheap. None re-encodes all.
        """
        with self._lock:
            cache = self._round_json.setdefault(dialogue.slug, {})
            fresh = {rnd.id: dump_json(round_to_dict(rnd)) for rnd in dialogue.rounds
                     if only_rounds is None or rnd.id in only_rounds or rnd.id not in cache}
            head = dialogue_to_dict(dialogue, with_rounds=False)
            del head["rounds"]
            rounds = ",".join(fresh.get(r.id) or cache[r.id] for r in dialogue.rounds)
            body = dump_json(head)[:-1] + f',"rounds":[{rounds}]}}'
            # The file is one TinyDB document; write it in one go. A table upsert would first
            # re-read and re-parse the whole file, doubling the cost of every action.
            text = f'{{"_default":{{"1":{{"schema_version":{SCHEMA_VERSION},"dialogue":{body}}}}}}}'
            self._db(dialogue.slug).storage.write_text(text)
            cache.update(fresh)  # only after the write: a failed write leaves the cache equal to the disk
            if self._codes is not None:
                self._codes[dialogue.join_code] = dialogue.slug

    def load(self, slug: str) -> Dialogue:
        path = self.path_for(slug)
        with self._lock:
            if not path.exists():
                raise StoreError("missing", path)
            record = self._db(slug).table("_default").get(doc_id=1)
            if not isinstance(record, dict) or "dialogue" not in record:
                raise StoreError("damaged", path, "no dialogue in file")
            version = record.get("schema_version")
            if not isinstance(version, int) or version > SCHEMA_VERSION or version < 1:
                raise StoreError("unknown_schema", path, f"schema_version={version!r}")
            data = record["dialogue"]
            while version < SCHEMA_VERSION:
                data, version = MIGRATIONS[version](data), version + 1
            try:
                dialogue = dialogue_from_dict(data)
            except (KeyError, TypeError, ValueError) as exc:
                raise StoreError("damaged", path, f"{type(exc).__name__}: {exc}") from None
            dialogue.slug = slug  # the file name decides: a copied file never writes over its original
            self._round_json.pop(slug, None)  # what is on disk now is what was just read
            return dialogue

    def exists(self, slug: str) -> bool:
        return self.path_for(slug).exists()
