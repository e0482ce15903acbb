import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/mamori';
import { i18n } from '../../../i18n/i18n';
import { renderWithProviders } from '../../../test/renderCase';
import { CloseCaseDialog } from './CloseCaseDialog';

afterEach(() => i18n.changeLanguage('en'));

function renderDialog(onConfirm = vi.fn(async () => undefined)) {
  const onClose = vi.fn();
  const { user } = renderWithProviders(<CloseCaseDialog opened onClose={onClose} onConfirm={onConfirm} />);
  return { user, onConfirm, onClose };
}

describe('closing a case', () => {
  it('sends nothing until the outcome is chosen, in Japanese too, and offers only the outcomes a supervisor records', async () => {
    await i18n.changeLanguage('ja');
    const { user, onConfirm, onClose } = renderDialog();
    const dialog = await screen.findByRole('dialog', { name: '事案を終結する' });
    // 'unspecified' belongs to cases closed before outcomes existed; nobody chooses it.
    expect(within(dialog).getAllByRole('radio')).toHaveLength(6);
    expect(within(dialog).queryByRole('radio', { name: /未記録/ })).toBeNull();
    await user.type(within(dialog).getByRole('textbox', { name: /理由/ }), '帰国支援により帰国（架空）');
    await user.click(within(dialog).getByRole('button', { name: '事案を終結する' }));
    expect(await within(dialog).findByText('事案の終結区分を選んでください。')).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('radio', { name: '帰国（帰国支援による帰国を含む）' }));
    expect(within(dialog).queryByText('事案の終結区分を選んでください。')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: '事案を終結する' }));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledWith('returned-home', '帰国支援により帰国（架空）'));
    expect(onClose).toHaveBeenCalled();
  });

  it('puts core’s refusal of the outcome on the outcome, and keeps the dialog open', async () => {
    const refused = new ApiError({ code: 'INVALID_INPUT', message: 'fake', issues: [{ path: 'outcome', message: 'case.outcome.required' }] });
    const { user, onClose } = renderDialog(vi.fn(async () => Promise.reject(refused)));
    const dialog = await screen.findByRole('dialog', { name: 'Close the case' });
    await user.click(within(dialog).getByRole('radio', { name: 'Contact lost' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Left the shelter (fictional)');
    await user.click(within(dialog).getByRole('button', { name: 'Close the case' }));
    expect(await within(dialog).findByText('Choose how the case ended.')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });
});
