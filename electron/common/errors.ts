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
  'VAULT_HEAD_MISSING',
  'BAD_CREDENTIALS',
  'THROTTLED',
  'PASSPHRASE_POLICY',
  'RECOVERY_KEY_MISMATCH',
  'RECOVERY_KEY_INVALID',
  'LOCKED_OUT',
  'PASSPHRASE_CHANGE_REQUIRED',
  'PASSPHRASE_REUSED',
  'LAST_ADMINISTRATOR',
  'USERNAME_TAKEN',
  'NOT_FOUND',
  'STALE_VERSION',
  'SESSION_EXPIRED',
  'INTERVIEW_NOT_READY',
  'INTERVIEW_STATE',
  'INTERPRETER_UNAVAILABLE',
  'ADVERSE_PARTY_MATCH',
  'CONFLICT_CHECKS_LIMITED',
  'RECOMMENDATION_INCOMPLETE',
  'SCREENING_REQUIRED',
  'EXPORT_CANCELLED',
  'EXPORT_WRITE_FAILED',
  'EXPORT_SEALED_NOT_ALLOWED',
  'EXPORT_UNAVAILABLE',
  'OWN_RECOMMENDATION',
  'SEALING_NOT_GRANTED',
  'SEALING_NO_KEY',
  'ORGANISATION_DUPLICATE',
  'ORGANISATION_RELATION',
  'ORGANISATION_UNKNOWN',
  'SNAPSHOT_STALE',
  'DECISION_STATE',
  'BACKUP_CANCELLED',
  'BACKUP_UNAVAILABLE',
  'BACKUP_UNREADABLE',
  'BACKUP_TRUNCATED',
  'BACKUP_MANIFEST_ALTERED',
  'BACKUP_PART_ALTERED',
  'BACKUP_NEWER',
  'BACKUP_FOREIGN',
  'BACKUP_KEYS_UNKNOWN',
  'BACKUP_WRITE_FAILED',
  'BACKUP_UNVERIFIED',
  'RESTORE_TARGET_NOT_EMPTY',
  'RESTORE_CONFIRMATION_MISMATCH',
  'LEGAL_HOLD',
  'LEGAL_HOLD_STATE',
  'NOT_DUE_FOR_PURGE',
  'COMPACTION_FAILED',
  'STATISTICS_EXPORT_UNAVAILABLE',
  'STATISTICS_EXPORT_FAILED',
  'STATISTICS_PERIOD_UNAVAILABLE',
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
  VAULT_HEAD_MISSING: {
    en: "The vault's rollback record (head.json) is missing. It may have been deleted to hide that an older copy of the vault was put back. An administrator can accept this with a reason, which is recorded in the audit trail; otherwise restore a verified backup.",
    ja: '保管庫のロールバック記録（head.json）がありません。古いコピーに戻されたことを隠すために削除された可能性があります。管理者は理由を記録したうえでこれを受け入れることができます（監査証跡に記録されます）。そうでなければ、検証済みのバックアップから復元してください。',
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
  RECOVERY_KEY_INVALID: {
    en: 'This recovery key does not open the vault, or the account is not an active administrator.',
    ja: 'この回復キーでは保管庫を開けないか、そのアカウントが有効な管理者ではありません。',
  },
  LOCKED_OUT: {
    en: 'This account is locked after too many failed sign-ins. An administrator must unlock it.',
    ja: 'サインインの失敗が多すぎたため、このアカウントはロックされています。管理者によるロック解除が必要です。',
  },
  PASSPHRASE_CHANGE_REQUIRED: {
    en: 'Set your own passphrase before continuing.',
    ja: '続ける前にご自身のパスフレーズを設定してください。',
  },
  PASSPHRASE_REUSED: {
    en: 'The new passphrase must differ from the current one.',
    ja: '新しいパスフレーズは現在のものと異なるものにしてください。',
  },
  LAST_ADMINISTRATOR: {
    en: 'The last active administrator cannot be disabled.',
    ja: '最後の有効な管理者は無効にできません。',
  },
  USERNAME_TAKEN: {
    en: 'This user name is already in use.',
    ja: 'このユーザー名は既に使われています。',
  },
  NOT_FOUND: {
    en: 'The record no longer exists.',
    ja: '該当する記録が見つかりません。',
  },
  STALE_VERSION: {
    en: 'Someone else changed this record after you opened it. Your entries are still on screen; reload to see the change, then save again.',
    ja: 'あなたが開いた後に他の人がこの記録を変更しました。入力内容は画面に残っています。再読み込みして変更を確認し、もう一度保存してください。',
  },
  SESSION_EXPIRED: {
    en: 'Your session was locked. Sign in again.',
    ja: 'セッションはロックされました。もう一度サインインしてください。',
  },
  INTERVIEW_NOT_READY: {
    en: 'The interview cannot start: some safeguards are not in place. Meet them, or ask a supervisor to override with a reason.',
    ja: '面接を開始できません。満たされていない保護措置があります。措置を整えるか、監督者に理由を付した承認を依頼してください。',
  },
  INTERVIEW_STATE: {
    en: 'This interview can no longer be changed in this way.',
    ja: 'この面接は、この方法ではもう変更できません。',
  },
  INTERPRETER_UNAVAILABLE: {
    en: 'This interpreter cannot be used: inactive or without a signed confidentiality pledge.',
    ja: 'この通訳人は使用できません（無効、または守秘誓約が未提出です）。',
  },
  CONFLICT_CHECKS_LIMITED: {
    en: 'You have saved or tried to save many interpreters in the last hour; each is checked against every case. Wait a while, or ask a supervisor.',
    ja: '直近1時間に多くの通訳人を保存または保存しようとしました（その都度すべての事案と照合します）。しばらく待つか、監督者に相談してください。',
  },
  ADVERSE_PARTY_MATCH: {
    en: 'This name matches an adverse party. Record why you go ahead, or choose someone else.',
    ja: 'この名前は加害関係者と一致します。続行する理由を記録するか、別の人を選んでください。',
  },
  RECOMMENDATION_INCOMPLETE: {
    en: 'The recommendation cannot be submitted yet: items are missing (see the guidance).',
    ja: '意見書はまだ提出できません。不足している項目があります（ガイダンスを確認してください）。',
  },
  SCREENING_REQUIRED: {
    en: 'This person absconded from technical intern training: complete the trafficking-indicator checklist first (or choose to screen later at intake). Until it is complete the case cannot be marked "not a victim".',
    ja: '技能実習から失踪した方です。先に人身取引の指標チェックリストを完了してください（受付時は「後でスクリーニングする」も選べます）。完了するまで「被害者ではない」とすることはできません。',
  },
  EXPORT_CANCELLED: {
    en: 'Nothing was saved or printed: the dialog was cancelled. Nothing is recorded as exported.',
    ja: '保存・印刷は取り消されました。出力記録には何も記録されていません。',
  },
  EXPORT_WRITE_FAILED: {
    en: 'The file could not be written there (no permission, or the disk is full). Nothing was saved or recorded; choose another place.',
    ja: 'その場所にファイルを書き込めませんでした（権限がないか、ディスクの空きがありません）。何も保存・記録されていません。別の場所を選んでください。',
  },
  EXPORT_SEALED_NOT_ALLOWED: {
    en: 'This kind of summary never carries that sealed information (for example, a liaison summary never carries the whereabouts).',
    ja: 'この種類の要約には、その秘匿情報を含めることはできません（例えば、捜査機関向けの連絡用要約には所在を含めません）。',
  },
  EXPORT_UNAVAILABLE: {
    en: 'Printing and saving summaries is not available here.',
    ja: 'ここでは要約の印刷・保存はできません。',
  },
  OWN_RECOMMENDATION: {
    en: 'A supervisor cannot approve a recommendation they drafted, edited or submitted. Another supervisor must approve it.',
    ja: '監督者は自分が作成・編集・提出した意見書を承認できません。別の監督者が承認する必要があります。',
  },
  SEALING_NOT_GRANTED: {
    en: 'Your access to sealed information is waiting for a supervisor\'s grant. Ask a supervisor to grant it; nothing else is affected.',
    ja: '秘匿情報へのアクセスは監督者の付与待ちです。監督者に付与を依頼してください。それ以外の作業には影響しません。',
  },
  SEALING_NO_KEY: {
    en: 'Your account has no key for sealed information yet. Change your passphrase (or sign out and in again) to create one.',
    ja: 'あなたのアカウントには秘匿情報用の鍵がまだありません。パスフレーズを変更する（または一度サインアウトして再度サインインする）と作成されます。',
  },
  ORGANISATION_DUPLICATE: {
    en: 'An organisation with this corporate number is already in the registry. Open that entry instead; nothing was saved.',
    ja: 'この法人番号の団体はすでに名簿にあります。その登録を開いてください。保存されていません。',
  },
  ORGANISATION_RELATION: {
    en: 'That link does not fit the chain implementing organisation → supervising organisation → sending organisation or broker. Nothing was saved.',
    ja: 'その関連付けは「実習実施者 → 監理団体 → 送出機関・ブローカー」の関係に合いません。保存されていません。',
  },
  ORGANISATION_UNKNOWN: {
    en: 'That organisation is not in the registry. Search the registry again and choose an entry from the results; nothing was saved.',
    ja: 'その団体は名簿にありません。名簿をもう一度検索し、結果から選んでください。保存されていません。',
  },
  SNAPSHOT_STALE: {
    en: 'The case changed after this recommendation was submitted. Review the changes; the officer must resubmit.',
    ja: 'この意見書の提出後に事案が変更されました。変更内容を確認してください。担当官による再提出が必要です。',
  },
  DECISION_STATE: {
    en: 'This decision can no longer be changed. An approved decision can only be superseded by a new one.',
    ja: 'この決定はもう変更できません。承認済みの決定は、新しい決定によってのみ置き換えられます。',
  },
  BACKUP_UNAVAILABLE: {
    en: 'Backups cannot be written or chosen here (no file dialogs). Use the command line: vault backup / vault restore.',
    ja: 'ここではバックアップの書き込み・選択はできません（ファイルダイアログがありません）。コマンドラインの vault backup / vault restore を使ってください。',
  },
  BACKUP_CANCELLED: {
    en: 'No file was chosen. Nothing was done.',
    ja: 'ファイルが選択されませんでした。何も行われていません。',
  },
  BACKUP_UNREADABLE: {
    en: 'This file is not a Mamori backup. Nothing was changed.',
    ja: 'このファイルは Mamori のバックアップではありません。何も変更されていません。',
  },
  BACKUP_TRUNCATED: {
    en: 'This backup file is incomplete: it was cut short, for example by a copy that did not finish. Use another copy. Nothing was changed.',
    ja: 'このバックアップファイルは不完全です（コピーが途中で終わったなどにより、途中で切れています）。別の控えを使ってください。何も変更されていません。',
  },
  BACKUP_MANIFEST_ALTERED: {
    en: "The backup's manifest does not verify: the file has been altered, or its parts come from different backups. Nothing was changed.",
    ja: 'バックアップの目録を検証できません。ファイルが改変されたか、別々のバックアップの部分が組み合わされています。何も変更されていません。',
  },
  BACKUP_PART_ALTERED: {
    en: 'A part of the backup does not match its manifest: the file has been altered or damaged, or mixed with another backup. Nothing was changed.',
    ja: 'バックアップの一部が目録と一致しません。ファイルが改変・破損しているか、別のバックアップと混ざっています。何も変更されていません。',
  },
  BACKUP_NEWER: {
    en: 'This backup was made by a newer version of Mamori. Update Mamori on this computer first. Nothing was changed.',
    ja: 'このバックアップは新しいバージョンの Mamori で作成されています。先にこのコンピューターの Mamori を更新してください。何も変更されていません。',
  },
  BACKUP_FOREIGN: {
    en: 'This backup belongs to a different vault. Only a backup of this vault can replace it; restore another vault into an empty data folder. Nothing was changed.',
    ja: 'このバックアップは別の保管庫のものです。現在の保管庫を置き換えられるのは、同じ保管庫のバックアップだけです。別の保管庫は空のデータフォルダーに復元してください。何も変更されていません。',
  },
  BACKUP_KEYS_UNKNOWN: {
    en: 'This user name and passphrase do not open this backup. Use an administrator passphrase that was valid when the backup was made.',
    ja: 'このユーザー名とパスフレーズではこのバックアップを開けません。バックアップ作成時に有効だった管理者のパスフレーズを使ってください。',
  },
  BACKUP_WRITE_FAILED: {
    en: 'The backup could not be written there (no permission, or the disk is full). Nothing was left behind; choose another place with enough space.',
    ja: 'その場所にバックアップを書き込めませんでした（権限がないか、ディスクの空きがありません）。途中までのファイルは残っていません。十分な空きのある別の場所を選んでください。',
  },
  BACKUP_UNVERIFIED: {
    en: 'The copy did not pass verification (page checks, structure or audit trail), so it was not used. Nothing was changed. Run a vault verification.',
    ja: 'コピーが検証（ページ検査・構造・監査証跡）に合格しなかったため、使用しませんでした。何も変更されていません。保管庫の検証を実行してください。',
  },
  RESTORE_TARGET_NOT_EMPTY: {
    en: 'The data folder is not empty. Restore into an empty folder, or replace the current vault after confirming with its vault ID.',
    ja: 'データフォルダーが空ではありません。空のフォルダーに復元するか、保管庫 ID を入力して確認したうえで現在の保管庫を置き換えてください。',
  },
  RESTORE_CONFIRMATION_MISMATCH: {
    en: 'The typed vault ID does not match the vault being replaced. Nothing was changed.',
    ja: '入力された保管庫 ID が、置き換える保管庫と一致しません。何も変更されていません。',
  },
  STATISTICS_EXPORT_UNAVAILABLE: {
    en: 'Saving statistics to a file is not available here.',
    ja: 'ここでは統計をファイルに保存できません。',
  },
  STATISTICS_EXPORT_FAILED: {
    en: 'The file could not be written (the folder may be read-only or the disk full). Nothing was saved and nothing is recorded as exported.',
    ja: 'ファイルを書き込めませんでした（フォルダーが読み取り専用か、ディスクの空きがない可能性があります）。何も保存されず、出力の記録もされていません。',
  },
  STATISTICS_PERIOD_UNAVAILABLE: {
    en: 'This table cannot be shown by that period: missing-intern reports are counted per half-year, so choose half-year or year.',
    ja: 'この表はその期間単位では表示できません。失踪実習生の報告は半期ごとに集計されるため、半期または年を選んでください。',
  },
  LEGAL_HOLD: {
    en: 'A case under a legal hold cannot be purged. Nothing was purged; a supervisor must release the hold first.',
    ja: '廃棄保留（リーガルホールド）中の事案は廃棄できません。何も廃棄されていません。先に監督者が廃棄保留を解除する必要があります。',
  },
  LEGAL_HOLD_STATE: {
    en: 'The legal hold has changed meanwhile: the case is already on hold, or has no hold to release. Reload to see its current state.',
    ja: '廃棄保留の状態が変わりました（既に保留中か、解除する保留がありません）。再読み込みして現在の状態を確認してください。',
  },
  NOT_DUE_FOR_PURGE: {
    en: 'A case in this purge is not past its retention period (it may have been reopened, or the period changed). Nothing was purged; reload the purge list.',
    ja: 'この廃棄には保存期間が満了していない事案が含まれています（再開されたか、保存期間が変更された可能性があります）。何も廃棄されていません。廃棄対象一覧を再読み込みしてください。',
  },
  COMPACTION_FAILED: {
    en: 'The cases were purged, but the vault file could not be compacted (is the disk full?): until it is, freed space in the file may still hold their content. Free some space, then run "cases purge" on the command line; it compacts the file even when nothing is due.',
    ja: '事案は廃棄されましたが、保管庫ファイルを圧縮できませんでした（ディスクの空き容量を確認してください）。圧縮されるまでは、ファイル内の空き領域に内容が残っている可能性があります。空き容量を確保してから、コマンドラインで「cases purge」を実行してください（廃棄対象がなくても圧縮します）。',
  },
  INTERNAL: {
    en: 'Something went wrong. Nothing was saved. Try again; if it happens again, contact your administrator.',
    ja: '問題が発生しました。何も保存されていません。もう一度お試しください。繰り返し発生する場合は管理者に連絡してください。',
  },
};

export function errorMessage(code: ErrorCode, locale: Locale = 'en'): string {
  return ERROR_MESSAGES[code][locale];
}
