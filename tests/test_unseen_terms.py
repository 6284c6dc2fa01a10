"""No restricted terms called OSI-approved on cards nobody tuned on: families of bases, restrictions and deferrals in
prose, the model id, links and access forms — and the shipped tables checked against the Hub's own lists."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from auditor.judge.classify import classify
from auditor.engine.catalog import load_catalog
from auditor.engine.families import family_publishers, load_base_families
from auditor.engine.labels import load_hub_ids, resolve_label
from auditor.models import LicenseClass, Verdict

OSI, OPEN, RESTRICTED, UNKNOWN = (LicenseClass.OSI_APPROVED, LicenseClass.OPEN_NON_OSI,
                                  LicenseClass.CUSTOM_RESTRICTED, LicenseClass.UNKNOWN)
DATA = Path(__file__).parent / "data"


def verdict_of(body: str, license_id: str = "apache-2.0", **metadata: object) -> Verdict:
    return classify({"license": license_id, **metadata}, body=f"# A model\n\n{body}\n")


def table(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))


# --- bases named in prose, however they are spelt and whatever the relation word ------------------

@pytest.mark.parametrize("sentence", [
    "This model is fine-tuned from Llama2-7b on our data.",
    "This is a LoRA of llama 2 7b chat.",
    "Quantized version of Llama-3.1-8B-Instruct.",
    "These are delta weights of LLaMA-13B.",
    "An adapter on Llama 3.1 8B.",
    "Built with Meta Llama 3.",
    "This model is based on Alpaca 7B.",
    "A fine-tune of WizardLM-13B.",
    "Based on Guanaco-33B.",
    "Built on Koala-13B.",
    "This model is based on Baichuan2-13B-Chat.",
    "Based on internlm2-chat-7b.",
    "Based on DeepSeek LLM 7B.",
    "Fine-tuned from Falcon-180B.",
    "A fine-tune of Command R+.",
    "Based on Grok-2.",
    "A LoRA for FLUX.1 [dev].",
    "Based on MiniCPM-2B.",
    "Fine-tuned from Codestral-22B.",
    "Based on SDXL-Turbo.",
    "A LoRA trained on SDXL 1.0.",
    "Fine-tuned from Stable Video Diffusion.",
    "Fine-tuned from OPT-1.3b.",
    "Fine-tuned from nllb-200-distilled-600M.",
    "This model is a fine-tuned version of paligemma-3b.",
    "We trained it with Llama-2-7b as the base model.",
    "- **Base model:** Llama-2-7b-hf",
    "本模型基于Llama2微调。",
    "本模型在Llama2的基础上进行了中文词表扩充和继续预训练。",
    "我们以 Baichuan2-13B 为基座训练。",
    "This repo contains GGUF format model files for Meta's Llama 2 7B Chat.",
    "- Original model: [Llama 2 7B Chat](https://huggingface.co/meta-llama/Llama-2-7b-chat-hf)",
    "Fine-tuned from mpt-7b-chat.",
    "Based on Orca-2-13b.",
    "Fine-tuned from codegeex2-6b.",
])
def test_a_restrictive_base_named_in_prose_restricts_under_a_permissive_tag(sentence):
    verdict = verdict_of(sentence)
    assert verdict.classification is RESTRICTED
    assert verdict.governing.matcher == "card-text-base-model" and verdict.governing.evidence.line == 3


@pytest.mark.parametrize("sentence", [
    "We compare with Llama 2 7B.",
    "Our model outperforms Llama-2-13B on MMLU.",
    "Unlike Llama 2, this model is fully open.",
    "We benchmark against Qwen-7B and Baichuan2-7B.",
    "Trained on data distilled from Llama 2.",
    "Built with PyTorch and Transformers.",
    "- **Base model:** Mistral-7B-v0.1",
    "Fine-tuned from Yi-1.5-9B.",  # Apache-2.0, unlike Yi-6B/34B
    "A LoRA for FLUX.1-schnell.",  # Apache-2.0, unlike FLUX.1 [dev]
    "Fine-tuned from internlm3-8b-instruct.",  # Apache-2.0, unlike InternLM 1/2/2.5
    "Fine-tuned from Falcon-7B.",
    "Fine-tuned from open-llama-7b.",  # OpenLLaMA, an Apache-2.0 reproduction
    "Fine-tuned from mpt-7b.",  # Apache-2.0, unlike MPT-7B-Chat
    "This repo contains GGUF format model files for Mistral 7B Instruct.",
])
def test_a_family_compared_with_or_an_open_sibling_restricts_nothing(sentence):
    assert verdict_of(sentence).classification is OSI


# --- restrictions and license names stated in prose -----------------------------------------------

@pytest.mark.parametrize("sentence", [
    "This model is intended for non-commercial use.",
    "Commercial use requires authorization.",
    "Commercial use of the model requires a license from Acme.",
    "For commercial use, please contact us for a license.",
    "Please contact us before any commercial use.",
    "You may not use this model to harm others.",
    "This model may only be used for research.",
    "Use of this model is restricted to research.",
    "The model is only available for research.",
    "This model is not licensed for commercial use.",
    "This checkpoint must not be used commercially.",
    "Commercial use is strictly prohibited.",
    "You must obtain written permission before using this model commercially.",
    "Free for research; commercial licensing available on request.",
    "Free for academic research, commercial use by application.",
    "本模型禁止商用。",
    "本模型不可商用。",
    "如需商用，请联系我们。",
    "模型权重仅限学术研究。",
    "商业使用请联系我们获取授权。",
    "## 许可证\n本模型的权重仅对学术研究开放，商业用途请联系作者。",
    "## Commercial use\nPlease contact us to obtain a commercial license before deploying the model.",
    "## Research use only\nThis is our model.",
    "### ⚠️ Non-commercial use only",
    "| Commercial use | Not allowed |",
    "Commercial use: contact us.",
    "本模型仅允许学术研究使用。",
    "本模型不允许商用。",
    "本模型只能用于研究。",
    "模型权重对学术研究完全开放，若需商用请填写问卷。",
    "このモデルは研究目的のみで利用できます。",
    "商用利用は不可です。",
    "이 모델은 비상업적 용도로만 사용할 수 있습니다.",
    "이 모델은 연구 목적으로만 사용할 수 있습니다.",
    # found by a hostile review: plain-spoken bans under an `mit`/`apache-2.0` tag
    "Use in the European Union is not permitted.",
    "You may not use Robin-7B to develop a competing product.",
    "Please do not use Jay-1B for commercial purposes.",
    "Redistribution of the weights is not allowed.",
])
def test_a_restriction_in_prose_restricts_under_a_permissive_tag(sentence):
    assert verdict_of(sentence).classification is RESTRICTED


@pytest.mark.parametrize("sentence", [
    "This model is under the Llama 2 Community License.",
    "This model follows the Llama 3 license.",
    "Usage of this model is governed by the Gemma license.",
    "You must comply with the Llama 2 acceptable use policy.",
    "This model is released under the same license as StarCoder.",
    "This model is released under the OpenRAIL-M license.",
    "This model is released under a research-only license.",
    "The model weights are CC BY-NC 4.0.",
    "Weights: CC BY-NC-SA 4.0",
    "License: OpenRAIL++",
    "The model is released under the MiniMax Model License.",  # two dated texts, both restrictive
])
def test_restricted_terms_named_in_prose_restrict_under_a_permissive_tag(sentence):
    verdict = verdict_of(sentence)
    assert verdict.classification is RESTRICTED
    assert verdict.governing.matcher == "card-text-license"


@pytest.mark.parametrize("sentence", [
    "The model was trained on non-commercial data but is released under Apache 2.0.",
    "Licensed under the Apache License, Version 2.0; you may not use this file except in compliance with the License.",
    "The model is free for both commercial and research use.",
    "This model is free for academic use.",
    "本模型完全开源，允许免费商用。",
    "## Limitations\nThe model may produce harmful content; it should not be used for medical advice.",
])
def test_permissive_or_descriptive_prose_keeps_the_tag(sentence):
    assert verdict_of(sentence).classification is OSI


@pytest.mark.parametrize("sentence", [
    "Research use.\n\nThe weights are non-commercial research artefacts.",
    "Weights: non-commercial use, like the teacher model.",
    "## FAQ\n**Is it restricted?** Yes, non-commercial.",
    "The weights are non-commercial.",
])
def test_a_restriction_not_phrased_as_a_term_still_bars_osi_approved(sentence):
    verdict = verdict_of(sentence)
    assert verdict.classification in (UNKNOWN, RESTRICTED)


@pytest.mark.parametrize("sentence", [
    "We used a non-commercial GPU cluster.",
    "Is the data filtered? No, non-commercial sources were excluded.",
])
def test_an_adjective_non_commercial_raises_no_doubt(sentence):
    assert verdict_of(sentence).classification is OSI


def test_weights_said_to_be_non_commercial_are_restricted():
    assert verdict_of("The model weights are non-commercial.").classification is RESTRICTED


# --- terms deferred to a base the card does not name ----------------------------------------------

@pytest.mark.parametrize("sentence", [
    "License: see base model",
    "The license of this model follows the base model.",
    "This model inherits the license of the original model.",
    "Please see the LICENSE of the original model.",
    "Use of this model is subject to the terms of the original model.",
    "This model is released under the same license as the base model.",
    "本模型遵循原模型的许可协议。",
])
def test_terms_deferred_to_an_unnamed_base_are_unknown_never_osi(sentence):
    verdict = verdict_of(sentence)
    assert verdict.classification is UNKNOWN
    assert "base model" in verdict.governing.reason


def test_terms_deferred_to_a_declared_base_stay_unknown_until_lineage_reads_it():
    verdict = verdict_of("The license follows the base model.", base_model="mistralai/Mistral-7B-v0.1")
    assert verdict.classification is UNKNOWN  # lineage reads the declared base's own terms (tests/test_terms_evidence.py)


# --- the model id, the license link, the access form ----------------------------------------------

@pytest.mark.parametrize("model_id,cls", [
    ("someone/llama2-13b-megacode2-oasst", RESTRICTED),
    ("someone/Baichuan2-7B-sft", RESTRICTED),
    ("someone/sdxl-watercolour-lora", RESTRICTED),
    ("meta-llama/Llama-2-7b-hf", UNKNOWN),  # the family's own publisher sets the terms in its card: `other` says nothing
    ("google/gemma-2b", UNKNOWN),
    ("openlm-research/open-llama-7b", UNKNOWN),
    ("someone/mistral-7b-tuned", UNKNOWN),
])
def test_a_family_in_the_model_id_passes_its_terms_on_except_from_its_publisher(model_id, cls):
    assert classify({"license": "other"}, model_id=model_id).classification is cls


@pytest.mark.parametrize("model_id", ["someone/llama2-13b-megacode2-oasst", "someone/Baichuan2-7B-sft", "someone/sdxl-watercolour-lora"])
def test_a_family_word_in_the_id_against_a_declared_open_license_is_unknown_naming_both(model_id):
    """A word in the repo id is the weakest lineage evidence (lineage-evidence.tsv): against `apache-2.0` it neither
    restricts on a guess nor lets the verdict be OSI-approved."""
    verdict = classify({"license": "apache-2.0"}, model_id=model_id)
    assert verdict.classification is UNKNOWN
    assert verdict.governing.matcher == "model-id-family" and "license: apache-2.0" in verdict.governing.reason


def test_a_license_link_to_restricted_terms_counts_under_an_osi_id():
    link = "https://huggingface.co/meta-llama/Llama-2-7b/blob/main/LICENSE.txt"
    assert classify({"license": "mit", "license_link": link}).classification is RESTRICTED
    assert classify({"license": "mit", "license_link": "https://opensource.org/licenses/MIT"}).classification is OSI


def test_an_access_form_checkbox_that_restricts_use_counts():
    fields = {"Name": "text", "I agree to use this model for non-commercial use ONLY": "checkbox"}
    assert classify({"license": "apache-2.0", "extra_gated_fields": fields}).classification is RESTRICTED
    plain = {"Name": "text", "Affiliation": "text", "I accept the terms": "checkbox"}
    assert classify({"license": "apache-2.0", "extra_gated_fields": plain}).classification is OSI


def test_an_access_form_checkbox_of_three_words_that_restricts_use_counts_too():
    short = {"Name": "text", "Research use only": "checkbox"}  # short labels ("Name", "Country") are skipped, not this
    assert classify({"license": "apache-2.0", "extra_gated_fields": short}).classification is RESTRICTED


# --- the shipped tables against the Hub's lists and their own properties --------------------------

@pytest.mark.parametrize("row", table("hf-license-judgements.tsv"), ids=lambda r: r["hub_id"])
def test_every_hub_id_has_its_judged_class(row):
    assert load_hub_ids()[row["hub_id"]].classification.value == row["judgement"]


@pytest.mark.parametrize("row", table("license-name-aliases.tsv"), ids=lambda r: r["license_name"])
def test_every_license_name_alias_resolves_to_its_license(row):
    label = resolve_label(row["license_name"])
    assert label is not None
    if row["key"]:
        assert label.key == row["key"]
    else:
        assert label.key is None and label.judgement.value == row["class"]


@pytest.mark.parametrize("key", sorted(k for k, e in load_catalog().items() if e.classification is RESTRICTED))
def test_every_restrictive_license_named_in_prose_is_restricted(key):
    assert verdict_of(f"This model is released under the {load_catalog()[key].name}.").classification is RESTRICTED


@pytest.mark.parametrize("key", sorted(k for k, e in load_catalog().items() if e.classification is not RESTRICTED))
def test_no_open_license_named_in_prose_is_taken_for_restricted_terms(key):
    assert verdict_of(f"This model is released under the {load_catalog()[key].name}.").classification is not RESTRICTED


@pytest.mark.parametrize("name", ["Mistral-7B-v0.1", "Mixtral-8x7B", "Qwen2.5-7B-Instruct", "Qwen2-7B", "Yi-1.5-34B",
                                  "falcon-40b", "FLUX.1-schnell", "internlm3-8b-instruct", "MiniCPM3-4B", "MiniCPM4-8B",
                                  "Codestral-Mamba-7B", "grok-1", "open_llama_7b", "open-llama-3b", "TinyLlama-1.1B",
                                  "llama.cpp", "LLaMA-Factory", "WizardLM-2-7B", "CogVideoX-2b", "Phi-3-mini", "OLMo-7B",
                                  "gpt2", "bert-base-uncased", "stablelm-3b-4e1t", "DeepSeek-R1", "zephyr-7b-beta"])
def test_no_family_pattern_names_an_open_model(name):
    assert not any(pattern.search(name) for pattern, _ in load_base_families())


def test_family_publishers_are_lower_case_uploader_names():
    assert len(family_publishers()) == len(load_base_families())
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9._-]*", p) for row in family_publishers() for p in row)


@pytest.mark.parametrize(("tags", "cls"), [
    (["non-commercial"], UNKNOWN),  # the card describes its terms so: never OSI-approved beside it
    (["research-only", "text-generation"], UNKNOWN),
    (["region:us", "not-for-all-audiences", "text-generation-inference", "endpoints_compatible", "license:apache-2.0",
      "merge", "commercial", "research"], OSI),  # the Hub's own tags and plain words restrict nothing
])
def test_a_tag_that_states_a_restriction_is_a_doubt(tags, cls):
    verdict = classify({"license": "apache-2.0", "tags": tags})
    assert verdict.classification is cls
    if cls is UNKNOWN:
        assert verdict.governing.evidence.quote == f"tags: {tags[0]}"


# --- blind sets 64-66: bases compared, coordinated, tried; restrictions said with "only" at the end --------------

def _classified(body: str, license_id: str = "apache-2.0", model_id: str | None = None) -> LicenseClass:
    return classify({"license": license_id}, body=f"# A model\n\n{body}\n", model_id=model_id).classification


@pytest.mark.parametrize(("body", "license_id", "model_id", "cls"), [
    # a model the listed base is compared with is no base
    ("## Base model\n\nMistral 7B is the open-source 7.3B model released under Apache 2.0, which outperforms Llama 2 13B.",
     "apache-2.0", None, OSI),
    ("## Base model\n\nLlama 2 13B, fine-tuned by us.", "apache-2.0", None, RESTRICTED),
    # families coordinated in one phrase: the repo's name says which is this model's
    ("We open-sourced DeepSeek-R1 and six dense models distilled from it based on Llama and Qwen.", "mit",
     "g/DeepSeek-R1-Distill-Qwen-7B-AWQ", OSI),
    ("We open-sourced DeepSeek-R1 and six dense models distilled from it based on Llama and Qwen.", "mit",
     "g/DeepSeek-R1-Distill-Llama-8B-AWQ", RESTRICTED),
    # models the authors tried are not this one's base
    ("Most small code models we tried were either fine-tunes of Llama-family models, or non-commercial.", "mit", None, OSI),
    # a family named near "we trained" on a card trained from scratch is no base
    ("Arbor-3B is pretrained from scratch. We trained our model on a Llama 2 backbone.", "apache-2.0", "a/arbor-3b", OSI),
    ("We trained our model on a Llama 2 backbone.", "apache-2.0", None, UNKNOWN),
    # "may be used for … only"
    ("The released checkpoints may be used for non-commercial research and education only.", "apache-2.0", None, RESTRICTED),
    ("The model may be used in research settings only.", "apache-2.0", None, RESTRICTED),
    ("The model may be used for English text only.", "apache-2.0", None, OSI),
    # the review of these rules: what they must not clear
    ("MedBot is fine-tuned from Llama-3.1-8B-Instruct and merged back into full weights.", "apache-2.0", "user/medbot-8b-merged",
     RESTRICTED),
    ("Heron is fine-tuned from Llama-3-8B, chat data from ShareGPT.", "apache-2.0", "user/heron-8b-chat", RESTRICTED),
    ("This chat model is based on Llama-2-13b and Tiger datasets.", "apache-2.0", "user/Tiger-Chat", RESTRICTED),
    ("Built on Gemma, MedBot answers clinical questions.", "apache-2.0", "user/medbot-9b", RESTRICTED),
    ("A passthrough merge of Llama-2-7b-chat and Mistral layers.", "apache-2.0", "user/Mistral-franken-11b", RESTRICTED),
    ("This is a merge of Llama-3-8B-Instruct and Hermes-2-Pro.", "apache-2.0", "user/Hermes-2-Pro-Instruct-merge", RESTRICTED),
    ("The vision encoder was trained from scratch. For the language side we reuse Gemma-2-2B's weights and train them.",
     "apache-2.0", "user/heron-2b", UNKNOWN),
    ("Our earlier draft model was pretrained from scratch.\n\nThis model inherits Gemma 2 2B's weights, which we trained "
     "further on our data.", "apache-2.0", "user/heron-2b", UNKNOWN),
    ("Trained on 2T tokens, which is why it is released for research purposes only.", "apache-2.0", None, RESTRICTED),
    ("Trained on Illustrious-XL, which is licensed for non-commercial use only.", "apache-2.0", None, RESTRICTED),
    ("Of the models we evaluated, we fine-tuned Llama-3.1-8B-Instruct because it scored best.", "apache-2.0", None, RESTRICTED),
    ("The best of the checkpoints we tested was fine-tuned from Llama 3.1 8B, so that is what we release.", "apache-2.0", None,
     RESTRICTED),
    ("## Base model\n\nWe compared several bases and chose Llama-3-8B.", "apache-2.0", None, RESTRICTED),
    ("## Base model\n\nAfter comparing Mistral 7B and Qwen2.5-7B, we picked Llama 3.1 8B Instruct.", "apache-2.0", None, RESTRICTED),
    ("## Base model\n\nCompared to v1, the base is now Llama-3.1-8B.", "apache-2.0", None, RESTRICTED),
    ("## Base model\n\nUnlike v1 (Mistral 7B), v2 uses Llama 3.1 8B.", "apache-2.0", None, RESTRICTED),
    ("## Base model\n\n- Mistral-7B-v0.1, which tops Llama 2 13B on most benchmarks", "apache-2.0", None, OSI),
    ("Most small code models we've tested were fine-tunes of Llama 2.", "apache-2.0", None, OSI),
    ("Most of the small code models out there are fine-tunes of Llama 2.", "apache-2.0", None, OSI),
    ("None of the weights are non-commercial.", "apache-2.0", None, OSI),
    ("No part of the model is non-commercial.", "apache-2.0", None, OSI),
    ("Permitted uses:\n\n- Commercial\n- Non-commercial\n- Research", "apache-2.0", None, OSI),
    ("The demo Space is non-commercial.", "apache-2.0", None, OSI),
    ("It can be used for research and not only in academia; commercial use is also fine.", "apache-2.0", None, OSI),
    ("The model may be used for research and commercial purposes only in compliance with the Apache 2.0 licence.",
     "apache-2.0", None, UNKNOWN),
])
def test_bases_compared_coordinated_or_tried_and_uses_limited_with_only(body, license_id, model_id, cls):
    assert _classified(body, license_id, model_id) is cls


@pytest.mark.parametrize(("body", "cls"), [
    # a merge's listed model with its own restrictive terms passes them on
    ("The following models were included in the merge:\n* org/a-7b\n* [org/b-7b](https://huggingface.co/org/b-7b) "
     "(note: released under CC BY-NC 4.0 by its authors)", RESTRICTED),
    ("The following models were included in the merge:\n* org/a-7b (CC BY-NC 4.0)\n* org/b-7b", RESTRICTED),
    ("The following models were included in the merge:\n* org/a-7b (Apache 2.0)\n* org/b-7b", OSI),
    # a table of data sources gives the data's terms; a benchmark's name is data
    ("| Source | Tokens | Licence / access |\n|---|---|---|\n| PubMed Central OA subset | 7.1B | various CC licences "
     "(commercial-use subset only) |", OSI),
    ("## License\n\n| Component | License |\n|---|---|\n| Code | MIT |\n| Weights | CC BY-NC 4.0 |", RESTRICTED),
    ("EuroMed-Bench is released under CC BY 4.0.", OSI),
])
def test_merge_ingredients_terms_pass_on_and_data_tables_are_the_datas(body, cls):
    assert _classified(body) is cls


@pytest.mark.parametrize(("body", "model_id", "cls"), [
    # the second review: a benchmark's name is data only as a statement's subject, never this model's name
    ("Heron-7B scores 8.1 on MT-Bench and may not be used for commercial purposes.", None, RESTRICTED),
    ("Critic-Eval-7B is released for research purposes only.", "acme/Critic-Eval-7B", RESTRICTED),
    ("Judge-Bench is released under CC BY-NC 4.0.", "acme/Judge-Bench", RESTRICTED),
    # a key-value table whose first pair is "Training data" is no table of data sources
    ("| Training data | 2T tokens (web, code) |\n|---|---|\n| Context length | 8k |\n| Weights licence | CC BY-NC 4.0 |", None,
     RESTRICTED),
    ("| Dataset | License |\n|---|---|\n| UltraChat | MIT |\n| The weights may not be used commercially. | |", None, RESTRICTED),
    # a merge's line: the cut is at the comparison word, after a model's name; terms it left are not its terms
    ("The following models were included in the merge:\n* Qwen2.5-7B-Instruct and Meta-Llama-3.1-8B-Instruct (the latter "
     "rivals larger models)", None, RESTRICTED),
    ("The following models were included in the merge:\n* mistralai/Mistral-Nemo-Instruct-2407, which outperforms Llama 3 on "
     "our tests", None, OSI),
    ("The following models were included in the merge:\n* org/Critic-7B (formerly CC BY-NC 4.0, relicensed to Apache 2.0 in "
     "May)", None, OSI),
    # non-commercial said of this release, by its name, or as an FAQ's answer; a denial covers only itself
    ("A 7B chat model. Please note: this release is non-commercial.", None, UNKNOWN),
    ("Heron-7B is non-commercial.", "acme/Heron-7B", UNKNOWN),
    ("**Commercial use?** Non-commercial.", None, UNKNOWN),
    ("None of the training data is non-commercial, but the Heron-7B weights themselves are for non-commercial use only.", None,
     RESTRICTED),
    # sized lists are a set of models; "continues from" names a base
    ("We open-source distilled 1.5B, 7B, 8B, 14B, 32B, and 70B checkpoints based on Qwen2.5 and Llama3 series.",
     "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", OSI),
    ("We open-source distilled 1.5B, 7B, 8B, 14B, 32B, and 70B checkpoints based on Llama3 and Qwen2.5 series.",
     "deepseek-ai/DeepSeek-R1-Distill-Llama-8B", RESTRICTED),
    ("The first model was trained from scratch; Heron-7B continues from Llama 2.", None, RESTRICTED),
])
def test_benchmark_names_data_tables_merge_lines_and_denials_keep_the_weights_terms(body, model_id, cls):
    assert _classified(body, "mit" if model_id and "DeepSeek" in model_id else "apache-2.0", model_id) is cls


@pytest.mark.parametrize(("metadata", "cls"), [
    ({"licenses": "mit", "licence": "cc-by-nc-4.0"}, RESTRICTED),  # every misspelt key is read
    ({"License": "apache-2.0"}, OSI),
])
def test_every_misspelt_license_key_is_read(metadata, cls):
    assert classify(metadata).classification is cls



@pytest.mark.parametrize("front", ["licence: apache-2", "licences: mit", "language:\n\t- en\nlicence: apache-2"])
def test_a_british_or_plural_license_key_is_read_and_reported(front):
    from auditor.cards.frontmatter import parse_card

    card = parse_card(f"---\n{front}\n---\n# X\n")
    verdict = classify(card.metadata, body=card.body)
    assert verdict.classification is OSI
    assert any(f.code == "license-key-misspelt" for f in verdict.findings)


@pytest.mark.parametrize(("body", "license_id", "cls"), [
    # blind sets 71-73: the DeepSeek licence by its prose name, unknown licences "subject to" or 遵守 without title marks
    ("## 许可证\n\n本仓库代码采用 MIT 许可证。模型权重的使用须遵守 DeepSeek 模型许可协议（DeepSeek Model License），其中包含使用限制条款。",
     "mit", RESTRICTED),
    ("## License\n\nThe weights are subject to the DeepSeek Model License.", "mit", RESTRICTED),
    ("## License\n\nThe weights are subject to the Acme Model License.", "mit", UNKNOWN),
    ("## 许可证\n\n模型权重的使用须遵守 Acme 模型许可协议。", "mit", UNKNOWN),
    ("Users must comply with the Hugging Face Terms of Service.", "apache-2.0", OSI),  # the site's terms
    # a copyleft's dual-licence offer restricts nothing
    ("Commercial use requires an Enterprise License.", "agpl-3.0", RESTRICTED),
    ("These weights are AGPL-3.0. If you need to use them in a closed-source product, you need an Ultralytics Enterprise "
     "License.", "agpl-3.0", OSI),  # a copyleft's dual-licence offer
])
def test_prose_license_names_unknown_agreements_and_dual_licence_offers(body, license_id, cls):
    assert _classified(body, license_id) is cls



@pytest.mark.parametrize(("body", "model_id", "cls"), [
    # "our <Name> models" may be this model's marketing name or a category: its restrictive terms count (a sibling
    # rule cleared this model's own licence in the review: "Our ASR models are released under CC BY-NC 4.0")
    ("Our CobaltCoder models inherit the DeepSeek Model License. CobaltReason-7B is released under the MIT License.",
     "cobaltforge/CobaltReason-7B", RESTRICTED),
    ("## License\n\nOur ASR models are released under the CC-BY-NC-4.0 license.", "acme/parakeet-ft-de", RESTRICTED),
    ("Our Heron models are released under the Llama 3 Community License.", "acme/Heron-8B-Chat", RESTRICTED),
])
def test_a_licence_said_of_our_named_models_counts(body, model_id, cls):
    assert _classified(body, "mit", model_id) is cls


@pytest.mark.parametrize(("body", "license_id", "model_id", "cls"), [
    # blind sets 74-76: a family's backbone named in a later sentence, models made from this one, commercial/non-commercial
    ("To support the research community, we have open-sourced DeepSeek-R1-Zero, DeepSeek-R1, and six dense models distilled "
     "from DeepSeek-R1 based on Llama and Qwen.", "mit", "deepseek-ai/DeepSeek-R1", OSI),
    ("- DeepSeek-R1-Distill-Llama-8B is derived from Llama3.1-8B-Base.", "mit", "x/DeepSeek-R1-Distill-Llama-8B-GGUF", RESTRICTED),
    ("A LoRA trained on Heron-7B, fine-tuned from Llama 2.", "apache-2.0", "acme/Heron-7B", RESTRICTED),
    ("This model is ready for commercial/non-commercial use.", "cc-by-4.0", None, OPEN),
    ("For BLOOMZ models, we recommend making it very clear when the input stops to avoid the model trying to continue it.",
     "apache-2.0", "bigscience/mt0-base", OSI),
    ("Fine-tuned from Depth-Anything-V2-Large on indoor scenes.", "apache-2.0", "s/depth-anything-v2-large-indoor", RESTRICTED),
])
def test_models_made_from_this_one_and_either_use_keep_the_terms(body, license_id, model_id, cls):
    assert _classified(body, license_id, model_id) is cls


@pytest.mark.parametrize(("body", "license_id", "model_id", "cls"), [
    # the third review: "subject to" a titled licence only with this model as the subject, after every other matcher
    ("The weights are subject to the Acme Model License.", "mit", "acme/nova-7b", UNKNOWN),
    ("## License\n\nThe use of Nova-7B is subject to the DeepSeek Model License.", "mit", "acme/nova-7b", RESTRICTED),
    ("## License\n\nNova-7B is covered by the DeepSeek Model License Agreement.", "mit", "acme/nova-7b", RESTRICTED),
    ("Use of this model is subject to the Mistral Research License.", "apache-2.0", "acme/nova-7b", RESTRICTED),
    ("Nova-7B is released under Apache 2.0. Images generated by the model are subject to the Midjourney Terms of Service.",
     "apache-2.0", "acme/nova-7b", OSI),
    ("Use of Google Colab is subject to the Google Terms of Service.", "apache-2.0", "acme/nova-7b", OSI),
    ("The model is released under Apache-2.0; the ASR data is subject to the LibriSpeech License.", "apache-2.0",
     "acme/nova-7b", OSI),
    ("Fine-tuning on Together AI is subject to the Together AI Terms of Service.", "apache-2.0", "acme/nova-7b", OSI),
    # 遵守 a Latin-named licence: the catalog's text when it names one, a family's terms before an unknown title
    ("## 许可证\n\n使用本模型须遵守 DeepSeek 模型许可协议。", "mit", "acme/nova-7b", RESTRICTED),
    ("使用本模型须遵守 Llama 2 许可证。", "apache-2.0", "acme/nova-7b", RESTRICTED),
    ("使用本模型须遵守 Gemma 使用协议。", "apache-2.0", "acme/nova-7b", RESTRICTED),
    ("使用本模型须遵守 MIT 许可证。", "mit", "acme/nova-7b", OSI),
    # the closed-source exception is an offer only
    ("Commercial use in closed-source products is prohibited.", "mit", "acme/nova-7b", UNKNOWN),
    ("For commercial use in closed-source products, contact us for an enterprise license.", "mit", "acme/nova-7b", UNKNOWN),
])
def test_a_licence_the_model_is_subject_to_is_its_own_only_when_said_of_it(body, license_id, model_id, cls):
    assert _classified(body, license_id, model_id) is cls


@pytest.mark.parametrize(("body", "license_id", "model_id", "cls"), [
    # the fourth review: a longer name that starts with the repo's is this model's own full name
    ("MedLlama-13B is a fine-tune of Llama 2 13B on medical dialogues.", "apache-2.0", "acme/MedLlama", RESTRICTED),
    ("Foo-7B-v1.1 was fine-tuned from Llama-2-7b-hf with QLoRA.", "apache-2.0", "acme/Foo-7B", RESTRICTED),
    ("Our models trained on OpenMath are based on Llama 3.1 8B.", "apache-2.0", "acme/OpenMath", RESTRICTED),
    # "commercial/non-commercial" grants only as the object of a permission, with no other limit in the sentence
    ("This model is ready for commercial/non-commercial use.", "cc-by-4.0", None, OPEN),
    ("Commercial/non-commercial use: non-commercial only.", "apache-2.0", None, RESTRICTED),
    ("Nova-7B is released for non-commercial use only (commercial/non-commercial dual licensing is planned).", "apache-2.0",
     None, RESTRICTED),
    # "continue" a base; another model's terms in a comparison; the data's terms in Chinese
    ("We continued Llama 2 7B on 100B tokens of Korean text.", "apache-2.0", None, UNKNOWN),
    ("By contrast, Mistral Large is subject to the Mistral Research License.", "apache-2.0", "acme/nova-7b", OSI),
    ("The teacher model is subject to the Acme Research License.", "apache-2.0", "acme/nova-7b", OSI),
    ("Falcon-X is trained from scratch on 2T tokens. Llama-2-7B fine-tuned on the same data reaches 41.0 on MMLU.",
     "apache-2.0", "acme/Falcon-X", OSI),
])
def test_the_models_full_name_a_permissions_object_and_comparisons_keep_its_terms(body, license_id, model_id, cls):
    assert _classified(body, license_id, model_id) is cls


@pytest.mark.parametrize(("body", "cls"), [
    # blind sets 78-80: an artefact table's rows that are not the weights, a data set's licence, a field in Portuguese
    ("## License\n\n| Artefact | License | Where |\n|---|---|---|\n| Final checkpoints | Apache-2.0 | this repo |\n"
     "| Technical report | CC-BY-4.0 | arXiv |\n| W&B logs | CC-BY-4.0 | wandb |", OSI),
    ("## License\n\n| Artefact | License |\n|---|---|\n| Weights | CC-BY-NC-4.0 |\n| Technical report | CC-BY-4.0 |", RESTRICTED),
    ("Licença: MIT (igual ao GPT-2 original da OpenAI).", OSI),
    ("License: MIT.", OSI),
])
def test_artefact_tables_data_sets_and_field_values(body, cls):
    assert classify({}, body=f"# A model\n\n{body}\n").classification is cls


def test_a_fine_tuning_sets_licence_is_the_datas():
    assert _classified("- Weights: Apache-2.0\n- Data: the SFT set is CC-BY-4.0 at its source.") is OSI


@pytest.mark.parametrize(("body", "license_id", "model_id", "cls"), [
    # the last review: an artefact is the whole first cell; a field's aside may only say whose terms it follows
    ("## License\n\n| Release | License |\n|---|---|\n| Docs-QA-7B | CC BY-NC 4.0 |", "apache-2.0", "org/Docs-QA-7B", RESTRICTED),
    ("## License\n\n| Release | License |\n|---|---|\n| Demo and released adapters | CC BY-NC 4.0 |", "apache-2.0", None,
     RESTRICTED),
    ("## License\n\n| Release | License |\n|---|---|\n| Labeler | CC BY-NC 4.0 |", "apache-2.0", None, RESTRICTED),
    ("## License\n\nLicense: Apache-2.0 (inference code only)\n\nModel weights are under the Acme Community License.", "other",
     None, UNKNOWN),
    ("License: MIT (code only)", "other", None, UNKNOWN),
    ("Lizenz: MIT (nur Code)", "other", None, UNKNOWN),
    # data named as the object of "tuned on" leaves the restriction this model's
    ("A 7B chat assistant tuned on the instruction mix described below, for research purposes only.", "apache-2.0", None,
     RESTRICTED),
    ("使用我们的对话数据微调而成，禁止商用。", "apache-2.0", None, RESTRICTED),
])
def test_artefact_cells_field_asides_and_data_objects_keep_the_weights_terms(body, license_id, model_id, cls):
    assert _classified(body, license_id, model_id) is cls



_R1_LICENSE = ("## License\n\nThis code repository and the model weights are licensed under the MIT License.\n"
               "- DeepSeek-R1-Distill-Qwen-1.5B, DeepSeek-R1-Distill-Qwen-7B and DeepSeek-R1-Distill-Qwen-14B are derived from "
               "Qwen-2.5 series, which are originally licensed under Apache 2.0 License.\n"
               "- DeepSeek-R1-Distill-Llama-8B is derived from Llama3.1-8B-Base and is originally licensed under llama3.1 license.\n"
               "- DeepSeek-R1-Distill-Llama-70B is derived from Llama3.3-70B-Instruct and is originally licensed under llama3.3 "
               "license.")


@pytest.mark.parametrize(("body", "model_id", "cls"), [
    # a list giving each sibling its base speaks of this model only in the item that names it
    (_R1_LICENSE, "deepseek-ai/DeepSeek-R1", OSI),
    (_R1_LICENSE, "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", OSI),
    (_R1_LICENSE, "bartowski/DeepSeek-R1-Distill-Qwen-7B-GGUF", OSI),
    (_R1_LICENSE, "deepseek-ai/DeepSeek-R1-Distill-Llama-8B", RESTRICTED),
    # siblings on one base tell this model's base too
    ("- Heron-7B is fine-tuned from Llama 2 7B.\n- Heron-13B is fine-tuned from Llama 2 13B.", "acme/heron-7b-chat", RESTRICTED),
    # a list that neither names this model nor is made from it may be its own making (the last review)
    (_R1_LICENSE, "org/R1-Distill-Llama-8B-Medical", RESTRICTED),
    ("- Heron-8B is fine-tuned from Meta-Llama-3-8B.\n- Heron-8B-Base is trained from scratch.", "org/Heron-8B-Instruct", RESTRICTED),
    ("- Llama-3-Heron-8B is fine-tuned from Meta-Llama-3-8B-Instruct.\n- Heron-VL-2B is built on Qwen2-VL-2B.", "org/heron-8b",
     RESTRICTED),
    ("merge of:\n\n- **Bar-7B** is fine-tuned from Llama-2-7b-chat.\n- **Baz-7B** is fine-tuned from Mistral-7B.", "org/MergeA-7B",
     RESTRICTED),
    ("- Foo-7B-base is trained from Llama-2-7b on 1T tokens.\n- Foo-Reward is based on Qwen2-7B.", "org/foo-7b", RESTRICTED),
])
def test_a_list_of_siblings_bases_gives_this_model_only_its_own(body, model_id, cls):
    assert _classified(body, "mit", model_id) is cls
