import {
  createTheme,
  DEFAULT_THEME,
  InputWrapper,
  Modal,
  type CSSVariablesResolver,
  type MantineColorSchemeManager,
  type MantineColorsTuple,
} from '@mantine/core';

// A calm navy; shades 7–9 keep white text above 7:1 contrast for buttons and links.
const mamori: MantineColorsTuple = [
  '#eef2f8',
  '#dce3ef',
  '#b6c4de',
  '#8da3cc',
  '#6a86bd',
  '#5473b4',
  '#4869b0',
  '#33508f',
  '#2a4580',
  '#1f3868',
];

// Only the bundled Noto Sans JP (see main.tsx); the generic fallback is a local system font, never a download.
const fontFamily = '"Noto Sans JP", sans-serif';

/**
 * Red and orange with their darker half darker still: Mantine's red.8 and orange.9 as text on the
 * page's grey, and white on its red.7 and orange.7, fall below 4.5:1. Shades 0–5 are Mantine's.
 */
const red: MantineColorsTuple = [...(DEFAULT_THEME.colors.red.slice(0, 6) as string[]), '#e03131', '#c92a2a', '#b02525', '#962020'] as unknown as MantineColorsTuple;
const orange: MantineColorsTuple = [...(DEFAULT_THEME.colors.orange.slice(0, 6) as string[]), '#d9480f', '#c2410c', '#a63a0a', '#8a3008'] as unknown as MantineColorsTuple;

export const theme = createTheme({
  colors: { mamori, red, orange },
  primaryColor: 'mamori',
  primaryShade: 7,
  // Filled badges and buttons of any colour: black or white text, whichever contrasts more (0.179 is
  // the luminance where both give the same ratio, so the chosen one always clears 4.5:1).
  autoContrast: true,
  luminanceThreshold: 0.179,
  black: '#14171c',
  fontFamily,
  fontFamilyMonospace: 'ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace',
  headings: { fontFamily, fontWeight: '700' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    // A dialog's title is what it asks or announces: as prominent as a section heading.
    Modal: Modal.extend({ styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } } }),
    // Mantine sets help and error text 2 px below the input size, tightly spaced; 12 px Japanese is hard to read.
    InputWrapper: InputWrapper.extend({
      styles: { description: { lineHeight: 1.5 }, error: { lineHeight: 1.5 } },
      vars: () => ({
        label: {},
        error: { '--input-error-size': 'var(--mantine-font-size-sm)' },
        success: {},
        description: { '--input-description-size': 'var(--mantine-font-size-sm)' },
      }),
    }),
  },
});

/** `hex` mixed with black: `share` of the colour kept (sRGB, as the eye sees a darker shade). */
function darken(hex: string, share: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => Math.round(((n >> shift) & 0xff) * share);
  return `#${((channel(16) << 16) | (channel(8) << 8) | channel(0)).toString(16).padStart(6, '0')}`;
}

/**
 * The text of Mantine's "light" variant (badges, alerts, light and subtle buttons) is shade 6 of its
 * colour on a pale tint of it: orange, yellow, lime, teal and green fall well below 4.5:1 there. Here
 * it is shade 9 darkened by a third, which keeps the hue and clears 4.5:1 for every colour
 * (tests/e2e/accessibility.spec.ts runs axe's contrast rule on every screen).
 */
const lightVariantText = Object.fromEntries(
  Object.entries({ ...DEFAULT_THEME.colors, mamori, red, orange }).map(([name, shades]) => [`--mantine-color-${name}-light-color`, darken(shades[9], 0.66)]),
);

/** Mantine's grey help text and light red errors fall below 4.5:1 contrast on white: darker here. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...lightVariantText,
  },
  dark: {},
});

/**
 * Mantine's default manager keeps the colour scheme in localStorage. The renderer stores
 * nothing on disk, so the scheme lives in memory and is always light.
 */
export const memoryColorSchemeManager: MantineColorSchemeManager = {
  get: () => 'light',
  set: () => undefined,
  subscribe: () => undefined,
  unsubscribe: () => undefined,
  clear: () => undefined,
};
