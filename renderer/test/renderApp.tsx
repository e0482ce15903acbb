import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoot } from '../AppRoot';

/** Renders the whole app, as main.tsx does, against whatever fake `window.mamori` the test installed. */
export function renderApp() {
  const user = userEvent.setup();
  return { user, ...render(<AppRoot />) };
}
