# Everything a newcomer needs, from a fresh clone: `make demo` and `make test` set themselves up
# (virtual environment, pinned packages, generated datasets) before they run.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.ready
DATA   := shared_utils/datasets/h5/.built

.PHONY: demo test test-fast test-browser browser-deps lab build check clean lock setup bench-nn

setup: $(DATA)

$(READY): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(DATA): $(READY) $(wildcard shared_utils/datasets/*.py)
	$(BIN)/python -m shared_utils.datasets build

## demo: build the student release, grade a small embedded class, print the scores
demo: $(DATA)
	$(BIN)/python -m autograder demo

## test: the whole test suite (what CI runs): in parallel, then the timed notebook runs alone
test: $(DATA)
	$(BIN)/python -m pytest -n 2 -m "not serial"
	$(BIN)/python -m pytest -m serial

## test-fast: the suite without the slow (notebook-running) tests
test-fast: $(DATA)
	$(BIN)/python -m pytest -m "not slow"

## test-browser: only the browser tests (JupyterLab in headless Chromium), screenshots in
## build/browser-artifacts/; `make test` runs them too when Chromium is installed
test-browser: $(DATA) browser-deps
	$(BIN)/python -m pytest -m browser

## browser-deps: Debian's Chromium for the browser tests (and a CJK font for the notes' titles);
## apt-get, so root or sudo. Playwright never downloads a browser here.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser-deps:
	@dpkg -s chromium fonts-wqy-zenhei >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei; }

## lab: open JupyterLab on a learner's copy of the released assignments
lab: $(DATA)
	$(BIN)/python -m autograder lab

build: $(DATA)
	$(BIN)/python -m autograder build

check: $(DATA)
	$(BIN)/python -m autograder check

## bench-nn: shared_utils.nn against PyTorch CPU (installs the dev-only torch of requirements-dev.txt)
bench-nn: $(DATA)
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m tests.benchmarks.nn_speed

## lock: re-pin every transitive dependency after editing requirements.txt
lock:
	rm -rf /tmp/dls-lock-venv && $(PYTHON) -m venv /tmp/dls-lock-venv
	/tmp/dls-lock-venv/bin/python -m pip install --quiet -r requirements.txt
	( sed -n 1,2p requirements.lock; /tmp/dls-lock-venv/bin/python -m pip freeze ) > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf build lab shared_utils/datasets/h5
