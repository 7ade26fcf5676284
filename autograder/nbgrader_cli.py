"""Running nbgrader's own commands in a course directory, and reading its gradebook.

nbgrader runs as a child process (`python -m nbgrader ...`) with the course directory as its
working directory, exactly as an instructor would run it by hand, so what we test is what they
get. Scores are read from the gradebook, never from nbgrader's exit code (autograding.md §0).
"""
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

from .errors import AutograderError

__all__ = ["nbgrader", "error_summary", "cell_scores", "gradebook_url", "merge_submission",
           "forget_submissions"]


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


def merge_submission(source_course, target_course, assignment_id, student_id):
    """Copy one student's graded submission (scores, comments, flags) from the gradebook of
    `source_course` into that of `target_course`, replacing any earlier one there."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(gradebook_url(source_course)) as src:
        submission = src.find_submission(assignment_id, student_id)
        timestamp = submission.timestamp
        grades = {(nb.name, g.name): (g.auto_score, g.manual_score, g.extra_credit,
                                      g.needs_manual_grade)
                  for nb in submission.notebooks for g in nb.grades}
        comments = {(nb.name, c.name): (c.auto_comment, c.manual_comment)
                    for nb in submission.notebooks for c in nb.comments}
        flags = {nb.name: nb.flagged for nb in submission.notebooks}
    forget_submissions(target_course, assignment_id, [student_id])
    with Gradebook(gradebook_url(target_course)) as dst, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # as nbgrader's own add_submission does, see above
        dst.update_or_create_student(student_id)
        merged = dst.add_submission(assignment_id, student_id, timestamp=timestamp)
        for (notebook, cell), values in grades.items():
            grade = dst.find_grade(cell, notebook, assignment_id, student_id)
            (grade.auto_score, grade.manual_score, grade.extra_credit,
             grade.needs_manual_grade) = values
        for (notebook, cell), (auto, manual) in comments.items():
            comment = dst.find_comment(cell, notebook, assignment_id, student_id)
            comment.auto_comment, comment.manual_comment = auto, manual
        for nb in merged.notebooks:
            nb.flagged = flags.get(nb.name, False)
        dst.db.commit()


def forget_submissions(course_dir, assignment_id, students):
    """Remove these students' earlier submissions of the assignment from the gradebook."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(gradebook_url(course_dir)) as gb, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nbgrader's own removal trips SQLAlchemy warnings
        for student in students:
            try:
                gb.remove_submission(assignment_id, student)
            except MissingEntry:
                pass
