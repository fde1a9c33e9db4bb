"""One object that reviews drafts and answers questions over one policy and one profile."""
from __future__ import annotations

from pathlib import Path

from policy.model import Answer, Policy, Profile, Review


class Engine:
    """Build once (it compiles the policy's rules and indexes its clauses); then every call is a
    pure function of its text."""

    def __init__(self, policy: Policy, profile: Profile) -> None:
        from policy.qa import Answerer
        from policy.review import Reviewer, default_model

        self.policy = policy
        self.profile = profile
        self.reviewer = Reviewer(policy, profile, default_model())
        # One reviewer: a draft asked about gets the verdict `/review` would give it.
        self.answerer = Answerer(policy, profile, self.reviewer)

    def review(self, draft: str) -> Review:
        return self.reviewer.review(draft)

    def ask(self, question: str) -> Answer:
        return self.answerer.ask(question)

    @classmethod
    def load(cls, policy_path: Path | None = None, profile_path: Path | None = None) -> "Engine":
        """The embedded policy and example profile unless paths are given."""
        from policy.loader import load_policy, load_profile

        return cls(load_policy(policy_path), load_profile(profile_path))
