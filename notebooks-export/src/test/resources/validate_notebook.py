"""Reads a notebook with nbformat as Jupyter does and validates it against the nbformat schema.
usage: validate_notebook.py NOTEBOOK   (prints 'valid nbformat MAJOR.MINOR CELLS')"""
import sys
import nbformat

nb = nbformat.read(sys.argv[1], as_version=4)
nbformat.validate(nb)
print(f"valid nbformat {nb.nbformat}.{nb.nbformat_minor} {len(nb.cells)}")
