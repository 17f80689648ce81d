"""The app runs without NiceGUI's Tailwind runtime: every CSS class a page uses must be defined somewhere else.

A Tailwind class such as `text-xl` silently does nothing without the runtime; this test names it instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import nicegui

from facilitator_app.app import run_kwargs

APP = Path(__file__).resolve().parents[2] / "facilitator_app"
STATIC = Path(nicegui.__file__).parent / "static"
CLASSES_CALL = re.compile(r"""\.classes\(\s*(?:add=)?f?(["'])(.*?)\1""")
KEYWORD_CLASSES = re.compile(r"""(?:add|remove)=f?(["'])(.*?)\1""")
CSS_CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")


def classes_used() -> dict[str, set[str]]:
    """Class name -> the files using it, from every literal `.classes(...)` argument in the app."""
    used: dict[str, set[str]] = {}
    for path in APP.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if ".classes(" not in line:
                continue
            texts = [m.group(2) for m in CLASSES_CALL.finditer(line)] + [m.group(2) for m in
                                                                       KEYWORD_CLASSES.finditer(line)]
            for text in texts:
                for name in text.split():
                    if "{" not in name:  # a name filled in at run time is checked where it is chosen
                        used.setdefault(name, set()).add(path.name)
    return used


def classes_defined() -> set[str]:
    """Classes Quasar and NiceGUI define (without Tailwind), and every class in the app's own CSS strings."""
    texts = [(STATIC / name).read_text(encoding="utf-8") for name in
             ("quasar.unimportant.prod.css", "quasar.important.prod.css", "nicegui.css")]
    # CSS strings live in the pages, and the app's own static .css files
    texts += [path.read_text(encoding="utf-8") for pattern in ("*.py", "*.css") for path in APP.rglob(pattern)]
    defined = set()
    for text in texts:
        for block in re.findall(r"([^{}]*)\{", text):  # selectors only, not declarations
            defined.update(CSS_CLASS.findall(block))
    return defined


def test_the_app_runs_without_the_tailwind_runtime():
    from types import SimpleNamespace

    state = SimpleNamespace(settings=SimpleNamespace(host="127.0.0.1", port=1), secret="s")
    assert run_kwargs(state)["tailwind"] is False  # type: ignore[arg-type]


def test_every_class_a_page_uses_is_defined_without_tailwind():
    defined = classes_defined()
    undefined = {name: sorted(files) for name, files in classes_used().items() if name not in defined}
    assert undefined == {}, f"define these in pages/theme.py (TAILWIND_SUBSET) or use Quasar's: {undefined}"
