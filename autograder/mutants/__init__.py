"""Plausible wrong answers, one module per assignment: `check` proves each one loses points.

A mutant is the reference answer with a small text edit, the kind of mistake a learner makes.
`loses` lists exactly which grade cells must drop points; every other cell must keep full marks,
so the list also documents how far a mistake cascades.
"""
import importlib
from dataclasses import dataclass

__all__ = ["Mutant", "mutants_for"]


@dataclass(frozen=True)
class Mutant:
    name: str          # the mistake, in a few words
    cell: str          # grade id of the solution cell it edits
    edits: tuple       # (old, new) replacements applied to the reference answer of that cell
    loses: frozenset   # grade ids of the test cells that must lose points


def mutants_for(assignment_id):
    """The assignment's mutants (an empty list if it has no module here)."""
    try:
        module = importlib.import_module(f"{__name__}.{assignment_id}")
    except ModuleNotFoundError:
        return []
    return list(module.MUTANTS)
