// Draws client/icon.png (128×128): a document with three lines of text and a
// tick, in the extension's teal. Plain Node (zlib), no image libraries; run
// once by hand (`node client/make-icon.js`) when the icon should change.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const W = 128;
const H = 128;
const px = Buffer.alloc(W * H * 4); // RGBA, transparent

function blend(x, y, [r, g, b], a = 1) {
  if (x < 0 || y < 0 || x >= W || y >= H) return;
  const i = (y * W + x) * 4;
  const da = px[i + 3] / 255;
  const oa = a + da * (1 - a);
  const mix = (s, d) => Math.round((s * a + d * da * (1 - a)) / (oa || 1));
  px[i] = mix(r, px[i]);
  px[i + 1] = mix(g, px[i + 1]);
  px[i + 2] = mix(b, px[i + 2]);
  px[i + 3] = Math.round(oa * 255);
}

/** Fills a rounded rectangle, with 4×4 supersampled edges. */
function roundRect(x0, y0, x1, y1, rad, color) {
  for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
    for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const px_ = x + (sx + 0.5) / 4;
          const py = y + (sy + 0.5) / 4;
          const cx = Math.min(Math.max(px_, x0 + rad), x1 - rad);
          const cy = Math.min(Math.max(py, y0 + rad), y1 - rad);
          if (px_ >= x0 && px_ <= x1 && py >= y0 && py <= y1 && (px_ - cx) ** 2 + (py - cy) ** 2 <= rad * rad) hits++;
        }
      }
      if (hits) blend(x, y, color, hits / 16);
    }
  }
}

/** A thick line from (x0,y0) to (x1,y1) with round caps. */
function line(x0, y0, x1, y1, width, color) {
  const r = width / 2;
  for (let y = Math.floor(Math.min(y0, y1) - r); y <= Math.ceil(Math.max(y0, y1) + r); y++) {
    for (let x = Math.floor(Math.min(x0, x1) - r); x <= Math.ceil(Math.max(x0, x1) + r); x++) {
      let hits = 0;
      for (let s = 0; s < 16; s++) {
        const px_ = x + ((s % 4) + 0.5) / 4;
        const py = y + (Math.floor(s / 4) + 0.5) / 4;
        const dx = x1 - x0;
        const dy = y1 - y0;
        const t = Math.max(0, Math.min(1, ((px_ - x0) * dx + (py - y0) * dy) / (dx * dx + dy * dy)));
        if ((px_ - x0 - t * dx) ** 2 + (py - y0 - t * dy) ** 2 <= r * r) hits++;
      }
      if (hits) blend(x, y, color, hits / 16);
    }
  }
}

const TEAL = [17, 94, 89];
const PAPER = [248, 250, 249];
const INK = [120, 140, 138];
const GREEN = [46, 160, 67];

roundRect(4, 4, 124, 124, 22, TEAL);
roundRect(30, 18, 98, 110, 8, PAPER);
for (const [y, len] of [[38, 48], [52, 40], [66, 44]]) line(42, y, 42 + len, y, 6, INK);
line(50, 88, 62, 100, 9, GREEN);
line(62, 100, 90, 72, 9, GREEN);

// PNG: signature, IHDR, one IDAT (filter byte 0 per row), IEND.
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(W, 0);
ihdr.writeUInt32BE(H, 4);
ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const raw = Buffer.alloc(H * (W * 4 + 1));
for (let y = 0; y < H; y++) px.copy(raw, y * (W * 4 + 1) + 1, y * W * 4, (y + 1) * W * 4);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
fs.writeFileSync(path.join(__dirname, 'icon.png'), png);
