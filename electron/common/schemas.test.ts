import { describe, expect, it } from 'vitest';
import { contract } from './contract';
import { messageWith, Reason, splitMessage, text } from './schemas';

describe('messages with values', () => {
  it('carry their numbers inside the message and give them back', () => {
    expect(messageWith('text.tooLong', { max: 120, length: 135 })).toBe('text.tooLong?max=120&length=135');
    expect(splitMessage('text.tooLong?max=120&length=135')).toEqual({ key: 'text.tooLong', values: { max: 120, length: 135 } });
  });

  it('leave a plain key as it is', () => {
    expect(messageWith('case.reason.tooShort', {})).toBe('case.reason.tooShort');
    expect(splitMessage('case.reason.tooShort')).toEqual({ key: 'case.reason.tooShort', values: {} });
  });
});

describe('a text over its limit', () => {
  it('names the limit and the length of the text as trimmed, counted as the limit counts', () => {
    const parsed = text(120).safeParse(`  ${'あ'.repeat(135)}  `);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.message)).toEqual(['text.tooLong?max=120&length=135']);
    expect(text(120).safeParse('あ'.repeat(120)).success).toBe(true);
  });

  it('says so for a stated reason, and through a channel core parses, at the field it concerns', () => {
    const reason = Reason.safeParse('x'.repeat(501));
    expect(reason.success ? [] : reason.error.issues.map((i) => i.message)).toEqual(['text.tooLong?max=500&length=501']);
    const note = contract['cases:addNote'].input.safeParse({ caseId: '00000000-0000-4000-8000-000000000001', noteType: 'general', body: 'x'.repeat(20_001), sealed: false });
    expect(note.success ? [] : note.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['body', 'text.tooLong?max=20000&length=20001']]);
  });
});
