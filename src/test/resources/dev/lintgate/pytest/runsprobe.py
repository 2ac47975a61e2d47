"""Runs `pytest --collect-only -q` in-process for every case of a JSON-lines file ({id, cwd, args, env}) and writes,
per case, the files that define the collected tests (a test's function's code, so a class collected in
test_suite.py through a star import counts for the file that defines it), the modules whose collection failed, and
the exit code. sys.modules, sys.path and the working directory are restored between cases, as pytester's inline runs
do, so modules of one layout never leak into the next."""
import contextlib
import io
import json
import os
import sys

import pytest


class Recorder:
    def __init__(self):
        self.rootdir = None
        self.defining = set()
        self.errors = []

    def pytest_sessionstart(self, session):
        self.rootdir = str(session.config.rootpath)

    def pytest_collectreport(self, report):
        if report.failed:
            path = os.path.join(self.rootdir, report.nodeid.split("::")[0])
            self.errors.append(os.path.realpath(path))

    def pytest_collection_finish(self, session):
        for item in session.items:
            function = getattr(item, "function", None)
            code = getattr(function, "__code__", None)
            where = code.co_filename if code is not None else str(item.path)
            self.defining.add(os.path.realpath(where))


def main(cases_path, out_path, layouts):
    with open(cases_path) as cases, open(out_path, "w") as out:
        for line in cases:
            case = json.loads(line)
            modules = dict(sys.modules)
            path = list(sys.path)
            meta = list(sys.meta_path)
            cwd = os.getcwd()
            os.environ.pop("PYTEST_ADDOPTS", None)
            if case.get("env"):
                os.environ["PYTEST_ADDOPTS"] = case["env"]
            recorder = Recorder()
            try:
                os.chdir(case["cwd"])
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                    code = int(pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider"] + case["args"], plugins=[recorder]))
            except BaseException as e:  # a crash is an answer too: the Java side reports it
                code = -1
                recorder.errors.append("probe: " + repr(e))
            finally:
                os.chdir(cwd)
                os.environ.pop("PYTEST_ADDOPTS", None)
                for name, module in list(sys.modules.items()):
                    if name in modules:
                        continue
                    try:
                        where = getattr(module, "__file__", None) or "".join(getattr(module, "__path__", []) or [])
                    except Exception:  # a namespace package whose parent is gone already
                        where = ""
                    if where.startswith(layouts) or not where:
                        del sys.modules[name]
                sys.path[:] = path
                sys.meta_path[:] = meta
            out.write(json.dumps({"id": case["id"], "exit": code, "defining": sorted(recorder.defining),
                                  "errors": recorder.errors}) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], os.path.realpath(sys.argv[3]))
