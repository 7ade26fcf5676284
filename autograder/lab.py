"""`make lab`: JupyterLab on a learner's own copy of the released assignments.

The release is copied to `lab/<assignment id>/` once; a learner's edits there are never
overwritten by a later build. The instructor-only nbgrader extensions (formgrader, create
assignment, course list) are switched off; validate and the assignment list stay on. Nothing
asks the network: no news feed, no update check, no extension manager looking at PyPI.

`server_command` is the one way the server is started, by `make lab` and by the browser tests
(`tests/browser/`), so that what the tests see is what a learner gets.
"""
import json
import os
import shutil
import sys

from .build import build
from .config import DEFAULT_COURSE_DIR, REPO_ROOT, load_course

__all__ = ["lab", "prepare", "server_command", "write_config", "LAB_DIR"]

LAB_DIR = REPO_ROOT / "lab"
_INSTRUCTOR_ONLY_LAB = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                        "@jupyter/nbgrader:course-list")
_INSTRUCTOR_ONLY_SERVER = ("nbgrader.server_extensions.formgrader",
                           "nbgrader.server_extensions.course_list")
# JupyterLab's "get official Jupyter news?" prompt: a question about the network, on every start
_ASKS_THE_NETWORK_LAB = ("@jupyterlab/apputils-extension:announcements",)
_EXCHANGE = ".exchange"  # lab/.exchange/<course id>/outbound/<id>/: the release, as published
_OFFLINE_SERVER = {"LabApp": {"news_url": None,
                              "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
                              "extension_manager": "readonly"}}


def write_config(config_dir, learner=True, course_id=None):
    """A Jupyter config folder that needs no network; for a learner, without the instructor's
    nbgrader tools, and with nbgrader's exchange in the folder `config_dir` sits in."""
    disabled = _ASKS_THE_NETWORK_LAB + (_INSTRUCTOR_ONLY_LAB if learner else ())
    server = dict(_OFFLINE_SERVER)
    if learner:
        server["ServerApp"] = {"jpserver_extensions": {n: False for n in _INSTRUCTOR_ONLY_SERVER}}
    (config_dir / "labconfig").mkdir(parents=True, exist_ok=True)
    (config_dir / "labconfig" / "page_config.json").write_text(json.dumps(
        {"disabledExtensions": {name: True for name in disabled}}, indent=1))
    (config_dir / "jupyter_server_config.json").write_text(json.dumps(server, indent=1))
    if learner:  # the learner's kernel: this interpreter, the grader's tests fenced off
        spec = config_dir / "data" / "kernels" / "python3"
        spec.mkdir(parents=True, exist_ok=True)
        (spec / "kernel.json").write_text(json.dumps({
            "argv": [sys.executable, "-m", "autograder.lab_kernel", "-f", "{connection_file}"],
            "display_name": "Python 3 (ipykernel)", "language": "python"}, indent=1))
        folder = config_dir.parent.resolve()
        exchange = {"root": str(folder / _EXCHANGE), "cache": str(folder / _EXCHANGE / "cache"),
                    "assignment_dir": str(folder)}
        (config_dir / "nbgrader_config.json").write_text(json.dumps(
            {"CourseDirectory": {"course_id": course_id}, "Exchange": exchange}, indent=1))
    return config_dir


def _publish(course, course_dir, lab_dir):
    """The release in a private exchange, so that nbgrader's Assignment List shows each
    assignment as fetched (lab/<id>/ exists) or ready to fetch again (the learner deleted it)."""
    root = lab_dir / _EXCHANGE / course.course_id
    for sub in ("inbound", "feedback"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for a in course.assignments:
        shutil.rmtree(root / "outbound" / a.id, ignore_errors=True)
        shutil.copytree(course_dir / "release" / a.id, root / "outbound" / a.id)


def prepare(lab_dir=LAB_DIR, course_dir=DEFAULT_COURSE_DIR):
    """Copy each release that the learner does not have yet; return the folder to open."""
    course = load_course()
    missing = [a.id for a in course.assignments if not (course_dir / "release" / a.id).is_dir()]
    if missing:
        print(f"building the release of {len(missing)} assignment(s) in {course_dir} (once; "
              "a few seconds each)", flush=True)
        build(course_dir, ids=missing, course=course)
    for a in course.assignments:
        if not (lab_dir / a.id).exists():
            shutil.copytree(course_dir / "release" / a.id, lab_dir / a.id)
    _publish(course, course_dir, lab_dir)
    write_config(lab_dir / ".jupyter", course_id=course.course_id)
    return lab_dir


def server_command(folder, port=8888, token=None, config_dir=None):
    """(argv, environment) of a JupyterLab server on `folder`, on loopback only.

    The kernel is this interpreter (the project's environment, where `shared_utils` is
    installed): environment paths come before a user's own kernel specs, and a learner's
    config brings its own kernel spec first, which fences off the hidden tests (lab_kernel.py).
    `token=None` lets Jupyter make one up and print it in the URL.
    """
    config_dir = folder / ".jupyter" if config_dir is None else config_dir
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(config_dir), JUPYTER_PREFER_ENV_PATH="1")
    if (config_dir / "data" / "kernels").is_dir():  # a learner's: the fenced kernel comes first
        paths = [str(config_dir / "data"), env.get("JUPYTER_PATH")]
        env["JUPYTER_PATH"] = os.pathsep.join(filter(None, paths))
    env.pop("MPLBACKEND", None)  # a backend set for a terminal would hide the inline plots
    argv = [sys.executable, "-m", "jupyter", "lab", f"--notebook-dir={folder}",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--no-browser"]
    if token is not None:
        argv += [f"--IdentityProvider.token={token}", "--ServerApp.port_retries=0"]
    if os.geteuid() == 0:  # containers and CI machines run as root; Jupyter refuses without this
        argv.append("--allow-root")
    return argv, env


def lab(port=8888):
    folder = prepare()
    argv, env = server_command(folder, port=port)
    print(f"JupyterLab on {folder} (Ctrl+C to stop); open the http://127.0.0.1 address it "
          "prints below", flush=True)
    os.execve(sys.executable, argv, env)
