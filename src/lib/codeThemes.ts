/** The Shiki themes code is shown in, light and dark: one place for the build, the colour classes and the chat's highlighter. */

/** Shiki theme names, by colour scheme. */
export const codeThemes = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;
