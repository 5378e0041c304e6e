#!/usr/bin/env python3
"""Two PNGs' image streams compared token by token: for a PNG whose bytes differ between runs while its pixels
do not (see "Deterministic PNG bytes" in Benchmarks/README.md), where the two deflate streams part and how.

    python3 Benchmarks/deflate_tokens.py A.png B.png

Prints whether the decoded rows are equal, the first differing token (a literal, or a match's length and
distance, with its position in the decoded rows and that position's distance to the last multiple of 32 KiB and
64 KiB before the match's source), its neighbours, and how many tokens differ. Pure Python; a few seconds.
"""
import sys
import zlib

from compare_outputs import png_chunks

LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163,
               195, 227, 258]
LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
DISTANCE_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
                 3073, 4097, 6145, 8193, 12289, 16385, 24577]
DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]


def image_stream(path):
    """The concatenated IDAT data of a PNG (a zlib stream)."""
    return b"".join(body for kind, body in png_chunks(path) if kind == "IDAT")


class Bits:
    def __init__(self, data):
        self.data, self.at = data, 0

    def read(self, count):
        value = 0
        for i in range(count):
            value |= ((self.data[self.at >> 3] >> (self.at & 7)) & 1) << i
            self.at += 1
        return value


def huffman(lengths):
    """Canonical Huffman codes as {(length, code): symbol}."""
    counts = [0] * 16
    for length in lengths:
        if length:
            counts[length] += 1
    code, first = 0, [0] * 16
    for bits in range(1, 16):
        code = (code + counts[bits - 1]) << 1
        first[bits] = code
    table = {}
    for symbol, length in enumerate(lengths):
        if length:
            table[(length, first[length])] = symbol
            first[length] += 1
    return table


def decode(bits, table):
    code = length = 0
    while True:
        code = (code << 1) | bits.read(1)
        length += 1
        if (length, code) in table:
            return table[(length, code)]


def tokens(stream):
    """The deflate tokens of a zlib stream: ("literal", position, byte), ("match", position, length, distance),
    ("stored", position, count)."""
    bits, position, out = Bits(stream[2:]), 0, []
    while True:
        final, kind = bits.read(1), bits.read(2)
        if kind == 0:
            bits.at = (bits.at + 7) & ~7
            count = bits.read(16)
            bits.read(16)
            bits.at += 8 * count
            out.append(("stored", position, count))
            position += count
        else:
            if kind == 1:
                literals = huffman([8] * 144 + [9] * 112 + [7] * 24 + [8] * 8)
                distances = huffman([5] * 30)
            else:
                literal_count, distance_count, code_count = bits.read(5) + 257, bits.read(5) + 1, bits.read(4) + 4
                code_lengths = [0] * 19
                for i in range(code_count):
                    code_lengths[CODE_LENGTH_ORDER[i]] = bits.read(3)
                codes, lengths = huffman(code_lengths), []
                while len(lengths) < literal_count + distance_count:
                    symbol = decode(bits, codes)
                    if symbol < 16:
                        lengths.append(symbol)
                    elif symbol == 16:
                        lengths += [lengths[-1]] * (3 + bits.read(2))
                    elif symbol == 17:
                        lengths += [0] * (3 + bits.read(3))
                    else:
                        lengths += [0] * (11 + bits.read(7))
                literals, distances = huffman(lengths[:literal_count]), huffman(lengths[literal_count:])
            while True:
                symbol = decode(bits, literals)
                if symbol < 256:
                    out.append(("literal", position, symbol))
                    position += 1
                elif symbol == 256:
                    break
                else:
                    symbol -= 257
                    length = LENGTH_BASE[symbol] + bits.read(LENGTH_EXTRA[symbol])
                    code = decode(bits, distances)
                    distance = DISTANCE_BASE[code] + bits.read(DISTANCE_EXTRA[code])
                    out.append(("match", position, length, distance))
                    position += length
        if final:
            return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    a, b = (image_stream(p) for p in sys.argv[1:])
    print(f"decoded rows equal: {zlib.decompress(a) == zlib.decompress(b)}; streams {len(a)} and {len(b)} bytes")
    ta, tb = tokens(a), tokens(b)
    differing = [i for i, (x, y) in enumerate(zip(ta, tb)) if x != y]
    print(f"tokens: {len(ta)} and {len(tb)}; {len(differing) + abs(len(ta) - len(tb))} differ")
    if not differing:
        return
    first = differing[0]
    for name, token in (("A", ta[first]), ("B", tb[first])):
        note = ""
        if token[0] == "match":
            source = token[1] - token[3]
            note = f" (source at {source}: {source % 32768} past a multiple of 32 KiB, {source % 65536} of 64 KiB)"
        print(f"first difference, {name}: {token}{note}")
    print("A around it:", ta[max(first - 3, 0):first + 4])
    print("B around it:", tb[max(first - 3, 0):first + 4])


if __name__ == "__main__":
    main()
