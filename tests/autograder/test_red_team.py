"""Red team: one submission per attack on the grader, graded in one class with 2 workers, each
with the exact outcome it must get (slow). The class also holds an honest reference and an
honest mistake (the twin); every cheat is built on the twin, so a cheat that works shows up as
more points than the twin's. Attacks that break the run are built on the reference, so their
0 is the sandbox's doing. Needs root for the full sandbox (CI and this machine run as root).
"""

import nbformat
import pytest

from autograder.config import REPO_ROOT, load_course
from autograder.grade import grade
from autograder.judge import judged_names
from autograder.mutants import mutants_for
from autograder.nbgrader_cli import cell_scores
from autograder.notebook import grade_id, owners, read_notebook, solve, tamper, write_notebook
from autograder.sandbox import Limits
from tests.helpers import course_copy, require_full_sandbox

pytestmark = [pytest.mark.slow]
ASSIGNMENT = load_course().get("c1w2_logistic_regression")
MISTAKE = next(m for m in mutants_for(ASSIGNMENT.id) if m.name == "sigmoid with the wrong sign")
LIMITS = Limits(wall_s=40, memory_mb=1500, grader_memory_mb=3072)

# Attacks that end the run: (name, code) -> score 0 and a reason containing the third item
BREAKERS = [
    ("os_exit", "import os\nos._exit(3)", "kernel died"),
    ("sigkill_self", "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)", "kernel died"),
    ("cpu_loop", "while True:\n    pass", "ran longer than the 40 s limit"),
    ("sleeps", "import time\ntime.sleep(3600)", "ran longer than the 40 s limit"),
    ("memory_bomb", "import numpy as np\nhog = []\nwhile True:\n    hog.append(np.ones(10**7))",
     "used more than the 1500 MB memory limit"),
    ("fork_bomb", "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n"
                  "        pass", "started more than 16 processes"),
    # Past the capped streams, straight onto the kernel's output socket: nbgrader itself runs
    # out of memory, and only this student may lose the grade (the rest of its chunk is
    # graded again alone)
    ("floods_the_output_socket", "k = get_ipython().kernel\nfor _ in range(3000):\n"
     "    k.session.send(k.iopub_socket, 'stream', {'name': 'stdout', 'text': 'x' * 10**6},\n"
     "                   parent=k.get_parent('shell'))", ""),
]
# Floods built on the reference, graded as the reference: printed output is cut at 8 MB (with
# a note); what is written to the kernel's own file descriptor 1 goes nowhere (not into the
# grader's memory or logs). Each with the size of the output kept, in MB: (at least, below)
FLOODS = [
    ("prints_3_gb", "import sys\nfor _ in range(3000):\n    sys.stdout.write('x' * 10**6)",
     (8, 9)),
    ("writes_300_mb_to_fd_1", "import os\nfor _ in range(300):\n    os.write(1, b'x' * 10**6)",
     (0, 1)),
]
# Cheats on the twin: (name, code inserted after the mistaken solution cell) -> twin's score
CHEATS = [
    ("patches_numpy", "import numpy as np\nnp.allclose = lambda *a, **k: True\n"
                      "np.isclose = lambda a, b, **k: np.ones(np.shape(a), bool)\n"
                      "np.array_equal = lambda *a, **k: True\n"
                      "np.testing.assert_allclose = lambda *a, **k: None"),
    ("patches_builtins", "import builtins\nbuiltins.abs = lambda x: 0 * x\n"
                         "builtins.all = lambda values: True"),
    ("patches_checks", "import shared_utils.checks.c1w2_logistic_regression as chk\n"
                       "chk.sigmoid_test = lambda f: None\nsigmoid_test = lambda f: None"),
    ("patches_inside_its_function", "_wrong = sigmoid\ndef sigmoid(z):\n"
                                    "    import numpy\n    numpy.allclose = lambda *a, **k: True\n"
                                    "    return _wrong(z)"),
    ("replaces_run_hidden", "import autograder.hidden as h\nh.run_hidden = lambda *a: None"),
    ("prints_success", "print('All tests passed.')\nprint('sigmoid: hidden tests passed.')"),
    ("writes_a_shadowing_module", "open('numpy.py', 'w').write('allclose = lambda *a: True')"),
    ("imports_the_reference", "from autograder.hidden.c1w2_logistic_regression import "
                              "reference_sigmoid as sigmoid"),
    # Past the names the guard restores, into the interpreter: every function object in memory,
    # and what run_hidden's closure holds. The references live in the judge, not here.
    ("reaches_the_references_in_memory",
     "import gc\nimport autograder.hidden as _hidden\n"
     "_held = [c.cell_contents for c in getattr(_hidden.run_hidden, '__closure__', None) or ()]\n"
     "_found = [m.reference_sigmoid for h in _held if isinstance(h, dict) for m in h.values()\n"
     "          if hasattr(m, 'reference_sigmoid')]\n"
     "_found += [o for o in gc.get_objects()\n"
     "           if callable(o) and getattr(o, '__name__', '') == 'reference_sigmoid']\n"
     "if _found:\n    sigmoid = _found[0]\n"),
    # The function object stays (the guard sees the same `fail`), its code becomes a no-op: in
    # this kernel no check can fail any more. Checks and hidden tests run in the judge.
    ("rewrites_the_code_of_fail", "import shared_utils.checks._report as _report\n"
                                  "_report.fail.__code__ = (lambda *a, **k: None).__code__"),
]
# Built on the reference: the judge's client patched at class level (the guard restores module
# attributes, not classes), so every test cell passes in the notebook without asking the judge.
# The worker scores those cells from the judge's verdicts: only cells the judge has no part in
# (none here) keep their points
SKIPS_THE_JUDGE = ("import autograder.judge as _judge\n"
                   "_judge.Endpoint.request = lambda self, header, values: "
                   "({'passed': True, 'message': ''}, {})")


def _probe(paths):
    """Code that tries to read or write each path and to reach the network, printing what
    happened; the sandbox must block every attempt."""
    return (f"import os, socket\nfor path in {[str(p) for p in paths]!r}:\n"
            "    try:\n"
            "        seen = os.listdir(path) if os.path.isdir(path) else open(path, 'ab')\n"
            "        print(('READ ' if seen else 'BLOCKED ') + path)\n"
            "    except OSError:\n        print('BLOCKED ' + path)\n"
            "for address in [('1.1.1.1', 53), ('127.0.0.1', 22)]:\n"
            "    try:\n        socket.create_connection(address, timeout=3)\n"
            "        print('NETWORK', address)\n"
            "    except OSError:\n        print('BLOCKED network', address)\n")


def _insert_after(nb, cell_id, code):
    nb = tamper(nb, {})
    at = next(i for i, c in enumerate(nb.cells) if grade_id(c) == cell_id) + 1
    nb.cells.insert(at, nbformat.v4.new_code_cell(code))
    return nb


def _class(release, source, secrets):
    reference = solve(release, source)
    twin = solve(release, source, edits={MISTAKE.cell: MISTAKE.edits})
    tests = [gid for gid, owner in owners(source).items() if owner == MISTAKE.cell]
    first_solution = next(grade_id(c) for c in source.cells
                          if c.metadata.get("nbgrader", {}).get("solution"))
    students = {"reference": reference, "twin": twin,
                "probes_files_and_network": _insert_after(reference, first_solution,
                                                          _probe(secrets))}
    for name, code, _ in BREAKERS + FLOODS:
        students[name] = _insert_after(reference, first_solution, code)
    for name, code in CHEATS:
        students[name] = _insert_after(twin, MISTAKE.cell, code)
    students["skips_the_judge"] = _insert_after(reference, first_solution, SKIPS_THE_JUDGE)
    students["edits_its_tests"] = tamper(twin, {gid: "pass" for gid in tests})
    deleter = tamper(twin, {})
    deleter.cells = [c for c in deleter.cells if grade_id(c) not in tests]
    students["deletes_its_tests"] = deleter
    raiser = tamper(twin, {})
    for cell in raiser.cells:
        if grade_id(cell) in tests:
            cell.metadata["nbgrader"]["points"] = 100
    students["raises_its_points"] = raiser
    retyped = tamper(twin, {})
    for i, cell in enumerate(retyped.cells):
        if grade_id(cell) in tests:
            retyped.cells[i] = nbformat.v4.new_markdown_cell("all good", metadata=cell.metadata)
    students["retypes_its_tests"] = retyped
    return students


@pytest.fixture(scope="module")
def graded(built_course, tmp_path_factory):
    require_full_sandbox()
    root, course_dir = course_copy(built_course, tmp_path_factory, "red_team")
    release = read_notebook(course_dir / "release" / ASSIGNMENT.id / ASSIGNMENT.notebook_name)
    secrets = [ASSIGNMENT.source, REPO_ROOT / "autograder" / "hidden", course_dir / "gradebook.db",
               course_dir / "source", root / "subs", REPO_ROOT / ".git"]
    students = _class(release, read_notebook(ASSIGNMENT.source), secrets)
    for student, nb in students.items():
        write_notebook(nb, root / "subs" / student / ASSIGNMENT.id / ASSIGNMENT.notebook_name)
    shadow = root / "subs" / "ships_a_shadowing_module" / ASSIGNMENT.id
    write_notebook(students["reference"], shadow / ASSIGNMENT.notebook_name)
    (shadow / "numpy.py").write_text("raise SystemExit('shadowed')\n")
    results = grade(root / "subs", course_dir=course_dir, workers=2, limits=LIMITS)
    return {r.student: r for r in results}, root


def _twin_score():
    points = {grade_id(c): float(c.metadata["nbgrader"]["points"])
              for c in read_notebook(ASSIGNMENT.source).cells if c.metadata.get("nbgrader", {})
              .get("grade")}
    return ASSIGNMENT.points - sum(points[g] for g in MISTAKE.loses)


def test_honest_students_are_graded_normally(graded):
    results, _ = graded
    assert results["reference"].score == ASSIGNMENT.points
    assert results["twin"].score == _twin_score() < ASSIGNMENT.points
    assert results["ships_a_shadowing_module"].score == ASSIGNMENT.points


@pytest.mark.parametrize("name,kept", [(n, k) for n, _, k in FLOODS])
def test_a_flood_of_output_is_cut_and_graded_normally(graded, name, kept):
    results, root = graded
    assert results[name].score == ASSIGNMENT.points, results[name].status
    graded_nb = read_notebook(root / "course" / "autograded" / name / ASSIGNMENT.id
                              / ASSIGNMENT.notebook_name)
    printed = "".join(o.get("text", "") for c in graded_nb.cells if c.cell_type == "code"
                      for o in c.get("outputs", []))
    assert kept[0] * 2**20 <= len(printed) < kept[1] * 2**20
    assert ("kept the first 8 MB of printed output" in printed) == (kept[0] > 0)
    logs = list((root / "course" / "logs").glob("*.log"))
    assert logs and all(log.stat().st_size < 2**20 for log in logs)


def test_the_gradebook_holds_exactly_the_graded_students(graded):
    results, root = graded
    stem = ASSIGNMENT.notebook_name.removesuffix(".ipynb")
    for student, result in results.items():
        in_book = cell_scores(root / "course", ASSIGNMENT.id, stem, student)
        assert in_book == (result.cells if result.graded else None), student


@pytest.mark.parametrize("name,reason", [(n, r) for n, _, r in BREAKERS])
def test_an_attack_that_breaks_the_run_scores_zero_with_a_reason(graded, name, reason):
    results, _ = graded
    result = results[name]
    assert not result.graded and result.score == 0, (result.status, result.score)
    assert reason in result.status


@pytest.mark.parametrize("name", [n for n, _ in CHEATS] + [
    "edits_its_tests", "deletes_its_tests", "raises_its_points", "retypes_its_tests"])
def test_a_cheat_scores_what_the_honest_mistake_scores(graded, name):
    results, _ = graded
    assert results[name].graded, results[name].status
    assert (results[name].score, results[name].max_score) == (_twin_score(), ASSIGNMENT.points)


def test_a_kernel_that_skips_the_judge_gets_no_test_points(graded):
    results, root = graded
    source = read_notebook(ASSIGNMENT.source)
    unjudged = sum(c.metadata["nbgrader"]["points"] for c in source.cells
                   if c.metadata.get("nbgrader", {}).get("grade")
                   and not judged_names(c.source, ASSIGNMENT.id))
    assert results["skips_the_judge"].graded, results["skips_the_judge"].status
    assert results["skips_the_judge"].score == unjudged < ASSIGNMENT.points
    graded_nb = read_notebook(root / "course" / "autograded" / "skips_the_judge"
                              / ASSIGNMENT.id / ASSIGNMENT.notebook_name)
    printed = "".join(o.get("text", "") for c in graded_nb.cells if c.cell_type == "code"
                      for o in c.get("outputs", []))
    assert "sigmoid: hidden tests passed." in printed  # the notebook claimed every pass
    judged = [grade_id(c) for c in source.cells if c.metadata.get("nbgrader", {}).get("grade")
              and judged_names(c.source, ASSIGNMENT.id)]
    note = results["skips_the_judge"].note  # the instructor is told why the passes earned 0
    assert note.startswith(f"no points for {', '.join(judged)}: "), note
    assert not any("no points for" in r.note for r in results.values()
                   if r.student != "skips_the_judge"), "only the cheat loses points this way"


def test_a_kernel_reads_no_secret_writes_nothing_shared_and_has_no_network(graded):
    results, root = graded
    assert results["probes_files_and_network"].score == ASSIGNMENT.points
    graded_nb = read_notebook(root / "course" / "autograded" / "probes_files_and_network"
                              / ASSIGNMENT.id / ASSIGNMENT.notebook_name)
    printed = "".join(o.get("text", "") for c in graded_nb.cells if c.cell_type == "code"
                      for o in c.get("outputs", []))
    assert printed.count("BLOCKED ") == 8 and "READ " not in printed and "NETWORK" not in printed
