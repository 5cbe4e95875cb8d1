"""The notebooks run end to end, and are kept in git without outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="NO NOTEBOOK RUNNER: pip install nbformat nbclient ipykernel")
nbclient = pytest.importorskip("nbclient", reason="NO NOTEBOOK RUNNER: pip install nbformat nbclient ipykernel")

NOTEBOOKS = Path(__file__).parents[1] / "notebooks"
ARTIFACTS = Path(__file__).parent / "artifacts"
ANT = Path(__file__).parents[2] / "shared" / "corpus" / "ant" / "internationalNews"


@pytest.mark.parametrize("name", ["explore.ipynb", "corpus.ipynb"])
def test_notebook_is_stored_without_outputs(name):
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    assert all(not cell.outputs and cell.execution_count is None for cell in code)


@pytest.mark.parametrize("name", ["explore.ipynb", "corpus.ipynb"])
def test_notebook_runs_end_to_end(name, tmp_path):
    if name == "corpus.ipynb" and not ANT.is_dir():
        pytest.skip(f"NO CORPUS: {ANT} is missing; corpus.ipynb was NOT run")
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()  # raises CellExecutionError, naming the cell, when one fails
    ARTIFACTS.mkdir(exist_ok=True)
    nbformat.write(notebook, ARTIFACTS / name)
    frames = [
        output
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if "<iframe srcdoc=" in output.get("data", {}).get("text/html", "")
    ]
    assert frames, "the notebook draws no graph inline"
