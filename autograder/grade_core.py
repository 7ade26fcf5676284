"""Autograde notebooks with nbgrader and read back each grade cell's score.

`autograde_submissions` is the one place that turns {student: notebook} into per-cell scores;
`check`, `grade` and `demo` all go through it. With workers > 1 the students are split into
groups, each graded by its own nbgrader process in a copy of the course directory with its own
gradebook (SQLite does not take concurrent writers), so the result equals a serial run.
"""
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .nbgrader_cli import cell_scores, nbgrader
from .notebook import write_notebook

__all__ = ["autograde_submissions", "autograde"]


def autograde(course_dir, assignment_id):
    """`nbgrader autograde <id> --force` in course_dir; its log is kept in logs/."""
    proc = nbgrader(course_dir, "autograde", assignment_id, "--force", check=False)
    log = Path(course_dir) / "logs" / f"autograde-{assignment_id}.log"
    log.parent.mkdir(exist_ok=True)
    log.write_text(proc.stdout + proc.stderr)
    return proc


def _grade_group(course_dir, assignment, notebooks):
    for student, nb in notebooks.items():
        target = course_dir / "submitted" / student / assignment.id
        shutil.rmtree(target, ignore_errors=True)
        write_notebook(nb, target / assignment.notebook_name)
    autograde(course_dir, assignment.id)
    stem = Path(assignment.notebook_name).stem
    return {s: cell_scores(course_dir, assignment.id, stem, s) for s in notebooks}


def _worker_copy(course_dir, k):
    """A private copy of the course (config, source, release, gradebook) for worker k."""
    copy = course_dir / ".workers" / str(k)
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir(parents=True)
    for name in ("nbgrader_config.py", "gradebook.db"):
        shutil.copy2(course_dir / name, copy / name)
    for name in ("source", "release"):
        shutil.copytree(course_dir / name, copy / name)
    return copy


def autograde_submissions(course_dir, assignment, notebooks, workers=1):
    """Grade {student: notebook} for one assignment; return {student: {grade_id: (score, max)}}
    with None for a student whose notebook nbgrader could not grade."""
    course_dir = Path(course_dir)
    students = list(notebooks)
    if workers <= 1 or len(students) <= 1:
        return _grade_group(course_dir, assignment, notebooks)
    groups = [students[k::workers] for k in range(workers)]
    with ThreadPoolExecutor(workers) as pool:
        futures = [pool.submit(_grade_group, _worker_copy(course_dir, k), assignment,
                               {s: notebooks[s] for s in group})
                   for k, group in enumerate(groups) if group]
        results = {}
        for future in futures:
            results.update(future.result())
    return results
