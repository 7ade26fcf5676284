"""The instructor's side of the course: build releases, check assignments, grade a class.

Run `python -m autograder --help`. The hidden tests in `autograder.hidden` are instructor-only.
"""
__all__ = []
