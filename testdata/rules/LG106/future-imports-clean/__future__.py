"""Stands in for the standard library's __future__, which is first-party when lintgate checks the standard library."""

all_feature_names = ["annotations"]
annotations = None
