"""The scheduled job: a night's inbox grouped into stories, checked against itself and the
archive of earlier nights, archived, and reported in a dated folder."""

from factcheck.nightly.lock import ArchiveBusy, archive_lock
from factcheck.nightly.night import Night, NightlyError, run_night
from factcheck.nightly.reports import night_summary, write_night

__all__ = ["ArchiveBusy", "Night", "NightlyError", "archive_lock", "night_summary", "run_night", "write_night"]
