"""Grading submissions in sandboxes, several at once, for `grade`.

Each worker owns a slot: a private course directory (config, gradebook copy, source) in a
root-only temporary folder, a kernel spec that starts `sandbox_kernel`, and its own
unprivileged user id. A worker grades a chunk of students with one `nbgrader autograde`; every
notebook runs in its own kernel, sandboxed (see sandbox_kernel.py), so a submission that
crashes, loops, eats memory, forks or floods its output loses its own grade only. If nbgrader
itself dies (an output flood can exhaust its memory), the chunk's students are graded again
one by one, so the culprit alone is left without a grade. Results go back into the course's
gradebook and autograded/ folder from the parent process only; a kernel never sees them.
Grades are the same whatever the number of workers: each notebook gets a fresh kernel.
"""
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from .config import REPO_ROOT
from .nbgrader_cli import _kernel_env, cell_scores, forget_submissions, merge_submission
from .notebook import write_notebook

__all__ = ["Limits", "isolation", "grade_sandboxed"]

UID_RANGE = (100_000, 2**31)  # each grading run draws its own block of user ids from it
CHUNK = 8           # students per nbgrader run


@dataclass(frozen=True)
class Limits:
    wall_s: int = 600        # one notebook, start to end (nbgrader also stops a cell at 120 s)
    memory_mb: int = 3072    # address space of the kernel
    processes: int = 16      # processes of the sandbox user (a kernel needs one)
    file_mb: int = 64        # largest file the kernel may write
    scratch_mb: int = 256    # the kernel's private /tmp
    grader_memory_mb: int = 8192  # the nbgrader process that collects the outputs


def isolation():
    """'full' (own user, mounts and no network) when this process may set them up, else
    'limits' (resource limits and the wall-clock watchdog only)."""
    if os.geteuid() != 0:
        return "limits"
    probe = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True)
    return "full" if probe.returncode == 0 else "limits"


_PROBE = """
import ctypes, tempfile
libc = ctypes.CDLL(None, use_errno=True)
assert libc.unshare(0x00020000 | 0x40000000) == 0
assert libc.mount(None, b"/", None, 16384 | (1 << 18), None) == 0
assert libc.mount(b"none", tempfile.mkdtemp().encode(), b"tmpfs", 0, b"size=1m") == 0
"""


def _hidden_paths(course_dir, extra):
    """What a kernel must not see: the repository, the course, the submissions, homes, /tmp."""
    paths = ["/tmp", "/var/tmp", "/root", "/home", str(REPO_ROOT), str(course_dir),
             *map(str, extra)]
    return sorted({p for p in paths if os.path.isdir(p)}, key=len)


def _revealed_paths(runtime_dir):
    """What a kernel needs besides its notebook's folder: Python, the venv, shared_utils, the
    data (read-only) and its socket folder."""
    from shared_utils.datasets import data_dir
    paths = [sys.base_prefix, sys.prefix, str(REPO_ROOT / "shared_utils"), str(data_dir()),
             str(runtime_dir)]
    return sorted(dict.fromkeys(os.path.realpath(p) for p in paths), key=len)


class _Slot:
    """One worker's private course directory and kernel spec."""

    def __init__(self, root, k, first_uid, course_dir, assignment, limits, isolate, hide):
        self.dir, self.uid = root / f"slot{k}", first_uid + k
        self.course_dir, self.assignment, self.limits = course_dir, assignment, limits
        self.isolate, self.hide = isolate, hide

    def _prepare(self, notebooks):
        shutil.rmtree(self.dir, ignore_errors=True)
        course = self.dir / "course"
        course.mkdir(parents=True)
        config = (self.course_dir / "nbgrader_config.py").read_text()
        runtime = self.dir / "runtime"  # the kernel's sockets: files, since it has no network
        (course / "nbgrader_config.py").write_text(
            config + f'\nc.KernelManager.transport = "ipc"\nc.KernelManager.ip = "{runtime}/k"\n')
        shutil.copy2(self.course_dir / "gradebook.db", course / "gradebook.db")
        forget_submissions(course, self.assignment.id, notebooks)  # no stale scores to read
        shutil.copytree(self.course_dir / "source" / self.assignment.id,
                        course / "source" / self.assignment.id)
        for student, nb in notebooks.items():
            write_notebook(nb, course / "submitted" / student / self.assignment.id
                           / self.assignment.notebook_name)
        runtime.mkdir()
        settings = dict(asdict(self.limits), uid=self.uid, isolate=self.isolate,
                        hide=_hidden_paths(self.course_dir, self.hide),
                        reveal=_revealed_paths(runtime),
                        writable=[os.path.realpath(runtime)],
                        error_log=str(self.dir / "kernel-errors.log"),
                        preload=[f"autograder.hidden.{self.assignment.id}",
                                 f"shared_utils.checks.{self.assignment.id}"])
        (self.dir / "kernel.json").write_text(json.dumps(settings))
        spec = self.dir / "jupyter" / "kernels" / "python3"
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text(json.dumps({
            "argv": [sys.executable, "-m", "autograder.sandbox_kernel",
                     str(self.dir / "kernel.json"), "-f", "{connection_file}"],
            "display_name": "Python 3 (sandboxed grading)", "language": "python"}))
        return course

    def grade(self, notebooks):
        """{student: (cells or None, log)}; the nbgrader run's output is the log."""
        course = self._prepare(notebooks)
        env = dict(_kernel_env(), JUPYTER_PATH=str(self.dir / "jupyter"),
                   JUPYTER_RUNTIME_DIR=str(self.dir / "runtime"),
                   TMPDIR=str(self.dir / "runtime"),  # where nbclient writes connection files
                   OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
        memory = self.limits.grader_memory_mb * 1024 * 1024
        limit = (lambda: __import__("resource").setrlimit(
            __import__("resource").RLIMIT_AS, (memory, memory)))
        timeout = self.limits.wall_s * len(notebooks) + 120
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "nbgrader", "autograde", self.assignment.id, "--force"],
                cwd=course, env=env, capture_output=True, text=True, timeout=timeout,
                preexec_fn=limit, start_new_session=True)
            log = proc.stdout + proc.stderr
        except subprocess.TimeoutExpired as exc:
            log = f"nbgrader ran past {timeout} s and was stopped\n{exc.stderr or ''}"
        stem = Path(self.assignment.notebook_name).stem
        done = {s for s in notebooks  # nbgrader removes the folder of a run that failed
                if (course / "autograded" / s / self.assignment.id).is_dir()}
        return {s: (cell_scores(course, self.assignment.id, stem, s) if s in done else None, log)
                for s in notebooks}

    def cleanup(self):
        if self.isolate:
            from .sandbox_kernel import kill_user
            kill_user(self.uid)


def _reason(log, student, slot_dir):
    """Why a student's notebook got no grade: the sandbox's own verdict, else nbgrader's."""
    stops = slot_dir / "kernel-errors.log"
    for line in stops.read_text().splitlines() if stops.exists() else ():
        if line.startswith("sandbox stopped") and f"/autograded/{student}/" in line:
            return "stopped: " + line.rsplit(": ", 1)[-1]
    lines = [ln.strip() for ln in log.splitlines() if student in ln or "Error" in ln]
    for needle, why in (("CellTimeoutError", "a cell ran past the time limit"),
                        ("DeadKernelError", "the kernel died (crash, exit, or a limit: time, "
                                            "memory or processes)"),
                        ("MemoryError", "it ran out of memory"),
                        ("was stopped", "grading ran past the time limit")):
        if any(needle in ln for ln in lines) or needle in log:
            return why
    errors = [ln for ln in lines if "Error" in ln]
    return "the notebook could not be run" + (f" ({errors[-1][:120]})" if errors else "")


def grade_sandboxed(course_dir, assignment, notebooks, workers=1, limits=Limits(), hide=()):
    """Grade {student: notebook}; merge every graded submission into course_dir's gradebook and
    autograded/ folder. Returns {student: cells} with cells None and the reason in `reasons`."""
    course_dir, students = Path(course_dir), sorted(notebooks)
    isolate = isolation() == "full"
    root = Path(tempfile.mkdtemp(prefix="autograder-sandbox-"))
    os.chmod(root, 0o711)
    size = max(1, min(CHUNK, -(-len(students) // max(1, workers))))  # every worker gets work
    chunks = [students[i:i + size] for i in range(0, len(students), size)]
    free = list(range(workers))
    # Slot k runs as first_uid + k (no account needed). Drawn at random per run, so two runs
    # at once (two instructors, two test workers) never share a user and never kill each
    # other's kernels when they clean up.
    first_uid = secrets.randbelow((UID_RANGE[1] - UID_RANGE[0]) // 1024) * 1024 + UID_RANGE[0]
    lock, results, reasons = threading.Lock(), {}, {}

    def record(slot, graded, log_name):
        """Keep one nbgrader run's outcome, reading the slot before it is used again."""
        with lock:
            log = next(iter(graded.values()))[1]
            (course_dir / "logs").mkdir(exist_ok=True)
            (course_dir / "logs" / f"autograde-{assignment.id}-{log_name}.log").write_text(log)
            for student, (cells, _) in graded.items():
                results[student] = cells
                if cells is None:
                    reasons[student] = _reason(log, student, slot.dir)
                else:
                    _collect(slot.dir / "course", course_dir, assignment.id, student)

    def run(chunk):
        with lock:
            k = free.pop()
        slot = _Slot(root, k, first_uid, course_dir, assignment, limits, isolate, hide)
        try:
            graded = slot.grade({s: notebooks[s] for s in chunk})
            if len(chunk) > 1 and all(cells is None for cells, _ in graded.values()):
                for student in chunk:  # nbgrader itself died: one at a time, culprit alone
                    record(slot, slot.grade({student: notebooks[student]}), student)
            else:
                record(slot, graded, chunk[0])
        finally:
            slot.cleanup()
            with lock:
                free.append(k)

    try:
        with ThreadPoolExecutor(max(1, workers)) as pool:
            list(pool.map(run, chunks))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return results, reasons


def _collect(slot_course, course_dir, assignment_id, student):
    """Copy one graded submission's files and gradebook rows into the course."""
    for stage in ("submitted", "autograded"):
        target = course_dir / stage / student / assignment_id
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(slot_course / stage / student / assignment_id, target)
    merge_submission(slot_course, course_dir, assignment_id, student)
