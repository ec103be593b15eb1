// Codes that only the database and the backend know (no API field carries them), each the vocabulary of one SQL
// CHECK list; test/backend/db-check-vocab.test.ts ties them to the migrated schema.

/** care_plan_templates.trigger_kind: a template follows a care grade or a safety risk. */
export const TEMPLATE_TRIGGERS = ['grade', 'risk'] as const;
/** care_plan_templates.min_risk: the lowest risk grade a risk template applies from ('low' never makes a task). */
export const TEMPLATE_MIN_RISKS = ['medium', 'high'] as const;
