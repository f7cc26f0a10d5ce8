"""Writes src/metrics/fixtures/rapidfuzz-opcodes.json: what rapidfuzz (the library jiwer calls) answers
for the synthetic pairs of bench/pairs.ts, so align.test.ts can check our chunks against it.

Run with any Python that has rapidfuzz (jiwer >= 3 depends on it):
    python3 packages/core/bench/oracle/rapidfuzz-fixtures.py
The PRNG and pair generator mirror src/stats/prng.ts and bench/pairs.ts draw for draw; each case also
stores a checksum of the generated sequences so a drift between the two generators is reported as such.
"""
import json
import os

import rapidfuzz
from rapidfuzz.distance import Levenshtein

M32 = 0xFFFFFFFF


def imul(a, b):
    return (a * b) & M32


class RandomStream:  # mulberry32, as src/stats/prng.ts
    def __init__(self, seed):
        self.state = seed & M32

    def next_uint32(self):
        self.state = (self.state + 0x6D2B79F5) & M32
        s = self.state
        t = imul(s ^ (s >> 15), 1 | s)
        t = ((t + imul(t ^ (t >> 7), 61 | t)) & M32) ^ t
        return (t ^ (t >> 14)) & M32

    def int(self, n):
        return (self.next_uint32() * n) >> 32


def make_pair(seed, length, vocab, error_permille, junk):  # as bench/pairs.ts makePair
    rng = RandomStream(seed)
    ref = [rng.int(vocab) for _ in range(length)]
    hyp = []
    third = error_permille / 3
    for t in ref:
        r = rng.int(1000)
        if r < third:
            hyp.append(rng.int(vocab))
        elif r < 2 * third:
            continue
        elif r < error_permille:
            hyp.extend([t, rng.int(vocab)])
        else:
            hyp.append(t)
    if junk > 0:
        at = rng.int(len(hyp) + 1)
        hyp[at:at] = [rng.int(vocab) for _ in range(junk)]
    return ref, hyp


def fnv1a(text):
    h = 0x811C9DC5
    for byte in text.encode():
        h = imul(h ^ byte, 0x01000193)
    return h


def checksum(ref, hyp):
    return fnv1a(",".join(map(str, ref)) + "|" + ",".join(map(str, hyp)))


TAG = {"equal": "equal", "replace": "substitute", "delete": "delete", "insert": "insert"}


def specs():
    seed = 1
    for k in range(300):  # short, tiny alphabets: ties everywhere
        yield dict(seed=seed, length=k % 41, vocab=2 + k % 5, errorPermille=(k * 37) % 1000, junk=(k % 7) * (k % 3))
        seed += 1
    for k in range(40):  # utterance-sized, below rapidfuzz's split threshold
        yield dict(seed=seed, length=100 + 37 * k, vocab=[3, 40, 2000][k % 3], errorPermille=[50, 150, 400][k % 3], junk=[0, 0, 60][k % 3])
        seed += 1
    for k in range(16):  # long: rapidfuzz splits (Hirschberg) at least once
        yield dict(seed=seed, length=2100 + 250 * k, vocab=[3, 30, 3000, 5][k % 4], errorPermille=[30, 100, 250, 600][k % 4], junk=[0, 500, 0, 2500][k % 4])
        seed += 1


def main():
    cases = []
    for spec in specs():
        ref, hyp = make_pair(spec["seed"], spec["length"], spec["vocab"], spec["errorPermille"], spec["junk"])
        ops = Levenshtein.opcodes(ref, hyp)
        chunks = ";".join(f"{TAG[o.tag]},{o.src_start},{o.src_end},{o.dest_start},{o.dest_end}" for o in ops)
        counts = {"hits": 0, "substitutions": 0, "deletions": 0, "insertions": 0}
        for o in ops:
            if o.tag == "equal":
                counts["hits"] += o.src_end - o.src_start
            elif o.tag == "replace":
                counts["substitutions"] += o.src_end - o.src_start
            elif o.tag == "delete":
                counts["deletions"] += o.src_end - o.src_start
            else:
                counts["insertions"] += o.dest_end - o.dest_start
        case = dict(spec=spec, inputChecksum=checksum(ref, hyp), hypLength=len(hyp), counts=counts, chunkCount=len(ops), chunksHash=fnv1a(chunks))
        if len(chunks) < 400:
            case["chunks"] = chunks
        cases.append(case)
    out = os.path.join(os.path.dirname(__file__), "..", "..", "src", "metrics", "fixtures", "rapidfuzz-opcodes.json")
    with open(out, "w") as f:
        json.dump({"generator": "bench/oracle/rapidfuzz-fixtures.py", "rapidfuzz": rapidfuzz.__version__, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(cases)} cases to {os.path.normpath(out)}")


if __name__ == "__main__":
    main()
