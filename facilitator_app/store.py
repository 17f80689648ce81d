"""The only place that touches the disk: one TinyDB JSON file per dialogue, written atomically.

Layout: <data dir>/<slug>.json holding {"_default": {"1": {"schema_version": N, "dialogue": {...}}}}; a
dialogue that came from another machine's export also has "imported": true in that record.

Nothing read from disk is trusted: every file goes through a size limit, a nesting check before JSON
parsing and the domain's full check (rounds/integrity.py) after it, and is refused as damaged otherwise.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from slugify import slugify
from tinydb import TinyDB
from tinydb.storages import Storage

from rounds import Dialogue
from rounds.integrity import IntegrityProblem, check_dialogue, check_json_depth
from rounds.serialize import dialogue_from_dict, dialogue_to_dict, round_to_dict

SCHEMA_VERSION = 1
DEFAULT_DATA_DIR = "wijkdialoog-data"
STALE_TEMP_SECONDS = 600
# Far above any real dialogue (a full table's file is well under 1 MB), low enough that a stray huge file
# in the data folder cannot eat the laptop's memory.
MAX_FILE_BYTES = 64 * 1024 * 1024
# The file name is the slug, and the slug goes into URLs: letters, digits, - and _ only.
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")

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
        """TinyDB's only way in: a file that is too big, too deep or not JSON is refused here, by name."""
        if not self.path.exists():
            return None
        try:
            if self.path.stat().st_size > MAX_FILE_BYTES:
                raise StoreError("damaged", self.path, f"file larger than {MAX_FILE_BYTES // 2**20} MB")
            text = self.path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise StoreError("damaged", self.path, "not UTF-8 text") from None
        except OSError as exc:  # strerror only: the message must not carry the machine's paths
            raise StoreError("unreadable", self.path, exc.strerror or type(exc).__name__) from None
        if not text.strip():
            raise StoreError("damaged", self.path, "empty file")
        try:
            check_json_depth(text)
            data = json.loads(text)
        except IntegrityProblem as problem:
            raise StoreError("damaged", self.path, problem.reason) from None
        except json.JSONDecodeError as exc:
            raise StoreError("damaged", self.path, str(exc)) from None
        except RecursionError:  # the depth check should stop this first; never let it escape as a crash
            raise StoreError("damaged", self.path, "too deeply nested") from None
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
        self._imported: set[str] = set()  # slugs read from another machine's export (see save)
        # Left by a crash mid-write; the real file is intact. Only old ones: another process on the same
        # folder (the CLI while the app runs) may be writing one right now.
        for stale in self.data_dir.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                if time.time() - stale.stat().st_mtime > STALE_TEMP_SECONDS:
                    stale.unlink()

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
        """Join code -> the one file that owns it, read from every file once.

        A copied file (`cp X.json kopie.json`) holds X's code too. The original keeps it: the file whose
        stored slug is its own name, else the first by name. The room service gives the others a fresh
        code when it opens them (Rooms.get); this index only says who owns what.
        """
        if self._codes is None:
            claims: list[tuple[bool, str, str]] = []
            for slug in self.slugs():
                try:
                    dialogue, stored_slug = self._read(slug)
                except StoreError:
                    continue  # a damaged file is reported where it is opened, not here
                claims.append((stored_slug != slug, slug, dialogue.join_code))
            codes: dict[str, str] = {}
            for _, slug, code in sorted(claims):
                codes.setdefault(code, slug)
            self._codes = codes
        return self._codes

    def slug_for_code(self, code: str) -> str | None:
        with self._lock:
            return self._code_index().get(code)

    def _claim_code(self, slug: str, code: str) -> None:
        """Note the code of a dialogue just read or written, unless another file already owns it."""
        if self._codes is None:
            return  # built from the files on first use
        for old in [c for c, owner in self._codes.items() if owner == slug and c != code]:
            del self._codes[old]  # a code the dialogue no longer has
        self._codes.setdefault(code, slug)

    def save(self, dialogue: Dialogue, only_rounds: set[str] | None = None, *, imported: bool = False) -> None:
        """Write the whole dialogue file. When this returns, it is on disk.

        `only_rounds` says which rounds the action changed: the other rounds reuse the JSON text
        of their last save, which keeps an action on a big dialogue cheap. None re-encodes all.
        `imported` marks a dialogue read from another machine's export; the mark stays on later saves.
        """
        with self._lock:
            if imported:
                self._imported.add(dialogue.slug)
            cache = self._round_json.setdefault(dialogue.slug, {})
            fresh = {rnd.id: dump_json(round_to_dict(rnd)) for rnd in dialogue.rounds
                     if only_rounds is None or rnd.id in only_rounds or rnd.id not in cache}
            head = dialogue_to_dict(dialogue, with_rounds=False)
            del head["rounds"]
            rounds = ",".join(fresh.get(r.id) or cache[r.id] for r in dialogue.rounds)
            body = dump_json(head)[:-1] + f',"rounds":[{rounds}]}}'
            mark = '"imported":true,' if dialogue.slug in self._imported else ""
            # The file is one TinyDB document; write it in one go. A table upsert would first
            # re-read and re-parse the whole file, doubling the cost of every action.
            text = f'{{"_default":{{"1":{{"schema_version":{SCHEMA_VERSION},{mark}"dialogue":{body}}}}}}}'
            self._db(dialogue.slug).storage.write_text(text)
            cache.update(fresh)  # only after the write: a failed write leaves the cache equal to the disk
            self._claim_code(dialogue.slug, dialogue.join_code)

    def load(self, slug: str) -> Dialogue:
        """The dialogue in <slug>.json, fully checked; StoreError (with the file's path) when it cannot be used."""
        with self._lock:
            dialogue, _ = self._read(slug)
            self._claim_code(slug, dialogue.join_code)
            return dialogue

    def _read(self, slug: str) -> tuple[Dialogue, str]:
        """The checked dialogue, and the slug stored inside the file (a copy still holds its original's)."""
        path = self.path_for(slug)
        if not path.exists():
            raise StoreError("missing", path)
        if not _SLUG.fullmatch(slug):
            raise StoreError("damaged", path, "file name: use only letters, digits, - and _")
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
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise StoreError("damaged", path, f"{type(exc).__name__}: {exc}") from None
        stored_slug = dialogue.slug
        dialogue.slug = slug  # the file name decides: a copied file never writes over its original
        imported = record.get("imported") is True
        try:
            # An export's texts may be longer than typing allows: names in them were replaced by labels.
            check_dialogue(dialogue, anonymous=imported)
        except IntegrityProblem as problem:
            raise StoreError("damaged", path, problem.reason) from None
        if imported:
            self._imported.add(slug)
        else:
            self._imported.discard(slug)
        self._round_json.pop(slug, None)  # what is on disk now is what was just read
        return dialogue, stored_slug if isinstance(stored_slug, str) else ""

    def exists(self, slug: str) -> bool:
        return self.path_for(slug).exists()
