#!/usr/bin/env python3
"""Runs a command, sends it a signal once it says it is waiting, and reports.

    interrupt.py SIGNAL MARKER [--meanwhile OTHER...] -- COMMAND...

Starts COMMAND with its stderr piped; when a line of its stderr contains
MARKER (`structify fix --debug-wait-after=write` prints one after it has
written the files), runs OTHER (if given) to its end and prints its stderr
and `other exit N`, then sends SIGNAL (INT, TERM or HUP) to COMMAND and waits
for it to exit. Prints COMMAND's stderr, then `exit N` (N: its exit code, or 128 +
the signal that ended it). Fails if COMMAND ends, or 120 s pass, before
MARKER appears.
"""
import signal
import subprocess
import sys
import threading


def main():
    sig = getattr(signal, "SIG" + sys.argv[1])
    marker = sys.argv[2]
    split = sys.argv.index("--")
    command = sys.argv[split + 1:]
    meanwhile = sys.argv[4:split] if sys.argv[3] == "--meanwhile" else []
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    seen = threading.Event()
    lines = []

    def read():
        for line in proc.stderr:
            lines.append(line)
            if marker in line:
                seen.set()

    reader = threading.Thread(target=read)
    reader.start()
    for _ in range(1200):
        if seen.wait(0.1) or proc.poll() is not None:
            break
    if not seen.is_set():
        proc.kill()
        reader.join()
        sys.exit("interrupt.py: %r never appeared; the command said:\n%s" %
                 (marker, "".join(lines)))
    if meanwhile:
        other = subprocess.run(meanwhile, stderr=subprocess.PIPE, text=True)
        sys.stdout.write(other.stderr)
        print("other exit %d" % other.returncode)
    proc.send_signal(sig)
    code = proc.wait(120)
    reader.join()
    sys.stdout.write("".join(lines))
    print("exit %d" % (128 - code if code < 0 else code))


main()
