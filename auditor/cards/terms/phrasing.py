"""Card lines phrased as terms: a line that forbids or conditions a use, a License field, a sentence on how this model is licensed."""

from __future__ import annotations

import re

from auditor.engine.prefilter import Prefiltered
from auditor.engine.restrictions import plain_negations

#: A sentence that forbids or conditions something for the reader (advice such as "should not" is not a license term).
_PROHIBITIVE = Prefiltered.compile(
    r"\b(?:you|users?|licensees?|recipients?)\s+(?:may|must|shall|can|will)\s*not\b|\b(?:may|must|shall|can)\s*not\s+be\s+used\b|\b(?:please\s+)?do\s+not\s+use\b|\bdon['’]t\s+use\b|"
    r"\b(?:is|are)\s+(?:strictly\s+)?(?:prohibited|forbidden|not\s+permitted|not\s+allowed)\b|"
    r"\bapply\s+for\s+(?:a\s+)?commercial\s+licen[cs]e\b|\b(?:only|solely|exclusively)\s+for\s+(?:non-?commercial|research|academic)\b|"
    r"\b(?:non-?commercial|research|academic|personal|educational|evaluation)[- ](?:use|usage|purposes?)[- ]only\b|"
    r"\b(?:not|never)\s+(?:\w+\s+)?for\s+(?:any\s+)?commercial\b|\bno\s+commercial\s+(?:use|usage)\b|"
    r"\b(?:only|solely|exclusively)\s+(?:available|released|provided|licensed|intended|usable)\s+for\b|"
    r"\bcommercial(?:\s+(?:use|usage))?\s*[:：]\s*(?:not|no\b|prohibited|forbidden|contact|[✗❌×✘])|"
    r"\bfor\s+non-?commercial\s+(?:use|usage|purposes?)\b|"
    r"仅(?:允许|可以|能|可)|只(?:能|可|允许)|不(?:允许|准)|(?:若需|如需)[^。；\n]{0,6}商|"
    r"商用(?:利用|目的|での利用)?(?:は|を)?(?:不可|禁止|できません|禁じ)|非商用|研究目的(?:のみ|に限)|研究用途(?:のみ|に限)|비상업|"
    r"상업적\s*(?:이용|사용|목적|용도)[^.。]{0,12}(?:금지|불가|허용되지)|연구\s*(?:목적|용도)(?:으로|로)만|"
    r"\b(?:must|shall|need\s+to)\s+(?:first\s+)?(?:obtain|request|apply\s+for|seek)\b[^.]{0,40}\b(?:permission|licen[cs]e|authori[sz]ation|approval)|"
    r"\b(?:use|usage)(?:\s+of\s+(?:this|the|these|our)\s+(?:model|weights|checkpoints?)s?)?\s+is\s+(?:restricted|limited)\s+to\b|"
    r"\b(?:intended|licensed|released|available|provided|permitted|allowed)\s+(?:only\s+|solely\s+|exclusively\s+)?for\s+non-?(?:commercial|profit)\b|"
    r"\b(?:may|can|shall|must)\s+only\s+be\s+used\b|\bcontact\b[^.]{0,60}\bcommercial|"
    r"\bcommercial(?:ly|\s+(?:use|usage|purposes?|licen[cs]e|licensing|users?|entities|customers|deployments?|exploitation|"
    r"applications?|products?|services?))\b[^.]{0,120}\b(?:requires?|needs?|"
    r"need\s+to|must|subject\s+to|after|upon|apply|application|registration|register|authori[sz]ation|permission|contact|request|required)\b|"
    r"\b(?:research|academic|non-?commercial)\s+(?:\w+\s+)?only\b|不(?:可|能|得)(?:用于)?商|"
    r"\bif you (?:intend|wish|want|plan|would like) to use\b[^.]{0,120}\bcommercial|\bnot\s+to\s+be\s+(?:used|deployed|distributed|exploited)\b|"
    r"\b(?:use|usage)\s+(?:is|are)\s+not(?:\s+(?:permitted|allowed))?\s*(?:[.;,)]|$)|\bonly\b[^.;]{0,40}\b(?:use|usage)\s+(?:is|are)\s+(?:allowed|permitted)\b|"
    r"\b(?:businesses|companies|enterprises|corporations|organi[sz]ations)\b[^.;]{0,80}\b(?:must|need|needs|have\s+to|are\s+required\s+to)\b|"
    r"\b(?:requires?|needs?)\s+(?:a\s+|an\s+)?(?:separate|additional|prior|paid|commercial|written|enterprise)\s+(?:licen[cs]e|agreement|contract|permission|authori[sz]ation)\b|"
    r"仅(?:供|限|用于|可用于)|非商业|禁止|不得|严禁|(?:商业|商用)[^。；\n]{0,10}(?:请|需|须)[^。；\n]{0,10}联系|(?:如需|若需|如要|如果需要|如果要|若要|如想)[^。；\n]{0,10}(?:商业|商用)|(?:商业|商用)[^。；\n]{0,30}(?:申请|登记|授权|许可)|(?:申请|登记)[^。；\n]{0,30}(?:商业|商用)",
    re.IGNORECASE)
#: More phrasings of the same (and the words of a condition in German, French, Spanish, Italian, Portuguese, Russian).
_PROHIBITIVE_MORE = Prefiltered.compile(
    r"\bagrees?\s+not\s+to\b|\b(?:nur|ausschließlich|uniquement|seulement|únicamente|solamente|exclusivamente|esclusivamente|solo)\b|"
    r"\b(?:nicht|non|no|não)\s+(?:erlaubt|gestattet|autorisée?|permitid[oa]|consentit[oa])\b|"
    r"\b(?:untersagt|verboten|interdite?s?|prohibid[oa]s?|vietat[oa])\b|только|запрещ|"
    r"\b(?:strictly|only|exclusively|purely)\s+non-?commercial\b|\b(?:research|academic|scientific)-only\b|"
    r"\b(?:available|provided|released|shared|distributed|granted|given)\s+(?:only\s+)?(?:on|upon|by|after)\s+(?:(?:a |an )?(?:written |approved )?(?:request|application|approval)\b|(?:filling (?:in|out)|completing|submitting)\b)|"
    r"(?<!not )(?<!n't )(?<!never )(?<!nothing )\b(?:prohibits?|forbids?|bans?|disallows?|excludes?|restricts?|limits?)\s+(?:any\s+|all\s+)?commercial\b|"
    r"\bonly\s+(?:released|available|provided|distributed|granted|shared)\s+to\b|"
    r"\b(?:released|available|provided|distributed|granted|shared)\s+only\s+to\b|"
    r"\bnot\s+for\s+(?:re-?distribution|resale|sale)\b|\b(?:internal|non-?production)(?:[- ](?:use|usage|purposes?))?[- ]only\b|"
    r"\bnot\s+(?:be\s+)?licensed\s+for\b|\bother\s+than\s+(?:\w+\s+){0,2}(?:research|evaluation|testing)\b|\bevaluation\s+only\b|"
    r"\bfor\s+(?:internal\s+)?(?:evaluation|testing|benchmarking)(?:\s+use|\s+purposes?)?\s+only\b|\bnot\s+be\s+(?:deployed|used)\s+(?:in|for)\s+production\b|"
    r"\bcommercial\s+(?:use|usage)\s+(?:strictly\s+)?(?:prohibited|forbidden|not\s+(?:permitted|allowed))\b|"
    r"\b(?:use|usage)\s+(?:is\s+)?(?:restricted|limited)\s+to\s+(?:\w+\s+){0,2}(?:research|academic|educational|personal|evaluation)\b|"
    r"\b(?:may|must|shall|can)\s*not\s+be\s+(?:deployed|offered|provided|made\s+available|distributed|redistributed)\b|"
    r"\b(?:treated|considered|regarded|used)\s+as\s+(?:strictly\s+)?non-?commercial\b|"
    r"(?<!\bnone of the )(?<!\bno part of the )\b(?:model|weights|checkpoints?|adapter|lora)\s+(?:is|are)\s+(?:strictly\s+|only\s+)?non-?commercial\s*(?:[.;,!)]|$)|"
    r"\b(?:may|can|shall|must)\s+be\s+used\s+(?:for|in)\s+(?:[\w-]+\s+){0,5}?(?:only|solely|exclusively)\b|"
    r"\b(?:released|available|provided|distributed|granted|shared|licensed)\s+to\s+(?:[\w-]+\s+){1,5}(?:researchers|academics|"
    r"institutions|universities|labs|laboratories)\s+only\b|\bonly\s+by\s+(?:persons|people|users|companies|entities)\b|"
    r"\b(?:is|are)\s+not\s+(?:licensed|permitted|allowed)\b|\b(?:do|does|will)\s+not\s+(?:allow|permit)\s+(?:the\s+)?(?:use|deployment)\b|"
    r"\b(?:you|users?|licensees?)\s+(?:need|needs|must\s+obtain|require|will\s+need)\s+(?:our|a|an|the|prior|written|explicit|separate)\s+"
    r"(?:[\w-]+\s+){0,2}(?:permission|licen[cs]e|consent|approval|authori[sz]ation|agreement)\b|"
    r"\b(?:only|solely|exclusively)\s+for\s+(?:[\w-]+,?\s+){0,3}(?:non-?commercial|research|academic|personal|educational)\s+(?:use|usage|purposes?)\b|"
    r"\bcommercial\s+(?:use|usage|rights|exploitation)\b[^.;]{0,20}\b(?:is|are)\s+(?:\w+\s+)?reserved\b|\blicen[cs]e\b[^.;]{0,40}\b(?:terminat\w*|revok\w*)\b|"
    r"\b(?:is|are)\s+not\s+available\s+(?:to|for)\s+(?:users|anyone|persons|people|individuals|entities|companies|customers|residents)\b|"
    r"\b(?:does|do|will)\s+not\s+(?:allow|permit)\s+(?:any\s+)?commercial\b|\b(?:do|does|will)\s+not\s+grant\b|\bno\s+(?:rights?|licen[cs]es?)\s+(?:is|are)\s+granted\b|"
    r"\b(?:you|users?)\s+(?:may|can)\s+use\b[^.;]{0,40}\bonly\s+in\s+accordance\s+with\b|"
    r"\b(?:others|everyone\s+else)\s+(?:need|needs|must|require)\b|\b(?:larger|bigger|other)\s+(?:teams|companies|organi[sz]ations|businesses|enterprises|users)\s+(?:need|needs|must|require|have\s+to)\b|"
    r"\baccess\s+(?:is\s+)?(?:only\s+)?(?:granted|given|provided|limited|restricted)\s+(?:only\s+)?to\b|\bcontact\s+(?:us|me|the\s+authors)\s+otherwise\b|"
    r"\bnot\s+for\s+(?:use\s+(?:by|in)\s+)?(?:businesses|companies|enterprises)\b|\bunder\s+(?:an?\s+)?(?:nda|non-disclosure\s+agreement)\b|"
    r"\b(?:please\s+)?do\s+not\s+(?:re-?upload|re-?distribute|re-?host|mirror|share)\b|\bno\s+business\s+use\b|"
    r"\bréservée?s?\s+(?:à|aux)\b|\breservad[oa]s?\s+(?:a|para)\b|^\W*(?:non-?commercial|research[- ]only)\s+licen[cs]e\W*$",
    re.IGNORECASE)
#: The same in Japanese and Korean, tried only on lines that are not ASCII.
_PROHIBITIVE_CJK = Prefiltered.compile(
    r"非営利|(?<!非)営利|商用[^。]{0,16}(?:遠慮|希望)|(?:研究|学術)[^。]{0,6}(?:のみ|に限)|商用[^。]{0,16}(?:許諾|許可|承認|申請|問い合わせ)|"
    r"상업적\s*(?:이용|사용|목적|용도)[^.。]{0,30}(?:허가|허락|승인|문의|신청)")


def prohibitive(line: str) -> bool:
    """Whether the line forbids or conditions something for the reader (`_PROHIBITIVE` and its companions), each
    pattern tried only on a line that holds one of the words every match of it contains (derived from the pattern)."""
    line = plain_negations(line)  # "you can't", "don't use"
    folded = line.casefold()
    return bool(_PROHIBITIVE.search(line, folded) or _PROHIBITIVE_MORE.search(line, folded)
                or (not line.isascii() and _PROHIBITIVE_CJK.search(line, folded)))


#: A "License: X" field line ("- **License:** BLOOMChat-176B LICENSE v1.0"), not a nested item about another model,
#: or a "| License | X |" row of a model-details table.
LICENSE_FIELD = re.compile(r"^(?![ \t])\W*(?:(?:model|weights?|checkpoints?) ){0,2}(?:licen[cs]es?|licença|licencia|licenza|lizenz|licentie|"
                           r"licencja|licence|лицензия|ліцензія)\W{0,4}[:：]|^(?![ \t])\W*(?:model )?weights\W{0,4}[:：]|"
                            r"^\s*\|\s*[*_]*(?:model |weights? )?licen[cs]e[*_]*\s*\|", re.IGNORECASE)
#: A sentence about how *this model* is licensed, wherever it stands in the card.
_MODEL_LICENSED = re.compile(
    r"\b(?:this|the|our)\s+(?:(?!(?:base|original|parent|teacher|source|previous|earlier|upstream|underlying|reference|other)\b)[\w-]+\s+){0,2}"
    r"(?:model|weights|checkpoints?|repository|release)\b[^.]{0,80}"
    r"\b(?:released|licensed|distributed|available|provided|governed|subject|covered|comply|complies|bound|follows?|"
    r"inherits?|adheres?|under|uses?)\b|^\W*(?:licensed|released|distributed|published)\s+under\b|"
    r"\b(?:you|users?|licensees?)\s+(?:must|shall|should|need\s+to|have\s+to|agree\s+to)\s+(?:comply|abide|adhere|follow|agree|accept)\b|"
    r"^\W*(?:please\s+)?(?:follow|comply\s+with|abide\s+by|adhere\s+to|observe|respect)\s+the\b|\byou\s+agree\s+to\b|"
    r"\b(?:is|are)\s+(?:\w+\s+)?(?:released|licensed|distributed|published|open[- ]?sourced?)\s+under\b|^\W*(?:the\s+)?(?:v\d[\w.]*|version\s+\d[\w.]*)\s+(?:is|are|was|were)\s+(?:\w+\s+)?(?:released|licensed|distributed|published)\s+under\b|"
    r"\b(?:model|weights|checkpoints?)\s+(?:is|are)\s+(?:\w+\s+)?(?:cc[- ]by|apache|mit\b|gpl|openrail|llama|gemma)|"
    r"\bthe\s+(?:real|actual|true|governing|applicable|binding)\s+(?:terms|licen[cs]es?)\s+(?:are|is)\b|\blicen[cs]e\s+(?:of|for)\s+(?:this|the|our)\s+(?:model|weights|checkpoints?)\b|\bsame\s+(?:licen[cs]e|terms)\s+as\b|(?-i:\b[A-Z][\w.+-]*\s+licen[cs]ed\b)|\b(?:has|have|carries|carry|shares?|keeps?)\s+the\s+(?:same\s+)?licen[cs]e\b", re.IGNORECASE)
#: The same, in Chinese, Japanese and Korean (tried only on lines that are not ASCII).
_MODEL_LICENSED_CJK = re.compile(
    r"(?:遵循|遵守|沿用|继承|采用)[^。；\n]{0,40}(?:许可|协议|license)|(?:ライセンス|利用規約)[^。]{0,40}(?:に従|を継承|が適用|に準拠)|"
    r"(?:라이선스|라이센스|이용\s*약관)[^.。]{0,20}(?:따릅|따라|적용|준수|상속)", re.IGNORECASE)


def model_licensed(line: str) -> bool:
    """Whether the line says how this model is licensed (`_MODEL_LICENSED`)."""
    return bool(_MODEL_LICENSED.search(line) or (not line.isascii() and _MODEL_LICENSED_CJK.search(line)))
