"""A faster stand-in for the attribute ruler's pattern matcher, with the same matches.

The pipeline's attribute ruler maps fine-grained tags (and a few words) to parts of speech,
morphology and lemmas with some 180 single- and two-token patterns. spaCy's general Matcher
spends a third of the parse time on them; these patterns only test a token's tag, lower-case
form, dependency and whitespace, so a look-up by tag and word finds the same matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

# What a pattern can test of a token, in this order.
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
Features = tuple[str, str, str, bool]
Test = Callable[[Features], bool]


class _Check:
    """One condition of a token pattern on one feature."""

    def __init__(self, at: int, wanted: Any) -> None:
        self.at = at
        self.equals: Any = None
        self.within: frozenset[Any] | None = None
        self.outside: frozenset[Any] | None = None
        self.regex: re.Pattern[str] | None = None
        if not isinstance(wanted, dict):
            self.equals = wanted
            return
        ((op, arg),) = wanted.items()
        if op == "IN":
            self.within = frozenset(arg)
        elif op == "NOT_IN":
            self.outside = frozenset(arg)
        elif op == "REGEX":
            self.regex = re.compile(arg)
        else:
            raise ValueError(f"unsupported attribute-ruler operator {op!r}")

    def __call__(self, f: Features) -> bool:
        value = f[self.at]
        if self.within is not None:
            return value in self.within
        if self.outside is not None:
            return value not in self.outside
        if self.regex is not None:
            return self.regex.search(str(value)) is not None
        return bool(value == self.equals)


def _test(spec: dict[str, Any]) -> Test:
    """A predicate over a token's features for one token of a pattern."""
    unknown = set(spec) - set(_FIELDS)
    if unknown:
        raise ValueError(f"unsupported attribute-ruler pattern keys {sorted(unknown)}")
    checks = [_Check(_FIELDS[key], wanted) for key, wanted in spec.items()]
    return lambda f: all(check(f) for check in checks)


def _keys(spec: dict[str, Any]) -> tuple[int, tuple[str, ...]] | None:
    """The feature a token pattern can be looked up by, and the values that select it."""
    for name in ("TAG", "LOWER", "DEP"):
        wanted = spec.get(name)
        if isinstance(wanted, str):
            return _FIELDS[name], (wanted,)
        if isinstance(wanted, dict) and set(wanted) == {"IN"}:
            return _FIELDS[name], tuple(wanted["IN"])
    return None


class _Index:
    """Token tests filed under the tag, word or dependency that a match needs."""

    def __init__(self) -> None:
        self.filed: tuple[dict[str, list[Any]], ...] = ({}, {}, {})
        self.anywhere: list[Any] = []

    def add(self, spec: dict[str, Any], entry: Any) -> None:
        keys = _keys(spec)
        if keys is None:
            self.anywhere.append(entry)
            return
        at, values = keys
        for value in values:
            self.filed[at].setdefault(value, []).append(entry)

    def candidates(self, f: Features) -> list[Any]:
        return [
            *self.filed[0].get(f[0], ()),
            *self.filed[1].get(f[1], ()),
            *self.filed[2].get(f[2], ()),
            *self.anywhere,
        ]


def speed_up(ruler: AttributeRuler) -> None:
    """Replace `ruler.match` with a look-up that returns exactly the matches it would."""
    singles, pairs = _Index(), _Index()
    entries: list[Any] = list(ruler.patterns)
    for attr_id, entry in enumerate(entries):
        for pattern in entry["patterns"]:
            if len(pattern) == 1:
                singles.add(pattern[0], (attr_id, _test(pattern[0])))
            elif len(pattern) == 2:
                pairs.add(pattern[0], (attr_id, _test(pattern[0]), _test(pattern[1])))
            else:
                raise ValueError("attribute-ruler patterns longer than two tokens are unsupported")
    keys = [ruler.vocab.strings.add(str(i)) for i in range(len(entries))]

    def match(doc: Doc) -> list[tuple[int, int, int, int]]:
        features: list[Features] = [(t.tag_, t.lower_, t.dep_, t.is_space) for t in doc]
        found: list[tuple[int, int, int, int]] = []
        for i, f in enumerate(features):
            for attr_id, test in singles.candidates(f):
                if test(f):
                    found.append((attr_id, keys[attr_id], i, i + 1))
            if i + 1 < len(features):
                for attr_id, first, second in pairs.candidates(f):
                    if first(f) and second(features[i + 1]):
                        found.append((attr_id, keys[attr_id], i, i + 2))
        found.sort()
        return found

    ruler.match = match  # type: ignore[method-assign]
