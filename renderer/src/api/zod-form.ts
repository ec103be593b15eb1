// Lets Mantine forms use the same zod schemas the backend enforces, with the same Chinese messages.
import type { z } from 'zod';

export function zodValidate<S extends z.ZodType>(schema: S) {
  return (values: unknown): Record<string, string> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const key = issue.path.join('.');
      if (!(key in errors)) errors[key] = /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '请检查此项';
    }
    return errors;
  };
}
