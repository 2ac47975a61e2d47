"""The composite action (action.yml) outside GitHub, for the tests: its steps as actionlint sees them, and its
shell steps run the way a runner runs them. Needs PyYAML (the pre-commit tool venv has it).

    action_steps.py workflow ACTION_YML         print the action's steps as a reusable workflow, for actionlint
    action_steps.py run ACTION_YML INPUTS_JSON  run its `run:` steps; the runner's files and variables come from
                                                the environment (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP,
                                                GITHUB_WORKSPACE, ...); exit with the first failing step's code

`run` evaluates only the expressions the action uses: ${{ inputs.X }}, ${{ github.action_path }},
${{ steps.ID.outputs.X }}, and `if:` conditions of the form `steps.ID.outputs.X == 'V'`; a `uses:` step is
printed, not run (the runner would call upload-sarif there).
"""
import json
import os
import re
import subprocess
import sys

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def workflow(action):
    """inputs.* are valid in a workflow_call workflow, so the steps lint as they are."""
    inputs = {name: {"type": "string", "default": spec.get("default", ""), "required": False}
              for name, spec in action.get("inputs", {}).items()}
    return {"name": action["name"], "on": {"workflow_call": {"inputs": inputs}},
            "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": action["runs"]["steps"]}}}


def run(action, action_path, inputs):
    defaults = {name: spec.get("default", "") for name, spec in action.get("inputs", {}).items()}
    defaults.update(inputs)
    outputs = {}

    def value(expression):
        if expression.startswith("inputs."):
            return defaults[expression[len("inputs."):]]
        if expression == "github.action_path":
            return action_path
        match = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression)
        if match:
            return outputs.get(match.group(1), {}).get(match.group(2), "")
        raise SystemExit("action_steps: cannot evaluate ${{ %s }}" % expression)

    def substitute(text):
        return EXPRESSION.sub(lambda m: value(m.group(1)), str(text))

    for step in action["runs"]["steps"]:
        condition = step.get("if")
        if "uses" in step:
            print("action_steps: step '%s' uses %s with %s" % (step["name"], step["uses"],
                  {k: substitute(v) for k, v in step.get("with", {}).items()}), file=sys.stderr)
            continue
        if condition:
            match = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+) == '([^']*)'", condition.strip())
            if not match:
                raise SystemExit("action_steps: cannot evaluate if: " + condition)
            if outputs.get(match.group(1), {}).get(match.group(2), "") != match.group(3):
                continue
        output_file = os.path.join(os.environ["RUNNER_TEMP"], "output-%s" % step.get("id", "step"))
        open(output_file, "w").close()
        env = dict(os.environ)
        env.update({k: substitute(v) for k, v in step.get("env", {}).items()})
        env["GITHUB_OUTPUT"] = output_file
        env["GITHUB_ACTION_PATH"] = action_path
        cwd = os.path.join(os.environ["GITHUB_WORKSPACE"], substitute(step.get("working-directory", ".")))
        assert step["shell"] == "bash"
        # the runner's bash: bash --noprofile --norc -eo pipefail {0}
        script = os.path.join(os.environ["RUNNER_TEMP"], "step.sh")
        with open(script, "w") as f:
            f.write(substitute(step["run"]))
        code = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=cwd, env=env).returncode
        with open(output_file) as f:
            outputs[step.get("id", "")] = dict(line.rstrip("\n").split("=", 1) for line in f if "=" in line)
        if code != 0:
            print("action_steps: step '%s' exited %d" % (step["name"], code), file=sys.stderr)
            return code
    return 0


if __name__ == "__main__":
    with open(sys.argv[2]) as f:
        action = yaml.safe_load(f)
    if sys.argv[1] == "workflow":
        print(yaml.safe_dump(workflow(action), sort_keys=False))
    elif sys.argv[1] == "run":
        sys.exit(run(action, os.path.dirname(os.path.abspath(sys.argv[2])), json.loads(sys.argv[3])))
