#!/usr/bin/env python3
"""Compares two output folders file by file: every file must be byte-identical, except PNGs, whose decoded
pixels (8-bit RGB/RGBA, any filter or zlib level) must be identical. Pure Python (zlib), no ImageMagick needed.

    python3 Benchmarks/compare_outputs.py OLD_DIR NEW_DIR [--png-size-tolerance 1]

Exit status 0 when everything matches. With --png-size-tolerance N, PNGs whose pixel sizes differ by at most
N px are reported (size and differing pixels over the common area) but do not fail: for a change of scale.
With --png-edges, PNGs of the same size whose pixels differ only in the last row and column, which the new one has
white, are counted but do not fail: for comparing with a build before 2026-12-01, when those edges, which the
figure covers only in part, were blended with black into a grey line.
"""
import os
import struct
import sys
import zlib


def png_chunks(path):
    """A PNG's chunks in order, as (kind, body) pairs."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, chunks = 8, []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunks.append((kind.decode(), data[pos + 8:pos + 8 + length]))
        pos += 12 + length
    return chunks


def png_pixels(path):
    found = png_chunks(path)
    chunks = [kind for kind, _ in found]
    idat = [body for kind, body in found if kind == "IDAT"]
    width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", dict(found)["IHDR"])
    assert depth == 8 and interlace == 0 and color in (2, 6), (path, depth, color, interlace)
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride): line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            for i in range(stride): line[i] = (line[i] + prev[i]) & 255
        elif f == 3:
            for i in range(stride):
                line[i] = (line[i] + ((line[i - bpp] if i >= bpp else 0) + prev[i]) // 2) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    if bpp == 4:  # compare as RGB when opaque
        rows = [bytes(b for i, b in enumerate(r) if i % 4 != 3) for r in rows]
    return width, height, rows, chunks


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    tolerance = None
    if "--png-size-tolerance" in sys.argv:
        tolerance = int(sys.argv[sys.argv.index("--png-size-tolerance") + 1])
        args = [a for a in args if a != str(tolerance)]
    old, new = args
    files = lambda root: sorted(os.path.relpath(os.path.join(d, f), root)
                                for d, _, fs in os.walk(root) for f in fs if not f.startswith("."))
    a, b = files(old), files(new)
    failures = []
    if a != b:
        failures.append(f"file lists differ: only old {sorted(set(a) - set(b))[:5]}, only new {sorted(set(b) - set(a))[:5]}")
    edges = "--png-edges" in sys.argv
    counts = {"identical": 0, "png-pixels-identical": 0, "png-resized": 0, "png-edges": 0}
    for rel in sorted(set(a) & set(b)):
        x, y = open(os.path.join(old, rel), "rb").read(), open(os.path.join(new, rel), "rb").read()
        if x == y:
            counts["identical"] += 1
            continue
        if not rel.endswith(".png"):
            failures.append(f"{rel}: bytes differ ({len(x)} vs {len(y)} B)")
            continue
        w1, h1, r1, _ = png_pixels(os.path.join(old, rel))
        w2, h2, r2, _ = png_pixels(os.path.join(new, rel))
        if (w1, h1) == (w2, h2) and r1 == r2:
            counts["png-pixels-identical"] += 1
            continue
        if edges and (w1, h1) == (w2, h2):
            changed = [(xx, yy) for yy in range(h1) if r1[yy] != r2[yy] for xx in range(w1)
                       if r1[yy][3 * xx:3 * xx + 3] != r2[yy][3 * xx:3 * xx + 3]]
            if all((xx == w1 - 1 or yy == h1 - 1) and r2[yy][3 * xx:3 * xx + 3] == b"\xff\xff\xff" for xx, yy in changed):
                counts["png-edges"] += 1
                continue
        w, h = min(w1, w2), min(h1, h2)
        diff = sum(1 for yy in range(h) for xx in range(w) if r1[yy][3 * xx:3 * xx + 3] != r2[yy][3 * xx:3 * xx + 3])
        line = f"{rel}: {w1}x{h1} -> {w2}x{h2}, {diff} of {w * h} common pixels differ"
        if tolerance is not None and abs(w1 - w2) <= tolerance and abs(h1 - h2) <= tolerance:
            counts["png-resized"] += 1
            print("note:", line)
        else:
            failures.append(line)
    for f in failures:
        print("DIFFERS:", f)
    print(f"{len(set(a) & set(b))} files compared: {counts['identical']} byte-identical, "
          f"{counts['png-pixels-identical']} PNGs with identical pixels (other bytes), "
          f"{counts['png-resized']} PNGs within the size tolerance, "
          + (f"{counts['png-edges']} PNGs differing only in white last row and column, " if edges else "")
          + f"{len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
