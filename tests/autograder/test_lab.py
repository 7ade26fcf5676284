"""`make lab` without a browser (fast): the learner's config, the private exchange and the server
command. tests/browser/ drives the same server in Chromium."""
import json
import os
import sys

from autograder.config import load_course
from autograder.lab import prepare, server_command, write_config


def _fake_release(course_dir):
    """A release folder per assignment of the manifest, so that prepare() builds nothing."""
    for a in load_course().assignments:
        (course_dir / "release" / a.id).mkdir(parents=True)
        (course_dir / "release" / a.id / a.notebook_name).write_text("{}")
    return course_dir


def test_the_learner_gets_every_assignment_and_the_exchange_lists_them(tmp_path):
    folder = prepare(lab_dir=tmp_path / "lab", course_dir=_fake_release(tmp_path / "course"))
    course = load_course()
    outbound = folder / ".exchange" / course.course_id / "outbound"
    for a in course.assignments:
        assert (folder / a.id / a.notebook_name).is_file()
        assert (outbound / a.id / a.notebook_name).is_file()
    nbgrader = json.loads((folder / ".jupyter" / "nbgrader_config.json").read_text())
    assert nbgrader["CourseDirectory"]["course_id"] == course.course_id
    assert nbgrader["Exchange"]["root"] == str((folder / ".exchange").resolve())
    assert nbgrader["Exchange"]["assignment_dir"] == str(folder.resolve())


def test_learner_config_hides_the_instructor_and_asks_no_network(tmp_path):
    config = write_config(tmp_path / "learner", course_id="dls-numpy")
    disabled = json.loads((config / "labconfig" / "page_config.json").read_text())
    assert set(disabled["disabledExtensions"]) == {
        "@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
        "@jupyter/nbgrader:course-list", "@jupyterlab/apputils-extension:announcements"}
    server = json.loads((config / "jupyter_server_config.json").read_text())
    assert server["ServerApp"]["jpserver_extensions"] == {
        "nbgrader.server_extensions.formgrader": False,
        "nbgrader.server_extensions.course_list": False}
    assert server["LabApp"]["news_url"] is None
    assert server["LabApp"]["extension_manager"] == "readonly"


def test_instructor_config_keeps_every_nbgrader_tool(tmp_path):
    config = write_config(tmp_path / "instructor", learner=False)
    disabled = json.loads((config / "labconfig" / "page_config.json").read_text())
    assert list(disabled["disabledExtensions"]) == ["@jupyterlab/apputils-extension:announcements"]
    assert "ServerApp" not in json.loads((config / "jupyter_server_config.json").read_text())
    assert not (config / "nbgrader_config.json").exists()


def test_server_command_is_loopback_with_the_projects_kernel(tmp_path, monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "Agg")
    argv, env = server_command(tmp_path, port=9999, token="secret")
    assert argv[:4] == [sys.executable, "-m", "jupyter", "lab"]
    assert "--ServerApp.ip=127.0.0.1" in argv and "--ServerApp.port=9999" in argv
    assert "--IdentityProvider.token=secret" in argv and "--ServerApp.port_retries=0" in argv
    assert ("--allow-root" in argv) == (os.geteuid() == 0)
    assert env["JUPYTER_CONFIG_DIR"] == str(tmp_path / ".jupyter")
    assert env["JUPYTER_PREFER_ENV_PATH"] == "1"  # this .venv's python3 kernel before a user's
    assert "MPLBACKEND" not in env  # the kernel's default, inline, shows the plots
    argv, _ = server_command(tmp_path)  # `make lab`: Jupyter makes up the token and prints it
    assert not any(a.startswith("--IdentityProvider.token") for a in argv)


def test_the_learner_s_kernel_cannot_import_the_hidden_tests(tmp_path):
    """The kernel `make lab` starts for a learner: shared_utils imports, the grader's tests do
    not (slow-ish: one real kernel, a few seconds)."""
    import nbclient
    import nbformat

    config = write_config(tmp_path / "lab" / ".jupyter", course_id="dls-numpy")
    _, env = server_command(tmp_path / "lab", config_dir=config)
    spec = json.loads((config / "data" / "kernels" / "python3" / "kernel.json").read_text())
    assert spec["argv"][:3] == [sys.executable, "-m", "autograder.lab_kernel"]
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import shared_utils.checks.c1w2_logistic_regression"),
                nbformat.v4.new_code_cell("import autograder.hidden.c1w2_logistic_regression"),
                nbformat.v4.new_code_cell("from autograder.mutants import mutants_for")]
    saved = dict(os.environ)
    os.environ.update(env)  # the kernel spec is found as the lab server would find it
    try:
        nbclient.NotebookClient(nb, kernel_name="python3", allow_errors=True,
                                timeout=60).execute()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    errors = [[o for o in c.outputs if o.output_type == "error"] for c in nb.cells]
    assert errors[0] == []
    for cell in errors[1:]:
        assert cell and cell[0].ename == "ModuleNotFoundError"
        assert "belongs to the grader" in cell[0].evalue
