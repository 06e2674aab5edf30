from netra_backend.app.services.run_archive import IDS_AVAILABLE, archive_label, export_archive, new_archive_id


def test_archive_ids_are_fresh_and_prefixed():
    assert IDS_AVAILABLE
    first, second = new_archive_id(), new_archive_id()
    assert first != second and first.startswith("archive_")


def test_archive_label_names_the_id_type():
    assert archive_label("execution") == "execution-archive"


def test_export_keeps_the_runs_and_gets_its_own_id():
    exported = export_archive(["run-1", "run-2"])
    assert exported["runs"] == ["run-1", "run-2"] and exported["export_id"].startswith("export_")
