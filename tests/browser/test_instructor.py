"""An instructor in a real browser (slow): JupyterLab in the course directory, nbgrader's
Formgrader opened from its menu, every assignment of the manifest listed."""
import pytest

from autograder.config import load_course

from .jupyterlab import NO_PLAYWRIGHT

pytestmark = [pytest.mark.slow, pytest.mark.browser]
expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect


def test_formgrader_lists_every_assignment(instructor):
    instructor.goto()
    tools = instructor.menu("Nbgrader")
    assert {"Formgrader", "Create assignment", "Assignment List"} <= set(tools), tools
    instructor.menu("Nbgrader", "Formgrader")
    formgrader = instructor.page.frame_locator(".jp-MainAreaWidget iframe")
    expect(formgrader.get_by_role("heading", name="Manage Assignments")).to_be_visible()
    table = formgrader.locator("table")
    for assignment in load_course().assignments:
        expect(table).to_contain_text(assignment.id)
    instructor.shoot("instructor-formgrader")
    assert instructor.outside == [], f"requests left the machine: {instructor.outside}"
