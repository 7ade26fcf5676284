"""Every source notebook runs top to bottom as a learner runs it (slow): no error, nothing on
stderr, within the time budget, and printing the figures its text promises."""
import re
import shutil
import time

import nbformat
import pytest
from nbclient import NotebookClient

from autograder.config import load_course

# Timed, so run alone: `make test` runs these after the parallel part, on both cores.
pytestmark = [pytest.mark.slow, pytest.mark.serial]
BUDGET_S = 60  # DECISIONS §15: a notebook's reference run, on 2 cores
CELL_TIMEOUT_S = 120  # the grading timeout: a slow cell fails the budget test, not the setup


@pytest.fixture(scope="module", params=load_course().assignments, ids=lambda a: a.id)
def executed(request, tmp_path_factory):
    assignment = request.param
    nb = nbformat.read(str(assignment.source), as_version=4)
    run_dir = tmp_path_factory.mktemp("run")
    for path in assignment.files:  # helper modules sit next to the notebook, as in release/<id>/
        shutil.copy2(path, run_dir / path.name)
    client = NotebookClient(nb, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                            resources={"metadata": {"path": str(run_dir)}})
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
