"""Cut assets/fonts/NotoSansSC-Bold.ttf down to assets/fonts/NotoSansSC-Bold-UI.ttf (README-bold-ui.md)."""
import glob
import io
import subprocess
import sys

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
        with io.open(f, encoding="utf-8", errors="ignore") as fh:
            chars.update(ch for ch in fh.read() if ord(ch) > 0x7F)
with open("/tmp/tuijian-bold-chars.txt", "w", encoding="utf-8") as fh:
    fh.write("".join(sorted(chars)))
subprocess.run([sys.executable, "-m", "fontTools.subset", "assets/fonts/NotoSansSC-Bold.ttf",
                "--text-file=/tmp/tuijian-bold-chars.txt", "--layout-features=", "--no-hinting",
                "--output-file=assets/fonts/NotoSansSC-Bold-UI.ttf"], check=True)
