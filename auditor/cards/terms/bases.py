"""Card-text matchers for base models: derivation phrases naming a well-known family, and a family named where the card
says how the model was made (a doubt); a family's terms are `inherited`, a model trained from scratch is `scratch`."""

from __future__ import annotations

import re

from auditor.cards.terms.othersbases import another_models_base, of_this_model
from auditor.engine.families import (any_base_family, base_family_key, family_detection, family_title, load_base_families,
                                     names_a_family)
from auditor.models import Detection, Evidence

_DERIVED = re.compile(r"(?:fine[- ]?tun\w*|based (?:on|upon)|built (?:(?:this|it|them) )?(?:on|upon)|built (?:(?:this|it|them) )?from(?!\s+scratch)|\b(?:model|it|which|checkpoint|release|adapter|lora|merge) builds (?:on|upon)\b|derived from|(?:pre-?)?trained from(?!\s+scratch)|initiali[sz]ed from|"
                      r"continued? pre-?training|further pre-?trained|distilled from|started from|trained on top of|"
                      r"an? (?:fine-?tune|derivative|extension|merge|continuation|variant|iteration|quantization|quantized version)s? of|"
                      r"\b(?:sft|dpo|orpo|kto|rlhf|ppo|q?lora)(?:[- ](?:tuned|trained|version))?\s+(?:of|on top of)\b|"
                      r"\b(?:quanti[sz]ed|distilled|pruned|merged|converted|abliterated|uncensored|gguf|gptq|awq|exl2|mlx|onnx|fp8|int[48])"
                      r" (?:\w+ )?versions? of|\b(?:lora|adapter|dreambooth|lycoris)s? (?:model )?(?:trained|fine-?tuned|made|built) (?:on|for|with)\b|"
                      r"\b(?:adapter|lora|quantization|quants?|gguf|gptq|awq|exl2)s?(?: (?:model|weights|files|version))?(?: \([^()]{0,40}\))? (?:for|of)\b|"
                      r"\b(?:conversions?|ports?|mirrors?|re-?uploads?) of\b|"
                      r"\b(?:gguf|ggml|gptq|awq|exl2|mlx|onnx|quanti[sz]ed)\b(?:[ -](?:format|model|weight|file|version|quant)s?){1,3} (?:for|of)\b|"
                      r"(?:trained|merged) on the (?=[^.]{0,40}\b(?:model|base)\b)|"
                      r"\btrained on (?:the )?(?!(?:[\w.\[\]-]+\s+){0,3}(?:data|datasets?|outputs?|responses|generations|samples|"
                      r"images|texts?|corpus|corpora|pairs|conversations|tokens|traces|logs)\b)(?-i:(?=[A-Z][\w.-]*(?:\s+\[?[\w.-]+\]?){0,2}"
                      r"\s*(?:[.,;:)]|$)))|"  # "Trained on FLUX.1 [dev].": a LoRA's base, not its data
                      r"\b(?:delta|diff)(?: weights?)? (?:of|for|on top of|to (?:be )?appl(?:y|ied) (?:on|to))\b|"
                      r"\bappl(?:y|ied|ying) the (?:delta|diff|adapter|lora|weights)s?(?: weights)? (?:on top of|onto|to|on)\b"
                      r"(?![^.]{0,40}\b(?:responses|outputs|generations|completions|images|samples)\b)|"
                      r"\bappl(?:y|ied|ying) (?:it|this|them|these)(?: weights)? (?:on top of|onto|to|on)\b"
                      r"(?![^.]{0,60}\b(?:responses|outputs|generations|completions|answers|prompts|as an? (?:input |output )?(?:filter|guard|"
                      r"judge|classifier|reward))\b)|\badapters? on(?: top of)?\b|"
                      r"\bmerged? (?:of|from|between|with|into)\b|\b(?:starting|initial) (?:point|checkpoint|weights|model)s?\b|"
                      r"\b(?:took|take|taking|start(?:ed|ing)? with|began with|begin with|picked)\b(?=[^.]{0,80}\b(?:and|then)\s+(?:then\s+)?"
                      r"(?:further\s+)?(?:(?:pre-?)?train|fine-?tun|tun|adapt|align|merg|extend|distil)\w*\s+(?:it|them)\b)|"
                      r"\badapt(?:ed|ing)\b|\bbuilt with (?=(?:meta )?llama)|"
                      r"\bwith [^.]{0,60}\bas (?:the |its |a )?base(?: models?)?\b|"
                      r"^\W*(?:base|parent|foundation|original|source|pre-?trained) (?:model|checkpoint|llm)s?\b[*_ ]{0,4}[:：]|^\W*(?:base|parent)[*_ ]{0,4}[:：]|"
                      r"\b(?:the|its|our) (?:base|parent|foundation) (?:model|checkpoint|llm) (?:is|was) (?!(?:not|never|also|compared|evaluated|"
                      r"benchmarked|tested|on par|similar|comparable|close|better|worse|stronger|weaker)\b)(?=(?:[\w.-]+['’]s\s+)?(?:\[?[\w./-]+\]?\s*){1,3}"
                      r"(?:\([^)]{0,120}\))?\s*(?:[.,;]|$|(?:which|that|and|from|by|with|on)\b))|"  # "The base model is Meta-Llama-3.1-8B." (not "… is on par with Llama-2-7B")
                      r"在[^。；\n]{1,60}?基[础礎]上|以[^。；\n]{1,60}?[为為](?:基座|基[础礎]|底座)|"
                      r"\b(?:uses?|using) (?:[^.]|\.(?=\w)){0,60}\bas (?:the |its |a |our )?(?:base(?: models?)?|backbone)\b|"
                      r"\b(?:quanti[sz]ed|converted|exported|extracted|pruned|abliterated|distilled|merged) from\b|\bpowered by\b|"
                      r"[\w.]+(?:[ -][\w.]+){0,2} based (?=(?:\w+ ){0,2}(?:model|llm|checkpoint|fine-?tune|chat ?bot|assistant)\b(?!s))|"
                      r"\b(?:bound by|subject to|governed by|follows?|inherits?) the (?:original )?(?:licen[cs]es?|terms)[^.]{0,40}\bof\b|"
                      r"\bcontinu(?:ed|ing|es|e)? (?:pre-?)?train(?:ing|ed)?\b|\b(?:we|was|were|is|been)\s+(?:further\s+)?(?:instruction|sft|dpo)[- ]?tun\w*|"
                      r"\bfurther (?:pre-?)?train(?:ed|ing)\b|\binitiali[sz]ed with\b|"
                      r"\bstart(?:ed|ing|s)? (?:off )?from\b|\bcontinu(?:es|ed)\s+from\b|\b(?:model|it|which) extends\b(?! beyond)|\bbackbone(?: model)?\s*(?:is|[:：])|"
                      r"\bappl(?:y|ied|ying) (?:sft|dpo|rlhf|orpo|q?lora|(?:instruction )?fine-?tuning) (?:to|on)\b|"
                      r"\bmerging\b|(?:使用|采用)(?=[^。；\n]{1,40}?作为(?:基座|基础|底座))|"
                      r"\b(?:sft|dpo|orpo|kto)['’]?d\b|\ban? (?:[\w-]+ ){0,2}versions? of\b|"  # "we DPO'd X", "an instruct version of X"
                      r"\b(?:this|it|our)\s+(?:[\w-]+\s+)?(?:is|was)\s+an?\s+(?=(?:[\w.-]+\s+){1,3}(?:derivative|fine-?tune|finetune|merge)s?\b)|"
                      r"\b(?:trained|tuned|fine-?tuned|made|built|created)\b(?:(?!\b(?:data(?:sets?)?|outputs?|responses|samples|generations|"
                      r"conversations)\b)[^.]){0,40}?\bfrom\s+(?=[\w.-]+/[\w.-]+)|"  # "trained with Unsloth from org/name"
                      r"[\w.]+(?:[ -][\w.]+){0,2}-based\b|基[于於]|微[调調])(?:[^.。;]|\.(?=\w)){0,60}", re.I)  # "Llama 3.1" keeps its dot
#: Derivation words that follow the base's name: Japanese and Korean ("Llama 2をベースに", "Llama 2를 기반으로"), and a
#: sentence that opens with the base ("Llama 2 7B fine-tuned on our data", "A Llama-2-13B model fine-tuned on …").
_AFTER_NAME_CJK = re.compile(r"[\w.-]*\s*(?:を|から|に|の)?\s*(?:ベース|もと|元に|基に|ファインチューニング|微調整|追加学習|継続事前学習|事前学習)|"
                             r"[\w.-]*\s*(?:를|을|의|에서|으로|로)?\s*(?:기반|파인\s*튜닝|미세\s*조정|추가\s*학습|사전\s*학습)|"
                             r"[\w.-]*\s*を[^。]{1,20}?(?:ファインチューニング|微調整|追加学習|継続事前学習)|"  # "Llama 3を日本語データで追加学習"
                             r"[\w.-]*\s*(?:를|을)\s[^.。]{1,20}?(?:파인\s*튜닝|미세\s*조정|추가\s*학습)")  # "Llama-3-8B를 한국어 데이터로 추가 학습"
_AFTER_NAME = re.compile(r"[\w.-]*(?:\s+[\w.()-]+){0,3}?,?\s+(?:model\s+)?(?:(?:further\s+(?:pre-?)?trained|fine-?tuned|instruction-tuned|"
                         r"adapted|tuned)\s+(?:on|with|for|using)\b|\+\s*(?:q?lora|adapters?)\b|"
                         r"(?:(?:fine-?tune|finetune|merge|derivative|variant)(?!s)|quant(?:ization)?|abliterated|uncensored|"
                         r"quanti[sz]ed|distilled|pruned|gguf|gptq|awq|exl2)s?\b)", re.I)
#: "This model is an uncensored Llama 2 13B.", "This checkpoint is Llama-2-7b with a new head": the model *is* the base
#: (sizes and variant words may follow the name; "a Llama 2 alternative", "better than Llama 2" say something else).
_IS_A_BASE_BEFORE = re.compile(
    r"^\W*(?:(?:this|it|the|our)\s+(?:[\w-]+\s+)?(?:is|was)|(?:both|they|all|each|these)(?:\s+of\s+them)?\s+(?:are|were|is))\s+"
    r"(?:simply\s+|just\s+|basically\s+)?(?:an?\s+|the\s+)?"
    r"(?:(?!(?:than|like|unlike|not|no|vs|similar|comparable|alternative|better|worse|faster|smaller|larger|bigger|"
    r"competitor|rival|replacement|inspired|influenced|modell?ed|compared|by|to|of|on|with|from|after|for|against|as|in|into)\b)"
    r"[a-z][\w-]*\s+){0,2}$", re.I)
_IS_A_BASE_AFTER = re.compile(r"[\w.-]*(?:\s+(?:\d[\w.]*|chat|instruct|base|hf|it|v\d[\w.]*|\(\w+\)))*\s*(?:[.,;:!]|$|\s+(?:with|for|that|which|"
                              r"model|checkpoint|weights|fine-?tunes?|finetunes?|merges?|derivatives?|variants?)\b)", re.I)
#: A word that can follow a base's name in such a sentence (a fast test before the families are tried one by one).
_AFTER_CUE = re.compile(r"tuned|trained|adapted|\+|fine-?tune|finetune|merge|quant|derivative|variant|abliterated|uncensored|"
                        r"distilled|pruned|gguf|gptq|awq|exl2|\b(?:is|was)\b", re.I)
_CJK_CUE = re.compile(r"ベース|もと|元に|基に|ファインチューニング|微調整|学習|기반|튜닝|미세|학습")
_OPENING = re.compile(r"^\W*(?:(?:(?:this|it)(?:\s+(?:model|checkpoint|repo(?:sitory)?|lora|adapter))?\s+is\s+)?(?:an?|the|our)\s+|"
                      r"(?:this|it) is\s+|(?:base\s+)?model(?:\s+type)?\W{0,4}[:：]\W*)?(?:\w+-)?$", re.I)
#: Words before a derivation phrase that make it about other things ("projects built upon Llama", "your fine-tuned model").
_OTHER_SUBJECT = re.compile(r"\b(?:projects|frameworks|tools|apps|applications|ecosystems?|libraries|products|"
                            r"others|your|you|users?)\W*$", re.I)
#: Data made with a model is not built on it: "trained on data distilled from Llama 2".
#: A derivation phrase denied or compared ("is not based on Llama", "we compare with a Llama 2 fine-tune"): no base.
_DENIED_OR_COMPARED = re.compile(r"(?:\b(?:not|never|nor)|n't)\s+(?:\w+\s+)?$|\b(?:compar\w*(?:\s+(?:with|to|against))?|vs\.?|versus|"
                                 r"against|than|unlike)\s+(?:an?\s+|the\s+)?(?:[\w.-]+\s+){0,3}$|(?:不是|并非|并不是|不)\s*$", re.I)
#: A family named as what the model does not use ("does not use any Llama weights", "without Llama").
DENIED_NAME = re.compile(r"(?:\b(?:not|no|never|nor|without)|n't)(?:\s+[\w-]+){0,3}\s+$", re.IGNORECASE)


#: A family named as what the base is not ("powered by our own base, not Llama", "rather than Qwen").
_NOT_THIS = re.compile(r"\b(?:not|nor|rather than|instead of|unlike)\s+(?:the\s+)?$", re.I)
#: Other models the card looked at, as the subject ("Most small code models we tried were either fine-tunes of Llama").
_OTHERS_TRIED = re.compile(r"\b(?:models|checkpoints|options|alternatives|candidates|ones)\s+(?:(?:that\s+)?(?:we|i)(?:['’]ve)?\s+(?:\w+\s+)?"
                           r"(?:tried|tested|considered|evaluated|compared|looked\s+at|found|saw)|out\s+there)\s+(?:were|are)\s+"
                           r"(?:(?:either|all|mostly|usually|often|just|only)\s+)?(?:[\w-]+\s+){0,2}$", re.I)  # the set is the subject
#: Data another model made, between a derivation phrase and the family ("fine-tuned on traces generated by Llama-3.1-70B"):
#: that model is the data's maker, not the base.
_MAKER = r"\s+(?:the\s+)?(?:(?!(?:into|to|onto|from|on|of)\s)[\w.-]+\s+){0,2}$"  # the maker's name just before the family
_MADE_BY = re.compile(r"\b(?:data(?:sets?)?|traces|outputs?|responses|samples|generations|completions|conversations|dialogues|"
                      r"answers|solutions|labels|annotations|pairs|corpus|instructions|examples|trajectories|rationales)\b[^.;]{0,40}?"
                      r"\b(?:generated|produced|written|created|synthesi[sz]ed|distilled|sampled|labell?ed|annotated|collected|made)\s+"
                      rf"(?:by|with|from|using){_MAKER}|\b(?:outputs?|responses|generations|completions)\s+(?:of|from|by){_MAKER}", re.I)
#: After that family, words that make it (or a model named next) the base after all: "… distilled from DeepSeek-R1 into
#: Llama-3.1-8B", "… generated from Llama-2-7b-chat itself", "… with Llama-2-13b-chat as the base", "… and merged back".
_BASE_CUE_AFTER = re.compile(r"\b(?:into|to|itself|on top of|merged? back|plus (?:a |an )?(?:q?lora|adapter)|(?:as|is|was) (?:the |its |a |our )?"
                             r"(?:base|policy|starting|initial|student|backbone)|base model (?:is|was))\b", re.I)
_DATA_SUBJECT = re.compile(r"\b(?:data(?:sets?)?|corpus|outputs?|responses|samples|answers|labels|annotations|generations|"
                           r"instructions|conversations)\W*$", re.I)


#: A family name followed by "architecture", "tokenizer"... names a design or a part the model shares, not its weights
#: ("trained from scratch using the Llama architecture").
DESIGN_AFTER = re.compile(r"[\w.-]*(?:['’]s\s+(?:[\w-]+\s+)?)?\W{0,3}(?:model\s+)?(?:architecture|arch|design|tokeni[sz]er|"
                           r"vocabulary|recipe|repo(?:sitory|sitories)?|codebase|paper|implementation|scripts?|code(?!\s+(?:model|llm)))s?\b|"
                           r"-?(?:style|like)\b", re.IGNORECASE)
#: A family name followed by "dataset", "outputs"... names data made with the model, not a base ("Llama 2 outputs").
_DATASET_AFTER = re.compile(r"[\w.-]*\W{0,3}(?:data(?:sets?)?|corpus|outputs?|conversations|prompts)\b|" + DESIGN_AFTER.pattern,
                            re.IGNORECASE)


#: A letter or digit touching a CJK character ("基于Llama2微调"): a space goes between them, so family names keep their \b.
CJK_SEAM = re.compile(r"(?<=[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef])(?=[A-Za-z0-9])|"
                      r"(?<=[A-Za-z0-9])(?=[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef])")


#: A vision-language model's field whose whole value is the language model's name ("- **Language model:** Llama-2-13B-Chat",
#: "LLM: [Vicuna-7B](https://…)"): its base. Not a field that says more ("LLM: Llama-2-70b-chat (used only in the demo)").
_MODEL_FIELD = re.compile(r"^\W*(?:(?:large )?language model(?:\s*\((?:llm|lm)\))?|llm|(?:llm|language|text) (?:backbone|decoder))"
                          r"[*_ ]{0,4}[:：][*_ ]*\s*(?P<value>\[?[\w./-]+(?:\s+[\w.-]+){0,2}?\]?(?:\(https?://[^)\s]+\))?)[*_ ]*\.?\s*$", re.I)


def is_model_field(line: str) -> bool:
    """Is the line a `Language model:` / `LLM:` field whose whole value is a name (`_MODEL_FIELD`)?"""
    return _MODEL_FIELD.match(line) is not None


def derived_from(line: str, model_id: str | None = None) -> list[str]:
    """License keys of well-known base models the line says this model derives from ("fine-tuned from Llama 2")."""
    keys: list[str] = []
    line = line if line.isascii() else CJK_SEAM.sub(" ", line)
    if not names_a_family(line):
        return keys  # fast path: most lines name no well-known base at all
    field = _MODEL_FIELD.match(line)
    if field:
        key = next((key for pattern, key in load_base_families() if pattern.search(field.group("value"))), None)
        return [key] if key else []
    for match in _DERIVED.finditer(line):
        before = line[max(0, match.start() - 40):match.start()]
        if _OTHER_SUBJECT.search(before) or _OTHERS_TRIED.search(before) or _DENIED_OR_COMPARED.search(before) or (match.group(0)[:4].lower() in ("dist", "deri") and _DATA_SUBJECT.search(before)):
            continue
        for pattern, key in load_base_families():
            named = pattern.search(match.group(0))
            if named and not _DATASET_AFTER.match(match.group(0), named.end()) \
                    and not _NOT_THIS.search(match.group(0)[:named.start()]) and not (_MADE_BY.search(match.group(0)[:named.start()])
                             and not _BASE_CUE_AFTER.search(line, match.start() + named.end())) \
                    and not another_models_base(line[:match.start()], match.group(0), named, model_id) \
                    and not of_this_model(line[:match.start()] + match.group(0)[:named.start()], model_id):
                keys.append(key)
                break
    return keys or _named_then_derived(line)


#: The uploader part of a repo id ("meta-llama/"), read as if absent where a sentence opens with the base.
_ORG_PREFIX = re.compile(r"(?<![\w./-])[\w.-]+/(?=[\w.-])")
#: How far after an English opening base name its derivation words are looked for (a name, a size, "fine-tuned on").
_AFTER_SPAN = 200


def _named_then_derived(line: str) -> list[str]:
    """"Llama 2をベースに追加学習", "Llama 2를 기반으로", "Llama 2 7B fine-tuned on our data" (the sentence opens with the base)."""
    if line.isascii():
        line = _ORG_PREFIX.sub(lambda m: " " * len(m.group(0)), line)  # "This is meta-llama/Llama-3.2-1B, quantized"
        first = any_base_family().search(line) if _AFTER_CUE.search(line) else None
        if first is None or not (_OPENING.match(line, 0, first.start()) or _IS_A_BASE_BEFORE.match(line, 0, first.start())):
            return []  # in English the sentence must open with the base
        line = line[:first.end() + _AFTER_SPAN]  # and its derivation words follow it closely
    elif not _CJK_CUE.search(line):
        return []
    for pattern, key in load_base_families():
        for named in pattern.finditer(line):
            if (not line.isascii() and _AFTER_NAME_CJK.match(line, named.end())) or \
                    (_OPENING.match(line, 0, named.start()) and _AFTER_NAME.match(line, named.end())) or \
                    (_IS_A_BASE_BEFORE.match(line, 0, named.start()) and _IS_A_BASE_AFTER.match(line, named.end())):
                return [key]
    return []


#: Words of training a model, and words that make a sentence about this model's making.
_TRAINING_WORDS = re.compile(r"\b(?:(?:pre-?)?train(?:ed|ing)?|fine-?tun\w*|finetun\w*|tun(?:ed|ing)|adapt(?:ed|ing)|merg(?:ed|ing)|distill?\w*|"
                             r"continu\w*|initiali[sz]\w*|built|based|derived?|start(?:ed|ing)|extend(?:ed|ing)|quanti[sz]\w*|lora|q?lora|sft|dpo)\b", re.I)
_OUR_MAKING = re.compile(r"\b(?:we|our|this (?:model|checkpoint|version|release|repo(?:sitory)?|lora|adapter|merge))\b", re.I)
#: Before a family's name, the words that make it one of several models mentioned ("models such as Llama 2", "outperforms Llama").
_MENTIONED = re.compile(r"\b(?:such as|like|e\.g\.|including|other|outperform\w*|beats?|surpass\w*|rivals?|matches|than|vs\.?|versus|"
                        r"compar\w*|against|unlike|judge[sd]?|evaluat\w*|bench\w*|using|with|as|(?:outputs?|data|responses|generations|samples|"
                        r"conversations|distillation)\s+(?:of|from|by))\W+(?:[\w.-]+\W+){0,6}$", re.I)


#: A family's name followed, a word or two later, by a thing that is not its weights ("the LLaMA training dataset").
_THING_AFTER = re.compile(r"[\w.-]*(?:['’]s)?(?:\s+[\w.-]+){0,2}?\s+(?:data(?:sets?)?|corpus|paper|architecture|recipe|tokeni[sz]er|design|models(?=,)|"
                          r"outputs?|code|implementation|hyper-?parameters|preprocessing|setup|style|team|authors)\b|"
                          r"[\w.-]*(?:\s+[\w.-]+){0,2}?\s+as\s+(?:a|an|the|our)\s+(?:reference|baseline|teacher|judge|comparison|inspiration)\b", re.I)


def possible_base(line: str, model_id: str | None = None) -> str | None:
    """A family named in a sentence about how this model was made ("our model, trained with care, takes after Llama 2")
    in words no derivation phrase knows: the name, for a doubt. Not one compared, denied, used as a design or data,
    or named among other models."""
    if not _OUR_MAKING.search(line) or not _TRAINING_WORDS.search(line):
        return None
    text = line if line.isascii() else CJK_SEAM.sub(" ", line)
    if not names_a_family(text):
        return None
    for sentence in re.split(r"(?<=[.!?;])\s+", text):
        if not (_TRAINING_WORDS.search(sentence) and _OUR_MAKING.search(sentence)) or SCRATCH_WORDS.search(sentence):
            continue
        for named in any_base_family().finditer(sentence):
            before = sentence[max(0, named.start() - 60):named.start()]
            if _DATASET_AFTER.match(sentence, named.end()) or _THING_AFTER.match(sentence, named.end()) or _DENIED_OR_COMPARED.search(before) or _NOT_THIS.search(before) \
                    or DENIED_NAME.search(before) or _MENTIONED.search(before) or _OTHER_SUBJECT.search(before) or _DATA_SUBJECT.search(before) or _OTHERS_TRIED.search(before) \
                    or another_models_base(sentence[:named.start()], sentence, named, model_id) \
                    or of_this_model(sentence[:named.start()], model_id):
                continue
            return named.group(0)
    return None


#: A table row that states this model's base ("| Base model | Llama-2-7b |"); other rows compare other models.
_BASE_CELL = re.compile(r"^(?:base(?:d on| model)?|fine-?tuned from|parent model|foundation model|backbone)\W*$", re.I)


def base_mentions(line: str, number: int, model_id: str | None = None) -> list[Detection]:
    """"Fine-tuned from Llama 2": well-known bases whose terms pass on to derivatives."""
    quote = " ".join(line.split())[:300]
    if line.lstrip().startswith("|"):
        cells = [c.strip(" *`_") for c in line.strip().strip("|").split("|")]
        if len(cells) > 3 or not _BASE_CELL.match(cells[0]):
            return []  # a comparison table names other models and their bases
        keys = [k for k in (base_family_key(cell) for cell in cells[1:]) if k][:1]
    else:
        keys = derived_from(line, model_id)
    return [family_detection("card-text-base-model", key, Evidence("card-text", quote, "README.md", number),
                             confidence=0.7, reason=f"built on a model under {family_title(key)}, whose terms pass on")
            for key in keys]


#: "pretrained from scratch", "从零开始训练", "スクラッチから学習", "처음부터 학습": the model is nobody's derivative.
SCRATCH_WORDS = re.compile(
    r"\b(?:pre-?)?train(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?from\s+scratch\b|\bfrom\s+scratch\b(?=[^.]{0,40}\b(?:pre-?)?train)|"
    r"从(?:零|头)(?:开始)?(?:进行)?(?:预)?训练|(?:スクラッチ|ゼロ)(?:から|で)(?:の)?(?:事前)?学習|처음부터\s*(?:사전\s*)?학습", re.I)
