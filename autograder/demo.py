"""Stage `demo`: build the course, grade a small embedded class, print the scores.

For every assignment the class is made from the release and the reference answers:
  ada  -- answers everything correctly                      -> full marks
  ben  -- hands in the release untouched                     -> 0
  cy   -- answers the first half of the exercises            -> exactly the points of those
  dee  -- makes a mistake, then edits its test cells to `pass` -> what eve gets
  eve  -- makes the same mistake and leaves the tests alone
so the run shows that a tampered test cell is restored and scores as if it had been intact.
"""
import shutil

from .build import build
from .config import REPO_ROOT, load_course
from .grade import grade, print_results
from .mutants import mutants_for
from .notebook import (grade_cells, grade_id, owners, read_notebook, solution_cells, solve,
                       tamper, write_notebook)

__all__ = ["demo", "DEMO_DIR"]

DEMO_DIR = REPO_ROOT / "build" / "demo"


def _points(nb):
    return {grade_id(c): float(c.metadata["nbgrader"]["points"]) for c in grade_cells(nb)}


def _class(assignment, release, source):
    """{student: (notebook, description of the expected score, expected score or None)}."""
    points, owner = _points(source), owners(source)
    answers = [grade_id(c) for c in solution_cells(source)]
    half = set(answers[: len(answers) // 2])
    mistake = max(mutants_for(assignment.id), key=lambda m: sum(points[g] for g in m.loses))
    wrong = solve(release, source, edits={mistake.cell: mistake.edits})
    its_tests = {gid: "pass" for gid, o in owner.items() if o == mistake.cell}
    total = sum(points.values())
    return {
        "ada": (solve(release, source), "full marks", total),
        "ben": (release, "zero", 0.0),
        "cy": (solve(release, source, ids=half), "first half only",
               sum(p for gid, p in points.items() if owner[gid] in half)),
        "dee": (tamper(wrong, its_tests), "same as eve", None),
        "eve": (wrong, f"mistake: {mistake.name}", total - sum(points[g] for g in mistake.loses)),
    }


def demo(root=DEMO_DIR):
    """Run the demo; True when every student scored what was expected."""
    shutil.rmtree(root, ignore_errors=True)
    course = load_course()
    course_dir = build(root / "course", course=course)
    expected = {}
    for a in course.assignments:
        release = read_notebook(course_dir / "release" / a.id / a.notebook_name)
        for student, (nb, why, score) in _class(a, release, read_notebook(a.source)).items():
            write_notebook(nb, root / "submitted" / student / a.id / a.notebook_name)
            expected[(student, a.id)] = (why, score)
    print(f"grading {len(expected)} submissions (one notebook run each) ...", flush=True)
    results = grade(root / "submitted", course_dir=course_dir, workers=2)
    print_results(results)
    by_key = {(r.student, r.assignment): r for r in results}
    ok = True
    print("\nexpectations:")
    for (student, aid), (why, score) in expected.items():
        if score is None:  # the tamperer: scored as if the test cells were intact
            score = by_key[("eve", aid)].score
        got = by_key[(student, aid)].score
        ok &= got == score
        print(f"  {'ok' if got == score else 'MISMATCH':<8} {student:<4} {aid:<28} expected "
              f"{score:>4g}, got {got:>4g}  ({why})")
    print(f"\ngradebook {course_dir / 'gradebook.db'}\ngrades    {course_dir / 'grades.csv'}\n"
          f"feedback  {course_dir / 'feedback'}/<student>/<assignment>/")
    print("demo passed" if ok else "demo FAILED: a score differs from what was expected")
    return ok
