"""Running nbgrader's own commands in a course directory, and reading its gradebook.

nbgrader runs as a child process (`python -m nbgrader ...`) with the course directory as its
working directory, exactly as an instructor would run it by hand, so what we test is what they
get. Scores are read from the gradebook, never from nbgrader's exit code (autograding.md §0).
"""
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

from .errors import AutograderError

__all__ = ["nbgrader", "error_summary", "cell_scores", "gradebook_url", "read_submissions",
           "store_submissions", "gradebook_without_submissions"]


def _kernel_env():
    env = dict(os.environ)
    # nbgrader runs helper programs (alembic) by name: find them beside this interpreter
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONHASHSEED"] = "0"          # same set/dict order on every run: deterministic grades
    env.setdefault("MPLBACKEND", "Agg")  # plots never need a display while grading
    return env


def nbgrader(course_dir, *args, check=True):
    """Run `nbgrader <args>` in `course_dir`; return the CompletedProcess.

    With check=True a non-zero exit becomes AutograderError carrying nbgrader's error lines.
    """
    proc = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course_dir,
                          capture_output=True, text=True, env=_kernel_env())
    if check and proc.returncode != 0:
        raise AutograderError(f"nbgrader {args[0]} failed in {course_dir}: {error_summary(proc)}")
    return proc


def error_summary(proc):
    """The most telling line of a failed nbgrader run: its last exception, else its last error."""
    lines = proc.stderr.splitlines()
    exceptions = [ln.strip() for ln in lines if re.match(r"\s*[\w.]+(Error|Exception): ", ln)]
    errors = [ln.strip() for ln in lines if "ERROR" in ln]
    return (exceptions or errors or lines or ["no output"])[-1]


def gradebook_url(course_dir):
    return f"sqlite:///{Path(course_dir).resolve() / 'gradebook.db'}"


def cell_scores(course_dir, assignment_id, notebook_id, student_id):
    """{grade_id: (score, max_score)} for one graded notebook, or None if it was not graded."""
    from nbgrader.api import Gradebook, MissingEntry  # heavy import: only when reading grades

    with Gradebook(gradebook_url(course_dir)) as gb:
        try:
            nb = gb.find_submission_notebook(notebook_id, assignment_id, student_id)
        except MissingEntry:
            return None
        if any(g.score is None for g in nb.grades):  # execution failed: nothing was scored
            return None
        return {g.name: (float(g.score), float(g.max_score)) for g in nb.grades}


def read_submissions(course_dir, assignment_id, notebook_id, students):
    """{student: (cells, record)} for each graded one of `students`, read in one session:
    cells as cell_scores gives them, and the record `store_submissions` writes elsewhere
    (timestamp, scores, comments and flags, as plain data). Ungraded students are left out."""
    from nbgrader.api import Gradebook, MissingEntry

    found = {}
    with Gradebook(gradebook_url(course_dir)) as gb:
        for student in students:
            try:
                submission = gb.find_submission(assignment_id, student)
                nb = gb.find_submission_notebook(notebook_id, assignment_id, student)
            except MissingEntry:
                continue
            if any(g.score is None for g in nb.grades):  # execution failed: nothing was scored
                continue
            cells = {g.name: (float(g.score), float(g.max_score)) for g in nb.grades}
            found[student] = (cells, {
                "timestamp": submission.timestamp,
                "grades": {(n.name, g.name): (g.auto_score, g.manual_score, g.extra_credit,
                                              g.needs_manual_grade)
                           for n in submission.notebooks for g in n.grades},
                "comments": {(n.name, c.name): (c.auto_comment, c.manual_comment)
                             for n in submission.notebooks for c in n.comments},
                "flags": {n.name: n.flagged for n in submission.notebooks}})
    return found


def store_submissions(course_dir, assignment_id, records, ungraded=()):
    """Write graded submissions ({student: record from read_submissions}) into the course's
    gradebook in one session, replacing earlier ones; the `ungraded` students' earlier
    submissions are removed, so no stale score outlives a failed regrade."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(gradebook_url(course_dir)) as gb, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nbgrader's own add/remove trip SQLAlchemy warnings
        for student in [*records, *ungraded]:
            try:
                gb.remove_submission(assignment_id, student)
            except MissingEntry:
                pass
        for student, record in records.items():
            gb.update_or_create_student(student)
            merged = gb.add_submission(assignment_id, student, timestamp=record["timestamp"])
            for nb in merged.notebooks:  # the new rows, through their relations: few queries
                nb.flagged = record["flags"].get(nb.name, False)
                for grade in nb.grades:
                    if (nb.name, grade.name) in record["grades"]:
                        (grade.auto_score, grade.manual_score, grade.extra_credit,
                         grade.needs_manual_grade) = record["grades"][nb.name, grade.name]
                for comment in nb.comments:
                    if (nb.name, comment.name) in record["comments"]:
                        comment.auto_comment, comment.manual_comment = \
                            record["comments"][nb.name, comment.name]
        gb.db.commit()


_SUBMISSION_TABLES = ("comment", "grade", "submitted_notebook", "submitted_assignment", "student")


def gradebook_without_submissions(course_dir):
    """The bytes of a copy of the course's gradebook with its assignments and cells but no
    students or submissions: what a grading worker starts from, small whatever the class."""
    import sqlite3

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "gradebook.db"
        shutil.copy2(Path(course_dir) / "gradebook.db", copy)
        with contextlib.closing(sqlite3.connect(copy)) as db:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables >= set(_SUBMISSION_TABLES):
                raise AutograderError(f"{course_dir}/gradebook.db is not an nbgrader gradebook")
            for table in _SUBMISSION_TABLES:  # children first
                db.execute(f"DELETE FROM {table}")
            db.commit()
            db.execute("VACUUM")
        return copy.read_bytes()
