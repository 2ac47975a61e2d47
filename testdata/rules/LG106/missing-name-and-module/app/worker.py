import app.legacy  # expect: LG106 "module `app.legacy` does not exist"
