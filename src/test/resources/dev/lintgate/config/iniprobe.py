"""Parses each JSON-lines case {"id", "text"} with iniconfig (as pytest does) and with tomllib for TOML cases,
printing {"id", "sections": [[name, [[key, value], ...]], ...]} or {"id", "error": [line, message]}."""
import json
import sys
import tomllib

import iniconfig

for line in open(sys.argv[1], encoding="utf-8"):
    case = json.loads(line)
    res = {"id": case["id"]}
    if case.get("toml"):
        try:
            tomllib.loads(case["text"])
            res["ok"] = True
        except tomllib.TOMLDecodeError as e:
            res["ok"] = False
    else:
        try:
            ini = iniconfig.IniConfig("x.ini", data=case["text"])
            res["sections"] = [[name, [[k, v] for k, v in ini.sections[name].items()]] for name in ini.sections]
        except iniconfig.ParseError as e:
            res["error"] = [e.lineno + 1, e.msg]
    print(json.dumps(res))
