"""Known names: JMnedict's people, organisations and places, looked up by hash.

JMnedict is the Japanese names dictionary of the Electronic Dictionary Research and Development
Group (EDRDG, CC BY-SA 3.0). ``scripts/build_gazetteer.py`` compiles its people, surnames,
given names, organisations, companies and places into ``models/known_names.npz``: the 64-bit
hashes of the names' NFKC forms, sorted, and a class bit mask per hash. Hashes rather than
strings keep 600,000 names at 5 MB in memory, and a document's candidate spans are looked up in
one ``searchsorted``.

orgs reads it: a company or organisation the dictionary knows, and knows only as a body, is an
organisation mention (``known_org_spans``). person_names reads its full names of people: two
words or more of kanji it knows as a person's name and not as a body or place are a person
(``known_person_spans``: 三宅|一生, 磯崎|新). Surnames and given names alone are not used: as the
only sign of a person they let in too many words (プラント is a surname there).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import numpy

from .errors import ModelError

#: the classes a name can have (several at once: 東芝 is a company and a surname)
CLASSES = ("person", "surname", "given", "company", "organization", "place", "unclass")
MAX_TOKENS = 8            # the longest name looked up, in tokens and in characters
MAX_CHARS = 24


def name_hash(name: str) -> int:
    """The stable 64-bit hash of a name's NFKC form (spaCy's MurmurHash, the same in every process)."""
    from spacy.strings import hash_string

    return hash_string(unicodedata.normalize("NFKC", name))


@dataclass(frozen=True, eq=False)
class Gazetteer:
    hashes: numpy.ndarray   # uint64, sorted, unique
    masks: numpy.ndarray    # uint8 class bits, bit i for CLASSES[i]

    @classmethod
    def build(cls, names: Mapping[str, Iterable[str]]) -> "Gazetteer":
        """From name -> its classes (names equal under NFKC merge their classes)."""
        merged: dict[int, int] = {}
        for name, classes in names.items():
            mask = 0
            for c in classes:
                mask |= 1 << CLASSES.index(c)
            if mask and 0 < len(name) <= MAX_CHARS:
                h = name_hash(name)
                merged[h] = merged.get(h, 0) | mask
        order = sorted(merged)
        return cls(numpy.array(order, dtype="uint64"), numpy.array([merged[h] for h in order], dtype="uint8"))

    def save(self, path: Path) -> None:
        numpy.savez_compressed(path, hashes=self.hashes, masks=self.masks, classes=numpy.array(CLASSES))

    @classmethod
    def load(cls, path: Path) -> "Gazetteer":
        try:
            with numpy.load(path) as data:
                if tuple(data["classes"]) != CLASSES:
                    raise ModelError(f"{path}: gazetteer classes {tuple(data['classes'])} are not {CLASSES}")
                return cls(data["hashes"], data["masks"])
        except (FileNotFoundError, OSError, KeyError, ValueError) as exc:
            raise ModelError(f"prextract's names gazetteer cannot be read: {path} ({exc})") from exc

    def __len__(self) -> int:
        return len(self.hashes)

    def lookup(self, names: Sequence[str]) -> list[int]:
        """The class mask of each name (0: not known)."""
        if not names:
            return []
        wanted = numpy.array([name_hash(n) for n in names], dtype="uint64")
        at = numpy.minimum(numpy.searchsorted(self.hashes, wanted), len(self.hashes) - 1)
        found = self.hashes[at] == wanted
        return numpy.where(found, self.masks[at], 0).tolist()

    def find(self, text: str, runs: Iterable[Sequence[tuple[int, int]]], wanted: int) -> list[tuple[int, int, int]]:
        """Known names in ``text`` made of whole tokens of one run (a run: the (start, end) of
        consecutive tokens a name can be made of), the longest one from each start whose
        classes meet ``wanted``: (start, end, mask)."""
        spans: list[tuple[int, int]] = []
        for bounds in runs:
            for i, (start, _) in enumerate(bounds):
                for _, end in bounds[i:i + MAX_TOKENS]:
                    if end - start > MAX_CHARS:
                        break
                    spans.append((start, end))
        best: dict[int, tuple[int, int]] = {}
        for (start, end), mask in zip(spans, self.lookup([text[a:b] for a, b in spans])):
            if mask & wanted and end > best.get(start, (0, 0))[0]:
                best[start] = (end, mask)
        return [(start, end, mask) for start, (end, mask) in sorted(best.items())]


KNOWN_NAMES_FILE = "known_names.npz"
COMPANY = 1 << CLASSES.index("company")
_ORG = COMPANY | 1 << CLASSES.index("organization")
#: a body's name shorter than this is a word as often as a name (現代, 三菱 in 三菱未来館), unless
#: it is two katakana (セガ)
MIN_ORG_CHARS = 3
_KATAKANA_PAIR = re.compile(r"[\u30A1-\u30FA][\u30A1-\u30FC]")  # セガ, not ガ or ー alone


@lru_cache(maxsize=1)
def shipped() -> Gazetteer:
    """The known names shipped in models/ (``KNOWN_NAMES_FILE``), loaded once per process."""
    return Gazetteer.load(Path(str(resources.files("prextract.models").joinpath(KNOWN_NAMES_FILE))))


def known_org_spans(text: str, runs: Iterable[Sequence[tuple[int, int]]]) -> list[tuple[int, int, int]]:
    """Spans on token bounds that the dictionary knows only as a company or organisation (not
    also as a person or a place: 東芝 is a surname too), at least MIN_ORG_CHARS long:
    (start, end, class mask); ``mask & COMPANY`` for a company."""
    return [(start, end, mask) for start, end, mask in shipped().find(text, runs, _ORG)
            if not mask & ~_ORG and (end - start >= MIN_ORG_CHARS or _KATAKANA_PAIR.fullmatch(text, start, end))]


PERSON = 1 << CLASSES.index("person")
_NOT_A_PERSON = _ORG | 1 << CLASSES.index("place")
#: a full name of two kanji is a word as often as a name (日本, 大和)
MIN_PERSON_CHARS = 3
_KANJI_WORD = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3005]+")


def known_person_spans(text: str, tokens: Sequence) -> list[tuple[int, int]]:
    """Runs of whole kanji tokens (石田|三成) that the dictionary knows as a person's full name and
    not as a body or a place, at least MIN_PERSON_CHARS long."""
    runs: list[list[tuple[int, int]]] = [[]]
    for tok in tokens:
        if not _KANJI_WORD.fullmatch(tok.text):
            runs.append([])
        elif runs[-1] and runs[-1][-1][1] != tok.start:
            runs.append([(tok.start, tok.end)])
        else:
            runs[-1].append((tok.start, tok.end))
    # two tokens or more, or one that UniDic too reads as a person's whole name (徳川家光): one
    # word alone is not enough (新選組 is a person's name there too)
    starts = {start for run in runs for start, _ in run}
    named = {(tok.start, tok.end) for tok in tokens if tok.tag.endswith("人名-一般")}
    return [(start, end) for start, end, mask in shipped().find(text, [r for r in runs if r], PERSON)
            if not mask & _NOT_A_PERSON and end - start >= MIN_PERSON_CHARS
            and (any(start < s < end for s in starts) or (start, end) in named)]
