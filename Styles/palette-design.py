#!/usr/bin/env python3
"""Chooses Stapel's ordered-scale palettes (issue 9) and prints the measured figures.

Each palette is a set of points on a ColorBrewer ramp (piecewise linear in CIELAB through the ramp's own
classes), placed per number of points n so that the smallest CIE76 colour difference between neighbouring
classes is as large as possible in normal vision and under protan, deutan and tritan simulation (Machado et
al. 2009, severity 1, on linear sRGB), while every class carries #1f1f1f or white text at 4.5:1 or more.
The result is written as explicit lists (no interpolation at render time). Usage:
    python3 Styles/palette-design.py            # optimise and print YAML + the ΔE table
    python3 Styles/palette-design.py --check "#hex" ...   # figures for one palette
"""
import math, sys, random
import numpy as np
from scipy.optimize import differential_evolution

M = {'protan': [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
     'deutan': [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
     'tritan': [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]}
VIEWS = ('normal', 'protan', 'deutan', 'tritan')
lin = lambda c: c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
unlin = lambda c: 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055
def rgb(h): return [lin(int(h[i:i + 2], 16) / 255) for i in (1, 3, 5)]
def sim(r, k): return r if k == 'normal' else [min(1, max(0, sum(M[k][i][j] * r[j] for j in range(3)))) for i in range(3)]
Y = lambda r: 0.2126 * r[0] + 0.7152 * r[1] + 0.0722 * r[2]
contrast = lambda a, b: (max(Y(a), Y(b)) + 0.05) / (min(Y(a), Y(b)) + 0.05)
DARK, WHITE = rgb('#1f1f1f'), [1.0, 1.0, 1.0]
def text_contrast(h): r = rgb(h); return max(contrast(r, DARK), contrast(r, WHITE))
def lab(r):
    f = lambda t: t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    x, y, z = (0.4124 * r[0] + 0.3576 * r[1] + 0.1805 * r[2]) / 0.95047, Y(r), (0.0193 * r[0] + 0.1192 * r[1] + 0.9505 * r[2]) / 1.08883
    return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
def lab_to_hex(L, a, b):
    fy = (L + 16) / 116; fx = fy + a / 500; fz = fy - b / 200
    finv = lambda t: t ** 3 if t > 0.206893 else (t - 16 / 116) / 7.787
    x, y, z = finv(fx) * 0.95047, finv(fy), finv(fz) * 1.08883
    r = 3.2406 * x - 1.5372 * y - 0.4986 * z
    g = -0.9689 * x + 1.8758 * y + 0.0415 * z
    bl = 0.0557 * x - 0.2040 * y + 1.0570 * z
    return '#' + ''.join('%02x' % round(min(1, max(0, unlin(min(1, max(0, c))))) * 255) for c in (r, g, bl))
def views(h): r = rgb(h); return {k: lab(sim(r, k)) for k in VIEWS}
def neighbour_de(pal):
    """Smallest neighbour ΔE76 per view."""
    vs = [views(h) for h in pal]
    return {k: min(math.dist(vs[i][k], vs[i + 1][k]) for i in range(len(pal) - 1)) for k in VIEWS}

class Ramp:
    def __init__(self, hexes):
        self.labs = [np.array(lab(rgb(h))) for h in hexes]
        d = [0.0] + [float(np.linalg.norm(self.labs[i + 1] - self.labs[i])) for i in range(len(hexes) - 1)]
        self.s = np.cumsum(d) / sum(d)
    def at(self, t):
        t = min(1, max(0, t))
        i = min(int(np.searchsorted(self.s, t, side='right')) - 1, len(self.s) - 2)
        u = (t - self.s[i]) / (self.s[i + 1] - self.s[i])
        return lab_to_hex(*(self.labs[i] + u * (self.labs[i + 1] - self.labs[i])))

def score(pal):
    de = min(neighbour_de(pal).values())
    bad = sum(max(0, 4.6 - text_contrast(h)) for h in pal)   # 4.5:1 with a margin
    return de - 100 * bad

def sequential(ramp, n, tmax=1.0, seed=1):
    def build(x): return [ramp.at(t) for t in sorted(x, reverse=True)]   # darkest (highest score) first
    r = differential_evolution(lambda x: -score(build(x)), [(0, tmax)] * n, seed=seed, tol=1e-7, maxiter=200,
                               popsize=20, polish=False)
    return build(r.x)

def diverging(high, low, n, grey_range=(0.86, 0.95), tmax=1.0, seed=1):
    """high: ramp from the neutral end to the darkest colour of the high-score side; low likewise."""
    k = n // 2
    def build(x):
        ts = sorted(x[:k], reverse=True)
        hi = [high.at(t) for t in ts]
        lo = [low.at(t) for t in reversed(ts)]
        mid = []
        if n % 2:
            g = round(x[k] * 255); mid = ['#%02x%02x%02x' % (g, g, g)]
        return hi + mid + lo
    bounds = [(0.06, tmax)] * k + ([grey_range] if n % 2 else [])
    r = differential_evolution(lambda x: -score(build(x)), bounds, seed=seed, tol=1e-7, maxiter=200, popsize=15,
                               polish=False)
    return build(r.x)

BLUES = Ramp(['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'])
YLGNBU = Ramp(['#ffffd9', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#253494', '#081d58'])
RDBU_BLUE = Ramp(['#f7f7f7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac', '#053061'])
RDBU_RED = Ramp(['#f7f7f7', '#fddbc7', '#f4a582', '#d6604d', '#b2182b', '#67001f'])
GREY = Ramp(['#f7f7f7', '#1a1a1a'])

def greys(n):
    """Greys for print: L* evenly spaced from dark to light, skipping the L* band (about 49–57) where neither
    #1f1f1f nor white text reaches 4.5:1; short scales keep to L* 25–85."""
    lo_w, hi_w = 49.4, 56.6
    top, bottom = (85, 25) if n <= 3 else (96, 17)
    step = ((top - bottom) - (hi_w - lo_w)) / (n - 1)
    Ls = [bottom + i * step for i in range(n)]
    return [lab_to_hex(L if L <= lo_w else L + (hi_w - lo_w), 0, 0) for L in Ls]

def fmt(pal): return '[' + ', '.join('"%s"' % h for h in pal) + ']'

if __name__ == '__main__':
    if len(sys.argv) > 1 and sys.argv[1] == '--check':
        pal = sys.argv[2:]
        print({k: round(v, 1) for k, v in neighbour_de(pal).items()}, [round(text_contrast(h), 2) for h in pal])
        sys.exit()
    which = sys.argv[1:] or ['div', 'blues', 'ylgnbu', 'grey']
    for name in which:
        print('#', name)
        for n in range(2, 12):
            if name == 'div': pal = diverging(RDBU_BLUE, RDBU_RED, n, tmax=0.76 if n <= 5 else 1.0)
            elif name == 'grey': pal = greys(n)
            else: pal = sequential(BLUES if name == 'blues' else YLGNBU, n, tmax=0.85 if n <= 4 else 1.0)
            de = neighbour_de(pal)
            print('    %d: %s   # ΔE %s  text ≥ %.2f' % (n, fmt(pal), ' '.join('%.1f' % de[k] for k in VIEWS),
                                                      min(text_contrast(h) for h in pal)))
        sys.stdout.flush()
