"""CycloneDX 1.6 ML-BOM (JSON): one machine-learning-model component per model, built with cyclonedx-python-lib."""

from __future__ import annotations

import datetime as dt
import json
import uuid
import warnings
from typing import Any

from cyclonedx.model import ExternalReference, ExternalReferenceType, Property, XsUri
from cyclonedx.model.bom import Bom, BomMetaData
from cyclonedx.model.component import Component, ComponentType, Pedigree
from cyclonedx.model.dependency import Dependency
from cyclonedx.model.license import DisjunctiveLicense, LicenseAcknowledgement
from cyclonedx.model.tool import ToolRepository
from cyclonedx.output import make_outputter
from cyclonedx.schema import OutputFormat, SchemaVersion
from cyclonedx.spdx import fixup_id, is_supported_id
from packageurl import PackageURL

from auditor.render.links import endpoint_base, file_url, model_url

#: Namespace of our properties (documented in docs/CONTRACTS.md).
NS = "hf-license-audit"


def build(feed: dict[str, Any]) -> Bom:
    """The BOM of a feed: the verdicts are the feed's, only mapped to CycloneDX fields."""
    ids = {m["id"] for m in feed["models"]}
    components = [_component(feed, m) for m in feed["models"]]
    bom = Bom(
        serial_number=uuid.uuid5(uuid.NAMESPACE_URL, "\n".join(
            [NS, str(feed["endpoint"]), feed["generated_at"], *(f"{m['id']}@{m['sha']}" for m in feed["models"])])),
        metadata=BomMetaData(
            timestamp=_timestamp(feed["generated_at"]),
            tools=ToolRepository(components=[Component(type=ComponentType.APPLICATION, name="hf-license-auditor",
                                                       version=feed["tool_version"], bom_ref="tool:hf-license-auditor")]),
            properties=[
                Property(name=f"{NS}:endpoint", value=str(feed["endpoint"])),
                Property(name=f"{NS}:rules-version", value=feed["rules_version"]),
                Property(name=f"{NS}:spdx-list-version", value=feed["spdx_list_version"]),
                *(Property(name=f"{NS}:target", value=f"{t['kind']}:{t['name']}") for t in feed["targets"]),
                *(Property(name=f"{NS}:target-error", value=f"{t['name']}: {t['error']['code']}: {t['error']['message']}")
                  for t in feed["targets"] if t["error"]),
            ],
        ),
        components=components,
    )
    by_id = {m["id"]: c for m, c in zip(feed["models"], components)}
    for model, component in zip(feed["models"], components):
        bases = [by_id[b].bom_ref for b in model.get("base_models", []) if b in ids]
        bom.dependencies.add(Dependency(ref=component.bom_ref, dependencies=[Dependency(ref=r) for r in bases]))
    return bom


def render(feed: dict[str, Any]) -> str:
    """The BOM as CycloneDX 1.6 JSON (trailing newline)."""
    outputter = make_outputter(build(feed), OutputFormat.JSON, SchemaVersion.V1_6)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "no metadata.component": a BOM of an audit has no single subject
        text = outputter.output_as_string(indent=2)
    data = json.loads(text)
    head = {k: data.pop(k) for k in ("$schema", "bomFormat", "specVersion", "serialNumber", "version") if k in data}
    return json.dumps({**head, **data}, indent=2, ensure_ascii=False) + "\n"


def _timestamp(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def _purl(model_id: str, sha: str | None) -> PackageURL:
    org, _, name = model_id.partition("/")
    return PackageURL(type="huggingface", namespace=org or None, name=name or org, version=sha.lower() if sha else None)


def _component(feed: dict[str, Any], model: dict[str, Any]) -> Component:
    purl = _purl(model["id"], model["sha"])
    org, _, name = model["id"].partition("/")
    link = model_url(feed["endpoint"], model["id"])
    ancestors = [Component(type=ComponentType.MACHINE_LEARNING_MODEL, name=b.partition("/")[2] or b,
                           group=b.partition("/")[0] if "/" in b else None, purl=_purl(b, None),
                           bom_ref=f"ancestor:{model['id']}:{b}")
                 for b in model.get("base_models", [])]
    properties = [
        Property(name=f"{NS}:class", value=model["classification"]),
        Property(name=f"{NS}:flagged", value="true" if model["flagged"] else "false"),
        *([Property(name=f"{NS}:flag-severity", value=model["flag_severity"])] if model["flag_severity"] else []),
        *([Property(name=f"{NS}:matcher", value=model["license"]["matcher"])] if model["license"]["matcher"] else []),
        *([Property(name=f"{NS}:reason", value=model["license"]["reason"])] if model["license"]["reason"] else []),
        *(Property(name=f"{NS}:osd", value=clause) for clause in model["license"]["osd"]),
        *(Property(name=f"{NS}:finding", value=f"{f['code']} ({f['severity']}"
                   + (", suppressed" if f.get("suppressed") else "") + f"): {f['message']}")
          for f in model["findings"]),
        *(Property(name=f"{NS}:error", value=f"{e['code']}: {e['message']}") for e in model["errors"]),
    ]
    return Component(
        type=ComponentType.MACHINE_LEARNING_MODEL,
        name=name or org,
        group=org if name else None,
        version=model["sha"],
        purl=purl,
        bom_ref=purl.to_string() if model["sha"] else f"model:{model['id']}",
        licenses=[*_declared(feed, model), *_concluded(feed, model)],
        pedigree=Pedigree(ancestors=ancestors) if ancestors else None,
        properties=properties,
        external_references=_references(link),
    )


def _references(link: str | None) -> list[ExternalReference]:
    return [ExternalReference(type=ExternalReferenceType.WEBSITE, url=XsUri(link))] if link else []


def _declared(feed: dict[str, Any], model: dict[str, Any]) -> list[DisjunctiveLicense]:
    """What the card declares: an SPDX id only when the value is one, else a named license."""
    lic = model["license"]
    out = []
    for value in lic["declared"]:
        spdx = fixup_id(value)
        if spdx:
            out.append(DisjunctiveLicense(id=spdx, acknowledgement=LicenseAcknowledgement.DECLARED))
            continue
        name = lic["license_name"] if value == "other" and lic["license_name"] else value
        url = _link(feed, model) if value == "other" else None
        out.append(DisjunctiveLicense(name=name, url=XsUri(url) if url else None,
                                      acknowledgement=LicenseAcknowledgement.DECLARED))
    return out


def _link(feed: dict[str, Any], model: dict[str, Any]) -> str | None:
    """The card's license_link as a URL: absolute http(s) as it is, a repo path as the file at the commit."""
    link = model["license"]["license_link"]
    if not isinstance(link, str) or not link.strip():
        return None
    if endpoint_base(link):
        return link
    if ":" in link or link.startswith(("/", ".")) or any(c.isspace() for c in link):  # another scheme, or odd
        return None
    return file_url(feed["endpoint"], model["id"], model["sha"], link)


def _concluded(feed: dict[str, Any], model: dict[str, Any]) -> list[DisjunctiveLicense]:
    """The governing terms the audit concluded (none when the verdict is unknown without a license)."""
    lic = model["license"]
    if not lic["key"] and not lic["spdx"]:
        return []
    if lic["spdx"] and is_supported_id(lic["spdx"]):
        return [DisjunctiveLicense(id=lic["spdx"], acknowledgement=LicenseAcknowledgement.CONCLUDED)]
    source = _text_source(feed, model)
    properties = [Property(name=f"{NS}:license-key", value=lic["key"])] if lic["key"] else []
    if lic["spdx"]:
        properties.append(Property(name=f"{NS}:license-ref", value=lic["spdx"]))
    if source[1]:
        properties.append(Property(name=f"{NS}:license-source", value=source[1]))
    return [DisjunctiveLicense(name=lic["name"] or lic["spdx"] or lic["key"], url=XsUri(source[0]) if source[0] else None,
                               acknowledgement=LicenseAcknowledgement.CONCLUDED, properties=properties)]


def _text_source(feed: dict[str, Any], model: dict[str, Any]) -> tuple[str | None, str | None]:
    """(URL, description) of where the governing terms were read: the deciding file, else the card's license_link."""
    lic = model["license"]
    deciding = next((d for d in lic["detected"] if d["matcher"] == lic["matcher"] and d["decides"]), None)
    evidence = deciding["evidence"] if deciding else None
    if evidence and evidence.get("file"):
        where = evidence["file"] + (f" line {evidence['line']}" if evidence.get("line") else "")
        return file_url(feed["endpoint"], model["id"], model["sha"], evidence["file"]), f"{where} ({evidence['source']})"
    if evidence:
        return None, f"{evidence['source']}: {evidence['quote'][:200]}"
    link = _link(feed, model)
    return link, "license_link" if link else None
