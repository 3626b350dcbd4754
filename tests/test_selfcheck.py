"""`p2p-kiosk self-check`: every step of a real installation, in a temporary folder."""

from __future__ import annotations

import io

from p2p_kiosk.cli import self_check

STEPS = (
    "store",
    "first start",
    "content",
    "screens",
    "fonts",
    "sign-up",
    "export",
    "import",
    "office files",
    "receipt",
)


def test_self_check_passes_every_step_from_source() -> None:
    out = io.StringIO()
    assert self_check(out)
    lines = out.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [f"ok   {step}" for step in STEPS]
    assert lines[-1] == "self-check passed"
