"""[tool.idmigrate]: overrides reach the rules; every bad value is one line naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from codemods.core.safety import Safety
import migrate.workspace.config as config_module
from migrate.workspace.config import ConfigError, load_config


def write(root: Path, body: str) -> Path:
    (root / "pyproject.toml").write_text("[tool.idmigrate]\n" + body)
    return root


def test_defaults_without_pyproject(tmp_path: Path):
    config = load_config(tmp_path)
    assert config.rules.fallback_type == "execution"
    assert config.rules.aliases["req"] == "request"


def test_overrides_reach_the_rule_set(tmp_path: Path):
    (tmp_path / "auth_service").mkdir()
    config = load_config(write(tmp_path, '''
fallback_type = "TRACE"
keep_prefix = true
[tool.idmigrate.aliases]
job = "execution"
[tool.idmigrate.members.generate_message_id]
id_type = "trace"
safety = "format"
[tool.idmigrate.services.auth_service]
import_path = "shared.ids"
test_command = ["python", "-m", "pytest", "auth_service"]
test_timeout = 30
'''))
    rules = config.rules
    assert rules.fallback_type == "trace" and rules.keep_prefix
    assert rules.aliases["job"] == "execution" and rules.aliases["req"] == "request"
    assert rules.members["generate_message_id"].id_type == "trace"
    assert rules.members["generate_message_id"].safety is Safety.FORMAT
    service = config.services["auth_service"]
    assert service.import_path == "shared.ids" and service.test_timeout == 30
    assert service.test_command == ("python", "-m", "pytest", "auth_service")


@pytest.mark.parametrize(
    "body, key",
    [
        ('fallback_typ = "user"', "fallback_typ"),
        ("keep_prefix = 1", "keep_prefix"),
        ('fallback_type = "customer"', "fallback_type"),
        ('[tool.idmigrate.aliases]\nreq = "requests"', "aliases.req"),
        ('[tool.idmigrate.services.billing]\npath = "billing"', "services.billing.path"),
        ('[tool.idmigrate.services.escape]\npath = "../elsewhere"', "services.escape.path"),
        ('[tool.idmigrate.services.auth_service]\ntest_command = "pytest -x"', "services.auth_service.test_command"),
        ('[tool.idmigrate.services.auth_service]\ntimeout = 3', "timeout"),
        ('[tool.idmigrate.members.generate_base_id]\nsafety = "risky"', "members.generate_base_id.safety"),
        ('[tool.idmigrate.members.generate_widget_id]\nid_type = "user"', "members.generate_widget_id"),
        ('[tool.idmigrate.members.generate_widget_id]\ncounterpart = "not a name"',
         "members.generate_widget_id.counterpart"),
        ('[tool.idmigrate.members.generate_widget_id]\ncounterpart = 3', "members.generate_widget_id.counterpart"),
        ('[tool.idmigrate.members.generate_widget_id]\ncounterpart = ""', "members.generate_widget_id"),
        ('manager_module = "not a module"', "manager_module"),
        ("test_timeout = -5", "test_timeout"),
        ('test_id_helper = "pkg.mod"', "test_id_helper"),
        ('adhoc_ids_paths = "auth_service"', "adhoc_ids_paths"),
        ('adhoc_ids_paths = ["billing"]', "adhoc_ids_paths"),
        ('adhoc_ids_paths = ["../elsewhere"]', "adhoc_ids_paths"),
        ('adhoc_ids_paths = [3]', "adhoc_ids_paths"),
    ],
)
def test_bad_values_name_the_key(tmp_path: Path, body: str, key: str):
    (tmp_path / "auth_service").mkdir()
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, body))
    message = str(info.value)
    assert key in message
    assert "\n" not in message


def test_invalid_toml_is_reported(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text("[tool.idmigrate\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(tmp_path)


def test_service_path_in_a_sibling_with_a_shared_prefix_is_outside(tmp_path: Path):
    root = tmp_path / "repo"
    (root).mkdir()
    (tmp_path / "repo2").mkdir()  # "/x/repo2" starts with "/x/repo" but is not inside it
    with pytest.raises(ConfigError, match="services.sibling.path"):
        load_config(write(root, '[tool.idmigrate.services.sibling]\npath = "../repo2"'))


def test_adhoc_ids_paths_take_services_and_paths(tmp_path: Path):
    (tmp_path / "auth").mkdir()
    (tmp_path / "netra_backend" / "app").mkdir(parents=True)
    config = load_config(write(tmp_path, '''
adhoc_ids_paths = ["auth_service", "netra_backend/app/", "."]
[tool.idmigrate.services.auth_service]
path = "auth"
'''))
    assert config.rules.adhoc_ids_paths == ("auth", "netra_backend/app", ".")
    assert load_config(tmp_path / "auth").rules.adhoc_ids_paths == ()  # the default: no production rewriting
    other = load_config(write(tmp_path, 'adhoc_ids_paths = ["auth"]'))
    assert other.fingerprint() != config.fingerprint()  # cached results do not survive a change


def test_backup_copies_of_the_tree_are_excluded_by_default(tmp_path: Path):
    from migrate.workspace.discovery import discover

    for rel in ("svc/a.py", "backup/svc/a.py", "backups_2024/a.py", "svc_backup_old/a.py", "svc/ledger_backup_1.py",
                "svc/backup_utils.py", "legacy/x.py"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x = 1\n")
    files = discover(tmp_path, load_config(write(tmp_path, 'extend_exclude = ["legacy/**"]'))).files
    assert sorted(files) == ["svc/a.py", "svc/backup_utils.py"]


def test_a_counterpart_reaches_the_rule_set(tmp_path: Path):
    rules = load_config(write(tmp_path, '''
[tool.idmigrate.members.generate_client_id]
counterpart = "generate_websocket_client_id"
[tool.idmigrate.members.generate_websocket_connection_id]
counterpart = ""
''')).rules
    client = rules.members["generate_client_id"]
    assert client.counterpart == "generate_websocket_client_id"
    assert (client.kind, client.safety) == ("manual", Safety.MANUAL), "nothing to fall back to: manual"
    assert client.suggestion and "generate_websocket_client_id" in client.why
    connection = rules.members["generate_websocket_connection_id"]
    assert connection.counterpart == "" and connection.kind == "typed"


def test_every_key_the_checker_accepts_is_documented():
    """MIGRATION.md's configuration section names every key ``parse_config`` accepts."""
    text = (Path(__file__).resolve().parents[3] / "MIGRATION.md").read_text(encoding="utf-8")
    section = text[text.index("## Configuration"):]
    for key in sorted(config_module._TOP_KEYS | config_module._SERVICE_KEYS | config_module._MEMBER_KEYS):
        assert any(form in section for form in (f"`{key}`", f"{key} =", f".{key}]", f".{key}.")), key
