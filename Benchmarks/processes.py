"""Whole processes, as a clerk runs them, beside the Python + Jinja2 anchor (../shared/bench/jinja_anchor.py),
at 10, 1,000 and 5,000 agenda items (3 directives of 5 points each). Run by `make bench` after the release build.

Each figure is the median wall time of several runs of one whole process (start, work, exit); the anchor loads
the same report's data from JSON and renders it with Jinja2. Ratios matter more than absolute times: the machine
is shared. Prints figures; asserts nothing."""
import os, subprocess, sys, tempfile, time, statistics

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release")
ANCHOR = os.path.join(ROOT, "..", "shared", "bench", "jinja_anchor.py")


def timed(command, runs, stdin=b""):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    has_anchor = os.path.exists(ANCHOR)
    if has_anchor:
        try:
            import jinja2  # noqa: F401
        except ImportError:
            has_anchor = False
    rows = []
    with tempfile.TemporaryDirectory() as workspace:
        for items in (10, 1000, 5000):
            runs = 15 if items <= 1000 else 5
            subprocess.run([os.path.join(BIN, "minutes-benchmark"), "--write-session", str(items), workspace], check=True)
            name = f"bench-{items}"
            run = lambda *args: [os.path.join(BIN, "minutes"), *args, "--workspace", workspace]
            export = timed(run("export", name), runs)
            check = timed(run("check", name), runs)
            resume = timed(run("resume", name), runs, stdin=b":quit\n")
            anchor = None
            if has_anchor:
                data = os.path.join(workspace, f"anchor-{items}.json")
                subprocess.run([sys.executable, ANCHOR, "--write", str(items), data], check=True)
                anchor = timed([sys.executable, ANCHOR, "--render", data], runs)
            rows.append((items, export, check, resume, anchor))
    start = timed([os.path.join(BIN, "minutes"), "new", "--template", "gov-executive.zh-Hant", "--workspace",
                   tempfile.mkdtemp(), "--name", "first"], 1)
    print("items  export (ms)  check (ms)  resume+:quit (ms)  jinja2 render (ms)  export/jinja2  check/jinja2")
    for items, export, check, resume, anchor in rows:
        dash = "-"
        ratio = (lambda x: f"{x / anchor:13.2f}") if anchor else (lambda x: f"{dash:>13}")
        shown = f"{anchor:18.1f}" if anchor else f"{dash:>18}"
        print(f"{items:5d}  {export:11.1f}  {check:10.1f}  {resume:17.1f}  {shown}  {ratio(export)}  {ratio(check)}")
    print(f"time to first prompt (minutes new … </dev/null, one run): {start:.1f} ms")
    if not has_anchor:
        print("(the anchor needs ../shared/bench/jinja_anchor.py and jinja2: pip install jinja2)")


main()
