"""Suppressions: a reviewed finding can be silenced, but only with a reason and an expiry date."""

from __future__ import annotations

import datetime as dt
import fnmatch
from dataclasses import dataclass
from typing import Any

from auditor.cards.frontmatter import load_yaml
from auditor.errors import AuditorError


class SuppressionError(AuditorError):
    """The suppressions file is unreadable or an entry lacks what it needs."""


@dataclass(frozen=True, slots=True)
class Suppression:
    """One entry: which models (glob), which finding code, why, and until when."""

    model: str
    code: str
    reason: str
    expires: dt.date

    def matches(self, model_id: str, code: str) -> bool:
        """True for this model (glob, case-sensitive like Hub ids) and finding code (`*` for any)."""
        return fnmatch.fnmatchcase(model_id, self.model) and (self.code in ("*", code))


def parse_suppressions(text: str, source: str = "suppressions file") -> list[Suppression]:
    """Read the YAML list; every entry needs `model`, `code`, a non-empty `reason` and an `expires` date."""
    try:
        data = load_yaml(text)
    except Exception as exc:  # noqa: BLE001 - any YAML failure is the same user error
        raise SuppressionError(f"{source}: not valid YAML: {' '.join(str(exc).split())[:200]}") from exc
    entries = data.get("suppressions") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise SuppressionError(f"{source}: expected a list under `suppressions:`")
    out: list[Suppression] = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise SuppressionError(f"{source}: entry {number} is not a mapping")
        missing = [k for k in ("model", "code", "reason", "expires") if not entry.get(k)]
        if missing:
            raise SuppressionError(f"{source}: entry {number} lacks {', '.join(missing)} (a reason and an expiry are required)")
        expires = entry["expires"]
        if isinstance(expires, str):
            try:
                expires = dt.datetime.fromisoformat(expires.strip())  # a date, or a date and a time of day
            except ValueError as exc:
                raise SuppressionError(f"{source}: entry {number}: expires must be a date (YYYY-MM-DD)") from exc
        if isinstance(expires, dt.datetime):  # `expires: 2027-03-31T18:00:00` ends on that day
            expires = expires.date()
        if not isinstance(expires, dt.date):
            raise SuppressionError(f"{source}: entry {number}: expires must be a date (YYYY-MM-DD)")
        out.append(Suppression(str(entry["model"]), str(entry["code"]), str(entry["reason"]).strip(), expires))
    return out


def apply_suppressions(feed: dict[str, Any], suppressions: list[Suppression], today: dt.date) -> None:
    """Mark suppressed findings (a suppressed flag unflags the model); report expired entries. Changes `feed`."""
    used: set[int] = set()
    expired = [s for s in suppressions if s.expires < today]
    for model in feed["models"]:
        for finding in model["findings"]:
            for index, rule in enumerate(suppressions):
                if rule.expires >= today and rule.matches(model["id"], finding["code"]):
                    finding["suppressed"] = {"reason": rule.reason, "expires": rule.expires.isoformat()}
                    used.add(index)
                    break
        flag = next((f for f in model["findings"] if f["code"] == "open-source-claim"), None)
        if flag is not None and "suppressed" in flag and model["flagged"]:
            model["flagged"], model["flag_severity"], model["flag_suppressed"] = False, None, True
        for rule in expired:
            if fnmatch.fnmatchcase(model["id"], rule.model):
                model["findings"].append({
                    "code": "suppression-expired", "severity": "warning",
                    "message": f"A suppression of {rule.code!r} expired on {rule.expires.isoformat()} "
                               f"(reason given: {rule.reason}); the finding counts again.",
                    "evidence": []})
    feed["suppressions"] = {
        "applied": sorted({f"{s.model} {s.code}" for i, s in enumerate(suppressions) if i in used}),
        "expired": [{"model": s.model, "code": s.code, "reason": s.reason, "expires": s.expires.isoformat()} for s in expired],
        "unused": [{"model": s.model, "code": s.code} for i, s in enumerate(suppressions)
                   if i not in used and s not in expired],
    }
