"""Remake docs/seeds-report.png, the README's picture of the seeds report.

    factcheck check seeds/ --output reports/seeds.html
    python docs/screenshot.py reports/seeds.html

Uses Debian's Chromium through Playwright, as the browser test does. The page opens on the
findings, so the picture is its first screenful.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent


def main() -> None:
    report = Path(sys.argv[1] if len(sys.argv) > 1 else "reports/seeds.html").resolve()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 1500})
        page.goto(report.as_uri())
        page.screenshot(path=str(HERE / "seeds-report.png"), full_page=False)
        browser.close()


if __name__ == "__main__":
    main()
