"""Build the embedded fonts of assets/fonts and assets/docfonts (README.md beside this file).

    /usr/bin/python3 assets/fonts/build.py SRC

SRC holds the four full faces as first committed (layout features stripped):
NotoSansSC-Regular.ttf, NotoSansSC-Bold.ttf, NotoSerifSC-Regular.ttf, NotoSerifSC-Bold.ttf;
`git show df1db00:assets/fonts/NotoSansSC-Regular.ttf > SRC/NotoSansSC-Regular.ttf` etc.
Needs python3-fonttools and zstd (Debian: apt-get install python3-fonttools zstd).
"""
import glob
import io
import os
import subprocess
import sys
import tempfile

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont


def ui_chars():
    """GB 2312, the symbol ranges, and every non-ASCII character of the divisions and sources."""
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    ranges = [(0x20, 0x7F), (0xA0, 0x180), (0x2000, 0x2070), (0x2150, 0x2200), (0x2460, 0x24FF),
              (0x25A0, 0x2600), (0x3000, 0x3040), (0xFF00, 0xFFF0)]
    for lo, hi in ranges:
        chars.update(chr(r) for r in range(lo, hi))
    for pat in ["data/divisions/*.csv", "forms/**/*.go", "app/*.go", "data/**/*.go", "cmd/**/*.go"]:
        for f in glob.glob(pat, recursive=True):
            if f.endswith("_test.go"):
                continue  # tests hold rare characters on purpose, to check the fallback
            with io.open(f, encoding="utf-8", errors="ignore") as fh:
                chars.update(ch for ch in fh.read() if ord(ch) > 0x7F)
    return "".join(sorted(chars))


def subset(src, dst, text):
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as fh:
        fh.write(text)
    subprocess.run([sys.executable, "-m", "fontTools.subset", src, "--text-file=" + fh.name,
                    "--layout-features=", "--no-hinting", "--output-file=" + dst], check=True)
    os.unlink(fh.name)


def to_cff(src, dst):
    """Same glyphs with CFF outlines (each quadratic curve as its exact cubic): Fyne's text
    engine reads CFF glyphs when drawn, TrueType glyphs all at load."""
    f = TTFont(src)
    gs, order, hmtx = f.getGlyphSet(), f.getGlyphOrder(), f["hmtx"].metrics
    charstrings = {}
    for name in order:
        pen = T2CharStringPen(hmtx[name][0], gs)
        gs[name].draw(pen)
        charstrings[name] = pen.getCharString()
    fb = FontBuilder(f["head"].unitsPerEm, isTTF=False)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(f.getBestCmap())
    fb.setupCFF(f["name"].getDebugName(6), {"FullName": f["name"].getDebugName(4)}, charstrings, {})
    metrics = {}
    for name in order:
        b = charstrings[name].calcBounds(None)
        metrics[name] = (hmtx[name][0], int(b[0]) if b else 0)
    fb.setupHorizontalMetrics(metrics)
    for tag in ["head", "hhea", "OS/2", "name"]:
        fb.font[tag] = f[tag]
    fb.setupPost(keepGlyphNames=False)
    fb.save(dst)


def rare_chars(src, ui):
    """Every character of the face that the UI subset lacks (the regular face's fallback)."""
    return "".join(chr(c) for c in sorted(set(TTFont(src).getBestCmap()) - set(map(ord, ui))) if c > 0x20)


def zst(src, dst):
    subprocess.run(["zstd", "-19", "--long=24", "-q", "-f", src, "-o", dst], check=True)


def main():
    src = sys.argv[1]
    text = ui_chars()
    with tempfile.TemporaryDirectory() as tmp:
        t = lambda n: os.path.join(tmp, n)
        regular = os.path.join(src, "NotoSansSC-Regular.ttf")
        subset(regular, t("sans-regular-ui.ttf"), text)
        to_cff(t("sans-regular-ui.ttf"), t("sans-regular-ui.otf"))
        zst(t("sans-regular-ui.otf"), "assets/fonts/NotoSansSC-Regular-UI.otf.zst")
        subset(regular, t("sans-regular-rare.ttf"), rare_chars(regular, text))
        to_cff(t("sans-regular-rare.ttf"), t("sans-regular-rare.otf"))
        zst(t("sans-regular-rare.otf"), "assets/fonts/NotoSansSC-Regular-Rare.otf.zst")
        subset(os.path.join(src, "NotoSansSC-Bold.ttf"), t("sans-bold-ui.ttf"), text)
        zst(t("sans-bold-ui.ttf"), "assets/fonts/NotoSansSC-Bold-UI.ttf.zst")
        to_cff(t("sans-bold-ui.ttf"), t("sans-bold-ui.otf"))
        zst(t("sans-bold-ui.otf"), "assets/fonts/NotoSansSC-Bold-UI.otf.zst")
        subprocess.run([sys.executable, "-m", "fontTools.subset", t("sans-bold-ui.ttf"), "--unicodes=U+0020",
                        "--layout-features=", "--no-hinting", "--notdef-outline", "--output-file=" + t("blank.ttf")], check=True)
        to_cff(t("blank.ttf"), "assets/fonts/Blank.otf")
        zst(os.path.join(src, "NotoSerifSC-Regular.ttf"), "assets/docfonts/NotoSerifSC-Regular.ttf.zst")
        subset(os.path.join(src, "NotoSerifSC-Bold.ttf"), t("serif-bold-ui.ttf"), text)
        zst(t("serif-bold-ui.ttf"), "assets/docfonts/NotoSerifSC-Bold-UI.ttf.zst")


if __name__ == "__main__":
    main()
