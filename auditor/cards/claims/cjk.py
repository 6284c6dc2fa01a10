"""开源 in its Chinese context: said of another publisher's release, of the movement, of a mission, or of a name after it."""

from __future__ import annotations

import re

from auditor.cards.claims.names import Names
from auditor.cards.claims.phrase import LICENCE_NAME
from auditor.cards.claims.whose import whose
from auditor.cards.claims.words import Vocabulary

#: A Latin-script name right after 开源(的) and a kind noun: what is called open source is that name.
_NAME_AFTER_CJK = re.compile(r"^\s*(?:的\s*)?(?:模型|大模型|语言模型|基座模型|框架|工具|库|项目)?\s*(?P<name>(?!(?:int\d+|gguf|ggml|gptq|"
                             r"awq|exl2|mlx|onnx|fp\d+|bf16|q\d\w*|lora|qlora|api|sdk|demo|web|app)\b)[A-Za-z][\w.+-]*)", re.IGNORECASE)
_PLACE_CJK = re.compile(r"(?:在|于|於|到|至|通过|通過|以|用|使用|采用|採用|基于|基於|按照|依照|遵循)\s*$")


#: This project, model or we as the subject ("本项目致力于打造完全开源的医疗大模型生态"): its own mission is its claim.
_OWN_CJK = re.compile(r"(?:本项目|本項目|本模型|本仓库|本倉庫)\s*(?:也|将|將)?\s*(?:致力于|致力於)")


def cjk_context(before: str, after: str, names: Names, v: Vocabulary) -> str | None:
    """开源 said of another publisher's release ("Meta 开源的 Llama 2") or of the movement at its clause's start
    ("开源不易"): the rule that says so, else None."""
    agent_cjk = v.find("agent-cjk", "before", before)
    if agent_cjk and names.known:
        name = agent_cjk.group("name")
        if not _PLACE_CJK.search(before[:agent_cjk.start("name")]) and not LICENCE_NAME.search(name) and whose(
                name, names) == "other":
            return "other-subject"
    if v.test("movement-cjk", "after", after) and re.search(r"(?:^|[，。,；;！!？?：:\s])$", before):
        return "movement"
    if v.test("mission-cjk", "before", before) and v.test("mission-cjk", "after", after) and not _OWN_CJK.search(before):
        return "mission"  # "致力于推动开源大模型生态在垂直行业的落地": the publisher's mission
    named = _NAME_AFTER_CJK.match(after)
    if named and whose(named.group("name"), names) in ("other", "sibling"):
        return "named-after"  # "在开源模型 Qwen2.5-7B-Instruct 的基础上", "开源的 FlashAttention-2": that one is open
    return None
