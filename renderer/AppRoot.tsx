import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { i18n } from './i18n/i18n';
import { LocalisedDates } from './ui/LocalisedDates';
import { cssVariablesResolver, memoryColorSchemeManager, theme } from './ui/theme';

/** The providers around the app; main.tsx mounts this, and component tests render it whole. */
export function AppRoot() {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        colorSchemeManager={memoryColorSchemeManager}
        forceColorScheme="light"
      >
        <LocalisedDates>
          <App />
        </LocalisedDates>
      </MantineProvider>
    </I18nextProvider>
  );
}
