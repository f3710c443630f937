"""The `factcheck` command.

Exit codes a CMS or CI can gate on: 0 no finding at or above --fail-on, 1 some, 2 a usage or
set-up error. Heavy libraries (torch, the model) are imported only inside `check`, so `--help`
and `factcheck rules` answer at once.
"""

from __future__ import annotations

import os
import warnings
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import click
import typer

from factcheck import __version__
from factcheck.atomic import OutputError
from factcheck.config import BY_NAME as SETTINGS_BY_NAME
from factcheck.config import FAIL_ON
from factcheck.records import SEVERITIES
from factcheck.import_soon import import_soon
from factcheck.report import FORMATS
from factcheck.provenance import OUTPUT_FOLDER
from factcheck.terminal import file_url, printable
from factcheck.user_cache import CacheRebuilt

if TYPE_CHECKING:
    from factcheck.embed import Embedder
    from factcheck.records import Finding, RunResult
    from factcheck.workers import Runner

T = TypeVar("T")

app = typer.Typer(
    help="Find where articles about one story disagree: names, numbers, dates, roles, quotes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


OutputFormat = Enum("OutputFormat", {name: name for name in FORMATS}, type=str)


FAIL_ON_SETTING = SETTINGS_BY_NAME["fail_on"]
FailOn = Enum("FailOn", {name: name for name in FAIL_ON}, type=str)


class Backend(str, Enum):
    onnx = "onnx"
    torch = "torch"
    tfidf = "tfidf"
    static = "static"


# TF-IDF vectors compare only within one run, so a night cannot archive them.
ArchivedBackend = Enum("ArchivedBackend", {backend.name: backend.value for backend in Backend if backend is not Backend.tfidf}, type=str)

# Options check and nightly share, declared once. --fail-on mirrors the fail_on setting,
# whose declaration (factcheck.config) gives its help and its default.
ModelOption = Annotated[str | None, typer.Option(help="Sentence-transformers model folder or cached name. [default: bundled all-MiniLM-L6-v2]", show_default=False)]
FailOnOption = Annotated[FailOn | None, typer.Option(help=f"{FAIL_ON_SETTING.help[0].upper()}{FAIL_ON_SETTING.help[1:]}. [default: the fail_on setting, else {FAIL_ON_SETTING.default}]", show_default=False)]
ConfigOption = Annotated[Path | None, typer.Option(help="Settings file. [default: factcheck.toml in the checked folder or a parent]", show_default=False)]
DaskOption = Annotated[str | None, typer.Option("--dask", metavar="ADDRESS", help="Run extraction, embedding and story checks on the Dask scheduler at ADDRESS (e.g. tcp://10.0.0.5:8786); needs the dask extra.", show_default=False)]
WorkersOption = Annotated[int | None, typer.Option("--workers", min=1, help="Run extraction, embedding and story checks on a Dask cluster of N worker processes on this machine; needs the dask extra.", show_default=False)]


_python_warning = warnings.showwarning
EXIT_FINDINGS = 1
EXIT_USAGE = 2
# --archive values that name a database server rather than a folder.
SERVER_ARCHIVES = ("postgresql://", "postgres://")


def fail(message: str) -> typer.Exit:
    """One line on stderr and exit 2: bad input never earns a traceback."""
    say(f"factcheck: error: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def say(line: str, err: bool = False) -> None:
    """A line that may carry file names, draft text or settings: printed escaped (see
    `terminal`), so it stays one line and no control character takes effect."""
    typer.echo(printable(line), err=err)


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(metavar="PATHS", help="Draft files or folders (read recursively: .txt .md .html .docx).", show_default=False)],
    story_per_folder: Annotated[bool, typer.Option("--story-per-folder", help="Each immediate subfolder is a story of its own; articles are compared only within their story.")] = False,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Report format: html, json, csv, markdown (a CMS comment, with finding ids), or concise (one line per finding, path:line:col: CODE [severity] message, on stdout; its last line counts them and ends in [factcheck-report], the mark that stops factcheck reading its own reports as drafts). Files not read are named on stderr in every format.")] = OutputFormat.html,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Report file, or - for stdout. [default: reports/<folder>.<format> in the current folder; factcheck-output/reports/ when the current folder is one being checked; stdout for concise]", show_default=False)] = None,
    model: ModelOption = None,
    backend: Annotated[Backend, typer.Option(help="Embedding backend: onnx (bundled model, no torch after a one-time export), torch (reference; any --model), static (distilled, fast, less faithful; needs the static extra), tfidf (no model).")] = Backend.onnx,
    fail_on: FailOnOption = None,
    config: ConfigOption = None,
    claims: Annotated[Path | None, typer.Option(help="Folder for the extracted-claims table. [default: claims/ beside reports/; none when the report goes to stdout]", show_default=False)] = None,
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help="Reuse sentence vectors and unchanged stories' findings from earlier runs (user cache folder).")] = True,
    baseline: Annotated[Path | None, typer.Option(help="Findings accepted with `factcheck ignore`: shown folded away, never counted in the exit code. [default: .factcheck-baseline.json beside the drafts]", show_default=False)] = None,
    new_only: Annotated[bool, typer.Option("--new-only", help="Leave findings in the baseline out of the report altogether.")] = False,
    dask: DaskOption = None,
    workers: WorkersOption = None,
) -> None:
    """Check drafts for disagreements and write a discrepancy report."""
    from factcheck import baseline as baselines
    from factcheck.config import ConfigError, load_settings
    from factcheck.embed import ModelIntegrityError, load_embedder
    from factcheck.pipeline import check_paths, report_name
    from factcheck.workers import RunnerError
    from factcheck.report import write_report
    from factcheck.report.contents import summary_line

    missing = [path for path in paths if not path.exists()]
    if missing:
        raise fail(f"{missing[0]}: no such file or folder; nothing was checked or written")
    _probe_cluster(dask, workers)
    if output not in (None, "-") and Path(output).is_dir():
        raise fail(f"{output}: cannot write the report there: it is a folder; give a file name; nothing was checked")
    try:
        settings = load_settings(config, paths)
        decisions = baselines.load(baseline or baselines.default_path(paths))
    except (ConfigError, baselines.BaselineError) as error:
        raise fail(str(error)) from None
    if model is None:
        _announce_one_time_preparation(backend)
    try:
        loaded = load_embedder(model, backend.value, cache=cache)
    except ModelIntegrityError as error:
        raise fail(str(error)) from None
    for warning in loaded.warnings:
        say(f"factcheck: warning: {warning}", err=True)
    import_soon("pandas")

    given = [str(path) for path in paths]
    try:
        with _runner(dask, workers, model, backend, loaded.embedder) as runner:
            analysis = check_paths(
                given,
                settings,
                loaded.embedder,
                story_per_folder=story_per_folder,
                warnings=loaded.warnings,
                track=_progress_bar,
                cache=_story_cache(loaded.embedder, settings) if cache else None,
                runner=runner,
            )
    except RunnerError as error:
        raise fail(str(error)) from None
    result = baselines.apply(analysis.result, decisions, new_only)
    fmt = FORMATS[output_format.value]
    _echo_input_problems(result, shown=loaded.warnings)
    if not result.articles:
        raise fail("nothing to check: none of the given paths held a readable draft; nothing was written")

    from factcheck.claims_store import write_claims

    name = report_name(given)
    outputs = output_folder(paths)
    destination = output or ("-" if fmt.terminal else str(outputs / "reports" / f"{name}{fmt.suffix}"))
    try:
        if claims is not None or destination != "-":
            write_claims(analysis.claims, analysis.story_of, (claims or outputs / "claims") / f"{name}.jsonl")
        written = write_report(result, fmt.name, destination)
    except OutputError as error:
        raise fail(str(error)) from None
    baselines.remember_check(baseline or baselines.default_path(paths), [finding.id for finding in analysis.result.findings])

    open_findings = result.open_findings
    if written and sys.stdout.isatty() and open_findings:
        _summary_table(open_findings)
    if written or not fmt.terminal:
        say(summary_line(result) + (f". Report: {file_url(written)}" if written else ""), err=written is None)
    if fails(open_findings, fail_on.value if fail_on else settings.fail_on):
        raise typer.Exit(EXIT_FINDINGS)


def fails(findings: Sequence[Finding], fail_on: str) -> bool:
    """Whether any finding is at or above `fail_on` (never: none is)."""
    if fail_on == "never":
        return False
    gate = SEVERITIES[: SEVERITIES.index(fail_on) + 1]
    return any(finding.severity in gate for finding in findings)


def _probe_cluster(address: str | None, workers: int | None) -> None:
    """Options that cannot work, and an unreachable scheduler, are one line before anything is
    loaded or read."""
    if address is not None and workers is not None:
        raise fail("give --dask ADDRESS (an existing cluster) or --workers N (a cluster here), not both")
    if address:
        from factcheck.workers import RunnerError, probe

        try:
            probe(address)
        except RunnerError as error:
            raise fail(str(error)) from None


@contextmanager
def _runner(dask: str | None, workers: int | None, model: str | None, backend: Backend, embedder: Embedder) -> Iterator[Runner]:
    """Where the independent work runs: this process, or a Dask cluster (closed afterwards)."""
    from factcheck.workers import EmbedderSpec, InProcess, connect

    if dask is None and workers is None:
        yield InProcess(embedder, _progress_bar)
        return
    runner = connect(dask, workers, EmbedderSpec(model, backend.value), track=_progress_bar)
    try:
        yield runner
    finally:
        runner.close()


def output_folder(checked: Sequence[Path]) -> Path:
    """Where reports/ and claims/ go by default: the current folder, unless it is one of the
    folders being checked (or inside one), where they would be read back as drafts next run;
    then its visible factcheck-output/ folder, which is never read as drafts."""
    here = Path.cwd().resolve()
    for path in checked:
        folder = (path if path.is_dir() else path.parent).resolve()
        if here.is_relative_to(folder):
            return Path(OUTPUT_FOLDER)
    return Path(".")


@app.command()
def nightly(
    inbox: Annotated[Path, typer.Argument(metavar="INBOX", help="Folder of the day's articles, on any number of stories, not sorted.", show_default=False)],
    night: Annotated[str | None, typer.Option("--date", help="The night's date, YYYY-MM-DD. [default: today]", show_default=False)] = None,
    archive: Annotated[str | None, typer.Option(help="Folder of the claims archive (SQLite) and its lock, or a PostgreSQL server's postgresql://user:password@host/database (needs the postgresql extra; the standing baseline then stays in claims/). [default: claims/, or factcheck-output/claims/ when run inside the inbox]", show_default=False)] = None,
    reports: Annotated[Path | None, typer.Option(help="Reports go to REPORTS/YYYY-MM-DD/. [default: reports/, or factcheck-output/reports/ when run inside the inbox]", show_default=False)] = None,
    model: ModelOption = None,
    archived_backend: Annotated[ArchivedBackend, typer.Option("--backend", help="Embedding backend: onnx (bundled model), torch (any --model) or static (needs the static extra); TF-IDF is not offered, as its vectors cannot be archived.")] = ArchivedBackend.onnx,
    fail_on: FailOnOption = None,
    config: ConfigOption = None,
    dask: DaskOption = None,
    workers: WorkersOption = None,
) -> None:
    """The scheduled job: group the day's articles into stories, check them against each
    other and against archived articles of the same stories, archive them, and write
    REPORTS/YYYY-MM-DD/ (index.html, a page per story, findings.json). Exit 1 when there are
    new findings at or above --fail-on (by default any: a count, date or name contradicting
    what earlier nights published is what the night exists to catch), 2 when the run cannot
    start (one line saying why)."""
    from datetime import date

    from factcheck.config import ConfigError, load_settings
    from factcheck.embed import ModelIntegrityError, load_embedder
    from factcheck.nightly import ArchiveBusy, NightlyError, archive_lock, night_summary, run_night, write_night
    from factcheck.nightly.archive import ArchiveDamaged
    from factcheck.nightly.postgres import ArchiveServerError
    from factcheck.workers import RunnerError

    backend = Backend(archived_backend.value)
    try:
        day = date.fromisoformat(night) if night else date.today()
    except ValueError:
        raise fail(f"--date must be YYYY-MM-DD, not {night!r}") from None
    if not inbox.is_dir():
        raise fail(f"{inbox}: no such folder")
    _probe_cluster(dask, workers)
    archive_url = archive if archive and archive.startswith(SERVER_ARCHIVES) else None
    archive_folder = Path(archive) if archive and not archive_url else output_folder([inbox]) / "claims"
    reports = reports or output_folder([inbox]) / "reports"
    try:
        settings = load_settings(config, [inbox])
        with archive_lock(archive_folder):
            if model is None:
                _announce_one_time_preparation(backend)
            loaded = load_embedder(model, backend.value)
            for warning in loaded.warnings:
                say(f"factcheck: warning: {warning}", err=True)
            with _runner(dask, workers, model, backend, loaded.embedder) as runner:
                done = run_night(inbox, day, archive_folder, settings, loaded.embedder, track=_progress_bar, runner=runner, archive_url=archive_url)
            index = write_night(done, reports)
    except (ConfigError, ArchiveBusy, ArchiveDamaged, ArchiveServerError, NightlyError, ModelIntegrityError, OutputError, RunnerError) as error:
        raise fail(str(error)) from None
    _echo_input_problems(done.result, shown=loaded.warnings)
    say(night_summary(done, index))
    if fails(done.new_findings, fail_on.value if fail_on else settings.fail_on):
        raise typer.Exit(EXIT_FINDINGS)


@app.command("ignore")
def ignore_finding(
    finding_id: Annotated[str | None, typer.Argument(metavar="[ID]", help="The finding's id, as the report shows it (e.g. name-variant-878c7ff214e1).", show_default=False)] = None,
    drafts: Annotated[Path | None, typer.Argument(help="The drafts folder whose baseline holds the decision. [default: the drafts folder you stand in, else that of your last check]", show_default=False)] = None,
    reason: Annotated[str | None, typer.Option(help="Why the finding is accepted as it is; shown in later reports.", show_default=False)] = None,
    undo: Annotated[bool, typer.Option("--undo", help="Take back the decision on ID: the finding is counted again.")] = False,
    list_: Annotated[bool, typer.Option("--list", help="List the findings ignored in the drafts' baseline, with the reasons.")] = False,
    baseline: Annotated[Path | None, typer.Option(help="Baseline file. [default: .factcheck-baseline.json in the drafts folder]", show_default=False)] = None,
) -> None:
    """Accept a finding of the last check: later checks (and nightly runs) show it folded
    away and leave it out of the exit code. --undo takes it back; --list shows what was
    accepted. Run it from any folder."""
    from factcheck import baseline as baselines

    if list_ and finding_id is not None and drafts is None and not baselines.FINDING_ID.fullmatch(finding_id):
        finding_id, drafts = None, Path(finding_id)  # `factcheck ignore --list DRAFTS`
    asked = baseline or (baselines.default_path([drafts]) if drafts else None)
    try:
        if list_:
            _list_ignored(asked or baselines.baseline_here(Path.cwd()))
        elif finding_id is None:
            raise OutputError("name the finding's id (factcheck ignore ID --reason ...), or use --list")
        elif undo:
            path = asked or baselines.baseline_holding(finding_id, Path.cwd())
            undone = baselines.unignore(path, finding_id)
            say(f"{finding_id} counted again (it had been ignored: {undone.reason}); recorded in {path}")
        else:
            baselines.check_decision(finding_id, reason or "")
            path = baselines.baseline_for(finding_id, Path.cwd(), asked)
            baselines.ignore(path, finding_id, reason or "")
            say(f"{finding_id} ignored ({(reason or '').strip()}); recorded in {path}; undo with: factcheck ignore --undo {finding_id}")
    except (baselines.BaselineError, OutputError) as error:
        raise fail(str(error)) from None


def _list_ignored(path: Path | None) -> None:
    from factcheck.baseline import load

    if path is None:
        say("no baseline here and no check yet: nothing is ignored")
        return
    decisions = load(path)
    if not decisions:
        say(f"nothing is ignored in {path}")
        return
    say(f"{len(decisions)} ignored in {path}:")
    for finding_id, decision in decisions.items():
        say(f"  {finding_id}  {decision.reason}  (decided {decision.decided[:10]})")


@app.command("rules")
def list_rules(
    rule: Annotated[str | None, typer.Argument(help="A rule name or code to explain.", show_default=False)] = None,
) -> None:
    """List the rules, or explain one (`factcheck rules name-variant`)."""
    from factcheck.decide import bundled_model, reach
    from factcheck.rules import RULES, find_rule

    if rule is None:
        typer.echo(f"{'code':<6} {'name':<18} {'reported':<8} summary")
        for item in RULES.values():
            typer.echo(f"{item.code:<6} {item.name:<18} {reach(item.name, item.severity).label:<8} {item.summary}")
        typer.echo(
            "\nreported: 'decided' means the decision layer reports a candidate or not and grades it (high from a"
            f"\ncalibrated confidence of {bundled_model().high_from:.1f}); 'never' means it reports none of the rule's candidates; 'high' or"
            "\n'medium' is the rule's own grade, for a rule the decision layer was not fitted on. A severity set"
            "\nin the settings re-grades what is reported. `factcheck rules CODE` explains one rule."
        )
        return
    found = find_rule(rule)
    if found is None:
        raise fail(f"no rule named {rule!r}; `factcheck rules` lists them")
    parameters = "\n".join(
        f"    {key} = {parameter.default}   # {parameter.help} ({parameter.low} to {parameter.high})"
        for key, parameter in found.declared.items()
    ) or "    (none)"
    typer.echo(
        f"{found.code} {found.name} (the rule's own severity: {found.severity})\n"
        f"Reported: {reach(found.name, found.severity).detail}.\n\n{found.docs}\n\nSettings ([rules.{found.name}]):\n{parameters}"
    )


@app.callback(invoke_without_command=True)
def version_option(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.", is_eager=True)] = False,
) -> None:
    if version:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


def _story_cache(embedder: object, settings: object):
    """A cache of story findings, for embedders whose vectors depend only on the sentence."""
    from factcheck.story_cache import StoryCache

    key = embedder.cache_key
    return StoryCache(key, settings) if key else None


def _announce_one_time_preparation(backend: Backend) -> None:
    """The first run exports (or distils) the bundled model; say so, or a silent pause of
    ten seconds or more looks like a hang."""
    if backend is Backend.onnx:
        from factcheck.embed.onnx_runtime import is_exported

        if not is_exported():
            typer.echo("factcheck: preparing the bundled model for ONNX Runtime (once, about 10 s)...", err=True)
    elif backend is Backend.static:
        from factcheck.embed.static import is_distilled

        if not is_distilled():
            typer.echo("factcheck: distilling the static model from the bundled one (once, about 30 s)...", err=True)


def _summary_table(findings: list) -> None:
    """Findings by rule and severity, in colour, for a person at a terminal."""
    from collections import Counter

    from rich.console import Console
    from rich.table import Table


    colours = {"high": "bold red", "medium": "yellow", "low": "cyan"}
    counts = Counter((finding.rule, finding.severity) for finding in findings)
    table = Table(title="factcheck findings", title_justify="left")
    table.add_column("rule")
    for severity in SEVERITIES:
        table.add_column(severity, justify="right", style=colours.get(severity))
    for rule in sorted({finding.rule for finding in findings}):
        table.add_row(rule, *(str(counts[(rule, severity)] or "") for severity in SEVERITIES))
    Console().print(table)


def _echo_input_problems(result: RunResult, shown: Sequence[str]) -> None:
    """One stderr line per unreadable draft (file: reason) and per draft read on a guess."""
    for error in result.errors:
        say(f"factcheck: {error.path}: {error.error}", err=True)
    for warning in result.warnings:
        if warning not in shown:
            say(f"factcheck: warning: {warning}", err=True)


def _progress_bar(items: Iterable[T], description: str, total: int) -> Iterable[T]:
    """A progress bar on stderr when a person is watching; nothing in logs or pipes."""
    if not sys.stderr.isatty() or total < 2:
        return items
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import track

    label = escape(printable(description))  # a story is named after a folder: plain text
    return track(items, description=label, total=total, console=Console(stderr=True), transient=True)


def _warning_line(message: Warning | str, category: type[Warning], *rest: object) -> None:
    """A cache set aside and rebuilt is one warning line like any other; other libraries'
    warnings keep Python's own format."""
    if issubclass(category, CacheRebuilt):
        say(f"factcheck: warning: {message}", err=True)
    else:
        _python_warning(message, category, *rest)  # type: ignore[arg-type]


def _usage_errors() -> tuple[type[Exception], ...]:
    """Click's usage errors, and those of the click that newer typer releases carry inside."""
    found: list[type[Exception]] = [click.UsageError]
    try:
        from typer._click.exceptions import UsageError as VendoredUsageError
    except ImportError:
        return tuple(found)
    return (*found, VendoredUsageError)


USAGE_ERRORS = _usage_errors()


def main() -> None:
    """Console entry point: any unexpected error is one line, unless FACTCHECK_DEBUG is set."""
    warnings.showwarning = _warning_line
    try:
        status = app(standalone_mode=False)
    except USAGE_ERRORS as error:
        if type(error).__name__ == "NoArgsIsHelpError":  # `factcheck` alone: the help, as asked
            typer.echo(error.format_message())
            sys.exit(0)
        command = error.ctx.command_path if error.ctx else "factcheck"
        say(f"factcheck: error: {error.format_message()} (see `{command} --help`)", err=True)
        sys.exit(2)
    except (click.Abort, typer.Abort):
        say("factcheck: stopped", err=True)
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - last line of defence for a newsroom user
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        say(f"factcheck: internal error: {type(error).__name__}: {error} (set FACTCHECK_DEBUG=1 for details)", err=True)
        sys.exit(3)
    sys.exit(status if isinstance(status, int) else 0)
