import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { storeSnapshots } from '../../stores/registry';
import { installFakeMamori, ok } from '../../test/fakeMamori';
import { renderApp } from '../../test/renderApp';

const RECOVERY_KEY = 'AB12-CD34-EF56-GH78-JK90-LM12-NP34-QR56-ST78-UV90-WX12-YZ34-K7Q2';

function firstRun() {
  let created = false;
  const fake = installFakeMamori({
    'vault:status': () => ok({ exists: created, unlocked: false }),
    'vault:create': () => {
      created = true;
      return ok({ recoveryKey: RECOVERY_KEY });
    },
  });
  return { fake, ...renderApp() };
}

async function fillForm(user: ReturnType<typeof renderApp>['user'], passphrase = 'a long enough passphrase') {
  await user.type(await screen.findByLabelText('Administrator user name'), 'admin.test');
  await user.type(screen.getByLabelText('Display name'), 'Testperson Admin');
  await user.type(screen.getByLabelText('Passphrase'), passphrase);
  await user.type(screen.getByLabelText('Confirm passphrase'), passphrase);
}

describe('create vault', () => {
  it('shows the recovery key and refuses to continue until the user confirms it', async () => {
    const { fake, user } = firstRun();
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Create vault' }));

    expect(fake.callsTo('vault:create')).toEqual([
      { username: 'admin.test', displayName: 'Testperson Admin', passphrase: 'a long enough passphrase', locale: 'en' },
    ]);
    expect((await screen.findByLabelText('Recovery key')).textContent).toBe(RECOVERY_KEY);

    const next = screen.getByRole('button', { name: 'Continue to sign in' });
    expect(next).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('checkbox', { name: 'I have written down the recovery key and stored it safely' }));
    expect(next).toHaveProperty('disabled', true);

    const lastGroup = screen.getByLabelText('Last group of the recovery key');
    await user.type(lastGroup, 'K7Q3');
    expect(next).toHaveProperty('disabled', true);
    expect(screen.getByText('This does not match the last group of the recovery key.')).toBeTruthy();

    // Lower case is accepted: the check is about the characters, not the keyboard state.
    await user.clear(lastGroup);
    await user.type(lastGroup, 'k7q2');
    expect(next).toHaveProperty('disabled', false);

    await user.click(next);
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(document.body.textContent).not.toContain('K7Q2');
    expect(JSON.stringify(storeSnapshots())).not.toContain('K7Q2');
  });

  it('does not continue with the right last group until the box is ticked', async () => {
    const { user } = firstRun();
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Create vault' }));
    await user.type(await screen.findByLabelText('Last group of the recovery key'), 'K7Q2');
    expect(screen.getByRole('button', { name: 'Continue to sign in' })).toHaveProperty('disabled', true);
  });

  it('shows the contract rules as translated field errors and creates nothing', async () => {
    const { fake, user } = firstRun();
    await user.type(await screen.findByLabelText('Administrator user name'), 'has space');
    await user.type(screen.getByLabelText('Passphrase'), 'too short');
    await user.type(screen.getByLabelText('Confirm passphrase'), 'different');
    await user.click(screen.getByRole('button', { name: 'Create vault' }));

    expect(screen.getByText("Use only letters, digits, '.', '_' and '-' (no spaces).")).toBeTruthy();
    expect(screen.getByText('Enter a display name.')).toBeTruthy();
    expect(screen.getByText('The passphrase must be at least 12 characters long.')).toBeTruthy();
    expect(screen.getByText('The two passphrases do not match.')).toBeTruthy();
    expect(fake.callsTo('vault:create')).toEqual([]);

    await user.click(screen.getByRole('radio', { name: '日本語' }));
    expect(screen.getByText('パスフレーズは12文字以上にしてください。')).toBeTruthy();
    expect(screen.getByLabelText('管理者のユーザー名')).toBeTruthy();
  });

  it('creates the vault in the language on screen', async () => {
    const { fake, user } = firstRun();
    await user.click(await screen.findByRole('radio', { name: '日本語' }));
    await user.type(screen.getByLabelText('管理者のユーザー名'), 'admin.test');
    await user.type(screen.getByLabelText('表示名'), 'テスト 管理者');
    await user.type(screen.getByLabelText('パスフレーズ'), 'パスフレーズは十二文字以上必要');
    await user.type(screen.getByLabelText('パスフレーズ（確認）'), 'パスフレーズは十二文字以上必要');
    await user.click(screen.getByRole('button', { name: '保管庫を作成' }));
    expect(fake.callsTo('vault:create')).toMatchObject([{ locale: 'ja' }]);
    expect(await screen.findByRole('checkbox', { name: '回復キーを書き留め、安全な場所に保管しました' })).toBeTruthy();
  });
});
