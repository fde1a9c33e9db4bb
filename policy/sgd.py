"""Plain stochastic gradient descent with L2 over sparse features, shared by the learned models
(`policy.classifier`, `policy.qa_model`). Pure and deterministic: the visiting order comes from a
seeded RNG, so training twice gives the same weights."""
from __future__ import annotations

import random
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence, TypeVar

Y = TypeVar("Y")
Gradient = Callable[[list[float], Y], list[float]]  # (scores per head, label) -> d loss / d score
Schedule = Callable[[float, int, int], float]  # (base rate, step, rows per epoch) -> rate


def sgd(rows: Sequence[tuple[dict[str, float], Y]], n_heads: int, cfg: Mapping, gradient: Gradient,
        schedule: Schedule) -> tuple[list[float], dict[str, list[float]]]:
    """Biases and weights (feature -> one weight per head) for a linear model trained on `rows`
    (sparse feature bag, label). L2 is applied as one lazy shared decay factor, so each step
    touches only the features of its row."""
    rng = random.Random(int(cfg["seed"]))
    lr0, l2, epochs = float(cfg["lr"]), float(cfg["l2"]), int(cfg["epochs"])
    bias = [0.0] * n_heads
    raw: dict[str, list[float]] = {}  # true weight = raw * scale
    scale = 1.0
    order = list(range(len(rows)))
    t = 0
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            bag, y = rows[i]
            lr = schedule(lr0, t, len(rows))
            t += 1
            z = list(bias)
            for f, v in bag.items():
                w = raw.get(f)
                if w is not None:
                    for k in range(n_heads):
                        z[k] += w[k] * scale * v
            g = gradient(z, y)
            scale *= 1.0 - lr * l2
            if scale < 1e-6:  # fold the decay into the weights before it underflows
                for w in raw.values():
                    for k in range(n_heads):
                        w[k] *= scale
                scale = 1.0
            for k in range(n_heads):
                bias[k] -= lr * g[k]
            for f, v in bag.items():
                w = raw.setdefault(f, [0.0] * n_heads)
                step = lr * v / scale
                for k in range(n_heads):
                    w[k] -= step * g[k]
    return bias, {f: [x * scale for x in w] for f, w in raw.items()}


def fit(rows: Sequence[tuple[dict[str, float], Y]], n_heads: int, cfg: Mapping, gradient: Gradient,
        schedule: Schedule, scale: int) -> tuple[list[float], dict[str, list[int]]]:
    """Train; prune to the `cfg["keep"]` features with the largest weight on any head and train
    again on those only, so that the stored model is exactly one that was trained; then quantise
    the weights to integers in 1/`scale` (a third of the size of decimal floats, and exact)."""
    bias, weights = sgd(rows, n_heads, cfg, gradient, schedule)
    keep = int(cfg["keep"])
    if len(weights) > keep:
        ranked = sorted(weights, key=lambda f: (-max(abs(x) for x in weights[f]), f))
        kept = set(ranked[:keep])
        rows = [({f: v for f, v in b.items() if f in kept}, y) for b, y in rows]
        bias, weights = sgd(rows, n_heads, cfg, gradient, schedule)
    quantised = {f: [round(x * scale) for x in w] for f, w in sorted(weights.items())}
    return [round(b, 5) for b in bias], {f: w for f, w in quantised.items() if any(w)}


def model_main(argv: Sequence[str], doc: str | None, path: Path, train_default: Callable[[], tuple[Any, str]],
               dumps: Callable[[Any, str], str], cv: Callable[[Sequence[str]], str]) -> int:
    """The command line every learned model shares: `train` (the default) writes `path` from
    `train_default()` and `dumps`; `cv ...` prints `cv(args)`; anything else prints `doc`."""
    cmd = argv[0] if argv else "train"
    if cmd == "train":
        model, digest = train_default()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dumps(model, digest), encoding="utf-8")
        print(f"wrote {path} ({path.stat().st_size} bytes, {len(model.weights)} features)")
        return 0
    if cmd == "cv":
        print(cv(argv[1:]))
        return 0
    print(doc)
    return 2
