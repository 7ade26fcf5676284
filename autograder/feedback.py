"""Stage `feedback`: per-student HTML that never shows hidden tests.

nbgrader's generate_feedback runs our StripHiddenTests preprocessor first (see build.CONFIG);
this stage then reads every page it wrote and refuses to leave one that still holds hidden code.
"""
from pathlib import Path

from .nbgrader_cli import nbgrader
from .notebook import HIDDEN_MARKERS

__all__ = ["generate_feedback", "leaks"]

# Text that only ever appears inside hidden regions or the hidden modules' tracebacks.
_HIDDEN_TEXT = (*HIDDEN_MARKERS, "autograder.hidden", "run_hidden", "autograder/hidden")


def leaks(html):
    """The hidden-test fragments found in a feedback page (empty when it is clean)."""
    return [t for t in _HIDDEN_TEXT if t in html]


def generate_feedback(course_dir, assignment_id, students):
    """Write feedback/<student>/<id>/*.html; return ({student: [html paths]}, {student: why
    a page was withheld}). A page that holds hidden-test text is deleted, never handed out; it
    can also be the student's own text naming them, so the instructor is told and decides."""
    nbgrader(course_dir, "generate_feedback", assignment_id, "--force")
    pages, withheld = {}, {}
    for student in students:
        folder = Path(course_dir) / "feedback" / student / assignment_id
        pages[student] = []
        for page in sorted(folder.glob("*.html")):
            found = leaks(page.read_text(errors="replace"))
            if found:
                page.unlink()
                withheld[student] = (f"feedback withheld: {page.name} contained {found[0]!r} "
                                     "(hidden-test text, or the student's own text naming it)")
            else:
                pages[student].append(page)
    return pages, withheld
