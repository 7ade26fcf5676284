"""Stage `check`: prove each assignment is fit to release, or list exactly what is wrong.

For each assignment, in a throwaway course directory (the real gradebook is never touched):
  1. metadata -- grade ids unique across the course, grade cells locked with points > 0, points
     adding up to the declared total, every grade cell placed after a solution cell;
  2. release  -- no solution, hidden test, output or undeclared file in release/<id>/;
  3. grading  -- autograde as nbgrader does: the reference answers get every point, the released
     stub gets none, and every mutant (a plausible mistake) loses exactly the cells it declares;
  4. time     -- the reference notebook runs within its budget.
"""
import shutil
import time
from pathlib import Path

from .build import build
from .config import REPO_ROOT, load_course
from .grade_core import autograde_submissions
from .mutants import mutants_for
from .notebook import (HIDDEN_MARKERS, SOLUTION_MARKERS, grade_cells, grade_id, is_locked,
                       owners, read_notebook, solution_cells, solve)

__all__ = ["check", "REFERENCE_BUDGET_S"]

REFERENCE_BUDGET_S = 60  # DECISIONS §15: each notebook's reference run, on 2 cores
_LEAK_TEXT = (*SOLUTION_MARKERS, *HIDDEN_MARKERS, "autograder.hidden", "run_hidden")


def _metadata_problems(course):
    problems, seen = [], {}
    for a in course.assignments:
        nb = read_notebook(a.source)
        for cell in grade_cells(nb) + solution_cells(nb):
            gid = grade_id(cell)
            if gid in seen:
                problems.append(f"{a.id}: grade id '{gid}' is also used in {seen[gid]}")
            seen[gid] = a.id
        total = 0.0
        for cell in grade_cells(nb):
            points = cell.metadata["nbgrader"].get("points", 0)
            total += points
            if not is_locked(cell):
                problems.append(f"{a.id}: grade cell '{grade_id(cell)}' is not locked")
            if not points > 0:
                problems.append(f"{a.id}: grade cell '{grade_id(cell)}' has no points")
        if abs(total - a.points) > 1e-9:
            problems.append(f"{a.id}: grade cells add up to {total:g} points, "
                            f"assignments.toml declares {a.points:g}")
        for gid, owner in owners(nb).items():
            if owner is None:
                problems.append(f"{a.id}: grade cell '{gid}' comes before any solution cell")
        tested = set(owners(nb).values())
        for cell in solution_cells(nb):
            if grade_id(cell) not in tested:
                problems.append(f"{a.id}: solution cell '{grade_id(cell)}' has no test cell")
    return problems


def _release_problems(assignment, course_dir):
    problems = []
    release = course_dir / "release" / assignment.id
    expected = {assignment.notebook_name, *(p.name for p in assignment.files)}
    for path in sorted(release.rglob("*")):
        if path.is_file() and path.relative_to(release).as_posix() not in expected:
            problems.append(f"{assignment.id}: release holds an undeclared file {path.name}")
    nb = read_notebook(release / assignment.notebook_name)
    text = (release / assignment.notebook_name).read_text()
    problems += [f"{assignment.id}: release contains '{t}'" for t in _LEAK_TEXT if t in text]
    for cell in nb.cells:
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count):
            problems.append(f"{assignment.id}: release cell has outputs: {cell.source[:40]!r}")
    for cell in solution_cells(nb):
        if "raise NotImplementedError()" not in cell.source:
            problems.append(f"{assignment.id}: solution cell '{grade_id(cell)}' has no stub")
    return problems


def _score_problems(assignment, label, scores, must_lose):
    """Cells in `must_lose` must score 0 (or less than full); all others must score full."""
    if scores is None:
        return [f"{assignment.id}: {label}: the notebook could not be graded"]
    problems = []
    for gid, (score, max_score) in sorted(scores.items()):
        lost = score < max_score
        if lost and gid not in must_lose:
            problems.append(f"{assignment.id}: {label}: '{gid}' scored {score:g}/{max_score:g}, "
                            "expected full marks")
        if not lost and gid in must_lose:
            problems.append(f"{assignment.id}: {label}: '{gid}' scored {score:g}/{max_score:g}, "
                            "expected it to lose points")
    unknown = set(must_lose) - set(scores)
    problems += [f"{assignment.id}: {label}: no grade cell '{gid}'" for gid in sorted(unknown)]
    return problems


def _check_assignment(assignment, course, work_dir, with_mutants, workers):
    course_dir = work_dir / assignment.id
    shutil.rmtree(course_dir, ignore_errors=True)
    build(course_dir, ids=[assignment.id], course=course)
    problems = _release_problems(assignment, course_dir)
    release = read_notebook(course_dir / "release" / assignment.id / assignment.notebook_name)
    source = read_notebook(assignment.source)
    all_cells = {grade_id(c) for c in grade_cells(source)}

    started = time.monotonic()
    scores = autograde_submissions(course_dir, assignment, {"reference": solve(release, source)})
    elapsed = time.monotonic() - started
    problems += _score_problems(assignment, "reference", scores["reference"], set())
    if elapsed > REFERENCE_BUDGET_S:
        problems.append(f"{assignment.id}: the reference took {elapsed:.0f} s to grade "
                        f"(budget {REFERENCE_BUDGET_S} s)")

    cases = {"stub": (release, all_cells)}
    for i, m in enumerate(mutants_for(assignment.id) if with_mutants else [], start=1):
        cases[f"mutant{i:02d}"] = (solve(release, source, edits={m.cell: m.edits}), m.loses)
    labels = {"stub": "released stub"}
    labels.update({f"mutant{i:02d}": f"mutant '{m.name}'"
                   for i, m in enumerate(mutants_for(assignment.id), start=1)})
    scores = autograde_submissions(course_dir, assignment,
                                   {k: nb for k, (nb, _) in cases.items()}, workers=workers)
    for student, (_, must_lose) in cases.items():
        problems += _score_problems(assignment, labels[student], scores[student], must_lose)
    return problems, elapsed, len(cases) - 1


def check(ids=(), with_mutants=True, workers=2, work_dir=None, report=print, course=None):
    """Check the selected assignments; return the list of problems (empty when all is well)."""
    course = course or load_course()
    work_dir = Path(work_dir or REPO_ROOT / "build" / "check")
    problems = _metadata_problems(course)
    for assignment in course.select(ids):
        found, elapsed, mutants = _check_assignment(assignment, course, work_dir, with_mutants,
                                                    workers)
        verdict = "ok" if not found else f"{len(found)} problem(s)"
        report(f"{assignment.id}: reference graded in {elapsed:.1f} s, stub and {mutants} "
               f"mutant(s) checked: {verdict}")
        problems += found
    return problems
