"""The one exception a user of the autograder is meant to see: a clear, one-line reason."""

__all__ = ["AutograderError"]


class AutograderError(Exception):
    """Bad input or a failed stage. The CLI prints `error: <message>` and exits non-zero.

    Anything else that escapes is a bug in the autograder and keeps its traceback.
    """
