"""The grading kernel: an IPython kernel that runs one submission's code in a sandbox.

nbgrader starts a kernel for every notebook it grades; in a sandboxed grading run the kernel
spec points here (see sandbox.py). This launcher starts as the grader's user and, before any
learner code runs:
  1. forks the judge (judge/): a process that keeps the grader's user, outside the sandbox,
     and alone imports the hidden tests; the kernel reaches it through a socket only, and
     only the judge writes the verdicts file the worker scores hidden-test cells from;
     then imports the public checks, so they are in memory while their files are hidden below;
  2. with root rights: enters its own mount and network namespaces (no network at all), lays
     an empty tmpfs over /tmp, /root, /home, the repository, the course and the submissions,
     and brings back read-only only what the kernel needs: Python, the venv, shared_utils,
     the datasets, this notebook's own folder and the kernel's socket folder;
  3. sets resource limits (memory, processes, file size, CPU seconds, open files), starts a
     root watchdog that kills everything of the sandbox user after the notebook's wall-clock
     limit, and becomes that unprivileged user;
then runs ipykernel in this same process, its own stdout and stderr sent to /dev/null and what
the notebook prints capped (`output_mb`). Without root rights only step 3's limits and the
watchdog apply (sandbox.isolation() says which).

    python -m autograder.sandbox_kernel <settings.json> -f <connection file>
"""
import contextlib
import ctypes
import importlib
import importlib.util
import json
import os
import resource
import signal
import socket
import sys
import time
import traceback

CLONE_NEWNS, CLONE_NEWNET = 0x00020000, 0x40000000
MS_RDONLY, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 1, 32, 4096, 16384, 1 << 18
_libc = ctypes.CDLL(None, use_errno=True)


def _check(result, what):
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def _mount(source, target, fstype, flags, data=None):
    enc = (lambda s: None if s is None else s.encode())
    _check(_libc.mount(enc(source), enc(target), enc(fstype), flags, enc(data)),
           f"mount {target}")


def _kept_flags(path):
    """The mount flags of `path` that a read-only remount must repeat (statvfs bits -> MS_)."""
    flags = os.statvfs(path).f_flag
    pairs = ((2, 2), (4, 4), (8, 8), (1024, 1024), (2048, 2048), (4096, 1 << 21))
    return sum(ms for st, ms in pairs if flags & st)  # nosuid nodev noexec noatime ... relatime


def _preload(names):
    """Import the guard, the judge's client and the public checks now, while their files are
    visible (what they import comes along)."""
    for name in ("autograder.guard", "autograder.judge", *names):
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)


def _start_judge(settings, verdicts, notebook):
    """Fork the judge, which runs this notebook's hidden tests (judge/); return the
    kernel's end of their socket. The judge stays the grader's user, outside the namespaces
    the kernel enters, and dies with the kernel."""
    ours, theirs = socket.socketpair()
    if os.fork() == 0:
        try:
            ours.close()
            _libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: die with the kernel
            os.setpgid(0, 0)  # out of the kernel's group (see _watchdog)
            memory = 2 * settings["memory_mb"] * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
            from .judge import serve
            serve(theirs, verdicts, notebook, assignments=settings["judged"])
        finally:
            os._exit(0)
    theirs.close()
    return ours


def _isolate(settings):
    """Own mount and network namespaces; hide everything but what the kernel needs."""
    paths = [*settings["reveal"], os.getcwd()]  # the notebook's own folder, no other
    reveal = sorted((p for p in dict.fromkeys(paths) if os.path.exists(p)), key=len)
    _check(_libc.unshare(CLONE_NEWNS | CLONE_NEWNET), "unshare")
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    # Opened in the new namespace (a bind source must belong to it) before anything is hidden
    fds = {path: os.open(path, os.O_RDONLY) for path in reveal}
    for path in settings["hide"]:
        if os.path.isdir(path):
            scratch = path == "/tmp"  # the kernel's own /tmp; the others stay empty
            options = f"size={settings['scratch_mb']}m,mode=1777" if scratch else "size=1m,mode=755"
            _mount("none", path, "tmpfs", 0, options)
    for path in reveal:  # parents first: a folder inside another is mounted after it
        os.makedirs(path, exist_ok=True)
        _mount(f"/proc/self/fd/{fds[path]}", path, None, MS_BIND | MS_REC)
        if path not in settings["writable"]:  # keep the flags the kernel insists on
            _mount(None, path, None, MS_REMOUNT | MS_BIND | MS_RDONLY | _kept_flags(path))
        os.close(fds[path])


def _limit(settings):
    mb = 1024 * 1024
    # Hard backstops behind the watchdog: address space at twice the memory limit (a huge
    # allocation fails at once with MemoryError), tasks (threads count) at four times the
    # process limit, CPU seconds at the wall-clock limit.
    for name, value in (("RLIMIT_AS", 2 * settings["memory_mb"] * mb),
                        ("RLIMIT_FSIZE", settings["file_mb"] * mb),
                        ("RLIMIT_NPROC", 4 * settings["processes"]),
                        ("RLIMIT_CPU", settings["wall_s"]),
                        ("RLIMIT_NOFILE", 256), ("RLIMIT_CORE", 0)):
        limit = getattr(resource, name)
        hard = resource.getrlimit(limit)[1]  # never above what the grader already has
        value = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(limit, (value, value))


def kill_user(uid, rounds=50):
    """SIGKILL every process of `uid`: as that user, kill(-1) reaches exactly its processes.
    Repeated until none is left, since a fork bomb's processes fork while the signal goes out."""
    for _ in range(rounds):
        pid = os.fork()
        if pid == 0:
            try:
                os.setgid(uid)
                os.setuid(uid)
                os.kill(-1, signal.SIGKILL)
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
        time.sleep(0.02)
        if _usage(uid)[0] == 0:
            return


def _usage(uid):
    """(processes, resident MB) of everything that runs as `uid`, zombies aside, from /proc."""
    count, rss_kb = 0, 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/status") as f:
                status = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            continue  # it ended meanwhile
        if int(status["Uid"].split()[0]) == uid and not status["State"].strip().startswith("Z"):
            count += 1  # an ended process its parent has not reaped yet holds nothing
            rss_kb += int(status.get("VmRSS", "0 kB").split()[0])
    return count, rss_kb / 1024


def _watchdog(settings, uid, report):
    """A root child that ends the sandbox, and says why in `report`, when the notebook runs
    past its wall-clock limit, or (with a sandbox user) its processes use more memory or are
    more than the limits allow. It leaves quietly when the kernel ends."""
    kernel, notebook = os.getpid(), os.getcwd()
    if os.fork() != 0:
        return
    _libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: die with the kernel
    # Out of the kernel's process group: ipykernel, shutting down, waits for the children of
    # its group to end, and an ended child it does not reap looked alive to it for seconds
    os.setpgid(0, 0)
    started, why = time.monotonic(), None
    while why is None:
        time.sleep(0.25)
        if os.getppid() != kernel:
            os._exit(0)
        if time.monotonic() - started > settings["wall_s"]:
            why = f"it ran longer than the {settings['wall_s']} s limit"
        elif uid is not None:
            count, rss_mb = _usage(uid)  # forked copies share memory: count them first
            if count > settings["processes"]:
                why = f"it started more than {settings['processes']} processes"
            elif rss_mb > settings["memory_mb"]:
                why = f"it used more than the {settings['memory_mb']} MB memory limit"
    report.write(f"sandbox stopped {notebook}: {why}\n")
    report.flush()
    if uid is not None:
        kill_user(uid)
    os.kill(kernel, signal.SIGKILL)
    os._exit(0)


def _become(uid, connection_file, scratch):
    for path in (connection_file, os.path.dirname(connection_file)):
        os.chown(path, uid, uid)
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)
    for name in ("home", "mpl"):
        os.makedirs(os.path.join(scratch, name), exist_ok=True)
    os.environ.update(HOME=os.path.join(scratch, "home"), TMPDIR=scratch,
                      MPLCONFIGDIR=os.path.join(scratch, "mpl"))


def _cap_output(limit_mb):
    """Keep the first `limit_mb` MB of what the notebook prints (both streams, C-level writes
    included: ipykernel routes them here): a print in a long loop must not flood the grader.
    The rest is dropped, with one note. Output sent past these streams can still flood
    nbgrader; the worker then grades the culprit alone (sandbox.py)."""
    left = [limit_mb * 1024 * 1024]
    note = f"\n[the grader kept the first {limit_mb} MB of printed output and dropped the rest]\n"
    for stream in (sys.stdout, sys.stderr):
        def write(text, _write=stream.write):
            if left[0] > 0:
                kept = text[:left[0]]
                left[0] -= len(text)
                _write(kept + note if left[0] <= 0 else kept)
            return len(text)
        stream.write = write


def main(argv):
    with open(argv[0]) as f:
        settings = json.load(f)
    errors = open(settings["error_log"], "a")  # opened now: the sandbox hides its folder
    verdicts = open(settings["verdicts"], "a")  # the judge's; the kernel closes its copy
    # The kernel's own stdout and stderr are nbgrader's, read into the grader's memory: nothing
    # the learner writes there (os.write(1, ...)) may reach them. Notebook output goes by iopub.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    try:
        _start(settings, argv[1:], errors, verdicts)
    except Exception:  # a kernel that cannot start says why in the slot's log, not nowhere
        with contextlib.suppress(ValueError):  # unless it had closed the log already
            traceback.print_exc(file=errors)
            errors.flush()
        raise


def _start(settings, kernel_argv, report, verdicts):
    connection_file = kernel_argv[kernel_argv.index("-f") + 1]
    cwd = os.getcwd()
    judge_socket = _start_judge(settings, verdicts, cwd)
    verdicts.close()  # learner code may not write a verdict
    _preload(settings["preload"])
    uid = settings["uid"] if settings["isolate"] else None
    if uid is not None:
        kill_user(uid)  # anything an earlier notebook of this worker left running
        _isolate(settings)
        os.chdir(cwd)
    _watchdog(settings, uid, report)
    _limit(settings)
    if uid is not None:
        _become(uid, connection_file, "/tmp")
    from ipykernel.kernelapp import IPKernelApp

    from . import guard, judge
    judge.connect(judge_socket)
    for assignment_id in settings["judged"]:  # the public checks run in the judge too
        judge.forward_checks(assignment_id)
    app = IPKernelApp.instance()
    app.initialize(kernel_argv)
    _cap_output(settings["output_mb"])
    if hasattr(app.shell, "_tee"):  # IPython >= 9 keeps every cell's printed text in memory
        app.shell._tee = lambda channel: contextlib.nullcontext()  # grading needs no history
    guard.install(app.shell)  # before any learner code: see guard.py
    report.close()  # the watchdog has its own copy; learner code may not forge its lines
    app.start()


if __name__ == "__main__":
    main(sys.argv[1:])
