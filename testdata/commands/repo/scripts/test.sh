#!/usr/bin/env bash
set -euo pipefail
export PYTEST_ADDOPTS="-p no:cacheprovider"
for suite in tests integration; do
    pytest "$suite"
done
(cd services/api && pytest)
pytest tests "$@"
python - <<'PY'
import pytest
pytest.main(["docs"])
PY
