/** The colour classes of lessons' highlighted code (see src/lib/shikiColorClasses.ts), one cacheable stylesheet for every lesson page. */
import type { APIRoute } from 'astro';
import lightTheme from 'shiki/themes/github-light-high-contrast.mjs';
import darkTheme from 'shiki/themes/github-dark-high-contrast.mjs';
import { colorClassCss } from '../lib/shikiColorClasses';

/** Built once: it changes only with the themes. */
export const prerender = true;

/** Answers the rules for the light and the dark theme. */
export const GET: APIRoute = () => new Response(colorClassCss(lightTheme, darkTheme), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
