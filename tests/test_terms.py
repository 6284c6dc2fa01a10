"""What a model's terms really are: terms stated in the card's prose, the Hub's license zoo, the feed's `key`."""

from __future__ import annotations

import pytest

from auditor.judge.classify import classify
from auditor.hub.crawl import is_primary_license_file, license_candidates
from auditor.judge.identify import identify_text
from auditor.engine.catalog import load_catalog, reference_text
from auditor.engine.labels import resolve_label
from auditor.judge.knownbases import known_base_key, load_open_bases
from auditor.models import Detection, Evidence, FetchedFile, LicenseClass, ModelResult, Verdict
from auditor.render.json import model_entry
from auditor.engine.restrictions import find_restrictions

OSI, OPEN, RESTRICTED, UNKNOWN = (LicenseClass.OSI_APPROVED, LicenseClass.OPEN_NON_OSI,
                                  LicenseClass.CUSTOM_RESTRICTED, LicenseClass.UNKNOWN)


def verdict_of(license_id: str, body: str) -> Verdict:
    return classify({"license": license_id}, body=f"# A model\n\n{body}\n")


# --- restrictions stated only in the card's text, under a permissive tag ---------------------------

PROSE_RESTRICTIONS = [
    "This model is for non-commercial use only.",
    "The weights are available for research purposes only.",
    "Commercial use requires an application through our form.",
    "If you want to use the model commercially, please apply for a license by e-mail.",
    "The weights are free for academic research; free commercial use is allowed after registration.",
    "Please note that the model cannot be used in the European Union.",
    "本模型仅供学术研究使用，商业用途需申请授权。",
]


@pytest.mark.parametrize("sentence", PROSE_RESTRICTIONS)
def test_restriction_in_prose_overrides_a_permissive_tag(sentence):
    verdict = verdict_of("apache-2.0", sentence)
    assert verdict.classification is RESTRICTED
    assert verdict.governing.matcher == "card-text-restrictions"
    assert verdict.governing.evidence.line == 3  # the line a reviewer can check


@pytest.mark.parametrize("sentence", [
    "This model can be used for commercial purposes.",
    "Unlike LLaMA, this model is licensed for commercial use.",
    "We compare it with LLaMA-7B and Vicuna on five benchmarks.",
    "The training dataset is for non-commercial use only.",
    "This model was fine-tuned on the Alpaca dataset.",
    "Run your fine-tuned model with llama.cpp or Ollama.",
    "It plugs into many open-source projects built upon Llama.",
    "It is fine-tuned on a bloom of flowers dataset.",
    "Fine-tuned from Qwen2.5-7B-Instruct.",  # Apache-2.0, unlike Qwen2.5-72B and -3B
    "Our tooling targets laptops, mobiles, edge devices and desktops.",
    "Built by fine-tuning our base on the ShareGPT-Vicuna and HC3 datasets.",
    "Fine-tuned on Llama 2 outputs that we filtered.",
])
def test_prose_that_restricts_nothing_about_the_weights_keeps_the_tag(sentence):
    assert verdict_of("apache-2.0", sentence).classification is OSI


# --- base models named only in the text ------------------------------------------------------------

@pytest.mark.parametrize("sentence,key", [
    ("This model is fine-tuned from LLaMA-7B on instructions.", "llama-license-2023"),
    ("A code assistant based on CodeLlama-13B.", "llama-2-license-2023"),
    ("This is a Llama 2-based model made by merging three fine-tunes.", "llama-2-license-2023"),
    ("It is an extension of Llama-2-70b-hf with a 32k context.", "llama-2-license-2023"),
    ("This is a LoRA adapter for meta-llama/Llama-2-7b-hf.", "llama-2-license-2023"),
    ("Trained with our data using the original Llama-2 models as base models.", "llama-2-license-2023"),
    ("This model is bound by the license of the original Llama-2 model.", "llama-2-license-2023"),
    ("Finetuned from model: someone/deepseek-r1-distill-llama-8b-4bit", "llama-3.1-license-2024"),
    ("This is trained on the Yi-34B model with a 200K context.", "yi-community-license-2.1-2023-11-23"),
    ("本模型基于 LLaMA-7B 进行微调。", "llama-license-2023"),
    ("Fine-tuned from Llama 3.1 8B on math.", "llama-3.1-license-2024"),  # the version's dot is kept
    ("Fine-tuned from Qwen1.5-14B-Chat.", "tongyi-qianwen-2023"),
    ("Fine-tuned from Stable Diffusion v1-5 on anime images.", "stable-diffusion-2022-08-22"),
    ("A LoRA for SDXL trained on watercolours.", "creativeml-openrail-pp-m-2023"),
    ("This model is fine-tuned from bloomz-7b1.", "bigscience-rail-1.0"),
    ("We continued pretraining on top of StarCoderBase.", "bigcode-open-rail-m-v1"),
    ("Based on deepseek-coder-6.7b-instruct.", "deepseek-la-1.0"),
    ("Fine-tuned from Vicuna-13B.", "llama-license-2023"),
    ("Fine-tuned from lmsys/vicuna-7b-v1.5.", "llama-2-license-2023"),
    ("This is a LoRA adapter (r=64, alpha=16) for LLaMA-33B, trained with 4-bit QLoRA.", "llama-license-2023"),
    ("GGUF conversion of Google's gemma-2-9b-it. Nothing else changed.", "gemma-tou-2024-04-01"),
    ("A port of Llama 2 7B to MLX.", "llama-2-license-2023"),
    ("- **Language model:** Llama-2-13B-Chat", "llama-2-license-2023"),  # a vision-language model's fields
    ("LLM: [Vicuna-13B](https://huggingface.co/lmsys/vicuna-13b-delta-v0)", "llama-license-2023"),
])
def test_base_model_named_in_prose_resolves_through_the_families_table(sentence, key):
    verdict = verdict_of("mit", sentence)
    assert verdict.classification is RESTRICTED
    assert (verdict.governing.matcher, verdict.governing.key) == ("card-text-base-model", key)


# --- license statements in prose ------------------------------------------------------------------

@pytest.mark.parametrize("license_id,body,cls,key", [
    ("apache-2.0", "The model is released under the Yi License.", RESTRICTED, None),
    ("apache-2.0", "The weights are licensed under the Tencent Hunyuan Community License.", RESTRICTED, None),
    ("apache-2.0", "The use of this model must comply with the Llama 2 license.", RESTRICTED, "llama-2-license-2023"),
    ("other", "- **License:** BLOOMChat-176B LICENSE v1.0", RESTRICTED, "bloomchat-176b-1.0"),
    ("mit", "| Developed by | Acme |\n| License | CC BY-NC 4.0 |", RESTRICTED, "CC-BY-NC-4.0"),
    ("cc", "This model is licensed under CC BY-SA 4.0.", OPEN, "CC-BY-SA-4.0"),
    ("cc", "Licensed under the Creative Commons Attribution 4.0 International license.", OPEN, "CC-BY-4.0"),
    ("cc", "## License\n\nCreative Commons Attribution-NonCommercial 4.0", RESTRICTED, "CC-BY-NC-4.0"),
    ("bsd", "## License\n\nBSD 3-Clause License", OSI, "BSD-3-Clause"),
    ("apache-2.0", "## Notes\n\nI put apache-2.0 in the metadata because the form made me.\nThe real terms are Google's Gemma "
                   "Terms of Use and Prohibited Use Policy, read them\nbefore using this commercially.", RESTRICTED, "gemma-tou-2024-04-01"),
    ("mit", "The lexicon is distributed under the Lesser General Public License For Linguistic Resources, like the model "
            "weights.", OPEN, None),  # the Hub's lgpl-lr written out: a judged name without a text
    ("other", "## License\n\nCDLA-Permissive-2.0", OPEN, "CDLA-Permissive-2.0"),  # a data license, bare, as the model's
    ("apache-2.0", "The adapter is Apache 2.0. The resulting merged model is bound by the LLaMA license (non-commercial).",
     RESTRICTED, "llama-license-2023"),  # the model an adapter makes, with two words before its noun
])
def test_license_statement_in_prose_is_evidence(license_id, body, cls, key):
    verdict = verdict_of(license_id, body)
    assert verdict.classification is cls
    assert verdict.governing.matcher == "card-text-license"
    assert verdict.governing.key == key


@pytest.mark.parametrize("body", [
    "The code is released under the Yi License.",
    "Our training scripts are licensed under CC BY-NC 4.0.",
    "* [Sibling-7B-Chat](https://example.org): a chat variant.\n  * License: CC-BY-NC-SA-4.0",
    "| Model | License |\n| Sibling-7B | CC BY-NC 4.0 |",  # a table of other models and their licenses
    "## License\n\nApache-2.0 for the weights.\n\nTinyStories itself is CDLA-Sharing-1.0.",  # a data license said of the data
    "## License\n\nApache-2.0 (same as GLM-4-9B-0414).",  # a model's name that is also a license's short name
    "## License\n\nApache-2.0\n\nNote the distill model is derived from Qwen2.5-Math-7B (Apache-2.0).",  # derived: the model, not a modified license
    "* v1.2 (2025-04-10): the model is now released under Apache-2.0 (v1.0/v1.1 were research-only).",  # earlier versions
    "## License\n\nWeights and code: Apache-2.0. Dataset: CC BY-NC 4.0.",  # the value of a field about the data
    "## Data\n\nThe training set, `acme/shop-reviews`, was scraped with permission from partner retailers and is\n"
    "distributed under CC BY-NC 4.0: you may not use the dataset commercially. The model itself is Apache-2.0.",
    "## License\n\n| Model | Licence | Notes |\n|---|---|---|\n| **A model** | Apache 2.0 | none |\n"
    "| Llama-3.2-3B | Llama 3.2 Community License | 700M MAU clause |",  # a comparison of other models' licenses
    "## FAQ\n\n**Can I use its outputs to train other models?**\nYes, there is no restriction on outputs.",
    "License: Apache-2.0 (same as the Mistral-7B base model).",  # named, then deferred: the named one
    "License of the original model: Apache-2.0.",
])
def test_license_statement_about_code_or_another_model_is_not_the_weights_terms(body):
    assert verdict_of("apache-2.0", body).classification is OSI


def test_gated_prompt_terms_are_read_like_a_license_file():
    prompt = "By requesting access you agree to use the model for non-commercial research purposes only."
    verdict = classify({"license": "apache-2.0", "extra_gated_prompt": prompt})
    assert verdict.classification is RESTRICTED
    assert verdict.governing.evidence.file == "README.md (extra_gated_prompt)"


# --- the Hub's real license zoo -------------------------------------------------------------------

@pytest.mark.parametrize("label,key,cls", [
    ("apache-2", "Apache-2.0", OSI),
    ("BSD-3", "BSD-3-Clause", OSI),
    ("gplv3", "GPL-3.0-only", OSI),
    ("Academic Free License v3.0  ", "AFL-3.0", OSI),
    ("bloomchat-v1.0", "bloomchat-176b-1.0", RESTRICTED),
    ("fair-noncommercial-research-license", "fair-noncommercial-research-v1", RESTRICTED),
    ("gpl", None, OSI),  # a family whose every member is OSI-approved (with a license-family finding)
    ("cc", None, UNKNOWN),
    ("???", None, UNKNOWN),
])
def test_non_standard_license_ids_are_normalised(label, key, cls):
    verdict = classify({"license": label})
    assert verdict.classification is cls
    if key:
        assert verdict.governing.key == key


@pytest.mark.parametrize("name", ["yi-license", "tencent-hunyuan-community", "jamba-open-model-license",
                                  "falcon-mamba-7b-license", "microsoft-research-license"])
def test_known_restrictive_name_without_a_text_is_restricted_not_unknown(name):
    verdict = classify({"license": "other", "license_name": name})
    assert verdict.classification is RESTRICTED
    assert verdict.governing.key is None and verdict.governing.reason


def test_names_without_a_text_are_never_judged_osi_approved():
    from auditor.engine.labels import load_name_judgements
    assert all(cls is not OSI for cls, _ in load_name_judgements().values())


NEW_PHRASINGS = {
    "user-threshold": "Commercial use is free for companies with annual revenue below five million US dollars.",
    "territorial": "No rights are granted to anyone located in a listed country.",
    "permission-required": "You must purchase a commercial license before deploying the model.",
}


@pytest.mark.parametrize("code,sentence", sorted(NEW_PHRASINGS.items()) + [
    ("territorial", "You will not access, run or otherwise use the Model within the European Union."),
    ("territorial", "THIS AGREEMENT DOES NOT APPLY IN THE EUROPEAN UNION."),
    ("permission-required", "Users who wish to use the weights for commercial purposes must register here first."),
    ("permission-required", "如需将本模型用于商业用途，请向发布方申请书面授权。"),
    ("non-commercial", "The Work may be used or intended for use non-commercially."),
    ("pass-through", "Use-based restrictions referenced in paragraph 5 MUST be included in any agreement."),
    ("permission-required", "使用本模型须事先获得发布方的书面授权。"),
    ("no-derivatives", "您不得对本模型进行修改或微调。"),
    ("improve-other-models", "您不得利用本模型的输出训练其他大模型。"),
    ("revocable", "许可方有权随时撤销本许可。"),
])
def test_restrictions_phrased_in_new_ways_are_found(code, sentence):
    assert code in {h.code for h in find_restrictions(sentence)}


@pytest.mark.parametrize("sentence", ["您可以自由修改和分发本软件。", "本许可证授予您永久的、全球性的、免费的版权许可。",
                                      "Our tooling targets laptops, mobiles, edge devices and desktops."])
def test_grants_in_any_language_restrict_nothing(sentence):
    assert find_restrictions(sentence) == ()


@pytest.mark.parametrize("code,sentence", sorted(NEW_PHRASINGS.items()))
def test_unseen_license_with_new_phrasing_is_restricted_not_unknown(code, sentence):
    text = ("Acme Model License\n\nAcme grants you a worldwide, royalty-free license to use, copy and modify the Model, "
            f"subject to the following.\n\n{sentence}\n\nTHE MODEL IS PROVIDED AS IS.\n")
    ident = identify_text(text)
    assert (ident.classification, ident.detection.matcher) == (RESTRICTED, "license-file-restrictions")
    assert [f.evidence[0].quote for f in ident.detection.restrictions] == [sentence]


CHINESE_TRANSLATION = (
    "\n\nApache 许可证 第 2.0 版（中文译文）\n\n1. 定义。\n“许可证”是指本文件第 1 至第 9 节所规定的使用、复制和分发的条款和条件。\n"
    "2. 版权许可的授予。根据本许可证的条款和条件，每个贡献者特此授予您永久的、全球性的、非独占的、免费的版权许可。\n")


def test_known_text_with_an_appended_translation_is_that_text():
    ident = identify_text(reference_text("Apache-2.0") + CHINESE_TRANSLATION)
    assert (ident.classification, ident.detection.key) == (OSI, "Apache-2.0")
    assert "translation" in ident.detection.evidence.quote


@pytest.mark.parametrize("added", [
    CHINESE_TRANSLATION + "\n本模型仅限学术研究使用，商业用途需书面授权。\n",  # a "translation" that adds terms
    "\nThe model may not be used for commercial purposes.\n",
])
def test_appended_text_that_adds_terms_is_not_a_translation(added):
    ident = identify_text(reference_text("Apache-2.0") + added)
    assert ident.classification is not OSI


@pytest.mark.parametrize("name", ["LICENSE-MODEL", "MODEL_LICENSE", "MODEL_LICENSE_AGREEMENT.txt", "llama_license.txt",
                                  "LICENSE-FLUX1-dev", "TERMS_OF_USE.md"])
def test_license_files_are_read_under_the_names_publishers_use(name):
    assert license_candidates(["README.md", "config.json", name]) == [name]


@pytest.mark.parametrize("name", ["LICENSE-MODEL", "MODEL_LICENSE", "MODEL_LICENSE_AGREEMENT.txt"])
def test_model_license_files_are_primary(name):
    assert is_primary_license_file(name)


# --- feed fields mean one thing each ----------------------------------------------------------------

def test_feed_key_is_a_catalog_key_or_null_never_a_description():
    detection = Detection("base-model-lineage", RESTRICTED, Evidence("hub-metadata", "a ← b"),
                          key="unrecognized license with restrictive terms", name="terms of base model b")
    result = ModelResult("a/b", None, RESTRICTED, False, verdict=Verdict(RESTRICTED, detection, (detection,), ()))
    entry = model_entry(result)["license"]
    assert entry["key"] is None and entry["detected"][0]["key"] is None
    assert entry["name"] == "terms of base model b"


def test_user_messages_speak_of_the_license_not_of_another_tools_naming():
    verdict = classify({"license": "creativeml-openrail-m"})
    assert "ScanCode" not in verdict.governing.reason
    assert resolve_label("bsl-1.0").hub is not None and "ScanCode" not in resolve_label("bsl-1.0").hub.reason


@pytest.mark.parametrize("base,key", [
    ("meta-llama/Llama-2-7b-hf", "llama-2-license-2023"),
    (["mistralai/Mistral-7B-v0.1", "bartowski/Meta-Llama-3-8B-Instruct-GGUF"], "llama-3-license-2024"),
    ("https://huggingface.co/google/gemma-2b", "gemma-tou-2024-04-01"),
    # Chinese publishers' families whose weights need an application for commercial use (no text shipped: judged names)
    ("xverse/XVERSE-13B-Chat", None), ("Skywork/Skywork-13B-base", None), ("Tele-AI/TeleChat2-7B", None),
    ("Kwai-Kolors/Kolors", None),
])
def test_declared_base_of_a_restrictive_family_is_known_without_the_hub(base, key):
    verdict = classify({"license": "apache-2.0", "base_model": base})
    assert (verdict.classification, verdict.governing.matcher, verdict.governing.key) == (RESTRICTED, "card-base-model", key)


@pytest.mark.parametrize("base", ["openlm-research/open_llama_7b", "TinyLlama/TinyLlama-1.1B-Chat-v1.0",
                                  "llama-fan/mistral-7b-tuned",
                                  "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B",  # distilled into Qwen2.5, not Qwen-7B
                                  "THUDM/GLM-4-9B-0414"])  # the 0414 GLM-4 series is MIT
def test_declared_base_outside_the_families_changes_nothing(base):
    assert classify({"license": "apache-2.0", "base_model": base}).classification is OSI


@pytest.mark.parametrize("link,cls", [
    ("https://www.ai21.com/licenses/jamba-open-model-license", RESTRICTED),
    ("https://github.com/QwenLM/Qwen/blob/main/Tongyi%20Qianwen%20LICENSE%20AGREEMENT", RESTRICTED),
    ("https://huggingface.co/meta-llama/Llama-2-7b/blob/main/LICENSE.txt", RESTRICTED),
    ("https://creativecommons.org/licenses/by-nc/4.0/", RESTRICTED),
    ("https://creativecommons.org/licenses/by-sa/4.0/legalcode", OPEN),
    ("https://www.apache.org/licenses/LICENSE-2.0", OSI),
    ("https://example.com/terms", UNKNOWN),
])
def test_license_link_that_names_its_license_decides_a_bare_other(link, cls):
    assert classify({"license": "other", "license_link": link}).classification is cls


@pytest.mark.parametrize("row,restricted", [
    ("| **Open-source models based on LLaMA-2-13B** |  |  |  |", False),  # a comparison table
    ("| Vicuna-13B | fine-tuned from LLaMA-13B | 6.39 |", False),
    ("| Base model | [Llama-2-7b](https://example.org) |", True),
])
def test_table_rows_name_a_base_only_in_a_base_model_field(row, restricted):
    assert (verdict_of("mit", row).classification is RESTRICTED) is restricted


@pytest.mark.parametrize("tags,key", [
    (["text-generation", "llama-3"], "llama-3-license-2024"),
    (["llama", "llama-3.1"], "llama-3.1-license-2024"),  # the most specific family wins
    (["Yi-34B-200K"], "yi-community-license-2.1-2023-11-23"),
])
def test_family_named_in_the_tags_passes_its_terms_on(tags, key):
    verdict = classify({"license": "apache-2.0", "tags": tags})
    assert (verdict.classification, verdict.governing.matcher, verdict.governing.key) == (RESTRICTED, "card-base-tag", key)


@pytest.mark.parametrize("tags", [["llama-cpp", "gguf-my-repo"], ["LLaMA-factory"], ["mistral", "text-generation"]])
def test_tool_and_other_tags_name_no_family(tags):
    assert classify({"license": "apache-2.0", "tags": tags}).classification is OSI


@pytest.mark.parametrize("key", ["GPL-3.0-only", "AGPL-3.0-only", "Artistic-1.0", "MIT"])
@pytest.mark.parametrize("fence", [False, True])
def test_open_license_pasted_into_the_license_section_is_that_license_not_restrictions(key, fence):
    text = f"```\n{reference_text(key)}\n```" if fence else reference_text(key)
    verdict = classify({"license": "apache-2.0"}, body=f"# A model\n\n## License\n\n{text}\n")
    assert verdict.classification is OSI


@pytest.mark.parametrize("key", ["CC-BY-ND-3.0", "llama-2-aup-2023", "PolyForm-Small-Business-1.0.0", "ODbL-1.0"])
def test_terms_pasted_into_the_license_section_govern_under_a_permissive_tag(key):
    verdict = classify({"license": "apache-2.0"}, body=f"# A model\n\n## License\n\n{reference_text(key)}\n")
    assert verdict.classification is not OSI
    assert verdict.governing.matcher == "card-text-license"


def test_a_restriction_wrapped_over_lines_of_the_license_section_is_read_as_one_sentence():
    body = "# A model\n\n## License\n\nThe weights may be used for\nnon-commercial research only.\n"
    verdict = classify({"license": "apache-2.0"}, body=body)
    assert verdict.classification is RESTRICTED and verdict.governing.evidence.line == 5


@pytest.mark.parametrize("name,cls", [
    ("acme-non-commercial-license", RESTRICTED),
    ("acme-research-only-license", RESTRICTED),
    ("acme-community-license", UNKNOWN),
])
def test_unknown_license_name_that_says_it_restricts_is_restricted(name, cls):
    assert classify({"license": "other", "license_name": name}).classification is cls


@pytest.mark.parametrize("body,cls", [
    ("This model is licensed under the Acme Community License.", UNKNOWN),  # not the apache-2.0 of the tag
    ("The model is released under the Acme Non-Commercial License.", RESTRICTED),
    ("The model is licensed under the Apache License.", OSI),  # the tag's license, version left out
    ("The code is released under the Acme License.", OSI),
])
def test_a_license_the_card_names_but_the_catalog_does_not_know_is_not_the_tag(body, cls):
    assert verdict_of("apache-2.0", body).classification is cls


def test_card_naming_an_unknown_license_does_not_contradict_an_unrecognized_file():
    text = "Acme Model License\n\nYou may use the Model only for non-commercial purposes.\n"
    verdict = classify({"license": "other"}, (FetchedFile("LICENSE", text=text),),
                       body="# A model\n\nThe weights are distributed under the Acme Model License.\n")
    assert verdict.classification is RESTRICTED
    assert not [f for f in verdict.findings if f.code == "license-mismatch"]



def test_a_license_under_the_misspelt_key_licenses_is_read_and_reported():
    verdict = classify({"licenses": ["cc-by-nc-sa-4.0"]})
    assert (verdict.classification, verdict.governing.key) == (RESTRICTED, "CC-BY-NC-SA-4.0")
    assert "license-key-misspelt" in {f.code for f in verdict.findings}


@pytest.mark.parametrize(("block", "cls", "key", "line"), [
    ("---\nlanguage: fi\nlicenses:\n- apache-2\n---", OSI, "Apache-2.0", 4),
    ("---\nlicense:\n- cc-by-nc-4.0\n---", RESTRICTED, "CC-BY-NC-4.0", 3),
    ("---\nlicenses: mit\n---", OSI, "MIT", 3),
    ("---\nlicense: apache-2.0\n---", OSI, "Apache-2.0", 3),
])
def test_a_front_matter_block_displaced_below_the_title_is_read_as_the_cards_license_field(block, cls, key, line):
    # the Hub reads no metadata from a block that does not open the file; the card still says what its license is
    verdict = classify({}, body=f"# bert-base-finnish-pos\n{block}\n\nA part-of-speech tagger.\n")
    assert (verdict.classification, verdict.governing.key) == (cls, key)
    assert (verdict.governing.evidence.source, verdict.governing.evidence.line) == ("card-text", line)


@pytest.mark.parametrize(("answer", "cls"), [
    ("Yes, there is no restriction on outputs.", OSI),
    ("No, the licence forbids it.", RESTRICTED),  # a use question answered no is a restriction
])
def test_an_faq_question_restricts_nothing_when_answered_yes_and_restricts_when_answered_no(answer, cls):
    assert verdict_of("apache-2.0", f"## FAQ\n\n**Can I use its outputs to train other models?**\n{answer}").classification is cls


def test_the_apple_sample_code_license_name_is_the_apple_example_code_license():
    verdict = classify({"license": "other", "license_name": "apple-sample-code-license"})
    assert (verdict.classification, verdict.governing.key) == (OPEN, "apple-excl")


@pytest.mark.parametrize("sentence", [
    "Fine-tuned from MPT-7B-Instruct on 40k company FAQ pages (crawled with permission).",  # the data's provenance
    "**No additional restrictions**: you may not apply legal terms or technological measures that stop others doing "
    "what the licence permits.",  # an open licence's own clause
    "Use it commercially, don't use it commercially, I don't mind.",
])
def test_open_terms_phrased_like_limits_restrict_nothing(sentence):
    assert verdict_of("apache-2.0", sentence).classification is OSI


def test_a_restriction_said_of_this_model_after_a_clause_about_the_data_restricts():
    sentence = ("Because parts of the pretraining data were contributed under research-only agreements, **Ubuntu-LM-3B "
                "may be used for non-commercial research only**.")
    assert verdict_of("apache-2.0", sentence).classification is RESTRICTED



@pytest.mark.parametrize("body", [
    "Our code is for non-commercial research only, and the model weights are licensed the same way.",
    "The code may not be used commercially; the weights are distributed under the same terms.",
    "The code is for non-commercial research only; the model weights are under the Acme Model License and may be used "
    "after registration.",
    "Heron-7B can only be used with Acme's written permission.",
])
def test_a_restriction_on_the_code_binds_weights_that_share_its_terms_and_permission_limits_restrict(body):
    assert verdict_of("apache-2.0", body).classification is RESTRICTED


@pytest.mark.parametrize(("items", "cls"), [
    ('  - apache-2.0\n  - "llama3.1"', RESTRICTED),  # every value of the list counts, not only the open one
    ("- apache-2.0\n- other", UNKNOWN),
    ("- mit\n- apache-2.0\n- bsd-3-clause\n- isc\n- mit\n- cc-by-nc-4.0", RESTRICTED),  # a sixth value too
])
def test_every_value_of_a_displaced_license_list_counts(items, cls):
    assert classify({}, body=f"# M\n---\nlicense:\n{items}\n---\n\nA tagger.\n").classification is cls


@pytest.mark.parametrize(("faq", "cls"), [
    ("**Is Heron-7B restricted to non-commercial use?**\nYes, for now.", UNKNOWN),  # yes to a limit is no permission
    ("**Can I use it for commercial purposes without attribution?**\n\nNo, keep the NOTICE file.", OSI),  # the qualifier
])
def test_an_faq_answer_speaks_to_what_the_question_asks(faq, cls):
    assert verdict_of("apache-2.0", f"## FAQ\n\n{faq}").classification is cls


def test_a_restrictions_quote_shows_its_words_after_contractions():
    text = ("it isn't, it doesn't, it won't, it can't, " * 80 + "and it must not be used for any commercial purpose, "
            + "which we think is fair to everyone who helped, " * 10 + "in the end.")
    assert any("must not be used for any commercial" in h.quote for h in find_restrictions(text))


@pytest.mark.parametrize(("body", "cls"), [
    ("## License\n\nMIT. Based on Helsinki-NLP/opus-mt-en-fr (CC-BY-4.0).", OSI),  # the named repo's license
    ("本模型遵循 Apache-2.0 协议开源，可免费商用，无需申请。", OSI),  # no application needed is no requirement
    ("允许商业使用，无需申请，但不得将模型及其衍生品用于危害国家安全、违法或侵犯他人权益的用途。", RESTRICTED),
])
def test_a_license_of_a_named_repo_and_a_waived_application_restrict_nothing_but_use_bans_do(body, cls):
    assert verdict_of("apache-2.0" if cls is not RESTRICTED else "mit", body).classification is cls


@pytest.mark.parametrize(("body", "cls"), [
    # a Chinese licence sentence about the repo's code, beside terms for the weights, is the code's
    ("## 协议 / License\n\n本仓库的代码依照 Apache-2.0 协议发布。模型权重的使用须遵守下文所述的许可条款。", UNKNOWN),
    ("## License\n\n本仓库代码依照 Apache-2.0 协议开源，模型权重遵循《QiLin 模型许可协议》。", UNKNOWN),
    ("## License\n\n本仓库中的训练代码，遵循 Apache-2.0 协议发布。", UNKNOWN),  # the code, its subject before the comma
    ("## License\n\n本项目的代码和模型权重均依照 Apache-2.0 协议发布。", OSI),  # the weights too
    ("## License\n\n本模型权重依照 Apache-2.0 协议开源，可免费商用。", OSI),
])
def test_a_cjk_license_sentence_about_the_code_is_not_the_weights_license(body, cls):
    assert classify({"license": "other"}, body=f"# QiLin\n\n{body}\n").classification is cls


@pytest.mark.parametrize(("sentence", "cls"), [
    ("For commercial licensing beyond these terms, contact partnerships@example.com.", OSI),  # an extra offer
    ("For commercial use, contact partnerships@example.com.", RESTRICTED),
    ("The weights are under the Acme Model License, which allows commercial use but includes use-based restrictions.",
     RESTRICTED),
    ("Apache 2.0, with no use-based restrictions.", OSI),
])
def test_an_offer_beyond_the_terms_restricts_nothing_but_a_license_with_use_based_restrictions_does(sentence, cls):
    assert verdict_of("apache-2.0", f"## License\n\n{sentence}").classification is cls


@pytest.mark.parametrize(("base", "declared", "cls"), [
    ("mistralai/Mistral-7B-Instruct-v0.3", "apache-2.0", OSI),
    ("microsoft/Phi-3-mini-4k-instruct", "apache-2.0", OSI),  # MIT base, Apache-2.0 declared: both OSI-approved
    ("microsoft/Phi-3-mini-4k-instruct", "cc-by-4.0", OPEN),  # never looser than the card's own id
    ("Qwen/Qwen2.5-3B", "apache-2.0", RESTRICTED),  # not an open release: the Qwen Research licence
    ("someone/unheard-of-7b", "apache-2.0", UNKNOWN),  # unknown base: lineage must read it on the Hub
    ("microsoft/Phi-3-mini-4k-instruct", None, UNKNOWN),  # the card says nothing else of its terms
    ([f"microsoft/phi-{n}" for n in ("2", "4")] * 8 + ["acme/private-research-13b"], "apache-2.0", UNKNOWN),  # cut off
])
def test_terms_deferred_to_a_well_known_open_base_are_settled_without_the_hub(base, declared, cls):
    from auditor.models import ModelMeta, Snapshot
    from auditor.pipeline.audit import judge
    front = f"license: {declared}\n" if declared else ""
    listed = "".join(f"\n- {b}" for b in base) if isinstance(base, list) else f" {base}"
    card = (f"---\n{front}base_model:{listed}\n---\n# A quant\n\n## License\n\n"
            "These quantised files are distributed under the same licence as the original model.\n")
    result = judge(Snapshot(ModelMeta(id="bitbarn/some-model-GGUF", files=("README.md",)), FetchedFile("README.md", text=card), ()))
    assert result.classification is cls


@pytest.mark.parametrize("base", ["Qwen/Qwen2.5-3B", "Qwen/Qwen2.5-72B-Instruct", "Qwen/Qwen2-72B", "01-ai/Yi-34B",
                                  "tiiuae/falcon-180B", "mistralai/Mistral-Large-Instruct-2407", "meta-llama/Llama-2-7b-hf",
                                  "mistralai/Codestral-22B-v0.1", "deepseek-ai/DeepSeek-R1-Distill-Llama-8B"])
def test_no_restrictive_release_is_listed_as_an_open_base(base):
    assert known_base_key(base) is None


def test_every_open_base_is_under_an_open_catalog_license():
    catalog = load_catalog()
    assert len(load_open_bases()) >= 20
    assert all(catalog[key].classification in (LicenseClass.OSI_APPROVED, LicenseClass.OPEN_NON_OSI)
               for _, key in load_open_bases())


@pytest.mark.parametrize(("body", "cls"), [
    ("By downloading you agree not to share the weights outside your credentialed team.", RESTRICTED),
    ("Any use in production or for commercial purposes requires a separate commercial license from Pelagic AI.", RESTRICTED),
    ("The licence includes an acceptable-use policy.", RESTRICTED),
    ("Apache 2.0, except that you may not use it to transcribe recordings for commercial purposes.", RESTRICTED),
    ("Apache 2.0. We chose it over licenses with use-based restrictions.", OSI),  # said of other licences
    ("Unlike Llama 2, no acceptable-use policy applies.", OSI),
])
def test_sharing_bans_production_licences_and_hyphenated_use_policies_restrict_but_the_datas_license_does_not(body, cls):
    declared = "cc-by-sa-4.0" if cls is OPEN else "mit"
    assert verdict_of(declared, f"## License\n\n{body}").classification is cls



@pytest.mark.parametrize(("declared", "body", "cls"), [
    # French, German and Spanish commercial bans and permission requirements
    ("apache-2.0", "## License\n\nToutefois, toute utilisation commerciale des poids est interdite sans accord écrit préalable.", RESTRICTED),
    ("apache-2.0", "## License\n\nDie kommerzielle Nutzung der Gewichte ist nicht gestattet.", RESTRICTED),
    ("apache-2.0", "## License\n\nEl uso comercial del modelo está prohibido.", RESTRICTED),
    # a list of denials denies only what it names
    ("apache-2.0", "## License\n\nApache 2.0: no usage policy on top, no registration, no MAU limit.", OSI),
    ("apache-2.0", "## License\n\nCompanies over 700 million monthly active users need a licence; no MAU limit for research.", RESTRICTED),
    ("apache-2.0", "## License\n\nThis model is for non-commercial use only, no fees.", RESTRICTED),  # a denial clears only itself
    ("mit", "## License\n\nEl uso comercial no está prohibido.", OSI),
    ("mit", "## License\n\nVous pouvez utiliser et redistribuer ce modèle librement, sans autorisation de notre part.", OSI),
    # a change of terms: the licence it left is no longer the model's
    ("other", "## License\n\nv1.2: the licence of the weights changed from CC BY-NC 4.0 to Apache 2.0.", OSI),
    ("other", "## License\n\nThe licence changed from Apache 2.0 to CC BY-NC 4.0 in v2.", RESTRICTED),
    ("apache-2.0", "## License\n\nWe have not changed the license from CC BY-NC 4.0 to Apache 2.0.", RESTRICTED),
    ("apache-2.0", "## License\n\nThe weights stay CC BY-NC 4.0 (only the tokenizer moved from CC BY-NC 4.0 to MIT).", RESTRICTED),
    ("apache-2.0", "## License\n\nThe weights are under CC BY-NC 4.0, converted from CC BY-NC 4.0 safetensors to GGUF.", RESTRICTED),
    ("other", "## Licença\n\n- Uso permitido apenas para pesquisa e ensino\n- Proibido uso comercial sem autorização por escrito", RESTRICTED),
    ("mit", "## Licença\n\nO uso comercial não é proibido; não é necessária autorização.", OSI),
    ("other", "## Лицензия\n\nДля компаний с годовой выручкой свыше 500 млн рублей требуется коммерческая лицензия.", RESTRICTED),
    ("mit", "## Лицензия\n\nКоммерческое использование не запрещено.", OSI),
    ("apache-2.0", "## Licencia\n\nNo está prohibido el uso comercial de este modelo.", OSI),
    ("apache-2.0", "## Licencia\n\nEstá prohibido el uso comercial de este modelo.", RESTRICTED),
    ("apache-2.0", "## Лицензия\n\nМодель подходит не только для исследований, но и для коммерческого использования.", OSI),
    ("apache-2.0", "## Licença\n\nO modelo pode ser usado comercialmente sem autorização prévia por escrito.", OSI),
    ("apache-2.0", "## Licença\n\nO uso comercial nunca requer autorização.", OSI),
    ("apache-2.0", "## Лицензия\n\nНе требуется коммерческая лицензия.", OSI),
    ("apache-2.0", "## Лицензия\n\nМодель прогнозирует выручку компаний до 2030 года.", OSI),  # revenue predicted
    ("apache-2.0", "## Lizenzhinweise\n\nCC BY-NC 4.0 gilt für Alpaca-Daten.", OSI),  # the data's licence
    ("apache-2.0", "## Yüksek Lisans Tezi\n\nCC BY-NC 4.0", OSI),  # a master's thesis, not a licence heading
    ("other", "## Lisans\n\nCC BY-NC 4.0", RESTRICTED),
    ("apache-2.0", "## Lisans Bilgileri\n\nCC BY-NC 4.0", RESTRICTED),
    ("apache-2.0", "## Licencia\n\nEl modelo y los datos son solo para uso no comercial.", RESTRICTED),  # the model too
    ("apache-2.0", "## Лицензия\n\nМодель распространяется в Украине только для исследований.", RESTRICTED),
    (None, "## Licentie\n\nEuropean Union Public Licence (EUPL) v1.2", OSI),  # a licence section in Dutch
    ("apache-2.0", "## Giấy phép\n\nMô hình chỉ được sử dụng cho mục đích nghiên cứu và phi thương mại.", RESTRICTED),
    ("apache-2.0", "## Lisensi\n\nModel ini hanya untuk penelitian dan non-komersial.", RESTRICTED),
    ("apache-2.0", "## Lisans\n\nBu model yalnızca araştırma amaçlı kullanılabilir.", RESTRICTED),
    ("apache-2.0", "## Licenza\n\nIl modello è rilasciato per uso non commerciale.", RESTRICTED),
    ("apache-2.0", "## लाइसेंस\n\nयह मॉडल केवल अनुसंधान के लिए है।", RESTRICTED),
    ("apache-2.0", "## Giấy phép\n\nMô hình được phép sử dụng cho mục đích thương mại.", OSI),
    # commercial and non-commercial use alike, and "not only for research", restrict nothing
    ("apache-2.0", "## Lisans\n\nBu model hem ticari hem de ticari olmayan amaçlarla kullanılabilir.", OSI),
    ("apache-2.0", "## Lisensi\n\nModel ini dapat digunakan untuk keperluan komersial maupun non-komersial.", OSI),
    ("apache-2.0", "## Giấy phép\n\nMô hình có thể dùng cho cả mục đích thương mại và phi thương mại.", OSI),
    ("apache-2.0", "## Licencja\n\nModel może być używany zarówno do celów komercyjnych, jak i niekomercyjnych.", OSI),
    ("apache-2.0", "## लाइसेंस\n\nयह मॉडल व्यावसायिक तथा गैर-व्यावसायिक दोनों उपयोगों के लिए है।", OSI),
    ("apache-2.0", "## Giấy phép\n\nMô hình không chỉ dùng cho nghiên cứu mà còn có thể dùng thương mại.", OSI),
    ("apache-2.0", "## Lisensi\n\nModel ini tidak hanya untuk penelitian, tetapi juga boleh dipakai secara komersial.", OSI),
    ("apache-2.0", "## लाइसेंस\n\nयह मॉडल केवल शोध के लिए नहीं है, इसका व्यावसायिक उपयोग भी किया जा सकता है।", OSI),
    ("apache-2.0", "## Lisans\n\nBu model sadece araştırma için değil, ticari kullanım için de uygundur.", OSI),
    ("apache-2.0", "## Lisans\n\nBu model yalnızca araştırma amaçlıdır, ticari kullanım için değil.", RESTRICTED),
    ("apache-2.0", "## लाइसेंस\n\nयह मॉडल केवल शोध के लिए है, व्यावसायिक उपयोग नहीं।", RESTRICTED),
    # (review of 6e814d0) the second "commercial" prohibited, or "not only" about something else: still restricted
    ("apache-2.0", "## Lisensi\n\nModel ini hanya untuk penggunaan non-komersial, bukan untuk tujuan komersial.", RESTRICTED),
    ("apache-2.0", "## Licencja\n\nModel jest przeznaczony wyłącznie do użytku niekomercyjnego, użytek komercyjny jest zabroniony.",
     RESTRICTED),
    ("apache-2.0", "## Licenza\n\nIl modello è rilasciato solo per uso non commerciale, l'uso commerciale è vietato.", RESTRICTED),
    ("apache-2.0", "## Lisans\n\nBu model yalnızca ticari olmayan amaçlarla kullanılabilir, ticari kullanım yasaktır.", RESTRICTED),
    ("apache-2.0", "## Giấy phép\n\nMô hình không chỉ hỗ trợ tiếng Việt mà còn tiếng Anh, nhưng chỉ được sử dụng cho mục đích nghiên cứu.",
     RESTRICTED),
    ("apache-2.0", "## Licenza\n\nIl modello può essere usato per scopi commerciali e non commerciali.", OSI),
    # a License section's bare value with a period, an aside on whose terms it follows, a copyright notice after it
    (None, "## License\n\nMIT.", OSI),
    (None, "## License\n\nMIT, same as the base model. Copyright (c) Microsoft Corporation and the fine-tune authors.", OSI),
    (None, "## License\n\nCC BY-NC 4.0.", RESTRICTED),
    (None, "## License\n\nMIT, except the weights.", UNKNOWN),
])
def test_terms_in_other_languages_denials_and_licence_changes(declared, body, cls):
    """Bans, grants, thresholds and licence changes, in English and other languages, under a License heading."""
    front = {"license": declared} if declared else {}
    assert classify(front, body=f"# A model\n\n{body}\n").classification is cls





@pytest.mark.parametrize(("row", "message"), [
    ({"pattern": "(", "key": "MIT"}, "bad pattern"),
    ({"pattern": "x/y", "key": "CC-BY-NC-4.0"}, "is not a license this table may name"),
])
def test_a_bad_row_of_a_pattern_table_is_a_clear_data_error(monkeypatch, row, message):
    import auditor.engine.catalog as catalog
    from auditor.errors import DataFileError
    monkeypatch.setattr(catalog, "data_rows", lambda name: [row])
    with pytest.raises(DataFileError, match=message):
        catalog.pattern_rows("open-bases.tsv", lambda key: key == "MIT")


@pytest.mark.parametrize(("body", "cls"), [
    ("We ask that you don't use them to build systems that misrepresent Sámi culture. This is a request, not a legal condition.", OPEN),
    ("We ask that you don't use them to build systems that misrepresent Sámi culture.\nThis is a request, not a legal condition.", OPEN),
    ("You may not use them to build systems that misrepresent Sámi culture.\nThis is not legally binding in the EU.", RESTRICTED),
    ("You may not use it for military purposes.\n\nThis is a request, not a legal condition.", RESTRICTED),  # another paragraph
    ("Non-commercial use only. We ask that you credit us. This is a request, not a legal condition.", RESTRICTED),
    # (review of 6f2d7ba) guidelines called non-binding, and a summary's disclaimer, unbind nothing
    ("This model is for non-commercial use only. Our non-binding guidelines on deployment are in GUIDELINES.md.", RESTRICTED),
    ("**In short:** you may not use this model for commercial purposes. (This is not legally binding; the LICENSE governs.)",
     RESTRICTED),
])
def test_a_request_the_card_says_binds_nobody_restricts_nothing(body, cls):
    assert classify({"license": "cc0-1.0"}, body=f"# Vectors\n\n## Ethics\n\n{body}\n").classification is cls


@pytest.mark.parametrize(("declared", "body", "cls"), [
    # a one-word license after a verb of release names it ("under MIT" was read as nothing, and beside "the same
    # licence as the base model" it was a deferral to unread terms)
    ({}, "Weights are released under MIT.", OSI),
    ({}, "The model is released under Apache 2.0.", OSI),
    ({"license": "mit", "base_model": "zai-org/GLM-4.5-Air"},
     "Weights are released under MIT, the same licence as the base model, and commercial use is allowed.", OSI),
    ({}, "Developed under MIT supervision.", UNKNOWN),  # no verb of release: the institute
    ({}, "The dataset is released under Apache 2.0.", UNKNOWN),  # the data's, not the weights'
    ({}, "The code is released under MIT; the weights are CC BY-NC 4.0.", RESTRICTED),
    ({}, "It is released under MIT.", OSI),
    # (review of bd4d855) only the model, its weights or "it" released under a one-word name that ends the clause
    ({"license": "mit"}, "Nimbus-7B is an open-source model. The demo app is released under WTFPL.", OSI),
    ({"license": "mit"}, "Nimbus-7B is an open-source model. The Nimbus-70B weights are released under WTFPL.", OSI),
    ({"license": "other", "license_name": "nimbus-license", "license_link": "LICENSE"},
     "Trained on OpenHermes-2.5, which is released under MIT.", UNKNOWN),
    ({}, "The tokenizer is distributed under MIT; see LICENSE for the model terms.", UNKNOWN),
    ({}, "It is released under MIT-IBM Watson AI Lab guidance.", UNKNOWN),
    # (review of 6832204) any subject released under a license of several words is read, as before (whose: aboutness)
    ({}, "The model is open source and released under Apache 2.0.", OSI),
    ({}, "Nimbus-7B is released under Apache 2.0.", OSI),
    ({}, "Released under Apache 2.0.", OSI),
    ({}, "Nimbus-7B is released under the CreativeML OpenRAIL-M.", RESTRICTED),
    ({}, "The demo app is released under Apache 2.0.", UNKNOWN),  # an app's, not the weights'
    # (review of 1de1ed0) "open source under X" states the claim's own licence (a family's is a doubt)
    ({}, "The model and the dataset are open source under Apache 2.0.", OSI),
    ({}, "Nimbus-7B is open source under the Apache 2.0 license.", OSI),
    ({}, "It is open source under MIT.", OSI),
    ({}, "Llama 2 is open source under the Llama 2 Community License.", UNKNOWN),
    ({}, "The source code is open source under MIT.", UNKNOWN),
    # (review of 112d77d) only this model's subject: a tool's, a base's, a teacher's or another size's is not its licence
    ({}, "Our training framework is open source under Apache 2.0.", UNKNOWN),
    ({}, "vLLM is open source under Apache 2.0 and serves this model.", UNKNOWN),
    ({}, "The base model, Mistral-7B, is open source under Apache 2.0.", UNKNOWN),
    ({}, "The 70B model is open source under Apache 2.0.", UNKNOWN),
    ({}, "Our training recipe is open-sourced under Apache 2.0.", UNKNOWN),
    ({}, "This model is released under MIT and is open source. Gemma, our teacher, is open source under the Gemma Terms of Use.",
     OSI),
    ({}, "The 7B model is open source under Apache 2.0.", OSI),
    ({}, "Our models are open-sourced under the Apache 2.0 license.", OSI),  # (read before the session, and still)
    ({}, "All checkpoints are open-sourced under the MIT License.", OSI),
    ({}, "Nimbus is open source under Apache 2.0.", OSI),  # the repo's short name (review of de19529)
    ({}, "The code and models are open-sourced under Apache 2.0.", OSI),  # the weights too, beside the code
    ({}, "The code and datasets are released under Apache 2.0.", UNKNOWN),
    ({}, "The code and models used for comparison are released under MIT.", UNKNOWN),  # others' models
    ({"license": "mit"}, "This model is open source. Outputs (photos, videos) may not be used commercially.", RESTRICTED),
    # (round 7) "no registration" in a list of what is permitted; an earlier release that "originally came under" a licence
    ({"license": "apache-2.0"}, "Quill is fully open-source under Apache 2.0 — commercial use is permitted, no registration, "
                                "no usage caps.", OSI),
    ({"license": "apache-2.0"}, "Previous Yi releases (Yi-6B and Yi-34B from 2023) originally came under the Yi Series Models "
                                "Community License.", OSI),
    ({"license": "apache-2.0"}, "Commercial use requires registration.", RESTRICTED),
    ({"license": "apache-2.0"}, "No registration, but commercial use requires a license.", RESTRICTED),
    ({"license": "apache-2.0"}, "No sign-up — commercial use requires a paid license.", RESTRICTED),
    # (round 6) a data item obtained from companies with their permission limits no use; a use that needs it does
    ({"license": "apache-2.0"}, "## Training data\n\n- 80k support tickets (anonymised, from three partner companies, with "
                                "permission)", OSI),
    ({"license": "mit"}, "Companies need our permission for commercial use.", RESTRICTED),
    # a field label naming data ("Photos: CC BY 4.0.") gives the data's terms
    ({"license": "apache-2.0"}, "## License\n\nModel: Apache 2.0. Photos: CC BY 4.0.", OSI),
    # "and the" joins a compound subject with no verb before it
    ({}, "## License\n\nThe model weights and the code are released under the Apache License, Version 2.0.", OSI),
    ({}, "## License\n\nThe weights are CC BY-NC 4.0 and the code is released under Apache 2.0.", RESTRICTED),
    ({}, "## License\n\nThe code and the data are released under the Apache License 2.0.", UNKNOWN),
])
def test_a_one_word_license_named_after_a_verb_of_release_is_read(declared, body, cls):
    assert classify(declared, body=f"# Nimbus\n\n{body}\n", model_id="acme/Nimbus-7B").classification is cls


@pytest.mark.parametrize(("model_id", "body", "cls"), [
    # a restriction said of another size of the family is that size's terms, not this one's (nor a doubt)
    ("x/Foo-7B", "The 70B model is for non-commercial use only; this 7B model is MIT.", OSI),
    ("x/Foo-7B", "The 7B and 13B models are MIT. The 70B model is for non-commercial use only.", OSI),
    ("x/Foo-7B", "Foo-70B is for non-commercial use only.", OSI),
    ("x/foo-small", "The large model is not open source: it was distilled from an API and its weights are for "
                    "non-commercial use only.", OSI),
    # this size, the model itself, the base, or a card whose name gives no size: restricted as before
    ("x/Foo-7B", "Foo-7B is for non-commercial use only.", RESTRICTED),
    ("x/Foo-7B", "The 7B model is for non-commercial use only.", RESTRICTED),
    ("x/Foo-7B", "The model is for non-commercial use only.", RESTRICTED),
    ("x/foo-large", "The base model is for non-commercial use only.", RESTRICTED),
    ("x/Foo", "The 70B model is for non-commercial use only.", RESTRICTED),
    ("x/Foo-7B", "This 70B-distilled model is for non-commercial use only.", RESTRICTED),
    # (review of bd4d855) terms carried over to other sizes, distills and merges, ranges, and sizes in millions
    ("x/Foo-Distill-1.5B", "The 32B teacher model is for research use only, and models distilled from it are subject to "
                           "the same terms.", RESTRICTED),
    ("x/Franken-11B", "The 7B source models are for non-commercial use only (CC BY-NC 4.0), so this merge is too.", RESTRICTED),
    ("x/Foo-7B", "Models larger than 3B are for non-commercial use only.", RESTRICTED),
    ("x/Foo-0.5B", "The 500M model is for non-commercial use only.", RESTRICTED),
    ("x/Foo-7B", "The 70B model is for non-commercial use only, and so are all smaller sizes.", RESTRICTED),
    ("x/Foo-7B", "The 70B model is for non-commercial use only. The 7B model is a distillation of it and carries the same "
                 "terms.", RESTRICTED),
    ("x/foo-small", "The large model is for non-commercial use only; the distilled small model inherits this.", RESTRICTED),
    ("x/Foo-Merge-14B", "Bar-7B is for non-commercial use only, so any merge that includes it is restricted.", RESTRICTED),
    ("x/Foo-Q4-7B", "Foo-70B may not be used for commercial purposes, and neither may its derivatives, including this "
                    "distilled 7B model.", RESTRICTED),
    ("x/Foo-1B", "The 1B model is MIT; the 3B model and up may not be used commercially.", RESTRICTED),
    # (review of 6832204) a next sentence giving other sizes their own licence carries nothing; "-ties-" in a word is no merge
    ("x/Foo-7B", "The 70B model is for non-commercial use only. Both smaller models are Apache 2.0.", OSI),
    ("x/Foo-7B", "The 70B model is for non-commercial use only. We also release a 1B model under Apache 2.0.", OSI),
    ("x/Foo-7B", "The 70B model is for non-commercial use only. The 7B model is Apache 2.0 and includes no restrictions.", OSI),
    ("x/Foo-7B", "The 70B model is for non-commercial use only; this 7B model is Apache-2.0 too.", OSI),
    ("acme/Humanities-7B", "The 70B model is for non-commercial use only.", OSI),
    ("acme/Securities-QA-7B", "The 70B model is for non-commercial use only.", OSI),
    # (review of 88c329c) a next sentence that applies the terms to this or every size; a CamelCase merge's name
    ("acme/heron-7b", "The Heron-70B model is for non-commercial use only. This also applies to Heron-7B.", RESTRICTED),
    ("acme/heron-7b", "The Heron-70B model is for non-commercial use only. The same applies to all smaller sizes.", RESTRICTED),
    ("acme/heron-7b", "The Heron-70B model is for non-commercial use only. The 7B is covered too.", RESTRICTED),
    ("acme/heron-7b", "The Heron-70B model is for non-commercial use only. All Heron sizes are bound by it.", RESTRICTED),
    ("acme/heron-7b", "The Heron-70B model is for non-commercial use only. The 7B model was trained on its outputs.", RESTRICTED),
    ("acme/HeronMerge-7B", "The Heron-70B model is for non-commercial use only.", RESTRICTED),
    # others' LoRAs and fine-tunes in the plural are not this model's weights
    ("acme/heron-7b", "LoRAs trained on this data are for non-commercial use only.", OSI),
    ("acme/heron-7b", "Fine-tunes of the dataset's baseline models are for research use only.", OSI),
    # (review of 1de1ed0) this model named, or terms passed on, in the sentence or the next (with no licence of its own)
    ("acme/Heron-7B", "The 70B model is for non-commercial use only. This model was distilled from the 70B model.", RESTRICTED),
    ("acme/Heron-7B", "The 70B model is for non-commercial use only. The 7B version is a distillation of the 70B model.",
     RESTRICTED),
    ("acme/Heron-R1-7B", "Heron-R1-671B is for research use only. Heron-R1-7B was distilled from Heron-R1-671B.", RESTRICTED),
    ("acme/Heron-R1-7B", "Heron-R1-671B is for research use only, as is this model.", RESTRICTED),
    ("acme/Heron-7B-GGUF", "Heron-70B is for non-commercial use only, and the distilled 7B is too.", RESTRICTED),
    ("acme/Heron-7B", "The 70B model is for non-commercial use only. Likewise for the 7B model.", RESTRICTED),
    ("acme/Heron-7B", "The 70B model is for non-commercial use only. The 7B model is no exception.", RESTRICTED),
    ("acme/Heron-R1-7B", "Heron-R1-671B is for research use only. These terms also cover this checkpoint.", RESTRICTED),
    ("acme/Heron-7B", "The 13B model is for non-commercial use only. Smaller variants share this license.", RESTRICTED),
    ("acme/Heron-7B", "The 13B model is for non-commercial use only. The same holds for the 7B.", RESTRICTED),
    ("acme/Heron-7B", "The 70B model is for non-commercial use only. This model is too.", RESTRICTED),
    # (review of 112d77d) naming this model passes nothing on
    ("acme/Heron-7B", "The 70B model is for non-commercial use only. This model is fully open source.", OSI),
    ("acme/Heron-7B", "The 70B model is for non-commercial use only. The 7B model too is open source for everyone.", OSI),
    ("acme/Heron-7B", "The 70B model is for non-commercial use only. This model is a separate release.", OSI),
    # (review of de19529) "So is this model", "no different", "as well"; a true parameter count is this size (7.3B on 7B)
    ("acme/Heron-7B", "The 70B model is for non-commercial use only. So is this model.", RESTRICTED),
    ("acme/Heron-7B", "The 70B model is for non-commercial use only. This model is no different.", RESTRICTED),
    ("acme/Heron-7B", "The 70B model is for non-commercial use only. Heron-7B as well.", RESTRICTED),
    ("acme/Heron-7B", "Heron-7B has 7.3B parameters. The 7.3B model is for non-commercial use only.", RESTRICTED),
    # (round 7) another size's licence statement and a size-labelled item; "above 100M MAU" is no size range
    ("kestrelai/Kestrel-7B", "The 34B checkpoint is distributed under a separate research licence; see its own card.", OSI),
    ("x/Foo-34B", "The 34B checkpoint is distributed under a separate research licence.", RESTRICTED),
    ("x/Foo-7B", "Sizes and terms:\n\n- 72B: Qwen License (commercial use above 100M MAU needs permission).", OSI),
    ("x/Foo-72B", "Sizes and terms:\n\n- 72B: Qwen License (commercial use above 100M MAU needs permission).", RESTRICTED),
    ("x/Foo-7B", "Models above 3B are for non-commercial use only.", RESTRICTED),
    # (review of eba5314) every size of a label counts; "this 7B"; sizes in words; "came under … and still is"
    ("x/Foo-7B", "## License\n\n1.5B/7B: CC BY-NC 4.0\n72B: Qwen License", RESTRICTED),
    ("x/Foo-7B", "## License\n\n- 3B, 7B: CC BY-NC 4.0", RESTRICTED),
    ("x/Foo-7B", "## License\n\n- 70B & 7B: CC BY-NC 4.0", RESTRICTED),
    ("x/Foo-7B", "## License\n\n- 70B (and this 7B): CC BY-NC 4.0", RESTRICTED),
    ("x/Foo-7B", "## License\n\n- 7B: Apache 2.0\n- 70B: CC BY-NC 4.0", OSI),
    ("x/Foo-13B", "The 70B model is under CC BY-NC 4.0, as are models of at least 10 billion parameters.", RESTRICTED),
    ("x/Foo-7B", "Our first release of Foo-7B came under CC BY-NC 4.0 and still is.", RESTRICTED),
])
def test_a_restriction_said_of_another_size_of_the_family_is_not_this_models(model_id, body, cls):
    assert classify({"license": "mit"}, body=f"# Foo\n\n{body}\n", model_id=model_id).classification is cls


@pytest.mark.parametrize(("body", "cls"), [
    # a license badge on the title line is a License field (and does not make the whole card a License section)
    ("# polish-roberta [![License: MIT](https://img.shields.io/badge/License-MIT-yellow.svg)](https://opensource.org/licenses/MIT)"
     " [![Python](https://img.shields.io/badge/python-3.9-blue)](https://python.org)\n\nSentiment model.", OSI),
    ("# polish-roberta [![License: CC BY-NC 4.0](https://img.shields.io/badge/x)](https://example.org)\n\nSentiment model.",
     RESTRICTED),
    ("# polish-roberta [![Python](https://img.shields.io/badge/python-3.9-blue)](https://python.org)\n\nSentiment model.",
     UNKNOWN),
    # a RAIL-style licence's list of uses you must not make, and restrictions passed on to downstream users
    ("## License\n\nSentinel-3B is released under the Meridian Model License 1.0. It lets you use, modify and redistribute "
     "the model, including commercially, but Attachment A lists uses you must not make of the model or its derivatives:\n\n"
     "- to surveil individuals without their consent;", RESTRICTED),
    ("## License\n\nSentinel-3B is released under the Meridian Model License 1.0. You must pass these restrictions on to "
     "downstream users.", RESTRICTED),
    ("## Notes\n\nThere are no uses you must not make of the model beyond what the law forbids.", UNKNOWN),
    # (review of 6832204) a negation, or talk of other licences, restricts nothing
    ("## Notes\n\nUnlike RAIL licenses, Apache 2.0 has no list of uses you must not make of the model.", UNKNOWN),
    ("## Notes\n\nRAIL licenses list uses you must not make of the model; this one does not.", UNKNOWN),
    ("## Notes\n\nYou do not have to pass the restrictions on to downstream users.", UNKNOWN),
    # a data table gives the data's terms, and a row naming the weights stays the weights'
    ("## Data\n\n| Data | Data licence |\n|---|---|\n| Model weights | CC-BY-NC-4.0 |", RESTRICTED),
    ("## Data\n\n| Source | Pairs | Data licence |\n|---|---|---|\n| MS MARCO passage | 503k | non-commercial research terms |\n"
     "| HotpotQA | 85k | CC BY-SA 4.0 |\n\n## License\n\nApache 2.0.", OSI),
])
def test_title_badges_and_rail_style_lists_of_forbidden_uses(body, cls):
    assert classify({}, body=body + "\n", model_id="x/polish-roberta").classification is cls



@pytest.mark.parametrize(("base", "cls"), [
    ("Qwen/Qwen2.5-VL-3B-Instruct", RESTRICTED),  # the Qwen Research License
    ("Qwen/Qwen2.5-Coder-3B-Instruct", RESTRICTED),
    ("Qwen/Qwen2.5-VL-72B-Instruct", RESTRICTED),  # the Qwen License
    ("Qwen/Qwen2.5-VL-7B-Instruct", OSI),
    ("Qwen/Qwen2.5-Coder-7B-Instruct", OSI),
])
def test_qwen2_5_sizes_under_research_and_qwen_licences_pass_their_terms_on(base, cls):
    verdict = classify({"license": "apache-2.0", "base_model": base}, body="# Agent\n\nA fine-tune.\n", model_id="x/agent")
    assert verdict.classification is cls
