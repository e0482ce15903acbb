/**
 * Every failure that crosses a boundary (IPC, CLI) is one of these codes with a human message.
 * Messages exist in English and Japanese; never put case text or key material into a message.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'NOT_SIGNED_IN',
  'FORBIDDEN',
  'VAULT_NOT_FOUND',
  'VAULT_EXISTS',
  'VAULT_LOCKED',
  'VAULT_DAMAGED',
  'VAULT_TOO_NEW',
  'VAULT_IN_USE',
  'VAULT_ROLLED_BACK',
  'BAD_CREDENTIALS',
  'THROTTLED',
  'PASSPHRASE_POLICY',
  'RECOVERY_KEY_MISMATCH',
  'SESSION_EXPIRED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type Locale = 'en' | 'ja';
export const LOCALES: readonly Locale[] = ['en', 'ja'];

/** The shape every failure takes when it leaves core. */
export interface MamoriError {
  code: ErrorCode;
  message: string;
  /** Only for THROTTLED: how long the user must wait before the next attempt. */
  retryAfterMs?: number;
  /** Only for INVALID_INPUT: which fields failed, with a message key (e.g. 'passphrase.tooShort'). */
  issues?: { path: string; message: string }[];
}

export const ERROR_MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  INVALID_INPUT: {
    en: 'Some of the information entered is not valid. Check the highlighted fields.',
    ja: '入力内容に誤りがあります。表示された項目を確認してください。',
  },
  UNKNOWN_CHANNEL: {
    en: 'This action is not available.',
    ja: 'この操作は利用できません。',
  },
  NOT_SIGNED_IN: {
    en: 'Please sign in first.',
    ja: '先にサインインしてください。',
  },
  FORBIDDEN: {
    en: 'Your role does not allow this action.',
    ja: 'あなたの権限ではこの操作はできません。',
  },
  VAULT_NOT_FOUND: {
    en: 'No vault exists in this data directory yet.',
    ja: 'このデータフォルダーにはまだ保管庫がありません。',
  },
  VAULT_EXISTS: {
    en: 'A vault already exists in this data directory.',
    ja: 'このデータフォルダーには既に保管庫があります。',
  },
  VAULT_LOCKED: {
    en: 'The vault is locked. Sign in to continue.',
    ja: '保管庫はロックされています。続けるにはサインインしてください。',
  },
  VAULT_DAMAGED: {
    en: 'The vault file is damaged and cannot be read safely. Restore it from a backup and contact your administrator.',
    ja: '保管庫ファイルが破損しているため安全に読み込めません。バックアップから復元し、管理者に連絡してください。',
  },
  VAULT_TOO_NEW: {
    en: 'This vault was created by a newer version of Mamori. Update Mamori to open it; the vault was not changed.',
    ja: 'この保管庫は新しいバージョンのMamoriで作成されています。Mamoriを更新してください（保管庫は変更されていません）。',
  },
  VAULT_IN_USE: {
    en: 'The vault is open elsewhere (another Mamori window or command). Close it there first.',
    ja: '保管庫は別の場所（他のMamoriウィンドウまたはコマンド）で開かれています。先にそちらを閉じてください。',
  },
  VAULT_ROLLED_BACK: {
    en: 'The vault file is older than the last recorded state. It may have been replaced by an old copy. Contact your administrator.',
    ja: '保管庫ファイルが最後に記録された状態より古くなっています。古いコピーに置き換えられた可能性があります。管理者に連絡してください。',
  },
  BAD_CREDENTIALS: {
    en: 'The user name or passphrase is not correct.',
    ja: 'ユーザー名またはパスフレーズが正しくありません。',
  },
  THROTTLED: {
    en: 'Too many failed attempts. Wait before trying again.',
    ja: '失敗が続いたため、しばらく待ってから再度お試しください。',
  },
  PASSPHRASE_POLICY: {
    en: 'The passphrase must be at least 12 characters long.',
    ja: 'パスフレーズは12文字以上にしてください。',
  },
  RECOVERY_KEY_MISMATCH: {
    en: 'What you typed does not match the recovery key. Check your written copy.',
    ja: '入力内容が回復キーと一致しません。書き留めた控えを確認してください。',
  },
  SESSION_EXPIRED: {
    en: 'Your session was locked. Sign in again.',
    ja: 'セッションはロックされました。もう一度サインインしてください。',
  },
  INTERNAL: {
    en: 'Something went wrong. Nothing was saved. Try again; if it happens again, contact your administrator.',
    ja: '問題が発生しました。何も保存されていません。もう一度お試しください。繰り返し発生する場合は管理者に連絡してください。',
  },
};

export function errorMessage(code: ErrorCode, locale: Locale = 'en'): string {
  return ERROR_MESSAGES[code][locale];
}
