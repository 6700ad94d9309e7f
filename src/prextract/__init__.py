"""prextract: structured records from Japanese press releases.

    >>> import prextract
    >>> doc = prextract.extract(text, reference_date="2020-09-23")
    >>> doc.events[0].parties

Nothing heavy happens at import: the GiNZA pipeline loads on the first extraction.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "__version__", "extract", "extract_file", "extract_folder", "extract_dates", "extract_money",
    "Extractor", "Batch", "Extraction", "PrextractError",
]

if TYPE_CHECKING:  # pragma: no cover
    from .api import Batch, extract, extract_file, extract_folder
    from .dates import extract_dates
    from .errors import PrextractError
    from .extractor import Extractor
    from .money import extract_money
    from .records import Extraction

_LAZY = {
    "extract": ("api", "extract"), "extract_file": ("api", "extract_file"),
    "extract_folder": ("api", "extract_folder"), "Batch": ("api", "Batch"),
    "extract_dates": ("dates", "extract_dates"), "extract_money": ("money", "extract_money"),
    "Extractor": ("extractor", "Extractor"), "Extraction": ("records", "Extraction"),
    "PrextractError": ("errors", "PrextractError"),
}


def __getattr__(name: str) -> Any:
    # lazy: `import prextract` stays cheap, spaCy is imported only when extraction starts
    if name in _LAZY:
        import importlib
        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(f".{module}", __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'prextract' has no attribute {name!r}")
