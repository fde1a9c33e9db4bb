"""Q&A engine latency: index build time and answer latency p50 / p99, in-process.

    .venv/bin/python benchmarks/qa_bench.py [--rounds 20]

Answers every labelled question of the tuning, held-out 1 and 2 and development sets (every
question goes through the real review engine, which looks for the post it asks about; draft
questions are answered from its review) `--rounds` times after one warm-up round. Held-out set 3
is left out: it is measured twice, before and after, and run on for nothing else.
Target: p50 <= 5 ms. `--model-weight 0` measures the rules alone (without the learned clause
ranker of `policy.qa_model`); the first build also loads that model.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from policy.loader import load_policy, load_profile  # noqa: E402
from policy.qa import MODEL_WEIGHT, Answerer, extract_draft  # noqa: E402
from policy.qa_eval import HOLDOUT_PATH, load_questions  # noqa: E402
from policy.review import Reviewer  # noqa: E402


def percentile(sorted_values: list[float], q: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--model-weight", type=float, default=MODEL_WEIGHT)
    args = parser.parse_args()

    policy, profile = load_policy(), load_profile()
    reviewer = Reviewer(policy, profile)
    builds = []
    for _ in range(5):
        start = time.perf_counter()
        answerer = Answerer(policy, profile, reviewer, model_weight=args.model_weight)
        builds.append(time.perf_counter() - start)

    sets = [None, HOLDOUT_PATH, *(HOLDOUT_PATH.with_name(n) for n in ("questions_holdout2.yaml", "questions_dev.yaml"))]
    questions = [q.text for path in sets for q in load_questions(path)]
    for q in questions:  # warm-up: stem caches, first-call costs
        answerer.ask(q)
    plain: list[float] = []
    drafts: list[float] = []
    for _ in range(args.rounds):
        for q in questions:
            start = time.perf_counter()
            answerer.ask(q)
            (drafts if extract_draft(q) else plain).append(time.perf_counter() - start)

    def line(name: str, xs: list[float]) -> str:
        xs = sorted(xs)
        return (
            f"{name:<22} n={len(xs):<6} p50 {percentile(xs, 0.5) * 1e3:6.3f} ms   "
            f"p99 {percentile(xs, 0.99) * 1e3:6.3f} ms   max {xs[-1] * 1e3:6.3f} ms"
        )

    print(f"index build (Answerer)  median {statistics.median(builds) * 1e3:.1f} ms over {len(builds)}")
    print(line("answer (all)", plain + drafts))
    print(line("answer (questions)", plain))
    print(line("answer (with a draft)", drafts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
