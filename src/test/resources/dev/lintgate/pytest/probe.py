"""Reports what real pytest makes of many invocations, one JSON line each.

Input: a file of JSON lines {"id", "cwd", "args"}. For each, build pytest's Config exactly as `pytest ARGS` in CWD
would (plugins autoloaded, addopts applied) without collecting, and report rootdir, config file, the asyncio
options pytest-asyncio reads, the registered marker names and the strictness in effect.
"""
import json
import os
import sys

# pytest's capture plugin redirects fd 1 while conftests load: write through a private copy of stdout
out = os.fdopen(os.dup(1), "w")
for var in ("PYTEST_ADDOPTS", "PYTEST_PLUGINS", "PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
    os.environ.pop(var, None)

import pytest  # noqa: E402
from _pytest.config import _prepareconfig  # noqa: E402

NINE = int(pytest.__version__.split(".")[0]) >= 9


def read(fn):
    try:
        return fn()
    except Exception as e:  # pytest raises TypeError for badly typed TOML values
        return "!" + type(e).__name__


def strictness(config):
    if NINE:
        def flag(key):
            v = config.getini(key)
            if v is None:
                v = config.getini("strict")
            return bool(v)
        return read(lambda: flag("strict_markers")), read(lambda: flag("strict_config"))
    o = config.option
    return bool(o.strict_markers or o.strict), bool(o.strict_config)


for line in open(sys.argv[1], encoding="utf-8"):
    case = json.loads(line)
    res = {"id": case["id"]}
    config = None
    if case.get("env"):
        os.environ["PYTEST_ADDOPTS"] = case["env"]
    else:
        os.environ.pop("PYTEST_ADDOPTS", None)
    try:
        os.chdir(case["cwd"])
        config = _prepareconfig(list(case["args"]))
        res["rootdir"] = str(config.rootpath)
        res["configfile"] = str(config.inipath) if config.inipath else None
        mode = config.getoption("asyncio_mode", None)
        res["mode"] = mode if mode is not None else read(lambda: config.getini("asyncio_mode"))
        res["fixtureLoopScope"] = read(lambda: config.getini("asyncio_default_fixture_loop_scope"))
        res["testLoopScope"] = read(lambda: config.getini("asyncio_default_test_loop_scope"))
        markers = read(lambda: config.getini("markers"))
        res["markers"] = markers if isinstance(markers, str) else [
            str(m).split(":")[0].split("(")[0].strip() for m in markers]
        res["strictMarkers"], res["strictConfig"] = strictness(config)
        # pytest 9 names the siblings it ignored in its header; pytest 8 never looks at them
        res["unknownKeys"] = sorted(config._get_unknown_ini_keys())
        res["collects"] = sorted(os.path.abspath(a) for a in config.args)
        res["shadowed"] = sorted(getattr(config, "_ignored_config_files", []) or [])
    except BaseException as e:  # UsageError, pytest.fail's Failed, TypeError...
        if isinstance(e, KeyboardInterrupt):
            raise
        res["error"] = type(e).__name__ + ": " + str(e).splitlines()[0][:200] if str(e) else type(e).__name__
    finally:
        if config is not None:
            try:
                config._ensure_unconfigure()
            except BaseException:
                pass
    out.write(json.dumps(res) + "\n")
    out.flush()
