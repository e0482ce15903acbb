import {
  createTheme,
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

export const theme = createTheme({
  colors: { mamori },
  primaryColor: 'mamori',
  primaryShade: 7,
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

/** Mantine's grey help text and light red errors fall below 4.5:1 contrast on white: darker here. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
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
