"""The README and docs/ as a newcomer reads them on a fresh clone: true to the repository.

They name only files the repository has, the Linux libraries CI installs,
and the benchmark figures ``bench/results.json`` holds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
DOCS = sorted([README, *(REPO / "docs").rglob("*.md")])


def _section(text: str, heading: str) -> str:
    """The text under a Markdown heading, up to the next heading of any level."""
    start = text.index(heading) + len(heading)
    following = re.search(r"^#{1,6} ", text[start:], flags=re.MULTILINE)
    return text[start : start + following.start()] if following else text[start:]


@pytest.mark.parametrize("page", DOCS, ids=lambda p: str(p.relative_to(REPO)))
def test_docs_stand_alone_and_link_only_to_files_in_the_repository(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "../shared" not in text, "a clone has no ../shared: bring what is needed into docs/"
    for target in re.findall(r"\]\(([^)#\s]+)\)", text):
        if "://" in target:
            continue
        assert (page.parent / target).exists(), f"{page.name} links to a missing {target}"


def _ci_list(script: str, name: str) -> list[str]:
    match = re.search(rf"^{name}=\(([^)]*)\)", script, flags=re.MULTILINE)
    assert match, f".ci/run has no {name}=(...) list"
    return match.group(1).split()


def test_the_readme_names_the_linux_packages_ci_installs() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    libraries = set(_ci_list(script, "qt") + _ci_list(script, "qt_xcb"))
    others = re.search(r'for pkg in "\$\{qt\[@\]\}" "\$\{qt_xcb\[@\]\}" ([^;]+);', script)
    assert others, ".ci/run's install loop changed shape"
    # Installed on their own, without recommends (LibreOffice Calc).
    apart = re.findall(r"\|\| \w+\+=\(([\w.+-]+)\)", script)
    assert apart, ".ci/run's separate installs changed shape"
    packages = others.group(1).split() + apart
    text = README.read_text(encoding="utf-8")
    needs = text[text.index("Needs Python") :]
    needs = needs[: needs.index("\n\n")]
    assert set(re.findall(r"`(lib[\w.+-]+)`", needs)) - set(packages) == libraries
    for package in packages:
        assert f"`{package}`" in needs, f"the README does not say the tests need {package}"


def _table_rows(text: str) -> dict[str, list[str]]:
    rows = {}
    for line in _section(text, "### Benchmarks").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        name = re.fullmatch(r"`(\w+)`", cells[0])
        if name:
            rows[name.group(1)] = cells
    return rows


def _shown(entry: dict[str, object]) -> str:
    """A figure as the table shows it: the ratio to one decimal, or megabytes."""
    if entry["baseline"] is None:
        value = float(str(entry["value"]))
        return f"{value:.0f} MB" if value >= 10 else f"{value:.1f} MB"
    return f"{float(str(entry['ratio'])):.1f}"


def test_the_benchmark_table_is_bench_results_json() -> None:
    results = json.loads((REPO / "bench" / "results.json").read_text(encoding="utf-8"))
    rows = _table_rows(README.read_text(encoding="utf-8"))
    assert set(rows) == set(results), "the table and results.json list other figures"
    for name, entry in results.items():
        _, _, _, ratio, target = rows[name]
        assert ratio.startswith(_shown(entry)), f"{name}: the table says {ratio}"
        assert re.sub(r"[^\d.]", "", target) == f"{float(entry['target']):g}", name
