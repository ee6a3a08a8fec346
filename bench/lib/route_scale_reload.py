#!/usr/bin/env python3
"""Time from changing one rule to a server serving it (bench/route-scale.sh).

Each round moves one path of one host (its Ingress or HTTPRoute, or its nginx location) to a new name,
/mK/, in the file the server reads, runs the reload command if there is one (nginx -s reload), and
then asks the server for https://HOST/mK/page over a new TLS connection (SNI = HOST) every few
milliseconds until it answers 200. The figure is the time from just before the write to that first
200, so it includes noticing the change, parsing, rebuilding the routes and swapping them in. The
next round starts once the previous change is served. The first RELOAD_WARMUP rounds (environment, default 2)
are not in the median: as the keep-alive figure follows a warm-up, so does this one (a JVM's first reloads run
before the JIT has compiled the rule builder); the very first round is printed as first_reload_ms.

Usage: route_scale_reload.py FILE DOC_MARKER PATH_FORMAT HOST PORT ROUNDS [RELOAD_COMMAND...]
  FILE          the YAML or nginx file holding the rule
  DOC_MARKER    text that starts the piece of FILE to edit ("name: site-0500" / "server_name h0500.bench.test;")
  PATH_FORMAT   how the path is written there, with PATH for the path ("path: PATH," / "value: PATH}" / "location PATH ")
Prints one line per round, "first_reload_ms=MS ms" and "reload_ms=MEDIAN ms" (of the rounds after the warm-up).
"""
import os
import socket
import ssl
import statistics
import subprocess
import sys
import time

def edit(path, marker, fmt, old, new):
    text = open(path).read()
    start = text.index(marker)
    end = text.find("---\n", start)
    end = len(text) if end < 0 else end
    if marker.startswith("server_name"):
        end = text.find("server {", start)
        end = len(text) if end < 0 else end
    piece = text[start:end]
    needle = fmt.replace("PATH", old)
    if needle not in piece:
        sys.exit("route_scale_reload: %r not found after %r in %s" % (needle, marker, path))
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text[:start] + piece.replace(needle, fmt.replace("PATH", new), 1) + text[end:])
    os.replace(tmp, path)  # as editors and kubectl-less workflows do: the file changes at once


def status(host, port, path, context):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as raw:
            with context.wrap_socket(raw, server_hostname=host) as s:
                s.sendall(("GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % (path, host)).encode())
                head = s.recv(64).decode("latin-1")
                return int(head.split(" ")[1]) if head.startswith("HTTP/") else 0
    except (OSError, ValueError, IndexError):
        return 0


def main():
    path, marker, fmt, host, port, rounds = sys.argv[1:7]
    reload_command = sys.argv[7:]
    port, rounds = int(port), int(rounds)
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    old = "/s3/"
    warmup = int(os.environ.get("RELOAD_WARMUP", "2"))
    times = []
    for k in range(warmup + rounds):
        new = "/m%d/" % k
        t0 = time.monotonic()
        edit(path, marker, fmt, old, new)
        if reload_command:
            subprocess.run(reload_command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = t0 + 30
        while status(host, port, new + "page", context) != 200:
            if time.monotonic() > deadline:
                sys.exit("route_scale_reload: %s was not served within 30 s" % new)
            time.sleep(0.002)
        ms = (time.monotonic() - t0) * 1000
        times.append(ms)
        print("# %s %d: %s served after %.0f ms" % ("warm-up" if k < warmup else "round", k + 1, new, ms))
        old = new
        time.sleep(1.5)  # let the server settle (and a file poller see a quiet directory) before the next change
    edit(path, marker, fmt, old, "/s3/")  # as it was, for the next run
    if reload_command:
        subprocess.run(reload_command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print("first_reload_ms=%.0f ms" % times[0])
    print("reload_ms=%.0f ms" % statistics.median(times[warmup:]))


if __name__ == "__main__":
    main()
