"""Where a class struggles: for every grade cell, how many graded students lost points on it.

`grade` writes the table to cell_summary.csv and prints its top rows, so an instructor sees at
a glance which exercise (and which kind of test: visible or hidden) most of the class missed.
"""
import csv

__all__ = ["cell_summary", "write_cell_summary", "print_cell_summary"]


def cell_summary(results):
    """[(assignment, grade id, students who lost points, students graded, mean score, max)],
    the most missed cells first. Only graded submissions count."""
    table = {}
    for r in results:
        if not r.graded:
            continue
        for cell, (score, max_score) in r.cells.items():
            row = table.setdefault((r.assignment, cell), [0, 0, 0.0, max_score])
            row[0] += score < max_score
            row[1] += 1
            row[2] += score
    rows = [(a, cell, lost, n, total / n, max_score)
            for (a, cell), (lost, n, total, max_score) in table.items()]
    return sorted(rows, key=lambda row: (-row[2] / row[3], row[0], row[1]))


def write_cell_summary(results, path):
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["assignment_id", "grade_id", "students_losing_points", "students_graded",
                         "mean_score", "max_score"])
        for a, cell, lost, n, mean, max_score in cell_summary(results):
            writer.writerow([a, cell, lost, n, f"{mean:.3g}", f"{max_score:g}"])


def print_cell_summary(results, top=10):
    rows = [row for row in cell_summary(results) if row[2]][:top]
    if not rows:
        return
    print(f"\nmost missed cells (of {top} at most):")
    print(f"  {'assignment':<28} {'grade cell':<34} {'lost':>9}  mean/max")
    for a, cell, lost, n, mean, max_score in rows:
        print(f"  {a:<28} {cell:<34} {lost:>4} of {n:<3} {mean:.2g}/{max_score:g}")
