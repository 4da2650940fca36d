/**
 * The colour classes of highlighted lesson code (shikiColorClasses.ts) as a stylesheet module,
 * `virtual:code-colors.css`, imported by the lesson layout: bundled into the site's one stylesheet, so a
 * lesson's first paint waits for one CSS file, not two.
 */
import darkTheme from 'shiki/themes/github-dark-high-contrast.mjs';
import lightTheme from 'shiki/themes/github-light-high-contrast.mjs';
import { colorClassCss } from './shikiColorClasses.ts';

const moduleId = 'virtual:code-colors.css';
const resolvedId = `\0${moduleId}`;

/** A Vite plugin that serves `virtual:code-colors.css`. */
export function codeColorsPlugin() {
  return {
    name: 'course:code-colors',
    resolveId: (id: string) => (id === moduleId ? resolvedId : undefined),
    load: (id: string) => (id === resolvedId ? colorClassCss(lightTheme, darkTheme) : undefined),
  };
}
