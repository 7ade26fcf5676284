"""A JupyterLab server for the browser tests, started with `make lab`'s own command
(`autograder.lab.server_command`) on 127.0.0.1, a free port and a token; stopped with its whole
process group, and the kernels it started, whatever happened in the test."""
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psutil

from autograder.lab import server_command

__all__ = ["Server", "running"]

START_TIMEOUT_S = 120  # a cold start on a busy 2-core machine takes 5 to 20 s
STOP_TIMEOUT_S = 20


@dataclass(frozen=True)
class Server:
    url: str      # http://127.0.0.1:<port>
    token: str
    root: Path    # the folder JupyterLab serves
    log: Path     # its stdout and stderr

    def address(self, path="lab"):
        """The address of `path` on this server, with the token."""
        return f"{self.url}/{path}{'&' if '?' in path else '?'}token={self.token}"

    def api(self, path, method="GET"):
        """Call the REST API; the decoded JSON answer (None when empty)."""
        request = urllib.request.Request(self.address(f"api/{path}"), method=method)
        with urllib.request.urlopen(request, timeout=10) as answer:
            body = answer.read()
            return json.loads(body) if body else None


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path, lines=40):
    return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])


def _wait_ready(server, process):
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited ({process.returncode}):\n{_tail(server.log)}")
        try:
            if server.api("status") is not None:
                return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError(f"JupyterLab not ready after {START_TIMEOUT_S} s:\n{_tail(server.log)}")


def _stop(process):
    """SIGTERM to the server's process group (Jupyter then shuts its kernels down), SIGKILL if
    it lingers, then end any kernel it left: kernels run in process groups of their own."""
    try:
        family = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        family = []
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    for child in family:  # psutil refuses a pid that was reused in the meantime
        with contextlib.suppress(psutil.NoSuchProcess):
            child.kill()


@contextlib.contextmanager
def running(root, scratch, config_dir=None, cwd=None, keep_log=None):
    """Serve `root` for the duration of the block. `scratch` is a private temporary folder (the
    server's log, runtime files and IPython profile go there); `keep_log` is where to copy the
    log at the end (the test artifacts)."""
    token, port = secrets.token_hex(16), _free_port()
    argv, env = server_command(Path(root), port=port, token=token, config_dir=config_dir)
    env.update(JUPYTER_RUNTIME_DIR=str(scratch / "runtime"), IPYTHONDIR=str(scratch / "ipython"))
    server = Server(f"http://127.0.0.1:{port}", token, Path(root), scratch / "jupyter.log")
    with open(server.log, "w") as log:
        process = subprocess.Popen(argv, env=env, cwd=cwd or root, stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait_ready(server, process)
        yield server
    finally:
        _stop(process)
        if keep_log is not None:
            keep_log.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(server.log, keep_log)
