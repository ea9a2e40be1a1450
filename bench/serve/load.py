#!/usr/bin/env python3
"""Load on `derive serve` over the loopback: C clients post the seed documents (or the Examples)
in turn for S seconds; prints the requests answered, any error, the server's peak memory (RSS) and
the time to answer a one-line edit of a 100-step document. Fails when a request errs or the peak
memory passes the bound.

    load.py DERIVE [SECONDS] [CLIENTS] [MEMORY_BOUND_MB]
"""
import glob, os, re, subprocess, sys, threading, time, urllib.request

def main():
    derive = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 60
    clients = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    bound = float(sys.argv[4]) if len(sys.argv) > 4 else 512
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    docs = sorted(glob.glob(os.path.join(root, "..", "shared", "seeds", "*.txt"))) or sorted(glob.glob(os.path.join(root, "Examples", "*.md")))
    bodies = [open(d, "rb").read() for d in docs]
    server = subprocess.Popen([derive, "serve", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = re.search(r":(\d+)/", server.stdout.readline()).group(1)
        url = f"http://127.0.0.1:{port}/api/verify"
        def post(body):
            return urllib.request.urlopen(urllib.request.Request(url, data=body, headers={"Content-Type": "text/markdown"}), timeout=60).read()
        # A one-line edit of a 100-step document (after the first check of it).
        doc = "\n\n".join(f"$$({k}x+1)^2 = {k*k}x^2 + {2*k}x + 1$$" for k in range(1, 101)).encode()
        post(doc)
        edited = doc.replace(b"(50x+1)^2 = 2500x^2", b"(50x+1)^2 = 2501x^2")
        def timed(body):
            start = time.perf_counter(); post(body); return time.perf_counter() - start
        edit = min(timed(edited) for _ in range(5))
        # A real document: a number changed halfway through the longest one, and changed back.
        longest = max(bodies, key=len)
        middle = next(i for i in range(len(longest) // 2, len(longest)) if chr(longest[i]).isdigit())
        changed = longest[:middle] + (b"3" if longest[middle:middle + 1] != b"3" else b"4") + longest[middle + 1:]
        post(longest)
        real_edit = min(timed(changed if k % 2 == 0 else longest) for k in range(6))
        counts, errors, peak = [0], [], [0.0]
        lock = threading.Lock()
        stop = time.time() + seconds
        def client(k):
            i = k
            while time.time() < stop:
                try:
                    post(bodies[i % len(bodies)])
                    with lock: counts[0] += 1
                except Exception as e:
                    with lock: errors.append(str(e))
                i += 1
        def memory():
            while time.time() < stop:
                try:
                    rss = int(re.search(r"VmRSS:\s+(\d+)", open(f"/proc/{server.pid}/status").read()).group(1)) / 1024
                    peak[0] = max(peak[0], rss)
                except Exception: pass
                time.sleep(0.5)
        threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)] + [threading.Thread(target=memory)]
        for t in threads: t.start()
        for t in threads: t.join()
        print(f"derive serve, {clients} clients for {seconds:.0f} s posting {len(bodies)} documents: {counts[0]} answered, "
              f"{len(errors)} errors, peak memory {peak[0]:.0f} MB (bound {bound:.0f} MB)")
        print(f"derive serve, a one-line edit of a 100-step document: {edit * 1000:.0f} ms (HTTP client, best of 5)")
        print(f"derive serve, a one-line edit halfway through {os.path.basename(docs[bodies.index(longest)])}: {real_edit * 1000:.0f} ms "
              "(HTTP client, best of 6)")
        if errors: print("first error:", errors[0])
        sys.exit(1 if errors or peak[0] > bound else 0)
    finally:
        server.terminate()
        server.wait(timeout=10)

if __name__ == "__main__":
    main()
