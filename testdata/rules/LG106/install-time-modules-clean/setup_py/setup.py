from setuptools import setup

setup(
    name="setup-pkg",
    packages=["setup_pkg"],
    use_scm_version={"write_to": "setup_pkg/_version.py"},
    setup_requires=["setuptools-scm"],
)
