"""Runs every notebook from top to bottom, and proves each one's checks can fail.

Each notebook asserts what it shows (the ranking it plots equals `rank --format json`,
the pilot rates it recomputes equal the tool's, ...). `test_runs` executes each as
Jupyter would; `test_checks_catch_a_wrong_figure` inserts one cell that corrupts a
figure just before the checks and expects the notebook to fail with an AssertionError,
so a notebook whose checks stopped checking fails here. `test_outputs_are_stripped`
keeps outputs out of git. The notebooks find the tool through $VENDORSCORE_BIN, else
the repository's target/release/vendorscore.
"""

import pathlib

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

HERE = pathlib.Path(__file__).parent
NOTEBOOKS = sorted(HERE.glob("*.ipynb"))

# Per notebook: a text of the cell holding the checks, and a line that makes a figure
# wrong just before it.
CORRUPTIONS = {
    "rerun-with-new-data.ipynb": ("## Checks", 'after = after.reverse()'),
    "pilot-deep-dive.ipynb": (
        "for row in table.iter_rows",
        'table = table.with_columns(pl.col("tool_rate") + 0.001)',
    ),
    "weights-and-robustness.ipynb": (
        "# Each vendor takes some rank",
        'acceptability = acceptability.with_columns(pl.col("rank_1") * 0.9)',
    ),
    "real-lab-data.ipynb": (
        "ranking = json.loads",
        'mean = mean.with_columns(pl.col("mean_rate") + 0.5)',
    ),
}


def run(notebook):
    NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}).execute()


def test_every_notebook_has_its_negative_control():
    assert sorted(CORRUPTIONS) == [n.name for n in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_are_stripped(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: run `jupyter nbconvert --clear-output --inplace {path.name}`"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_runs(path):
    run(nbformat.read(path, as_version=4))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_checks_catch_a_wrong_figure(path):
    notebook = nbformat.read(path, as_version=4)
    marker, corruption = CORRUPTIONS[path.name]
    at = next(k for k, c in enumerate(notebook.cells) if marker in c.source)
    if notebook.cells[at].cell_type == "markdown":
        at += 1
    notebook.cells.insert(at, nbformat.v4.new_code_cell(corruption))
    with pytest.raises(CellExecutionError) as failed:
        run(notebook)
    assert "AssertionError" in str(failed.value), str(failed.value)[-2000:]
