"""The license engine: the catalog of license knowledge, text matching, references and restrictions."""
