"""Bad input to the command line: one clear line on stderr, a non-zero exit, no traceback."""
import subprocess
import sys

import pytest

from autograder.grade import grade


def _run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "autograder", *args], capture_output=True,
                          text=True, cwd=cwd)


@pytest.mark.parametrize("args,message", [
    (("check", "c9w9_nope"), "error: unknown assignment id 'c9w9_nope'"),
    (("build", "c9w9_nope", "--course-dir", "{tmp}/c"), "error: unknown assignment id"),
    (("grade", "{tmp}/nowhere"), "error: no such folder of submissions"),
    (("grade", "{tmp}"), "holds no <student>/<assignment id>/ folders"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, message):
    proc = _run(*(a.format(tmp=tmp_path) for a in args))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and message in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("address,message", [
    ("nonsense", "missing port number"),
    ("tcp://127.0.0.1:1", "Timed out trying to connect"),  # nobody listens: 20 s
])
def test_a_dask_scheduler_out_of_reach_is_one_line_and_exit_2(tmp_path, address, message):
    (tmp_path / "subs" / "ada" / "c1w2_logistic_regression").mkdir(parents=True)
    proc = _run("grade", str(tmp_path / "subs"), "--course-dir", str(tmp_path / "c"),
                "--dask", address)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1
    assert f"error: cannot reach the Dask scheduler at {address}: " in proc.stderr
    assert message in proc.stderr


def test_a_wrong_assignment_folder_in_submissions_is_named(tmp_path):
    (tmp_path / "ada" / "c9w9_typo").mkdir(parents=True)
    proc = _run("grade", str(tmp_path))
    assert proc.returncode == 2 and "unknown assignment id 'c9w9_typo'" in proc.stderr


def test_unreadable_and_missing_notebooks_score_0_with_a_reason(tmp_path, fresh_course):
    bad = tmp_path / "subs" / "ada" / "c1w2_logistic_regression"
    bad.mkdir(parents=True)
    (bad / "logistic_regression.ipynb").write_text("{ this is not json")
    (tmp_path / "subs" / "ben" / "c1w2_logistic_regression").mkdir(parents=True)
    results = grade(tmp_path / "subs", course_dir=fresh_course)
    assert [(r.student, r.score, r.graded) for r in results] == [("ada", 0, False),
                                                                  ("ben", 0, False)]
    assert results[0].status.startswith("unreadable notebook")
    assert results[1].status == "no logistic_regression.ipynb in the submission"
    assert "ada,c1w2_logistic_regression,0,20,unreadable notebook" in (
        fresh_course / "grades.csv").read_text()


def test_help_lists_every_command():
    out = _run("--help").stdout
    for command in ("build", "check", "grade", "demo", "lab"):
        assert command in out
