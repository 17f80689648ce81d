"""The quick "does this handler take an argument?" check gives NiceGUI's own answer, and pages use it."""

from __future__ import annotations

import functools

import nicegui.helpers
from nicegui.helpers.functions import expects_arguments as inspecting

from facilitator_app.pages import handler_signatures
from facilitator_app.pages.handler_signatures import expects_arguments as quick


class Thing:
    def none(self) -> None: ...
    def one(self, event) -> None: ...
    def defaulted(self, event=None) -> None: ...
    def star(self, *args, **kwargs) -> None: ...
    def keyword(self, *, event) -> None: ...
    def keyword_defaulted(self, *, event=None) -> None: ...

    @classmethod
    def klass(cls, event) -> None: ...

    @staticmethod
    def static(event) -> None: ...

    def __call__(self, event) -> None: ...


def wrapped(func):
    @functools.wraps(func)
    def inner(*args, **kwargs):
        return func(*args, **kwargs)
    return inner


def two(a, b=1, *args, c, d=2, **kw) -> None: ...


CALLABLES = [
    lambda: None, lambda e: None, lambda e=None: None, lambda *a: None, lambda **k: None, lambda *, e: None,
    lambda a, b=1: None, lambda p="x": None, two, Thing().none, Thing().one, Thing().defaulted, Thing().star,
    Thing().keyword, Thing().keyword_defaulted, Thing.klass, Thing.static, Thing.none, Thing(), print,
    functools.partial(two, 1, c=3), functools.partial(lambda a, b: None, 1), wrapped(lambda: None),
    wrapped(lambda e: None), Thing, len,
]


def test_the_quick_check_answers_as_nicegui_does_for_every_kind_of_callable():
    for func in CALLABLES:
        assert quick(func) == inspecting(func), func


def test_pages_make_nicegui_use_the_quick_check():
    import facilitator_app.pages.common  # noqa: F401  (installs it)

    assert nicegui.helpers.expects_arguments is handler_signatures.expects_arguments
