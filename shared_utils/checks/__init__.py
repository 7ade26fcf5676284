"""Public checks that the notebooks' visible test cells call.

Each assignment has its own module named after its id (`c1w2_logistic_regression.py`), so a
notebook imports exactly the checks it needs. A check raises `CheckFailure` with a message that
names the function, the input, what was expected, what came back, and a hint; on success it
prints "All tests passed.".
"""
from ._report import CheckFailure

__all__ = ["CheckFailure"]
