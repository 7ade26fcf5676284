"""Grading runs only what grading needs: code cells tagged `skip-when-grading` are emptied.

Authors tag the long, ungraded demonstration cells (training on the full dataset, plots), so a
class is graded in a fraction of the time and a crash in a demonstration costs nothing. A tag
on an nbgrader cell (answer, test or read-only) is ignored: such cells always run, and since
this runs after OverwriteCells has restored the test cells, a learner cannot skip a test.
`check` proves that every test cell still gets full marks with these cells skipped.
"""
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

__all__ = ["SkipWhenGrading", "TAG"]

TAG = "skip-when-grading"
_NOTICE = "# (not run while grading: this cell is not graded)"


class SkipWhenGrading(Preprocessor):
    enabled = Bool(True).tag(config=True)  # nbconvert's Preprocessor is off unless enabled

    def preprocess_cell(self, cell, resources, index):
        nbgrader = cell.get("metadata", {}).get("nbgrader", {})
        is_nbgrader_cell = any(nbgrader.get(k) for k in ("grade", "solution", "locked"))
        if (cell.cell_type == "code" and TAG in cell.get("metadata", {}).get("tags", [])
                and not is_nbgrader_cell):
            cell.source = _NOTICE
        return cell, resources
