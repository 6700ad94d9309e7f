"""Whether an event is done, planned or negated, from the cues written after its trigger."""
from __future__ import annotations

from functools import lru_cache

from .resources import load_tsv


@lru_cache(maxsize=1)
def _status_cues() -> tuple[tuple[str, str], ...]:
    rows = [(r["cue"].lstrip("〜～"), r["status"]) for r in load_tsv("status_cues.tsv") if r["cue"]]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def status_of(tail: str) -> str:
    """done, planned or negated from the cue nearest after the trigger (合併することを決議
    いたしました: 決議 speaks of the merger, いたしました of the resolution); at one position
    the longest cue wins (予定通り over 予定). No cue: done."""
    best: tuple[int, int, str] | None = None
    for cue, status in _status_cues():
        pos = tail.find(cue)
        if pos >= 0 and (best is None or (pos, -len(cue)) < (best[0], best[1])):
            best = (pos, -len(cue), status)
    return best[2] if best else "done"
