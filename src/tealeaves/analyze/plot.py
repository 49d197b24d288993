"""Timeline charts: counts and share per period, one line per term (and source), PNG or SVG."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from tealeaves.analyze.timeline import TimelinePoint
from tealeaves.errors import UsageError

FORMATS = (".png", ".svg")


def plot_timeline(points: list[TimelinePoint], path: str | Path, by: str) -> Path:
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise UsageError(f"--plot {path}: give a file ending in {' or '.join(FORMATS)}")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    series: dict[str, list[TimelinePoint]] = defaultdict(list)
    for p in points:
        series[p.term + (f" — {p.source}" if p.source else "")].append(p)
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(11, 6.5), sharex=True)
    for label, pts in series.items():
        x = list(range(len(pts)))
        ax1.plot(x, [p.count for p in pts], label=label, linewidth=1.4)
        ax2.plot(x, [100 * (p.share or 0) for p in pts], label=label, linewidth=1.4)
    first = next(iter(series.values()))
    ticks = list(range(0, len(first), max(1, len(first) // 12)))
    ax2.set_xticks(ticks, [first[i].period for i in ticks], rotation=45, ha="right")
    ax1.set_ylabel("documents")
    ax2.set_ylabel(f"% of all documents in the {by}")
    ax1.set_title(f"Documents mentioning each term, per {by}")
    ax1.legend(loc="upper left", fontsize=8)
    for ax in (ax1, ax2):
        ax.grid(alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path
