"""Run-time settings. The command line writes them to the environment so that main.py, which
NiceGUI's test fixture also runs, reads exactly the same settings."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from .store import data_dir_from

KEY_FILE = ".facilitator-key"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    host: str = "0.0.0.0"
    port: int = 8080
    public_url: str = ""
    lang: str = "nl"
    demo: bool = False

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            data_dir=data_dir_from(None),
            host=os.environ.get("WIJKDIALOOG_HOST", "0.0.0.0"),
            port=int(os.environ.get("WIJKDIALOOG_PORT", "8080")),
            public_url=os.environ.get("WIJKDIALOOG_PUBLIC_URL", "").rstrip("/"),
            lang=os.environ.get("WIJKDIALOOG_LANG", "nl"),
            demo=os.environ.get("WIJKDIALOOG_DEMO", "") == "1",
        )

    def to_env(self) -> dict[str, str]:
        return {
            "WIJKDIALOOG_DATA": str(self.data_dir),
            "WIJKDIALOOG_HOST": self.host,
            "WIJKDIALOOG_PORT": str(self.port),
            "WIJKDIALOOG_PUBLIC_URL": self.public_url,
            "WIJKDIALOOG_LANG": self.lang,
            "WIJKDIALOOG_DEMO": "1" if self.demo else "",
        }


def facilitator_key(data_dir: Path) -> str:
    """The key for this machine's dialogues, made once and kept beside them (readable by owner only)."""
    path = Path(data_dir) / KEY_FILE
    if path.exists():
        key = path.read_text(encoding="utf-8").strip()
        if key:
            return key
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(18)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key


def storage_secret(data_dir: Path) -> str:
    """Signs the browser cookie that carries a phone's identity; kept so restarts keep phones known."""
    path = Path(data_dir) / ".storage-secret"
    if path.exists() and path.read_text(encoding="utf-8").strip():
        return path.read_text(encoding="utf-8").strip()
    secret = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secret)
    return secret
