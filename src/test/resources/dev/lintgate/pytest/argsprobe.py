"""What real pytest makes of command lines, for PytestArgsOracleTest.

`options`: every command-line option argparse knows, with its arity ("0", "1", "?", "+", "*") and the distribution
of the plugin that adds it ("" for pytest itself), read from each registered plugin's own pytest_addoption.

`args CASES OUT`: for each case of a JSON-lines file ({id, cwd, args, env}), runs pytest in-process up to the point
where it has parsed its arguments and decided what to collect (a tryfirst pytest_cmdline_main that returns), and
writes the paths it will collect (config.args, resolved), the plugins that are blocked, and the exit code and usage
error when argparse refuses the line.
"""
import argparse
import contextlib
import inspect
import io
import json
import os
import sys

import pytest
from _pytest.config.argparsing import Parser

PLUGINS = ["asyncio", "xdist", "cacheprovider", "timeout", "pytest_cov", "benchmark", "anyio", "warnings"]


def arity(action):
    flags = (argparse._StoreTrueAction, argparse._StoreFalseAction, argparse._StoreConstAction,
             argparse._AppendConstAction, argparse._CountAction, argparse._HelpAction, argparse._VersionAction)
    if isinstance(action, flags) or action.nargs == 0:
        return "0"
    return "1" if action.nargs is None else str(action.nargs)


class Options:
    def __init__(self):
        self.out = {}

    @pytest.hookimpl(tryfirst=True)
    def pytest_cmdline_main(self, config):
        pm = config.pluginmanager
        dists = {id(p): d.project_name for p, d in pm.list_plugin_distinfo()}

        class Hooks:
            def __getattr__(self, name):
                return getattr(pm, name)

            def add_hookspecs(self, *args, **kwargs):
                pass

        for name, plugin in pm.list_name_plugin():
            fn = getattr(plugin, "pytest_addoption", None)
            if fn is None or plugin is self:
                continue
            parser = Parser(_ispytest=True)
            params = inspect.signature(fn).parameters
            kwargs = {}
            if "parser" in params:
                kwargs["parser"] = parser
            if "pluginmanager" in params:
                kwargs["pluginmanager"] = Hooks()
            fn(**kwargs)
            ap = parser.optparser if hasattr(parser, "optparser") else parser._getparser()
            for action in ap._actions:
                for opt in action.option_strings:
                    self.out[opt] = {"arity": arity(action), "dist": dists.get(id(plugin), "")}
        return 0


class Args:
    def __init__(self):
        self.answer = None

    @pytest.hookimpl(tryfirst=True)
    def pytest_cmdline_main(self, config):
        base = str(config.invocation_params.dir)
        self.answer = {
            "args": [os.path.realpath(os.path.join(base, a.split("::")[0])) for a in config.args],
            "blocked": sorted(p for p in PLUGINS if config.pluginmanager.is_blocked(p)),
        }
        return 0


def options():
    recorder = Options()
    with contextlib.redirect_stdout(io.StringIO()):
        pytest.main([], plugins=[recorder])
    print(json.dumps(recorder.out))


def args(cases_path, out_path):
    with open(cases_path) as cases, open(out_path, "w") as out:
        for line in cases:
            case = json.loads(line)
            cwd = os.getcwd()
            os.environ.pop("PYTEST_ADDOPTS", None)
            if case.get("env"):
                os.environ["PYTEST_ADDOPTS"] = case["env"]
            recorder = Args()
            err = io.StringIO()
            try:
                os.chdir(case["cwd"])
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
                    code = int(pytest.main(list(case["args"]), plugins=[recorder]))
            except BaseException as e:  # a crash is an answer too: the Java side reports it
                code = -1
                err.write("probe: " + repr(e))
            finally:
                os.chdir(cwd)
            answer = {"id": case["id"], "exit": code}
            if recorder.answer is not None:
                answer.update(recorder.answer)
            else:
                answer["error"] = err.getvalue()[-500:]
            out.write(json.dumps(answer) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "options":
        options()
    else:
        args(sys.argv[2], sys.argv[3])
