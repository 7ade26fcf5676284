"""Feedback without the instructor's hidden tests (nbgrader shows them by design: #917, #1363).

In every cell with a hidden region the region is replaced by one comment, and error outputs keep
only their last line (`HiddenTestFailure: <kind message>`), so no hidden code or path reaches
the HTML through a traceback either.
"""
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

from ..notebook import HIDDEN_MARKERS

__all__ = ["StripHiddenTests", "strip_hidden_regions", "PLACEHOLDER"]

PLACEHOLDER = "# (the hidden tests for this cell ran here)"


def strip_hidden_regions(source):
    """`source` with each BEGIN/END HIDDEN TESTS region (markers included) replaced by a comment."""
    begin, end = HIDDEN_MARKERS
    kept, hiding = [], False
    for line in source.split("\n"):
        if begin in line:
            hiding = True
            indent = line[: len(line) - len(line.lstrip())]
            kept.append(indent + PLACEHOLDER)
        elif end in line:
            hiding = False
        elif not hiding:
            kept.append(line)
    return "\n".join(kept)


class StripHiddenTests(Preprocessor):
    enabled = Bool(True).tag(config=True)  # nbconvert's Preprocessor is off unless enabled

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code" and HIDDEN_MARKERS[0] in cell.source:
            cell.source = strip_hidden_regions(cell.source)
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    output["traceback"] = [f"{output.get('ename')}: {output.get('evalue')}"]
        return cell, resources
