"""For tests that need a program from the system: skip without it, but fail under CI."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def is_ci() -> bool:
    """Whether the suite runs in CI (``CI=true``), where every system program must be there."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def skip_or_fail(reason: str, *, needs: str) -> NoReturn:
    """Skip the test on a developer's machine; under CI fail it, naming what it ``needs``."""
    if is_ci():
        pytest.fail(f"CI=true needs {needs}: {reason}", pytrace=False)
    pytest.skip(reason)
