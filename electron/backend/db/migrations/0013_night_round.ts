// 0013: a round (查房) also completes the round-type tasks of the residents it covers ("查房时完成"), and a
// handover made well before the shift ends carries its reason. Frozen once released.
const ROUND_TEMPLATES = [
  "'01900000-0000-7000-8000-000000000111'", // 夜间巡视，提醒起夜开灯、穿防滑鞋
  "'01900000-0000-7000-8000-000000000112'", // 检查床栏是否拉起
  "'01900000-0000-7000-8000-000000000113'", // 每班清点，确认老人在院
].join(', ');

export const migration0013 = `
ALTER TABLE care_plan_templates ADD COLUMN completes_on_round INTEGER NOT NULL DEFAULT 0 CHECK (completes_on_round IN (0, 1));
UPDATE care_plan_templates SET completes_on_round = 1 WHERE id IN (${ROUND_TEMPLATES});
ALTER TABLE care_plan_tasks ADD COLUMN completes_on_round INTEGER NOT NULL DEFAULT 0 CHECK (completes_on_round IN (0, 1));
UPDATE care_plan_tasks SET completes_on_round = 1 WHERE template_id IN (${ROUND_TEMPLATES});

ALTER TABLE handovers ADD COLUMN early_reason TEXT NOT NULL DEFAULT '';
DROP TRIGGER handovers_content_fixed;
CREATE TRIGGER handovers_content_fixed BEFORE UPDATE ON handovers
WHEN OLD.summary IS NOT NEW.summary OR OLD.notes IS NOT NEW.notes OR OLD.submitted_at IS NOT NEW.submitted_at OR OLD.from_user_id IS NOT NEW.from_user_id OR OLD.early_reason IS NOT NEW.early_reason OR OLD.accepted_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a handover is fixed once submitted; it can be accepted once'); END;
`;
