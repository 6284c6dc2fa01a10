"""Card-metadata matchers: terms known from the card's `base_model`, `tags` and `license_link` without a license text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

from auditor.engine.catalog import base_family_key, entry_detection, load_base_families, load_catalog, resolve_label
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
    catalog = load_catalog()
    found: list[Detection] = []
    for value in raw if isinstance(raw, list) else [raw]:
        if not isinstance(value, str):
            continue
        name = value.strip().rstrip("/").split("/")[-1][:200]  # the repo name, not the uploader ("llama-lover/x")
        key = base_family_key(name)
        if key is not None:
            found.append(entry_detection("card-base-model", catalog[key], Evidence("card-metadata", f"base_model: {value}", file),
                                         confidence=0.7, reason=f"built on {value}, a model under {catalog[key].name}, "
                                         "whose terms pass on"))
    tags = metadata.get("tags") if isinstance(metadata, Mapping) and not found else None
    names = [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []
    for pattern, key in load_base_families():  # most specific family first ("llama-3.1" before "llama")
        tag = next((t for t in names if pattern.search(t)), None)
        if tag is not None:
            found.append(entry_detection("card-base-tag", catalog[key], Evidence("card-metadata", f"tags: {tag}", file),
                                         confidence=0.5, reason=f"the card's tags name {tag!r}, a model family under "
                                         f"{catalog[key].name}, whose terms pass on to derivatives"))
            break
    return found


def license_link_detections(link: str | None, file: str | None = "README.md") -> list[Detection]:
    """`license_link` to a page or file that names its license ("…/jamba-open-model-license",
    "…/Tongyi%20Qianwen%20LICENSE%20AGREEMENT"), or to the LICENSE of a well-known model ("…/meta-llama/Llama-2-7b/…")."""
    if not link or "://" not in link:
        return []
    evidence = Evidence("card-metadata", f"license_link: {link[:300]}", file)
    hub = _HUB_FILE_URL.match(link)
    if hub:
        key = base_family_key(hub.group(2))
        if key is None:
            return []
        entry = load_catalog()[key]
        return [entry_detection("card-license-link", entry, evidence, confidence=0.6,
                                reason=f"the card's license is the file of {hub.group(1)}/{hub.group(2)}, under {entry.name}")]
    known = next((m.expand(template) for pattern, template in _LICENSE_URLS for m in [pattern.search(link)] if m), None)
    slug = known or unquote(urlsplit(link).path.rstrip("/").rsplit("/", 1)[-1]).rsplit(".", 1)[0]
    label = resolve_label(slug) if known or (len(slug) > 6 and not _GENERIC_SLUG.match(slug)) else None
    if label is None or (label.hub is not None and label.hub.key is None):
        return []
    if label.key is not None:
        return [entry_detection("card-license-link", load_catalog()[label.key], evidence, confidence=0.6)]
    if label.judgement is LicenseClass.UNKNOWN:
        return []
    return [Detection("card-license-link", label.judgement, evidence, name=slug, confidence=0.6, reason=label.reason)]
