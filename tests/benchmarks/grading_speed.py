"""Throughput of grading: plain `nbgrader autograde` against `grade` with 1 and 2 workers.

    python -m tests.benchmarks.grading_speed [--copies 100] [--assignment c1w2_logistic_regression]

Not a test: it takes minutes and wants a quiet machine. It builds a course, makes `copies`
submissions of the assignment (the reference answers), then times, on the same submissions:
  plain     -- one `nbgrader autograde <id>` over all of them in the course (no sandbox);
  workers=1 -- `grade`, sandboxed, one notebook at a time;
  workers=2 -- `grade`, sandboxed, two at once.
`grade` runs without its feedback pages here, as plain autograde writes none.
It prints submissions per minute for each, the isolation's overhead per submission
(workers=1 against plain) and the speed-up of two workers (workers=2 against workers=1).
"""
import argparse
import shutil
import tempfile
import time
from pathlib import Path

from autograder.build import build
from autograder.config import load_course
from autograder.grade import grade
from autograder.grade_core import autograde
from autograder.notebook import read_notebook, solve, write_notebook
from autograder.sandbox import isolation


def _submissions(course_dir, assignment, folder, copies):
    release = read_notebook(course_dir / "release" / assignment.id / assignment.notebook_name)
    nb = solve(release, read_notebook(assignment.source))
    for k in range(copies):
        write_notebook(nb, folder / f"s{k:03d}" / assignment.id / assignment.notebook_name)


def _timed(label, copies, run):
    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    print(f"{label:<10} {seconds:7.1f} s  {60 * copies / seconds:6.1f} submissions/min", flush=True)
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--assignment", default="c1w2_logistic_regression")
    args = parser.parse_args()
    course = load_course()
    assignment = course.get(args.assignment)
    root = Path(tempfile.mkdtemp(prefix="grading-speed-"))
    try:
        course_dir = build(root / "course", ids=[assignment.id], course=course)
        _submissions(course_dir, assignment, course_dir / "submitted", args.copies)
        shutil.copytree(course_dir / "submitted", root / "subs")
        print(f"{args.copies} copies of {assignment.id}; isolation: {isolation()}")
        plain = _timed("plain", args.copies, lambda: autograde(course_dir, assignment.id))
        one = _timed("workers=1", args.copies,
                     lambda: grade(root / "subs", course_dir=course_dir, workers=1,
                                   feedback=False))
        two = _timed("workers=2", args.copies,
                     lambda: grade(root / "subs", course_dir=course_dir, workers=2,
                                   feedback=False))
        print(f"isolation overhead per submission: {100 * (one / plain - 1):+.0f} %; "
              f"two workers: {one / two:.2f}x one worker, {plain / two:.2f}x plain nbgrader")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
