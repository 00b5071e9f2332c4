#!/usr/bin/env node
/**
 * Renders the web app icons (public/icons/*.png) from the two SVGs next to them. A one-off tool,
 * not part of the build: the PNGs are committed (a few KB each), so building needs no image
 * library. Run it again after changing icon.svg or maskable.svg:
 *
 *   node scripts/make-icons.mjs
 *
 * It uses `sharp` (librsvg inside), which Astro already installs for its image service.
 *  - icon.svg      → icon-192.png, icon-512.png ("any": rounded square, for launchers and tabs)
 *  - maskable.svg  → apple-touch-icon.png (180 px, full-bleed: iOS rounds the corners itself),
 *  - maskable.svg  → maskable-512.png (full-bleed background, the glyph inside the 80 % safe zone)
 */
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const dir = fileURLToPath(new URL('../public/icons/', import.meta.url));
const jobs = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['maskable.svg', 'apple-touch-icon.png', 180],
  ['maskable.svg', 'maskable-512.png', 512],
];
for (const [from, to, size] of jobs) {
  const info = await sharp(`${dir}${from}`, { density: 300 }).resize(size, size).png({ compressionLevel: 9, palette: true }).toFile(`${dir}${to}`);
  console.log(`icons: ${to} ${info.width}×${info.height}, ${info.size} bytes`);
}
