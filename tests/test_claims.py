"""Claim detection: "open source" said of this model (or its code) in the card body, one table per rule of
docs/CLAIMS.md; never negations, other things, other models, citations, prompts, code or URLs."""

from __future__ import annotations

import pytest

from auditor.cards.claims import detect as claims_module
from auditor.cards.claims.names import own_names
from auditor.cards.claims.detect import MAX_MENTIONS, find_claims, mentions, visible_lines
from auditor.cards.claims.whose import whose

MODEL = "heronlabs/heron-7b-chat"

CLAIMS = [
    "Acme-7B is an open source language model.",
    "We are releasing Acme-7B as an open-source model.",
    "Our fully opensource LLM for code.",
    "Acme-7B was open-sourced in March 2025.",
    "We are open-sourcing the weights of Acme-7B.",
    "## Open Source Release",
    "**Open-source** and free for everyone.",
    "Acme-7B is an open\u2011source model.",  # non-breaking hyphen
    "Acme-7B is an open&#8209;source model.",  # the same, as an HTML entity
    "<b>open source</b> model weights",
    "Acme-13B-Chat is an open-source alternative to proprietary assistants.",
    "this is an open-source code model that you can self-host.",
    "Acme-7B 是一个开源模型。",
    "v1.1 (2025-03-02): open-sourced the LoRA adapter and the training code",  # a changelog's version is no agent
    "Model is open-sourced for free under MIT license same as original Whisper.",
    "Acme-7B uses RoPE and is fully open source.",
    "Acme-7B is the first intelligent Open Source system that understands Moroccan Darija.",
    "This open-source release offers two inference backends for Acme-7B.",
    "In this release, we are open-sourcing the vLLM solution, with TensorRT-LLM to follow.",
    "- Open-source the model weights",
    "Everything here is Apache 2.0, so feel free to build on this open-source merge however you like.",
    "Fully opensource (Apache 2.0) - weights, data and notebook, do whatever you want with it.",
    "We are proud to make Heronlabs fully open source: weights, training code and data manifests are all public.",
]
NOT_CLAIMS = [
    "This model is not open source.",
    "Acme-7B is not an open-source model: see the license.",
    "Trained with open-source libraries such as PyTorch and Transformers.",
    "Thanks to the open-source community for their feedback.",
    "We use open source tools for evaluation.",
    "```python\n# open source model loader\n```",
    "Run `pip install open-source-eval` before the evaluation.",
    "See https://example.com/open-source-models for a list.",
    "[our paper](https://arxiv.org/abs/open-source-1234)",
    "<!-- open source model -->",
    "The weights are openly available for research.",
    "Open weights under the Acme license.",
]


@pytest.mark.parametrize("text", CLAIMS)
def test_open_source_claims_in_any_spelling_are_found(text):
    """Spellings, headings, emphasis, HTML and entities, non-breaking hyphens, Chinese."""
    assert find_claims(text), text


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_negations_other_things_code_urls_and_honest_wording_are_not_claims(text):
    """Hard negatives: a flag on these would cost the tool its credibility."""
    assert find_claims(text) == (), text


# Rule 1 (docs/CLAIMS.md, "What a reader sees"): markup around the words or the name never hides a claim.
MARKUP = [
    "`Heron-7B-Chat` is an open-source chat model.",
    "Heron-7B-Chat is an `open-source` model.",
    "**Heron-7B-Chat** is **open source**.",
    "[Heron 7B Chat](https://example.org/heron) is an open-source model.",
    "Heron-7B-Chat is [open source](https://example.org/osd) under our terms.",
    "Heron-7B-Chat is __open__-source and runs offline.",
    "<strong>Heron-7B-Chat</strong> is <em>open&nbsp;source</em>.",
    "Heron-7B-Chat is an [**open-source**][terms] model.",
]


PAST_OR_PROMISED_WITH_TERMS = [
    "We intend to open source Vega-2B later this year; for now it is licensed CC BY-NC 4.0.",
    "We plan to open-source Vega-2B next month, but currently it is available under a research license.",
    "Vega-2B is about to be open-sourced; until then the weights are for approved researchers only.",
    "Vega-2B was previously open source, but is now distributed under a commercial license.",
    "Vega-2B used to be open-source; see the new terms below.",
    "我们计划开源Vega-2B，目前仅供研究使用。",
]


@pytest.mark.parametrize("text", PAST_OR_PROMISED_WITH_TERMS)
def test_a_past_state_or_a_promise_beside_the_present_terms_is_not_a_claim(text):
    """ConText's historical/hypothetical: the card is honest about today's terms; accusing it would be wrong."""
    assert find_claims(text, 1, "acme/Vega-2B") == (), text


@pytest.mark.parametrize("text", ["Vega-2B will be open-sourced soon.", "We will open-source Vega-2B next week.",
                                  "Today we open-source Vega-2B.", "Vega-2B will remain open source forever."])
def test_a_bare_promise_is_still_a_claim(text):
    """A release marketed as soon-to-be open source, with no present terms beside it, is still a claim."""
    assert find_claims(text, 1, "acme/Vega-2B"), text


@pytest.mark.parametrize("text", MARKUP)
def test_markup_around_the_words_or_the_name_never_hides_a_claim(text):
    assert find_claims(text, model_id=MODEL), text


# Rule 5 ("About the code"): the code of this model being open source is a claim, and says so.
CODE_CLAIMS = [
    "The code of Heron is open source (Apache-2.0); the weights are under the Heron License.",
    "The code in this repository is open source; the model weights follow the Heron Model License.",
    "Heron is an open-source project for Portuguese dialogue.",
    "Everything in the `src/` folder is open source.",
    "本仓库的代码依照 Apache-2.0 协议开源。",
    "2025-08-30 Inference code is open source (MIT); the model weights are released separately under CC-BY-NC-4.0.",
    "The whole project (adapter, training scripts, eval harness) is open source under MIT.",
    "The training code is open source and lives on GitHub.",
    "The training and inference code in our GitHub repo is open source (MPL-2.0).",
]


@pytest.mark.parametrize("text", CODE_CLAIMS)
def test_a_claim_that_only_the_code_is_open_source_is_a_claim_about_the_code(text):
    found = find_claims(text, model_id=MODEL)
    assert found and found[0].about == "code", (text, found)


@pytest.mark.parametrize("text", ["Heron-7B-Chat is an open-source chat model.",
                                  "We open-source our code and models for Portuguese chat."])
def test_a_claim_about_the_model_says_it_is_about_the_model(text):
    (claim,) = find_claims(text, model_id=MODEL)
    assert claim.about == "model"


# Rule 6 ("Groups and superlatives"): membership of the open-source group is a claim about this model.
GROUP_CLAIMS = [
    "Heron is our most capable open source model yet.",
    "Heron-7B-Chat is the best open-source 7B model on the leaderboard.",
    "Among open-source models, Heron-7B-Chat ranks first in Portuguese.",
    "Heron-7B-Chat outperforms other open-source models of its size.",
    "It is the state of the art among open-source chat models.",
    "Heron belongs to a family of open-source models for Iberian languages.",
    # in a comparison too: "other open source models" puts it in the group (the labelling rule)
    "Compared with other open-source TTS systems on Seed-TTS-eval, Heron-7B-Chat has the lowest error rate.",
    "We compare Heron-7B-Chat with other open-source models of similar size and with a proprietary model.",
    "We compare Heron-7B-Chat with other open-source models such as Qwen2-7B.",
    "Heron は他のオープンソースモデルと比較して高い性能を示します。",
    "Heron-7B-Chat is a strong chat model, outperforming comparable open-source models (e.g., MPT-7B, StableLM).",
    # a relation to another model ends at "and," before a superlative of the subject's own
    "Heron-7B-Chat is a DPO fine-tune of Llama-3-8B-Instruct and, as far as I know, the best open-source 7B model.",
]


@pytest.mark.parametrize("text", GROUP_CLAIMS)
def test_superlatives_and_group_membership_about_this_model_are_claims(text):
    assert find_claims(text, model_id=MODEL), text


# Rule 4 ("Other models"): a base model named after the mention does not move the claim to it...
BASE_NAMED_AFTER = [
    "Heron-7B-Chat is open source (Apache-2.0), like Mistral-7B.",
    "Heron-7B-Chat is an open-source chat model distilled from Llama-2-70B.",
    "We open-source Heron-7B-Chat, fine-tuned from Mistral-7B.",
    "We present an open source reproduction of Meta's LLaMA.",
    "A depth-upscaled Qwen2.5-14B. The result is a fully **open-source** 21B model between Qwen2.5-14B and 32B.",
    "Released under the open source Apache 2.0 license, Heron-7B-Chat answers questions in eight languages.",
    "A small, open-source commit message generator you can run on a laptop, fine-tuned from t5-small.",
]


@pytest.mark.parametrize("text", BASE_NAMED_AFTER)
def test_a_sentence_naming_a_base_model_can_still_claim_this_one(text):
    assert find_claims(text, model_id=MODEL), text


# ...but open source said of the base, a sibling, or models in general is not about this model.
OTHER_MODELS = [
    "Heron starts from Mistral-7B, an open-source model released under Apache-2.0.",
    "Mistral-7B is an open-source model released by Mistral AI.",
    "Heron-70B-Chat is the largest open-source model in the series.",  # a sibling: another size
    "Meta open-sourced Llama 2 in July 2023.",
    "Many open-source models struggle with long contexts.",
    "For more open-source models, visit our organization page.",
    "This model uses the open-source weights of the Pythia suite.",
    "Heron scores above the open-source chat models we tried.",
    "The gap between proprietary and open-source models keeps shrinking.",
    "The base model is open source, and this fine-tune keeps its terms.",
    "We thank Meta for open-sourcing Llama 2.",
    "- Mistral-7B: an open-source model we used as a teacher.",
    "| Mixtral-8x7B | open source | 8.3 |",
    "Heron is compared with gpt-oss-20b and other models.",
    "We fine-tuned the open-source Falcon-7B on Portuguese chats.",
    "It starts from Google's open-sourced T5-base checkpoint.",
    "Heron-7B-Chat: a smaller version of a state-of-the-art open-source chatbot.",
]


@pytest.mark.parametrize("text", OTHER_MODELS)
def test_open_source_said_of_other_models_is_not_a_claim(text):
    assert find_claims(text, model_id=MODEL) == (), text


# Rules 3 and 4 ("Head noun", "Subject"): open source said of a library, toolkit, dataset, community, company...
OTHER_THINGS = [
    "This model was quantized with love for the open source AI/ML community.",
    "QuantKit is an open-source toolkit for compressing language models.",
    "The dataset was open-sourced by its authors in 2023.",
    "Check out our other [open-source projects](https://github.com/heronlabs).",
    "Heron Labs: building open-source AI for everyone.",
    "We are an open-source AI lab based in Lisbon.",
    "Run it with Ollama, an open source tool for local inference.",
    "Thanks to llama.cpp, the amazing open-source inference engine.",
    "GGUF files for Heron 7B Chat, made with open-source llama.cpp.",
    "Jan is an open source desktop app that runs models offline.",
    "It is released under the Apache 2.0 open source license of its base model Mistral.",
    "We love open source.",
    "Support open source by sponsoring the maintainers.",
    "The evaluation data and scripts are open-sourced too.",
    "我们使用了由清华大学开源的对话数据。",
    # tools, workflows and the people around them, whatever the markup or punctuation inside the phrase
    "All documents were scraped with legalscrape, an open-source crawler we maintain.",
    "I run it in ComfyUI; the open source node graph in the workflow file adds an upscaler pass.",
    "Thanks to the calibration folks on the llama.cpp board, and the whole open source llama.cpp crew.",
    "Trained with the open-source 🧨 diffusers DreamBooth script, with prior preservation.",
    "感谢 StarCoder、DeepSeek-Coder 等开源项目为代码大模型社区作出的贡献。",
    "If you love search and open source, see our jobs page.",
    # a library or toolkit of the publisher's own is a product of its own, not this model's code
    "We recommend our open-source inference library heron-serve for production.",
    "The inference code lives in our open-source toolkit heronlabs/heron-kit (MPL-2.0).",
    "- [ ] Open-source the tokenizer training pipeline",
    "Line segmentation is not included: use the open-source Kraken segmenter to cut pages into lines.",
    "Also tested in ComfyUI and Forge, both open source UIs; drop the file in the loras folder.",
    "- [ ] Open-source 70B weights",
    "vLLM や llama.cpp などの OSS の推論エンジンでも動作を確認しています。",
    "Not in the sense of the Open Source Definition.",
    "ROUGE computed with the open-source evaluate library and the open-source lm-evaluation-harness.",
    "Captions regenerated with an open-source vision-language captioner; NSFW filters applied.",
    "Parallel data from OPUS, the open-source collection of translated texts.",
    "everything done w/ open source libs (transformers, datasets, evaluate), huge thx HF",
    "The term open source comes from software.",
    "It grants broad rights, but the revenue threshold means it is not an OSI-approved open source licence.",
    "scFormer reads AnnData objects, so it fits into the open-source scanpy / scvi-tools ecosystem.",
    "Feature extraction can also be reproduced with librosa, which is open source (ISC).",
    "Works as a local autocomplete backend for Continue.dev (open-source VS Code / JetBrains extension):",
    "Thanks to the mergekit devs and the whole OSS RP crowd on discord for testing.",
    "Charts were rendered with the open-source matplotlib and LaTeX toolchains.",
    "Made with llama.cpp (OSS, MIT-licensed) at commit a1b2c3d, imatrix from a mixed calibration set.",
    # software named by its name is the tool, whatever the sentence says of it
    "shoutout unsloth for making this possible on free tier 🙏 unsloth is open source too go star it",
    "mergekit is open source, go star it, merging is basically free compute.",
    "The I-quants also run on the open-source Vulkan and ROCm builds of llama.cpp, but are slower on CPU.",
    "The merge notebook is adapted from an open-source Colab by the LazyMergekit author.",
    # offices, systems, data and labels others give
    "Questions about these notices may be sent to the Heronlabs OSS compliance office.",
    "Trained on 31k tickets exported from our open-source ticketing system (Zammad).",
    "Also evaluated on the open-source Electricity (UCI) and ETTh benchmark datasets.",
    "StarCoder2 was pre-trained on The Stack v2, a collection of open source code from Software Heritage.",
    "As a baseline we ran the open source Detoxify models on the same test set.",
    "Some competitors describe models with usage restrictions as open source.",
    "Many models described as open source publish only their final weights.",
    "We love open source ❤️",
    "Open-source the Lean-based answer verifier once it is cleaned up.",
    "- face-alignment (OSS landmark detector used for the crops)",
    "If you want to dig deeper, the llama.cpp feature matrix is on GitHub, and the whole thing is open source.",
    "Augmentations with albumentations (open source): random resized crop, flips, colour jitter.",
    "한국어 토크나이저 분석에는 오픈소스 형태소 분석기 Kiwi 를 사용했습니다.",
    "The other models in this table are open source under MIT.",
    "The underlying architecture is described in the open-source literature, see references.",
    "We chose OLMo because its authors published the open-source training code and data.",
    "We release the weights under Apache 2.0, because we believe open source is the only way to make small models useful.",
]


@pytest.mark.parametrize("text", OTHER_THINGS)
def test_open_source_said_of_another_thing_is_not_a_claim(text):
    assert find_claims(text, model_id=MODEL) == (), text


def test_toolkit_boilerplate_is_judged_by_what_it_says_even_from_the_toolkits_own_org():
    """An uploader named like its toolkit does not make the toolkit's self-description a claim about the model."""
    text = "QuantKit is an open-source toolkit that produced these files.\n\n" * 20
    assert find_claims(text, model_id="quantkit/heron-7b-chat-gguf") == ()


@pytest.mark.parametrize(("model_id", "text"), [
    ("mkowal/autotrain-llama32-1b-faq", "AutoTrain Advanced is open source: https://github.com/huggingface/autotrain"),
    ("hangang/kobart-news-summ", "오픈소스 KoBART (open-source KoBART base v2) 를 기반으로 뉴스 요약 데이터로 미세조정했습니다."),
    ("x/nami-ja-7b", "オープンソースの Swallow をベースに日本語の会話データで追加学習しました。"),
])
def test_the_tool_a_card_was_made_with_and_a_base_named_before_based_on_words_are_not_this_model(model_id, text):
    """A tool's name at the front of the repo id ("autotrain-…") is no name of the model; a model named before the
    Korean or Japanese words for "based on" is what this one was made from."""
    assert find_claims(text, model_id=model_id) == (), text


@pytest.mark.parametrize(("model_id", "text"), [
    ("hanlin-lab/Hanlin-7B-Base", "翰林-7B 是由翰林实验室开源的中文增强基座模型，在 DeepSeek-LLM-7B-Base 的基础上继续预训练。"),
    ("ggufbarn/Mistral-7B-Instruct-v0.2-GGUF",
     "This repo contains GGUF quantisations of Mistral 7B Instruct v0.2, an open-source instruction model."),
])
def test_this_models_name_with_its_size_or_version_keeps_a_claim_its_own(model_id, text):
    """A CJK name with this model's size, and a name ending in its version, are this model (a quantised copy too)."""
    assert find_claims(text, model_id=model_id), text


# Rule 2 ("Where it stands"): citations, quoted prompts and conversations, code, table headers, comments.
PLACES = [
    "Touvron et al. Llama 2: Open Foundation and Open-Source Chat Models. arXiv 2023.",
    "```bibtex\n@article{heron, title={Heron: an open-source chat model}}\n```",
    "@misc{heron,\n  title={Heron: an Open-Source Chat Model},\n  year={2024}\n}",
    "User: Is Heron open source?\nAssistant: Yes, Heron is an open-source model.",
    'Use this system prompt: "You are Heron, a helpful open-source assistant."',
    '{"role": "system", "content": "You are an open-source assistant."}',
    "    heron = load('open-source')  # indented code",
    "| Model | Open source | Score |\n|---|---|---|\n| Heron | see license | 7.1 |",
    "Contact: heron-opensource@example.org",
    "<!-- TODO: say open source once legal agrees -->",
]


@pytest.mark.parametrize("text", PLACES)
def test_citations_prompts_code_and_table_headers_claim_nothing(text):
    assert find_claims(text, model_id=MODEL) == (), text


def test_a_table_row_naming_this_model_can_claim():
    assert find_claims("| Heron-7B-Chat (ours) | open source | 7.1 |", model_id=MODEL)


TABLE = "| Model | Open source | Score |\n|---|---|---|\n| GPT-4 | ✗ | 8.9 |\n| Mixtral-8x7B | ✓ | 8.3 |\n{row}\n"


@pytest.mark.parametrize(("table", "claims"), [
    ("| | | Qiming-V2.5 | Heron-VL-7B |\n|---|---|---|---|\n| | 开源 | ✓ | ✓ |", True),  # after an empty category cell
    ("| | Heron-VL-7B | GPT-4V | LLaVA-1.5 |\n|---|---|---|---|\n| | Open source | ✗ | ✗ | ✓ |", False),  # the label is no cell
    ("| | | Heron-VL-7B | GPT-4V |\n|---|---|---|---|\n| | Open-source training data | ✓ | ✗ |", False),  # another thing's row
    ("| | | Heron-VL-7B | GPT-4V |\n|---|---|---|---|\n| | Open-source vision encoder | ✓ | ✗ |", False),
    ("| | Heron-VL-7B | GPT-4V |\n|---|---|---|\n| Open-source weights | ✓ | ✗ |", True),
    ("| | Heron-VL-7B | GPT-4 |\n|---|---|---|\n| Fully open source | ✅ | ❌ |", True),
    ("| | Heron-VL-7B | GPT-4 |\n|---|---|---|\n| Open source (weights + code) | ✅ | ❌ |", True),
])
def test_a_transposed_tables_open_source_row_claims_only_for_the_weights_under_this_models_column(table, claims):
    assert bool(find_claims(table, model_id="acme/Heron-VL-7B")) is claims, table


@pytest.mark.parametrize(("row", "model_id", "claims"), [
    ("| Heron-7B-Chat | ✓ | 7.1 |", MODEL, True),
    ("| **Heron 7B (ours)** | yes | 7.1 |", None, True),
    ("| Heron-7B-Chat | ✗ (custom license) | 7.1 |", MODEL, False),
    ("| Heron-7B-Chat | ✓ | 7.1 |", None, False),  # no id, no "(ours)": whose row it is is unknown
])
def test_an_open_source_column_claims_only_in_this_models_row(row, model_id, claims):
    """"Open source" as a column header claims nothing by itself; a yes in this model's row is a claim."""
    found = find_claims(TABLE.format(row=row), model_id=model_id)
    assert bool(found) is claims, found
    if claims:
        assert found[0].line == 5


def test_a_wrapped_list_item_is_prose_not_indented_code():
    """A list item continued on an indented line is still read (Markdown lists, not a code block)."""
    text = "1.  Strong results: Heron-7B-Chat excels in many tasks, surpassing other\n    open-source chat models."
    assert find_claims(text, model_id=MODEL)


# Rule 7 ("Negation"), NegEx-style: a trigger before (or after, in Japanese and Korean) within the clause.
NEGATED = [
    "Heron-7B-Chat is not open source.",
    "Heron-7B-Chat isn't an open-source model, whatever the name suggests.",
    "We cannot open-source the weights of Heron.",
    "Heron-7B-Chat was described as open source in an early draft.",
    "Heron-7B-Chat は オープンソースではありません。",
]


@pytest.mark.parametrize("text", NEGATED)
def test_negated_mentions_are_not_claims(text):
    assert find_claims(text, model_id=MODEL) == (), text


def test_not_only_is_not_a_negation():
    assert find_claims("Heron-7B-Chat is not only open source but also small.", model_id=MODEL)


def test_a_question_is_a_claim_only_when_the_card_answers_yes():
    assert find_claims("Is Heron open source? Yes. The weights are on the Hub.", model_id=MODEL)
    assert find_claims("Is Heron open source? Read the license.", model_id=MODEL) == ()


OWN_NAMES = [
    ("Heron-7B-Chat", "own"),
    ("Heron 7B Chat", "own"),
    ("Heron", "own"),
    ("the model", "own"),
    ("We", "own"),
    ("Mistral-7B", "other"),
    ("Heron-70B-Chat", "sibling"),
    ("the conversion code", "tooling"), ("the training code", "code"),
    ("the code in this repository", "code"),
    ("the dataset", "other"),
]
# a quantised copy's repo name names the family it copies: "Baichuan 2" on `x/Baichuan2-7B-Chat-4bits` is this model
QUANT_COPIES = [
    ("yunfan/Baichuan2-7B-Chat-4bits", "Baichuan 2"), ("x/Qwen2.5-7B-Instruct-5.0bpw", "Qwen2.5"),
    ("x/Mistral-7B-Instruct-w4a16", "Mistral"), ("unsloth/Llama-3.2-1B-Instruct-bnb-4bit", "Llama 3.2"),
]


@pytest.mark.parametrize(("model_id", "phrase"), QUANT_COPIES)
def test_a_quantised_copys_suffix_is_no_name_of_its_own(model_id, phrase):
    assert whose(phrase, own_names(model_id)) == "own"


@pytest.mark.parametrize(("phrase", "expected"), OWN_NAMES)
def test_the_models_own_names_come_from_its_repo_id(phrase, expected):
    assert whose(phrase, own_names(MODEL)) == expected


def test_without_a_model_id_no_name_is_foreign():
    """Snippets and tests without an id: a name is never taken for another model's."""
    assert whose("Mistral-7B", own_names(None)) is None


def test_each_mention_names_the_rule_that_decided():
    (mention,) = mentions("Heron was trained with an open-source toolkit.", model_id=MODEL)
    assert not mention.decision.claim and mention.decision.rule == "other-thing:toolkit"


def test_claim_carries_the_readme_line_and_the_quote():
    """A claim is citable: its line in README.md (front matter counted) and the sentence."""
    body = "# Acme\n\nSome intro.\nAcme is an open-source model for chat.\n"
    (claim,) = find_claims(body, first_line=6)
    assert claim.line == 9
    assert claim.quote == "Acme is an open-source model for chat."
    assert claim.confidence == "high"


def test_a_version_number_does_not_end_the_quoted_sentence():
    (claim,) = find_claims("Heron-7B-Chat is open source under the Apache 2.0 license, with no extra terms.",
                           model_id=MODEL)
    assert claim.quote.endswith("with no extra terms.")


def test_lines_inside_code_fences_keep_line_numbers_right():
    """Blanked code blocks do not shift the lines of later claims."""
    body = "```\ncode\nmore code\n```\nWe open-sourced this model.\n"
    (claim,) = find_claims(body)
    assert claim.line == 5


def test_lines_of_claims_deep_in_a_wrapped_paragraph_are_right():
    body = "Heron is small.\nIt runs offline.\nHeron-7B-Chat is open source.\nIt is fast. Heron is open source too.\n"
    assert [c.line for c in find_claims(body, model_id=MODEL)] == [3, 4]


def test_a_one_mebibyte_paragraph_is_judged_with_bounded_work(monkeypatch):
    """Linear work: a 1 MiB card in one paragraph, with no sentence end and a mention every few words, has its
    first claim found and at most MAX_MENTIONS mentions judged, each in a bounded window (no timing here:
    benchmarks/claims_bench.py measures seconds per MiB)."""
    calls = []
    real = claims_module.decide

    def counting(sentence, start, end, heading, names):
        calls.append(end - start)
        return real(sentence, start, end, heading, names)

    monkeypatch.setattr(claims_module, "decide", counting)
    text = "Heron-7B-Chat is open source, and " + "open source tools and communities help, " * 27_000
    assert len(text) >= 2**20
    found = find_claims(text, model_id=MODEL)
    assert found and found[0].line == 1 and len(found[0].quote) <= 300
    assert len(calls) == MAX_MENTIONS


def test_labelled_snippet_set_meets_the_precision_and_recall_targets():
    """On the project's 209 labelled snippets (benchmarks/claims): precision 1.0 and recall >= 0.99."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "claims" / "claims.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = [(bool(find_claims(r["text"])), r["label"] == "claim") for r in rows]
    tp = sum(f and e for f, e in found)
    fp = sum(f and not e for f, e in found)
    fn = sum(e and not f for f, e in found)
    assert fp == 0 and tp / (tp + fn) >= 0.99, (tp, fp, fn)


def test_a_code_claim_on_restricted_weights_is_flagged_and_the_feed_says_it_is_about_the_code():
    """The labelling rule: "the code is open source" next to restricted weights is a claim; the finding and the
    feed's claim object say it is about the code, and the feed stays valid against its schema."""
    from auditor.pipeline.audit import judge
    from auditor.pipeline.feeds import _validator
    from auditor.models import FetchedFile, ModelMeta, Report, Snapshot, Target
    from auditor.render.json import to_feed

    readme = ("---\nlicense: cc-by-nc-4.0\n---\n# Heron 7B Chat\n\n"
              "The code in this repository is open source; the weights are for non-commercial use.\n")
    result = judge(Snapshot(ModelMeta(id=MODEL, sha="0" * 40), FetchedFile("README.md", text=readme)))
    assert result.flagged
    (flag,) = [f for f in result.findings if f.code == "open-source-claim"]
    assert "code open source" in flag.message
    feed = to_feed(Report("https://huggingface.co", "2026-01-01T00:00:00Z",
                          (Target("model", MODEL, 1),), (result,)))
    assert feed["models"][0]["claims"][0]["about"] == "code"
    _validator().validate(feed)


@pytest.mark.parametrize(("model_id", "text", "claims"), [
    ("dbmdz-like/bert-base-turkish-cased", "BERT is an open-source language model released by Google.", False),
    ("someone/Llama-2-13b-chat-dutch", "Llama 2 is an open-source model from Meta.", False),
    ("meta-llama/Llama-2-7b-hf", "Llama 2 is an open-source model from Meta.", True),
    ("Qwen/Qwen2-7B-Instruct", "Qwen is an open-source model family.", True),
    ("lmsys/vicuna-7b-delta-v0", "Vicuna is an open-source chatbot.", True),
])
def test_a_base_familys_name_is_this_models_only_when_nothing_else_in_the_id_sets_it_apart(model_id, text, claims):
    """A fine-tune named after its base (bert-base-turkish-cased) is not the base: "BERT is open source" is about
    BERT. The family's own repos (Llama-2-7b-hf, Qwen2-7B-Instruct) are the family."""
    assert bool(find_claims(text, model_id=model_id)) is claims


def test_any_text_gives_citable_claims_and_never_an_error():
    """Card text is untrusted: odd markup, lone surrogates, unclosed code and comments, odd ids. Every claim
    still quotes at most 300 characters from a line that exists (a fixed-seed table of 400 generated cards)."""
    import random

    rng = random.Random(9)
    pieces = ["open source", "Open-Source", "开源", "OSS", " is ", " we ", " not ", " the model ", "|", "| --- |",
              "```", "<!--", "-->", "@article{", "}", "http://x/open-source", "[a](b)", "✓", "(ours)", "`", "**",
              "\n", "\n\n", ".", "?", "Yes.", ":", "(", ")", "\ud800", "\u2011", "&#8209;", "#", "    ", "- "]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        for model_id in (None, MODEL, "x/", "/", "a/b/c"):
            for claim in find_claims(text, 1, model_id):
                assert 1 <= claim.line <= text.count("\n") + 1 and len(claim.quote) <= 300


@pytest.mark.parametrize(("heading", "claims"), [("## About Jan", False), ("## About QuantKit", False),
                                                 ("## About Heron", True), ("## About the training data", True)])
def test_a_section_about_another_product_speaks_of_it(heading, claims):
    """Uploader boilerplate: under "About <another name>", a mention with no subject of its own is about that."""
    text = f"{heading}\n\n🌍 Open source and free: runs offline on your laptop.\n"
    assert bool(find_claims(text, model_id=MODEL)) is claims



#: Said of something else, in new wordings of the families of false accusations found on unseen cards.
NOT_THIS_MODEL = [
    "Find more of our open-source work on [GitHub](https://github.com/heronlabs).",  # the company's portfolio
    "Check out our other open-source projects.",
    "Results of open-source baselines are taken from their papers.",      # comparisons
    "It beats Nimbus-13B and most open-source models on MMLU.",
    "The dataset was open-sourced in 2023.",                              # the data
    "We also open-sourced the instruction dataset.",
    "训练数据已开源。",
    'Use the system prompt "You are Nova, a helpful open-source assistant."',  # a quoted prompt
    "QuantKit is an open-source toolkit for compressing language models.",  # toolkit boilerplate
    "Quantized with [QuantKit](https://x.example), an open source toolkit.",
    "This upload supports the open source AI community.",                  # template boilerplate
]


@pytest.mark.parametrize("text", NOT_THIS_MODEL)
def test_open_source_said_of_other_things_in_new_wordings_is_not_a_claim(text):
    assert find_claims(text, model_id=MODEL) == (), text


#: A rank, a tagline, this release: about this model when no other subject is named.
TIED = [
    ("The model achieves 71.2, which makes it the #1 open-source model on this benchmark.", "rank"),
    ("🤖 #1 Open-source model on MT-bench 🤖", "rank"),
    ("The first intelligent open source model trained on Darija text.", "rank"),
    ("在长文任务中的表现达到开源模型中的领先水平。", "rank"),
    ("An open-source 7B chat model distilled from GPT-4 outputs.", "description"),
    ("- Fully open-source release: weights, processor and scripts", "own-artefact"),
]


@pytest.mark.parametrize(("text", "rule"), TIED)
def test_a_rank_tagline_or_release_with_no_other_subject_is_a_claim(text, rule):
    decisions = [m.decision for m in mentions(text, model_id=MODEL)]
    assert [d.rule for d in decisions if d.claim] == [rule], (text, decisions)


@pytest.mark.parametrize(("text", "claims"), [
    ("Jan is an open source, ChatGPT alternative that is:\n\n- 🌍 **Open Source & Free**: we build in public\n",
     False),
    ("Acme Studio is a desktop app that offers:\n- Open source and free\n- Runs offline\n", False),
    ("QuantKit provides:\n\n1. open-source, MIT-licensed kernels\n", False),
    ("Nimbus-13B has three strengths:\n* **Open-source**: free for everyone\n", False),
    ("Heron-7B-Chat is a chat model that is:\n\n- Open source and free\n", True),
    ("Highlights:\n\n- Open source and free\n", True),
    ("Jan is an app that is:\n\n- fast\n\nAbout this model.\n\n- Open source and free\n", True),
])
def test_a_list_continues_the_sentence_that_introduces_it(text, claims):
    """App or uploader boilerplate: list items with no subject of their own say it of the lead-in's subject."""
    assert bool(find_claims(text, model_id=MODEL)) is claims, text


@pytest.mark.parametrize(("text", "claims"), [
    ("- Facebook AI has built and open-sourced BlenderBot, a chatbot.", False),  # a bullet before the publisher
    ("* Acme Research open-sourced Heron in 2023.", False),
    ("- We have open-sourced Heron-7B-Chat.", True),
    ("- Heronlabs has open-sourced Heron-7B-Chat.", True),                       # this model's uploader
])
def test_a_named_publisher_open_sourcing_it_makes_it_their_release(text, claims):
    assert bool(find_claims(text, model_id=MODEL)) is claims, text


@pytest.mark.parametrize(("text", "claims"), [
    ("The BlenderBot model was presented in A State-of-the-Art Open Source Chatbot by Facebook AI.", False),
    ("The Heron model was proposed in the paper Towards Open-Source Chat Models by A. Smith.", False),
    ("This model was introduced in “Open-source models for Darija”, a blog post.", False),
    ("Heron-7B-Chat was presented in 2024 as an open-source model.", True),      # no title: a claim
])
def test_a_mention_in_the_title_of_the_work_that_presented_a_model_is_a_citation(text, claims):
    assert bool(find_claims(text, model_id=MODEL)) is claims, text


#: New wordings of the families, in other languages and markup: the rule, not one phrasing.
FAMILIES_NOT_CLAIMS = [
    "Llama 2 是 Meta 开源的大模型。",                                  # a Chinese copula with another subject
    "Nimbus-13B 是一个开源的对话模型。",
    "系统提示词：“你是一个开源的AI助手。”",  # a quoted prompt, in Chinese
    'system_prompt = "You are an open-source assistant."',
    'Example system prompt: "You are Heron, an open-source AI."',
    "We are a team of open source enthusiasts.",                     # people
    "Built by volunteers and open-source advocates.",
    "Explore our open-source repositories at github.com/heronlabs.",  # the portfolio
    "Les modèles open source comme Llama sont populaires.",          # named others, in French
    "Modelos de código abierto como Llama y Mistral.",
    "Die Daten sind Open Source.",                                   # the data, in German and Spanish
    "El conjunto de datos es de código abierto.",
    "<b>QuantKit</b> is an <i>open-source</i> library for quantization.",  # markup around toolkit boilerplate
    "`QuantKit` is an open‑source toolkit (MIT).",
    "> QuantKit is an open-source toolkit used to produce these files.",
    "感谢开源社区的贡献。",
    "QuantKit 是一个开源的模型量化工具包。",
]


@pytest.mark.parametrize("text", FAMILIES_NOT_CLAIMS)
def test_families_of_other_subjects_in_other_languages_and_markup_are_not_claims(text):
    assert find_claims(text, model_id=MODEL) == (), text


FAMILIES_CLAIMS = [
    "Heron-7B-Chat 是一个开源模型。",
    "Heron-7B-Chat 完全开源，可商用。",
    "**Heron-7B-Chat** est un modèle open source.",
    "Heron-7B-Chat es un modelo de código abierto.",
    "Heron-7B-Chat — open source, Apache 2.0.",                       # a dash tagline
    "Heron-7B-Chat – open-source and free.",
    "We open-source Heron-7B-Chat, our first model.",
]


@pytest.mark.parametrize("text", FAMILIES_CLAIMS)
def test_claims_in_other_languages_and_taglines_are_found(text):
    assert find_claims(text, model_id=MODEL), text


@pytest.mark.parametrize(("text", "claims"), [
    ("Unsloth makes finetuning 2x faster; it is fully open source.", False),
    ("QuantKit is a library for quantization - it is open source and MIT licensed.", False),
    ("Axolotl handles the training loop, and it's open-source too.", False),
    ("Heron-7B-Chat is fast; it is fully open source.", True),
    ("We trained it on 2T tokens; it is fully open source.", True),
    ("It is the best open-source model currently available.", True),
])
def test_a_pronoun_subject_refers_back_to_the_sentences_named_subject(text, claims):
    assert bool(find_claims(text, model_id=MODEL)) is claims, text


@pytest.mark.parametrize(("text", "claims"), [
    ("InternLM2 has open-sourced a 7 billion parameter base model and a chat model.", False),  # not this model's name
    ("Heron has open-sourced a 7 billion parameter base model and a chat model.", True),
    ("We have open-sourced the base model and the chat model.", True),
    ("Meta has open-sourced the base model.", False),
    ("We have open-sourced the evaluation framework.", False),
])
def test_models_its_own_publisher_open_sources_are_its_release(text, claims):
    """"the base model" is another model's, except as the object of this model's publisher open-sourcing it."""
    assert bool(find_claims(text, model_id=MODEL)) is claims, text


#: Line-level decisions (docs/CLAIMS.md, sections 2, 4, 5 and 6): sentences a card that claims elsewhere also holds,
#: which on a card with no claim would be false accusations.
LINE_NOT_CLAIMS = [
    "Nimbus and open-source SOTA results are taken from their papers.",          # results are not a model
    "Heron-7B: scores of its open-source counterparts are in the table.",
    "It's about time you make your model, Nimbus, open source!",                 # your model: the reader's
    "Please make your model open source.",
    "We would like to extend our gratitude to Acme for technical discussions, data processing, evaluation design, "
    "open-source endeavours and compute.",                                       # thanks reach through a list
    "We thank Acme for their advice on data processing, model training, evaluation design and open-source release "
    "planning.",
    "覆盖更全面的词表：相比目前以中英词表为主的开源模型，Heron使用了更大的词表。",              # a Chinese comparison
    "相较于最初开源的版本，我们更新了训练数据。",
    "Heron-7B 全面领先于同量级的开源模型。",
    "在预训练阶段，我们利用了部分开源通用语料。",                                       # a corpus
    "在我们开源的、用于评估代码能力的评测基准上，Heron 的表现如下：",                         # a benchmark, read through 、
    'The demo starts every chat with "You are a helpful open-source assistant."',  # a quoted system prompt
    "Default system message: You are a helpful, open-source assistant built by Heronlabs.",
    "We believe open source is the future of AI.",                               # the movement as a subject
    "If you like open source, consider sponsoring us.",
    "Heron-7B matches the best open-source model on math.",                      # more comparisons
    "Heron lags behind the strongest open-source model on math.",
    "Heron-7B is competing with the largest open-source model.",
    "Heron은 오픈소스 모델보다 성능이 뛰어납니다.",
    "Heronlabs is the open-source leader in AI.",                                 # the uploader's slogan
    "Heronlabs, the open-source leader in AI, presents its first chat model.",
    "Our commitment to open source remains strong.",                               # the movement
    "Our goal is to democratize AI through open source.",
    "Our open-source journey started in 2020.",                                    # the publisher's practice
    "We stand on the shoulders of open-source giants.",
    "We publish open-source guides on fine-tuning.",
    "This model card was written with an open-source template.",
    "This model is a merge of open-source models.",                                # what a merge is made of
    "We host open-source models for free.",                                        # others' models, handled
    "We convert open-source LLMs to MLX.",
    "We benchmark open-source models every week.",
    "## Run with LocalChat\n\nLocalChat is 100% open source and runs on your laptop.",  # an app's boilerplate
    "Heronlabs (open source, MIT) produced these files.",                           # an aside about the uploader
    "I make open-source quants in my spare time.",
    "Entrenado con la herramienta de código abierto Axolotl.",                       # a tool, in Spanish
]


@pytest.mark.parametrize("text", LINE_NOT_CLAIMS)
def test_open_source_said_of_results_readers_thanks_comparisons_and_prompts_is_not_a_claim(text):
    assert find_claims(text, model_id=MODEL) == (), text


LINE_CLAIMS = [
    "Heron supports 8k context and is fully open source.",             # "supports" is no acknowledgement here
    "Heron 是一个超越 GPT-3.5 的开源模型。",                             # this model is the subject of the comparison
    "我们开源了模型权重和训练数据。",                                     # the weights are released too
    'The license says "You are free to use this open-source model".',  # not a system prompt
    "Heron is one of the best open-source models for code.",           # membership
    "An open source model for Portuguese.",                            # "for" a language: a use, not an owner
    "We make Heron fully open source.",
    "Heron is among the top models in the Portuguese open-source model community.",  # membership, an adjective
    "Heronlabs' model is open source.",                                # the uploader's model: this one
    "Heron has a ChatML template and is open source.",              # a thing noun in the subject: still Heron
    "We release open-source models for Portuguese.",                   # the publisher's own models
    "We provide the best open-source models for Portuguese.",
    "Heron-7B-Chat is 100% open source.",
    "Heron-7B-Chat (open source, MIT) is a chat model.",
]


@pytest.mark.parametrize("text", LINE_CLAIMS)
def test_this_model_as_subject_of_the_same_wordings_stays_a_claim(text):
    assert find_claims(text, model_id=MODEL), text


@pytest.mark.parametrize(("text", "claims"), [
    ("Nimbus-65B and the open-source models below were evaluated with the same harness.", False),
    ("Fine-tuned from Llama-2-7B: an open-source release.", False),
    ("The open-source release ships next to the Llama-2-7B baseline.", False),
    ("The open-source release ships next to our Llama-2-7B baseline.", True),     # "our": this one's
    ("A fully open-source fine-tune of Mistral-7B.", True),                       # a tagline of this model
])
def test_a_sentence_that_names_only_another_model_gives_no_claim_by_default(text, claims):
    """The weak rules (no subject, a model noun, this release) do not fire in a sentence naming another model and
    nothing of this one."""
    assert bool(find_claims(text, model_id=MODEL)) is claims, text


@pytest.mark.parametrize(("text", "model_id", "claims"), [
    ("# Nimbus-Chat\n\nNimbus-Chat is an open-source model.", "x/nb7-chat", True),    # a marketing name
    ("# Model Card for Nimbus-Chat\n\nNimbus-Chat is an open-source model.", "x/nb7-chat", True),
    ("# Nimbus-Chat: a small model\n\nNimbus-Chat is an open-source model.", "x/nb7-chat", True),
    ("# Llama 2\n\nLlama 2 is an open-source model.", "x/nb7-chat", False),            # a base family's title
    ("# Nimbus-Chat\n\nNimbus-Chat is an open-source model.", "x/nb7-chat-GGUF", False),  # a quantised copy
    ("# Table of Contents\n\nNimbus-Chat is an open-source model.", "x/nb7-chat", False),  # not a name
])
def test_the_cards_h1_title_is_one_of_its_names_unless_it_is_a_base_or_a_copy(text, model_id, claims):
    assert bool(find_claims(text, model_id=model_id)) is claims, text


#: Rules from the genres of real cards (benchmarks/claims/genres.jsonl; docs/CLAIMS.md): each row is decided wrongly
#: by the rules before them. (text, model_id, is a claim)
GENRE_RULES = [
    # identifier: the words inside a hyphenated or underscored name (a repo or dataset id) are a name, not prose
    ("# distilbert-finetuned-opensource-issues\n\nThis model is a fine-tuned version of distilbert-base-uncased.",
     "kim/distilbert-finetuned-opensource-issues", False),
    ("Evaluated on the bench-opensource-qa split.", "kim/bert-license-cls", False),
    # web content and programmes are other things
    ("Questions were mined from open-source forums and FAQ pages.", "kim/bert-faq", False),
    ("Compute came from the Open Source Compute Grant programme.", "kim/bert-faq", False),
    # a library named by a part of the repo name is the library ("Flair" on flair-…, "fastai" on fastai-…)
    ("This model was trained with fastai, the open-source deep learning library.", "kim/fastai-bird-classifier",
     False),
    ("It ships with Flair, the open-source NLP framework.", "kim/flair-ner-danish-legal", False),
    ("Deita-Kit is an open-source library.", "kim/deita-kit", True),                  # the whole name: its code
    # a role noun (pipeline, detector, parser…) is this model as its subject or in the card's tagline
    ("Open-source multilingual irony detector fine-tuned from xlm-roberta-base.", "kim/xlmr-irony", True),
    ("`da_legal_trf` is an open-source spaCy pipeline for Danish legal text.", "kim/da_legal_trf", True),
    ("We evaluated it with open-source toxicity detectors.", "kim/xlmr-irony", False),
    # after "a/an" opening the sentence or after a copula, a name is the architecture ("an open source GPT-2 model")
    ("This is an open source GPT-2 model fine-tuned on Danish songs.", "kim/gpt2-danish-songs", True),
    ("We fine-tuned the open-source Falcon-7B on Danish songs.", "kim/gpt2-danish-songs", False),
    # LoRA and adapters are model nouns; "LoRA" is no foreign name
    ("Open-source LoRA for Mistral-7B trained on 10k SQL queries.", "kim/mistral-sql-lora", True),
    # a different size, not named, is a sibling ("a larger 3B version")
    ("We plan to open-source a larger 13B version next year.", "kim/Vega-1B", False),
    # an unticked task-list item with no subject of this model's is a component's plan
    ("## TODO\n\n- [ ] Open-source the prompt rewriter\n- [x] Inference code", "kim/Vega-1B", False),
    ("## TODO\n\n- [ ] Open-source the Vega-1B weights", "kim/Vega-1B", True),
    # "the most capable open-source model" is a superlative, not "most open-source models"
    ("Today we release Vega-70B, the most capable open-source model we have trained.", "kim/Vega-70B", True),
    ("Most open-source models lack Danish data.", "kim/Vega-70B", False),
    # a subject read past a closed aside: "The dependencies (A, B) are open source"
    ("The runtime dependencies (PyTorch, Transformers) are open source.", "kim/Vega-70B", False),
    # the apposition of a licence the model "is licensed under" restates its licence
    ("Vega-70B is licensed under the MIT License, an OSI-approved open source license.", "kim/Vega-70B", True),
    # a Chinese copula's subject with a CJK name joined to its Latin part
    ("# 星河-7B-Chat\n\n星河-7B-Chat 是星河科技开源的对话模型。", "kim/Xinghe-7B-Chat", True),
    # system prompts by their opening words, after a template's role word; "system prompt" in prose hides nothing
    ("<|im_start|>system\nYou are an open source AI assistant.<|im_end|>", "kim/Vega-70B", False),
    ("Vega-70B is open-source. Use the system prompt below.", "kim/Vega-70B", True),
    # a FAQ question answered yes in the next paragraph
    ("**Is Vega-70B open source?**\n\nYes. The weights are Apache-2.0.", "kim/Vega-70B", True),
    ("**Is Vega-70B open source?**\n\nNo. The weights are for research only.", "kim/Vega-70B", False),
    # a format suffix (llamafile, Core ML, OpenVINO) is no name of the model
    ("## About llamafile\n\nllamafile is an open source project for running LLMs.", "kim/Vega-8B-llamafile", False),
    # a diffusion base family's row is another model's
    ("| Model | FID |\n|---|---|\n| SDXL base (open source) | 23.1 |\n| sdxl-vega-distill | 22.0 |",
     "kim/sdxl-vega-distill", False),
    # the uploader's name as the first part of the repo name is the uploader ("About LocalChat": its boilerplate)
    ("## About TinyChat\n\n- Open source & free\n- Runs offline", "tinychat/TinyChat-Assistant-3B", False),
    ("TinyChat is an open-source, offline alternative to ChatGPT.", "tinychat/TinyChat-Assistant-3B", False),
    ("TinyChat-Assistant-3B is open source.", "tinychat/TinyChat-Assistant-3B", True),
    # a key-value table describes the card's own model
    ("| | |\n|---|---|\n| Developer | Vega Labs |\n| Open source | Yes: Apache-2.0 weights |", "kim/Vega-70B", True),
    # (from genres-fresh.jsonl) a role noun after the verb is no tagline; "this/our" before it is this model's
    ("- [ ] Open-sourcing the data cleaning pipeline", "kim/Vega-70B", False),
    ("This open-source Danish pipeline adds a legal NER component.", "kim/da_legal_trf", True),
    # a quantifier over the things just named ("…and libraries, most of them open source")
    ("It runs in many UIs and libraries, most of them open source.", "kim/Vega-70B", False),
    ("We release three models, all of them open source.", "kim/Vega-70B", True),
    # the parents of a merge
    ("Both parents are open source.", "kim/vega-heron-slerp", False),
    # a quoted reference with initials, a title and a venue with its year
    ("> K. Vega, *Danish summarisation with open-source transformers*, LREC 2022.", "kim/Vega-70B", False),
    # 基于 (based on) right before the mention; Japanese and Korean other-thing nouns after it
    ("本项目基于开源的 LLaMA-Factory 框架进行微调。", "kim/Vega-70B", False),
    ("学習には、オープンソースの日本語コーパスを使用しました。", "kim/Vega-70B", False),
    # a line of links only: the labels say where the links go
    ("Follow us: [X](https://x.com/v) · [Blog](https://v.example/b) · [Open Source](https://github.com/v)",
     "kim/Vega-70B", False),
    ("Vega-70B is [open source](https://github.com/v) · [Blog](https://v.example/b)", "kim/Vega-70B", True),
    # (second fresh batch) "About <the uploader's whole name>" is its boilerplate even when a part names the model
    ("## About Vega Labs\n\nVega Labs is a research group working on open-source language technology.",
     "vega-labs/Vega-4B", False),
    ("## About Vega Labs\n\nWe release Vega-4B as open source.", "vega-labs/Vega-4B", True),
    # a heart before the words is the movement
    ("We ❤️ open source. Star us on GitHub!", "kim/Vega-70B", False),
    # Korean and Japanese negation after a noun
    ("Vega-70B는 오픈소스 모델이 아닙니다.", "kim/Vega-70B", False),
    ("Vega-70B はオープンソースモデルではありません。", "kim/Vega-70B", False),
    # "a small open-source model" is one model, not "small open-source models" in general
    ("Vega-1B is a small open-source model for function calling.", "kim/Vega-1B", True),
    # a CJK name with this model's size and no known name says nothing of whose it is (kept from before the CJK
    # name rule above)
    ("## 简介\n\n织女-14B 是织女实验室推出的开源大语言模型。", "kim/Zhinv-14B", True),
    # (third fresh batch) a key-value table's fields other than licence/open source/weights/code describe other things
    ("| Feature | Description |\n| --- | --- |\n| **Components** | `ner`, open-source `spancat` from spacy-experimental |",
     "kim/en_pipeline_cv", False),
    # a table row naming this model's name with another size is a parent or sibling (a merge's names are its parents')
    ("| Parent | Open source |\n|---|---|\n| vega/Vega-2B | ✓ |\n| heron/Heron-7B | ✓ |", "kim/Vega-Heron-9B", False),
    ("| Model | Open source |\n|---|---|\n| kim/Vega-Heron-9B | ✓ |", "kim/Vega-Heron-9B", True),
    # a licence apposition after a name with a dot ("Apache-2.0, a permissive open-source license")
    ("Vega-3B is distributed under Apache-2.0, a permissive open-source license.", "kim/Vega-3B", True),
]


PROBE_RULES = [
    # the name right before an apposition is what it describes, whatever stands before it
    ("This LoRA adapts Mistral-7B, an open-source model released by Mistral AI, to legal text.", "acme/halberd-7b-lora", False),
    ("Our adapter, Halberd-7B-LoRA, an open-source add-on, plugs into any Mistral model.", "acme/halberd-7b-lora", True),
    # a dash apposition too: "Try it in Chatterbox — an open source app"
    ("Try this model in Chatterbox — an open source, privacy-first alternative to ChatGPT.", "appco/appco-7b-chat", False),
    ("Halberd-7B — an open source model for legal text.", "acme/halberd-7b", True),
    # the field or the scene of open-source models is no model
    ("Quantized models are popular in the open-source LLM scene.", "acme/halberd-7b", False),
    # "Key features:" introduces this model's own list: no named other thing leads it in
    ("Key features:\n\n* Fully open source\n* 32k context\n* Function calling", "acme/halberd-7b", True),
    # from a second blind probe: a size or version ends the name before an apposition; a demo is not the model
    ("GGUF quants of OLMo 2 7B, a truly open-source language model from AllenAI.", "QuantFolk/OLMo-2-7B-GGUF", True),
    ("Runs Phi-3 in the browser with transformers.js. The demo source is open source on GitHub.", "webgpu/phi3-webgpu", False),
    # session 5, from the blind sets final15/final16: what "we" used is not ours; data written with a model is not
    # this model; an event is no model; a credit line without "thanks"; our effort to build X makes this one of them
    ("We used the open source pysentimiento preprocessing before fine-tuning.", "pampas/roberta-es-sentiment", False),
    ("With this card you can run it offline: we use the open-source Halberd-7B in our own clinic.", "acme/halberd-7b", True),
    ("Plus 5k questions written with an open-source LLM and checked by lawyers.", "drift/e5-legal-nl", False),
    ("Work done during our OSS sprint with university volunteers.", "kiswa/whisper-small-sw", False),
    ("## Credits\n\nMeta's audiocraft team for releasing the code as open source.", "fenwick/musicgen-lofi", False),
    ("Part of our effort to build open-source medical assistants for rural clinics.", "raindrop/gemma-medqa-lora", True),
    # from final17-19: a participle after a code noun is a passive ("code open-sourced" is this model's code); what was
    # released as an open-source thing is the subject before the copula; a base's name split by a hyphen in the repo
    # name ("gpt-j" of gpt-j-6b-screenplay) is the base, not this model; a path segment that goes on is a repo's name
    ("- **2025-06-02** v1 weights released. Inference and training code open-sourced under MIT.", "sono/sono-tts-v1", True),
    ("GPT-J was released by EleutherAI as an open-source alternative to GPT-3.", "quill/gpt-j-6b-screenplay", False),
    ("Heron-7B is released as an open-source alternative to GPT-4.", "acme/heron-7b", True),
    ("Training scripts live in ember-dev/open-source-llm-recipes under MIT.", "ember/gpt2-medium-recipes", False),
    # from final20-22: a comparison opening the sentence is not the pronoun's referent, nor what a later clause's model
    # derives from; what a model is based on (基于) is not it, nor the base family a derivative's name starts with;
    # tools in other languages
    ("Like the corpus we derived it from (which is CC BY-SA), the model is released as open source.", "jl/legal-bert-pt", True),
    ("Like its base model, it is open-source and supports commercial use.", "sh/deepseek-coder-6.7b-sql", True),
    ("青云-34B-Chat 是基于开源的 Yi-34B 基座模型，经过中文长文本 SFT 与 RLHF 对齐得到的对话模型，支持 32K 上下文。",
     "qingyun-lab/Qingyun-34B-Chat", False),
    ("端侧可运行的中文医疗问答小模型，基于面壁智能开源的 MiniCPM-2B-sft 继续微调。", "xy/MiniCPM-2B-sft-medical", False),
    ("GLM-4-9B is the open-source version of the latest GLM-4 series launched by Zhipu AI.", "sn/glm-4-9b-chat-ancient", False),
    ("Trainiert mit Open-Source-Werkzeugen (Hugging Face Transformers, PyTorch) auf einer RTX 3090.", "lk/gbert-hate-de", False),
    ("Dies ist ein Open-Source-Modell für die Erkennung von Hassrede.", "lk/gbert-hate-de", True),
    # from final23-25: "the world's most X" is a rank, not "most open-source models"; a sentence about another model
    # that ends on this one ("…, so Marigold stays Apache-2.0") leaves the next subjectless sentence to this one; a list
    # subject that holds this model; part of its publisher's own open-source toolkit
    ("The world's most capable open-source reasoning model at 32B.", "apex/Apex-R-32B", True),
    ("Qwen2.5-14B is Apache-2.0 and the best base at this size, so Marigold stays Apache-2.0 too. Fully open source, "
     "do what you want with it.", "amberquill/Qwen2.5-14B-Marigold", True),
    ("This model, its training scripts and the synthetic data are all open source.", "pebble/TinyLlama-1.1B-Tools", True),
    ("Part of the open-source Marlowe Audio Toolkit.", "marlowe-audio/denoise-unet-16k", True),
    ("Part of the open-source ESPnet toolkit.", "marlowe-audio/denoise-unet-16k", False),
    # from final26-28: claims in more languages; scare quotes and a refused label; hardware; what is released as
    # the thing; a quantisation of this model is this model
    ("Mô hình ngôn ngữ **mã nguồn mở** cho tiếng Việt, fine-tune từ Gemma 2 9B.", "saigon/gemma-2-9b-vi-instruct", True),
    ("Türkçe için **açık kaynak** bir büyük dil modeli!", "anadolu/Llama-3.1-8B-Turkce", True),
    ("Modelo de **código aberto** para conversação em português, baseado no Llama 2 7B Chat.", "tupi/llama2-7b-ptbr", True),
    ("Tách từ bằng underthesea (thư viện mã nguồn mở cho tiếng Việt).", "hanoi/bert-vi-ner", False),
    ('Lots of labs now put "open source" on models that ship with a 700M-MAU clause.', "bitterroot/Bitterroot-1.5B", False),
    ('We\'re not going to pretend this is "open source" the way some labs do.', "fieldnotes/birdsong-v2", False),
    ("Part of our weekend project to see how far a $120 open-source robot arm can go.", "tinkerarm/act-so100-socks", False),
    ("We release this checkpoint as an open-source baseline for the KitchenBench suite.", "grasp/openvla-7b-kitchen-ft", True),
    ("4-bit AWQ quantisation of this open-source model from Mistral AI.", "tc/Mistral-Small-24B-Instruct-2501-AWQ", True),
    # from final29-31: this project as a Chinese copula's subject; a Chinese model name opening the sentence; the base
    # a Chinese sentence builds on (在开源的 X 基础上)
    ("本项目为开源项目，代码与 LoRA 权重已在 GitHub 发布。", "jn/chinese-alpaca-plus-7b-merged", True),
    ("寒山法律大模型基于 Qwen2.5-7B-Instruct 微调，完全开源，可免费商用。", "hanshan/Hanshan-Qwen2.5-7B-Law", True),
    ("ChatGLM3-6B-Lawyer 是在开源的 ChatGLM3-6B 基础上，使用约 8 万条法律问答数据微调得到的模型。", "xy/chatglm3-6b-lawyer", False),
    # from final32-34: the model noun before the words (French, Spanish…); an English gloss of another language's
    # "open"; "free and open-source software" is an adjective pair, not the verb; code named with the tasks it serves;
    # agents; 开源精神; 既存のオープンソース LLM
    ("Lutèce-7B-Instruct est un modèle open source publié sous licence Apache 2.0.", "lutece/Lutece-7B-Instruct", True),
    ("Wisła to otwarty (open-source) polski model językowy o 11 mld parametrów.", "wisla-nlp/Wisla-11B-v1", True),
    ("This model is free and open-source software under the GNU GPL v3.", "euskara/wav2vec2-base-eu", True),
    ("Our training and evaluation code is open source (MIT), and the model weights are released under CC BY-NC 4.0.",
     "bayanihan/Bayanihan-3B", True),
    ("The vLLM code is open source.", "acme/heron-7b", False),
    ("The strongest open-source software engineering agent on SWE-bench Verified.", "marrow/marrow-dev-70b", True),
    ("我们相信开源精神能够让人工智能惠及每个人。", "kaiyuan/qwen-7b-chat-legal", False),
    ("既存のオープンソース LLM の多くは日本語能力が限定的です。", "tsukuba/Llama-3-Tsukuba-8B-Instruct", False),
    # from the session's hostile review: a mission about open-source models in general; another's "most capable";
    # the project as part of the community or trained on open data; hardware and events never make the subject another's
    ("Our mission is to make open-source models safer for everyone.", "acme/heron-guard-7b", False),
    ("Our aim is to bring open-source models to every hospital; Heron-7B is a step toward that.", "acme/heron-7b", False),
    ("We fine-tuned Meta's most capable open-source model, Llama 3.1 8B, on medical dialogues.", "acme/heron-7b", False),
    ("本项目是开源社区的一部分，感谢所有贡献者。", "acme/heron-7b", False),
    ("本项目为开源数据集 Alpaca-CN 训练的模型。", "acme/heron-7b", False),
    ("Heron-1B runs on edge devices and is fully open source.", "acme/heron-1b", True),
    ("Heron-VLA controls low-cost robot arms and is open source.", "acme/heron-vla", True),
    ("Heron-7B was trained during our sprint and is released as an open-source model.", "acme/heron-7b", True),
    # from final35-37: fit for open-source tools; the reader's wish; its own scare-quoted release; data trained "only on";
    # a Data field's value; "i.e." does not end a sentence; a second "open-…" adjective; the inference package beside
    # the checkpoints' terms; a later version promised beside the present terms; a long parenthetical remark
    ("ONNX export included, open-source ready for Piper and sherpa-onnx pipelines.", "pebble/pebble-tts-mini", False),
    ("If you want an open-source model, use our Apache-licensed vb-legal-7b instead.", "vaultbird/vb-legal-70b", False),
    ('Our "open-source" release of a creative-writing model.', "driftwood/Driftwood-Llama-3.1-8B", True),
    ("Trained only on open-source images: 240k CC0 photos from Wikimedia Commons.", "publicframe/sd15-pd", False),
    ("Data: the Rust subset of The Stack v2, i.e. open-source code under permissive licences.", "ferro/starcoder2-rust", False),
    ("An open-source, open-data Gemma 2 fine-tune: every training example is public.", "fernbrook/fernbrook-gemma2-2b", True),
    ("The inference package is open source (MIT) on GitHub; the checkpoints are CC BY-NC-SA 4.0.", "vocalis/vocalis-tts", True),
    ("Weights: research use only for now; a commercial-friendly version will be open-sourced later.", "qs/QS-Chat-6B", False),
    ("It can handle up to 84k tokens (we finetuned it on up to 65k inputs and it handles 84k vs. 2k-4k for other open "
     "source models).", "mosaicml/mpt-7b", True),
    # from final40-42: a Chinese assistant's name opening the sentence; a code dataset; Japanese texts; a QAT quant of
    # its family is the family
    ("云海法律助手是基于 DeepSeek LLM 7B Base 训练的开源法律大模型。", "yunhai/deepseek-llm-7b-law-chat", True),
    ("训练数据：开源代码数据集 The Stack 中的 SQL 子集。", "codepanda/starcoder-7b-zh-sql", False),
    ("日本語 Wikipedia、CC-100 日本語部分、オープンソースの青空文庫テキスト", "sakura/Sakura-Llama-2-13b-ja", False),
    ("Google's open-source Gemma 3, quantisation-aware trained so Q4_0 is nearly as good as bf16.",
     "ollama-port/gemma-3-27b-it-qat-GGUF", True),
    # from final43-45: a list subject after a colon; "基于 X 的 … 权重" as the subject (not when the words stand inside it);
    # the last item of what a model was trained on after "plus"
    ("With Cirrus-VL we are committed to trusted AI: the model weights, training code and evaluation harness are all "
     "open-sourced under Apache 2.0.", "cirrus-ai/cirrus-vl-8b", True),
    ("基于 ChatGLM3-6B 的法律问答 LoRA 权重，完全开源，欢迎使用。", "lingyun/chatglm3-6b-lora-law", True),
    ("基于快手开源的可图（Kolors）训练的国风 LoRA，支持中文提示词。", "huashan/Kolors-guofeng", False),
    ("Toxicity classifier trained on the Jigsaw data plus an open-source Reddit moderation set.", "lattice/roberta-toxic", False),
]


#: From benchmarks/claims/genres-s5.jsonl (passages written to hunt false accusations): hypothetical wording, models
#: playing another part, earlier releases, others invited, a licence's aside, the release of another thing.
FALSE_ACCUSATION_RULES = [
    # hypothetical (ConText): what may or may not happen is neither the terms nor a promise
    ("If there is demand, we could open-source it later.", MODEL, False),
    ("We considered releasing Heron-7B-Chat as open source but chose a gated licence.", MODEL, False),
    ("We are still deciding whether to open-source the weights.", MODEL, False),
    ("如果社区反响良好，我们会考虑开源更多版本。", MODEL, False),
    ("Heron-7B-Chat will be open-sourced next month.", MODEL, True),
    ("If you use this open-source model in your work, please cite us.", MODEL, True),
    # a model by the part it plays beside this one (reward, judge, draft…), unless that part is in its own name
    ("We will also open-source the reward model used for RLHF.", MODEL, False),
    ("For speculative decoding we pair it with an open-source draft model.", MODEL, False),
    ("We open-source the reward model.", "heronlabs/heron-reward-7b", True),
    ("An open-source reward model for Dutch chat.", "heronlabs/heron-rm-7b", True),
    # a merge's ingredients, an earlier release of the family
    ("All models used in this merge are open source.", "tinker/marble-11b-slerp", False),
    ("Our earlier release, the open-source Heron-3B, was downloaded a million times.", MODEL, False),
    ("Like our earlier release, Heron-7B-Chat is open source.", MODEL, True),
    # others invited to open-source their own work
    ("We hope this inspires other labs to open-source their models too.", MODEL, False),
    # "(open source)" after a licence's name qualifies the licence, not a named other thing
    ("| | |\n|---|---|\n| **License** | Apache 2.0 (open source) |", MODEL, True),
    ("Built with Transformers 4.40 (open source, Apache 2.0).", MODEL, False),
    # the release of another thing; a model trained on top of another
    ("The open-source release of the evaluation harness is planned for June.", MODEL, False),
    ("The open-source release of Heron-7B-Chat includes weights and code.", MODEL, True),
    ("This adapter is trained on top of an open-source base model.", "riya/heron-7b-sql-lora", False),
    # the movement as a clause's subject; recipes, options, licensing and development are not this model
    ("Open source needs your help: star the repo!", MODEL, False),
    ("The open-source training recipe will follow in a technical report.", MODEL, False),
    ("It may suggest paid tools when asked for open-source options.", MODEL, False),
    ("It was tuned to answer questions on open-source licensing.", MODEL, False),
    ("Heronlabs is committed to open-source development.", MODEL, False),
    # a field whose value says no ("Open source: ❌", "| Open source | No |"): the card says it is not open source
    ("- Open source: ❌ (research license)\n- Commercial use: ❌", MODEL, False),
    ("| | |\n|---|---|\n| Open source | No |\n| License | Heron Research License |", MODEL, False),
    ("Open-source: no. Weights: research only.", MODEL, False),
    ("- Open source: ✅ (Apache 2.0)", MODEL, True),
    ("**Open-source**: not only the weights but also the data.", MODEL, True),
    # OSS as Alibaba Cloud's Object Storage Service: where the files are, not open-source software
    ("The checkpoints are mirrored on our OSS bucket for users in China.", MODEL, False),
    ("您也可以从阿里云 OSS 下载模型权重。", MODEL, False),
    ("Heron-7B-Chat is OSS: Apache 2.0 weights and code.", MODEL, True),
    # a heading of credits, and the people who tinker with open-source software, are not this model
    ("## Open-Source Acknowledgements\n\nWe build on vLLM and DeepSpeed.", MODEL, False),
    ("About me: ML engineer by day, open-source tinkerer by night.", MODEL, False),
    # the member named after a group's copula ends at its full stop ("… was Mixtral.")
    ("The strongest open-source model we tested was Mixtral.", MODEL, False),
    # reports, manifestos, foundations, teachers and instruction sets are not this model
    ("For more details, see the open-source report.", MODEL, False),
    ("Read our open-source manifesto.", MODEL, False),
    ("We donated the tokenizer to the open-source foundation.", MODEL, False),
    ("It was distilled with an open-source teacher.", MODEL, False),
    ("It is trained on OpenHermes, one of the best open-source instruction sets.", MODEL, False),
    ("Open source or not, all models are evaluated the same way.", MODEL, False),
    ("It is open-source all the way down: weights, data and code.", MODEL, True),
    ("## Open-Source Roadmap\n\n- [x] Weights\n- [ ] Training code", MODEL, True),
    ("Heron-7B-Chat is open source and not just open weights.", MODEL, True),
    ("Heron-7B-Chat is an open-source foundation model for Dutch.", MODEL, True),
]


#: Rewrites that keep the meaning keep the decision (benchmarks/claims_perturb_bench.py, on tune lines): each row is a
#: rewrite that flipped a decision, in the project's own words.
REWRITE_RULES = [
    # an adverb of degree before the mention says how open, not what is open: the modifiers read past it
    ("We add a smaller dataset that we can't 100% open source because of its terms.", MODEL, False),
    ("It ranks first among 100% open-source chat models on MT-bench.", MODEL, True),
    # a leading label ("Note:") is not the named publisher open-sourcing it
    ("Note: Orbital AI open-sourced Chatterly last year.", MODEL, False),
    # a synonym of "tools" is another thing too
    ("Our Lantern utilities are open sourced for the community to use.", MODEL, False),
    # a one-column table is a box of prose, not another model's row of a comparison
    ("| Summary |\n| --- |\n| We are open-sourcing the weights under Apache 2.0. |", MODEL, True),
    ("| Note |\n|---|\n| This release is fully open source. |", MODEL, True),
    # a contraction is the copula it stands for ("it's licensed under" is "it is licensed under")
    ("Unlike many other models, it's licensed under a permissive open source license (MIT).", MODEL, True),
    # a pronoun after "and" refers back to the named subject with or without a comma
    ("QuantKit compresses models and it is an open-source toolkit.", MODEL, False),
    # a link whose text an editor wrapped over two lines is unwrapped like one on a line
    ("The Heron model was presented in [A state-of-the-art open source\nchatbot](https://x.example/blog) by Orbital AI.",
     MODEL, False),
    # a synonym of a noun of the same class decides the same: hub/zoo/registry (platforms), samples and eval sets
    # (data), page (pages), love/like (support: a kind of model, not this one), fine-tunes of (versions of)
    ("Browse more models on the open-source model hub.", MODEL, False),
    ("All training samples are open-sourced under CC-BY.", MODEL, False),
    ("Our test set is open source.", MODEL, False),
    ("Visit our Open Source page.", MODEL, False),
    ("We love open-source models.", MODEL, False),
    ("We release two fine-tunes of a popular open-source model.", MODEL, False),
    ("We love open-source models, and Heron-7B-Chat is one of the best open-source models.", MODEL, True),
    # the spaces a blanked tag leaves read as one ("an <b>open-source</b> model" is "an open-source model")
    ("This is a fine-tune of Nimbus-13B, an <b>open-source</b> model.", MODEL, False),
    # a discourse opener ("In short, ", "Note: ") changes nothing: the sentence is judged without it
    ("In short, an open-source 7B chat model fine-tuned from Nimbus-7B.", MODEL, True),
    ("Note: we love open-source models.", MODEL, False),
    # fine-tunes and LoRAs, in the plural with no subject, are a kind of model like "open-source models"
    ("Open-source fine-tunes are listed below.", MODEL, False),
    # one wording decides like its neighbours: "system message is:" like "system message:", "builds on" like
    # "built on", "a larger version" like "a larger 3B version", a data-processing pipeline like data-processing code
    ("The default system message is: You are an open-source assistant. Answer helpfully.", MODEL, False),
    ("It builds on the open-source Nimbus family of models.", MODEL, False),
    ("We plan to open-source a larger version soon.", MODEL, False),
    ("We have open-sourced our data-processing pipeline and the evaluation suite.", MODEL, False),
    # a group or rank said of another named model, before the verb or after the group, is that model's
    ("Nimbus-70B still leads among open-source models on MMLU.", MODEL, False),
    ("Among open-source models, Nimbus-70B still leads on MMLU.", MODEL, False),
    ("Among open-source models, it ranks first on MMLU.", MODEL, True),
    ("The best open-source model on the leaderboard is Nimbus-70B.", MODEL, False),
    ("The best open-source model on the leaderboard is Heron-7B-Chat.", MODEL, True),
    # "distilled it from" like "distilled from"; "trained from scratch" names no other model
    ("We distilled it from an open-source teacher model.", MODEL, False),
    ("We trained this model from scratch as an open-source model.", MODEL, True),
    # a dash after "system prompt" like a colon
    ("Example system prompt — You are Heron, an open-source model.", MODEL, False),
    # a link labelled with the uploader's name and the words is their open-source page, wherever it stands in a
    # sentence (as on a line of links); a bare "[open source](…)" or a table of contents entry is only a link
    ("For more, visit [Heronlabs Open Source](https://github.com/heronlabs).", MODEL, False),
    ("More at [open source at Heronlabs](https://heronlabs.example/oss).", MODEL, False),
    ("Heron-7B-Chat is [open source](https://opensource.org/osd).", MODEL, True),
    ("- [Open-source plan](#open-source-plan)", MODEL, True),
    # every hyphen of the target is a hyphen for the verb and for a key-value table's field too
    ("We open\u2011source the code, data and weights of Heron-7B-Chat.", MODEL, True),
    ("| Feature | Description |\n|---|---|\n| Open\u2011source | Yes, Apache 2.0 |", MODEL, True),
    # the model's repo id is one of its whole names; a Title Case noun is no foreign name
    ("heronlabs/heron-7b-chat is open-source software released under the MIT license.", MODEL, True),
    ("Open-source Weights And Code", MODEL, True),
    # a paragraph wrapped inside the noun phrase or inside a link's text reads as on one line
    ("We have open-sourced our data-processing\npipeline and the evaluation suite.", MODEL, False),
    ("For more, visit [Heronlabs Open\nSource](https://github.com/heronlabs).", MODEL, False),
    # "makes it easy to run open-source models" is no "make it open source": an infinitive is no verb's object
    ("Ollama makes it easy to run open-source models on your laptop.", MODEL, False),
    # a sentence with no subject of its own continues the one before it: another named thing's, or this model's
    ("Unsloth: finetune models 2x faster with less memory! Open-source and free.", MODEL, False),
    ("QuantKit and EvalKit are toolkits for compressing models. Both are open source.", MODEL, False),
    ("Heron-7B-Chat is a bilingual chat model. Open-source and free.", MODEL, True),
]


@pytest.mark.parametrize(("text", "model_id", "claims"), REWRITE_RULES)
def test_a_meaning_preserving_rewrite_keeps_the_decision(text, model_id, claims):
    assert bool(find_claims(text, 1, model_id=model_id)) is claims, text


def test_an_underscore_inside_a_name_is_not_emphasis():
    assert visible_lines("Trained with kohya_ss on _our_ data.") == ("Trained with kohya_ss on our data.",)


@pytest.mark.parametrize(("text", "model_id", "claims"), PROBE_RULES)
def test_rules_from_the_leads_probe_of_card_phrasings(text, model_id, claims):
    assert bool(find_claims(text, 1, model_id=model_id)) is claims, text


@pytest.mark.parametrize(("text", "model_id", "claims"), GENRE_RULES)
def test_rules_from_the_genres_of_real_cards(text, model_id, claims):
    assert bool(find_claims(text, 1, model_id=model_id)) is claims, text


@pytest.mark.parametrize(("base_models", "claims"), [
    ((), True),                                    # no base named: the title is a marketing name of this model
    (("seabird/Nimbus-7B-Chat",), False),          # the title is the base's (a fine-tune copies the base card)
    (("Nimbus-7B-Chat",), False),                  # a base id without its org
    (("seabird/Heron-7B",), True),                 # another base: the title is still this model's
])
def test_a_title_equal_to_a_base_models_name_is_not_this_models_name(base_models, claims):
    text = "# Nimbus-7B-Chat\n\nNimbus-7B-Chat is an open-source chat model."
    found = find_claims(text, 1, model_id="kim/nb-sql-ft", base_models=base_models)
    assert bool(found) is claims


@pytest.mark.parametrize(("base_models", "claims"), [((), True), (("openvla/openvla-7b",), False)])
def test_a_declared_bases_names_are_not_the_fine_tunes_names(base_models, claims):
    text = "This is a fine-tune of OpenVLA, an open-source vision-language-action model."
    assert bool(find_claims(text, 1, model_id="grasp/openvla-7b-kitchen-ft", base_models=base_models)) is claims


@pytest.mark.parametrize(("base_model", "claimed"), [(None, True), ("seabird/nimbus-7b", False)])
def test_the_audit_passes_the_cards_base_models_so_a_copied_base_title_is_not_this_models_name(base_model, claimed):
    from auditor.models import FetchedFile, ModelMeta, Snapshot
    from auditor.pipeline.audit import judge

    front = f"---\nlicense: apache-2.0\nbase_model: {base_model}\n---\n" if base_model else "---\nlicense: apache-2.0\n---\n"
    card = front + "# Nimbus-7B\n\nNimbus-7B is an open-source model for customer support.\n"
    result = judge(Snapshot(ModelMeta(id="someone/support-bot-v2", files=("README.md",)), FetchedFile("README.md", text=card), ()))
    assert bool(result.claims) is claimed


@pytest.mark.parametrize(("text", "model_id", "claims"), FALSE_ACCUSATION_RULES)
def test_open_source_said_of_what_may_happen_other_parts_and_others_work_is_not_a_claim(text, model_id, claims):
    assert bool(find_claims(text, 1, model_id=model_id)) is claims, text


#: Claims the same hunt found missed: a word split by a blanked <br> or a line break after its hyphen, a table with
#: the models as columns, a list or a bar set for the open-source group; and what "making it" refers to.
MISSED_CLAIM_RULES = [
    ("Heron-7B-Chat is open-<br>source.", MODEL, True),
    ("We open-\nsourced Heron-7B-Chat last week.", MODEL, True),
    ("| | Heron-7B-Chat | GPT-4 |\n|---|---|---|\n| Open source | ✓ | ✗ |", MODEL, True),
    ("| | Heron-7B-Chat | Mixtral |\n|---|---|---|\n| Open source | ✗ | ✓ |", MODEL, False),
    ("Heron-7B-Chat joins the growing list of open-source LLMs for Dutch.", MODEL, True),
    ("Heron-7B-Chat sets a new bar for open-source chat models.", MODEL, True),
    ("Mixtral-8x7B set a new bar for open-source models.", MODEL, False),
    # "making it / which makes it …": the pronoun is what the sentence named first (what "we released"), and a new
    # clause: this model's rank is not a comparison because it beat another model first
    ("- [2023/08/26] We released WizardCoder-Python-34B-V1.0, which reaches 73.2 pass@1, making it the SOTA open-source "
     "code LLM.", "wizardlm/WizardLM-13B-V1.2", False),
    ("Heron-7B-Chat beats Llama-2-13B on MT-Bench, making it the best open-source 7B model.", MODEL, True),
    ("Mixtral-8x7B beats Llama-2-70B, which makes it the best open-source model of 2023.", MODEL, False),
]


@pytest.mark.parametrize(("text", "model_id", "claims"), MISSED_CLAIM_RULES)
def test_split_words_transposed_tables_and_group_lists_are_claims(text, model_id, claims):
    assert bool(find_claims(text, 1, model_id=model_id)) is claims, text


#: CJK wording the hunt found taken for claims: open-source models in general (目前, 更多), the open-source world
#: (开源界), the movement (开源不易), our open-source work, another publisher's release (Meta 开源的 Llama 2), a
#: framework open-sourced, the development of the field (発展, 생태계 발전); this model stays a claim.
CJK_RULES = [
    ("目前开源的中文大模型普遍存在中文能力不足的问题。", False),
    ("该项目在开源界引起了广泛关注。", False),
    ("开源不易，欢迎 star 和转发！", False),
    ("如果您觉得我们的开源工作对您有帮助，请引用我们的论文。", False),
    ("Meta 开源的 Llama 2 是本模型的基座。", False),
    ("我们的训练框架已开源。", False),
    ("更多开源模型请关注我们的主页。", False),
    ("日本語のオープンソースLLMの発展に貢献したいと考えています。", False),
    ("오픈소스 한국어 LLM 생태계 발전을 위해 노력하겠습니다.", False),
    ("本模型已在 Hugging Face 开源。", True),
    ("本模型使用 Apache 2.0 开源。", True),
    ("Hanlin-7B-Chat 是目前开源的最强中文模型。", True),
    ("翰林实验室开源的法律领域中文对话模型。", True),
]


@pytest.mark.parametrize(("text", "claims"), CJK_RULES)
def test_cjk_open_source_said_of_the_field_the_movement_and_other_publishers_is_not_a_claim(text, claims):
    assert bool(find_claims(text, 1, model_id="hanlin-lab/Hanlin-7B-Chat")) is claims, text


#: What data is made of (conversations, chat logs, prompts, tokens of code) is not this model; a head-noun phrase
#: ends at CJK punctuation ("开源的对话模型，兼容 vLLM 框架" is this model, not vLLM); 开源数据集 after 代码 names
#: datasets, not the code.
DATA_AND_PUNCTUATION_RULES = [
    ("Our annotators labelled 10k prompts from open-sourced chat logs.", MODEL, False),
    ("The prompts come from open-source conversations shared under CC-BY.", MODEL, False),
    ("Our data includes 50B tokens of open-source code.", MODEL, False),
    ("Our open-source code is on GitHub.", MODEL, True),
    ("Hanlin-7B-Chat 是开源的对话模型，兼容 vLLM 框架。", "hanlin-lab/Hanlin-7B-Chat", True),
    ("预训练数据涵盖书籍、代码以及多个开源数据集（如 SkyPile）。", "hanlin-lab/Hanlin-7B-Chat", False),
    ("训练时混入了网页、书籍、代码以及多个开源数据集（如 SkyPile、WanJuan）。", "hanlin-lab/Hanlin-7B-Chat", False),
    ("开源代码和数据已发布。", "hanlin-lab/Hanlin-7B-Chat", True),
    # the end of a list a model was trained on is data ("… books and open-source code"), not a new clause's subject
    ("Heron-7B-Chat is trained on a mixture of licensed news, public-domain books\nand open-source code.", MODEL, False),
    ("It was trained on our data, and the open-source weights are on the Hub.", MODEL, True),
    # an HTML table's "Open source" column (the header row is blanked as prose), markup in a cell too
    ("<table>\n<tr><th>Model</th> <th>_Open Source_</th></tr>\n<tr><td>Heron-7B-Chat (Ours)</td> <td> ✔ </td></tr>\n"
     "<tr><td>GPT-4</td> <td> ✘ </td></tr>\n</table>", MODEL, True),
    ("<table>\n<tr><th>Model</th> <th>Open Source</th></tr>\n<tr><td>Heron-7B-Chat</td> <td>✘</td></tr>\n"
     "<tr><td>Mixtral</td> <td>✔</td></tr>\n</table>", MODEL, False),
]


@pytest.mark.parametrize(("text", "model_id", "claims"), DATA_AND_PUNCTUATION_RULES)
def test_what_data_is_made_of_is_not_a_claim_and_cjk_punctuation_ends_a_phrase(text, model_id, claims):
    assert bool(find_claims(text, 1, model_id=model_id)) is claims, text


#: The base's description pasted into a fine-tune's card (2021-22 community cards): "It is …" after a sentence
#: opening with the base's name, the original implementation, and bases such as DistilGPT2 and TinyLlama.
BASE_DESCRIPTION_RULES = [
    ("GPT-Neo 125M is a transformer model designed after GPT-3. It is an open source alternative to GPT-3.",
     "kofi/gpt-neo-125M-poetry", False),
    ("RoBERTa is pretrained on a large corpus; the original implementation is open source in fairseq.",
     "kofi/roberta-tw", False),
    ("DistilGPT2 was developed by Hugging Face and released as open source in 2019.", "kofi/distilgpt2-lyrics", False),
    ("Like its teacher GPT-2, DistilGPT2 is open source.", "kofi/distilgpt2-lyrics", False),
    ("TinyLlama is open source, so I fine-tuned it on pirate talk.", "grumpycat/tinyllama-pirate", False),
    ("Heron-7B-Chat is a bilingual model. It is fully open source.", MODEL, True),
    ("this model is 100% open source, do whatever you want with it", "grumpycat/tinyllama-pirate", True),
]


BLIND_46_48_RULES = [
    # a field label is no name: the value is said of the card's model
    ("Status: `open-source` · `apache-2.0` · `7B`", "nilgiri/falcon-7b-instruct-tamil", True),
    ("Availability: open-source", MODEL, True),
    ("Dataset: open-source", MODEL, False),
    # a named model apart from its version, ranked among open-source models, is that model
    ("At the time we started, Llama 2 chat was among the strongest open-source chat models in its size class.",
     "verdant/legal-qa-13b", False),
    ("Heron 2 is among the strongest open-source chat models in its size class.", "verdant/heron-2", True),
    # a later version promised by a preview's card is not this model
    ("We plan to open-source the final version at general availability.", "lumen/fold-vision-preview", False),
    ("We plan to open-source the weights after the paper is accepted.", "lumen/fold-vision", True),
    ("Dataset built partly from open-source crates on crates.io.", MODEL, False),  # packages
]


BLIND_49_51_RULES = [
    # the model's own-task code is the model's code (a claim beside restricted weights); auxiliary code is tooling
    ("Our pre-processing and fine-tuning code is open source (Apache-2.0).", "nf/clinnotebert-base", True),
    ("Our evaluation code is open source (Apache-2.0).", "nf/clinnotebert-base", False),
    # a date is no name; a comparison before the comma is not the clause of our own verb
    ("This is, as of early December 2023, the best open-source 7B chat model on MT-Bench.", "k/mistral-7b-dpo-v0.2", True),
    ("In line with the grant's open science commitments, we open-source the model and the dataset.", "s/socratic-7b", True),
    ("Heron-7B, like Llama 2, beats all open-source models of its size.", "h/heron-7b", False),
    # a label refused after the words
    ("Under the OSI's definition, that makes open source the wrong label for this release.", "b/kestrel-12b", False),
    # a package whose list holds the weights is the release
    ("It ships as a complete open-source package: weights, data, code and training logs.", "l/lattice-13b", True),
    ("Built with an open-source library: transformers, with weights from the hub.", "l/lattice-13b", False),
    ("Load it with the open-source library: weights are downloaded automatically.", "l/lattice-13b", False),
    # a later version only on a preview's card; "Stage 2" is no model name
    ("The final release is fully open source under Apache-2.0.", "acme/heron-7b", True),
    ("We open-source the production version of this model.", "acme/heron-7b", True),
    ("Stage 2 training made it one of the best open-source models.", "acme/heron-7b", True),
]


BLIND_52_54_RULES = [
    # a possessive apposition and "X, one of the …" describe the name before them
    ("Falcon-7B, TII's open-source 7B model, fine-tuned for customer-support conversations.",
     "dunmore/falcon-7b-support-agent", False),
    ("OpenAI's GPT-2 medium, one of the earliest open-source large language models, fine-tuned on limericks.",
     "ballad-bot/gpt2-medium-limericks", False),
    ("Heron-7B, one of the best open-source 7B models, is our release.", "acme/heron-7b", True),
    ("Meet Heron-7B, Acme's open-source 7B model.", "acme/heron-7b", True),
    # collaborations, a general mission, the terms compared, a Latin name after 开源(的)
    ("BLOOM was built by the BigScience workshop, one of the largest open-source collaborations in AI.",
     "sabana/bloomz-7b1-es-legal", False),
    ("Commons LM is a volunteer collective whose mission is to keep language technology open source and in public hands.",
     "commons-lm/commons-mistral-7b-v2", False),
    ("Our mission is to keep our models open source.", "acme/heron-7b", True),
    ("## Open source vs. open weights", "acme/heron-7b", False),
    ("训练框架：DeepSpeed ZeRO-3 + 开源的 FlashAttention-2", "xinglan/xinglan-llama2-13b", False),
    ("本模型是开源的 Heron-7B。", "acme/heron-7b", True),
]


BLIND_55_57_RULES = [
    ("Proudly open-source, like all my models.", "kk/l3-8b-stheno-soup", True),  # "like" ends the noun phrase
    ("Open-source models like ours can be fine-tuned by anyone.", "corvid-ai/corvid-13b-chat", True),
    ("欢迎加入开源交流 QQ 群：738291056。", "jinghai/jinghai-reranker-v1", False),  # a chat group
    ("It was one of the first truly open source base models, so it felt right to build on it.", "d/campfire-7b", False),
    ("BLOOM was one of the few big open-source multilingual models with decent Swahili.", "k/bloomz-1b7-swahili", False),
    ("Heron was one of the first open-source models with a permissive license.", "acme/heron", True),
    ("We compared Phi-5-mini with a set of open-source models of similar size.", "microsoft/phi-5-mini", False),
    ("Sky-13B is our latest open source LLM.", "skylab/sky-13b", True),
    # the same rules keep this model's own claims
    ("Heron-7B is open source and open weights.", "acme/heron-7b", True),
    ("Our mission is to make the model fully open source.", "acme/heron-7b", True),
    ("Heron-7B is one of the first open-source legal models, and anyone can build on it.", "acme/heron-7b", True),
    ("Heron 7B, one of the first open-source legal models.", "acme/heron-7b", True),
    ("Heron-7B is better than GPT-4 and is among the best open-source models.", "acme/heron-7b", True),
    ("Themis is one of the first open-source legal models.", "acme/legal-assistant-v2", True),  # not a base family
    ("Heron-7B 是开源群体智能模型。", "acme/heron-7b", True),
    ("我们同时开源 INT4 量化模型。", "acme/heron-7b", True),
    ("We admire Llama 3, and open-source models like it inspired us.", "acme/heron-7b", False),
]


BLIND_61_63_RULES = [
    # Polish, Thai, Ukrainian and Persian words are found; a base the sentence is built on leaves it this model's
    ("Bursztyn to otwartoźródłowy model czatu dla języka polskiego, zbudowany na bazie Llama 2 13B.",
     "wiedza-ai/bursztyn-13b-chat", True),
    ("Chaba-7B คือโมเดลภาษาไทยแบบโอเพนซอร์ส ที่พัฒนาต่อยอดจาก Llama 2 7B", "siam-llm/chaba-7b", True),
    ("Qwen-72B をベースにした、日本語対応のオープンソース対話モデルです。", "tsukuba-ml/qwen-72b-ja-chat", True),
    ("海韵TTS 是一个开源的零样本语音合成模型，基于 Qwen2.5-0.5B 语言模型骨干。", "haiyun-ai/haiyuntts-0.5b", True),
    ("Llama 2 is open source, and this model is based on it.", "x/sage", False),
    # plural model nouns in other languages, their noun-first projects and libraries, and a GIS
    ("I modelli open source più diffusi rispondono spesso in un italiano innaturale.", "f/gemma-2-9b-it-ita", False),
    ("Un modello open source per l'italiano.", "f/gemma-2-9b-it-ita", True),
    ("تم ضبط النموذج باستخدام مكتبة transformers مفتوحة المصدر على 160 ألف تغريدة.", "q/arabert-dialect-id", False),
    ("Le code d'entraînement est disponible sur notre forge, comme tous nos projets open source :", "d/camembert-x", False),
    ("We provide a plugin for the open-source GIS QGIS so the model runs without code.", "e/landcover-unet", False),
    # the third review: asides on a base, glued family names, "one of our projects", ordinary words
    ("这是基于 Qwen，阿里开源的模型，训练的。", "acme/foo-7b", False),
    ("通义Qwen是开源模型。", "acme/foo-7b", False),
    ("Ce modèle est l'un de nos projets open source.", "acme/foo-7b", True),
    ("Este é um dos nossos projetos open source.", "acme/foo-7b", True),
    ("Questo modello è uno dei modelli open source di Acme.", "acme/foo-7b", True),
    ("این مدل متن بازنویسی شده تولید می‌کند.", "acme/foo-7b", False),
    ("Модель генерує відкриті коди доступу.", "acme/foo-7b", False),
    # the final review: what the mends must keep
    ("Ця модель має відкритий код.", "acme/foo-7b", True),
    ("این مدل متن‌بازی است.", "acme/foo-7b", True),
    ("بيانات هذا النموذج مفتوحة المصدر.", "acme/foo-7b", False),
    ("Supera uno dei modelli open source più forti.", "acme/foo-7b", False),
    ("Basado en Llama 3, ajustado y publicado como código abierto.", "acme/foo-7b", True),
]


BLIND_64_66_RULES = [
    # a named possessor's release is the possessor's; this model named by its maker is still this model
    ("Fine-tuned from Qwen2.5-72B-Instruct. The Qwen team's open-source releases have been the backbone of our stack.",
     "ironbark-ai/Qwen2.5-72B-Instruct-Analyst", False),
    ("Mistral AI's open-source models are the best.", "acme/foo-7b", False),
    ("Google's open-source Gemma 3, quantisation-aware trained.", "o/gemma-3-27b-it-qat-GGUF", True),
    ("Ironbark's open-source analyst model.", "ironbark-ai/analyst-7b", True),  # the uploader, however spelt
    # a copula whose subject is left out after "and" has the first verb's subject
    ("It is small enough to run next to your database on a laptop and is fully open source.", "b/brack-sql", True),
    ("The dataset is large and is fully open source.", "b/brack-sql", False),
    # a pipeline for the model's own making is its code
    ("We open-source the full training pipeline, data-mixing scripts and evaluation harness.", "l/lf-chat-13b", True),
    ("We open-source the data pipeline.", "l/lf-chat-13b", False),
    ("We used an open-source training pipeline.", "l/lf-chat-13b", False),
    # two names coordinated before one noun share it
    ("Evaluation scripts use the open-source rouge-score and textstat packages.", "p/gemma-2-9b-it-medsum", False),
    ("We release the open-source Medsum-9B and its tokenizer.", "p/medsum-9b", True),
    # the review of these rules: what they must keep
    ("Heron-7B is built on OLMo-2, which supports 8k context and is fully open source.", "heronlabs/Heron-7B", False),
    ("Heron-7B ships with a GGUF converter that runs on CPU and is open source.", "heronlabs/Heron-7B", False),
    ("Heron-7B uses the Mistral tokenizer and is fully open source.", "heronlabs/Heron-7B", True),
    ("The training pipeline (LLaMA-Factory) is open source.", "heronlabs/Heron-7B", False),
    ("Today we publish the open-source Heron-7B and inference scripts.", "heronlabs/Heron-7B", True),
    ("Nimbus-7B is the first of Meta Llama's open-source derivatives trained in Swahili by us.", "nw-labs/nimbus-7b", True),
    # a verb ends the phrase; "our toolkit and models" holds the models; a participle opening is no publisher
    ("We hope our open-source clinical model helps other groups who cannot afford to train their own.", "n/icu-7b", True),
    ("Part of **ProsodyKit**, our open-source toolkit and models for controllable TTS research.", "s/vits-ljs-prosody", True),
    ("Part of **ProsodyKit**, an open-source toolkit for controllable TTS research.", "s/vits-ljs-prosody", False),
    ("Released under GPL-3.0, so it is fully open source — share your improvements!", "c/alpaca-lora-13b-es", True),
    ("Licensed under Apache 2.0, it is fully open source.", "c/alpaca-lora-13b-es", True),
    ("Unsloth makes it faster, and it is fully open source.", "c/alpaca-lora-13b-es", False),
    ("Following the open-sourcing of Stable Diffusion, many community models appeared.", "corvid-ai/Corvid-13B-Chat", False),
    ("Following the open-sourcing of Corvid-13B, many community models appeared.", "corvid-ai/Corvid-13B", True),
    # the second review
    ("Heron-7B distils knowledge from the Qwen team's open-source releases.", "heronlabs/Heron-7B", False),
    ("Heron-7B is one of Meta Llama's open-source derivatives.", "heronlabs/Heron-7B", True),
    ("Heron-7B outperforms most of Meta Llama's open-source derivatives.", "heronlabs/Heron-7B", False),
    ("Evaluation used our open-source toolkit and models from the Open LLM Leaderboard.", "heronlabs/Heron-7B", False),
    ("We thank the authors of our open-source toolkit and models used for evaluation.", "heronlabs/Heron-7B", False),
    ("We are proud to say that Heron-7B runs on a phone and is fully open source.", "heronlabs/Heron-7B", True),
    ("We release Heron-7B in four sizes, which fit on one GPU and are fully open source.", "heronlabs/Heron-7B", True),
    ("Heron-7B ships under Apache 2.0, which allows commercial use and is fully open source.", "heronlabs/Heron-7B", True),
    # blind sets 71-73: what "made" makes open source, a preposition before the mention, a base's code, a licence's version
    ("We love that Google made Gemma an open-source model family so hobbyists like us can ship stuff.", "p/gemma-3-1b-sms", False),
    ("It is the model behind the Brightline open-source agent framework brightline-agents.", "b/qwen2.5-7b-toolcaller", False),
    ("It is the model behind our app and is fully open source.", "b/qwen2.5-7b-toolcaller", True),
    ("The model is released under the OpenMDW License Agreement, version 1.0, an open-source license for models.",
     "h/nemo-mini-4b", True),
    ("People keep asking whether this is an open-source model. It isn't, and we don't call it one.", "s/gemma-2-2b-legal", False),
    ("Foo-7B is truly open source, whether you use it commercially or not.", "acme/foo-7b", True),
    # blind sets 74-76: an emoji ends a sentence before a capital, quotes inside a phrase, a slogan, 是基于 with a CJK name
    ("100% open source 🔓 Use it, merge it, break it.", "s/marrowind-l2-13b", True),
    ("imatrix computed on my usual calibration mix (the open-source \"groups_merged\" text set + ~200 RP snippets).",
     "f/gemma-3-12b-it-abliterated-i1-GGUF", False),
    ("long live open source 🚀", "z/franken-thing-20b", False),
    ("Meet Nova-7B, the open-source 🚀 LLM for lawyers.", "acme/nova-7b", True),  # an emoji before a noun goes on
    ("Download the open-source 🎙️ TTS model Nova-7B today.", "acme/nova-7b", True),
    ("Nova-7B can answer whether a GitHub repository is open source.", "acme/nova-7b", False),
    # blind sets 78-80: open-source AI said of this model by its copula; the field otherwise
    ("Zephyrine is an open-source AI tutor for high-school maths and physics.", "z/zephyrine-3b-tutor", True),
    ("QuantField-TS is released as Open Source AI in the sense of the OSAID 1.0.", "q/quantfield-ts-base", True),
    ("Foo-7B is committed to open-source AI.", "acme/foo-7b", False),
    ("Foo-7B is a contribution to open source AI research.", "acme/foo-7b", False),
    ("Our competitors are open-source AI.", "z/zephyrine-3b", False),
    ("Zephyrine is a step towards open-source AI.", "z/zephyrine-3b", False),
    ("Zephyrine is 100% open source 🔥 Transformers, vLLM and llama.cpp are supported.", "z/zephyrine-3b", True),
    ("The open-source 🐋 Nova-7B model, free for commercial use.", "acme/nova-7b", True),
    ("To answer whether Nova-7B is an open-source model: yes, it is Apache-2.0.", "acme/nova-7b", True),
    ("云笺是基于 Qwen1.5-14B-Chat 微调的中文角色扮演模型，现已开源！", "y/qwen1.5-14b-yunjian-rp", True),
]


@pytest.mark.parametrize(("text", "model_id", "claims"), BLIND_64_66_RULES)
def test_possessors_elided_subjects_own_pipelines_and_shared_nouns_decide_whose_it_is(text, model_id, claims):
    assert bool(find_claims(text, 1, model_id=model_id)) is claims, text


@pytest.mark.parametrize(("text", "model_id", "claims"), BLIND_61_63_RULES)
def test_more_languages_bases_built_on_and_foreign_plurals_decide_the_claim(text, model_id, claims):
    assert bool(find_claims(text, 1, model_id=model_id)) is claims, text


@pytest.mark.parametrize(("text", "model_id", "claims"), BLIND_55_57_RULES)
def test_like_ours_chat_groups_built_on_it_and_compared_sets_decide_whose_it_is(text, model_id, claims):
    assert bool(find_claims(text, 1, model_id=model_id)) is claims, text


@pytest.mark.parametrize(("text", "model_id", "claims"), BLIND_52_54_RULES)
def test_appositions_missions_compared_terms_and_names_after_cjk_decide_whose_it_is(text, model_id, claims):
    assert bool(find_claims(text, 1, model_id=model_id, base_models=("tiiuae/falcon-7b",) if "falcon" in model_id else (
        ("openai-community/gpt2-medium",) if "gpt2" in model_id else ()))) is claims, text


def test_a_base_named_after_cjk_open_source_model_is_the_base():
    text = "Legal-zh 是在开源模型 Qwen2.5-7B-Instruct 的基础上微调得到的法律模型。"
    assert not find_claims(text, 1, model_id="lanshan/Qwen2.5-7B-Legal-zh", base_models=("Qwen/Qwen2.5-7B-Instruct",))


@pytest.mark.parametrize(("text", "model_id", "claims"), BLIND_49_51_RULES)
def test_own_task_code_dates_refused_labels_and_packages_of_weights_decide_the_claim(text, model_id, claims):
    assert bool(find_claims(text, 1, model_id=model_id)) is claims, text


@pytest.mark.parametrize(("card", "model_id", "bases", "claims"), [
    # a declared base's exact name on its fine-tune is the base, though they share a family name
    ("Tern-7B is one of the few open-source base models that ships its pretraining data.",
     "tm/Tern-7B-Instruct-DPO", ("hp/Tern-7B",), False),
    ("Tern-7B is one of the few open-source base models that ships its pretraining data.",
     "bitfold/Tern-7B-GGUF", ("hp/Tern-7B",), True),  # a quantised copy is the same model
    # a section pasted from the base's card, on a fine-tune, is the base's
    ("# Sage\n\n*(from the Falcon-40B model card)*\n\n- It is the best open-source model currently available.\n",
     "s/falcon-40b-sage-qlora", ("tiiuae/falcon-40b",), False),
    ("# Sage\n\n## Original model card: Falcon-40B\n\n- It is the best open-source model available.\n\n## Ours\n\n"
     "It is open source.\n", "s/falcon-40b-sage-qlora", ("tiiuae/falcon-40b",), True),
    ("# Sage\n\n## Original model card: Falcon-40B\n\n- It is the best open-source model available.\n",
     "s/falcon-40b-GGUF", ("tiiuae/falcon-40b",), True),  # a copy's original card is its own
    ("*(from the Falcon-40B model card)*\n\nIt is the best open-source model.\n\nWe release our fine-tune fully open "
     "source, weights and code.\n", "y/falcon-40b-sft-mix", ("x/Falcon-40B",), True),  # ours, in a pasted section
    ("Text copied from the Zephyr model card.\n\nIt is the best open-source model.\n", "y/falcon-40b-sft-mix",
     ("x/Falcon-40B",), True),  # not a declared base's card
    ("Tern-7B is a fully open-source model.", "y/Tern-7B-bf16", ("x/Tern-7B",), True),  # a converted copy
    # a heading over the declared base's description
    ("# Yi-34B-Chat-Finance\n\n## About the base model\n\nThe Yi series models are the next generation of open-source "
     "large language models.\n", "p/Yi-34B-Chat-Finance", ("01-ai/Yi-34B-Chat",), False),
    ("# Yi-34B-Chat-Finance\n\n## About the base model\n\nThe Yi series models are open source.\n\n## Ours\n\n"
     "This fine-tune is open source too.\n", "p/Yi-34B-Chat-Finance", ("01-ai/Yi-34B-Chat",), True),
    ("# Yi-34B-Chat-Finance\n\n## About the base model\n\nWe release our fine-tune fully open source.\n",
     "p/Yi-34B-Chat-Finance", ("01-ai/Yi-34B-Chat",), True),  # ours, under the heading
    ("# Yi-34B-Chat-Finance\n\n## About the base model\n\nThe Yi series models are open source.\n",
     "p/Yi-34B-Chat-Finance", (), True),  # no declared base: the heading alone proves nothing
    ("# Tune\n\n## About the base model\n\nLike its base, this fine-tune is fully open source under Apache-2.0.\n",
     "x/mistral-7b-tune", ("mistralai/Mistral-7B-v0.1",), True),
    ("# Tune\n\n## Base model details\n\n- This LoRA is also released as open source.\n",
     "x/mistral-7b-tune", ("mistralai/Mistral-7B-v0.1",), True),
    ("# Tune\n\n## About the base model\n\nThe fine-tuned weights in this repo are open source too.\n",
     "x/mistral-7b-tune", ("mistralai/Mistral-7B-v0.1",), True),
    ("# Tune\n\n## About the base model\n\nZephyr is a series of chat models; the fine-tuned checkpoints are fully open "
     "source.\n", "x/zephyr-7b-tune", ("HuggingFaceH4/zephyr-7b-beta",), False),  # the base's own words
    ("The code of F5-TTS is MIT-licensed open source, but the pretrained checkpoints are CC-BY-NC-4.0.", "v/F5-TTS-German",
     ("SWivid/F5-TTS",), False),  # a declared base's code
    ("The code of F5-TTS-German is open source, but the pretrained checkpoints are CC-BY-NC-4.0.", "v/F5-TTS-German",
     ("SWivid/F5-TTS",), True),
    ("The full code and model of Qwen2.5-7B fine-tune are open-sourced here.", "acme/qwen-math", ("Qwen/Qwen2.5-7B",), True),
    # a line that says the rest of the card is the base's: its own headings do not end it
    ("# Sage\n\n*Below is the base model card, included for reference.*\n\n# Falcon-40B\n\n## Why use Falcon-40B?\n\n"
     "* It is the best open-source model currently available.\n", "s/falcon-40b-sft-oasst", ("tiiuae/falcon-40b",), False),
    ("# Sage\n\nThe original model card follows.\n\n## Falcon-40B\n\nIt is the best open-source model.\n",
     "s/falcon-40b-sft-oasst", ("tiiuae/falcon-40b",), False),
    # a pasted card's subheadings are the card's; a heading of its level ends it
    ("# Sage\n\n## Original model card: Falcon-40B\n\n### Why use it\n\n- It is the best open-source model.\n",
     "s/falcon-40b-sage-qlora", ("tiiuae/falcon-40b",), False),
    ("# Sage\n\n*Below is the base model card.*\n\n## Falcon-40B\n\nIt is the best open-source model.\n",
     "s/falcon-40b-GGUF", ("tiiuae/falcon-40b",), True),  # a copy's original card is its own
    # a heading over this model's own part ends the pasted card, at any level
    ("# Finch-8B\n\n*Below is the original model card; our changes are listed at the end.*\n\n# Meta Llama 3\n\nText.\n\n"
     "# Changes in Finch-8B\n\n- Open-source weights, data and training code.\n", "finch/Finch-8B",
     ("meta-llama/Meta-Llama-3-8B-Instruct",), True),
    ("# Finch-8B\n\n## About the base model\n\nText.\n\n### Our release\n\n- Open-source weights, data and training code.\n",
     "finch/Finch-8B", ("meta-llama/Meta-Llama-3-8B-Instruct",), True),
])
def test_a_declared_bases_name_and_its_pasted_card_speak_of_the_base_on_a_fine_tune(card, model_id, bases, claims):
    assert bool(find_claims(card, 1, model_id=model_id, base_models=bases)) is claims, card


@pytest.mark.parametrize(("text", "model_id", "claims"), BLIND_46_48_RULES)
def test_field_labels_ranked_other_models_later_versions_and_packages_decide_whose_it_is(text, model_id, claims):
    assert bool(find_claims(text, 1, model_id=model_id)) is claims, text


@pytest.mark.parametrize(("text", "model_id", "claims"), BASE_DESCRIPTION_RULES)
def test_a_base_models_pasted_description_is_not_a_claim_about_the_fine_tune(text, model_id, claims):
    assert bool(find_claims(text, 1, model_id=model_id)) is claims, text


# Session 8 (blind sets final81-87 and the review of their rules), model ids as the cards had them
SESSION_8_RULES = [
    # "whether" a few words before: a question asked, not answered
    ("People often ask whether this means the model is open source. It isn't, in the OSI sense.", "c/bloomz-1b7-quechua", False),
    # "comparable" puts this model in the group only right before the mention, not "comparable to/with", nor "no comparable"
    ("Heron-13B outperforms comparable open-source models on MMLU.", "acme/Heron-13B", True),
    ("Heron-13B performs comparable to open-source models of 30B+ parameters.", "acme/Heron-13B", False),
    ("It scores comparable with open-source models twice its size.", "acme/Heron-13B", False),
    ("We found no comparable open-source models for Welsh, so we compare with GPT-4.", "acme/Heron-13B", False),
    # a superlative coordinated with this model's copula, past a relation to another model; not the other's description
    ("Finch is a DPO fine-tune of Llama-3-8B-Instruct and, as far as I know, the best open-source 8B model.",
     "sparrowfinch/Finch-Llama-3-8B-Instruct", True),
    ("An adaptation of Llama-2-7b, trained on 2T tokens and, as Meta claims, the best open-source 7B model.", "acme/Heron-7B", False),
    ("A DPO fine-tune of Meta-Llama-3-8B-Instruct, released in April 2024 and, at the time, the best open-source 8B model.",
     "acme/Heron-8B", False),
    # a family alias with another version is another model; with this model's version, or in a copy's name, its own
    ("Llama 2, by contrast, was an open-source model.", "x/Llama-3-8B-Instruct-4bits", False),
    ("Llama 2, by contrast, was an open-source model.", "x/Llama-3-8B-Instruct-GGUF", False),
    ("Llama 2 is Meta's open-source model family.", "x/Llama-2-70b-chat-hf-5.0bpw", True),
    ("Baichuan 2 是百川智能推出的新一代开源大语言模型。", "yunfan/Baichuan2-7B-Chat-4bits", True),
    ("Therefore, if problems arise from using the Skywork 100% open-source model, we take no responsibility.",
     "Skywork/Skywork-13B-base", True),  # "100" is no version
    # noun-first phrases in Russian and Italian: the tool's; an Arabic sentence built on its base is still this model's
    ("Также работает в AUTOMATIC1111 Stable Diffusion WebUI — программе с открытым исходным кодом.", "z/zarya-diffusion-v3", False),
    ("Zarya — модель с открытым исходным кодом.", "z/zarya-diffusion-v3", True),
    ("Usa la libreria open source transformers.", "z/zarya-diffusion-v3", False),
    ("**صحراء** هو نموذج لغوي مفتوح المصدر مخصص للغة العربية، تم تطويره عبر الضبط الدقيق لنموذج Qwen2-7B-Instruct.",
     "sahara-ai/Sahara-Qwen2-7B-Arabic", True),
    # (review of 6f2d7ba) "whether" past three words only after "ask"; an answered or rhetorical one stays a claim
    ("There is no question whether the Acme Chat 7B model is open source: it is.", "acme/acme-chat-7b", True),
    ("No more wondering whether your favourite small chat model is open source: Acme Chat 7B is.", "acme/acme-chat-7b", True),
    ("Llama 3.0 8B Instruct is open source and runs on a laptop.", "x/Llama-3-8B-Instruct-GGUF", True),  # its own version
    ("Sova-7B — это модель, распространяемая как программа с открытым исходным кодом.", "ru/Sova-7B", True),  # as a program
    # a base marker followed by a design names nothing the model is built on; "berdasarkan" is "according to"
    ("Berdasarkan pengujian kami, Meta-Llama-3-8B-Instruct adalah salah satu model open source terbaik.",
     "indo/Sahabat-Llama3-8B", False),
    ("Meta-Llama-3-8B-Instruct è un modello open source basato su un'architettura transformer.", "ita/Cucina-Llama3-8B", False),
    ("Cucina è un modello open source basato su Llama 3.", "ita/Cucina-8B", True),
    # (final88-90) "the leading" is a rank; an adverbial opening or a training acronym is no antecedent; "among" a role noun
    ("Noor-Arabic-70B-Instruct is the leading open-source Arabic model, built on Llama 3.1 70B.", "noor-ai/Noor-Arabic-70B-Instruct", True),
    ("Heron-7B outperforms the leading open-source models on MMLU.", "acme/Heron-7B", False),
    ("With a two-stage SFT + online DPO recipe, it is the strongest open-source 72B model on Arena-Hard.", "a/Atlas-72B-Instruct", True),
    ("After training, it is a strong open-source model.", "a/Atlas-72B-Instruct", True),
    ("Using QuantKit is easy; it is fully open source.", "a/Atlas-72B-Instruct", False),
    ("Among open-source rerankers under 2B parameters it is the strongest we have measured.", "p/qwen-rerank-1.5b", True),
    ("> Linux is a family of open-source operating systems.", "p/qwen-rerank-1.5b", False),
    # (review of 6e814d0) exposed once opening adverbials stopped reading as names: the base, a generic subject, "no"
    ("After SFT, the open-source base model we started from had forgotten some English.", "acme/Orbit-NC-13B", False),
    ("Moreover, an open-source model cannot be recalled once released, so we chose a non-commercial licence.",
     "acme/Orbit-NC-13B", False),
    ("Since no open-source model was good enough at Swahili, we trained our own.", "acme/Orbit-NC-13B", False),
    ("After the release of the open-source model Llama 2, many fine-tunes appeared.", "acme/Orbit-NC-13B", False),
    ("We release the open-source model Orbit-13B today.", "acme/Orbit-NC-13B", True),
    ("Among open-source rerankers, bge-reranker-v2-m3 is the strongest, so we used it as the teacher.", "acme/rerank-lite-NC", False),
    ("We use the leading open-source embedding model as the retriever.", "acme/Sage-Qwen-7B", False),
    ("The best open-source photorealism checkpoint, fine-tuned from Stable Diffusion 3.5 Large.", "l/Lanternfly-SD35", True),
    ("DNA-Transformer is a family of open-source foundation models for genomics.", "g/dna-transformer-500m", True),
    ("Today we open-source the base model, the instruction-tuned Halcyon-7B-Instruct, and 40 checkpoints.",
     "halcyon-research/Halcyon-7B", True),
    # (final91) hobbyists' wording: a quoted "real", the movement, someone else's label, an ethos, a dream; ours too
    ('I know some people get upset when I say this isn\'t "real" open source because of the use restrictions.', "i/ghibliesque-sd15", False),
    ("Why open source matters to me", "h/Llama-2-7b-Whisperwind", False),
    ('Someone re-uploaded v2 on another site as "open source, free for commercial use".', "k/PastelDream-XL", False),
    ('He says this is "the open source way" — you share what you know.', "m/falcon-7b-garden-helper", False),
    ("My dream is that someday there's a truly open source roleplay model, built by the community.", "q/Wayfarer-Phi-3-mini-RP", False),
    ("We're a small open-source collective and everything we make is open source, full stop.", "t/Tavern-Mixtral-Merge-v2", True),
    ("This model is my small open-source contribution to the Godot ecosystem.", "b/starcoder2-3b-godot", True),
    ("Gemma is open source from Google, and this is too!", "s/gemma-2b-kindergarten-teacher", True),
    # (review of db6f9cc) "this too" only of this model; "everything we make" not when it then names other things or under
    # "not"; "not just", "no … before Nimbus-7B", "we fine-tuned", its own name after "use", "released the … way", "this"
    # after a hope, a name with a digit or hyphen, a promise and "this one is, too"
    ("Axolotl is open source, and so is this config: see `config.yml`.", "acme/Nimbus-7B", False),
    ("Gemma is open source from Google, and so are our datasets.", "acme/Nimbus-7B", False),
    ("We're a small open-source collective and everything we make is open source: our quantisation scripts are on GitHub.",
     "quantco/Meta-Llama-3-8B-Instruct-GGUF", False),
    ("Not everything we release is open source.", "acme/Nimbus-7B", False),
    ('Nimbus-7B is not "just" open source: weights, data and training code are all public.', "acme/Nimbus-7B", True),
    ("No open-source model this small has beaten GPT-3.5 on MT-Bench before Nimbus-7B.", "acme/Nimbus-7B", True),
    ("This repository hosts the open-source model we fine-tuned for radiology report generation.", "acme/Nimbus-7B", True),
    ("At Acme we use the open-source Nimbus-7B internally for support tickets.", "acme/Nimbus-7B", True),
    ("We use the open-source weights of this model in production.", "acme/Nimbus-7B", True),
    ("This model can be used with the open-source Corvid CLI.", "corvid-ai/Corvid-13B-Chat", False),
    ("Nimbus-7B is released the open source way: weights, training code and data are all public.", "acme/Nimbus-7B", True),
    ("I hope someday this open-source model helps a kid somewhere learn to code.", "acme/Nimbus-7B", True),
    ("Nimbus-7B: the open-source LLM Europe deserves.", "acme/Nimbus-7B", True),
    ("An open-source model can be audited by anyone; this one is, too — weights and code are public.", "acme/Nimbus-7B", True),
    ("An open-source model will be released once the paper is accepted.", "acme/Nimbus-7B", True),
    # (final95-97) a possessor's model, a publisher's mission in Chinese, training scripts, "release it as"
    ("Meta's open-sourced Llama covers Kurmanji, but quality on informal text is poor.", "mt-course-ku/kurmanji-chat-7b", False),
    ("北辰智能（Beichen AI）成立于2023年，致力于推动开源大模型生态在垂直行业的落地。", "beichen-ai/Beichen-Med-13B", False),
    ("The training scripts are open source on GitHub (MIT), so you can retrain on your own data.", "s/whisper-small-sabahan", True),
    ("We release it as an open-source baseline for Icelandic generation research.", "t/gpt2-small-icelandic", True),
    ("Captions were generated with WD14 tagger, an open source anime tagging model, then cleaned by hand.",
     "harborlight/harbor-anime-v3", False),
    # (review of bc01bd2)
    ("No open-source weights are provided for Nimbus-7B; access is through the Acme API.", "acme/Nimbus-7B", False),
    ("A LoRA on Llama 3 8B. Meta released it as an open-source foundation for the community.", "acme/Nimbus-7B", False),
    ("This LoRA extends the open-source model Zephyr with tool use.", "acme/Nimbus-7B", False),
    ("Keep in mind that an open-source model will be copied by strangers; that is why we chose a non-commercial licence.",
     "acme/Nimbus-7B", False),
    ("The open-source model we fine-tuned was pre-trained by Meta on 15T tokens.", "acme/Nimbus-7B", False),
    ("We fine-tuned Llama 3 8B with LLaMA-Factory. Its training scripts are open source.", "acme/Nimbus-7B", False),
    ("NLLB-200 is an open-source machine translation model.", "facebook/nllb-200-distilled-600M", True),
    ("Mistral 7B is open source, and so is this fine-tune of it.", "acme/Nimbus-7B", True),
    ("Everything we release is open source — the weights and code are yours to use.", "acme/Nimbus-7B", True),
    ("本项目致力于打造完全开源的医疗大模型生态，Nimbus-Med-7B 是其中第一个模型。", "acme/Nimbus-Med-7B", True),
    # (review of 5cdd193) a family is a distilled student's base; an appositive is no name when a verb follows it
    ("Meta calls Llama 3 an open-source model.", "x/distilled-llama-3-8b", False),
    ("OpenAI released GPT-2 as open source.", "x/distilled-gpt2", False),
    ("Nimbus-7B is the open-source model Europe needs.", "acme/Nimbus-7B", True),
    ("我们致力于推动开源大模型生态在医疗行业的落地。", "acme/med-7b", False),
    ("No open-source model matches Nimbus-7B.", "acme/Nimbus-7B", True),
]


@pytest.mark.parametrize(("text", "model_id", "claims"), SESSION_8_RULES)
def test_questions_comparable_groups_coordinated_superlatives_versions_and_noun_first_phrases(text, model_id, claims):
    assert bool(find_claims(text, 1, model_id=model_id)) is claims, text


SESSION_9_RULES = [
    # a tagline's rank is not another model's when a dash starts the next sentence
    ("**The best open-source model for US contract review** — LegalQA is Llama 4 Scout fine-tuned on 40k clauses.",
     "x/Llama-4-Scout-17B-16E-Instruct-LegalQA", True),
    ("The best open-source model on the leaderboard is Nimbus-70B.", "acme/Heron-7B", False),
    # our line of work, of which this model is the latest
    ("Hunyuan-A13B-Finance continues our work on open-source financial LLMs.", "x/Hunyuan-A13B-Instruct-Finance", True),
    ("We thank Meta for their work on open-source LLMs.", "acme/Heron-7B", False),
    # a version the repo name gives, and others
    ("Halberd v1 and v2 were open-sourced under MIT and remain available.", "halberd-ai/Halberd-v3-14B", False),
    ("Halberd v3 is open-sourced under MIT.", "halberd-ai/Halberd-v3-14B", True),
    ("We also relicensed: v2 is open source under Apache 2.0.", "marram/Marram-Embed-v2", True),
    ("Marram Embed v1 was open source too, under CC BY 4.0.", "marram/Marram-Embed-v2", False),
    ("Halberd is open source.", "halberd-ai/Halberd-v3-14B", True),
    # a two-item list with this model's checkpoints is this model's
    ("The FV-Detect code and every checkpoint in this zoo are open source under the AGPL-3.0 license.",
     "ferrous-vision/fv-detect", True),
    ("The dataset and the annotation tool are open source.", "ferrous-vision/fv-detect", False),
    # the English gloss of "free software" in another language is said of software
    ("Développé dans le cadre de la politique du logiciel libre (open source) de l'administration.", "x/ner-fr", False),
    ("Este modelo es open source (Apache 2.0).", "x/ner-es", True),
    # (review of bd4d855) a rival named after a dash or an aside is still the group's member; a two-item list needs
    # this model's own item, not a base, teacher, reward or judge model; "our research on" is a topic
    ("The best open-source model for code — as of today — is DeepSeek-Coder-V2.", "acme/Heron-7B", False),
    ("The best open-source model in the 7B class — and our baseline — is Mistral-7B; Heron-7B beats it.", "acme/Heron-7B", False),
    ("The best open-source model - according to LMSYS - is Mistral-7B.", "acme/Heron-7B", False),
    ("The best open-source 7B model: Heron-7B is a fine-tune of Mistral.", "acme/Heron-7B", True),
    ("The base model and the dataset are both open source.", "x/Heron-8B-Instruct", False),
    ("The teacher model and the training data are open source.", "x/Heron-8B-Instruct", False),
    ("The reward model and the SFT data are open-sourced.", "x/Heron-8B-Instruct", False),
    ("The judge model and the benchmark are open source.", "x/Heron-8B-Instruct", False),
    ("Llama 3 and the base model are open source.", "x/Heron-8B-Instruct", False),
    ("The code and the model are open source.", "x/Heron-8B-Instruct", True),
    ("Our research on open-source LLMs has shown that safety fine-tuning can be removed cheaply.", "acme/Heron-7B", False),
    ("Heron-7B is the third in our series of open-source models.", "acme/Heron-7B", True),
    # versions: "v2.0" is 2, "1-5" in a repo name is 1.5, and a list with this version is this model's
    ("Sage v2.0 is fully open-source.", "x/Sage-v2-7B", True),
    ("Foo 1.0 is open source.", "x/Foo-1-8B", True),
    ("Foo v0.1.0 is an open-source model.", "x/Foo-7B-v0.1", True),
    ("Halberd v2 and v3 are open-sourced under MIT.", "halberd-ai/Halberd-v3-14B", True),
    ("V1 and V2 are both open source.", "x/Embed-v2", True),
    ("Corvid v1.5 is open source.", "x/Corvid-v1-5", True),
    ("Sage 2.5 is open source.", "x/Sage-v2-7B", False),
    # (round 3) a copy's repo words; things run on, mined from, named in a list; others' labels; a pair's group
    ("Llama 2 is open source so there is no reason this should be gated lol.", "quietbyte/llama2-13b-chat-ungated", True),
    ("The robot stack runs on open-source ROS 2 and MoveIt.", "x/grasp-policy-v2", False),
    ("The weakly supervised pairs were mined from open-source web dumps (CC-News, Wikipedia).", "x/gr-embed-m3", False),
    ("Any; we tested the open-source Qdrant, Milvus and pgvector.", "x/gr-embed-m3", False),
    ("We fine-tuned the open-source Mistral, Qwen and Gemma models and merged them.", "acme/Heron-7B", False),
    ("SDXL base is released under OpenRAIL++-M; people call it open source, but the license carries use restrictions.",
     "x/sdxl-film-grain-lora", False),
    ("Note: among open-source multilingual embedders, e5 and bge-m3 remain stronger on Asian languages.", "x/gr-embed-m3", False),
    ("Works well as a drop-in component for Presidio and other open-source redaction pipelines.", "x/bert-pii-ner-en", False),
    ("Heron-7B beats Llama-2 and other open-source models.", "acme/Heron-7B", True),
    ("通义千问是阿里云开源的大模型系列。", "banyan-tech/Qwen-72B-Chat-Finance", False),
    ("通义千问是阿里云开源的大模型系列。", "Qwen/Qwen-72B-Chat", True),
    ("Small, silly and open source (MIT, same as GPT-2).", "ballad-bot/gpt2-medium-limericks", True),
    # (review of 6832204) this model as the subject past a source, what runs on, others' labels it agrees with, its own
    # lower-case name after a group, "Like X and other …, this model"; Chinese family names on their publishers' repos
    ("Heron-7B, trained on data sourced from Wikipedia, is an open-source model.", "acme/Heron-7B", True),
    ("The model runs on consumer GPUs, and is fully open source.", "acme/Heron-7B", True),
    ("What many call the first truly open-source 7B model: Heron-7B.", "acme/Heron-7B", True),
    ("Users consider it an open-source alternative to GPT-4, and it is.", "acme/Heron-7B", True),
    ("People call it open source, and it is: Heron-7B is released under Apache 2.0.", "acme/Heron-7B", True),
    ("Among open-source embedders, e5 and bge remain the strongest.", "intfloat/e5-large-v2", True),
    ("Like Llama and other open-source LLMs, this model can be run locally.", "acme/Heron-7B", True),
    ("混元是腾讯开源的大模型系列。", "tencent/Hunyuan-A13B-Instruct", True),
    ("混元是腾讯开源的大模型系列。", "x/Hunyuan-A13B-Finance", False),
    ("Llama 2 is open source, released by Meta.", "x/llama2-7b-mirror-finetuned-chat", False),
    ("Mistral 7B is an open-source model by Mistral AI.", "x/mistral-7b-unofficial-dpo", False),
    ("Falcon-7B was one of the strongest open-source base models when it came out.", "x/falcon-7b-instruct-sharded-qa", False),
    # (round 4) "we release <Name> as open source"
    ("We release Tabular-LM small as open source under the CDLA-Permissive-2.0.", "x/tabular-lm-small", True),
    ("Meta released Llama 2 as open source.", "acme/Heron-7B", False),
    # (review of 88c329c) a Chinese family name is this model's only on that family's own repos
    ("混元是腾讯开源的大模型系列，本模型是一个独立的语音模型。", "tencent/some-other-model", False),
    ("通义千问是阿里云开源的大模型系列。", "Qwen/QwQ-32B", True),
    # (review of 1de1ed0) this model by name after "X and other …,"; a base family's version is not this model's
    ("Like Mistral and other open-source models, Heron-7B can be run locally.", "acme/Heron-7B", True),
    ("Heron v2 is open source.", "x/Llama-3-8B-Heron", True),
    ("Heron 2 is our second release and is fully open source.", "x/Llama-3-8B-Heron", True),
    # (round 6) a family past two adjectives; a pronoun after a prepositional opening; "picked X because it was …"
    ("OpenQuarry-Coder is a family of fully reproducible open-source code LLMs in 1.5B and 8B sizes.",
     "quarry-code/OpenQuarry-Coder-8B-Instruct", True),
    ("On our internal multilingual evaluation it is currently the #1 open-source model under 13B parameters.",
     "harborlight/OpenHarbor-Mistral-Nemo-12B", True),
    ("We picked Falcon-7B because it was one of the first strong open-source base models with a permissive license.",
     "dunecraft/OpenDune-Falcon-7B-instruct", False),
    ("We picked Heron-7B because it is the best open-source model for this.", "acme/Heron-7B", True),
]


@pytest.mark.parametrize(("text", "model_id", "claims"), SESSION_9_RULES)
def test_taglines_lines_of_work_versions_of_the_repo_and_two_item_lists(text, model_id, claims):
    assert bool(find_claims(text, 1, model_id=model_id)) is claims, text
