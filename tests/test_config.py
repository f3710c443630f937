import re

import pytest

from factcheck.config import ConfigError, Settings, load_settings


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_enable_every_rule(tmp_path):
    settings = load_settings(None, [tmp_path])
    assert settings.source is None
    assert "name-variant" in settings.enabled_rules and "number-mismatch" in settings.enabled_rules


def test_factcheck_toml_is_found_in_a_parent_of_the_checked_folder(tmp_path):
    write(tmp_path, "factcheck.toml", 'ignore = ["FC201"]\ncluster_similarity = 0.7\n[severity]\nname-variant = "low"\n')
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    settings = load_settings(None, [drafts])
    assert "number-mismatch" not in settings.enabled_rules and "name-variant" in settings.enabled_rules
    assert settings.cluster_similarity == 0.7
    assert settings.severity == {"name-variant": "low"}


def test_pyproject_tool_table_is_read(tmp_path):
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n[tool.factcheck]\nselect = ["number-mismatch"]\n')
    assert load_settings(None, [tmp_path]).enabled_rules == ["number-mismatch"]


def test_rule_parameters_override_defaults(tmp_path):
    path = write(tmp_path, "c.toml", "[rules.name-variant]\nmin_surname_similarity = 0.7\n")
    assert load_settings(path, []).rules == {"name-variant": {"min_surname_similarity": 0.7}}


def test_whole_number_parameters_are_configurable_within_their_declared_range(tmp_path):
    path = write(tmp_path, "c.toml", "[rules.quote-mismatch]\nmin_words = 6\n[rules.date-mismatch]\nmax_event_gap_days = 400\n")
    assert load_settings(path, []).rules == {"quote-mismatch": {"min_words": 6}, "date-mismatch": {"max_event_gap_days": 400}}
    for bad in ("min_words = 6.5", "min_words = 0", "min_words = true"):
        with pytest.raises(ConfigError, match="rules.quote-mismatch.min_words' must be a whole number from 1 to 100"):
            load_settings(write(tmp_path, "bad.toml", f"[rules.quote-mismatch]\n{bad}\n"), [])


def test_the_registry_refuses_a_second_rule_with_a_taken_name_or_code():
    from factcheck.rules import RULE_MODULES
    from factcheck.rules.base import RegistryError, registry

    with pytest.raises(RegistryError, match="FC101 name-variant"):
        registry([*RULE_MODULES, RULE_MODULES[0]])


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("clustre_similarity = 0.5\n", "clustre_similarity"),
        ('select = ["no-such-rule"]\n', "no-such-rule"),
        ('[severity]\nname-variant = "urgent"\n', "severity.name-variant"),
        ("[rules.name-variant]\nmin_surname = 0.7\n", "rules.name-variant.min_surname"),
        ("cluster_similarity = 2\n", "cluster_similarity"),
        ("cluster_similarity = \n", "cannot read config"),
    ],
)
def test_bad_settings_name_the_file_and_key(tmp_path, text, named):
    path = write(tmp_path, "c.toml", text)
    with pytest.raises(ConfigError) as raised:
        load_settings(path, [])
    assert named in str(raised.value) and str(path) in str(raised.value)


def test_ignore_wins_over_select():
    assert Settings(select=["name-variant", "number-mismatch"], ignore=["name-variant"]).enabled_rules == ["number-mismatch"]


def test_people_and_accepted_variants_load_from_the_style_sheet(tmp_path):
    from factcheck.records import ListedPerson

    (tmp_path / "factcheck.toml").write_text(
        'accepted = [["Steve Reddy", "Stephen Reddy"]]\n'
        '[[people]]\nname = "Jenny  Turnross"\nrole = "corporate director"\naliases = ["Jen Turnross"]\n',
        encoding="utf-8",
    )
    settings = load_settings(None, [tmp_path])
    assert settings.people == [ListedPerson("Jenny Turnross", "corporate director", ("Jen Turnross",))]
    assert settings.accepted_variants == [["Steve Reddy", "Stephen Reddy"], ["Jenny Turnross", "Jen Turnross"]]


def test_bad_people_entries_name_the_entry_and_key(tmp_path):
    cases = {
        '[[people]]\nname = "Jenny Turnross"\nrol = "director"\n': "people[1]: unknown setting 'rol'",
        '[[people]]\nname = "Turnross"\n': "people[1]: 'name' must be a full name",
        '[[people]]\nname = "Jenny Turnross"\naliases = "Jen"\n': "people[1]: 'aliases' must be a list of names",
        'accepted = ["Steve", "Steven"]\n': "'accepted' must be a list of lists",
    }
    for text, message in cases.items():
        (tmp_path / "factcheck.toml").write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError, match=re.escape(message)):
            load_settings(None, [tmp_path])


def test_every_setting_is_declared_once_and_loads_from_a_file(tmp_path):
    from factcheck.config import SETTINGS

    assert [field for field in Settings.__dataclass_fields__ if field != "source"] == [setting.name for setting in SETTINGS]
    path = write(tmp_path, "c.toml", 'fail_on = "high"\narchive_days = 3\n')
    settings = load_settings(path, [])
    assert (settings.fail_on, settings.archive_days, settings.cluster_similarity) == ("high", 3, 0.55)
    with pytest.raises(ConfigError, match="'fail_on' must be one of high, medium, low, never, not 'loud'"):
        load_settings(write(tmp_path, "bad.toml", 'fail_on = "loud"\n'), [])
