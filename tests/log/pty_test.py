#!/usr/bin/env python3
"""tfm log on a terminal, driven through a pseudo-terminal (python3's pty): every default
accepted, one school corrected, `<` to go back, Ctrl-C and Ctrl-D writing nothing; the log
file is compared byte for byte afterwards. With --time, also times a meeting of seven
schools logged with the defaults and prints the keystrokes and wall time.

usage: pty_test.py TFM CLI_CASES_DIR [--time]
"""
import os
import pty
import re
import select
import signal
import shutil
import sys
import tempfile
import time

TFM = os.path.abspath(sys.argv[1])
CASES = os.path.abspath(sys.argv[2])
BASE = os.path.join(CASES, "writers-base-tree")
LOG = "sessions/2021-22/brad-dev-2021a.yaml"
HERE = os.path.dirname(os.path.abspath(__file__))


PROMPT = re.compile(rb"(\]: |\w: |/<\] )")


def read_prompts(fd, count, buf, timeout=10.0):
    """Reads the terminal until it has shown `count` questions."""
    end = time.monotonic() + timeout
    while len(PROMPT.findall(buf)) < count:
        left = end - time.monotonic()
        if left <= 0:
            raise AssertionError(f"timed out waiting for question {count}; the screen so far:\n"
                                 + buf.decode("utf-8", "replace"))
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                chunk = b""
            if not chunk:
                raise AssertionError(f"tfm ended before question {count}:\n" + buf.decode("utf-8", "replace"))
            buf += chunk
    return buf


def settle():
    """Gives libedit time to put the terminal in raw mode after showing a question. A key
    typed ahead reaches a terminal still in line mode, where Linux turns Ctrl-D into a NUL
    when the mode changes (a person types a second Ctrl-D; the test must not need one)."""
    time.sleep(0.15)


def session(answers, final=None):
    """Runs tfm log in a fresh tree; each answer is typed after the next prompt (": " or
    "] "). `final` is a raw byte sent instead of a line after the answers. Returns
    (status, screen, tree)."""
    tree = tempfile.mkdtemp(prefix="tfm-pty-")
    shutil.copytree(BASE, tree, dirs_exist_ok=True)
    os.remove(os.path.join(tree, "README"))
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(tree)
        os.environ.update({"TERM": "xterm", "LC_ALL": "C.UTF-8", "TZ": "UTC"})
        os.environ.pop("NO_COLOR", None)
        os.execv(TFM, [TFM, "--as-of", "2021-11-20", "--color", "never", "log", "brad-dev-2021a"])
    buf = b""
    keys = 0
    for n, a in enumerate(answers, 1):
        buf = read_prompts(fd, n, buf)
        settle()
        os.write(fd, a.encode() + b"\r")
        keys += len(a) + 1
    if final is not None:
        buf = read_prompts(fd, len(answers) + 1, buf)
        settle()
        os.write(fd, final)
        keys += 1
    # tfm must finish on its own; one still waiting for input after 30 s is a failure, not a
    # hang of the suite.
    end = time.monotonic() + 30.0
    while True:
        left = end - time.monotonic()
        r, _, _ = select.select([fd], [], [], max(left, 0))
        if not r:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise AssertionError("tfm did not finish within 30 s; the screen so far:\n"
                                 + buf.decode("utf-8", "replace"))
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        buf += chunk
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), buf.decode("utf-8", "replace"), tree, keys


def check_file(tree, expected, name):
    with open(os.path.join(tree, LOG), "rb") as f:
        got = f.read()
    with open(expected, "rb") as f:
        want = f.read()
    if got != want:
        print(f"FAIL {name}: {LOG} differs from {expected}:\n{got.decode()}")
        return False
    return True


def main():
    ok = True
    defaults = [""] * 5 + [""] * 7 + [""]  # date, start, end, mode, agenda; 7 schools; write it
    everyone = os.path.join(CASES, "log-present-all", "after", LOG)
    original = os.path.join(BASE, LOG)
    runs = [
        ("every default", defaults, None, 0, everyone),
        ("one school corrected", [""] * 5 + ["Amina Khan"] + [""] * 6 + [""], None, 0,
         os.path.join(HERE, "expected", "one-school-corrected.yaml")),
        ("back with <", [""] * 5 + ["absent", "<", "ben jones"] + [""] * 6 + [""], None, 0,
         os.path.join(HERE, "expected", "back.yaml")),
        ("Tab completes a name; y to the warning", [""] * 5 + ["Z\t"] + [""] * 6 + ["y"], None, 0,
         os.path.join(HERE, "expected", "tab.yaml")),
        # a likely slip is said at its school's question and asked again
        ("a likely slip asked again at its question", [""] * 5 + ["Amina Kahn", "Amina Khan"] + [""] * 6 + [""], None, 0,
         os.path.join(HERE, "expected", "one-school-corrected.yaml")),
        ("a warning is asked about (Enter: no)", [""] * 5 + ["Yusuf Ali"] + [""] * 6 + [""], None, 1, original),
        ("Ctrl-C", [""] * 6, b"\x03", 1, original),
        ("Ctrl-D", [""] * 3, b"\x04", 1, original),
        ("n at the end", [""] * 12 + ["n"], None, 1, original),
        # 2021-09-28 is logged already: asked about, Enter writes nothing
        ("a session already logged is asked about (Enter: no)", ["2021-09-28"] + [""] * 3 + [""] * 7 + [""], None, 1,
         original),
    ]
    for name, answers, final, want_status, expected in runs:
        try:
            status, screen, tree, _ = session(answers, final)
        except AssertionError as e:
            print(f"FAIL {name}: {e}")
            ok = False
            continue
        if status != want_status:
            print(f"FAIL {name}: exit status {status}, expected {want_status}\n{screen}")
            ok = False
        elif not check_file(tree, expected, name):
            print(screen)
            ok = False
        else:
            print(f"ok   {name}")
        if name.startswith("a likely slip") and "did you mean `Amina Khan`" not in screen.split("Amina Khan\r")[0]:
            print(f"FAIL {name}: the slip was not said at its question\n{screen}")
            ok = False
        if want_status == 1 and "nothing was written" not in screen:
            print(f"FAIL {name}: no 'nothing was written' on the screen\n{screen}")
            ok = False
        if name == "every default" and os.environ.get("TFM_PTY_SHOW"):
            print(screen)
        shutil.rmtree(tree)
    if "--time" in sys.argv:
        start = time.monotonic()
        status, screen, tree, keys = session(defaults)
        took = time.monotonic() - start
        shutil.rmtree(tree)
        print(f"timed: a meeting of seven schools with the defaults: {keys} keystrokes, "
              f"{took:.2f} s wall time (tfm's own time; a person adds reading and typing), status {status}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
