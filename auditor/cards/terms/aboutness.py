"""Whether a license named in a card line is said of something else than this model's weights (code, data, a tool, another
model), or left by a change."""

from __future__ import annotations

import re

from auditor.engine.references import find_references

from auditor.cards.terms.clauses import earlier_release, same_size, sizes_in, without_contrast
from auditor.cards.terms.restrictive import ABOUT_DATA, ABOUT_WEIGHTS
from auditor.cards.terms.scratch import names_this_model

_ABOUT_CODE = re.compile(r"\b(?:code(?:base)?|source|scripts?|software|repo(?:sitory)?|library|tool(?:kit)?s?|implementation|"
                         r"(?:demo\s+|web\s+|mobile\s+)?apps?|demo|gradio|space|(?:web\s+)?ui|gui|plugins?|extensions?|cli|"
                         r"front-?end|back-?end|sdk|packages?|notebooks?|website)\b|"
                         r"代码|代碼|源码|源碼|コード|소스\s*코드", re.I)


def about_other_things(clause: str) -> bool:
    """The clause speaks of the code or the data, not of the weights ("the code is under Apache-2.0"), or of the
    models it is compared with ("Comparisons above use models under other terms (Llama 3.2 Community License)")."""
    clause = _OPEN_SOURCE.sub(" ", clause)  # "Heron-7B is open source under MIT": no source code named
    return bool((_ABOUT_CODE.search(clause) or ABOUT_DATA.search(clause)) and not ABOUT_WEIGHTS.search(clause)
                and not _OUR_ARTEFACTS.search(clause)) or bool(
        _COMPARED_MODELS.search(clause))


_OPEN_SOURCE = re.compile(r"\bopen[- ]?sourced?\b", re.IGNORECASE)
#: This release's own artefacts in the plural ("Demo and released adapters", "our LoRAs"): the weights, not a demo.
_OUR_ARTEFACTS = re.compile(r"\b(?:released|our|these|its)\s+(?:adapters|loras|fine-?tunes|checkpoints)\b|"
                            r"\b(?:code|scripts)\s+(?:and|&)\s+(?:the\s+|our\s+|all\s+)?(?:models|checkpoints)\b(?!\s+(?:used|from|of|for|we|that|which)\b)",
                            re.IGNORECASE)
#: ("The code and models are open-sourced under Apache 2.0": the weights too)
#: The models a card compares with, and their terms.
_COMPARED_MODELS = re.compile(r"\b(?:comparisons?|baselines?|competitors?)\b[^.;]{0,40}\bmodels\b|"
                              r"\bmodels\s+(?:under|with)\s+other\s+(?:terms|licen[cs]es)\b", re.IGNORECASE)


#: A question ("Is it under the Llama licence? No."): it asks about a license, it states none. It opens as a question;
#: a statement with a question tagged on ("… is under CC BY-NC 4.0, so why not try it?") still states its license.
_QUESTION = re.compile(r"^\W*(?:is|are|was|were|does|do|did|can|could|may|might|will|would|should|shall|has|have|"
                       r"what|which|why|how|where|who|when|whether)\b[^.!]*\?\s*$", re.IGNORECASE)


def said_of_something_else(quote: str, clause: str, without_name: str, still_named, model_id: str | None = None) -> bool:
    """A license named in a question, beside the models the card compares with, about the code or the data (also as
    the value of a field label: "Dataset: CC BY 4.0."), of an earlier release, or only inside a contrast: not this
    model's terms (`still_named(text)`: is it named in `text`?)."""
    return bool(_QUESTION.search(quote) or _COMPARED_MODELS.search(quote) or about_other_things(without_name)
                or _benchmark_subject(clause, model_id)
                or about_other_things(_field_label_of(quote, clause) or _subject_before(quote, clause))
                or bool(_DATA_LABEL.search(_field_label_of(quote, clause)))
                or about_other_things(_cjk_sentence_so_far(quote, clause))
                or earlier_release(clause, model_id)
                or _contrasted(clause, still_named))


#: A clause whose subject is a benchmark or data set by its name ("EuroMed-Bench is released under CC BY 4.0").
_BENCHMARK_SUBJECT = re.compile(r"^\W*(?:the\s+)?(?P<name>[\w.]+-(?:bench|benchmark|eval|dataset|corpus))\b(?:\s+(?:benchmark|dataset|suite))?"
                                r"\s+(?:is|are|was|were|has\s+been|will\s+be)\s", re.IGNORECASE)


def _benchmark_subject(clause: str, model_id: str | None) -> bool:
    """The clause is said of a benchmark or data set named as its subject, not of this model (`acme/Judge-Bench-7B`)."""
    found = _BENCHMARK_SUBJECT.match(clause)
    return bool(found) and found.group("name").lower() not in (model_id or "").lower()


#: A clause with no subject of its own ("and is distributed under …"): its subject opens the sentence.
_NO_SUBJECT = re.compile(r"^\W*(?:(?:and|but|which|that)\s+)?(?:is|are|was|were|has\s+been|have\s+been)\s", re.IGNORECASE)


def _clause_at(quote: str, clause: str) -> int:
    """Where the clause starts in its sentence (-1 if it is empty or not found)."""
    return quote.find(clause.strip()[:40]) if clause.strip() else -1


def _subject_before(quote: str, clause: str) -> str:
    """The start of the sentence when the clause has no subject of its own ("The training set, …, was scraped … and is
    distributed under CC BY-NC 4.0": the training set), else ""."""
    at = _clause_at(quote, clause) if _NO_SUBJECT.match(clause) else -1
    return quote[:at][:200] if at > 0 else ""


#: A change of terms: what stood before "to" is no longer the model's license.
_CHANGED = re.compile(r"\b(?:changed|switched|moved|relicen[cs]ed|migrated|converted|updated|went)\b(?:[^.;]|\.(?=\d)){0,40}?"
                      r"\bfrom\s+(?P<old>(?:[^.;]|\.(?=\d)){1,80}?)\s+to\s+(?P<new>(?:[^.;]|\.(?=\d)){1,80})", re.IGNORECASE)


_NOT_BEFORE = re.compile(r"\b(?:not|never|no longer)\b|n['’]t\b", re.IGNORECASE)


def former_terms(quote: str, named_in) -> bool:
    """Is a license (`named_in(text)`: is it named in `text`?) named only as the terms a change left ("changed from
    CC BY-NC 4.0 to Apache 2.0")? Not when the change is denied ("we have not changed …"), leads to no license
    ("converted from … safetensors to GGUF"), or the license is named elsewhere in the sentence too."""
    changed = _CHANGED.search(quote)
    if not changed or _NOT_BEFORE.search(quote[max(0, changed.start() - 30):changed.start()]):
        return False
    rest = quote[:changed.start()] + " " + quote[changed.end():]
    return (named_in(changed.group("old")) and not named_in(changed.group("new")) and not named_in(rest)
            and bool(find_references(changed.group("new"), 1, named=True)))


def _cjk_sentence_so_far(quote: str, clause: str) -> str:
    """In CJK text, the sentence up to the end of the clause: its subject may stand before a comma ("本仓库中的训练代码，
    遵循 Apache-2.0 协议发布": the code's), else ""."""
    at = _clause_at(quote, clause) if not quote.isascii() else -1
    return quote[:at] + clause if at > 0 else ""


#: A field label that names media a card's data is made of ("Photos: CC BY 4.0."): the data's licence.
_DATA_LABEL = re.compile(r"\b(?:photos|photographs|videos|audio|recordings|transcripts|images|texts)\W*[:：]\s*$", re.IGNORECASE)


def _field_label_of(quote: str, clause: str) -> str:
    """The label of the field whose value the clause is ("Dataset" of "Dataset: CC BY 4.0."), else ""."""
    at = _clause_at(quote, clause)
    label = quote[max(quote.rfind(".", 0, at), 0):at] if at > 0 else ""
    return label if re.search(r"[:：]\s*$", label) and len(label) <= 60 else ""


def _contrasted(clause: str, still_named) -> bool:
    """Whether a license is named only inside a contrast with another model ("Unlike Yi-34B, which was released under
    the Yi License, …"): the clause without the contrast no longer names it."""
    stripped = without_contrast(clause)
    return stripped != clause and not still_named(stripped)


_OPEN_UNDER = re.compile(r"\bopen[- ]?sourced?\s+under\b", re.IGNORECASE)
_OTHER_HEAD = re.compile(r"\b(?:framework|server|engine|recipe|library|toolkit|tools?|code(?:base)?|apps?|pipeline|trainer|scripts?|"
                         r"tokenizer|dataset|data|base|teacher|parent|original|upstream|sibling|demo|space|sdk|cli)\b", re.IGNORECASE)
_ROLE = re.compile(r"\b(?:base|teacher|parent|original|upstream|sibling|reward|judge|draft)\b", re.IGNORECASE)
_OWN_WORDS = re.compile(r"\b(?:it|this|we|our\s+(?:[\w-]+\s+)?(?:models?|weights|checkpoints?|release)|(?:the\s+)?(?:models?|weights|"
                        r"checkpoints?|release))\b", re.IGNORECASE)


def _other_subject(clause: str, model_id: str | None) -> bool:
    """The subject of "<subject> is open source under X", up to its first comma, is something else than this model: a
    tool, code, data, a base or teacher, another size, or a name that is not this model's ("Our training framework",
    "Gemma, our teacher, …", "The 70B model", "vLLM"); "Our models are open-sourced under Apache 2.0" is this model's."""
    verb = re.search(r"\b(?:is|are|was|were|has\s+been|have\s+been)\b", clause)
    head = clause[:verb.start()].split(",")[0] if verb else ""
    if not head.strip():
        return False
    repo = (model_id or "").rpartition("/")[2]
    sizes, own_sizes = sizes_in(head), sizes_in(repo)
    if sizes and own_sizes and not same_size(sizes, own_sizes):
        return True
    said = _letters(head)
    if len(said) >= 4 and any(_letters(name).startswith(said) for name in (repo, model_id or "")):
        return False  # "Heron is open source under Apache 2.0" on `acme/Heron-7B-Instruct`: its short name
    if _OWN_WORDS.search(head) and not _ROLE.search(head):
        return False  # "The model and the dataset are open source under Apache 2.0", "Our models are …"
    named = re.search(r"(?-i:[A-Z])[\w.+-]*", head)
    return bool(_OTHER_HEAD.search(head)) or (bool(named) and not names_this_model(head, model_id))


def open_source_of_another(clause: str, quote: str, model_id: str | None) -> bool:
    """"<something> is open source under <licence>" said of another thing than this model (see `_other_subject`)."""
    return bool(_OPEN_UNDER.search(clause)) and _other_subject(quote, model_id)


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())
