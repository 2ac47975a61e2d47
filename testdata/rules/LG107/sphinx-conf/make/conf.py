import os

project = "demo"
# Sphinx runs this file with `tags` in its namespace
if os.environ.get("DEMO_RELEASE") == "1":
    tags.add("release")
