"""Reading notebooks, asking what a cell is, and writing submissions made from a release.

Markers (nbgrader's defaults, matched as substrings of a line):
    ### BEGIN SOLUTION / ### END SOLUTION          -- reference code, replaced by the stub
    ### BEGIN HIDDEN TESTS / ### END HIDDEN TESTS   -- instructor tests, removed from the release
"""
import copy

import nbformat

from .errors import AutograderError

__all__ = ["read_notebook", "write_notebook", "meta", "grade_id", "is_grade", "is_solution",
           "is_locked", "grade_cells", "solution_cells", "owners", "without_lines", "solve",
           "tamper", "SOLUTION_MARKERS", "HIDDEN_MARKERS"]

SOLUTION_MARKERS = ("BEGIN SOLUTION", "END SOLUTION")
HIDDEN_MARKERS = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


def read_notebook(path):
    """The notebook at `path`, or AutograderError saying in one line why it cannot be read."""
    try:
        nb = nbformat.read(str(path), as_version=4)
        nbformat.validate(nb)
    except FileNotFoundError:
        raise AutograderError(f"{path}: no such notebook") from None
    except Exception as exc:  # a file from outside: whatever nbformat raises, say it in a line
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise AutograderError(f"{path}: not a readable notebook ({reason})") from None
    return nb


def write_notebook(nb, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))


def meta(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def grade_id(cell):
    return meta(cell).get("grade_id")


def is_grade(cell):
    return bool(meta(cell).get("grade"))


def is_solution(cell):
    return bool(meta(cell).get("solution"))


def is_locked(cell):
    return bool(meta(cell).get("locked"))


def grade_cells(nb):
    return [c for c in nb.cells if is_grade(c)]


def solution_cells(nb):
    return [c for c in nb.cells if is_solution(c)]


def owners(nb):
    """{grade cell id: id of the solution cell it tests}: the nearest solution cell above it
    (AUTHORING.md: explanation -> graded cell -> visible test -> autograder cell)."""
    owner, result = None, {}
    for cell in nb.cells:
        if is_solution(cell):
            owner = grade_id(cell)
        elif is_grade(cell):
            result[grade_id(cell)] = owner
    return result


def without_lines(source, markers):
    """`source` with every line containing one of `markers` removed."""
    return "\n".join(line for line in source.split("\n") if not any(m in line for m in markers))


def solve(release_nb, source_nb, ids=None, edits=None):
    """A submission: the release with the reference answer in each solution cell named in `ids`
    (all of them when None). `edits` maps a grade id to (old, new) text replacements applied to
    that answer afterwards, which is how a plausible mistake is written."""
    answers = {grade_id(c): without_lines(c.source, SOLUTION_MARKERS)
               for c in solution_cells(source_nb)}
    edits = edits or {}
    unknown = set(edits) - set(answers)
    if unknown:
        raise AutograderError(f"edits name cells that are not solution cells: {sorted(unknown)}")
    nb = copy.deepcopy(release_nb)
    for cell in solution_cells(nb):
        gid = grade_id(cell)
        if ids is None or gid in ids:
            cell.source = answers[gid]
        for old, new in edits.get(gid, ()):
            if old not in cell.source:
                raise AutograderError(f"edit for '{gid}' does not apply: {old!r} not found")
            cell.source = cell.source.replace(old, new)
    return nb


def tamper(nb, replacements):
    """A copy of `nb` whose cells named in `replacements` (grade id -> new source) are rewritten,
    as a learner who edits a locked test cell would."""
    nb = copy.deepcopy(nb)
    found = set()
    for cell in nb.cells:
        if grade_id(cell) in replacements:
            cell.source = replacements[grade_id(cell)]
            found.add(grade_id(cell))
    missing = set(replacements) - found
    if missing:
        raise AutograderError(f"no cells with grade ids {sorted(missing)}")
    return nb
