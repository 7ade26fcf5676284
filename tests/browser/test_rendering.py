"""Every released notebook renders in the learner's JupyterLab (slow): markdown, MathJax, images;
and a notebook's plots show when it runs. A deliberately broken notebook proves the check sees
each kind of fault."""
import re

import nbformat
import pytest
from nbformat.v4 import new_markdown_cell

from autograder.config import load_course
from autograder.notebook import read_notebook, solve

from .jupyterlab import NO_PLAYWRIGHT, write_scratch

pytestmark = [pytest.mark.slow, pytest.mark.browser]
expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect
PLOTTING = "c1w3_planar_classification"  # quick to run, seven figures
PLOT_CALL = re.compile(r"\b(plt\.\w+|plot_\w+|show_\w+)\(")  # pyplot or shared_utils.plotting


@pytest.mark.parametrize("assignment", load_course().assignments, ids=lambda a: a.id)
def test_released_notebook_renders(learner, assignment):
    notebook = learner.open_notebook(f"{assignment.id}/{assignment.notebook_name}")
    problems = notebook.render_problems()
    learner.shoot(f"render-{assignment.id}")
    assert not problems, "\n".join(problems)
    assert learner.outside == [], f"requests left the machine: {learner.outside}"


def test_the_render_check_sees_each_kind_of_fault(learner):
    faults = {"Broken brace $\\frac{1}{2$ here": "unrendered math",
              "Undefined $\\undefinedmacro x$ here": "MathJax error",
              "Missing ![a picture](not_there.png)": "image not shown",
              "**bold ** by mistake": "raw bold/emphasis markers",
              "#NoSpaceHeading": "a raw heading marker"}
    cells = [new_markdown_cell("Fine: $x^2$, $$\\frac{a}{b}$$ and `a ** 2` in code.")]
    cells += [new_markdown_cell(text) for text in faults]
    write_scratch(learner.server.root / "broken.ipynb", cells)
    problems = learner.open_notebook("broken.ipynb").render_problems()
    for index, kind in enumerate(faults.values(), start=1):
        assert any(p.startswith(f"cell {index}: {kind}") for p in problems), (kind, problems)
    assert not any(p.startswith("cell 0:") for p in problems), problems


def test_plots_show_when_a_notebook_runs(learner):
    """The solved notebook (as a learner who finished it has it), run with Run All: every cell
    that plots shows a PNG of real size (matplotlib inline)."""
    assignment = load_course().get(PLOTTING)
    release_path = learner.server.root / assignment.id / assignment.notebook_name
    solved = solve(read_notebook(release_path), read_notebook(assignment.source))
    name = f"{assignment.id}/solved_{assignment.notebook_name}"
    nbformat.write(solved, str(learner.server.root / name))
    plotting = [i for i, c in enumerate(solved.cells) if c.cell_type == "code" and any(
        PLOT_CALL.search(line) for line in c.source.splitlines()
        if not line.lstrip().startswith(("import", "from")))]
    assert plotting, f"{PLOTTING} no longer plots: choose another notebook"

    notebook = learner.open_notebook(name)
    notebook.run_all(learner)
    errors = notebook.cells.locator("[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.all_inner_texts()
    for index in plotting:
        images = notebook.images(index)
        assert images, f"cell {index} plots but shows no picture"
        for width, height, src in images:
            assert src.startswith("data:image/png") and width > 50 and height > 50, (index, src)
    notebook.show(plotting[-2])
    learner.shoot("plots-shown")
    bars = [i for i, c in enumerate(solved.cells) if "tqdm(" in c.source]
    for index in bars:  # tqdm's carriage returns redraw one line, up to 100 %
        expect(notebook.output(index)).to_contain_text("100%|")
    if bars:
        notebook.show(bars[0])
        learner.shoot("progress-bar")
    assert not notebook.render_problems()
