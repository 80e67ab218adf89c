"""Fails when a screenshot is missing, not a PNG, or blank (almost one colour)."""
import struct
import sys
import zlib


def pixels(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width, height, bpp = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            bpp = {2: 3, 6: 4, 0: 1, 4: 2}[color] * depth // 8
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def main(path):
    try:
        width, height, bpp, rows = pixels(path)
    except FileNotFoundError:
        print(f"FAIL {path}: missing")
        return 1
    except Exception as e:  # a corrupt file is a failure, not a crash
        print(f"FAIL {path}: {e}")
        return 1
    colours = set()
    for y in range(0, height, 7):
        row = rows[y]
        for x in range(0, width, 7):
            colours.add(row[x * bpp:x * bpp + 3])
    if width < 320 or height < 240 or len(colours) < 40:
        print(f"FAIL {path}: {width}x{height} with {len(colours)} colours looks blank")
        return 1
    print(f"ok   {path}: {width}x{height}, {len(colours)} sampled colours")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
