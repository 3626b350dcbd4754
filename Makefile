# The two set-up commands in the README: `make run` and `make test`.
# Both create .venv on first use, so a fresh clone needs only Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LINTED := p2p_kiosk kiosk ui tests bench build_spec

.PHONY: run test lint typecheck pytest bench bundle bundle-check screenshots translations clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/p2p-kiosk run $(ARGS)

test: $(STAMP) lint pytest

# The layers (import-linter's contracts), ruff's rules and format, and mypy --strict
# over the program and its tests; every setting is in pyproject.toml.
lint: $(STAMP)
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy

typecheck: $(STAMP)
	$(BIN)/mypy

# The whole suite on every core, each test file kept on one worker (its module fixtures,
# an Xvfb or a PostgreSQL server, start once); PYTEST_ARGS="tests/x.py -x" runs a part.
PYTEST_ARGS ?= -n auto --dist loadfile
pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# A one-folder PyInstaller bundle in dist/p2p-kiosk/, built from scratch each time
# (--clean drops PyInstaller's cache, and build/ and dist/ are removed first).
bundle: $(STAMP)
	rm -rf build dist
	$(BIN)/pyinstaller --noconfirm --clean --log-level ERROR build_spec/p2p_kiosk.spec
	@du -sh dist/p2p-kiosk

# The bundle checks itself: fresh store, migrations, content, every screen, a sign-up,
# an export and an import, all headless.
bundle-check: bundle
	QT_QPA_PLATFORM=offscreen dist/p2p-kiosk/p2p-kiosk self-check

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/p2p-kiosk screenshots --out docs/screenshots
	for lang in $(TRANSLATED_LANGUAGES); do \
	  QT_QPA_PLATFORM=offscreen $(BIN)/p2p-kiosk screenshots --out docs/screenshots/$$lang --lang $$lang || exit 1; \
	done
	# A few in larger text and in high contrast, for the README's accessibility section.
	rm -rf build/shots && mkdir -p build/shots
	QT_QPA_PLATFORM=offscreen $(BIN)/p2p-kiosk screenshots --out build/shots/text150 --text-size 150
	QT_QPA_PLATFORM=offscreen $(BIN)/p2p-kiosk screenshots --out build/shots/contrast --theme high-contrast
	for name in home display_choices join_errors; do \
	  cp build/shots/text150/$${name}_1280x800.png docs/screenshots/$${name}_1280x800_text150.png || exit 1; \
	done
	for name in attract home join_errors; do \
	  cp build/shots/contrast/$${name}_1280x800.png docs/screenshots/$${name}_1280x800_high_contrast.png || exit 1; \
	done

# The screens' own words in Spanish, Hebrew and Arabic: ui/translations/kiosk_<lang>.ts holds
# every tr() an attendee can meet in ui/ and the core's messages (kiosk/validation.py), each
# with its translation, and is compiled to kiosk_<lang>.qm, which the kiosk loads. Run after
# changing a tr() text, then translate what is new (pyside6-linguist, or by hand) and run
# again; tests/ui/test_translations.py checks both. The office window, the staff panel and
# the first-start screens are English only (no volunteer meets a panel half in one language
# and half in another), so their texts are not in the files: ENGLISH_ONLY lists them.
TRANSLATED_LANGUAGES := es he ar
TRANSLATION_FILES := $(foreach lang,$(TRANSLATED_LANGUAGES),ui/translations/kiosk_$(lang).ts)
ENGLISH_ONLY := ui/office/* ui/screens/staff/* ui/screens/setup.py ui/screens/locked.py \
	ui/widgets/pin_pad.py ui/widgets/hour_chart.py ui/widgets/bar_chart.py
TRANSLATED_SOURCES = $(shell find ui -name '*.py' $(foreach path,$(ENGLISH_ONLY),-not -path '$(path)') \
	| LC_ALL=C sort) kiosk/validation.py

# No guessed translations (lupdate offers another context's "Back" for the setup screen's),
# and none left unfinished in the compiled files: an English-only screen stays English.
LUPDATE_FLAGS := -silent -locations none -no-obsolete -source-language en \
	-disable-heuristic sametext -disable-heuristic similartext

translations: $(STAMP)
	$(BIN)/pyside6-lupdate $(LUPDATE_FLAGS) $(TRANSLATED_SOURCES) -ts $(TRANSLATION_FILES)
	$(BIN)/pyside6-lrelease -silent -nounfinished $(TRANSLATION_FILES)

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
