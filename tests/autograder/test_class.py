"""A class of 50 mixed submissions graded with 2 workers, every score checked against what the
submission was built to get; then part of it graded again, serially, for identical grades
(slow). Expected scores come from the mutants' declared `loses`, never from a grading run.
"""
import shutil

import pytest

from autograder.config import load_course
from autograder.grade import grade
from autograder.mutants import mutants_for
from autograder.notebook import grade_id, owners, read_notebook, solve, write_notebook

pytestmark = pytest.mark.slow
ASSIGNMENT = load_course().get("c1w2_logistic_regression")


def _expected_class(release, source):
    """{student: (notebook, expected score)}: 50 students of every kind."""
    points = {grade_id(c): float(c.metadata["nbgrader"]["points"]) for c in source.cells
              if c.metadata.get("nbgrader", {}).get("grade")}
    owner = owners(source)
    answers = [grade_id(c) for c in source.cells
               if c.metadata.get("nbgrader", {}).get("solution")]
    kinds = [("full", solve(release, source), ASSIGNMENT.points), ("blank", release, 0.0)]
    for k in range(1, len(answers)):  # the first k exercises answered
        done = set(answers[:k])
        kinds.append((f"first{k}", solve(release, source, ids=done),
                      sum(p for gid, p in points.items() if owner[gid] in done)))
    for i, m in enumerate(mutants_for(ASSIGNMENT.id)):
        kinds.append((f"mutant{i}", solve(release, source, edits={m.cell: m.edits}),
                      ASSIGNMENT.points - sum(points[g] for g in m.loses)))
    return {f"s{n:02d}_{kinds[n % len(kinds)][0]}": kinds[n % len(kinds)][1:]
            for n in range(50)}


@pytest.fixture(scope="module")
def graded_class(built_course, tmp_path_factory):
    root = tmp_path_factory.mktemp("class")
    course_dir = root / "course"
    shutil.copytree(built_course, course_dir)
    release = read_notebook(course_dir / "release" / ASSIGNMENT.id / ASSIGNMENT.notebook_name)
    students = _expected_class(release, read_notebook(ASSIGNMENT.source))
    for student, (nb, _) in students.items():
        write_notebook(nb, root / "subs" / student / ASSIGNMENT.id / ASSIGNMENT.notebook_name)
    results = {r.student: r for r in grade(root / "subs", course_dir=course_dir, workers=2)}
    return root, students, results


def test_fifty_students_with_two_workers_each_get_their_expected_score(graded_class):
    _, students, results = graded_class
    assert len(results) == 50
    wrong = {s: (r.score, students[s][1]) for s, r in results.items()
             if not r.graded or r.score != students[s][1]}
    assert not wrong, f"(got, expected): {wrong}"


def test_grading_again_serially_gives_identical_cell_scores(graded_class, tmp_path):
    root, students, results = graded_class
    again = tmp_path / "subs"
    for student in sorted(students)[::5]:  # 10 of them, every kind of the first 10
        shutil.copytree(root / "subs" / student, again / student)
    course_dir = tmp_path / "course"
    shutil.copytree(root / "course", course_dir)
    for r in grade(again, course_dir=course_dir, workers=1):
        assert r.cells == results[r.student].cells, r.student
