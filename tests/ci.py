"""For tests that need a program from the system: skip without it, but fail under CI."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import NoReturn, Protocol, TypeVar

import pytest


def is_ci() -> bool:
    """Whether the suite runs in CI (``CI=true``), where every system program must be there."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def skip_or_fail(reason: str, *, needs: str) -> NoReturn:
    """Skip the test on a developer's machine; under CI fail it, naming what it ``needs``."""
    if is_ci():
        pytest.fail(f"CI=true needs {needs}: {reason}", pytrace=False)
    pytest.skip(reason)


class _Server(Protocol):
    def stop(self) -> None: ...


S = TypeVar("S", bound=_Server)


def serve(start: Callable[[], S], unavailable: type[Exception], *, needs: str) -> Iterator[S]:
    """For a fixture: yield the server that ``start`` starts, and stop it afterwards.

    Where ``start`` raises ``unavailable`` (its program is not installed), skip, or
    under CI fail, naming what the tests ``needs``.
    """
    try:
        server = start()
    except unavailable as exc:
        skip_or_fail(str(exc), needs=needs)
    try:
        yield server
    finally:
        server.stop()
