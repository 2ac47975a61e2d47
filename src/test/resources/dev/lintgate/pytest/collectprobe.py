"""Runs `pytest --collect-only -q` in-process for every case of a JSON-lines file ({id, cwd, args, env}: env is
PYTEST_ADDOPTS) and writes, per case, the exit code, the files of the collected items, the files that define the
collected tests (a test's function's code, so a class collected in test_suite.py through a star import counts for
the file that defines it), which collectors failed (with their text) and every PytestUnknownMarkWarning (with the
file that caused it). sys.modules, sys.path and the working directory are restored between cases, as pytester's
inline runs do, so modules of one layout never leak into the next."""
import io
import json
import os
import sys

import pytest
from _pytest.mark.structures import MARK_GEN


class Recorder:
    def __init__(self):
        self.rootdir = None
        self.items = []
        self.defining = set()
        self.errors = []
        self.warnings = []

    def pytest_sessionstart(self, session):
        self.rootdir = str(session.config.rootpath)

    def pytest_collectreport(self, report):
        if report.failed:
            path = os.path.join(self.rootdir, report.nodeid.split("::")[0])
            self.errors.append({"file": os.path.realpath(path), "text": str(report.longrepr)})

    def pytest_collection_finish(self, session):
        self.items = sorted({os.path.realpath(str(item.path)) for item in session.items})
        for item in session.items:
            code = getattr(getattr(item, "function", None), "__code__", None)
            self.defining.add(os.path.realpath(code.co_filename if code is not None else str(item.path)))

    def pytest_warning_recorded(self, warning_message, when, nodeid, location):
        if warning_message.category.__name__ == "PytestUnknownMarkWarning":
            self.warnings.append({"file": os.path.realpath(warning_message.filename), "text": str(warning_message.message)})


def main(cases_path, out_path, layouts):
    with open(cases_path) as cases, open(out_path, "w") as out:
        for line in cases:
            case = json.loads(line)
            modules = dict(sys.modules)
            path = list(sys.path)
            meta = list(sys.meta_path)
            cwd = os.getcwd()
            recorder = Recorder()
            # pytest's MarkGenerator is a process-wide singleton that never forgets a registered marker
            MARK_GEN._markers = set()
            stdout = sys.stdout
            sys.stdout = io.StringIO()
            os.environ.pop("PYTEST_ADDOPTS", None)
            if case.get("env"):
                os.environ["PYTEST_ADDOPTS"] = case["env"]
            try:
                os.chdir(case["cwd"])
                code = int(pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider",
                                        # their cleanup runs gc.collect() per session: most of an in-process run's time
                                        "-p", "no:unraisableexception", "-p", "no:threadexception"] + case["args"], plugins=[recorder]))
            except BaseException as e:  # a crash is an answer too: the Java side reports it
                code = -1
                recorder.errors.append({"file": "", "text": "probe: " + repr(e)})
            finally:
                sys.stdout = stdout
                os.chdir(cwd)
                os.environ.pop("PYTEST_ADDOPTS", None)
                # forget the layout's modules (and their packages), keep pytest's and plugins' lazily imported ones
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
            out.write(json.dumps({"id": case["id"], "exit": code, "items": recorder.items, "defining": sorted(recorder.defining),
                                  "errors": recorder.errors, "warnings": recorder.warnings}) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], os.path.realpath(sys.argv[3]))
