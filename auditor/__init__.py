"""hf-license-auditor: audit the licenses of Hugging Face Hub models and flag open-washing."""

__version__ = "0.1.0"

#: Version of the classification rules; a feed judged with other rules is re-read in full.
RULES_VERSION = "2"
