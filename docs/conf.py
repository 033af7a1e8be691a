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
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "sphinx_copybutton",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "_intersphinx"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_class_signature = "separated"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = False

# A private TypeVar of newsdoc.batch.Result, named in its signature.
nitpick_ignore = [("py:class", "newsdoc.batch._R"), ("py:obj", "newsdoc.batch._R")]

# The copy button takes the code of an example without its prompts (">>> ", "... ", "$ ")
# and without its output, so that what is copied runs as it is pasted.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True

nitpicky = True

# The inventories ship in docs/_intersphinx/ so that the build needs no network; each is the
# objects.inv of the documentation version named in its base URL (see _intersphinx/README.md).
intersphinx_mapping = {
    "python": ("https://docs.python.org/3.11/", "_intersphinx/python.inv"),
    "attrs": ("https://www.attrs.org/en/22.2.0/", "_intersphinx/attrs.inv"),
    "cattrs": ("https://catt.rs/en/v22.2.0/", "_intersphinx/cattrs.inv"),
    "lxml": ("https://lxml.de/4.9/apidoc/", "_intersphinx/lxml.inv"),
    "hypothesis": (
        "https://hypothesis.readthedocs.io/en/hypothesis-python-6.67.1/",
        "_intersphinx/hypothesis.inv",
    ),
}
intersphinx_timeout = 1

html_theme = "furo"
html_title = f"newsdoc {release}"
