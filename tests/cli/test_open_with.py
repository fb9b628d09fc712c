"""'Open with StrongStride' on a .fit file: the desktop passes the path, the window imports it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QFileOpenEvent

from cli._open import opened_files
from desktop.open_files import FileOpenImporter
from tests.conftest import fixture_file


def test_existing_activity_files_as_the_only_arguments_are_files_to_open(tmp_path):
    run = fixture_file("fit", "run_fenix5_hr_gps_1min.fit")
    assert opened_files([str(run)])
    assert opened_files([str(run), str(fixture_file("fit", "bike_edge820_hr_gps_1min.fit"))])


def test_commands_options_and_missing_files_are_not_files_to_open(tmp_path):
    run = str(fixture_file("fit", "run_fenix5_hr_gps_1min.fit"))
    assert not opened_files([])
    assert not opened_files(["import", run])
    assert not opened_files(["--data-dir", run])
    assert not opened_files([str(tmp_path / "gone.fit")])
    assert not opened_files([str(fixture_file("fit", "SOURCES.md"))])


def test_a_file_open_event_from_the_desktop_starts_an_import_of_that_file(qapp):
    started: list[list[Path]] = []
    importer = FileOpenImporter(started.append)
    target = QObject()
    target.installEventFilter(importer)
    run = fixture_file("fit", "run_fenix5_hr_gps_1min.fit")
    QCoreApplication.sendEvent(target, QFileOpenEvent(str(run)))
    assert started == [[run]]
