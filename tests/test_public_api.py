import inspect

import newsdoc
from newsdoc import errors, model, strategies


def test_all_is_sorted_and_complete() -> None:
    assert newsdoc.__all__ == sorted(newsdoc.__all__)
    for name in newsdoc.__all__:
        assert hasattr(newsdoc, name), name
    public = {name for name in vars(newsdoc) if not name.startswith("_")}
    modules = {
        "api",
        "batch",
        "dask",
        "errors",
        "extract",
        "formats",
        "model",
        "strategies",
        "cli",
    }
    assert public - modules - {"annotations", "version", "PackageNotFoundError"} <= set(
        newsdoc.__all__
    )


def test_every_public_name_has_a_docstring() -> None:
    for module in (newsdoc, model, errors, strategies):
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value) or inspect.isfunction(value):
                assert inspect.getdoc(value), f"{module.__name__}.{name}"


def test_exceptions_share_one_root_and_match_stdlib_types() -> None:
    assert issubclass(newsdoc.ParseError, (newsdoc.NewsdocError, ValueError))
    assert issubclass(newsdoc.UnmappedContentError, newsdoc.ParseError)
    assert issubclass(newsdoc.SerializationError, ValueError)
    assert issubclass(newsdoc.UnknownFormatError, LookupError)
    assert issubclass(newsdoc.ValidationError, ValueError)
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert issubclass(cls, (newsdoc.NewsdocError, Warning))


def test_the_version_comes_from_the_package_metadata() -> None:
    assert newsdoc.__version__[0].isdigit()


def test_parse_errors_say_where_and_why() -> None:
    error = newsdoc.ParseError("newsml", "unclosed tag", line=3, column=7, source="a.xml")
    assert str(error) == "cannot read newsml: a.xml, line 3, column 7: unclosed tag"
    error = newsdoc.ParseError("json", "expected a string", path="$.article.headline")
    assert str(error) == "cannot read json: at $.article.headline: expected a string"
    unmapped = newsdoc.UnmappedContentError("newsml", ("/a", "/b"))
    assert unmapped.paths == ("/a", "/b")
    assert "2 unmapped item(s): /a, /b" in str(unmapped)
