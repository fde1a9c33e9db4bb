"""Draw the Teams app icons with the standard library only (zlib + struct PNG writer).

    python deploy/teams/make_icons.py        # writes color.png (192x192) and outline.png (32x32)

color.png: a full-colour 192x192 icon (a speech bubble with a check mark on the accent colour).
outline.png: 32x32, white on transparent, as Teams requires for the outline icon.
The drawing is deterministic, so re-running it gives byte-identical files.
"""
from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

ACCENT = (0x2B, 0x57, 0x9A)  # the manifest's accentColor, #2B579A
WHITE = (0xFF, 0xFF, 0xFF)
GREEN = (0x3F, 0xB9, 0x50)


def png(width: int, height: int, pixels: list[list[tuple[int, int, int, int]]]) -> bytes:
    """An RGBA PNG (colour type 6, 8 bits, no interlace) from rows of (r, g, b, a)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in pixels)  # filter 0 per row
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def coverage(inside, x: int, y: int, samples: int = 4) -> float:
    """How much of pixel (x, y) lies inside the shape: supersampled, for smooth edges."""
    hits = sum(inside(x + (i + 0.5) / samples, y + (j + 0.5) / samples) for i in range(samples) for j in range(samples))
    return hits / (samples * samples)


def rounded_rect(x0: float, y0: float, x1: float, y1: float, r: float):
    def inside(x: float, y: float) -> bool:
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return False
        cx = min(max(x, x0 + r), x1 - r)
        cy = min(max(y, y0 + r), y1 - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    return inside


def bubble(size: float):
    """A speech bubble: a rounded rectangle with a tail at the lower left."""
    body = rounded_rect(0.16 * size, 0.18 * size, 0.84 * size, 0.70 * size, 0.12 * size)

    def tail(x: float, y: float) -> bool:  # triangle (0.26,0.66) (0.46,0.66) (0.24,0.86)
        ax, ay, bx, by, cx, cy = 0.26 * size, 0.66 * size, 0.46 * size, 0.66 * size, 0.24 * size, 0.86 * size
        d = (by - cy) * (ax - cx) + (cx - bx) * (ay - cy)
        a = ((by - cy) * (x - cx) + (cx - bx) * (y - cy)) / d
        b = ((cy - ay) * (x - cx) + (ax - cx) * (y - cy)) / d
        return a >= 0 and b >= 0 and a + b <= 1

    return lambda x, y: body(x, y) or tail(x, y)


def check(size: float, width: float):
    """A check mark: two thick segments."""
    points = [(0.34 * size, 0.44 * size), (0.46 * size, 0.56 * size), (0.68 * size, 0.32 * size)]

    def near(x: float, y: float, p, q) -> bool:
        (ax, ay), (bx, by) = p, q
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (width / 2) ** 2

    return lambda x, y: near(x, y, points[0], points[1]) or near(x, y, points[1], points[2])


def blend(under: tuple[int, int, int], over: tuple[int, int, int], alpha: float) -> tuple[int, int, int]:
    return tuple(round(u + (o - u) * alpha) for u, o in zip(under, over))  # type: ignore[return-value]


def color_icon(size: int = 192) -> bytes:
    shape, mark = bubble(size), check(size, 0.075 * size)
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            px = blend(ACCENT, WHITE, coverage(shape, x, y))
            px = blend(px, GREEN, coverage(mark, x, y))
            row.append((*px, 255))
        rows.append(row)
    return png(size, size, rows)


def outline_icon(size: int = 32) -> bytes:
    """White on transparent: the bubble's outline with the check mark inside."""
    outer = bubble(size)
    ring = rounded_rect(0.16 * size + 2.2, 0.18 * size + 2.2, 0.84 * size - 2.2, 0.70 * size - 2.2, 0.12 * size - 1.5)
    mark = check(size, 2.2)

    def shape(x: float, y: float) -> bool:
        return (outer(x, y) and not ring(x, y)) or mark(x, y)

    rows = [[(255, 255, 255, round(255 * coverage(shape, x, y, 6))) for x in range(size)] for y in range(size)]
    return png(size, size, rows)


def main(out: Path) -> int:
    (out / "color.png").write_bytes(color_icon())
    (out / "outline.png").write_bytes(outline_icon())
    print(f"wrote {out / 'color.png'} (192x192) and {out / 'outline.png'} (32x32)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent))
