"""Public helpers for the course notebooks: datasets, plotting, public checks, and `nn`.

Everything here is readable by every learner, so it never holds a graded function in the
notebooks' own form (DECISIONS §16). Subpackages are imported on demand, which keeps a
notebook's first cell fast.
"""
__version__ = "0.1.0"
__all__ = ["__version__"]
