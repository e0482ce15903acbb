import type { Migration } from './migration';

/**
 * Immigration facts that can be true together (DOMAIN.md §2–§3): the single `situation` value gives
 * way to the status's validity, absconding from training, deportation procedures and custody,
 * each recorded on its own. Whether the person is in violation is derived (electron/common/
 * immigration.ts); the header keeps `violation_from`, the first day of violation, so the case list
 * can filter by standing on any day through an index. The indicator checklist gets an explicit
 * screening state (DOMAIN.md §3: an intern who fled is screened before anything else).
 *
 * Each old situation maps to the facts it stated; nothing else is guessed:
 *   valid-status → a valid status; overstay → expired (since the situation date, else the expiry);
 *   illegal-entry → no status; status-revoked → revoked; absconded-titp → absconded, status still
 *   valid (until its expiry); unauthorised-work and deportation-procedure → deportation procedures;
 *   detained / provisional-release / supervision-measures → that custody, in deportation procedures.
 * A case recorded with no status of residence has no status to be valid.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'immigration-facts',
  async up(tx) {
    await tx.exec(`
      ALTER TABLE case_details ADD COLUMN status_validity TEXT NOT NULL DEFAULT 'valid' CHECK (status_validity IN ('valid', 'expired', 'revoked', 'none'));
      ALTER TABLE case_details ADD COLUMN status_validity_since TEXT;
      ALTER TABLE case_details ADD COLUMN unauthorised_work INTEGER NOT NULL DEFAULT 0 CHECK (unauthorised_work IN (0, 1));
      ALTER TABLE case_details ADD COLUMN absconded INTEGER NOT NULL DEFAULT 0 CHECK (absconded IN (0, 1));
      ALTER TABLE case_details ADD COLUMN absconded_since TEXT;
      ALTER TABLE case_details ADD COLUMN deportation_procedure INTEGER NOT NULL DEFAULT 0 CHECK (deportation_procedure IN (0, 1));
      ALTER TABLE case_details ADD COLUMN custody_since TEXT;
      ALTER TABLE cases ADD COLUMN custody TEXT NOT NULL DEFAULT 'none' CHECK (custody IN ('none', 'detained', 'provisional-release', 'supervision-measures'));
      ALTER TABLE cases ADD COLUMN violation_from TEXT;
      ALTER TABLE cases ADD COLUMN screening_due INTEGER NOT NULL DEFAULT 0 CHECK (screening_due IN (0, 1));

      UPDATE case_details SET
        status_validity = CASE
          WHEN status_of_residence = 'none' THEN 'none'
          ELSE CASE (SELECT situation FROM cases c WHERE c.num = case_num)
            WHEN 'overstay' THEN 'expired'
            WHEN 'illegal-entry' THEN 'none'
            WHEN 'status-revoked' THEN 'revoked'
            ELSE 'valid' END END,
        status_validity_since = CASE (SELECT situation FROM cases c WHERE c.num = case_num)
          WHEN 'overstay' THEN coalesce(situation_since, period_of_stay_expiry)
          WHEN 'illegal-entry' THEN situation_since
          WHEN 'status-revoked' THEN situation_since
          ELSE NULL END,
        unauthorised_work = (SELECT situation = 'unauthorised-work' FROM cases c WHERE c.num = case_num),
        absconded = (SELECT situation = 'absconded-titp' FROM cases c WHERE c.num = case_num),
        absconded_since = CASE WHEN (SELECT situation FROM cases c WHERE c.num = case_num) = 'absconded-titp' THEN situation_since END,
        deportation_procedure = (SELECT situation IN ('unauthorised-work', 'deportation-procedure', 'detained', 'provisional-release', 'supervision-measures') FROM cases c WHERE c.num = case_num),
        custody_since = CASE WHEN (SELECT situation FROM cases c WHERE c.num = case_num) IN ('detained', 'provisional-release', 'supervision-measures') THEN situation_since END;
      -- An intern status among the illegal entries would contradict "no status": it is what the case said, so it goes.
      UPDATE case_details SET status_of_residence = 'none' WHERE status_validity = 'none';

      -- The checklist was treated as gone through once any indicator was answered: that is "completed" (date not recorded).
      UPDATE case_details SET exploitation = json_set(exploitation,
        '$.screening', CASE WHEN (SELECT count(*) FROM json_each(exploitation, '$.indicators')) > 0 THEN 'completed' ELSE 'not-started' END,
        '$.screenedOn', NULL);

      UPDATE cases SET custody = CASE WHEN situation IN ('detained', 'provisional-release', 'supervision-measures') THEN situation ELSE 'none' END;
      -- The same rule as violationFrom() in electron/common/immigration.ts ('0000-01-01': already).
      UPDATE cases SET
        violation_from = (SELECT CASE
          WHEN d.status_validity != 'valid' OR d.status_of_residence = 'none' OR d.deportation_procedure = 1 OR cases.custody != 'none' THEN '0000-01-01'
          WHEN d.period_of_stay_expiry IS NULL THEN NULL
          ELSE date(d.period_of_stay_expiry, '+1 day') END
          FROM case_details d WHERE d.case_num = cases.num),
        screening_due = (SELECT json_extract(d.exploitation, '$.screening') = 'later' OR (d.absconded = 1 AND json_extract(d.exploitation, '$.screening') != 'completed')
          FROM case_details d WHERE d.case_num = cases.num);

      DROP INDEX cases_by_situation;
      ALTER TABLE cases DROP COLUMN situation;
      ALTER TABLE case_details DROP COLUMN situation_since;
      CREATE INDEX cases_by_violation_from ON cases (violation_from, updated_at);
      CREATE INDEX cases_by_custody ON cases (custody, updated_at);
      -- My work's screening reminders: a few cases among many.
      CREATE INDEX cases_screening_due ON cases (updated_at) WHERE screening_due = 1;
    `);
  },
};
