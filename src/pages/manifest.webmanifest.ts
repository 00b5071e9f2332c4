/**
 * The web app manifest (/manifest.webmanifest), so the course can be installed on a phone or a
 * desktop. Built at build time: names from the dictionary, URLs with Astro's base. The icons are
 * committed PNGs rendered from public/icons/*.svg (scripts/make-icons.mjs). The service worker
 * (scripts/build-sw.mjs) precaches this file and the icons, so an installed course opens offline.
 */
import type { APIRoute } from 'astro';
import { t } from '../i18n/t';
import { url } from '../lib/url';

/** The light theme's --bg and --accent (src/styles/global.css): the splash screen and title bar. */
const BACKGROUND = '#ffffff';
const THEME = '#2150c4';

export const GET: APIRoute = () => {
  const manifest = {
    id: url(),
    name: t('site.name'),
    short_name: t('site.shortName'),
    description: t('site.description'),
    lang: 'zh-CN',
    dir: 'ltr',
    start_url: url(),
    scope: url(),
    display: 'standalone',
    background_color: BACKGROUND,
    theme_color: THEME,
    icons: [
      { src: url('icons/icon-192.png'), sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: url('icons/icon-512.png'), sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: url('icons/maskable-512.png'), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: url('icons/icon.svg'), sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, { headers: { 'Content-Type': 'application/manifest+json' } });
};
