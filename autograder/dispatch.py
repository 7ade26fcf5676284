"""Handing out chunks of a class to grading workers, and writing what they return.

`grade_sandboxed` cuts the students of one assignment into Chunks (sandbox.py), has each graded
by `sandbox.grade_chunk` in one of N threads here or on the workers of a Dask cluster, and, as
each chunk comes back, writes its results into the course: submitted/, autograded/ and the
gradebook (one session per chunk). Only this process writes the course.
"""
import secrets
import shutil
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from .nbgrader_cli import gradebook_without_submissions, store_submissions
from .sandbox import Chunk, Limits, grade_chunk, tests_fingerprint

__all__ = ["grade_sandboxed"]

UID_RANGE = (100_000, 2**31)  # each chunk's sandbox user is drawn from here at random
CHUNK_MAX = 64  # students per nbgrader run at most; each run costs ~4 s of nbgrader start-up


def grade_sandboxed(course_dir, assignment, notebooks, workers=1, limits=Limits(), hide=(),
                    client=None):
    """Grade {student: notebook}, each chunk by `grade_chunk` in one of `workers` threads here,
    or on the Dask cluster of `client` (a distributed.Client) when given; write every result
    into course_dir's gradebook, submitted/ and autograded/ as its chunk comes back.
    Returns ({student: cells or None}, {student: the reason for None, or a note on the
    grade}, {isolations used})."""
    import nbformat

    course_dir, students = Path(course_dir), sorted(notebooks)
    slots = sum(client.nthreads().values()) if client is not None else max(1, workers)
    # Two chunks a slot at least, so that a slot that ends early takes more; one slot, one chunk
    size = max(1, min(CHUNK_MAX, -(-len(students) // (2 * slots if slots > 1 else 1))))
    source = course_dir / "source" / assignment.id
    common = dict(assignment_id=assignment.id, notebook_name=assignment.notebook_name,
                  config=(course_dir / "nbgrader_config.py").read_text(),
                  gradebook=gradebook_without_submissions(course_dir),
                  source={p.relative_to(source).as_posix(): p.read_bytes()
                          for p in sorted(source.rglob("*")) if p.is_file()},
                  limits=limits, hide=(str(course_dir.resolve()), *map(str, hide)),
                  tests=tests_fingerprint() if client is not None else None)
    groups = [students[i:i + size] for i in range(0, len(students), size)]
    # Every chunk has its own user (no account needed), drawn at random: chunks and grading
    # runs at once never share one, so a clean-up never kills another's kernels.
    uids = secrets.SystemRandom().sample(range(*UID_RANGE), len(groups))
    chunks = [Chunk(notebooks={s: nbformat.writes(notebooks[s]) for s in group}, uid=uid,
                    **common) for group, uid in zip(groups, uids)]
    results, reasons, isolations = {}, {}, set()
    for result in (_on_dask(client, chunks) if client is not None
                   else _on_threads(workers, chunks)):
        _store(course_dir, assignment, notebooks, result)
        isolations.add(result.isolation)
        for student, outcome in result.outcomes.items():
            results[student] = outcome.cells
            if outcome.reason:
                reasons[student] = outcome.reason
    return results, reasons, isolations


def _on_threads(workers, chunks):
    with ThreadPoolExecutor(max(1, workers)) as pool:
        for future in as_completed([pool.submit(grade_chunk, c) for c in chunks]):
            yield future.result()


def _on_dask(client, chunks):
    from distributed import as_completed as dask_completed
    futures = [client.submit(grade_chunk, c, pure=False) for c in chunks]
    for future in dask_completed(futures):
        yield future.result()


def _store(course_dir, assignment, notebooks, result):
    """Write one chunk's results into the course: files first, then the gradebook."""
    from .notebook import write_notebook

    for student, outcome in result.outcomes.items():
        submitted = course_dir / "submitted" / student / assignment.id
        shutil.rmtree(submitted, ignore_errors=True)
        write_notebook(notebooks[student], submitted / assignment.notebook_name)
        autograded = course_dir / "autograded" / student / assignment.id
        shutil.rmtree(autograded, ignore_errors=True)
        for path, data in outcome.files.items():
            (autograded / path).parent.mkdir(parents=True, exist_ok=True)
            (autograded / path).write_bytes(data)
    store_submissions(course_dir, assignment.id,
                      {s: o.record for s, o in result.outcomes.items() if o.cells is not None},
                      ungraded=[s for s, o in result.outcomes.items() if o.cells is None])
    (course_dir / "logs").mkdir(exist_ok=True)
    for first, log in result.logs.items():
        (course_dir / "logs" / f"autograde-{assignment.id}-{first}.log").write_text(log)
