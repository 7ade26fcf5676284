"""nbgrader preprocessors of our own; nbgrader_config.py names them by their import path."""
from .skip_when_grading import SkipWhenGrading
from .strip_hidden import StripHiddenTests

__all__ = ["SkipWhenGrading", "StripHiddenTests"]
