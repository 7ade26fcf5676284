"""The grading worker: one chunk of submissions graded in sandboxes (dispatch.py hands the
chunks out, here or on a Dask cluster, and writes what comes back into the course).

The unit of work is a Chunk: some students' notebooks of one assignment and everything needed to
grade them (nbgrader's config, the assignment's source files, a gradebook without submissions),
as plain data. `grade_chunk` grades a chunk in a root-only temporary folder with one
`nbgrader autograde` run; every notebook runs in its own kernel, sandboxed as the chunk's own
unprivileged user (see sandbox_kernel.py), so a submission that crashes, loops, eats memory,
forks or floods its output loses its own grade only. It returns data too (per student: cell
scores or the reason there are none, the autograded files, the gradebook rows), so the same
function runs in a thread here or on a Dask worker on another machine. Only the process that
dispatched the chunks writes the course: its gradebook (one session per chunk), submitted/
and autograded/; a kernel never sees them.

Hidden tests and public checks run in a judge process beside each kernel (judge/), which
writes its verdicts where the kernel cannot; a test cell keeps nbgrader's score only if the
judge passed what the source cell runs (`_score_from_verdicts`).

If nbgrader itself dies mid-chunk (an output flood can exhaust its memory), it leaves students
ungraded, in no fixed order; each of them is graded again alone, so only the culprit goes
without a grade. A notebook the sandbox stopped keeps the sandbox's verdict. Grades are the same
whatever the number of workers and chunks: each notebook gets a fresh kernel.
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat

from .config import REPO_ROOT
from .errors import AutograderError
from .judge import cell_passes, judged_names, read_verdicts
from .nbgrader_cli import _kernel_env, read_submissions

__all__ = ["Limits", "Chunk", "Outcome", "ChunkResult", "isolation", "tests_fingerprint",
           "grade_chunk"]


@dataclass(frozen=True)
class Limits:
    wall_s: int = 600        # one notebook, start to end (nbgrader also stops a cell at 120 s)
    memory_mb: int = 3072    # address space of the kernel
    processes: int = 16      # processes of the sandbox user (a kernel needs one)
    file_mb: int = 64        # largest file the kernel may write
    scratch_mb: int = 256    # the kernel's private /tmp
    output_mb: int = 8       # printed output kept per notebook (the rest dropped, with a note)
    grader_memory_mb: int = 8192  # the nbgrader process that collects the outputs


@dataclass(frozen=True)
class Chunk:
    """Some students' notebooks of one assignment, and all a worker needs to grade them."""
    assignment_id: str
    notebook_name: str
    config: str          # the course's nbgrader_config.py
    gradebook: bytes     # the course's gradebook without submissions (gradebook_without_...)
    source: dict         # path inside source/<assignment id>/ -> bytes
    notebooks: dict      # student -> notebook as JSON text
    limits: Limits
    hide: tuple          # more folders a kernel must not see (the course, the submissions)
    uid: int             # this chunk's sandbox user
    tests: str | None = None  # for another machine: the sender's `tests_fingerprint()`


@dataclass
class Outcome:
    """One student's result: cells None (and a reason) when the notebook got no grade."""
    cells: dict | None                           # grade id -> (score, max score)
    reason: str = ""                             # why no grade, or a note on the grade
    files: dict = field(default_factory=dict)    # path inside autograded/<s>/<id>/ -> bytes
    record: dict | None = None                   # gradebook rows, see read_submissions


@dataclass
class ChunkResult:
    outcomes: dict       # student -> Outcome
    logs: dict           # first student of an nbgrader run -> its output
    isolation: str       # what the worker could set up: 'full' or 'limits'


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


def tests_fingerprint():
    """A hash of every hidden test and public check, and of the judge that runs them: a worker
    whose copy differs from the machine that sent the chunk would grade against other tests,
    so it refuses."""
    digest = hashlib.sha256()
    paths = [path for folder in ("autograder/hidden", "autograder/judge", "shared_utils")
             for path in sorted((REPO_ROOT / folder).rglob("*.py"))]
    for path in paths:
        digest.update(path.relative_to(REPO_ROOT).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def _hidden_paths(extra):
    """What a kernel must not see: the repository, homes, /tmp (and with it every grading
    folder), and the extra folders (the course, the submissions) where this machine has them."""
    paths = ["/tmp", "/var/tmp", "/root", "/home", str(REPO_ROOT), *map(str, extra)]
    return sorted({p for p in paths if os.path.isdir(p)}, key=len)


def _revealed_paths(runtime_dir):
    """What a kernel needs besides its notebook's folder: Python, the venv, shared_utils, the
    data (read-only) and its socket folder."""
    from shared_utils.datasets import data_dir
    paths = [sys.base_prefix, sys.prefix, str(REPO_ROOT / "shared_utils"), str(data_dir()),
             str(runtime_dir)]
    return sorted(dict.fromkeys(os.path.realpath(p) for p in paths), key=len)


def grade_chunk(chunk):
    """Grade a Chunk here; return its ChunkResult. Runs on any machine with this repository
    and its datasets (a Dask worker included); writes nothing outside its temporary folder."""
    from shared_utils.datasets import build_all

    if chunk.tests is not None and chunk.tests != tests_fingerprint():
        raise AutograderError("this grading worker has other hidden tests than the machine that "
                              "sent the work: install the same version of the course on both")
    build_all()  # the kernels read this machine's datasets (nothing is written if present)
    isolate = isolation() == "full"
    root = Path(tempfile.mkdtemp(prefix="autograder-chunk-"))
    os.chmod(root, 0o711)  # sandbox users may pass through to their own notebook, no more
    try:
        students = sorted(chunk.notebooks)
        outcomes, log, certain = _autograde(chunk, students, root / "run0", isolate)
        logs = {students[0]: log}
        uncertain = [s for s in students if s not in certain] if len(students) > 1 else []
        for k, student in enumerate(uncertain):  # left ungraded by a run of several: alone
            again, logs[student], _ = _autograde(chunk, [student], root / f"alone{k}", isolate)
            outcomes.update(again)
        return ChunkResult(outcomes, logs, "full" if isolate else "limits")
    finally:
        if isolate:
            from .sandbox_kernel import kill_user
            kill_user(chunk.uid)
        shutil.rmtree(root, ignore_errors=True)


def _autograde(chunk, students, folder, isolate):
    """One nbgrader run over `students` in `folder`: (outcomes, its output, the students whose
    outcome is certain: graded, or stopped by the sandbox)."""
    course, runtime = folder / "course", folder / "runtime"  # runtime: the kernels' sockets
    for path, data in chunk.source.items():
        target = course / "source" / chunk.assignment_id / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (course / "gradebook.db").write_bytes(chunk.gradebook)
    (course / "nbgrader_config.py").write_text(  # files, not TCP: the kernel has no network
        chunk.config + f'\nc.KernelManager.transport = "ipc"\nc.KernelManager.ip = "{runtime}/k"\n')
    for student in students:
        target = course / "submitted" / student / chunk.assignment_id / chunk.notebook_name
        target.parent.mkdir(parents=True)
        target.write_text(chunk.notebooks[student])
    runtime.mkdir()
    errors, verdicts = folder / "kernel-errors.log", folder / "verdicts.jsonl"
    settings = dict(asdict(chunk.limits), uid=chunk.uid, isolate=isolate,
                    hide=_hidden_paths(chunk.hide), reveal=_revealed_paths(runtime),
                    writable=[os.path.realpath(runtime)], error_log=str(errors),
                    verdicts=str(verdicts), judged=[chunk.assignment_id],
                    preload=[f"shared_utils.checks.{chunk.assignment_id}"])
    (folder / "kernel.json").write_text(json.dumps(settings))
    spec = folder / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "autograder.sandbox_kernel", str(folder / "kernel.json"),
                 "-f", "{connection_file}"],
        "display_name": "Python 3 (sandboxed grading)", "language": "python"}))
    log = _run_nbgrader(course, folder, chunk, len(students))

    stem = Path(chunk.notebook_name).stem
    done = [s for s in students  # nbgrader removes the folder of a notebook it failed to run
            if (course / "autograded" / s / chunk.assignment_id).is_dir()]
    graded = read_submissions(course, chunk.assignment_id, stem, done)
    stopped = _sandbox_verdicts(errors)
    judged = {Path(notebook).parent.name: tests  # notebook: autograded/<student>/<id>
              for notebook, tests in read_verdicts(verdicts).items()}
    judged_cells = _judged_cells(chunk)
    outcomes = {}
    for student in students:
        if student in graded:
            cells, record = graded[student]
            where = course / "autograded" / student / chunk.assignment_id
            withdrawn = _score_from_verdicts(cells, record, judged_cells,
                                             judged.get(student, {}), stem)
            files = {p.relative_to(where).as_posix(): p.read_bytes()
                     for p in sorted(where.rglob("*")) if p.is_file()}
            note = (f"no points for {', '.join(withdrawn)}: the notebook showed passes the "
                    "judge never gave" if withdrawn else "")
            outcomes[student] = Outcome(cells, note, files=files, record=record)
        else:
            outcomes[student] = Outcome(None, stopped.get(student) or _reason(log, student))
    return outcomes, log, set(graded) | set(stopped)


def _judged_cells(chunk):
    """{grade id: the hidden tests and public checks its cell runs} for the cells of the
    source notebook that run any (the source, not the submission: nbgrader restores test
    cells from it)."""
    from .notebook import grade_cells, grade_id
    nb = nbformat.reads(chunk.source[chunk.notebook_name].decode(), as_version=4)
    defined = re.findall(r"^\s*def (\w+)\(", "\n".join(c.source for c in nb.cells), re.M)
    found = {grade_id(c): judged_names(c.source, chunk.assignment_id, defined)
             for c in grade_cells(nb)}
    return {gid: tests for gid, tests in found.items() if tests}


def _score_from_verdicts(cells, record, judged_cells, verdicts, notebook):
    """A cell that runs hidden tests or public checks keeps its score only if the judge ran
    each of them for this notebook and every run passed: a kernel that fakes a pass, or never
    asks the judge, earns nothing. The score changes in `cells` and in the gradebook `record`;
    returns the grade ids of the cells whose points were withdrawn."""
    withdrawn = []
    for gid, names in judged_cells.items():
        if gid in cells and cells[gid][0] > 0 and not cell_passes(names, verdicts):
            cells[gid] = (0.0, cells[gid][1])
            auto, manual, extra, needs = record["grades"][(notebook, gid)]
            record["grades"][(notebook, gid)] = (0.0, manual, extra, needs)
            withdrawn.append(gid)
    return withdrawn


def _run_nbgrader(course, folder, chunk, count):
    env = dict(_kernel_env(), JUPYTER_PATH=str(folder / "jupyter"),
               JUPYTER_RUNTIME_DIR=str(folder / "runtime"),
               TMPDIR=str(folder / "runtime"),  # where nbclient writes connection files
               OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    memory = chunk.limits.grader_memory_mb * 1024 * 1024
    limit = (lambda: __import__("resource").setrlimit(
        __import__("resource").RLIMIT_AS, (memory, memory)))
    timeout = chunk.limits.wall_s * count + 120
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "nbgrader", "autograde", chunk.assignment_id, "--force"],
            cwd=course, env=env, capture_output=True, text=True, timeout=timeout,
            preexec_fn=limit, start_new_session=True)
        return proc.stdout + proc.stderr
    except subprocess.TimeoutExpired as exc:
        return f"nbgrader ran past {timeout} s and was stopped\n{exc.stderr or ''}"


def _sandbox_verdicts(errors):
    """{student: reason} for each notebook the sandbox's watchdog stopped (its log's lines are
    'sandbox stopped <notebook folder>: <why>')."""
    verdicts = {}
    for line in errors.read_text().splitlines() if errors.exists() else ():
        if line.startswith("sandbox stopped") and "/autograded/" in line:
            folder, why = line.removeprefix("sandbox stopped ").rsplit(": ", 1)
            verdicts[Path(folder).parent.name] = "stopped: " + why
    return verdicts


def _reason(log, student):
    """Why a student's notebook got no grade, from the output of an nbgrader run."""
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
