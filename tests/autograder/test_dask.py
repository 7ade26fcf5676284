"""Grading on a Dask cluster: a local cluster of worker processes grades a small class, and every
student gets exactly the cell scores that grading in this process's threads gives (slow).
Also: a worker with other hidden tests refuses work, and the gradebook a worker starts from
holds no student."""
import contextlib
import shutil
import sqlite3

import pytest

from autograder.errors import AutograderError
from autograder.grade import grade
from autograder.nbgrader_cli import cell_scores, gradebook_without_submissions
from autograder.notebook import read_notebook, solve, write_notebook
from autograder.sandbox import Chunk, Limits, grade_chunk, isolation
from tests.autograder.test_red_team import ASSIGNMENT, MISTAKE, _insert_after, _twin_score

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.slow
LIMITS = Limits(wall_s=60, memory_mb=1500, grader_memory_mb=3072)


def _class(release, source):
    """{student: (notebook, expected score, expected status text)}."""
    reference = solve(release, source)
    twin = solve(release, source, edits={MISTAKE.cell: MISTAKE.edits})
    first = next(c.metadata["nbgrader"]["grade_id"] for c in source.cells
                 if c.metadata.get("nbgrader", {}).get("solution"))
    return {"reference": (reference, ASSIGNMENT.points, "graded"),
            "blank": (release, 0.0, "graded"),
            "twin": (twin, _twin_score(), "graded"),
            "patches_numpy": (_insert_after(twin, MISTAKE.cell, "import numpy as np\n"
                                            "np.allclose = lambda *a, **k: True"),
                              _twin_score(), "graded"),
            "exits": (_insert_after(reference, first, "import os\nos._exit(3)"), 0.0,
                      "kernel died")}


@pytest.fixture(scope="module")
def graded_both_ways(built_course, tmp_path_factory):
    root = tmp_path_factory.mktemp("dask")
    release = read_notebook(built_course / "release" / ASSIGNMENT.id / ASSIGNMENT.notebook_name)
    students = _class(release, read_notebook(ASSIGNMENT.source))
    for student, (nb, _, _) in students.items():
        write_notebook(nb, root / "subs" / student / ASSIGNMENT.id / ASSIGNMENT.notebook_name)
    graded = {}
    for way in ("threads", "dask"):
        course_dir = root / way
        shutil.copytree(built_course, course_dir)
        if way == "threads":
            results = grade(root / "subs", course_dir=course_dir, workers=2, limits=LIMITS,
                            feedback=False)
        else:
            with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                          dashboard_address=None, memory_limit=0) as cluster, \
                    distributed.Client(cluster) as client, \
                    distributed.get_task_stream(client) as tasks:
                results = grade(root / "subs", course_dir=course_dir, limits=LIMITS,
                                feedback=False, scheduler=cluster.scheduler_address)
                graded["cluster_workers"] = set(client.scheduler_info()["workers"])
            graded["workers"] = {t["worker"] for t in tasks.data}
            graded["tasks"] = len(tasks.data)
        graded[way] = {r.student: r for r in results}
        graded[way + "_dir"] = course_dir
    return students, graded


def test_the_cluster_s_worker_processes_did_the_grading(graded_both_ways):
    students, graded = graded_both_ways
    assert graded["tasks"] >= 2, "the class should be split into chunks"
    assert graded["workers"] and graded["workers"] <= graded["cluster_workers"]


def test_every_student_gets_the_expected_score_on_dask(graded_both_ways):
    students, graded = graded_both_ways
    for student, (_, score, status) in students.items():
        result = graded["dask"][student]
        assert result.score == score and status in result.status, (student, result)
        assert result.isolation == isolation()


def test_dask_and_threads_give_identical_cell_scores_and_gradebooks(graded_both_ways):
    students, graded = graded_both_ways
    stem = ASSIGNMENT.notebook_name.removesuffix(".ipynb")
    for student in students:
        assert graded["dask"][student].cells == graded["threads"][student].cells, student
        in_books = [cell_scores(graded[w + "_dir"], ASSIGNMENT.id, stem, student)
                    for w in ("threads", "dask")]
        assert in_books[0] == in_books[1], student
        expected = graded["dask"][student].cells or None  # an ungraded notebook has no row
        assert in_books[1] == expected, student
        autograded = (graded["dask_dir"] / "autograded" / student / ASSIGNMENT.id
                      / ASSIGNMENT.notebook_name)
        assert autograded.is_file() == graded["dask"][student].graded, student


def test_a_worker_with_other_tests_refuses_the_chunk():
    chunk = Chunk(assignment_id=ASSIGNMENT.id, notebook_name=ASSIGNMENT.notebook_name,
                  config="", gradebook=b"", source={}, notebooks={}, limits=LIMITS, hide=(),
                  uid=123_456, tests="0123456789abcdef")
    with pytest.raises(AutograderError, match="other hidden tests"):
        grade_chunk(chunk)


def test_a_worker_s_gradebook_has_the_assignment_and_no_student(graded_both_ways, tmp_path):
    _, graded = graded_both_ways
    copy = tmp_path / "gradebook.db"
    copy.write_bytes(gradebook_without_submissions(graded["dask_dir"]))
    with contextlib.closing(sqlite3.connect(copy)) as db:
        count = (lambda table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        assert count("student") == count("submitted_assignment") == count("grade") == 0
        assert db.execute("SELECT COUNT(*) FROM assignment WHERE name = ?",
                          (ASSIGNMENT.id,)).fetchone()[0] == 1
        assert count("grade_cells") > 0
    with contextlib.closing(sqlite3.connect(graded["dask_dir"] / "gradebook.db")) as db:
        assert db.execute("SELECT COUNT(*) FROM student").fetchone()[0] >= 4  # left intact
