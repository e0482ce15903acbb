import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { i18n } from '../i18n/i18n';
import { resetAllStores } from '../stores/registry';
import { removeFakeMamori } from './fakeMamori';

// findBy* and waitFor resolve as soon as what they wait for appears; the limit only decides how long a
// loaded CI machine may take to render before the test fails (Testing Library's default is 1 s).
configure({ asyncUtilTimeout: 15_000 });

// jsdom lacks the layout APIs Mantine reads; these inert stand-ins are enough for behaviour tests.
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  }) as MediaQueryList;

globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// Mantine's autosizing Textarea listens for web fonts loading; jsdom has no FontFaceSet.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() }, configurable: true });
}

afterEach(async () => {
  cleanup();
  resetAllStores();
  removeFakeMamori();
  await i18n.changeLanguage('en');
});
