import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { i18n } from '../i18n/i18n';
import { resetAllStores } from '../stores/registry';
import { removeFakeMamori } from './fakeMamori';

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

afterEach(async () => {
  cleanup();
  resetAllStores();
  removeFakeMamori();
  await i18n.changeLanguage('en');
});
