"""False-open verdicts: restricted terms written in ways people write them, judged on the whole card, never OSI-approved."""

from __future__ import annotations

import pytest

from auditor.judge.classify import classify
from auditor.models import LicenseClass, Verdict

OSI, OPEN, RESTRICTED, UNKNOWN = (LicenseClass.OSI_APPROVED, LicenseClass.OPEN_NON_OSI,
                                  LicenseClass.CUSTOM_RESTRICTED, LicenseClass.UNKNOWN)


def judged(body: str, license_id: str | None = "apache-2.0", model_id: str = "someone/a-model", **metadata: object) -> Verdict:
    front = {"license": license_id, **metadata} if license_id else dict(metadata)
    return classify(front, body=f"# A model\n\n{body}\n", model_id=model_id)


# --- bases named as their community writes them: short names, spaces, underscores ------------------

@pytest.mark.parametrize(("body", "metadata"), [
    ("A roleplay finetune of L3-8B-Instruct.", {}),  # L3 / L3.1 / L3.3 / L2: the community's short names for Llama
    ("A merge of two of my earlier models.", {"base_model": ["me/L3.1-8B-Stardust", "me/L3.1-8B-Sunset"]}),
    ("The following models were included in the merge:\n* [me/L3.3-70B-Euryale](https://huggingface.co/me/L3.3-70B-Euryale)", {}),
    ("GGUF quants of airoboros-l2-13b-2.2.", {}),
    ("This model was fine-tuned from Llama2_7B_chat on Korean instructions.", {}),  # an underscore after the family
    ("LoRA adapter trained on top of Yi 34B for customer support.", {}),  # a space where the id has a hyphen
    ("We fine-tuned Qwen2.5 72B Instruct on our legal corpus.", {}),
    ("A math SFT of Qwen2.5 3B.", {}),
    ("Fine-tuned from Falcon 180B on chat data.", {}),
    ("A fine-tune of Mistral Large 2 for tool use.", {}),
    ("Fine-tuned from BLOOM 7B1 on French instructions.", {}),
])
def test_a_restrictive_base_in_its_written_forms_restricts(body, metadata):
    assert judged(body, **metadata).classification is RESTRICTED


@pytest.mark.parametrize("body", [
    "We use L2 regularisation and a 3-layer head; trained from scratch on public text.",
    "The loss adds an L2 penalty; see the L3 cache notes for speed.",
    "Fine-tuned from Qwen2.5 7B Instruct.",  # Apache-2.0
    "Fine-tuned from Falcon 40B.",
    "It blooms 3 times faster than the baseline.",
])
def test_words_like_a_family_short_name_restrict_nothing(body):
    assert judged(body).classification is OSI


# --- restrictions in prose, in the words people use --------------------------------------------------

@pytest.mark.parametrize("body", [
    "You cannot use this model commercially.",  # contractions read as their two words
    "Don't use this model commercially.",
    "YOU CANNOT USE THIS MODEL COMMERCIALLY.",
    "DON'T USE THIS MODEL COMMERCIALLY.",
    "Please don't use it for commercial purposes.",
    "You're welcome to play with it for personal projects, but please don't use it in anything you make money from.",
    "The weights may not be used for profit.",
    "No commercial usage allowed.",
    "Use of the model is governed by its license, which restricts commercial use.",
    "The licence does not allow commercial use.",
    "Commercial use is reserved to OldLab and its partners.",
    "Only for personal, non-commercial use.",
    "This checkpoint is shared with the research community only.",
    "It must not be deployed in products or services.",
    "Deploying the weights in a product requires a written agreement with Studio.",
    "Any commercial exploitation needs our prior consent.",
    "You need our permission to use this model in a commercial product.",
    "Free for individuals and academia. Companies need a paid subscription to use the model.",
    "If your service exceeds 50 million monthly users you need our written permission.",
    "Using this model to create a competing foundation model is not allowed.",
    "This release is not available to users in mainland China or Russia.",
    "By downloading the weights you agree to the Policy Labs Responsible Use Policy.",
    "The licence terminates if guardrails are bypassed or the safety classifier is removed.",
    "本模型仅限个人学习与研究交流使用。",
    "本モデルの商用利用はご遠慮ください。",
    "営利目的での利用はできません。",
    "商用利用をご希望の方は、弊社までご連絡ください。",
])
def test_a_restriction_in_new_words_restricts_under_a_permissive_tag(body):
    verdict = judged(body)
    assert verdict.classification is RESTRICTED
    assert verdict.governing.evidence.line == 3


@pytest.mark.parametrize("body", [
    "The model should only be used for educational purposes.",  # advice or a term: never OSI-approved
])
def test_a_use_limited_in_advice_words_is_a_doubt(body):
    assert judged(body).classification is UNKNOWN


@pytest.mark.parametrize("body", [
    "The license does not restrict commercial use.",
    "Nothing in these terms limits commercial use.",
    "We don't restrict commercial use in any way.",
    "There are no commercial usage restrictions.",
    "This small model competes with much larger ones on reasoning benchmarks.",
    "Questions about commercial deployment? Feel free to contact us; the Apache 2.0 licence already allows it.",
    "Trained in the European Union on EU-hosted compute; available worldwide.",
    "We follow our Responsible AI Policy when we pick training data.",
    # a restriction on the code, beside weights given open terms in the same line, is the code's
    "The training code is released for research only; the model weights are MIT and can be used commercially.",
    # another model's terms, pointed at as that model's
    "| model | licence |\n|---|---|\n| NV-Embed-v2 | CC-BY-NC-4.0 |\n\nThe NV-Embed-v2 row is given for reference; that model's licence does not allow commercial use.",
])
def test_words_near_a_restriction_that_restrict_nothing_keep_the_tag(body):
    assert judged(body).classification is OSI


def test_a_clause_after_a_comma_with_its_own_subject_is_judged_on_its_own():
    body = ("## Terms\n\nIn short: use is limited to non-commercial evaluation, you may not publish benchmark results "
            "without written permission, and the weights may not be shared outside your organisation.")
    assert judged(body, license_id="other").classification is RESTRICTED


# --- a question on a use, answered "No" ----------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Can I use this commercially? No.",
    "## FAQ\n\n**Can I use this commercially?** No. It is for research and personal use.",
    "### Can I use it in a commercial product?\nNo, please contact us.",
    "Q: Is commercial use allowed?\nA: No.",
    "Can I sell the model? No.",
    "Can I redistribute the weights? Nope, please link here instead.",
])
def test_a_use_question_answered_no_restricts(body):
    assert judged(body).classification is RESTRICTED


@pytest.mark.parametrize("body", [
    "**Can I use this commercially?** Yes, under Apache 2.0.",
    "Can I use it commercially? No restrictions, go ahead.",
    "Is it under the Llama licence? No.",
    "Can I run it on a laptop? No, it needs a 24 GB GPU.",
])
def test_a_question_answered_yes_or_on_something_else_restricts_nothing(body):
    assert judged(body).classification is OSI


# --- a version's license: this release's when the version is this model's ----------------------------

@pytest.mark.parametrize(("model_id", "body", "cls"), [
    ("acme/acme-v2", "Version 2 was released under CC BY-NC 4.0.", RESTRICTED),  # this model is version 2
    ("acme/acme-v3", "Version 2 was released under CC BY-NC 4.0.", OSI),  # an earlier version
    ("acme/acme", "Version 2 was released under CC BY-NC 4.0.", UNKNOWN),  # which version is this? a doubt
    ("acme/acme", "Version 1 was released under CC BY-NC 4.0. Version 2 is Apache 2.0.", OSI),
    ("acme/acme-v2", "v1 was released under CC BY-NC 4.0; v2 is Apache 2.0.", OSI),
])
def test_a_license_of_a_named_version_binds_the_model_of_that_version(model_id, body, cls):
    assert judged(body, model_id=model_id).classification is cls


# --- a table column that says what a use may be ------------------------------------------------------

FAMILY_TABLE = "| Model | Params | Commercial use |\n|---|---|---|\n| acme-family-1b | 1B | ❌ |\n| acme-family-7b | 7B | ✅ |"


@pytest.mark.parametrize(("model_id", "cls"), [("acme/acme-family-1b", RESTRICTED), ("acme/acme-family-7b", OSI)])
def test_a_commercial_use_column_speaks_for_the_row_that_names_this_model(model_id, cls):
    verdict = judged(FAMILY_TABLE, model_id=model_id)
    assert verdict.classification is cls
    if cls is RESTRICTED:
        assert verdict.governing.evidence.quote.startswith("| acme-family-1b |")


# --- licence names, links and named agreements --------------------------------------------------------

@pytest.mark.parametrize(("metadata", "key"), [
    ({"license_name": "mnpl-0.1"}, "mistral-mnpl-0.1"),  # the short id with its version
    ({"license_name": "mrl-0.1"}, "mistral-mrl-0.1"),
    ({"license_link": "https://mistral.ai/licenses/MRL-0.1.md"}, "mistral-mrl-0.1"),
    ({"license_link": "https://ai.google.dev/gemma/terms"}, "gemma-tou-2024-04-01"),  # the family names the page
    ({"license_link": "https://llama.meta.com/llama3/license"}, "llama-3-license-2024"),
    ({"license_link": "https://www.llama.com/llama3_1/license/"}, "llama-3.1-license-2024"),
    ({"license_link": "https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/LICENSE"}, "llama-3.2-license-2024"),
])
def test_a_license_name_or_page_of_a_restrictive_family_restricts(metadata, key):
    verdict = judged("A fine-tune.", license_id="other", **metadata)
    assert verdict.classification is RESTRICTED and verdict.governing.key == key


@pytest.mark.parametrize("link", [
    "https://github.com/someone/llama-tools/blob/main/LICENSE",  # a tool's repo, named like a family
    "https://ai.meta.com/llama/license/",  # a family whose versions have other terms, named without a version
])
def test_a_license_page_that_names_no_one_family_version_stays_unknown(link):
    assert judged("A fine-tune.", license_id="other", license_link=link).classification is UNKNOWN


@pytest.mark.parametrize(("body", "cls"), [
    ("Licensed under Apache 2.0 with the Commons Clause.", RESTRICTED),
    ("The model is released under Apache 2.0 with the following additional restriction: it may not be used to generate spam.", RESTRICTED),
    ("We do not grant any rights for commercial use of the weights.", RESTRICTED),
    ("You may use this model only in accordance with the Acme AI Principles.", RESTRICTED),
    ("商用请邮件联系 bd@acme.example。", RESTRICTED),
    ("使用本模型即表示您同意遵守《Acme 模型使用协议》。", UNKNOWN),  # an agreement the catalog does not know
    ("We trained it in accordance with our AI principles.", OSI),  # the publisher's practice, not the user's terms
])
def test_terms_named_or_added_in_prose_bind_the_model(body, cls):
    assert judged(body).classification is cls


def test_an_offer_of_a_commercial_licence_beside_an_open_one_is_no_requirement():
    verdict = judged("Apache 2.0. If your legal team needs a commercial licence with warranties, we sell one too.")
    assert verdict.classification is not RESTRICTED  # never an accusation; the offer may still be checked


# --- bases in the forms quantisers and fine-tuners write -------------------------------------------------

@pytest.mark.parametrize("body", [
    "Trained 2x faster with Unsloth from unsloth/llama-3-8b-bnb-4bit.",
    "This is meta-llama/Llama-3.2-1B-Instruct, quantized to 4 bit with bitsandbytes.",  # an uploader before the name
    "Quantized by someone.\n\nOriginal model: https://huggingface.co/Sao10K/L3-8B-Stheno-v3.2",  # only the address
    "We DPO'd Qwen1.5-7B-Chat on preference pairs.",
    "An instruct version of gemma-7b tuned on our data.",
    "이 모델은 Llama-3-8B를 한국어 데이터로 추가 학습한 모델입니다.",
    "本モデルは Llama 3 を日本語データで追加学習したモデルです。",
    "ライセンスは Llama 3 Community License に従います。",
])
def test_a_base_named_as_quantisers_and_fine_tuners_write_restricts(body):
    assert judged(body).classification is RESTRICTED


@pytest.mark.parametrize("body", [
    "It was trained on synthetic outputs from meta-llama/Llama-3-70B-Instruct, filtered by hand.",
    "See https://huggingface.co/meta-llama/Llama-2-7b for a bigger model.",
    "We trained it from mistralai/Mistral-7B-v0.1.",  # Apache-2.0
])
def test_a_repo_named_near_training_words_restricts_only_as_a_base(body):
    assert judged(body).classification is not RESTRICTED


# --- thresholds, access, hosting and derivatives said in a sentence -------------------------------------

@pytest.mark.parametrize("body", [
    "Startups under $1M ARR may use it for free; others need a licence.",
    "Free for teams of up to 10 people; larger teams need a business plan.",
    "Organisations with an annual turnover of more than EUR 5 million must buy a licence.",
    "The weights are gated; access is granted to verified researchers.",
    "Available upon request for academic purposes.",
    "Academic and non-profit use is free. Please contact us otherwise.",
    "For hobbyists and students. Not for businesses.",
    "You may not offer this model as a hosted service (SaaS) without an agreement with us.",
    "Serving this model through a paid API is not permitted.",
    "The weights are shared under NDA with our partners.",
    "Fine-tuning or modifying these weights is not permitted.",
    "Please do not re-upload these weights elsewhere.",
    "本模型禁止用于任何商业目的。",
    "Ce modèle est réservé à un usage non commercial.",
    "Este modelo solo puede usarse con fines de investigación.",
])
def test_a_threshold_access_or_use_limit_in_a_sentence_restricts(body):
    assert judged(body).classification is RESTRICTED


@pytest.mark.parametrize("body", [
    'Any derivative must include "Acme" at the beginning of its name and be released under these same terms.',
    "Use by persons in embargoed countries is prohibited.",  # export control: the law's, or the licence's?
])
def test_a_condition_no_detector_names_is_a_doubt(body):
    assert judged(body).classification is UNKNOWN


@pytest.mark.parametrize("body", [
    "For commercial support, contact us.",
    "Predicts whether a company's turnover exceeds EUR 5 million from its filings.",
    "Our revenue forecasting model: predicts revenue above or below 10 million for retail stores.",
    "A hosted version is available through our paid API; the weights here are Apache 2.0.",
    "Feel free to re-upload, quantize or fine-tune.",
    "Don't hesitate to use it commercially.",
    "The repo is not gated; download it freely.",
])
def test_open_terms_beside_words_of_limits_stay_open(body):
    assert judged(body).classification is OSI


# --- markup around the terms -------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "cls"), [
    ("<table><tr><td>Commercial use</td><td>❌</td></tr></table>", RESTRICTED),  # an HTML row's two cells
    ("<table><tr><td>Commercial use</td><td>✅</td></tr></table>", OSI),
    ("⚠️ Non-commercial license", RESTRICTED),  # a line that is only the label
    ("The license of this model is the same as [Llama 3](https://llama.meta.com/llama3/license).", RESTRICTED),
    ("The license of this model is the same as the training code (Apache 2.0).", OSI),
    ("Note: this model is a Llama 3 derivative.", RESTRICTED),
    ("It outperforms a Llama 2 fine-tune on MMLU.", OSI),
    ("This model is a Mistral 7B fine-tune.", OSI),
])
def test_terms_in_markup_labels_and_same_as_sentences(body, cls):
    assert judged(body).classification is cls
