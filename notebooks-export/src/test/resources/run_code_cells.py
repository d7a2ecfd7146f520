"""Runs a notebook's code cells (those that do not display figures) in one namespace, in the
notebook's folder, as a kernel would; their printed output goes to standard output.
usage: run_code_cells.py NOTEBOOK"""
import os
import sys
import nbformat

path = os.path.abspath(sys.argv[1])
nb = nbformat.read(path, as_version=4)
os.chdir(os.path.dirname(path))
namespace = {"__name__": "__main__"}
for cell in nb.cells:
    if cell.cell_type == "code" and "IPython.display" not in cell.source:
        exec(compile(cell.source, cell.id, "exec"), namespace)
