"""Meaning-preserving rewrites of one card line, for the metamorphic claims benchmark (`claims_perturb_bench`).

Each rewrite takes the line and its context (the model's names, the card's lines, the line's index) and yields
(label, replacement lines) wherever it applies; all are deterministic. `renamed` renames the model everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from auditor.cards.claims.names import base_families
from auditor.cards.claims.whose import whose

#: The English mention, outside URLs and identifiers: what the spelling, markup and adverb rewrites act on.
_MENTION = re.compile(r"(?<![\w/.@#=-])(open[ \-\u2011]?source)(?:d|s|ing)?\b(?![-_/.]\w)", re.IGNORECASE)
_SPELLINGS = ("open source", "open-source", "Open-Source", "Open Source", "opensource", "open\u2011source")
_LIBRARIES = ("Transformers", "transformers", "PyTorch", "TensorFlow", "JAX", "vLLM", "llama.cpp", "Axolotl",
              "Unsloth", "LLaMA-Factory", "DeepSpeed", "PEFT", "TRL", "spaCy", "Flair", "fastai", "MLX", "Ollama",
              "ExLlamaV2", "AutoGPTQ", "AutoAWQ", "Diffusers", "LangChain", "mergekit", "Keras", "Megatron-LM",
              "sentence-transformers", "SetFit", "NeMo", "ONNX Runtime", "OpenVINO", "LM Studio", "text-generation-webui",
              "koboldcpp", "GPT4All", "Jan", "FastChat", "LMDeploy", "ctransformers", "candle")
_DATASETS = ("The Pile", "RedPajama", "SlimPajama", "OpenHermes", "UltraChat", "UltraFeedback", "Alpaca", "ShareGPT",
             "Dolma", "FineWeb", "OpenOrca", "Dolly", "OASST1", "LAION-5B", "Common Crawl", "Wikipedia", "C4",
             "MMLU", "GSM8K", "HumanEval")
_MODEL_NAME = re.compile(r"(?<![\w/.-])(?:[A-Z][A-Za-z]*[-_ ]?\d[\w.]*(?:[-_][\w.]+)*|GPT-?\d[\w.]*|"
                         r"(?:Llama|LLaMA|Mistral|Mixtral|Falcon|Qwen|Gemma|Phi|Vicuna|Alpaca|BLOOM|Pythia|"
                         r"GPT-J|GPT-NeoX?|OPT|T5|BERT|RoBERTa|Yi|Baichuan|InternLM|DeepSeek|ChatGLM)\b[\w.-]*)"
                         r"(?![\w/])")
_SIZED = re.compile(r"\d+(?:\.\d+)?[BbMm]\b")
_SYNONYMS = (("library", "package", "toolkit", "framework"), ("libraries", "packages", "toolkits", "frameworks"),
             ("tool", "utility"), ("tools", "utilities"), ("project", "initiative"), ("projects", "initiatives"),
             ("dataset", "corpus", "data"), ("datasets", "corpora"), ("model", "LLM", "checkpoint"),
             ("models", "LLMs", "checkpoints"), ("community", "ecosystem"), ("communities", "ecosystems"))
_ADVERBS = ("fully", "100%", "truly")
_LEADING = ("In short, ", "Note: ")
_EMOJI = " 🚀"
_STRUCTURE = re.compile(r"^\s*(?:[-*+]\s|\d{1,3}[.)]\s|#{1,6}\s|>|\|)")
_LOWER_FIRST = re.compile(r"^(?:This|The|These|Our|We|It|Its|A|An|All|Both|Each|Every|Here|There|Thanks|In|On|"
                          r"For|With|As|To|By|From|Open)\b")

Rewrite = Callable[[str, dict], Iterator[tuple[str, list[str]]]]


def _mentions(line: str) -> list[re.Match[str]]:
    if "](" in line or "http" in line:  # a link's target: leave the line's visible words alone
        return [m for m in _MENTION.finditer(line) if not re.search(r"\]\([^)]*$|https?://\S*$", line[:m.start()])]
    return list(_MENTION.finditer(line))


def _spelling(line: str, ctx: dict):
    found = _mentions(line)
    if not found:
        return
    first = found[0]
    word = first.group(1)
    for spelling in _SPELLINGS:
        if spelling != word:
            yield spelling, [line[:first.start(1)] + spelling + line[first.end(1):]]


def _wrapped(line: str, start: int, end: int) -> bool:
    return line[max(0, start - 1):start] in "*_`[" and start > 0 or line[end:end + 1] in ("*", "_", "`", "]")


def _mention_markup(line: str, ctx: dict):
    found = _mentions(line)
    if not found:
        return
    first = found[0]
    s, e = first.start(), first.end()
    if _wrapped(line, s, e):
        return
    word = first.group(0)
    for name, form in (("bold", f"**{word}**"), ("italics", f"_{word}_"), ("link", f"[{word}](https://example.org/x)"),
                       ("html-bold", f"<b>{word}</b>")):
        yield name, [line[:s] + form + line[e:]]


def _own_name_spans(line: str, ctx: dict) -> list[re.Match[str]]:
    names = ctx["names"]
    aliases = names.aliases | names.whole
    spans = []
    for token in re.finditer(r"(?<![\w/.`*\[-])[A-Za-z][\w.+-]*[\w+](?![\w/`*\]-])", line):
        if re.sub(r"[\W_]+", "", token.group(0).lower()) in aliases and any(c.isupper() or c.isdigit()
                                                                             for c in token.group(0)):
            spans.append(token)
    return [s for s in spans if not _inside_link(line, s.start())]


def _inside_link(line: str, position: int) -> bool:
    """Is the position inside a link target, a URL or inline code (left alone: not what a reader sees)?"""
    before = line[:position]
    return bool(re.search(r"\]\([^)]*$|https?://\S*$", before)) or before.count("`") % 2 == 1


def _other_names(line: str, ctx: dict) -> list[tuple[str, re.Match[str]]]:
    """Library, dataset and model names in the line that are not this model's, with their kind."""
    found = []
    own = {m.start() for m in _own_name_spans(line, ctx)}
    for kind, names in (("library", _LIBRARIES), ("dataset", _DATASETS)):
        for name in names:
            for match in re.finditer(rf"(?<![\w/.`*\[-]){re.escape(name)}(?![\w/`*\]-])", line):
                if not _inside_link(line, match.start()) and match.start() not in own:
                    found.append((kind, match))
    taken = [m.span() for _, m in found]
    for match in _MODEL_NAME.finditer(line):
        if match.start() in own or _inside_link(line, match.start()) or any(
                a < match.end() and match.start() < b for a, b in taken):
            continue
        if whose(match.group(0), ctx["names"]) in ("own", "org", "sibling", "code"):
            continue  # a name of this model or of its family is not another model's
        found.append(("model", match))
    return sorted(found, key=lambda x: x[1].start())


def _subject_markup(line: str, ctx: dict):
    spans = _own_name_spans(line, ctx) or [m for _, m in _other_names(line, ctx)]
    if not spans:
        return
    m = spans[0]
    s, e, name = m.start(), m.end(), m.group(0)
    if _wrapped(line, s, e):
        return
    for label, form in (("name-bold", f"**{name}**"), ("name-link", f"[{name}](https://example.org/n)"),
                        ("name-backticks", f"`{name}`")):
        yield label, [line[:s] + form + line[e:]]


_INVENTED = {"library": "Quillstack", "dataset": "Brightwater-Corpus", "model": "Corvid-13B"}


def _swap_name(line: str, ctx: dict):
    found = _other_names(line, ctx)
    if not found:
        return
    kind, m = found[0]
    invented = _INVENTED[kind]
    if kind == "model" and not _SIZED.search(m.group(0)):
        invented = "Corvid"
    yield f"swap-{kind}", [line[:m.start()] + invented + line[m.end():]]


def _own_name(line: str, ctx: dict):
    spans = _own_name_spans(line, ctx)
    if spans:
        m = spans[0]
        start = not line[:m.start()].strip(" #>*-_|`[")
        this = "This model" if start else "this model"
        yield "own-name->this-model", [line[:m.start()] + this + line[m.end():]]
        if re.match(r"\s+(?:is|was|has)\b", line[m.end():]):
            yield "own-name->it", [line[:m.start()] + ("It" if start else "it") + line[m.end():]]
        return
    match = re.search(r"\b([Tt])his model\b", line)
    if match and ctx["display"]:
        yield "this-model->own-name", [line[:match.start()] + ctx["display"] + line[match.end():]]


def _synonym_of(word: str) -> tuple[str, ...]:
    for group in _SYNONYMS:
        if word.lower() in [w.lower() for w in group]:
            return tuple(w for w in group if w.lower() != word.lower())
    return ()


def _head_noun(line: str, ctx: dict):
    """The head noun after the mention ("open-source library") or the noun of its subject before it ("the dataset
    was open-sourced"), for a synonym of the same class."""
    found = _mentions(line)
    if not found:
        return
    after = re.match(r"(\s+(?:[\w-]+\s+){0,2}?)([A-Za-z]+)\b", line[found[0].end():])
    spots = []
    if after and _synonym_of(after.group(2)):
        spots.append(("head", found[0].end() + after.start(2), after.group(2)))
    before = list(re.finditer(r"\b[A-Za-z]+\b", line[max(0, found[0].start() - 60):found[0].start()]))
    offset = max(0, found[0].start() - 60)
    subject = next((m for m in reversed(before) if _synonym_of(m.group(0))), None)
    if subject:
        spots.append(("subject", offset + subject.start(), subject.group(0)))
    for where, at, word in spots:
        for other in _synonym_of(word):
            yield f"{where}:{word.lower()}->{other}", [line[:at] + other + line[at + len(word):]]


def _adverb(line: str, ctx: dict):
    found = _mentions(line)
    if not found or _wrapped(line, found[0].start(), found[0].end()):
        return
    s = found[0].start()
    before = line[:s]
    if re.search(r"\b(?:fully|truly|completely|100%)\s+$", before, re.IGNORECASE):
        return
    article = re.search(r"\b([Aa])n\s+$", before)
    for adverb in _ADVERBS:
        head = before[:article.start()] + article.group(1) + " " if article else before
        word = adverb.capitalize() if not head.strip(" #>*-|") and adverb[0].isalpha() else adverb
        yield f"adverb:{adverb}", [head + word + " " + line[s:]]


def _standalone(ctx: dict) -> bool:
    lines, index = ctx["lines"], ctx["index"]
    prev = lines[index - 1].strip() if index > 0 else ""
    nxt = lines[index + 1].strip() if index + 1 < len(lines) else ""
    return not prev and not nxt


def _neighbour(line: str, ctx: dict):
    """A neutral sentence before the line's first sentence, or after its last one, in the same paragraph."""
    prefix = re.match(r"^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+|>\s*)?", line).group(0)
    text = line[len(prefix):]
    if not text[:1].isupper() or line.lstrip().startswith(("|", "#")):
        return
    lines, index = ctx["lines"], ctx["index"]
    prev = lines[index - 1].strip() if index > 0 else ""
    if not prev or prefix.strip():
        yield "sentence-before", [prefix + "It was trained on public data. " + text]
    if line.rstrip().endswith((".", "!")) and (index + 1 >= len(lines) or not lines[index + 1].strip()):
        yield "sentence-after", [line.rstrip() + " See below for details."]


def _leading(line: str, ctx: dict):
    body = line.lstrip()
    prefix = re.match(r"^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?", line).group(0)
    text = line[len(prefix):]
    if not text[:1].isupper() or _STRUCTURE.match(text) or line.lstrip().startswith(("|", "#", ">")) or not body:
        return
    lines, index = ctx["lines"], ctx["index"]
    prev = lines[index - 1].strip() if index > 0 else ""
    if prev and not prefix and not prev.endswith((".", "!", "?", ":")):
        return
    lowered = text[0].lower() + text[1:] if _LOWER_FIRST.match(text) else text
    for lead in _LEADING:
        yield f"lead:{lead.strip()}", [prefix + lead + lowered]


def _structure(line: str, ctx: dict):
    if not line.strip() or line.lstrip().startswith(("|", ">", "#")) or not _standalone(ctx):
        return  # a heading's role is the section's: moving it into a list or a table changes what it says
    text = re.sub(r"^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+|#{1,6}\s+)", "", line)
    if not line.lstrip().startswith(("-", "*", "+")) and not re.match(r"^\s*\d{1,3}[.)]\s", line):
        yield "list-item", ["- " + text]
    if len(text) < 200:
        yield "heading", ["## " + text]
    if "|" not in text:  # a pipe inside the line would split it into cells
        yield "table-cell", ["| Summary |", "| --- |", f"| {text} |"]


def _case(line: str, ctx: dict):
    words = line.split(" ")
    title = " ".join(w[:1].upper() + w[1:] if w[:1].islower() and w.isalpha() else w for w in words)
    if title != line and (line.lstrip().startswith("#") or len(words) <= 12) and _standalone(ctx):
        yield "case:title", [title]  # Title Case is for headings and taglines
    lowered = [words[0]] + [w.lower() if re.fullmatch(r"[A-Z][a-z]+[,.:;!?]?", w) and w.lower().strip(",.:;!?") in
                            _COMMON_WORDS else w for w in words[1:]]
    sentence = " ".join(lowered)
    if sentence != line:
        yield "case:sentence", [sentence]


_COMMON_WORDS = frozenset(
    "open source opensource open-source model models release weights code library toolkit framework project "
    "community ecosystem dataset data and or the a an of for to in on with by is are our your this that fully free "
    "license licence chat language large small base instruct tool tools app application commercial research use "
    "available new first best llm llms ai version series family".split())


def _emoji(line: str, ctx: dict):
    lines, index = ctx["lines"], ctx["index"]
    ends_unit = index + 1 >= len(lines) or not lines[index + 1].strip() or line.rstrip().endswith((".", "!", "?"))
    if line.strip() and not line.rstrip().endswith("|") and ends_unit:
        yield "emoji", [line.rstrip() + _EMOJI]  # at the end of a sentence or unit, not inside a wrapped one


_CONTRACTIONS = (("it is", "it's"), ("It is", "It's"), ("we have", "we've"), ("We have", "We've"),
                 ("is not", "isn't"), ("are not", "aren't"), ("cannot", "can't"), ("do not", "don't"),
                 ("we are", "we're"), ("We are", "We're"), ("that is", "that's"))


def _contraction(line: str, ctx: dict):
    """"it is" ↔ "it's", "we have" ↔ "we've", "cannot" ↔ "can't" (the first one found, either way)."""
    for full, short in _CONTRACTIONS:
        for old, new in ((full, short), (short, full)):
            match = re.search(rf"(?<![\w'’]){re.escape(old)}(?![\w'’])", line)
            if match and not _inside_link(line, match.start()):
                yield f"{old}->{new}", [line[:match.start()] + new + line[match.end():]]
                return


def _quotes(line: str, ctx: dict):
    """Straight double quotes ↔ curly ones, in pairs."""
    if re.search(r'"[^"]+"', line) and not _inside_link(line, line.index('"')):
        yield "curly-quotes", [re.sub(r'"([^"]+)"', "\u201c\\1\u201d", line)]
    elif re.search("\u201c[^\u201d]+\u201d", line):
        yield "straight-quotes", [line.replace("\u201c", '"').replace("\u201d", '"')]


def _wrap(line: str, ctx: dict):
    """A prose line wrapped over two lines at a space near its middle (a paragraph, as editors wrap it)."""
    if _STRUCTURE.match(line) or len(line) < 40 or "`" in line:
        return
    middle = len(line) // 2
    spaces = [m.start() for m in re.finditer(" ", line) if not _inside_link(line, m.start())]
    if not spaces:
        return
    cut = min(spaces, key=lambda i: abs(i - middle))
    yield "wrapped", [line[:cut], line[cut + 1:]]


def _decoration(line: str, ctx: dict):
    """A leading emoji, the whole line in bold, a quoted note, a numbered list item."""
    if not line.strip() or line.lstrip().startswith(("|", "#", ">")):
        return
    prefix = re.match(r"^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?", line).group(0)
    text = line[len(prefix):]
    lines, index = ctx["lines"], ctx["index"]
    opens_unit = bool(prefix.strip()) or index == 0 or not lines[index - 1].strip()
    if not text.startswith(("🚀", "🔥")) and opens_unit:
        yield "leading-emoji", [prefix + "🔥 " + text]
    if not text.startswith(("*", "_")) and not text.rstrip().endswith(("*", "_")):
        yield "whole-bold", [prefix + "**" + text.rstrip() + "**"]
    if _standalone(ctx) and not prefix:
        yield "blockquote", ["> " + text]
        yield "numbered", ["1. " + text]


def _comma(line: str, ctx: dict):
    """A comma before "and"/"but"/"so" joining two clauses, added or dropped (the first one in the line)."""
    match = re.search(r"(,?) (and|but|so) (?=(?:it|they|we|this|the|our|its)\b)", line)
    if match and not _inside_link(line, match.start()):
        new = " " if match.group(1) else ", "
        yield "comma-" + ("dropped" if match.group(1) else "added"), [
            line[:match.start()] + new.rstrip(" ") + " " + match.group(2) + " " + line[match.end():]]


def _own_forms(line: str, ctx: dict):
    """The model's name written as its repo id, in lower case, or with spaces for its hyphens."""
    spans = _own_name_spans(line, ctx)
    if not spans or not ctx["model_id"]:
        return
    m = spans[0]
    name = m.group(0)
    for label, form in (("repo-id", ctx["model_id"]), ("lower", name.lower()), ("spaced", name.replace("-", " "))):
        if form != name:
            yield label, [line[:m.start()] + form + line[m.end():]]


_SHAPED = re.compile(r"(?<![\w/.`*\[-])(?:[A-Z][a-z]+[A-Z]\w*|[A-Z][a-z]{2,})(?![\w/`*\]-])")


def _swap_shape(line: str, ctx: dict):
    """A capitalised or CamelCase name that is someone else's (an app, a toolkit, a company), for an invented one
    of the same shape."""
    for match in _SHAPED.finditer(line):
        if match.start() == 0 or _inside_link(line, match.start()) or line[:match.start()].rstrip().endswith(
                (".", "!", "?", ":", "#", "-", "*", "|")):
            continue  # a capital that only opens a sentence or an item is no name
        word = match.group(0)
        if word.lower() in _COMMON_WORDS or whose(word, ctx["names"]) != "other":
            continue
        invented = "ZenTrix" if any(c.isupper() for c in word[1:]) else "Zentrix"
        yield "swap-shaped-name", [line[:match.start()] + invented + line[match.end():]]
        return


REWRITES: tuple[tuple[str, Rewrite], ...] = (
    ("spelling", _spelling), ("markup", _mention_markup), ("name-markup", _subject_markup), ("swap-name", _swap_name),
    ("own-name", _own_name), ("head-noun", _head_noun), ("adverb", _adverb), ("leading-clause", _leading),
    ("structure", _structure), ("case", _case), ("emoji", _emoji), ("contraction", _contraction),
    ("quotes", _quotes), ("wrap", _wrap), ("decoration", _decoration), ("comma", _comma), ("own-forms", _own_forms),
    ("swap-shaped", _swap_shape), ("neighbour", _neighbour))


_VARIANT = re.compile(r"(?:chat|instruct|base|code|coder|model|large|small|medium|mini|tiny|hf|gguf|gptq|awq|"
                      r"uncased|cased|finetuned|fine|tuned|merged|lora|sft|dpo|delta|diff|sharded|v\d.*|\d.*)", re.IGNORECASE)


def renamed(body: str, model_id: str) -> tuple[str, str] | None:
    """The card with its model renamed everywhere: the longest distinctive word of the repo name (not a size, a
    variant word or a base family's name) becomes "Zentrix" in the id and in the text, in the same case."""
    org, _, name = model_id.rpartition("/")
    families = base_families()
    words = [w for w in re.split(r"[-_.\s]+", name) if len(w) >= 4 and w.isalpha() and not _VARIANT.fullmatch(w)
             and w.lower() not in families and w.lower() not in _COMMON_WORDS]
    if not words:
        return None
    word = max(words, key=len)

    def invented(match: re.Match[str]) -> str:
        found = match.group(0)
        return "ZENTRIX" if found.isupper() else "Zentrix" if found[:1].isupper() else "zentrix"

    pattern = re.compile(rf"(?<![A-Za-z]){re.escape(word)}(?![a-z])", re.IGNORECASE)
    return pattern.sub(invented, body), f"{org}/{pattern.sub(invented, name)}"
