"""Sphinx configuration for the newsdoc documentation."""

from importlib.metadata import version as _version

project = "newsdoc"
author = "The newsdoc developers"
copyright = "2026, The newsdoc developers"  # noqa: A001 - Sphinx's setting name
release = _version("newsdoc")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_class_signature = "separated"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True

nitpicky = False

html_theme = "furo"
html_title = f"newsdoc {release}"
