"""Fixtures of the browser tests: Debian's Chromium driven by Playwright (never a downloaded
browser), JupyterLab servers started by `make lab`'s own code on a temporary copy of the release.

`make browser-deps` installs Chromium. Without it (or without the `playwright` package) these
tests are skipped with the reason, except under CI=true, where they fail: CI installs both.
"""
import os
import shutil
from pathlib import Path

import pytest

from autograder.lab import prepare, write_config

from .jupyterlab import ARTIFACTS, NO_PLAYWRIGHT, Lab
from .server import running

CHROMIUM = Path("/usr/bin/chromium")
# As root Chromium needs --no-sandbox; the rest keep it from calling home (the network is closed).
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--disable-quic"]
VIEWPORT = {"width": 1400, "height": 900}


def _missing():
    if not CHROMIUM.is_file():
        return f"Debian's Chromium is not installed ({CHROMIUM}): run `make browser-deps`"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return NO_PLAYWRIGHT
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _missing()
    if reason and os.environ.get("CI") == "true":
        pytest.fail(f"CI must run the browser tests: {reason}")
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def learner_server(browser, built_course, tmp_path_factory):
    """`make lab` on a temporary lab folder: the release, the learner's config, the exchange."""
    scratch = tmp_path_factory.mktemp("learner")
    folder = prepare(lab_dir=scratch / "lab", course_dir=built_course)
    with running(folder, scratch, keep_log=ARTIFACTS / "learner-jupyter.log") as server:
        yield server


@pytest.fixture(scope="module")
def instructor_server(browser, built_course, tmp_path_factory):
    """JupyterLab in a copy of the course directory with every nbgrader extension on."""
    scratch = tmp_path_factory.mktemp("instructor")
    course = scratch / "course"
    shutil.copytree(built_course, course)
    config = write_config(scratch / "jupyter-config", learner=False)
    with running(course, scratch, config_dir=config, cwd=course,
                 keep_log=ARTIFACTS / "instructor-jupyter.log") as server:
        yield server


def _lab(browser, server, request):
    context = browser.new_context(viewport=VIEWPORT)
    lab = Lab(context.new_page(), server)
    yield lab
    report = getattr(request.node, "rep_call", None)
    failed = ARTIFACTS / f"FAILED-{request.node.name}.png"
    if report is not None and report.failed:
        lab.shoot(failed.stem)
    elif report is not None:
        failed.unlink(missing_ok=True)  # from an earlier run
    context.close()
    lab.shut_down_kernels()


@pytest.fixture
def learner(browser, learner_server, request):
    """A fresh browser tab on the learner's lab."""
    yield from _lab(browser, learner_server, request)


@pytest.fixture
def instructor(browser, instructor_server, request):
    yield from _lab(browser, instructor_server, request)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so that a fixture can tell a failure."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
