"""A quicker answer to NiceGUI's "does this handler take an argument?", asked for every element it makes.

NiceGUI 3.18 asks `helpers.expects_arguments(handler)` each time it creates an element: once for each of the
element's props, classes and style (their change handlers are bound methods) and once per event handler. It
answers with `inspect.signature`, which took 22 % of the server's CPU while 200 phones joined (py-spy,
BENCHMARKS.md, issue 10) and a quarter of the time to build a row of a list.

For a plain Python function or a method bound to one, the same answer comes straight from its code object:
the parameters without a default, minus `self` for a bound method, and never `*args` or `**kwargs`. Anything
else (a partial, a callable object, a builtin, a function with `__wrapped__` or `__signature__`) still goes to
NiceGUI's own check, so the answer is always the one NiceGUI would give.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

import nicegui.helpers as nicegui_helpers

_inspecting: Callable[[Callable[..., Any]], bool] = nicegui_helpers.expects_arguments


def expects_arguments(func: Callable[..., Any]) -> bool:
    """True if `func` has a parameter that is neither variadic nor defaulted (as NiceGUI's own check says)."""
    bound = type(func) is types.MethodType
    target = func.__func__ if bound else func  # type: ignore[attr-defined]
    if type(target) is not types.FunctionType or hasattr(target, "__wrapped__") \
            or hasattr(target, "__signature__"):
        return _inspecting(func)
    code = target.__code__
    positional = code.co_argcount - (1 if bound and code.co_argcount else 0)  # a bound method has no `self`
    with_default = min(len(target.__defaults__ or ()), positional)
    keyword_only = code.co_kwonlyargcount - len(target.__kwdefaults__ or {})
    return positional - with_default + keyword_only > 0


def install() -> None:
    """Let NiceGUI use the quick check (its modules look the name up on `nicegui.helpers` at each call)."""
    nicegui_helpers.expects_arguments = expects_arguments
