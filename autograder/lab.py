"""`make lab`: JupyterLab on a learner's own copy of the released assignments.

The release is copied to `lab/<assignment id>/` once; a learner's edits there are never
overwritten by a later build. The instructor-only nbgrader extensions (formgrader, create
assignment) are switched off; validate and the assignment list stay on.
"""
import json
import os
import shutil
import sys

from .build import build
from .config import DEFAULT_COURSE_DIR, REPO_ROOT, load_course

__all__ = ["lab", "LAB_DIR"]

LAB_DIR = REPO_ROOT / "lab"
_INSTRUCTOR_ONLY_LAB = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment")
_INSTRUCTOR_ONLY_SERVER = ("nbgrader.server_extensions.formgrader",)


def _learner_config(config_dir):
    (config_dir / "labconfig").mkdir(parents=True, exist_ok=True)
    (config_dir / "labconfig" / "page_config.json").write_text(json.dumps(
        {"disabledExtensions": {name: True for name in _INSTRUCTOR_ONLY_LAB}}, indent=1))
    (config_dir / "jupyter_server_config.json").write_text(json.dumps(
        {"ServerApp": {"jpserver_extensions": {n: False for n in _INSTRUCTOR_ONLY_SERVER}}},
        indent=1))


def prepare(lab_dir=LAB_DIR, course_dir=DEFAULT_COURSE_DIR):
    """Copy each release that the learner does not have yet; return the folder to open."""
    course = load_course()
    missing = [a.id for a in course.assignments if not (course_dir / "release" / a.id).is_dir()]
    if missing:
        build(course_dir, ids=missing, course=course)
    for a in course.assignments:
        if not (lab_dir / a.id).exists():
            shutil.copytree(course_dir / "release" / a.id, lab_dir / a.id)
    _learner_config(lab_dir / ".jupyter")
    return lab_dir


def lab(port=8888):
    folder = prepare()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(folder / ".jupyter"))
    print(f"JupyterLab on {folder} (Ctrl+C to stop)", flush=True)
    argv = [sys.executable, "-m", "jupyter", "lab", f"--notebook-dir={folder}", f"--port={port}",
            "--no-browser"]
    if os.geteuid() == 0:  # containers and CI machines run as root; Jupyter refuses without this
        argv.append("--allow-root")
    os.execve(sys.executable, argv, env)
