"""Card-metadata matchers: terms known from the card's `base_model`, `tags` and `license_link` without a license text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

from auditor.engine.families import (base_family_key, family_detection, family_publishers, family_title,
                                     load_base_families)
from auditor.engine.catalog import entry_detection, load_catalog
from auditor.engine.labels import resolve_label
from auditor.cards.terms.restrictive import DOUBT
from auditor.engine.restrictions import find_restrictions
from auditor.models import Detection, Evidence, LicenseClass


_HUB_FILE_URL = re.compile(r"^https?://(?:www\.)?(?:huggingface\.co|hf\.co)/([^/]+)/([^/]+)/(?:blob|resolve|raw)/")
#: License pages whose address says which license they are: Creative Commons, OSI, Apache.
_LICENSE_URLS = tuple((re.compile(p, re.IGNORECASE), template) for p, template in (
    (r"creativecommons\.org/licenses/([a-z-]+)/(\d\.\d)", r"cc-\1-\2"),
    (r"creativecommons\.org/publicdomain/zero/(\d\.\d)", r"cc0-\1"),
    (r"opensource\.org/licen[cs]es?/([\w.+-]+?)(?:\.php|\.html)?/?$", r"\1"),
    (r"apache\.org/licenses/LICENSE-(\d\.\d)", r"apache-\1"),
))
_GENERIC_SLUG = re.compile(r"^(?:licen[cs]es?|terms|copying|legal|main|master|blob|file|view|model)$", re.IGNORECASE)


def declared_base_detections(metadata: Mapping[str, Any] | None, file: str | None = "README.md") -> list[Detection]:
    """`base_model: meta-llama/Llama-2-7b-hf`: a declared base of a well-known restrictive family, known without
    asking the Hub (lineage reads the base's own card when it can); without one, a family named in the `tags`."""
    raw = metadata.get("base_model") if isinstance(metadata, Mapping) else None
    found: list[Detection] = []
    for value in raw if isinstance(raw, list) else [raw]:
        if not isinstance(value, str):
            continue
        name = value.strip().rstrip("/").split("/")[-1][:200]  # the repo name, not the uploader ("llama-lover/x")
        key = base_family_key(name, repo_id=value.strip())
        if key is not None:
            found.append(family_detection("card-base-model", key, Evidence("card-metadata", f"base_model: {value}", file),
                                          confidence=0.7, reason=f"built on {value}, a model under {family_title(key)}, "
                                          "whose terms pass on"))
    tags = metadata.get("tags") if isinstance(metadata, Mapping) and not found else None
    names = [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []
    for pattern, key in load_base_families():  # most specific family first ("llama-3.1" before "llama")
        tag = next((t for t in names if pattern.search(t)), None)
        if tag is not None:
            found.append(family_detection("card-base-tag", key, Evidence("card-metadata", f"tags: {tag}", file),
                                          confidence=0.5, reason=f"the card's tags name {tag!r}, a model family under "
                                          f"{family_title(key)}, whose terms pass on to derivatives"))
            break
    return found


def model_id_detections(model_id: str | None) -> list[Detection]:
    """A repo whose own name names a restrictive family ("someone/llama2-13b-megacode2"): a derivative of it, whose
    terms pass on whatever its `license:` says; not a repo of the family's own publisher, whose card sets the terms."""
    uploader, _, name = (model_id or "").rstrip("/").rpartition("/")
    found = next(((key, publishers) for (pattern, key), publishers in zip(load_base_families(), family_publishers())
                  if pattern.search(name[:200])), None) if name else None
    if found is None or uploader.lower() in found[1]:
        return []  # the family's own publisher sets its terms in the card
    key = found[0]
    return [family_detection("model-id-family", key, Evidence("hub-metadata", f"model id: {model_id}", None), confidence=0.5,
                             reason=f"the model's name says it is a {family_title(key)} model, whose terms pass on")]


def license_link_detections(link: str | None, file: str | None = "README.md") -> list[Detection]:
    """`license_link` to a page or file that names its license ("…/jamba-open-model-license",
    "…/Tongyi%20Qianwen%20LICENSE%20AGREEMENT"), or to the LICENSE of a well-known model ("…/meta-llama/Llama-2-7b/…")."""
    if not link or "://" not in link:
        return []
    evidence = Evidence("card-metadata", f"license_link: {link[:300]}", file)
    hub = _HUB_FILE_URL.match(link)
    if hub:
        key = base_family_key(hub.group(2), repo_id=f"{hub.group(1)}/{hub.group(2)}")
        if key is None:
            return []
        return [family_detection("card-license-link", key, evidence, confidence=0.6,
                                 reason=f"the card's license is the file of {hub.group(1)}/{hub.group(2)}, under {family_title(key)}")]
    known = next((m.expand(template) for pattern, template in _LICENSE_URLS for m in [pattern.search(link)] if m), None)
    slug = known or unquote(urlsplit(link).path.rstrip("/").rsplit("/", 1)[-1]).rsplit(".", 1)[0]
    label = resolve_label(slug) if known or (len(slug) > 6 and not _GENERIC_SLUG.match(slug)) else None
    if label is None and not known:
        family = _family_page(link)
        if family is not None:
            return [family_detection("card-license-link", family, evidence, confidence=0.6,
                                     reason=f"the card's license is a page of {family_title(family)}")]
    if label is None or (label.hub is not None and label.hub.key is None):
        return []
    if label.key is not None:
        return [entry_detection("card-license-link", load_catalog()[label.key], evidence, confidence=0.6)]
    if label.judgement is LicenseClass.UNKNOWN:
        return []
    return [Detection("card-license-link", label.judgement, evidence, name=slug, confidence=0.6, reason=label.reason)]


#: A path segment that is a license page's own name ("…/gemma/terms", "…/llama3_1/license/", "…/llama3_2/LICENSE").
_LICENSE_SEGMENT = re.compile(r"^(?:licen[cs]es?|terms(?:[-_]of[-_]use)?|use[-_]polic(?:y|ies)|agreement)$", re.IGNORECASE)


def _family_page(link: str) -> str | None:
    """The license key of a well-known family named by the path segment just before a license page's own name
    ("https://www.llama.com/llama3_1/license/": Llama 3.1); not a family anywhere else in the address (a repo
    "someone/llama-tools/blob/main/LICENSE" is a tool's license), nor a family whose versions have other terms named
    without its version ("…/llama/license/")."""
    segments = [unquote(s) for s in urlsplit(link).path.split("/") if s]
    for before, segment in zip(segments, segments[1:]):
        if _LICENSE_SEGMENT.match(segment.rsplit(".", 1)[0]):
            name = re.sub(r"(?<=\d)_(?=\d)", ".", before)  # "llama3_1" is Llama 3.1
            key = base_family_key(name)
            versions = {base_family_key(f"{name}-{n}") for n in range(1, 5)} - {None}
            return key if key is not None and versions <= {key} else None  # "…/llama/license/": which Llama?
    return None


#: A tag that describes a license of its own, not a task or a format ("license:apache-2.0" is the Hub's copy of the id).
_TAG_PREFIX = re.compile(r"^(?:license|region|arxiv|base_model|dataset|doi|language)\s*:", re.IGNORECASE)


def restrictive_tags(metadata: Mapping[str, Any] | None, file: str | None = "README.md") -> list[Detection]:
    """A tag a restriction detector flags ("non-commercial", "research-only"): the card describes its terms so, which
    no tag can prove. Unknown, never OSI-approved beside it: classify treats it as a doubt."""
    tags = metadata.get("tags") if isinstance(metadata, Mapping) else None
    for tag in tags[:200] if isinstance(tags, list) else []:
        if not isinstance(tag, str) or len(tag) > 60 or _TAG_PREFIX.match(tag):
            continue
        hits = find_restrictions(re.sub(r"[-_]+", " ", tag) + ".")
        if hits:
            return [Detection(DOUBT, LicenseClass.UNKNOWN, Evidence("card-metadata", f"tags: {tag}", file),
                              name="a possible restriction stated in the card", confidence=0.4,
                              reason=f"the card's tags say {tag!r} ({hits[0].description}); check whether it binds the model")]
    return []
