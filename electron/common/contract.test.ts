import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from './contract';

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every array reachable from `schema`, with its path and whether it has a maximum length. */
function arrays(schema: z.ZodType, path: string, out: { path: string; capped: boolean }[] = []): { path: string; capped: boolean }[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'array': {
      const checks = (def.checks as { _zod: { def: { check: string } } }[] | undefined) ?? [];
      out.push({ path, capped: checks.some((c) => c._zod.def.check === 'max_length') });
      arrays(def.element as z.ZodType, `${path}[]`, out);
      break;
    }
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) arrays(value, `${path}.${key}`, out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      arrays(def.innerType as z.ZodType, path, out);
      break;
    case 'pipe':
      arrays(def.in as z.ZodType, path, out);
      break;
    case 'union':
      (def.options as z.ZodType[]).forEach((o, i) => arrays(o, `${path}|${i}`, out));
      break;
    case 'record':
      // Keyed by an enum, a record has at most as many entries as the enum has values.
      out.push({ path: `${path}{}`, capped: defOf(def.keyType as z.ZodType).type === 'enum' });
      arrays(def.valueType as z.ZodType, `${path}{}`, out);
      break;
    default:
  }
  return out;
}

describe('the contract', () => {
  it('caps every array a caller can send, so no input grows without bound', () => {
    const uncapped = Object.entries(contract).flatMap(([channel, { input }]) => arrays(input as z.ZodType, channel).filter((a) => !a.capped).map((a) => a.path));
    expect(uncapped).toEqual([]);
  });

  it('de-duplicates lists of ids and codes before core sees them', () => {
    const parsed = contract['cases:acknowledgeConflict'].input.parse({
      caseId: '00000000-0000-4000-8000-000000000001',
      name: 'Test Name',
      context: 'interpreter',
      partyIds: ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a1'],
      reason: 'Checked: a different person',
    });
    expect(parsed.partyIds).toEqual(['00000000-0000-4000-8000-0000000000a1']);
    const assigned = contract['cases:assign'].input.parse({
      caseId: '00000000-0000-4000-8000-000000000001',
      version: 1,
      officerIds: ['00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000b1'],
      supervisorId: null,
    });
    expect(assigned.officerIds).toEqual(['00000000-0000-4000-8000-0000000000b1']);
    expect(() => contract['cases:acknowledgeConflict'].input.parse({ caseId: '00000000-0000-4000-8000-000000000001', name: 'x', context: 'interpreter', partyIds: Array(201).fill('00000000-0000-4000-8000-0000000000a1'), reason: 'Checked: a different person' })).toThrow();
  });
});
