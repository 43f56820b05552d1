-- target: domain
-- An undo follows the check-in it takes back: the undo of a guest's admission names the guest's
-- entry, the undo of a walk-up names none. 0003 allowed a missing entry on walk-ups alone, so a
-- walk-up counted by mistake could not be taken back. Admissions and walk-ups add people, undos
-- take them away: the sign of `admitted` says which.
ALTER TABLE check_ins DROP CONSTRAINT check_ins_check;
ALTER TABLE check_ins ADD CONSTRAINT check_ins_entry_by_kind CHECK (
  CASE kind WHEN 'ADMIT' THEN entry_id IS NOT NULL WHEN 'WALK_UP' THEN entry_id IS NULL ELSE true END
);
ALTER TABLE check_ins ADD CONSTRAINT check_ins_sign_by_kind CHECK ((kind = 'UNDO') = (admitted < 0));
