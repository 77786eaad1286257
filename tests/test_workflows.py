"""The CI workflows keep the rules that make a pull request safe to check (issue 11).

OpenSSF Scorecard's checks, as tests: every action pinned by a full commit SHA; every job asks
for its own, least permissions; no `pull_request_target`; a pull request's own code never
runs with a write token (the comment comes from a `workflow_run` that never checks out code
and only reads the artifact). Plus what CI is for: .ci/run on every pull request, the
changelog and a preview for the reviewer, site/ published from main.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
# The only write permissions any job may have, and the job that may have each.
ALLOWED_WRITES = {
    ("ci.yml", "deploy"): {"pages", "id-token"},
    ("wijzigingen-reactie.yml", "reactie"): {"pull-requests"},
}


def load(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads `on:` as true
    return workflow


def jobs():
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            yield path.name, name, job


def test_there_are_workflows_and_each_starts_without_permissions():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "wijzigingen-reactie.yml"}
    for path in WORKFLOWS:
        assert load(path)["permissions"] == {}, path.name


@pytest.mark.parametrize("workflow,job,spec", list(jobs()), ids=lambda v: str(v)[:30])
def test_every_job_names_its_least_permissions(workflow, job, spec):
    assert "permissions" in spec, f"{workflow}: job {job} must say what it needs"
    writes = {scope for scope, level in spec["permissions"].items() if level == "write"}
    assert writes <= ALLOWED_WRITES.get((workflow, job), set()), (workflow, job, writes)


def test_every_action_is_pinned_by_commit_sha():
    for workflow, job, spec in jobs():
        for step in spec.get("steps", []):
            if "uses" in step:
                assert PINNED.match(step["uses"]), f"{workflow} {job}: {step['uses']}"


def test_pull_request_code_never_runs_with_a_write_token():
    for path in WORKFLOWS:
        assert "pull_request_target" not in load(path)["on"], path.name
    for workflow, job, spec in jobs():
        checkouts = [s for s in spec.get("steps", []) if "actions/checkout" in s.get("uses", "")]
        for step in checkouts:  # no token left behind in .git/config for later steps
            assert step.get("with", {}).get("persist-credentials") is False, (workflow, job)
        writes = [scope for scope, level in spec["permissions"].items() if level == "write"]
        if writes and workflow != "ci.yml":  # the comment job: data in, no code out
            assert not checkouts and not any("run" in s for s in spec["steps"]), job
    reactie = load(ROOT / ".github/workflows/wijzigingen-reactie.yml")
    assert set(reactie["on"]) == {"workflow_run"}
    assert reactie["on"]["workflow_run"]["workflows"] == ["ci"]


def test_ci_runs_the_tests_shows_the_changelog_and_publishes_from_main():
    workflow = load(ROOT / ".github/workflows/ci.yml")
    assert "pull_request" in workflow["on"] and workflow["on"]["push"]["branches"] == ["main"]
    test_steps = workflow["jobs"]["test"]["steps"]
    assert any(step.get("run") == "./.ci/run" for step in test_steps)
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")

    changelog = workflow["jobs"]["wijzigingen"]
    assert changelog["if"] == "github.event_name == 'pull_request'"
    script = "\n".join(step.get("run", "") for step in changelog["steps"])
    assert "handreiking diff" in script and "$GITHUB_STEP_SUMMARY" in script
    uploads = {
        step["with"]["name"]: step["with"]["path"]
        for step in changelog["steps"]
        if "actions/upload-artifact" in step.get("uses", "")
    }
    assert uploads == {"wijzigingen": "wijzigingen/", "voorbeeld-site": "site/"}
    downloads = [
        step["with"]["name"]
        for step in load(ROOT / ".github/workflows/wijzigingen-reactie.yml")["jobs"]["reactie"][
            "steps"
        ]
        if "actions/download-artifact" in step.get("uses", "")
    ]
    assert downloads == ["wijzigingen"]

    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test" and "refs/heads/main" in deploy["if"]
    uses = {step.get("uses", "").split("@")[0]: step for step in deploy["steps"]}
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "site/"
    assert "actions/deploy-pages" in uses
    assert any("make build" in step.get("run", "") for step in deploy["steps"])
