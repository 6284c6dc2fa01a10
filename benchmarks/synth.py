"""Synthetic organization for crawl benchmarks: N model repos in the fake Hub's fixture tree format.

Usage:  python -m benchmarks.synth OUT_DIR --org synth-org --models N [--seed 0]

Writes `OUT_DIR/models/<org>/<name>/` (see docs/CONTRACTS.md) with a realistic mix, deterministic by seed:
model cards (YAML front matter + a 20-60 line body) whose `license` follows roughly the Hub's distribution
(apache-2.0 35%, mit 15%, llama2/llama3/gemma 15%, cc-by-nc-4.0 8%, openrail variants 7%, other+license_name 10%,
none 10%), "open source" claims in about 20% of the cards, license files in about 60% of the repos (the catalog
texts from auditor/data/licenses), USE_POLICY.md for some Llama repos, tiny config/weights placeholders and
3% gated repos. Shared files (license texts, placeholders) are written once under OUT_DIR/_blobs and
hard-linked into each repo, so 20,000 repos take seconds and little disk.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LICENSE_TEXTS = ROOT / "auditor" / "data" / "licenses"

#: (weight, card license id, license text keys a LICENSE file may hold)
MIX: tuple[tuple[float, str | None, tuple[str, ...]], ...] = (
    (0.35, "apache-2.0", ("Apache-2.0",)),
    (0.15, "mit", ("MIT",)),
    (0.05, "llama2", ("llama-2-license-2023",)),
    (0.05, "llama3", ("llama-3-license-2024",)),
    (0.05, "gemma", ("gemma-tou-2024-04-01", "gemma-tou-2025-03-24")),
    (0.08, "cc-by-nc-4.0", ("CC-BY-NC-4.0",)),
    (0.02, "openrail", ("bigscience-open-rail-m",)),
    (0.02, "bigscience-openrail-m", ("bigscience-open-rail-m",)),
    (0.01, "creativeml-openrail-m", ("stable-diffusion-2022-08-22",)),
    (0.01, "bigcode-openrail-m", ("bigcode-open-rail-m-v1",)),
    (0.01, "openrail++", ("bigscience-open-rail-m2",)),
    (0.10, "other", ()),
    (0.10, None, ()),
)
CLAIM_RATE = 0.2
GATED_RATE = 0.03
MISMATCH_RATE = 0.02  # the LICENSE file holds another text than the card says
FILE_NAMES = ("LICENSE",) * 6 + ("LICENSE.md", "LICENSE.txt", "LICENSE.md", "COPYING")

FAMILIES = ("falcon", "kestrel", "heron", "otter", "lynx", "marten", "wren", "sable", "ibex", "tern", "puffin", "vole")
SIZES = ("135m", "360m", "1b", "1.5b", "3b", "7b", "8b", "13b", "34b", "70b")
VARIANTS = ("base", "instruct", "chat", "code", "math", "vision", "embed", "gguf", "awq", "dpo", "sft", "it")
PIPELINES = ("text-generation", "text-classification", "feature-extraction", "image-classification",
             "automatic-speech-recognition", "text-to-image", "token-classification", "sentence-similarity")
LIBRARIES = ("transformers", "diffusers", "sentence-transformers", "peft", "gguf", "timm", "mlx")
LANGUAGES = ("en", "fr", "de", "es", "zh", "ja", "ko", "multilingual")
DATASETS = ("synth-org/webtext-clean", "synth-org/code-mix", "wikipedia", "c4", "the-pile", "openwebtext")
CUSTOM_NAMES = ("synth-research-license", "synth-community-license-v1", "synth-model-license-2024",
                "synth-non-commercial-license", "synth-responsible-ai-license")
CUSTOM_TEXT = """{title}

Copyright (c) 2025 Synth Org. All rights reserved.

1. Grant. Subject to the terms of this Agreement, Synth Org grants you a non-exclusive, worldwide,
non-transferable and royalty-free limited license to use, reproduce and modify the Model{scope}.

2. Restrictions. You may not use the Model or its outputs to develop a competing foundation model,
and you must not use the Model in violation of the Acceptable Use Policy set out in Schedule 1.

3. Attribution. Redistributions must retain this notice and state that the Model was modified.

4. Termination. Synth Org may terminate this Agreement if you breach any of its terms.

5. Disclaimer. THE MODEL IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
"""
USE_POLICY = """# {name} Acceptable Use Policy

{name} is committed to promoting safe and fair use of its tools and features. If you access or use
the model, you agree to this Acceptable Use Policy ("Policy").

## Prohibited Uses

We want everyone to use the model safely and responsibly. You agree you will not use, or allow others
to use, the model to:

1. Violate the law or others' rights, including to engage in, promote, generate, contribute to,
   encourage, plan, incite, or further illegal or unlawful activity or content.
2. Engage in, promote, incite, facilitate, or assist in the planning or development of activities that
   present a risk of death or bodily harm to individuals.
3. Intentionally deceive or mislead others, including generating, promoting, or furthering fraud.
4. Fail to appropriately disclose to end users any known dangers of your AI system.
"""
CLAIMS = (
    "{title} is a fully open source model released for the research community.",
    "We are proud to release {title} as an open-source model.",
    "This open source model can be used freely in your own applications.",
    "{title} is open-source: weights, code and recipes are available.",
    "Our open-sourced weights make {title} easy to adapt to new domains.",
)
DESCRIPTIONS = (
    "{title} is a {size} parameter {variant} model trained by Synth Org.",
    "This repository contains the {variant} checkpoint of {title}.",
    "{title} was fine-tuned from an internal base model on a curated mixture of public and synthetic data.",
    "The model is intended for research on {pipeline} and related tasks.",
    "It supports a context length of {ctx} tokens and uses a byte-level BPE tokenizer.",
    "Weights are provided in safetensors format; quantized variants are published separately.",
    "Evaluation results are reported below; see the technical report for details.",
    "The training run used {gpus} GPUs for about {days} days.",
)
FILLER = (
    "The model may produce inaccurate or biased outputs; review generations before use.",
    "It has not been evaluated for use in high-stakes domains such as medicine or law.",
    "Outputs in languages other than English may be of lower quality.",
    "We recommend filtering prompts and outputs in production deployments.",
    "Training data was deduplicated and filtered for personal information.",
    "Hyperparameters: learning rate 3e-4, cosine schedule, warmup 2000 steps, batch size 1M tokens.",
    "The tokenizer has a vocabulary of 64k entries shared with the base model.",
    "Mixed precision (bf16) training with FSDP across {gpus} accelerators.",
    "Benchmarks were run with the lm-evaluation-harness at its default settings.",
    "We thank the open research community for feedback on early checkpoints.",
    "Known issue: the model sometimes repeats itself on very long generations.",
    "Please report problems through the community tab of this repository.",
)


def _license_text(key: str) -> str:
    return (LICENSE_TEXTS / f"{key}.txt").read_text(encoding="utf-8")


class _Blobs:
    """Files shared by many repos: written once under OUT/_blobs, hard-linked (or copied) into repos."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.paths: dict[str, Path] = {}
        self.can_link = True

    def add(self, name: str, data: str | bytes) -> None:
        path = self.folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.paths[name] = path

    def place(self, name: str, target: Path) -> None:
        source = self.paths[name]
        if self.can_link:
            try:
                os.link(source, target)
                return
            except OSError:
                self.can_link = False
        shutil.copyfile(source, target)


def _pick(rng: random.Random) -> tuple[str | None, tuple[str, ...]]:
    roll, total = rng.random(), 0.0
    for weight, license_id, keys in MIX:
        total += weight
        if roll < total:
            return license_id, keys
    return MIX[-1][1], MIX[-1][2]


def _yaml_value(value: object) -> str:
    return json.dumps(value)  # JSON scalars and lists are valid YAML flow values


def _card(rng: random.Random, org: str, name: str, license_id: str | None, custom_name: str | None,
          license_file: str | None, base: str | None, claim: bool) -> str:
    title = name.replace("-", " ").title()
    size, variant = name.split("-")[2], name.split("-")[1]
    pipeline = rng.choice(PIPELINES)
    front: list[str] = []
    if license_id:
        front.append(f"license: {license_id}")
    if custom_name:
        front.append(f"license_name: {custom_name}")
        if license_file:
            front.append(f"license_link: {license_file}")
    if license_id in ("llama2", "llama3") and rng.random() < 0.3:
        front.append('extra_gated_prompt: "You agree to the license terms and the Acceptable Use Policy."')
    front.append(f"library_name: {rng.choice(LIBRARIES)}")
    front.append(f"pipeline_tag: {pipeline}")
    front.append(f"language: {_yaml_value(rng.sample(LANGUAGES, rng.randint(1, 3)))}")
    if rng.random() < 0.5:
        front.append(f"datasets: {_yaml_value(rng.sample(DATASETS, rng.randint(1, 2)))}")
    if base:
        front.append(f"base_model: {base}")
    front.append(f"tags: {_yaml_value(rng.sample(['synthetic', 'benchmark', variant, 'safetensors', 'pytorch'], 2))}")
    if rng.random() < 0.3:
        front += ["model-index:", f"- name: {name}", "  results: []"]
    facts = {"title": title, "size": size, "variant": variant, "pipeline": pipeline,
             "ctx": rng.choice((2048, 4096, 8192)), "gpus": rng.choice((64, 128, 512)), "days": rng.randint(2, 40)}
    body = [f"# {title}", ""]
    body += [rng.choice(DESCRIPTIONS).format(**facts) for _ in range(rng.randint(2, 4))]
    if claim:
        body.insert(rng.randint(2, len(body)), rng.choice(CLAIMS).format(**facts))
    body += ["", "## Usage", "", "```python", "from transformers import AutoModelForCausalLM, AutoTokenizer",
             f'tokenizer = AutoTokenizer.from_pretrained("{org}/{name}")',
             f'model = AutoModelForCausalLM.from_pretrained("{org}/{name}")', "```", "",
             "## Training", ""]
    target = rng.randint(18, 56)
    sections = ["## Limitations", "## Evaluation", "## Environmental impact", "## Acknowledgements"]
    while len(body) < target - 4:
        if sections and rng.random() < 0.25:
            body += ["", sections.pop(0), ""]
        body.append(rng.choice(FILLER).format(**facts))
    body += ["", "## License", ""]
    if license_id == "other":
        body.append(f"This model is released under the {custom_name}; see the LICENSE file.")
    elif license_id:
        body.append(f"The weights are released under the `{license_id}` license.")
    else:
        body.append("License to be announced.")
    return "---\n" + "\n".join(front) + "\n---\n\n" + "\n".join(body) + "\n"


def generate(out: Path, org: str, n: int, seed: int = 0, base: str | None = None) -> None:
    """Write `n` synthetic repos of `org` under `out/models/<org>/` (replacing that org's folder).

    With `base`, every repo derives from it (`base_model`), except the 10% that derive from an earlier repo.
    """
    out = Path(out)
    rng = random.Random(seed)
    org_dir = out / "models" / org
    blob_dir = out / "_blobs" / org
    for folder in (org_dir, blob_dir):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    blobs = _Blobs(blob_dir)
    for weight, license_id, keys in MIX:
        for key in keys:
            if key not in blobs.paths:
                blobs.add(key, _license_text(key))
    for custom in CUSTOM_NAMES:
        scope = " for non-commercial research purposes only" if "non-commercial" in custom else ""
        blobs.add(custom, CUSTOM_TEXT.format(title=custom.replace("-", " ").upper(), scope=scope))
    blobs.add("USE_POLICY-llama2", USE_POLICY.format(name="Llama 2"))
    blobs.add("USE_POLICY-llama3", USE_POLICY.format(name="Meta Llama 3"))
    blobs.add("config.json", json.dumps({"architectures": ["SynthForCausalLM"], "model_type": "synth",
                                         "hidden_size": 64, "num_hidden_layers": 2}, indent=2) + "\n")
    blobs.add("model.safetensors", b"\x08\x00\x00\x00\x00\x00\x00\x00{}      ")
    blobs.add("tokenizer.json", '{"version": "1.0", "model": {"type": "BPE", "vocab": {}, "merges": []}}\n')
    blobs.add("generation_config.json", '{"do_sample": true, "temperature": 0.7}\n')
    all_keys = sorted({k for _, _, keys in MIX for k in keys})
    width = max(5, len(str(n)))
    names: list[str] = []
    for index in range(n):
        name = f"{rng.choice(FAMILIES)}-{rng.choice(VARIANTS)}-{rng.choice(SIZES)}-{index:0{width}d}"
        repo = org_dir / name
        repo.mkdir()
        license_id, keys = _pick(rng)
        custom_name = rng.choice(CUSTOM_NAMES) if license_id == "other" else None
        license_file = text_key = None
        if license_id == "other":
            if rng.random() < 0.85:  # custom licenses usually ship their text
                license_file, text_key = "LICENSE", custom_name
        elif keys and rng.random() < 0.62:  # with the other/none cases below: ~60% of repos ship a license file
            license_file = rng.choice(FILE_NAMES)
            text_key = rng.choice(all_keys) if rng.random() < MISMATCH_RATE else rng.choice(keys)
        elif license_id is None and rng.random() < 0.2:  # no card license, but a LICENSE file
            license_file, text_key = "LICENSE", rng.choice(("Apache-2.0", "MIT"))
        parent = f"{org}/{rng.choice(names)}" if names and rng.random() < 0.1 else None
        parent = parent or base
        claim = rng.random() < CLAIM_RATE
        if rng.random() > 0.02:  # 2% of repos have no card at all
            card = _card(rng, org, name, license_id, custom_name, license_file, parent, claim)
            (repo / "README.md").write_text(card, encoding="utf-8")
        if license_file and text_key:
            blobs.place(text_key, repo / license_file)
        if license_id in ("llama2", "llama3") and rng.random() < 0.6:
            blobs.place(f"USE_POLICY-{license_id}", repo / "USE_POLICY.md")
        for placeholder, rate in (("config.json", 0.7), ("model.safetensors", 0.5), ("tokenizer.json", 0.3),
                                  ("generation_config.json", 0.2)):
            if rng.random() < rate:
                blobs.place(placeholder, repo / placeholder)
        meta: dict[str, object] = {}
        gated = rng.random() < GATED_RATE
        if gated:
            meta["gated"] = "manual"
        if rng.random() < 0.5:
            meta["downloads"] = int(rng.paretovariate(1.2) * 50)
        if meta:
            (repo / "_meta.json").write_text(json.dumps(meta), encoding="utf-8")
        names.append(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synth", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="output folder (gets models/<org>/...)")
    parser.add_argument("--org", default="synth-org")
    parser.add_argument("--models", type=int, required=True, help="number of repos")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.models < 0:
        parser.error("--models must be >= 0")
    started = time.perf_counter()
    generate(args.out, args.org, args.models, args.seed)
    print(f"wrote {args.models} repos of {args.org} under {args.out / 'models' / args.org} "
          f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
