"""Verdicts on terms that hold on unseen cards: license fields kept from broken front matter, how strong each kind of
lineage evidence is, restrictions stated in prose, and no later OSI match overriding a stated restriction."""

from __future__ import annotations

import pytest

from auditor.judge.classify import classify
from auditor.models import FetchedFile, LicenseClass, ModelMeta, ModelResult, Snapshot
from auditor.pipeline.audit import judge

OSI, OPEN, RESTRICTED, UNKNOWN = (LicenseClass.OSI_APPROVED, LicenseClass.OPEN_NON_OSI,
                                  LicenseClass.CUSTOM_RESTRICTED, LicenseClass.UNKNOWN)


def judged(readme: str, model_id: str = "someone/model", files: tuple[FetchedFile, ...] = ()) -> ModelResult:
    return judge(Snapshot(ModelMeta(id=model_id, sha="0" * 40), FetchedFile("README.md", text=readme), files))


# --- front matter YAML cannot read ----------------------------------------------------------------

@pytest.mark.parametrize(("front", "cls"), [
    ("widget:\n- sentences: [\n\t\t\"a tab-indented sentence\"\n\t]\nlicense: apache-2.0", OSI),
    ("license: \twtfpl\ntags: [a", OPEN),
    ("license: cc-by-nc-4.0\nlicense: mit", RESTRICTED),  # a duplicate key: the stricter value is not lost
    ("license: mit\nbase_model: meta-llama/Llama-2-7b-hf\nx: [", RESTRICTED),
])
def test_broken_front_matter_keeps_the_license_evidence_and_reports_the_error(front, cls):
    result = judged(f"---\n{front}\n---\n# A model\n")
    assert result.classification is cls
    invalid = [f for f in result.findings if f.code == "card-metadata-invalid"]
    assert invalid and "read by line scan" in invalid[0].message
