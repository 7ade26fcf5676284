"""Every source notebook runs top to bottom as a learner runs it (slow): no error, nothing on
stderr, within the time budget, printing the figures its text promises, and every long cell shows
its progress and says how long it takes."""
import re
import shutil
import time
from datetime import datetime

import nbformat
import psutil
import pytest
from nbclient import NotebookClient

from autograder.config import load_course

# Timed, so run alone: `make test` runs these after the parallel part, on both cores.
pytestmark = [pytest.mark.slow, pytest.mark.serial]
BUDGET_S = 60  # DECISIONS §15: a notebook's reference run, on 2 cores
CELL_TIMEOUT_S = 120  # the grading timeout: a slow cell fails the budget test, not the setup
LONG_CELL_S = 3  # a learner waiting longer than this sees a progress bar and was told how long
_NUMBER = (r"\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty"
           r"|thirty|forty|fifty|sixty|ninety")
HOW_LONG = re.compile(rf"\babout\s+(?:{_NUMBER})\s+(?:s|sec|seconds?|min|minutes?)\b", re.I)
TQDM_BAR = re.compile(r"\d+/\d+ \[\d+:\d+<")  # tqdm's "n/total [elapsed<remaining"
WIDGET = "application/vnd.jupyter.widget-view+json"  # tqdm.notebook's bar


class _KernelCpu:
    """Puts the CPU seconds the kernel spent on each cell in `cell.metadata["cpu_seconds"]`, all
    its threads. Other jobs on the machine stretch a cell's wall time but not, mostly, its CPU
    time; numpy's BLAS threads spinning for a busy core stretch both, so the timings mean what
    they say only when the notebooks run alone, as `make test` runs them."""

    def __init__(self):
        self.client, self._started = None, 0.0

    def _now(self):
        times = psutil.Process(self.client.km.provisioner.pid).cpu_times()
        return times.user + times.system

    def start(self, cell, **_):
        self._started = self._now()

    def stop(self, cell, **_):
        cell.metadata["cpu_seconds"] = self._now() - self._started


@pytest.fixture(scope="module", params=load_course().assignments, ids=lambda a: a.id)
def executed(request, tmp_path_factory):
    assignment = request.param
    nb = nbformat.read(str(assignment.source), as_version=4)
    run_dir = tmp_path_factory.mktemp("run")
    for path in assignment.files:  # helper modules sit next to the notebook, as in release/<id>/
        shutil.copy2(path, run_dir / path.name)
    clock = _KernelCpu()
    client = NotebookClient(nb, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                            resources={"metadata": {"path": str(run_dir)}},
                            on_cell_execute=clock.start, on_cell_executed=clock.stop)
    clock.client = client
    started = time.monotonic()
    client.execute()
    return nb, time.monotonic() - started


def test_runs_clean_within_budget(executed):
    nb, seconds = executed
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", f"{output.ename}: {output.evalue}"
            assert output.get("name") != "stderr", output.get("text")
    assert seconds < BUDGET_S, f"the notebook took {seconds:.0f} s (budget {BUDGET_S} s)"


def test_printed_figures_match_what_the_text_claims(executed):
    """Every '**<label>: <number> %**' claim in the markdown is printed by some cell."""
    nb, _ = executed
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    printed = "\n".join(o.get("text", "") for c in nb.cells if c.cell_type == "code"
                        for o in c.outputs)
    claims = re.findall(r"\*\*([a-z ]+: [0-9.]+ %)\*\*", text)
    if not claims:
        pytest.skip("this notebook states no figures")
    for claim in claims:
        assert claim in printed, f"the text claims '{claim}' but the notebook printed otherwise"


def _timestamp(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _seconds(cell):
    """How long a learner waits for a code cell on an idle machine: its wall time (nbclient's
    record_timing), or its CPU time when that is less (the machine was busy with other work).
    A cell whose numpy uses both cores spends more CPU time than wall time: then the wall time."""
    stamps = cell.metadata.get("execution", {})
    start, end = stamps.get("iopub.execute_input"), stamps.get("shell.execute_reply")
    if not (start and end):
        return 0.0
    wall = (_timestamp(end) - _timestamp(start)).total_seconds()
    return min(wall, cell.metadata.get("cpu_seconds", wall))


def _shows_progress(cell):
    return any(TQDM_BAR.search(o.get("text", "")) or WIDGET in o.get("data", {})
               for o in cell.outputs)


def test_long_cells_show_progress_and_say_how_long(executed):
    """A cell slower than LONG_CELL_S prints a tqdm bar (or a progress widget), and its source or
    the markdown cell right above it says how long it takes: 'about N seconds'."""
    nb, _ = executed
    problems = []
    for i, cell in enumerate(nb.cells):
        seconds = _seconds(cell) if cell.cell_type == "code" else 0.0
        if seconds <= LONG_CELL_S:
            continue
        above = nb.cells[i - 1].source if i and nb.cells[i - 1].cell_type == "markdown" else ""
        first_line = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
        where = f"cell {i} ({seconds:.1f} s, '{first_line[:50]}')"
        if not _shows_progress(cell):
            problems.append(f"{where} shows no progress bar (tqdm on sys.stdout)")
        if not (HOW_LONG.search(cell.source) or HOW_LONG.search(above)):
            problems.append(f"{where}: neither it nor the markdown above says 'about N seconds'")
    assert not problems, "\n".join(problems)
