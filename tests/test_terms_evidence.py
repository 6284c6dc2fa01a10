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


# --- how strong each kind of lineage evidence is (lineage-evidence.tsv) ----------------------------

def lineage_verdict(body: str = "", model_id: str = "someone/acme-13b", **metadata: object):
    return classify({"license": "mit", **metadata}, body=f"# A model\n\n{body}\n" if body else None, model_id=model_id)


@pytest.mark.parametrize("sentence", [
    "Acme-13b is a 13B LLM pretrained from scratch on a Japanese corpus.",
    "We trained this model from scratch on 1T tokens.",
    "本模型从零开始训练。",
    "本モデルはスクラッチから学習しました。",
    "이 모델은 처음부터 학습되었습니다.",
    "Acme-13b was trained from scratch on 1T tokens of Japanese text using the Llama architecture.",  # a design
])
def test_a_family_tag_on_a_model_trained_from_scratch_names_its_architecture(sentence):
    verdict = lineage_verdict(sentence, tags=["llama-2"])
    assert verdict.classification is OSI
    tag = next(d for d in verdict.detections if d.matcher == "card-base-tag")
    assert not tag.decides and "trained from scratch" in tag.reason


@pytest.mark.parametrize(("sentence", "metadata"), [
    ("", {"tags": ["llama-2"]}),  # a tag alone restricts: the labels follow it (an `apache-2.0` Llama 3 GGUF)
    ("Llama 2 was pretrained from scratch on 2T tokens.", {"tags": ["llama-2"]}),  # about the family, not this model
    ("The Yi series models are trained from scratch by 01.AI.", {"tags": ["Yi-34B"]}),  # copied from the base's card
    ("Its tokenizer was trained from scratch.", {"tags": ["llama-2"]}),  # a part, not the model
    ("This model was not trained from scratch.", {"tags": ["llama-2"]}),
    ("Acme-13b is pretrained from scratch.", {"base_model": "meta-llama/Llama-2-13b-hf"}),  # the declared base stands
    ("Acme-13b is pretrained from scratch. It is a fine-tune of Llama-2-13b.", {}),  # so does a base named in prose
])
def test_a_from_scratch_statement_outweighs_only_weak_evidence_about_this_model(sentence, metadata):
    assert lineage_verdict(sentence, model_id="someone/Yi-34B-GGUF" if "Yi" in sentence else "someone/acme-13b",
                           **metadata).classification is RESTRICTED


def test_the_governing_detection_quotes_the_strongest_lineage_evidence():
    verdict = lineage_verdict("It is an extension of Llama-2-70b-hf with a 32k context.", model_id="someone/Yarn-Llama-2-70b-32k")
    assert verdict.classification is RESTRICTED
    assert verdict.governing.matcher == "card-text-base-model" and verdict.governing.evidence.line == 3


def test_a_family_word_in_the_id_without_a_declared_license_still_restricts():
    assert classify({}, model_id="someone/llama2-13b-megacode2").classification is RESTRICTED
    assert classify({"license": "other"}, model_id="someone/llama2-13b-megacode2").classification is RESTRICTED


def test_the_lineage_strength_table_orders_the_kinds_of_evidence_as_documented():
    from auditor.engine.families import lineage_strengths
    from tests.conftest import ROOT

    rows = lineage_strengths()
    order = ["card-base-model", "card-text-base-model", "card-base-tag", "model-id-family"]
    assert sorted(rows, key=lambda m: -rows[m].strength) == order
    assert [rows[m].restricts_under_open_license for m in order] == [True, True, True, False]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"| `{m}` |" in readme for m in order) and "lineage-evidence.tsv" in readme


# --- restrictions stated in prose under a permissive tag (tests/data/prose-terms.tsv) --------------

def _prose_rows() -> list[tuple[str, str]]:
    import csv
    from pathlib import Path

    with (Path(__file__).parent / "data" / "prose-terms.tsv").open(encoding="utf-8") as handle:
        return [(r["expect"], r["sentence"]) for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


@pytest.mark.parametrize(("expect", "sentence"), _prose_rows(), ids=lambda v: v[:60])
def test_a_restriction_in_prose_restricts_and_a_denial_or_one_about_something_else_does_not(expect, sentence):
    verdict = classify({"license": "apache-2.0"}, body=f"# A model\n\n{sentence}\n")
    if expect == "R":
        assert verdict.classification is RESTRICTED
        assert verdict.governing.evidence.line == 3 and verdict.governing.evidence.quote  # the line is quoted
    elif expect == "O":
        assert verdict.classification is OSI
    else:
        assert verdict.classification is not OSI


@pytest.mark.parametrize(("body", "line"), [
    ("Quill-3B is a compact reasoning model for school and competition math. It is a fine-tune of\n"
     "Qwen2.5-3B-Instruct, trained with rejection-sampled traces.\n", 3),
    ("The weights are provided for research purposes. Any commercial deployment, including\n"
     "internal production use within a company, requires a separate commercial licence from us.\n", 3),
    ("> **Important:** although the repository is tagged MIT, these weights are for non-commercial\n"
     "> use only, because part of the training data is licensed for research.\n", 3),
    ("Apache-2.0 applies, with one exception: you may not use the model or its outputs to train, distil or\n"
     "improve any other language model that is offered as a product competing with ours.\n", 3),
])
def test_a_hard_wrapped_paragraph_is_read_as_one_sentence_and_quoted_on_its_first_line(body, line):
    verdict = classify({"license": "apache-2.0"}, body=f"# A model\n\n{body}")
    assert verdict.classification is RESTRICTED
    assert verdict.governing.evidence.line == line


def test_a_wrapped_line_that_continues_a_sentence_is_read_only_with_the_sentence():
    body = ("We needed a base we could deploy for any customer without an agreement. Llama-2-70B was\n"
            "a candidate, but its licence requires a separate licence from Meta above 700 million users.\n")
    assert classify({"license": "apache-2.0"}, body=f"# A model\n\n{body}").classification is OSI


def test_a_table_of_datasets_and_their_licenses_says_nothing_of_the_models_license():
    body = ("| dataset | licence | notes |\n|---|---|---|\n| acme/acme-instruct-120k | CC BY 4.0 | written by us |\n"
            "| acme/other-mix | ODC-By | subset |\n")
    assert classify({"license": "apache-2.0"}, body=f"# Acme-7B\n\n{body}").classification is OSI


@pytest.mark.parametrize(("body", "line"), [
    ("Training data: a cleaned mix of public web text and licensed news corpora\nFor research use only.\n", 4),
    ("The data pipeline filters toxic content and removes personal information\nNot for commercial use\n", 4),
    ("Our dataset collection is described in the accompanying paper in detail\n**Non-commercial use only.**\n", 4),
])
def test_joining_a_wrapped_paragraph_never_drops_a_restriction_one_of_its_lines_states(body, line):
    verdict = classify({"license": "apache-2.0"}, body=f"# A model\n\n{body}")
    assert verdict.classification is RESTRICTED
    assert verdict.governing.evidence.line == line


@pytest.mark.parametrize(("body", "cls"), [
    ("License: MIT\nModel weights: CC-BY-NC-4.0\n", RESTRICTED),  # two fields stay two lines
    ("This model was trained on a large corpus of news text and evaluated\n## License\nMIT\n", OSI),
])
def test_fields_and_headings_are_never_joined_to_the_line_before(body, cls):
    assert classify({}, body=f"# A model\n\n{body}").classification is cls


@pytest.mark.parametrize(("path", "text"), [
    ("LICENSE", "Licensed under the Apache License 2.0.\n\nFor business deployments, please contact sales@acme.ai first.\n"),
    ("USE_POLICY.md", "Acme usage policy\n\nFor business deployments, please contact sales@acme.ai first.\n"),
])
def test_a_license_file_that_may_limit_a_use_in_words_no_detector_knows_is_never_osi(path, text):
    verdict = classify({"license": "apache-2.0"}, (FetchedFile(path, text=text),))
    assert verdict.classification is UNKNOWN
    assert verdict.governing.evidence.file == path and "business deployments" in verdict.governing.evidence.quote


def test_an_apache_notice_with_its_standard_boilerplate_stays_osi():
    notice = ("Licensed under the Apache License, Version 2.0 (the \"License\"); you may not use this file except in compliance "
              "with the License. Unless required by applicable law or agreed to in writing, software distributed under the "
              "License is distributed on an \"AS IS\" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND.\n")
    assert classify({"license": "apache-2.0"}, (FetchedFile("LICENSE", text=notice),)).classification is OSI


def test_another_models_license_is_a_doubt_that_a_from_scratch_statement_clears():
    said = "Llama 2 is licensed under the Llama 2 Community License."
    doubted = classify({"license": "mit"}, body=f"# A model\n\n{said} This model is MIT.\n")
    assert doubted.classification is UNKNOWN and "Llama 2" in doubted.governing.reason
    cleared = classify({"license": "mit"}, body=f"# A model\n\n{said}\n\nWe trained this model from scratch.\n")
    assert cleared.classification is OSI


def test_a_from_scratch_statement_is_not_terms_a_card_without_a_license_still_has_none():
    verdict = classify({}, body="# A model\n\nWe pretrained this model from scratch on Greek text.\n")
    assert verdict.classification is UNKNOWN and verdict.governing is None
    assert any(f.code == "no-license" for f in verdict.findings)


@pytest.mark.parametrize("sentence", ["We created from scratch a complete pipeline for image generation.",
                                      "We trained a new tokenizer from scratch.", "The projection head was trained from scratch."])
def test_building_something_else_from_scratch_is_not_a_model_trained_from_scratch(sentence):
    assert lineage_verdict(sentence, tags=["llama-2"]).classification is RESTRICTED


# --- terms deferred to a declared base: settled by lineage, never OSI on an unread base ------------

def _deferring(base_terms: dict | None, declared: str = "apache-2.0") -> ModelResult:
    from auditor.errors import HubError
    from auditor.judge.lineage import Lineage, apply_lineage

    def read(repo_id: str) -> ModelMeta:
        if base_terms is None:
            raise HubError("not-found", f"{repo_id} not found")
        return ModelMeta(id=repo_id, card_data=base_terms)

    result = judged(f"---\nlicense: {declared}\nbase_model: someorg/base-7b\n---\n# A model\n\n"
                    "This model inherits the license of the base model.\n")
    assert result.classification is UNKNOWN  # before lineage: the terms are the base's, unread
    return apply_lineage(result, Lineage(read, {result.id: result}))


@pytest.mark.parametrize(("base_terms", "cls"), [
    ({"license": "mit"}, OSI),  # the base is read and open: the card's apache-2.0 and the base's MIT settle it
    ({"license": "cc-by-4.0"}, OPEN),
    ({"license": "cc-by-nc-4.0"}, RESTRICTED),
    ({"license": "other"}, UNKNOWN),  # the base's own terms are unknown
    (None, UNKNOWN),  # the base could not be read: never OSI-approved on terms nobody read
])
def test_terms_deferred_to_a_declared_base_follow_the_base_once_it_is_read(base_terms, cls):
    assert _deferring(base_terms).classification is cls


# --- hostile: no later OSI match overrides a restriction stated anywhere ---------------------------

def _mit() -> str:
    from auditor.engine.catalog import reference_text
    return reference_text("MIT")


def _apache() -> str:
    from auditor.engine.catalog import reference_text
    return reference_text("Apache-2.0")


HOSTILE = {
    "an OSI LICENSE file beside a card that restricts use":
        lambda: classify({"license": "mit"}, (FetchedFile("LICENSE", text=_mit()),),
                         body="# M\n\nThis model is for non-commercial use only.\n"),
    "an OSI id with a license_link to a non-commercial license":
        lambda: classify({"license": "mit", "license_link": "https://creativecommons.org/licenses/by-nc/4.0/"}),
    "the code is MIT, the weights another license (one line)":
        lambda: classify({"license": "mit"}, body="# M\n\nThe code is MIT; the model weights are CC BY-NC 4.0.\n"),
    "the code is Apache, the weights Llama 2 (two sentences)":
        lambda: classify({"license": "apache-2.0"}, body="# M\n\nThe code is released under Apache-2.0. "
                         "The weights are released under the Llama 2 Community License.\n"),
    "a 'Model weights license:' field under an OSI id":
        lambda: classify({"license": "apache-2.0"}, body="# M\n\n- Code license: Apache-2.0\n- Model weights license: CC BY-NC-SA 4.0\n"),
    "a use policy file beside an OSI LICENSE":
        lambda: classify({"license": "mit"}, (FetchedFile("LICENSE", text=_mit()), FetchedFile(
            "USE_POLICY.md", text="# Acceptable use\n\nYou agree not to use the model for military purposes.\n"))),
    "the Apache text pasted in the License section, a restriction added after it":
        lambda: classify({"license": "apache-2.0"}, body="# M\n\n## License\n\n" + _apache()
                         + "\n\nAdditional restriction: the model may not be used for commercial purposes.\n"),
    "the Apache text pasted in the License section, three words added":
        lambda: classify({"license": "apache-2.0"}, body="# M\n\n## License\n\n" + _apache() + "\n\nNon-commercial use only.\n"),
    "an MIT LICENSE with a restriction appended":
        lambda: classify({"license": "mit"}, (FetchedFile("LICENSE", text=_mit() + "\nResearch use only.\n"),)),
    "an MIT LICENSE with a restriction before it":
        lambda: classify({"license": "mit"}, (FetchedFile("LICENSE", text="Non-commercial use only.\n\n" + _mit()),)),
    "an OSI id next to license: other + a restrictive license_name":
        lambda: classify({"license": ["apache-2.0", "other"], "license_name": "llama2"}),
    "an Apache LICENSE and a MODEL_LICENSE that restricts the weights":
        lambda: classify({"license": "apache-2.0"}, (FetchedFile("LICENSE", text=_apache()), FetchedFile(
            "MODEL_LICENSE", text="The model weights may be used for academic research only.\n"))),
    "an MIT LICENSE and an unreadable-by-us LICENSE-WEIGHTS":
        lambda: classify({"license": "mit"}, (FetchedFile("LICENSE", text=_mit()), FetchedFile(
            "LICENSE-WEIGHTS", text="ACME WEIGHTS TERMS\n\nSee acme.ai/terms for the terms that govern the weights.\n"))),
    "an OSI id and an access form that restricts":
        lambda: classify({"license": "mit", "extra_gated_prompt": "By requesting access you agree to use the weights for research only."}),
    "an OSI id and weights for internal evaluation only":
        lambda: classify({"license": "mit"}, body="# M\n\n## Terms\n\nThe weights are for internal evaluation only and may not be deployed.\n"),
    "an OSI id and weights licensed separately under a license nobody knows":
        lambda: classify({"license": "mit"}, body="# M\n\nThe weights are licensed separately under the Acme Model License.\n"),
    "an OSI id and weights subject to a restrictive license named in prose":
        lambda: classify({"license": "mit"}, body="# M\n\nThe model weights are subject to the Llama 3.1 Community License.\n"),
    "an OSI id and a deferral to a declared base nobody read":
        lambda: classify({"license": "apache-2.0", "base_model": "someorg/base"}, body="# M\n\nThis model inherits the license of the base model.\n"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_no_later_osi_match_overrides_a_stated_restriction(case):
    verdict = HOSTILE[case]()
    assert verdict.classification in (RESTRICTED, UNKNOWN)
    assert verdict.governing is not None and verdict.governing.evidence.quote  # a reader can check it


@pytest.mark.parametrize(("sentence", "cls"), [
    ("This model is a fine-tuned version of microsoft/layoutlmv3-base on FUNSD.", RESTRICTED),  # CC BY-NC-SA 4.0
    ("Fine-tuned from LayoutXLM on invoices.", RESTRICTED),
    ("An audio head trained on top of ImageBind.", RESTRICTED),
    ("Based on Jamba 1.5 Mini.", RESTRICTED),  # the Jamba Open Model License
    ("Fine-tuned from layoutlm-base-uncased.", OSI),  # LayoutLM v1 is MIT
    ("Fine-tuned from Jamba-v0.1.", OSI),  # Apache-2.0
])
def test_common_non_commercial_bases_pass_their_terms_on_and_their_open_versions_do_not(sentence, cls):
    assert classify({"license": "apache-2.0"}, body=f"# A model\n\n{sentence}\n").classification is cls


# --- a base named in prose, before or after the derivation words -----------------------------------

@pytest.mark.parametrize("sentence", [
    'We continued training Llama-2-7b on 10B tokens of Korean text.',
    'This is Llama 2 7B fine-tuned on our instruction data.',
    'A Llama-2-13B model fine-tuned on Orca-style data.',
    'Llama 2 13B, instruction-tuned on our dataset.',
    'Our model uses Llama 2 as its backbone.',
    'The backbone is LLaMA-7B.',
    'Initialized with the weights of Llama 2 7B.',
    'We start from LLaMA-13B and train on 1M dialogues.',
    'Starting from Llama-2-7b, we apply DPO.',
    'This model extends Llama 2 with a longer context window.',
    'LoRA weights for LLaMA-7B.',
    'Finetune of Llama 3 8B on roleplay data.',
    'Llama-2-7b + LoRA trained on medical notes.',
    'Model: Llama-2-7b-hf fine-tuned with QLoRA.',
    'We instruction-tuned Llama 3.1 8B on our data.',
    'We fine-tuned Gemma-2-9b on legal text.',
    'We further trained Qwen-7B on code.',
    '使用Llama2作为基座模型进行训练。',
    '本模型以Llama-2-13B为底座。',
    'Llama 2をベースに日本語で追加学習したモデルです。',
    'Llama-2-7bをもとに継続事前学習を行いました。',
    'Llama 2를 기반으로 한국어 데이터로 미세조정한 모델입니다.',
    '이 모델은 Llama-2-7b를 파인튜닝한 모델입니다.',
    'The weights were obtained by fine-tuning meta-llama/Llama-2-7b-hf.',
    'We applied SFT to Llama-3-8B-Instruct.',
    'This model was created by merging Llama-2-13b-chat with our adapter.',
    "This model is a Gemma 2 fine-tune for Korean.",
    "Powered by Llama 3.1.",
    "Our Llama-3 based model for Korean.",
    "This model uses Llama 3.2 1B as its backbone.",  # the dot inside the name
    "Quantized from Qwen/Qwen-14B-Chat with AutoGPTQ.",
    "This checkpoint is an uncensored Llama 2 13B.",
    "This model is Llama-2-7b with a new head for classification.",
    "Meta-Llama-3.1-8B-Instruct abliterated.",
    "Model type: Llama 2 (7B) fine-tuned with LoRA",
    'Formosa-7B 是一個以 Llama 2 7B 為基礎繼續預訓練的繁體中文模型。',  # traditional Chinese
])
def test_a_restrictive_base_named_before_or_after_the_derivation_words_restricts(sentence):
    verdict = classify({"license": "apache-2.0"}, body=f"# A model\n\n{sentence}\n")
    assert verdict.classification is RESTRICTED and verdict.governing.matcher == "card-text-base-model"


@pytest.mark.parametrize("sentence", [
    'We compare with Llama 2 fine-tuned on the same data.',
    'Unlike Llama 2 trained on 2T tokens, ours saw 500B.',
    'Our model outperforms Llama 2 7B fine-tuned on Alpaca.',
    'It extends beyond Llama 2 in reasoning.',
    'Llama 2 7B: 45.3 MMLU.',
    'Llama 2と比較しました。',
    'Llama 2보다 성능이 좋습니다.',
    'Llama 2 trained on 2T tokens is a strong baseline.',
    'Starting from our own checkpoint, we train longer.',
    "Unlike chat-tuned models such as Llama 2-Chat, ours is small.",
    "Compared with instruction-tuned models such as Llama-2-chat, ours wins.",
    "The dataset extends the Llama 2 evaluation suite.",
    'Models fine-tuned on Llama 2 outputs are excluded.',
    "Inference is powered by llama.cpp.",
    "This model is better than Llama 2 13B.",
    "This model is a Llama 2 alternative.",
    "The model is a strong Llama 2 competitor.",
    "We compare it with Llama-2 based models.",  # a kind of model, not this one's base
    "It outperforms Llama 2 based chatbots.",
    "Works with Llama-3 based tokenizers.",
])
def test_a_base_compared_with_or_described_is_not_this_models_base(sentence):
    assert classify({"license": "apache-2.0"}, body=f"# A model\n\n{sentence}\n").classification is OSI


TABLE = ("# A model\n\n| Model | License | Size |\n|---|---|---|\n| [Acme-7B](https://hf.co/acme/Acme-7B) | CC BY-NC 4.0 | 7B |\n"
         "| Other-13B | Apache-2.0 | 13B |\n| Grok-1 | Proprietary | 314B |\n")


@pytest.mark.parametrize(("model_id", "cls"), [
    ("acme/Acme-7B", RESTRICTED), ("someone/Acme-7B-GGUF", RESTRICTED),  # this model's row of the License column
    ("acme/Other-13B", OSI), ("acme/Third-3B", OSI),  # another model's row says nothing of this one
])
def test_the_license_column_row_that_names_this_model_is_its_license_statement(model_id, cls):
    verdict = classify({"license": "apache-2.0"}, body=TABLE, model_id=model_id)
    assert verdict.classification is cls
    if cls is RESTRICTED:
        assert verdict.governing.evidence.line == 5 and "Acme-7B" in verdict.governing.evidence.quote


@pytest.mark.parametrize(("sentence", "cls"), [
    ("The model weights are released under a custom license.", UNKNOWN),
    ("This model is released under our own license (see LICENSE.md).", UNKNOWN),
    ("The weights are released under a separate model license.", UNKNOWN),
    ("The model is licensed under a proprietary license.", RESTRICTED),
    ("The model is released under a permissive license.", OSI),
    ("Our training code uses a custom license.", OSI),  # the code's terms, not the weights'
])
def test_a_license_described_but_not_named_is_never_taken_for_the_declared_one(sentence, cls):
    assert classify({"license": "apache-2.0"}, body=f"# A model\n\n{sentence}\n").classification is cls


# --- bases a card lists: a merge's models, its mergekit configuration, the line under "Base model" -------------

_MERGE_LIST = ("### Models Merged\n\nThe following models were included in the merge:\n"
               "* [meta-llama/Llama-2-13b-chat-hf](https://huggingface.co/meta-llama/Llama-2-13b-chat-hf)\n"
               "* [NousResearch/Nous-Hermes-Llama2-13b](https://huggingface.co/NousResearch/Nous-Hermes-Llama2-13b)")
_MERGE_CONFIG = ("### Configuration\n\n```yaml\nmodels:\n  - model: meta-llama/Llama-2-13b-chat-hf\n"
                 "merge_method: slerp\nbase_model: meta-llama/Llama-2-13b-chat-hf\n```")


@pytest.mark.parametrize("body", [
    _MERGE_LIST,
    _MERGE_CONFIG,
    "## Base model\n\nmeta-llama/Meta-Llama-3-8B",
    "Merge of:\n- Qwen/Qwen-72B-Chat\n- someone/other-72b",
    "SFT of Qwen-72B on medical question answering.",
])
def test_a_base_the_card_lists_restricts_under_a_permissive_tag(body):
    verdict = classify({"license": "apache-2.0"}, body=f"# A merge\n\n{body}\n")
    assert verdict.classification is RESTRICTED
    assert verdict.governing.matcher == "card-text-base-model" and verdict.governing.evidence.line  # the line is quoted


@pytest.mark.parametrize("body", [
    "The following models were used for comparison:\n* Llama-2-13b-chat\n* GPT-4",  # a comparison, not a merge
    "The following models were included in the merge:\n* mistralai/Mistral-7B-v0.1\n\nLlama 2 is a fine model too.",
    "```yaml\nmodels:\n  - model: meta-llama/Llama-2-13b-chat-hf\n```",  # code that is not a merge configuration
])
def test_models_named_outside_a_merge_list_or_configuration_are_not_listed_bases(body):
    assert classify({"license": "apache-2.0"}, body=f"# A model\n\n{body}\n").classification is OSI


@pytest.mark.parametrize(("body", "key"), [
    ("## License\nThis model is released under the Apache License, Version 2.0.", "Apache-2.0"),  # the canonical title
    ("## License\n\nMIT", "MIT"),                         # a License section holding only an id
    ("## License\n\n`apache-2.0`", "Apache-2.0"),
    ("GPT-2 fine-tuned on recipes. MIT licensed, do whatever you like.", "MIT"),
])
def test_a_license_stated_only_in_the_card_text_is_read(body, key):
    verdict = classify({}, body=f"# A model\n\n{body}\n")
    assert verdict.classification is OSI and verdict.governing.key == key and verdict.governing.evidence.line


def test_a_judged_name_without_a_version_is_named_by_its_license_not_by_its_note():
    verdict = classify({"license": "apache-2.0"}, body="# A model\n\n## License\n\nCC BY-NC\n")
    assert verdict.classification is RESTRICTED and verdict.governing.name.startswith("CC BY-NC")
