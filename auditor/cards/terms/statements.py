"""License statements in one card line: a license named by its title or id, described ("a custom license"), named by
what it restricts, or said of another model (a doubt)."""

from __future__ import annotations

import dataclasses
import re

from auditor.cards.terms.aboutness import about_other_things, former_terms, open_source_of_another, said_of_something_else
from auditor.cards.terms.bases import CJK_SEAM
from auditor.cards.terms.scratch import names_this_model
from auditor.cards.terms.inherited import family_terms
from auditor.cards.terms.clauses import earlier_release, version_unplaced
from auditor.cards.terms.restrictive import ABOUT_WEIGHTS, DOUBT
from auditor.engine.catalog import entry_detection, load_catalog
from auditor.engine.families import any_base_family, names_a_family
from auditor.engine.labels import judged_title, resolve_label
from auditor.engine.references import find_named_terms, find_references, known_license_family
from auditor.models import Detection, Evidence, LicenseClass

#: A license written for data (its catalog name says so: Community Data License, Open Data Commons, Computational Use
#: of Data), named in prose: the training data's terms unless the clause speaks of the model or its weights.
#: A license in parentheses right after another repo's id ("… Helsinki-NLP/opus-mt-en-fr (CC-BY-4.0)"): that repo's.
_REPO_ASIDE = re.compile(r"(?<=[\w.-]/[\w.-])(?:[\w.-]*)\s*\([^()]{1,60}\)")
_DATA_LICENSE = re.compile(r"\bData\b")
_MODIFIED = re.compile(r"\b(?:modified|variant|derived|based on|adapted|inspired|similar to|version of)\b"
                       r"(?!\s+(?:from\s+|on\s+|by\s+)?(?:the\s+)?(?!(?:GPL|LGPL|AGPL|CC|MPL|EPL|BSD|MIT|Apache|OpenRAIL)\b)"
                       r"(?-i:[A-Z])[\w.]*[-\d][\w.-]*)", re.IGNORECASE)  # not "derived from Qwen2.5-Math-7B (Apache-2.0)": a model


#: The verb of a license statement; what stands before it is what the statement is about.
_LICENSING_VERB = re.compile(r"\b(?:is|are|was|were|has\s+been|have\s+been|remains?)\s+(?:\w+\s+)?(?:licensed|released|distributed|"
                             r"published|available|provided|governed|covered|subject|open[- ]?sourced?)\b|\b(?:(?-i:uses?)|follows?|comes?\s+with|ships?\s+with)\b",
                             re.IGNORECASE)
_THIS_SUBJECT = re.compile(r"\b(?:this|our|these|its)\b|\bwe\b|\bthe\s+(?:model|weights|checkpoints?|release)\b|本模型|我们|"
                           r"\bthe\s+(?:real|actual|true|governing|applicable|binding)\s+(?:terms|licen[cs]es?)\b", re.IGNORECASE)
#: The name of a doubt raised by another model's license ("Llama 2 is licensed under …"): a from-scratch statement clears it.
OTHERS_TERMS = "another model's license"


def _family_subject(clause: str, model_id: str | None) -> str | None:
    """"Llama 2 is licensed under the Llama 2 Community License" (the clause without the license's name): the family
    the license statement is about, when it is a well-known family and not this model (by "this"/"our"/"we" or by its name)."""
    verb = _LICENSING_VERB.search(clause)
    subject = CJK_SEAM.sub(" ", clause[:verb.start()]) if verb else ""
    if not subject.strip() or _THIS_SUBJECT.search(subject) or names_this_model(subject, model_id) or not names_a_family(subject):
        return None
    named = any_base_family().search(subject)
    return named.group(0) if named else None


def _others_terms(family: str, license_name: str, evidence: Evidence) -> Detection:
    """A doubt, not the model's terms: the card says which license another model has."""
    return Detection(DOUBT, LicenseClass.UNKNOWN, evidence, name=OTHERS_TERMS, confidence=0.4,
                     reason=f"the card says {family} is under {license_name}; if this model is built on {family}, "
                            "those terms apply to it too: check its base")


#: A license's title: capitalised words ending in License/Agreement/Terms ("Acme Community License").
_TITLE = r"(?:[A-Z0-9][\w.+-]*\s+){1,6}(?:License|Licence|LICENSE|Agreement|Terms(?: of Use)?)"
#: "released under the Acme Community License", "you must accept the Acme Model Agreement": a license named by its
#: title that the catalog does not know.
_UNKNOWN_LICENSE = re.compile(r"(?:\b(?:released|licensed|distributed|published|available|provided)\s+(?:separately\s+|only\s+|exclusively\s+)?"
                              r"under|\b(?:accept(?:ing|s)?|agree(?:ing|s)?\s+to|sign(?:ing|s)?))\s+(?:the\s+|a\s+|an\s+|our\s+)?"
                              rf"({_TITLE})\b")
#: The same in Chinese: "您同意遵守《Acme 模型使用协议》" (an agreement named in title marks).
_UNKNOWN_LICENSE_CJK = re.compile(r"(?:同意|遵守|接受|遵循)[^。；\n]{0,10}《([^》]{2,40}?(?:协议|许可证?|条款|规范|协定))》")
#: Tried last, when no other matcher named the terms: this model or its weights "subject to" / "governed by" a titled
#: license ("The weights are subject to the Acme Model License"), and 遵守 a Latin-named license without title marks.
_SUBJECT_TO = re.compile(r"(?i:(?:(?<!by )\b(?:this|the|our)\s+(?:[\w-]+\s+)?(?:model|weights|checkpoints?|release)s?|\buse\s+of\s+(?:this|the|our)\s+"
                         r"(?:[\w-]+\s+)?(?:model|weights)s?|^\W*(?P<own>(?:the\s+use\s+of\s+)?[\w.-]+))\s+(?:is|are|remains?|shall\s+be|will\s+be)\s+(?:also\s+)?"
                         r"(?:(?:subject|bound)\s+to|(?:governed|covered)\s+by))\s+(?:the\s+|our\s+)?"
                         rf"({_TITLE})\b")
_BARE_CJK = re.compile(r"(?:遵守|遵循|服从)\s*((?-i:[A-Z])[A-Za-z0-9.-]*(?:\s+[A-Za-z0-9.-]+){0,2})\s*(?:模型)?(?:许可协议|使用协议|许可证)")
_GENERIC_NAME = re.compile(r"(?:(?:Open|Source|Open-Source|Same|Original|Following|Custom|Model|Community|Permissive|Commercial)\s+)*"
                           r"(?:License|Licence|LICENSE|Agreement|Terms(?: of Use)?)", re.IGNORECASE)


_PLATFORM = re.compile(r"(?:Hugging\s*Face|HF|GitHub|Hub|Platform|Website|Site)\b", re.IGNORECASE)  # a site's terms, not the model's


def _without_name(clause: str, name: str) -> str:
    """The clause without the license's own name, whose words ("Data" Agreement, "Modified" MIT) say nothing of it."""
    words = re.sub(r"\s*\(.*$", "", name).split()
    pattern = r"[\s,_-]+".join(re.escape(w) for w in words)
    return re.sub(pattern, " ", clause, flags=re.IGNORECASE) if words else clause


def license_statements(line: str, number: int, named: bool = False, model_id: str | None = None) -> list[Detection]:
    """"This model is released under the Llama 3 Community License" (not "the code is under Apache-2.0", nor "Llama 2
    is licensed under the Llama 2 Community License": a doubt); with `named` (a line of the License section), a bare
    license name counts too ("CC BY-NC 4.0")."""
    listed = _LISTED.match(line)
    if listed:  # "licenses: - apache-2.0 - llama3.1", a displaced front matter's list: every value counts
        return [d for value in _LISTED_VALUE.findall(listed.group(1))[:20] for d in _listed_value(value, line, number)]
    catalog = load_catalog()
    found: list[Detection] = []
    for ref in find_references(line, number, named=named):
        entry = catalog[ref.key]
        if said_of_something_else(ref.quote, ref.clause, _without_name(ref.clause, entry.name),
                                   lambda text: any(r.key == ref.key for r in find_references(text, number, named=named)), model_id):
            if entry.classification is LicenseClass.CUSTOM_RESTRICTED and version_unplaced(line, ref.clause, model_id):
                found.append(Detection(DOUBT, LicenseClass.UNKNOWN, Evidence("card-text", ref.quote, "README.md", ref.line),
                                       name="a license of a version of the model", confidence=0.4,
                                       reason=f"the card says a version of the model is under {entry.name}, and does not say "
                                              "which version this one is: check whether it is this release"))
            continue
        if open_source_of_another(ref.clause, ref.quote, model_id):
            continue  # "Our training framework is open source under Apache 2.0": only this model's is its licence
        said_of = _without_name(ref.clause, entry.name)
        if former_terms(ref.quote, lambda text: any(r.key == ref.key for r in find_references(text, number, named=True))):
            continue  # "the licence of the weights changed from CC BY-NC 4.0 to Apache 2.0": no longer the terms
        if _REPO_ASIDE.search(ref.clause) and not any(r.key == ref.key for r in find_references(
                _REPO_ASIDE.sub(" ", ref.clause), number, named=True)):
            continue  # "Based on Helsinki-NLP/opus-mt-en-fr (CC-BY-4.0).": the license of the repo it names
        if _DATA_LICENSE.search(entry.name) and re.search(r"\w", said_of) and not ABOUT_WEIGHTS.search(said_of):
            continue  # "TinyStories itself is CDLA-Sharing-1.0": a data license said of something is the data's
        family = _family_subject(_without_name(ref.clause, entry.name), model_id)
        if family:
            found.append(_others_terms(family, entry.name, Evidence("card-text", ref.quote, "README.md", ref.line)))
            continue
        evidence = Evidence("card-text", ref.quote, "README.md", ref.line)
        if _MODIFIED.search(_without_name(ref.clause, entry.name)):
            found.append(Detection("card-text-license", LicenseClass.UNKNOWN, evidence, name=f"a modified {entry.name}",
                                   confidence=0.6, reason=f"the card says its terms are a modified {entry.name}"))
        else:
            found.append(entry_detection("card-text-license", entry, evidence, confidence=0.8))
    named_terms = find_named_terms(line, number, named=named)
    unknown = None if found or named_terms else (_UNKNOWN_LICENSE.search(line)
                                                 or (None if line.isascii() else _UNKNOWN_LICENSE_CJK.search(line)))
    title = unknown.group(1) if unknown else ""
    if unknown and not about_other_things(line[:unknown.start()]) and not _GENERIC_NAME.fullmatch(title) and not _PLATFORM.match(title) \
            and not known_license_family(title):
        found.append(Detection("card-text-license", LicenseClass.UNKNOWN,
                               Evidence("card-text", " ".join(line.split())[:300], "README.md", number),
                               name=title, confidence=0.5,
                               reason=f"the card says the model is under {title!r}, a license the catalog does not know"))
    if not found and not named_terms and not unknown:
        found += _field_label(line, number, bare=named) or ([] if about_other_things(line) else family_terms(line, number)) \
            or _restrictive_license(line, number) or _unnamed_license(line, number) or _titled_terms(line, number, model_id)
    for terms in named_terms:
        if former_terms(terms.quote, lambda text: any(t.name == terms.name for t in find_named_terms(text, number, named=True))):
            continue
        if said_of_something_else(terms.quote, terms.clause, terms.clause,
                                   lambda text: any(t.name == terms.name for t in find_named_terms(text, number, named=named)), model_id):
            continue
        family = _family_subject(_without_name(terms.clause, terms.name), model_id)
        if family:
            found.append(_others_terms(family, terms.name, Evidence("card-text", terms.quote, "README.md", terms.line)))
            continue
        found.append(Detection("card-text-license", terms.classification, Evidence("card-text", terms.quote, "README.md", terms.line),
                               name=terms.name, confidence=0.7, reason=terms.reason))
    return found


_LISTED = re.compile(r"^\s*licen[cs]es?\s*:((?:\s+-\s+\S+)+)\s*$", re.IGNORECASE)
_LISTED_VALUE = re.compile(r"-\s+['\"]?([^\s'\"]+)")


def _listed_value(value: str, line: str, number: int) -> list[Detection]:
    """One value of a license list: its license, or `unknown` when it names none the catalog knows (`other`)."""
    found = license_statements(f"License: {value}", number, named=True)
    if found:
        return [dataclasses.replace(d, evidence=Evidence("card-text", " ".join(line.split())[:300], "README.md", number))
                for d in found]
    return [Detection("card-text-license", LicenseClass.UNKNOWN, Evidence("card-text", " ".join(line.split())[:300], "README.md", number),
                      name=value[:100], confidence=0.6, reason=f"the card lists {value[:100]!r} among its licenses, which names no known license")]


#: A license named by what it restricts ("released under a non-commercial license").
_RESTRICTIVE_LICENSE = re.compile(r"\b(?:non-?commercial|research[- ]only|research|academic|non-?production|evaluation)"
                                  r"(?:[- ]use)?(?:[- ]only)?\s+licen[cs]e\b", re.IGNORECASE)


#: A license the card describes but does not name ("released under a custom license", "our own license"): the declared id
#: may not be the weights' terms. A proprietary or closed one is no open license at all.
_UNNAMED_LICENSE = re.compile(r"\b(?:released|licensed|distributed|published|available|provided|governed|covered|uses?)\s+"
                              r"(?:separately\s+)?(?:(?:under|by)\s+)?(?:a|an|our|its|their)\s+(?:own\s+)?"
                              r"(custom|proprietary|closed|own|separate|bespoke|special|non-standard|commercial)\s+(?:[\w-]+\s+){0,2}?"
                              r"(?:licen[cs]e|terms|agreement)\b", re.IGNORECASE)
_CLOSED = ("proprietary", "closed")


def _unnamed_license(line: str, number: int) -> list[Detection]:
    """"The weights are released under a custom license": `unknown` (deciding) beside any declared id; "a proprietary
    license": restricted."""
    found = _UNNAMED_LICENSE.search(line)
    if not found or about_other_things(line[:found.start()]):
        return []
    kind = found.group(1).lower()
    kind = "custom" if kind == "own" else kind  # "our own license"
    closed = kind in _CLOSED
    return [Detection("card-text-license", LicenseClass.CUSTOM_RESTRICTED if closed else LicenseClass.UNKNOWN,
                      Evidence("card-text", " ".join(line.split())[:300], "README.md", number), name=f"a {kind} license",
                      confidence=0.5, osd=("1",) if closed else (),
                      reason=f"the card says the model is under a {kind} license it does not name"
                             + ("" if closed else "; the declared license may not be the weights' terms"))]


def _titled_terms(line: str, number: int, model_id: str | None) -> list[Detection]:
    """A license this model is "subject to" by its title, or 遵守 by a Latin name (`_SUBJECT_TO`, `_BARE_CJK`): the
    catalog's text when the title names one ("DeepSeek 模型许可协议" is the DeepSeek Model License), else `unknown`."""
    said = _SUBJECT_TO.search(line)
    if said and said.group("own") and not names_this_model(said.group("own"), model_id):
        said = None  # "Use of Google Colab is subject to …", "Images generated by the model are subject to …": not its terms
    bare = None if said or line.isascii() else _BARE_CJK.search(line)
    if bare and about_other_things(line[:bare.start()]):
        bare = None  # "训练数据遵守 ODC-By 许可协议": the data's
    title = said.group(2) if said else (bare.group(1) if bare else "")
    if not title or _GENERIC_NAME.fullmatch(title) or _PLATFORM.match(title):
        return []
    evidence = Evidence("card-text", " ".join(line.split())[:300], "README.md", number)
    for name in ((title,) if said else (f"{title} Model License", f"{title} License")):
        refs = find_references(name, number, named=True)
        if refs and refs[0].key in load_catalog():
            return [entry_detection("card-text-license", load_catalog()[refs[0].key], evidence, confidence=0.7)]
    if known_license_family(title):
        return []  # a family's name the catalog cannot pin to one text: the family matchers' to judge
    name = title if said else f"{title} 许可协议"
    return [Detection("card-text-license", LicenseClass.UNKNOWN, evidence, name=name, confidence=0.5,
                      reason=f"the card says the model is under {name!r}, a license the catalog does not know")]


#: "License: openrail++": the value of a License field line, which may be a Hub id or an alias.
_FIELD_VALUE = re.compile(r"^\W*(?:model |weights? )?(?:licen[cs]es?|licença|licencia|licenza|lizenz|licentie|licencja|лицензия|ліцензія)\W{0,4}[:：]\W*([\w.+-]+?(?: [\w.+-]+?){0,5}?)[\s*_`]*"
                          r"(?:\((?:same as|like|as for|following|inherited from|igual (?:a|ao|à)|wie|comme|come)\b[^()]{0,80}\))?[\s*_`.]*$",
                          re.IGNORECASE)  # ("License: MIT (same as the original GPT-2).", never "(code only)")
#: A copyright notice after a License section's value ("MIT. Copyright (c) Microsoft Corporation"): not part of it.
_COPYRIGHT_AFTER = re.compile(r"(?<=[.;])\s+(?:copyright|©|\(c\))(?:\W|$).*$", re.IGNORECASE)
#: A line of the License section that is only a Hub id or alias ("MIT", "`apache-2.0`", "**llama2**").
_BARE_VALUE = re.compile(r"^[\s*_`>-]*([\w.+-]*[\w+-](?: [\w.+-]*[\w+-]){0,3}?)[\s*_`]*(?:[,(]\s*(?:same as|like|as for|following|"
                         r"inherited from)\b[^()]{0,80}\)?)?[\s*_`.]*$", re.IGNORECASE)  # ("MIT.", "MIT, same as the base model.")


def _field_label(line: str, number: int, bare: bool = False) -> list[Detection]:
    """A License field whose value is a Hub id or a known alias, not a title ("- License: openrail++"); with `bare`
    (a line of the License section), a line that is only such a value ("MIT")."""
    value = _FIELD_VALUE.match(line) or (_BARE_VALUE.match(_COPYRIGHT_AFTER.sub("", line)) if bare else None)
    label = resolve_label(value.group(1)) if value else None
    if label is None:
        return []
    evidence = Evidence("card-text", " ".join(line.split())[:300], "README.md", number)
    if label.key is not None and label.key in load_catalog():
        return [entry_detection("card-text-license", load_catalog()[label.key], evidence, confidence=0.7)]
    hub = label.hub
    if hub is not None and hub.classification is LicenseClass.CUSTOM_RESTRICTED:
        return [Detection("card-text-license", hub.classification, evidence, name=hub.hub_id, confidence=0.6, osd=hub.osd,
                          reason=hub.reason)]
    if label.judgement is LicenseClass.CUSTOM_RESTRICTED:
        return [Detection("card-text-license", label.judgement, evidence, name=judged_title(label.reason, value.group(1)),
                          confidence=0.6, reason=label.reason)]
    return []


def _restrictive_license(line: str, number: int) -> list[Detection]:
    """"Released under a research-only license": restricted, whatever its title, by what the card says of it."""
    named = _RESTRICTIVE_LICENSE.search(line)
    clause_start = max(line.rfind(";", 0, named.start()), line.rfind(". ", 0, named.start())) + 1 if named else 0
    if not named or about_other_things(line[:named.start()]) or earlier_release(line[clause_start:named.start()]):
        return []  # "v1 was released under a non-commercial license; v2 is Apache-2.0"
    return [Detection("card-text-license", LicenseClass.CUSTOM_RESTRICTED,
                      Evidence("card-text", " ".join(line.split())[:300], "README.md", number), name=f"a {named.group(0)}",
                      confidence=0.6, osd=("6",), reason=f"the card says the model is under a {named.group(0).lower()}")]
