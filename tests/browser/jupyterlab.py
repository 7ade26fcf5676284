"""JupyterLab as a person uses it, through Playwright: menus, a notebook's cells, Run All,
nbgrader's Validate button, what the page renders, and screenshots.

Selectors are JupyterLab 4's and nbgrader 0.9's own: `.jp-Cell`, `.cm-content` (CodeMirror 6),
`.jp-InputPrompt` (`[*]:` while queued or running), `.validate-button` (nbgrader's toolbar
button), `.jp-Dialog`, `mjx-container` (MathJax 3).
"""
import os
import time

import nbformat

from autograder.config import REPO_ROOT

__all__ = ["ARTIFACTS", "NO_PLAYWRIGHT", "Lab", "Notebook", "write_scratch"]

ARTIFACTS = REPO_ROOT / "build" / "browser-artifacts"
NO_PLAYWRIGHT = "the playwright package is not installed: run `make setup`"
TIMEOUT_MS = 120_000
RUN_TIMEOUT_MS = int(os.environ.get("BROWSER_RUN_TIMEOUT_MS", 600_000))  # Run All, busy machine
LOCAL = ("http://127.0.0.1:", "data:", "blob:", "about:")
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

_DONE_JS = """([panel, before]) => {
  const prompts = [...document.querySelectorAll(panel + ' .jp-InputPrompt')]
    .map(p => p.textContent);
  if (prompts.some(t => t.includes('*'))) return false;
  const counts = prompts.map(t => parseInt((t.match(/\\d+/) || ['0'])[0]));
  const status = document.querySelector(panel + ' .jp-Notebook-ExecutionIndicator');
  return Math.max(0, ...counts) > before && status && status.dataset.status === 'idle';
}"""
# The status bar's "Python 3 (ipykernel) | Idle": connected and idle. (The toolbar's execution
# indicator already says idle while the kernel is still starting: a Run All then is lost.)
_KERNEL_READY_JS = """() => [...document.querySelectorAll('.jp-StatusBar-TextItem')]
  .some(e => /^(?!No Kernel).+ \\| Idle$/.test(e.textContent.trim()))"""
_LAST_COUNT_JS = """(panel) => Math.max(0,
  ...[...document.querySelectorAll(panel + ' .jp-InputPrompt')]
    .map(p => parseInt((p.textContent.match(/\\d+/) || ['0'])[0])))"""
_SIGNATURE_JS = """(panel) => {
  const nb = document.querySelector(panel + ' .jp-Notebook');
  const loaded = [...nb.querySelectorAll('img')].filter(i => i.complete).length;
  return [nb.querySelectorAll('.jp-RenderedMarkdown').length,
          nb.querySelectorAll('mjx-container').length, loaded].join(',');
}"""
# What a markdown cell must not show once rendered: the rendered text outside code and math.
_RAW = [("unrendered math", "\\$\\$|\\$[^$\\n]+\\$"), ("a raw TeX command", "\\\\[A-Za-z]{2,}"),
        ("raw bold/emphasis markers", "\\*\\*|__"), ("a raw heading marker", "^[ \\t]*#{1,6}"),
        ("raw link syntax", "\\]\\("), ("a raw code fence", "```"),
        ("a raw table", "\\|\\s*:?-{3,}")]
_PROBLEMS_JS = """([panel, raw]) => {
  const problems = [];
  document.querySelectorAll(panel + ' .jp-Notebook .jp-Cell').forEach((cell, i) => {
    cell.querySelectorAll('img').forEach(img => {
      if (!img.complete || img.naturalWidth === 0)
        problems.push(`cell ${i}: image not shown: ${(img.getAttribute('src') || '')
          .slice(0, 80)}`);
    });
    if (!cell.classList.contains('jp-MarkdownCell')) return;
    const md = cell.querySelector('.jp-RenderedMarkdown');
    if (!md) { problems.push(`cell ${i}: markdown not rendered`); return; }
    md.querySelectorAll('mjx-merror, mjx-assistive-mml mtext[mathcolor="red"]').forEach(e =>
      problems.push(`cell ${i}: MathJax error: ${e.getAttribute('data-mjx-error')
        || e.textContent}`));
    const prose = md.cloneNode(true);
    prose.querySelectorAll('code, pre, mjx-container, script, .jp-InternalAnchorLink')
      .forEach(e => e.remove());
    prose.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, td, th, blockquote')
      .forEach(e => e.prepend('\\n'));  // each block on a line of its own
    const text = prose.textContent;
    for (const [what, pattern] of raw) {
      const m = text.match(new RegExp(pattern, 'm'));
      if (m) {
        const around = text.slice(Math.max(0, m.index - 30), m.index + 40).replace(/\\s+/g, ' ');
        problems.push(`cell ${i}: ${what}: "${around}"`);
      }
    }
  });
  return problems;
}"""


def write_scratch(path, cells):
    """A notebook of the test's own, with the kernel spec a learner's notebooks carry (without
    one, JupyterLab asks which kernel to start)."""
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                 "language": "python"}
    nbformat.write(nb, str(path))
    return path


class Lab:
    """One browser tab on one JupyterLab server; it notes every request that leaves the machine."""

    def __init__(self, page, server):
        self.page, self.server = page, server
        self.outside = []  # "no network needed": stays empty
        page.set_default_timeout(TIMEOUT_MS)
        page.on("request", self._note)

    def _note(self, request):
        if not request.url.startswith(LOCAL):
            self.outside.append(request.url)

    def goto(self, path="lab"):
        self.page.goto(self.server.address(f"{path}?reset"))  # ?reset: a fresh workspace
        self.page.locator(".lm-MenuBar-itemLabel").first.wait_for()

    def menu(self, top, item=None):
        """Open the menu `top` and click `item`; without `item`, its visible labels."""
        self.page.locator(f".lm-MenuBar-itemLabel:text-is('{top}')").click()
        entries = self.page.locator(".lm-Menu-item:not(.lm-mod-hidden) .lm-Menu-itemLabel")
        entries.first.wait_for()
        if item is not None:
            return entries.locator(f"text='{item}'").click()
        labels = [t.strip() for t in entries.all_inner_texts() if t.strip()]
        self.page.keyboard.press("Escape")
        return labels

    def open_notebook(self, path):
        """Open `path` (relative to the server's folder) once its kernel is idle and every cell
        is on the page."""
        cells = len(nbformat.read(str(self.server.root / path), as_version=4).cells)
        self.goto(f"lab/tree/{path}")
        self.page.wait_for_function(_KERNEL_READY_JS, polling=100)
        self.page.wait_for_function(
            "([panel, n]) => document.querySelectorAll(panel + ' .jp-Notebook .jp-Cell').length"
            " === n", arg=[PANEL, cells])
        return Notebook(self.page)

    def shoot(self, name):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))

    def shut_down_kernels(self):
        for session in self.server.api("sessions"):
            self.server.api(f"sessions/{session['id']}", method="DELETE")


class Notebook:
    """The notebook in the current tab."""

    def __init__(self, page):
        self.page = page
        self.cells = page.locator(f"{PANEL} .jp-Notebook .jp-Cell")

    def cell(self, index):
        return self.cells.nth(index)

    def show(self, index, end=False):
        """Scroll cell `index` into view; with `end`, the last line of its output."""
        if end:
            self.output(index).locator(".jp-OutputArea-output").last.evaluate(
                "e => e.scrollIntoView({block: 'end'})")
        else:
            self.cell(index).scroll_into_view_if_needed()
        self.page.wait_for_timeout(500)  # cells off screen are painted once in view

    def type_into(self, index, text):
        """Replace the text of cell `index` as a learner does: click, select all, type (the
        text arrives in one piece, as a paste does, so the editor adds no indentation)."""
        editor = self.cell(index).locator(".cm-content")
        editor.scroll_into_view_if_needed()
        editor.click()
        self.page.keyboard.press("Control+a")
        self.page.keyboard.insert_text(text)
        self.page.keyboard.press("Escape")

    def run_all(self, lab):
        """Run > Run All Cells, then wait until nothing is queued and the kernel is idle (Run All
        stops at the first cell that raises, as it does for a learner)."""
        before = self.page.evaluate(_LAST_COUNT_JS, PANEL)
        lab.menu("Run", "Run All Cells")
        self.page.wait_for_function(_DONE_JS, arg=[PANEL, before], timeout=RUN_TIMEOUT_MS,
                                    polling=250)

    def output(self, index):
        return self.cell(index).locator(".jp-OutputArea")

    def validate(self):
        """Press nbgrader's Validate button (it saves first); the results dialog."""
        from playwright.sync_api import expect  # imported here: conftest skips when it is absent
        self.page.locator(f"{PANEL} .validate-button").click()
        dialog = self.page.locator(".jp-Dialog")
        expect(dialog.locator(".jp-Dialog-header")).to_have_text("Validation Results",
                                                                 timeout=RUN_TIMEOUT_MS)
        return dialog

    def close_dialog(self):
        self.page.locator(".jp-Dialog .jp-mod-accept").click()
        self.page.locator(".jp-Dialog").wait_for(state="detached")

    def wait_rendered(self, timeout_s=60, quiet_s=2.0):
        """Wait until markdown, MathJax and images have stopped changing for `quiet_s`."""
        deadline, last, since = time.monotonic() + timeout_s, None, time.monotonic()
        while time.monotonic() < deadline:
            now = self.page.evaluate(_SIGNATURE_JS, PANEL)
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet_s:
                return
            time.sleep(0.25)

    def render_problems(self):
        """What a reader would see as broken: markdown left raw, math MathJax could not typeset,
        images that did not load. An empty list when all is well."""
        self.wait_rendered()
        return self.page.evaluate(_PROBLEMS_JS, [PANEL, _RAW])

    def images(self, index):
        """(naturalWidth, naturalHeight, src prefix) of each picture in cell `index`'s output."""
        return self.output(index).locator("img").evaluate_all(
            "imgs => imgs.map(i => [i.naturalWidth, i.naturalHeight, i.src.slice(0, 22)])")
