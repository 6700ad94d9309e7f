"""Typed errors raised by the library; each carries a plain message a user can act on."""
from __future__ import annotations


class PrextractError(Exception):
    """Base class of every error prextract raises on purpose."""

    #: the stage of the pipeline that failed: read, analyse, extract, write
    stage = "extract"


class InputError(PrextractError):
    """The input cannot be turned into text (missing, empty, binary, undecodable, too large)."""

    stage = "read"


class EmptyInputError(InputError):
    """The input holds no text (an empty file, or only white space)."""


class BinaryInputError(InputError):
    """The input looks like binary data (NUL bytes, an image, an archive), not a release."""


class DecodingError(InputError):
    """No supported encoding decodes the bytes cleanly."""


class InputTooLargeError(InputError):
    """The input is larger than the configured limit."""


class UnsupportedFormatError(InputError):
    """The file's type is not one prextract reads."""


class ModelError(PrextractError):
    """The NLP model is missing or failed to load (e.g. ja_ginza is not installed)."""

    stage = "analyse"


class AnalysisError(PrextractError):
    """The NLP pipeline failed on a text."""

    stage = "analyse"


class OutputError(PrextractError):
    """An output could not be written."""

    stage = "write"


class ClusterError(PrextractError):
    """A run on a Dask cluster cannot start or go on: Dask is not installed, the scheduler cannot
    be reached, no worker joined, or the workers' outputs are out of this machine's reach."""

    stage = "cluster"
