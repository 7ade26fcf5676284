"""Stage `grade`: a folder of submissions -> gradebook, grades.csv and feedback HTML.

Submissions are laid out as nbgrader's `submitted/<student>/<assignment id>/<notebook>.ipynb`.
Only the notebook itself is taken from a submission (extra files could shadow imports). A
submission that cannot be graded -- notebook missing or unreadable, or a kernel that died -- is
reported with score 0 and its reason, and never stops the others from being graded.
"""
import contextlib
import csv
from dataclasses import dataclass, field
from pathlib import Path

from shared_utils.datasets import build_all

from .build import build
from .config import DEFAULT_COURSE_DIR, load_course
from .dispatch import grade_sandboxed
from .errors import AutograderError
from .feedback import generate_feedback
from .notebook import read_notebook
from .sandbox import Limits
from .summary import write_cell_summary

__all__ = ["Result", "find_submissions", "grade", "write_csv", "print_results"]


@dataclass
class Result:
    student: str
    assignment: str
    score: float
    max_score: float
    status: str = "graded"                           # or why it could not be graded
    cells: dict = field(default_factory=dict)        # grade id -> (score, max)
    feedback: list = field(default_factory=list)     # feedback HTML paths
    note: str = ""                                   # e.g. points withdrawn, a page withheld
    isolation: str = ""                              # the sandbox it ran in: 'full' or 'limits'

    @property
    def graded(self):
        return self.status == "graded"


def find_submissions(folder, course):
    """[(student, assignment, path to the student's assignment folder)], sorted."""
    folder = Path(folder)
    if (folder / "submitted").is_dir():
        folder = folder / "submitted"
    if not folder.is_dir():
        raise AutograderError(f"no such folder of submissions: {folder}")
    found = []
    for student_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        for assignment_dir in sorted(p for p in student_dir.iterdir() if p.is_dir()):
            found.append((student_dir.name, course.get(assignment_dir.name), assignment_dir))
    if not found:
        raise AutograderError(f"{folder} holds no <student>/<assignment id>/ folders")
    return found


def _load(assignment, folder):
    """The submitted notebook, or the reason it cannot be graded."""
    path = folder / assignment.notebook_name
    if not path.is_file():
        return None, f"no {assignment.notebook_name} in the submission"
    try:
        return read_notebook(path), None
    except AutograderError as exc:
        return None, f"unreadable notebook ({str(exc).split('(', 1)[-1].rstrip(')')})"


def _grade_assignment(course_dir, assignment, submissions, workers, limits, hide, feedback,
                      client):
    results, notebooks = {}, {}
    for student, folder in submissions:
        nb, problem = _load(assignment, folder)
        if problem:
            results[student] = Result(student, assignment.id, 0.0, assignment.points, problem)
        else:
            notebooks[student] = nb
    scores, reasons, isolations = (
        grade_sandboxed(course_dir, assignment, notebooks, workers, limits, hide, client)
        if notebooks else ({}, {}, set()))
    used = "+".join(sorted(isolations))
    for student, cells in scores.items():
        if cells is None:
            results[student] = Result(student, assignment.id, 0.0, assignment.points,
                                      reasons[student], isolation=used)
        else:
            results[student] = Result(student, assignment.id, sum(s for s, _ in cells.values()),
                                      sum(m for _, m in cells.values()), cells=cells,
                                      note=reasons.get(student, ""), isolation=used)
    graded = [s for s, r in results.items() if r.graded]
    if graded and feedback:
        pages, withheld = generate_feedback(course_dir, assignment.id, graded)
        for student in graded:
            results[student].feedback = pages[student]
            results[student].note = "; ".join(
                n for n in (results[student].note, withheld.get(student, "")) if n)
    return [results[s] for s, _ in submissions]


@contextlib.contextmanager
def _dask_client(scheduler):
    """A distributed.Client for `scheduler` (an address, or a Client used as it is), or None."""
    if scheduler is None or not isinstance(scheduler, str):
        yield scheduler
        return
    try:
        from distributed import Client
    except ImportError:
        raise AutograderError("grading on a Dask cluster needs the package `distributed` "
                              "(pip install -r requirements.txt)") from None
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise AutograderError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        if not client.nthreads():
            raise AutograderError(f"the Dask scheduler at {scheduler} has no workers")
        yield client


def write_csv(results, path):
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["student_id", "assignment_id", "score", "max_score", "status"])
        for r in results:
            writer.writerow([r.student, r.assignment, f"{r.score:g}", f"{r.max_score:g}", r.status])


def grade(submissions, course_dir=DEFAULT_COURSE_DIR, workers=1, limits=Limits(),
          feedback=True, scheduler=None):
    """Grade every submission under `submissions`, `workers` notebooks at once, each in its
    own sandbox; return the Results (also in grades.csv and cell_summary.csv). With
    `scheduler` (a Dask scheduler's address, or a distributed.Client) the notebooks are graded
    on that cluster's workers instead, as many at once as they have threads. feedback=False
    skips the feedback pages (the grading benchmark compares with plain autograde)."""
    course = load_course()
    course_dir = Path(course_dir).resolve()
    found = find_submissions(submissions, course)
    build_all()  # the kernels read the datasets but may not write them
    results = []
    with _dask_client(scheduler) as client:
        for assignment in dict.fromkeys(a for _, a, _ in found):
            if not (course_dir / "release" / assignment.id).is_dir():
                build(course_dir, ids=[assignment.id], course=course)
            batch = [(s, folder) for s, a, folder in found if a == assignment]
            results += _grade_assignment(course_dir, assignment, batch, workers, limits,
                                         hide=[Path(submissions).resolve()], feedback=feedback,
                                         client=client)
    write_csv(results, course_dir / "grades.csv")
    write_cell_summary(results, course_dir / "cell_summary.csv")
    return results


def print_results(results):
    width = max([7] + [len(r.student) for r in results])
    print(f"{'student':<{width}}  {'assignment':<28} {'score':>6} {'max':>5}  status")
    for r in results:
        print(f"{r.student:<{width}}  {r.assignment:<28} {r.score:>6g} {r.max_score:>5g}  "
              f"{r.status}{'; ' + r.note if r.note else ''}")
